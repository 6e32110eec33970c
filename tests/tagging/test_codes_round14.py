"""政治和业务脱节, 供和需脱节 and 导向融合 in compositional wordings: an object (the political effect, attribute or
requirement, members' and the public's needs, what a branch provides, the central decisions) with a failure
or a carrying-through predicate.

D1: the political effect neglected, the business standing in for politics, the political side of a business
task not seen, the political requirement or guidance carried out only in part, no political weighing, the
political attribute poorly understood, political ability neglected, politics talked of in the abstract,
politics set against development or run alongside the business as a separate line.
D4: activities that do not fit reality, services that miss members' or the public's needs, needs left unmet
or not surveyed or not taken as the starting point, urgent needs left unanswered, copying the higher level's
papers or others' ways by rote, doing only what the higher level assigns, members who get little out of it
or take part only passively, old party-work methods, training that is not needed, provision that falls short
of expectations, targeting that still has to improve, activities planned by guesswork, a meeting point not
found; talks that members neither follow nor can use.
M2: the central decisions carried out to the letter, resolutely, steadfastly or until they take root, served
and their implementation supervised; keeping in line with the centre in deed; a strict political check; work
planned around the central decisions; political requirements carried through the work; the political nature
of the work; orders that run unhindered; the centre's call answered; decisions kept on a ledger; the party's
leadership of a field of work;
the work checked against the centre's requirements.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D1: the political side neglected or replaced
    ("个别处室评估项目时只算经济账，忽视政治影响。", "个别处室评估项目时只算经济账，忽视环境影响。", "D1"),
    ("有的同志以业务工作取代政治，觉得完成指标就够了。", "有的同志以业务工作取代休假，觉得完成指标就够了。", "D1"),
    ("部分干部认识不到窗口服务背后的政治意义。", "部分干部认识不到窗口服务背后的经济意义。", "D1"),
    ("讲政治的要求在执法环节体现得还不够充分。", "讲规范的要求在执法环节体现得还不够充分。", "D1"),
    # D4: what is provided misses what is needed
    ("不少支部组织的活动不切合实际，党员参与勉强。", "不少支部制定的目标不切合实际，完成情况勉强。", "D4"),
    ("一些服务事项背离了群众的真实诉求。", "一些服务事项背离了行业的技术规范。", "D4"),
    ("年轻党员的学习需求长期得不到满足。", "年轻职工的住房条件长期得不到改善。", "D4"),
    ("有的支部满足于转发上级文件，很少自己谋划。", "有的支部满足于完成年度指标，很少自己谋划。", "D4"),
    ("支部只是被动执行上级安排，缺少自己的思考。", "支部主动对接上级安排，拿出自己的思考。", "D4"),
    ("部分党员对支部活动的获得感不强。", "部分党员对支部活动的评价很高。", "D4"),
    ("党员教育的针对性仍需进一步增强。", "党员教育的覆盖面已进一步扩大。", "D4"),
    ("个别支部一厢情愿地设计服务项目，群众并不认可。", "个别支部广泛征求意见后设计服务项目，群众普遍认可。", "D4"),
    # M2: central decisions carried into the work
    ("分局党组不折不扣落实党中央关于减税降费的决策部署。", "分局不折不扣完成全年征收任务。", "M2"),
    ("推动党中央决策部署在全行业落地生根。", "推动新技术在全行业落地生根。", "M2"),
    ("全体党员干部始终在行动上同党中央保持高度一致。", "全体党员干部始终在作风上同群众保持密切联系。", "M2"),
    ("选派驻外人员时坚持严把政治关。", "选派驻外人员时坚持严把健康关。", "M2"),
    ("局党组聚焦党中央决策部署安排年度重点任务。", "局党组聚焦群众急难愁盼安排年度重点任务。", "M2"),
    # political weighing missing, needs not the starting point, the centre's decisions checked
    ("有的处室审批项目时缺乏政治考量。", "有的处室审批项目时缺乏成本考量。", "D1"),
    ("部分干部对税务机关的政治属性认识不够。", "部分干部对税务机关的服务属性认识不够。", "D1"),
    ("一些支部党建与业务的融合点把握不准。", "一些支部对新设备的操作要领把握不准。", "D4"),
    ("支部安排活动很少从党员的需要出发。", "支部安排活动很少从节约经费出发。", "D4"),
    ("有的党组织缺乏需求摸底，服务项目随意确定。", "有的党组织缺乏资金保障，服务项目随意确定。", "D4"),
    ("有的支部依葫芦画瓢，把外单位的做法原样搬来。", "有的支部因地制宜，把外单位的做法改造后使用。", "D4"),
    ("中心党委坚决落实党中央关于稳就业的部署。", "中心坚决落实年初制定的稳就业计划。", "M2"),
    ("局党组将政治要求贯穿到审批服务全过程。", "局里将限时要求贯穿到审批服务全过程。", "M2"),
    ("机关纪委跟踪督办党中央重大决策部署贯彻情况。", "机关纪委跟踪督办年度重点项目推进情况。", "M2"),
    ("分行着力彰显金融工作的政治性和人民性。", "分行着力彰显金融服务的便利性和普惠性。", "M2"),
    # politics talked of in the abstract, urgent needs left unanswered, the centre's decisions obeyed and served
    ("个别支部讲政治空泛，不与窗口服务挂钩。", "个别支部讲服务空泛，不与窗口考核挂钩。", "D1"),
    ("有的科室对政治导向的贯彻不够，只盯业务量。", "有的科室对新流程的贯彻不够，只盯业务量。", "D1"),
    ("对职工的急难愁盼了解不够，帮扶措施落不到点子上。", "对设备的运行参数了解不够，检修措施落不到点子上。", "D4"),
    ("集团党委全力服务党中央重大决策部署。", "集团全力服务重点客户的融资需求。", "M2"),
    ("机关各处室严守纪律，确保政令畅通。", "机关各处室优化流程，确保审批顺畅。", "M2"),
    ("做到党中央号召的坚决响应。", "做到群众反映的及时回应。", "M2"),
    # political ability neglected, old methods, training not needed, members dragged along, steadfast implementation
    ("个别干部只钻研业务，忽视政治素养的提升。", "个别干部只钻研业务，忽视外语水平的提升。", "D1"),
    ("一些机关党务工作的方法僵化，党员提不起劲。", "一些机关档案工作的方法僵化，查找很费时。", "D4"),
    ("部分党员培训所训非所需。", "部分党员培训安排在周末。", "D4"),
    ("支部活动与青年党员的期待存在差距。", "新厂房的进度与合同的约定存在差距。", "D4"),
    ("有的职工被动参与支部活动，只是签个到。", "有的职工主动参与支部活动，还带来了家属。", "D4"),
    ("坚定不移执行党中央关于耕地保护的决定。", "坚定不移执行本单位关于耕地保护的规划。", "M2"),
    ("推动党中央各项决策部署在基层落实落地。", "推动本年度各项民生项目在基层落实落地。", "M2"),
    ("对上级决策部署实行清单化管理。", "对上级来文来电实行清单化管理。", "M2"),
    ("有的干部把讲政治同谋发展割裂开来。", "有的干部把讲速度同保质量割裂开来。", "D1"),
    ("个别部门政治与业务两条线，互不相干。", "个别部门人事与财务两条线，互不相干。", "D1"),
    ("有的党员说宣讲内容听不懂、不管用。", "有的职工说设备手册听不懂、不管用。", "D4"),
    ("机关党委对照党中央部署要求逐项检视。", "机关党委对照年度计划要求逐项检视。", "M2"),
    ("坚持党对金融工作的集中统一领导。", "坚持银行对信贷工作的集中统一管理。", "M2"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_public_satisfaction_with_city_projects_is_not_d4(matcher: RuleMatcher) -> None:
    # How satisfied the public is with public works is not what a party organisation provides; members' gain is.
    assert "D4" not in matcher.codes("新城建设投入过大，老城区改造滞后，群众满意度不高。")
    assert "D4" in matcher.codes("支部活动内容陈旧，党员满意度不高。")


def test_d1_wording_without_politics_named_is_not_d1(matcher: RuleMatcher) -> None:
    # D1 needs politics named; a neglected social effect is not a political-business disconnect.
    assert "D1" not in matcher.codes("有的科室只看业务数量，忽视社会效果。")
