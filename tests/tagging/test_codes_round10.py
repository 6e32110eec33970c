"""机制融合, 目标融合 and 队伍融合 in the many ways units word them. Joint planning and assignment (同步考虑同步安排,
党建任务与业务任务一并下达, 一起安排一起检查), both-hands duty (既抓业务也抓党建), party-building supervision,
weight and review meetings, leaders' contact branches and party work written into unit plans are M5. Branches set up
by business function, members' pledges, business folded into party activities, members tied to firms and projects,
contests, model members, member household links and project pledges (党员联户, 党员包保, 支部+项目) are M4.
Branch secretaries drawn from business heads or discipline leaders, two-way cultivation (把骨干培养成党员,
把党员培养成骨干), village cadre teams and the “双骨干” are M6. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M5: planning, assigning and checking together
    ("年初把党建工作与业务工作同步考虑、同步安排。", "年初把防汛工作与抗旱工作通盘考虑、分别安排。", "M5"),
    ("党建任务与业务任务一并下达到各科室。", "采购任务与销售任务分别下达到各门店。", "M5"),
    ("生产经营目标与党建目标统一下达。", "业务目标和安全目标逐月分解、逐月通报。", "M5"),
    ("政治学习要与业务学习一起安排、一起检查。", "春游活动要与秋游活动分开安排、分别报名。", "M5"),
    ("统筹推进党建工作和业务工作，防止顾此失彼。", "统筹推进城区改造和园区建设，防止顾此失彼。", "M5"),
    # M5: both-hands duty, supervision, weight, meetings, plans
    ("作为科长，既要抓业务，也要抓党建。", "作为科长，既要抓业务，也要抓安全。", "M5"),
    ("院党组每季度对各支部党建工作进行督导。", "院里每季度对各科室卫生工作进行检查评比。", "M5"),
    ("党建工作所占比重不足一成。", "在年度目标考核中，招商引资的分值权重偏高。", "M5"),
    ("每名班子成员联系一个党支部，定期参加支部活动。", "每名班子成员联系一个重点企业，定期上门走访。", "M5"),
    ("把抓党建成效作为选拔使用干部的重要依据。", "把安全生产情况作为年终评比的一项内容。", "M5"),
    ("每半年召开一次党建工作推进会。", "每半年召开一次安全生产推进会。", "M5"),
    ("将党建工作纳入单位发展总体规划。", "将智慧停车纳入城市发展总体规划。", "M5"),
    ("找准考核关键点，调动工作热情。", "找准市场切入点，调动工作热情。", "M5"),
    ("少数企业在制度保障、责任落实等方面还存在差距。", "少数企业在产品质量、售后服务等方面还存在差距。", "M5"),
    ("有的书记抓党建只挂帅不出征。", "有的球队换帅之后一直不出成绩。", "M5"),
    # M4: branches by function, pledges, business in party activities
    ("按照庭室职能分工，组建了刑事、民事等五个党支部。", "按照庭室职能分工，组建了刑事、民事等五个合议庭。", "M4"),
    ("每名党员年初结合岗位任务作出承诺并公示。", "每名新员工入职时签订保密承诺。", "M4"),
    ("将巡回审判、法律咨询等为民举措融入到支部党建活动中。", "将巡回审判、法律咨询等为民举措纳入到年度工作计划中。", "M4"),
    ("推动党建活动与审判业务深度融合。", "推动文体活动与社区服务深度融合。", "M4"),
    ("让党员在业务上担当重任。", "让新人在业务上尽快独当一面。", "M4"),
    ("组织党员“一对一”联系企业，提供法律服务。", "组织律师“一对一”联系企业，提供法律服务。", "M4"),
    ("开展“党员身边无违章”活动。", "开展“安全生产月”活动。", "M4"),
    ("各支部围绕中心工作开展主题党日活动。", "各工会小组围绕节日开展文体活动。", "M4"),
    ("把支部活动开展在施工一线。", "把培训课堂开展在施工一线。", "M4"),
    ("组织党员技能比武，带动全员提升。", "组织青年员工技能比武，带动全员提升。", "M4"),
    ("评选党员标兵和服务明星。", "评选文明家庭和服务明星。", "M4"),
    ("成立党员创新工作室，集中攻关技术难题。", "成立劳模创新工作室，集中攻关技术难题。", "M4"),
    ("推行党员包保重点项目制度。", "推行领导包保重点项目制度。", "M4"),
    ("推行“支部+项目”工作模式。", "推行“公司+农户”经营模式。", "M4"),
    ("实行党员联户，每名党员联系十户群众。", "实行网格化管理，每名网格员联系十户群众。", "M4"),
    ("开展“红旗党支部”创建活动。", "开展“红旗车间”创建活动。", "M4"),
    ("党员干部在疫情防控一线发挥了先锋作用。", "志愿者在疫情防控一线发挥了重要作用。", "M4"),
    ("组织党员骨干集中破解生产中的技术难题。", "组织技术人员集中破解生产中的技术难题。", "M4"),
    # M6: secretaries from business heads, two-way cultivation, village teams
    ("各党支部书记一般由科室主任兼任。", "各课题组组长一般由科室主任兼任。", "M6"),
    ("尽量将庭长选为党支部书记。", "尽量将庭长选为审委会委员。", "M6"),
    ("鼓励学科带头人参加党支部书记的选举。", "鼓励学科带头人参加学术委员会的选举。", "M6"),
    ("把党员教师培养成教学骨干。", "把新入职教师培养成合格人才。", "M6"),
    ("着力加强村干部队伍建设，优化年龄结构。", "着力加强护林员队伍建设，优化年龄结构。", "M6"),
    ("将党员教师锻造成思想政治工作和教育教学的“双骨干”。", "将青年教师锻造成教学和科研的“多面手”。", "M6"),
    ("把党性强、业务精的同志选配到支部书记岗位。", "把懂技术、会管理的同志选配到车间主任岗位。", "M6"),
    ("支部委员中业务骨干占多数。", "评审专家中高校教师占多数。", "M6"),
    ("推荐优秀党员担任部门负责人。", "推荐优秀员工参加技能大赛。", "M6"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_checking_business_results_against_party_work_is_not_a_mechanism(matcher: RuleMatcher) -> None:
    # The annotated sets give “以发展成果检验党建成效” no code, so no mechanism wording was added for it.
    assert "M5" not in matcher.codes("以改革发展成果检验党建工作成效。")


def test_a_party_spirit_and_skill_slogan_alone_is_not_a_cadre_measure(matcher: RuleMatcher) -> None:
    # Promoting cadres who are “党性强、业务精” is general cadre policy, not a party-affairs team measure.
    assert "M6" not in matcher.codes("真正把党性强、业务精、业绩好的干部用起来。")


def test_party_organisation_role_shown_too_little_in_the_business_is_m4(matcher: RuleMatcher) -> None:
    assert "M4" in matcher.codes("党组织的作用在业务工作中体现不够。")
    assert "M4" not in matcher.codes("工会组织的作用在业务工作中体现不够。")
