"""More wordings of the codes with the largest supports as unit reports, speeches and commentaries put them:
mechanisms that tie party building to the business (targets and responsibilities broken down, central tasks put into
the party-building indices, deploying and assessing together, party-building results used in evaluation, list-based
and institutionalised management, linkage with the business), party organisations and members acting inside the
business (entering the centre or the project, empowering it, on the front line, leading projects, serving the public),
the idea of integration (party building around the overall situation, awareness of duty, the two as one) and formalism
in assessment and activities. Each wording comes with a near-miss that must not get the code, and the boundary cases
found while measuring: a problem of integration that names a linkage is not a mechanism, building work into the
business said to fail is not a measure done, volunteer service to the public is no business role, a vague index is
no formalism. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M5: targets and responsibility, central tasks in the indices, linkage, lists, together, results used
    ("局党委健全目标责任机制，逐级签订任务书。", "局党委健全车辆使用管理，逐级登记台账。", "M5"),
    ("把全局重点工作任务同步列入党建考核指标体系。", "把全局重点工作任务同步列入年度财政预算。", "M5"),
    ("各支部把党建年度任务逐项细化到人，责任更明确了。",
     "各科室把采购年度预算逐项细化到月，数字更准确了。", "M5"),
    ("建立党组织与生产经营联动推进机制，每月会商一次。", "建立物资部门与生产车间对接渠道，每月会商一次。", "M5"),
    ("推动党建工作清单化管理，任务逐项销号。", "推动档案工作数字化管理，资料逐项扫描。", "M5"),
    ("党委把党建工作和业务工作一并部署、一并检查。", "党委把防汛工作和防火工作一并提醒、一并宣传。", "M5"),
    ("把党建工作目标分解到每个科室和每名班子成员。", "把节能降耗目标分解到每个车间和每条生产线。", "M5"),
    ("党建工作考核结果作为评先评优和干部选拔任用的重要依据。", "技能比武成绩作为岗位练兵和技师评定的参考。", "M5"),
    # M4: entering the centre or the project, empowering it, on the front line, leading, serving
    ("支部坚持融入中心、服务大局，围绕审批提速开展活动。", "支部坚持自愿参加、量力而行，围绕读书开展活动。", "M4"),
    ("项目党支部融入项目建设全过程，协调解决施工难题。", "项目监理部参与项目建设全过程，协调解决施工难题。", "M4"),
    ("以党建赋能业务发展，攻克了三项技术难关。", "以技改赋能业务发展，攻克了三项技术难关。", "M4"),
    ("抢险现场，党旗插在了堤坝最危险的地段。", "抢险现场，沙袋堆在了堤坝最危险的地段。", "M4"),
    ("做到关键岗位有党员、关键环节有党员把关。", "做到关键岗位有监控、关键环节有专人把关。", "M4"),
    ("各党支部深入辖区开展服务企业活动。", "各科室深入辖区开展统计调查活动。", "M4"),
    ("防汛期间党员在一线值守，连续奋战七昼夜。", "防汛期间设备在仓库备用，连续检修七昼夜。", "M4"),
    ("机关各支部领办攻坚项目二十个。", "机关各科室申报课题项目二十个。", "M4"),
    ("在政务大厅设立党员示范窗口，提供延时服务。", "在政务大厅设立自助服务终端，提供延时服务。", "M4"),
    ("急难任务面前，党员干部总是冲在最前。", "急难任务面前，有关部门总是反复研究。", "M4"),
    # M1: party building around the overall situation, awareness, the two as one, the one-board mindset
    ("乡镇党委坚持围绕中心大局抓实党建。", "乡镇政府坚持围绕中心大局抓实招商。", "M1"),
    ("从这次述职看，书记们的履职认识普遍提高。", "从这次述职看，书记们的工作作风普遍改进。", "M1"),
    ("要引导干部认识到党建和业务是一体的。", "要引导干部认识到预算和决算是一体的。", "M1"),
    ("进一步提高全体党员对党建和业务融合重要性的认识。", "进一步提高全体职工对安全生产重要性的认识。", "M1"),
    ("班子成员要树牢“一盘棋”思想，党建业务一起抓。", "班子成员要下好“一盘棋”，各项工作一起抓。", "M1"),
    # D5: formalism in assessment and activities
    ("年终考评过于注重量化指标，群众满意度反倒无人过问。", "年终考评兼顾量化指标和群众评价，结果较为客观。", "D5"),
    ("为迎接检查，个别单位临时突击补台账。", "为迎接新年，个别单位临时布置了展板。", "D5"),
    ("少数干部追求表面成绩，热衷于做给上级看的事。", "少数干部追求工作实绩，热衷于解决群众难题。", "D5"),
    ("考核中要防止重显绩轻潜绩。", "考核中要坚持看实绩看实效。", "D5"),
    ("有的支部活动搞得热热闹闹，实际效果并不理想。", "有的支部活动组织得井井有条，党员收获很大。", "D5"),
    ("党建台账越做越厚，解决的问题却不多。", "党员队伍越来越壮大，解决的问题也越来越多。", "D5"),
    ("个别支部为完成任务而开展活动。", "个别支部为解决难题而开展调研。", "D5"),
    ("有的会议只签到不讨论，走个程序就散会。", "有的会议先签到再讨论，议题逐项表决。", "D5"),
    ("一些单位的党建工作停留在开会、发文层面。", "一些单位的党建工作已深入到班组、项目层面。", "D5"),
    ("有的地方把考核变成了比拼数字政绩。", "有的地方把考核变成了比拼群众满意度。", "D5"),
    # further wordings: double lists, party building in target management, the place of party building,
    # integration not yet taken to heart, party building put aside or given the same footing, photos and paperwork
    ("推行党建与业务“双清单”管理，按月对账。", "推行采购与验收“双签字”手续，按月对账。", "M5"),
    ("把党建工作列入年度目标管理，年底统一考评。", "把设备维护列入年度工作计划，年底统一检修。", "M5"),
    ("班子成员要摆正党建和业务的位置。", "班子成员要摆正桌椅和展板的位置。", "M1"),
    ("党建与业务融合的理念还没有深入人心。", "垃圾分类的理念还没有深入人心。", "M1"),
    ("有人觉得任务一紧，党建工作就可以“放一放”。", "有人觉得任务一紧，休假计划就可以“放一放”。", "M1"),
    ("要把党建工作同业务工作一样看待、一样考核。", "要把新来的同事同老同事一样看待、一样培养。", "M1"),
    ("大家逐渐认同党建做实了也是生产力。", "大家逐渐认同科技创新就是生产力。", "M1"),
    ("有的支部组织活动，拍几张照片就算完成任务。", "有的支部组织活动，拍几张照片发给参加的老党员留念。", "D5"),
    ("有的单位重视了材料却忽视了实绩。", "有的单位重视了质量也兼顾了效率。", "D5"),
    ("个别地方热衷于搞“盆景”、堆“亮点”。", "个别地方正在搞绿化、建公园。", "D5"),
    ("各类检查考核名目繁多，基层疲于应对。", "各类突发险情接连发生，抢险队伍全力应对。", "D5"),
    ("有的干部把大量时间花在写材料、填报表上。", "有的干部把大量时间花在走访群众、解决难题上。", "D5"),
    # duty reports, assessing responsibility and results, direct and primary responsibility of party bodies
    ("县委每年召开基层党组织书记述职大会。", "县委每年召开经济工作务虚大会。", "M5"),
    ("考核要把各支部的履责成效考准考实。", "期末考试要把学生的基础知识考准考实。", "M5"),
    ("机关党委要扛起直接责任，抓好日常督导。", "监理单位要承担直接责任，抓好日常巡查。", "M5"),
    ("八位支部书记依次汇报了一年来抓党建工作的情况。", "八位项目经理依次汇报了一年来抓生产的情况。", "M5"),
    ("评审组对各支部进行了考核测评。", "评审组对各参赛选手进行了技能展示。", "M5"),
    ("强化组织领导，增强机制保证。", "强化组织领导，增强宣传效果。", "M5"),
    # mechanisms said to be missing, party-building responsibility made firm, model sites, formalism pursued
    ("一些支部的党建考评机制不健全，打分随意。", "一些食堂的卫生管理制度不健全，检查随意。", "M5"),
    ("（二）机制不健全", "（二）人员不充足", "M5"),
    ("通过一年努力，党建责任层层压实。", "通过一年努力，安全设施逐步完善。", "M5"),
    ("县直机关工委每年培树一批支部建设示范点。", "县文旅局每年培树一批乡村旅游示范点。", "M4"),
    ("支部开展“党建下基层”活动，帮助企业解决难题。", "支部开展“读书下基层”活动，帮助群众借阅图书。", "M4"),
    ("开展组织生活切忌过分追求形式。", "开展组织生活既要丰富内容，也要改进方式。", "D5"),
    # organisations finding it hard to play their part, party-building corridors, striving to be models, follow-up
    ("一些机关支部反映自身发挥作用难。", "一些机关食堂反映高峰时段就餐难。", "M4"),
    ("大厅一侧的党建文化长廊展示了支部的服务承诺。", "大厅一侧的书画长廊展示了职工的业余作品。", "M4"),
    ("每名党员都要争当岗位上的业务标兵。", "每名学员都要按时完成课程作业。", "M4"),
    ("各支部结合业务打造特色亮点，一年一个主题。", "各食堂结合季节调整菜品，一月一个菜单。", "M4"),
    ("对整改情况跟踪问效，逐项销号。", "对来访群众热情接待，逐一登记。", "M5"),
    ("党委对各支部融合工作定期通报、季度讲评。", "气象台对各区县天气情况定时发布、滚动更新。", "M5"),
    # formalism in organisational life: present without attention, documents without action, records written later
    ("有的党员参加组织生活人到心不到。", "有的党员参加组织生活准备充分、发言踊跃。", "D5"),
    ("一些工作只见文件不见行动。", "一些工作既有文件又有行动。", "D5"),
    ("个别部门以汇报代替落实，问题久拖不决。", "个别部门以调研推动落实，问题很快解决。", "D5"),
    ("有的支部把主题党日开成了“茶话会”。", "有的支部把主题党日放到了项目工地上。", "D5"),
    ("有的支部会议记录是事后补写的。", "有的支部会议记录由专人当场记录。", "D5"),
    ("专题组织生活会批评辣味不足、不痛不痒。", "专题组织生活会批评直指问题、红脸出汗。", "D5"),
    # D2: each side plays its own tune
    ("党建和业务各弹各的曲、各定各的调。", "党建和业务同唱一台戏、同奏一首曲。", "D2"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept), (kept, code)
    assert code not in matcher.codes(near_miss), (near_miss, code)


def test_a_failed_linkage_named_in_a_problem_is_not_a_mechanism(matcher: RuleMatcher) -> None:
    assert "M5" not in matcher.codes("有的单位难以形成党建与业务工作的大联动。")
    assert "M5" in matcher.codes("有的单位建立了党建与业务工作联动考核机制。")


def test_building_work_into_the_business_said_to_fail_is_not_a_measure_done(matcher: RuleMatcher) -> None:
    assert "M4" not in matcher.codes("少数支部未能将党建工作融入日常业务工作中。")
    assert "M4" in matcher.codes("各支部推动党建融入项目建设，项目进度明显加快。")


def test_volunteer_service_to_the_public_is_no_business_role(matcher: RuleMatcher) -> None:
    assert "M4" not in matcher.codes("通过进社区志愿服务，增强了党员服务群众的意识。")
    assert "M4" in matcher.codes("窗口支部组织党员服务群众，压缩办件时限一半。")


def test_a_vague_index_is_no_formalism(matcher: RuleMatcher) -> None:
    assert "D5" not in matcher.codes("党建指标相对“虚化”，难以形成统一标准。")


def test_the_board_seats_arrangement_is_not_a_mechanism_of_its_own(matcher: RuleMatcher) -> None:
    assert "M5" not in matcher.codes("推行“双向进入、交叉任职”的领导体制。")


def test_a_slogan_of_building_the_team_for_the_business_is_not_counted_as_an_idea(matcher: RuleMatcher) -> None:
    assert "M1" not in matcher.codes("法院坚持“抓党建、带队建、促审判”的工作思路。")


def test_skimming_in_study_is_study_not_formalism(matcher: RuleMatcher) -> None:
    assert "D5" not in matcher.codes("有的党员读书蜻蜓点水，学习浅尝辄止。")
