"""形式和内容脱节, 政治和业务脱节 and 导向融合 in the words of inspection feedback, rectification reports, self-examinations
and burden-reduction notices. Paper that swells while work does not (穿靴戴帽, 数字减负, 红头转白头, 层层发文, 照搬上级模板,
套话占比), inspections that count paper (资料作为考核标准, 听汇报看材料, 多头考核, 检查内容重复, 为迎接检查), records
written afterwards and rules hung on walls are D5. Shortfalls of political awareness that name politics (政治责任存在差距,
过于注重业务…政治要求落实不够, 缺乏政治眼光, 政治上不够成熟) are D1. Decisions of the centre carried out only in part
(决策部署…落实不到位) and party groups studying the business (党组会议研究重点工作) are M2. Every sentence here is
written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D5: paperwork
    ("有的通知穿靴戴帽，正文前先铺陈两页背景。", "有的通知开门见山，正文直接写任务。", "D5"),
    ("发文总量虽降，却有数字减负之嫌。", "发文总量下降了一成，办文周期缩短。", "D5"),
    ("部分事项红头转白头，换个名目照发不误。", "部分事项改为电话通知，当天即可办结。", "D5"),
    ("一些科室层层发文，一级一级往下压。", "一些科室按时发文，一件一件抓落实。", "D5"),
    ("有的方案照搬上级模板，只改了单位名称。", "有的方案参考外地经验，结合本地做了调整。", "D5"),
    ("有的汇报中套话占比过半。", "有的汇报中图表占比过半。", "D5"),
    ("镇里的会议场次多、时间长，干部难以下村。", "镇里的班车班次少、时间长，干部难以下村。", "D5"),
    ("支部的学习记录大多是后补的。", "支部的学习记录按月归档备查。", "D5"),
    # D5: inspections that count paper
    ("有的考核把会议记录和照片数量作为主要评价依据。", "有的考核把群众满意度作为主要评价依据。", "D5"),
    ("考评组以台账是否齐全为考核依据。", "考评组以任务是否完成为考核依据。", "D5"),
    ("督导组习惯于听汇报、看材料，很少进村入户。", "督导组深入车间、走进农户，现场核实情况。", "D5"),
    ("几个部门多头考核，基层应接不暇。", "几个部门联合办公，群众少跑腿。", "D5"),
    ("不同部门的检查内容重复，标准不一。", "不同部门的服务内容互补，各有侧重。", "D5"),
    ("留痕现象较为严重，基层苦不堪言。", "汛情较为严重，基层全力应对。", "D5"),
    ("为迎接检查，镇里连夜整理档案。", "为迎接新生，学校连夜布置宿舍。", "D5"),
    ("精简检查考核事项，减轻基层负担。", "精简审批事项，方便企业办事。", "D5"),
    ("制度牌子挂上了墙，却从未照着执行。", "新的宣传画挂上了墙，大家都说好看。", "D5"),
    ("各类评比项目繁多，标准不一。", "各类体育项目齐全，学生选择面广。", "D5"),
    ("过度依赖台账，基层不堪重负。", "高度依赖进口，企业不堪重负。", "D5"),
    ("要求基层在几个工作群里截图打卡。", "在工作群里通知明天的会议时间。", "D5"),
    ("有的单位为了过关硬凑材料。", "有的单位为了过冬储备煤炭。", "D5"),
    ("推进精文减会，把时间还给基层。", "推进垃圾分类，把环境还给居民。", "D5"),
    # D1: political awareness, with politics named
    ("履行政治责任还有差距。", "履行安全责任还有差距。", "D1"),
    ("有的科室过于注重业务考核，政治学习抓得不够。", "有的科室过于注重业务考核，安全培训抓得不够。", "D1"),
    ("个别干部缺乏政治眼光，就业务谈业务。", "个别干部缺乏市场眼光，就产品谈产品。", "D1"),
    ("少数年轻干部政治上还不够成熟。", "少数年轻干部业务上还不够熟练。", "D1"),
    ("对政治建设重视不够，抓得不紧。", "对基础设施建设重视不够，抓得不紧。", "D1"),
    ("政治警觉性不高，对苗头性问题反应迟缓。", "防汛警觉性不高，对险情反应迟缓。", "D1"),
    # M2: carrying out decisions of the centre, party groups studying the business
    ("对党中央关于生态保护的决策部署，有的处室落实不到位。", "对上级关于办公用房的调整通知，有的处室落实不到位。", "M2"),
    ("局党组会议每季度专题研究重点工作推进情况。", "局办公会每季度专题研究重点工作推进情况。", "M2"),
    ("实施政治领航工程，建设忠诚机关。", "实施道路亮化工程，建设美丽乡村。", "M2"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_awareness_shortfall_without_politics_named_stays_out_of_d1(matcher: RuleMatcher) -> None:
    # Boundary rule 2: D1 only when politics is named. A gap in “两个维护” alone is an M2 shortfall, not D1.
    codes = matcher.codes("在践行“两个维护”上还有差距。")
    assert "D1" not in codes
    assert "M2" in codes


def test_the_standard_role_formula_of_a_party_committee_is_not_m2(matcher: RuleMatcher) -> None:
    # The annotated sets give “把方向、管大局、保落实” as a description of a committee's role no M2.
    assert "M2" not in matcher.codes("企业党委发挥把方向、管大局、保落实的领导作用。")


def test_skimming_study_is_not_formalism_by_that_word_alone(matcher: RuleMatcher) -> None:
    # 蜻蜓点水 describes skimmed study (D3) in the annotated sample, so the word did not become a D5 term.
    assert "D5" not in matcher.codes("他读文件总是蜻蜓点水，看个标题就放下。")
