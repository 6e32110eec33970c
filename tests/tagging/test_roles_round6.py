"""Roles of cause lists, targets, announced norms, work summaries, plan titles, significance parts and a
meeting's proceedings. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RoleRules, _section_hint, build_contexts
from tests.support import document_roles

CAUSE_LIST = [
    "党支部活动难以开展的主要原因包括认识偏差、机制缺失和保障不足。",
    "1. 认识偏差",
    "少数支部书记把组织生活看作额外负担，应付了事。",
    "2. 机制缺失",
    "部分单位没有把支部工作纳入年度考核，缺少约束。",
    "3. 保障不足",
    "一些支部活动经费紧张，场地需要临时借用。",
    "对策建议",
    "建议将支部工作纳入绩效考核，并设立专项经费。",
]


def test_an_announced_list_of_causes_keeps_its_role_over_its_numbered_items(roles: RoleRules) -> None:
    got = document_roles(roles, CAUSE_LIST)
    assert got[:7] == ["cause"] * 7  # the items' own words (不足, 缺少, 部分…) would make them problems
    assert got[7:] == ["recommendation"] * 2  # a heading that names another section ends the list


def test_a_heading_above_the_list_still_decides_its_items(roles: RoleRules) -> None:
    texts = ["二、背景动因", "主要表现在以下几个方面：", "（一）谋划上各自为战，导致融合停留在口头。",
             "有的单位年初计划只写业务任务，党建任务另起一页。"]
    assert document_roles(roles, texts)[2:] == ["cause", "cause"]


def test_a_report_of_problems_and_causes_announces_no_list_of_causes(roles: RoleRules) -> None:
    texts = ["作风整顿开展以来，我镇认真查摆问题，现将存在的问题和原因报告如下：", "一、存在的主要问题",
             "（一）理论学习不够经常。", "部分党员学习时间不能保证，往往以会代学。"]
    assert document_roles(roles, texts)[1:] == ["problem"] * 3


def test_targets_are_norms_of_a_speech_and_advice_in_a_report(roles: RoleRules) -> None:
    speech = ["同志们：", "今天，我们在这里召开全市机关党建工作推进会。",
              "到2026年6月底，全面完成机关党支部标准化建设。", "力争用两年时间，实现党建品牌全覆盖。"]
    assert document_roles(roles, speech)[2:] == ["requirement", "requirement"]
    report = ["某局2025年机关党建工作总结", "今年以来，局机关党委开展了支部评星定级，评出五星支部3个。",
              "各支部按月开展主题党日，全年共开展活动48次。", "力争到年底实现全部支部达标。"]
    assert document_roles(roles, report)[3] == "recommendation"


def test_a_text_that_reports_its_work_is_a_work_summary_whatever_its_label(roles: RoleRules) -> None:
    texts = ["2025年机关党建工作心得体会",
             "今年以来，局机关党委围绕中心抓党建，现将上半年机关党建工作情况汇报如下：",
             "一、上半年机关党建工作情况", "（一）扎实抓好理论学习", "将理论学习作为支部工作的头等大事抓实抓好。"]
    assert build_contexts(texts)[1].doc_type == "工作总结"
    assert document_roles(roles, texts)[1:] == ["practice"] * 4  # not the advice of a reflection


@pytest.mark.parametrize("title", ["2025年支部主题党日活动方案", "某中心党支部2025年学习活动计划",
                                   "某中心党支部谈心谈话工作制度"])
def test_plan_and_rule_titles_make_a_yardstick(roles: RoleRules, title: str) -> None:
    texts = [title, "一、活动时间", "每月第二个星期五开展主题党日活动。", "二、参加对象",
             "支部全体党员参加，入党积极分子列席。"]
    contexts = build_contexts(texts)
    assert contexts[2].policy
    assert document_roles(roles, texts) == ["other", "other", "requirement", "other", "requirement"]


def test_a_meeting_stresses_norms_whose_modal_comes_late(roles: RoleRules) -> None:
    texts = ["某局召开2025年党建工作会议", "3月2日，某局党组召开2025年党建工作会议，局属各单位负责人参加。",
             "会议强调，2025年全局党建工作紧扣中心任务，聚焦服务群众这一重点，支部战斗堡垒作用要更加凸显，"
             "党员先锋作用要更加彰显。"]
    got = document_roles(roles, texts)
    assert got[1] == "other"  # the lead of news of the requirements set
    assert got[2] == "requirement"


def test_a_success_explained_is_no_cause(roles: RoleRules) -> None:
    texts = ["我们这支队伍之所以能够屡创佳绩，根本原因在于始终坚持党的领导。"]
    assert document_roles(roles, texts)[0] != "cause"
    failing = ["一些支部之所以活动不多，根本原因在于书记不重视。"]
    assert document_roles(roles, failing)[0] == "cause"


def test_a_speech_says_what_a_task_is_after_a_leading_clause(roles: RoleRules) -> None:
    texts = ["同志们：", "今天，我们在这里召开支部建设推进会。",
             "因此，推进支部标准化建设，是夯实基层基础的迫切需要，也是提升组织力的必然要求。",
             "具体来说，我们要实现以下目标：", "各支部要在年底前完成达标验收。"]
    got = document_roles(roles, texts)
    assert got[2] == "other"  # a definition, not a norm
    assert got[3] == "other"  # the announcement of the targets
    assert got[4] == "requirement"


BRANCH_MEETING = [
    "6月3日下午，某局机关党支部召开支部委员会议，支部委员参加会议。",
    "会上，支部书记传达了上级印发的《关于加强机关党支部建设的实施方案》，通报了本支部组织生活开展情况。",
    "支部书记对下一步支部工作作了安排部署。",
    "一是提高认识。",
    "把支部标准化建设摆上重要位置；",
    "二是抓好整改。",
    "对照标准逐项查找不足，建立整改台账。",
    "他还就规范支部档案提出要求。",
]


def test_the_items_of_the_norms_a_leader_announced_are_requirements(roles: RoleRules) -> None:
    got = document_roles(roles, BRANCH_MEETING)
    assert got[1] == "practice"  # the meeting's proceedings (传达了, 通报了), not its lead
    assert got[2] == "other"  # the announcement is the news's frame
    assert got[3:7] == ["requirement"] * 4
    assert got[7] == "other"  # one more norm announced: the items have ended


def test_a_part_on_significance_is_context_unless_it_tells_to_grasp_it() -> None:
    assert _section_hint("一、党建品牌建设的重要意义") == "other"
    assert _section_hint("一、深刻认识党建品牌建设的重要意义") != "other"


def test_a_meetings_proceedings_are_practice(roles: RoleRules) -> None:
    texts = ["近日，某区机关工委召开党建观摩会，各单位党务干部参加。",
             "与会人员参观了某局党员活动室，观摩了支部档案资料。", "随后，四个单位作了交流发言。"]
    assert document_roles(roles, texts)[1:] == ["practice", "practice"]


def test_a_unit_acting_since_a_year_is_practice(roles: RoleRules) -> None:
    texts = ["某局党建工作经验材料", "2019年以来，该局党支部坚持每月开展一次主题党日。"]
    assert document_roles(roles, texts)[1] == "practice"


def test_a_bare_imperative_of_speed_goes_on_with_the_norms_set(roles: RoleRules) -> None:
    texts = ["近日，某县机关工委召开支部建设推进会，各单位党务干部参加会议。",
             "会议要求，要进一步完善支部制度，创新活动方式；", "加快推进支部标准化建设，认真对照标准自查；"]
    assert document_roles(roles, texts)[1:] == ["requirement", "requirement"]


def test_a_report_of_the_work_done_tells_its_items_as_practice(roles: RoleRules) -> None:
    texts = ["某局党委关于党建工作开展情况的汇报", "今年以来，局党委认真落实全面从严治党主体责任。",
             "一是抓学习。", "坚持每周五下午集中学习，领导班子带头讲党课。", "二是抓制度。", "完善党委议事规则，修订考核办法。"]
    assert build_contexts(texts)[2].doc_type == "工作总结"
    assert document_roles(roles, texts)[1:] == ["practice"] * 5  # bare imperatives of a report: what was done


def test_news_of_a_unit_that_opens_with_its_focus_is_told_in_the_report_voice(roles: RoleRules) -> None:
    texts = ["某局党委多措并举推动党建和业务深度融合", "今年以来，某局党委聚焦中心任务，推动党建和业务同频共振。",
             "全年开展中心组学习14次。", "压实工作责任。", "制定党建工作责任清单，明确班子成员一岗双责。"]
    assert build_contexts(texts)[3].voice == "report"
    assert document_roles(roles, texts)[3:] == ["practice", "practice"]


def test_what_places_everywhere_do_is_background(roles: RoleRules) -> None:
    texts = ["关于机关党建的几点思考", "近年来，各地机关党组织积极探索党建和业务融合的有效路径。"]
    assert document_roles(roles, texts)[1] == "other"
    unit = ["关于机关党建的几点思考", "近年来，某局机关党委积极探索党建和业务融合的有效路径。"]
    assert document_roles(roles, unit)[1] == "practice"


def test_an_uneven_or_slow_state_is_a_problem(roles: RoleRules) -> None:
    texts = ["关于支部建设的调研报告", "调研组走访了本区十个机关支部。", "各单位普遍重视支部建设。",
             "三、支部书记能力参差不齐", "阵地建设进展缓慢，一些支部至今没有活动室。"]
    assert document_roles(roles, texts)[3:] == ["problem", "problem"]


def test_needing_a_thing_is_no_advice(roles: RoleRules) -> None:
    texts = ["关于支部建设的调研报告", "调研组走访了本区十个机关支部。", "各单位普遍重视支部建设。",
             "支部工作的开展需要一个稳定的党务干部队伍。"]
    assert document_roles(roles, texts)[3] != "recommendation"
    advice = [*texts[:3], "各单位需要进一步配强专职党务干部。"]
    assert document_roles(roles, advice)[3] == "recommendation"


def test_a_bare_always_of_a_report_tells_what_is_done(roles: RoleRules) -> None:
    texts = ["某局党委推进支部建设", "今年以来，某局党委聚焦支部建设，开展了支部评星定级。", "全年建成示范支部6个。",
             "始终把机关党建作为一把手工程，党组书记亲自抓。"]
    assert build_contexts(texts)[3].voice == "report"
    assert document_roles(roles, texts)[3] == "practice"
