"""Recall of the six disconnects in the ways units word them, and measure codes kept off framing.

D2: the two skins written as 两层皮 (not 学用两层皮, which is D3); party work gone slack (党建工作“淡化”);
integration short in breadth and depth; the business held to be unconnected with party work; the
party organisation's role pushed to the margin; party work kept outside production (游离于…之外), oil and
water, a mere sum, party work done behind closed doors; integration falling short; party work that
cannot be merged into the business. D2 with M1 (boundary rule 3): party work treated as an ornament
or a mere supplement; no sense of party building as the main duty.
D3: theory not linked with practice or not applied (学以致用); copying in place of study, study never
used; a flighty style of study; study met with perfunctory compliance; theory study not joined with
practice. 蜻蜓点水 is D3 only where it describes study.
D4: methods outdated or lagging, methods that no longer fit, the key point missed, too little
innovation, few working carriers, party work hard going, cadres at a loss for skills (能力恐慌), too few
means and methods, tradition held over innovation, passing on documents taken as the main form of
activity; each only where the passage is about party work or its activities.
D5: deployment without supervision or follow-through, a business meeting held in place of the
branch's organisational life, pressure that weakens level by level, perfunctory compliance.
D6: the assessment baton without effect, party and business assessment kept on two sheets (两张表),
party work that cannot be quantified.
M6: part-time staff outnumbering full-time ones, too little staffing of party work, teams chosen and
strengthened (选准配强), ageing or unsettled teams, no incentives for secretaries, party work pushed to
the margin or to the bench (冷板凳), weak party-affairs knowledge; the staffing wordings count only
where party work is named.
Framing carries no measure codes: a speech title (在…会议上的讲话), a preamble (为深入贯彻…现提出如下意见), the statement that an organ is both political and business,
and the significance of assessment (不是…而是…机制). A formalist 口号式贯彻 without politics named does not
turn into D2. A leader's words quoted or paraphrased (总书记强调，…) are coded by what they say, like any
other sentence.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D2: the two skins and party work gone slack
    ("部分车间的党建活动与生产任务“两层皮”现象仍较突出。", "有的支部学用“两层皮”，学归学、做归做。", "D2"),
    ("有的公司执行过松，党建工作“淡化”。", "有的公司执行过松，安全意识“淡化”。", "D2"),
    ("在推动党建与经营融合的广度和深度上，部分企业党组织还有不小差距。",
     "在拓展市场的广度和深度上，部分企业还有不小差距。", "D2"),
    ("个别领导认为审判工作与党建工作不相关联。", "个别领导认为审判工作与后勤工作不相关联。", "D2"),
    ("一些村党组织的作用日益边缘化。", "一些村民小组的作用日益边缘化。", "D2"),
    ("有的公司党建工作游离于生产经营之外。", "有的公司工会活动游离于生产经营之外。", "D2"),
    ("党建和业务像油水分离，互不相融。", "这瓶沙拉酱已经油水分离，不能吃了。", "D2"),
    ("个别单位的党建和业务仍只是简单相加。", "这两组数据只是简单相加。", "D2"),
    ("有的支部关起门来抓党建。", "有的车间关起门来抓生产。", "D2"),
    ("一些厂矿的党建与业务融合不足。", "一些厂矿的新老设备融合不足。", "D2"),
    ("有的支部很难将党的建设同项目管理整合推进。", "有的科室很难将新的软件同原有系统整合推进。", "D2"),
    # D2 and M1: awareness problems
    ("个别单位只把党建工作作为业务的“补充”。", "个别单位只把志愿服务作为业务的“补充”。", "D2"),
    ("个别单位只把党建工作作为业务的“点缀”。", "个别单位只把绿化工作作为园区的“点缀”。", "M1"),
    ("部分支部书记缺乏抓党建的主责主业意识。", "部分支部书记缺乏抓安全的主责主业意识。", "D2"),
    # D3: study not turned into practice
    ("部分党员学以致用还有欠缺。", "部分党员联系群众还有欠缺。", "D3"),
    ("部分党员理论联系实际还有欠缺。", "部分党员联系群众还有欠缺。", "D3"),
    ("有的干部不能很好地运用新思想指导实践、推动工作。", "有的干部不能很好地运用新设备开展检测。", "D3"),
    ("个别干部学风浮躁。", "个别干部作风浮躁。", "D3"),
    ("一些领导对理论学习消极应付。", "一些领导对群众来访消极应付。", "D3"),
    ("理论学习与实践相结合还不够。", "文化活动与旅游相结合还不够。", "D3"),
    ("有的党员读原著蜻蜓点水。", "有的单位检查安全隐患蜻蜓点水。", "D3"),
    ("有的支部以抄代学。", "有的支部以奖代补。", "D3"),
    ("部分党员只学不用。", "部分车辆只租不卖。", "D3"),
    # D4: what party work offers does not fit
    ("支部开展活动的方法比较陈旧。", "档案室整理资料的方法比较陈旧。", "D4"),
    ("支部工作方式方法不适应党员的新需求。", "财务工作方式方法不适应新的核算要求。", "D4"),
    ("一些党支部抓党建找不准重点。", "一些企业搞营销找不准重点。", "D4"),
    ("支部活动创新不够，党员兴趣不高。", "产品设计创新不够，销量不高。", "D4"),
    ("党建工作切实有效的载体不多。", "招商工作切实有效的手段不多。", "D4"),
    ("一些村支书抓党建吃劲费力。", "一些村支书抓招商吃劲费力。", "D4"),
    ("不少党务干部面对新业态感到能力恐慌。", "不少店员面对新系统感到能力恐慌。", "D4"),
    ("一些支部推动党建融入业务的手段方法不足。", "一些网点推广新产品的手段方法不足。", "D4"),
    ("部分党支部工作方法滞后。", "部分仓库盘点方法滞后。", "D4"),
    ("党支部工作有“重传统、轻创新”的倾向。", "这家餐馆的菜品有“重传统、轻创新”的倾向。", "D4"),
    ("不少支部书记把传达上级文件作为组织生活的主要形式。", "不少科长把整理上级文件作为日常工作的主要内容。", "D4"),
    # D5: form over substance
    ("个别企业对基层党建只部署不督导。", "个别企业对基层党建既部署又督导。", "D5"),
    ("有的单位有安排、有部署，但抓落实做得不够。", "有的单位有安排、有部署，抓落实也很到位。", "D5"),
    ("党建责任压力传导层层递减。", "党建责任压力传导到每个支部。", "D5"),
    ("有的干部对上级要求消极应付。", "有的干部对上级要求积极响应。", "D5"),
    ("有的处室用业务会代替组织生活会。", "有的处室用视频会代替现场会。", "D5"),
    # D6: party-building assessment without consequence
    ("党建考核的指挥棒作用还不明显。", "高考的指挥棒作用还不明显。", "D6"),
    ("一些单位的党建考核与业务考核仍是“两张表”。", "一些单位的财务报表仍是“两张表”。", "D6"),
    ("有的公司难以量化党建工作，只好凭印象打分。", "有的公司难以量化研发工作，只好凭印象打分。", "D6"),
    # M6: the party-affairs team and its shortcomings
    ("不少企业党组织兼职多专职少。", "这家医院的心理咨询师兼职多、专职少。", "M6"),
    ("有的企业基层党组织工作力量配备不够。", "有的企业销售部门工作力量配备不够。", "M6"),
    ("要选准配强村党组织班子。", "要选准用好项目合作方。", "M6"),
    ("不少村干部年龄老化、后继乏人。", "不少村民年龄老化、外出务工多。", "M6"),
    ("支部书记干得好也缺少激励。", "快递员干得好也缺少激励。", "M6"),
    ("村干部队伍不稳定。", "施工队伍不稳定。", "M6"),
    ("党务工作被边缘化。", "档案工作被边缘化。", "M6"),
    ("干党务就是坐冷板凳的想法仍然存在。", "替补队员坐冷板凳的情况仍然存在。", "M6"),
    ("部分社区书记党务知识不足。", "部分社区书记法律知识不足。", "M6"),
]

# (framing: a sentence whose measure wording must not count, code it must not get,
#  counterpart: the same wording as the unit's own statement, which keeps the code)
FRAMING = [
    ("在市直机关“一岗双责”落实推进会上的讲话", "M5", "各单位要落实“一岗双责”。"),
    ("为深入贯彻落实“两个维护”要求，推进党务干部双向交流，现提出如下意见：", "M6",
     "推进党务干部与业务干部双向交流。"),
    ("海关既是业务性很强的政治机关，也是政治性很强的业务机关。", "M2", "要强化政治机关意识。"),
    ("党建考核不是简单的打分工具，而是推动融合的关键机制。", "M5", "局党委建立了党建考核与业务考核同步机制。"),
    ("有的单位口号式贯彻上级部署。", "D2", "有的单位党建和业务“两张皮”。"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


@pytest.mark.parametrize(("framing", "code", "counterpart"), FRAMING)
def test_framing_carries_no_measure_code(matcher: RuleMatcher, framing: str, code: str, counterpart: str) -> None:
    assert code not in matcher.codes(framing)
    assert code in matcher.codes(counterpart)


def test_quoted_leader_is_coded_by_what_is_said(matcher: RuleMatcher) -> None:
    codes = matcher.codes("习近平总书记指出，要防止党建和业务“两张皮”，坚持一起谋划、一起部署。")
    assert {"D2", "M5"} <= codes
    assert "M2" in matcher.codes("在去年的座谈会上，总书记指出：“要把讲政治的要求落实到业务工作中。”")
