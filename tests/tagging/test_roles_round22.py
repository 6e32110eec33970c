"""Roles of framing and context in news, speeches and research reports.

News: a meeting reported as held at a place (…推进会在…召开) and a leader's visit with a study (到…并开展专题调研) open
news of the requirements set there, so a named speaker's norm is a requirement even when his 要 comes late in the
sentence, while the visit's news is no research report; a speaker's point put in one short sentence (要把…结合起来。) is
spelled out in the sentence after it, which stays a requirement without a modal verb, unless it tells what was done.
Context: what a study sets out to do (本研究…为…提出对策建议), a significance worded as strategic (具有重要的战略
意义), what the centre held (由党中央召开…), what a kind of organisation contributes or the part it plays
(国有企业为…做出了巨大贡献; 公立医院在…发挥了不可替代的作用) and what a kind of branch is (…是党在高校的基层组织) are other,
while a unit named as the actor still reports practice. Results: a share of the members found by a survey with no
shortcoming in it (“双带头人”占63%) and a result told with 得到…优化 are practice, a share of those who fall short is a
problem and the questionnaire's sample stays other. Causes: a factor added with 加上 and chained to a shortcoming
(加上…，导致…) is a cause, while a 由于 that gives a circumstance with no shortcoming in it explains none. The era since a
Party congress told without a unit (党的十八大以来，…取得历史性成就), the membership at large (各级党组织和广大党员干部…), a
kind of organisation as a stronghold, a count told nationwide (全国共有…) and what the Party's rules ask of a field are
other, while the same frames told of the unit or with a norm are not. How a paper goes about its study (本文从…分析其成因;
由于篇幅所限，本文仅就…) and someone's words cited (正如…所说，…) are other; 将 as the object marker of a practice
(今年以来，我们将…推广到…) reports practice, 将 of what comes next stays advice.
Every sentence here is written for the test."""

from pipeline.structure import classify_doc_type
from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_REPORT = [
    "关于街道党建工作情况的调研报告",
    "近年来，街道党工委坚持抓党建促治理，取得了一定成效。",
    "各社区全年开展主题党日活动80余次。",
]
_MEETING = [
    "3月8日上午，东城街道党建联席会议暨网格治理推进会在街道综合服务中心召开。",
    "区委常委李军，街道党工委书记王芳及各共建单位负责人参加会议。",
]
_VISIT = [
    "【东城融媒讯】4月16日下午，副区长刘洋到东城街道走访辖区企业并开展专题调研。",
    "区发改局、区商务局相关负责同志参加。",
]


def _last(roles: RoleRules, *texts: str) -> str:
    return document_roles(roles, [*_REPORT, *texts])[-1]


def test_a_meeting_held_at_a_place_sets_requirements(roles: RoleRules) -> None:
    texts = [*_MEETING, "李军指出，接下来，各社区和共建单位要把网格党建同民生服务一起推进。", "一要压实网格责任。"]
    assert document_roles(roles, texts) == ["other", "other", "requirement", "requirement"]


def test_a_units_own_activity_at_a_place_is_practice(roles: RoleRules) -> None:
    texts = ["4月2日，西城社区党支部在社区活动室开展了主题党日活动。", "支部全体党员参加了此次活动。"]
    assert document_roles(roles, texts)[0] == "practice"


def test_a_leaders_visit_with_a_study_is_news_not_a_research_report() -> None:
    assert classify_doc_type("", "\n".join(_VISIT)) != "调研报告"


def test_a_report_that_made_its_study_stays_a_research_report() -> None:
    opening = "今年5月，区委组织部围绕支部书记队伍建设开展了专题调研。\n现将有关情况报告如下。"
    assert classify_doc_type("", opening) == "调研报告"


def test_a_leaders_norm_late_in_the_sentence_is_a_requirement(roles: RoleRules) -> None:
    texts = [*_VISIT, "刘洋指出，街道是服务企业的“第一站”，东城街道又是全区企业最密集的片区，辖区企业多、诉求杂，"
                      "做好今年的助企服务工作意义重大，要把党员先锋岗设到企业服务专班里去。",
             "刘洋强调，优化营商环境是当前的一项重大政治任务。"]
    assert document_roles(roles, texts)[2:] == ["requirement", "other"]


def test_a_short_point_spelled_out_stays_a_requirement(roles: RoleRules) -> None:
    texts = ["5月6日，某区税务局党委召开扩大会议，研究部署支部建设工作。", "局领导班子成员参加会议。",
             "局党委书记赵明强调，要以支部标准化建设为抓手，推动支部工作和征管服务相互促进。",
             "要把支部建设同窗口服务结合起来。",
             "通过设立党员示范岗带动窗口干部提升办税服务水平。"]
    assert document_roles(roles, texts)[-1] == "requirement"


def test_what_was_done_after_a_short_point_is_no_requirement(roles: RoleRules) -> None:
    texts = ["5月6日，某区税务局党委召开扩大会议，研究部署支部建设工作。", "局领导班子成员参加会议。",
             "局党委书记赵明强调，要以支部标准化建设为抓手，推动支部工作和征管服务相互促进。",
             "要把支部建设同窗口服务结合起来。",
             "去年，各窗口已设立党员示范岗5个。"]
    assert document_roles(roles, texts)[-1] != "requirement"


def test_what_a_study_sets_out_to_do_is_other(roles: RoleRules) -> None:
    assert _last(roles, "本研究以六个街道为样本，梳理支部工作现状，为改进街道党建提出对策建议。") == "other"


def test_the_writers_own_advice_stays_advice(roles: RoleRules) -> None:
    assert _last(roles, "笔者建议，各街道要建立党建联席会议制度。") == "recommendation"


def test_a_strategic_significance_is_other(roles: RoleRules) -> None:
    assert _last(roles, "开展“双带头人”培育，对高校党建具有重要的战略意义。") == "other"


def test_a_significance_to_be_grasped_is_advice(roles: RoleRules) -> None:
    assert _last(roles, "各社区要深刻认识这项工作的重大现实意义，把它摆上重要议事日程。") == "recommendation"


def test_what_the_centre_held_is_other(roles: RoleRules) -> None:
    assert _last(roles, "由党中央召开全国组织工作会议，充分说明党中央把组织工作摆到了更加突出的位置。") == "other"


def test_a_kind_of_organisations_contribution_is_other(roles: RoleRules) -> None:
    assert _last(roles, "国有企业为我国经济社会发展做出了巨大贡献。") == "other"
    assert _last(roles, "公立医院在保障群众健康方面发挥了不可替代的作用。") == "other"


def test_a_named_units_part_played_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "今年以来，县人民医院党委在疫情防控中发挥了重要作用。") == "practice"


def test_what_a_kind_of_branch_is_is_other(roles: RoleRules) -> None:
    assert _last(roles, "高校教师党支部是党在高校的基层组织。") == "other"


def test_a_survey_share_of_the_members_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "调查显示，受访支部书记中“双带头人”占63%。") == "practice"


def test_a_survey_share_of_those_who_fall_short_is_a_problem(roles: RoleRules) -> None:
    assert _last(roles, "调查显示，受访支部书记中兼职的占八成。") == "problem"


def test_the_questionnaires_sample_is_other(roles: RoleRules) -> None:
    assert _last(roles, "本次调查共回收有效问卷520份，其中党员占74%。") == "other"


def test_a_result_told_with_dedao_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "经过两年的调整，支部书记队伍结构得到明显优化。") == "practice"


def test_a_result_hoped_for_or_missed_is_no_practice(roles: RoleRules) -> None:
    assert _last(roles, "只有这样，支部书记队伍结构才会得到进一步优化。") != "practice"
    assert _last(roles, "部分社区支部书记队伍结构长期得不到优化。") != "practice"


def test_a_factor_added_and_chained_to_a_shortcoming_is_a_cause(roles: RoleRules) -> None:
    assert _last(roles, "多数党员常年在外务工，加上村里没有固定的活动场所，导致支部活动难以按时开展。") == "cause"


def test_a_place_added_to_a_count_is_no_cause(roles: RoleRules) -> None:
    assert _last(roles, "加上新建的党群服务中心，全镇已有活动阵地12处。") != "cause"


def test_a_circumstance_given_with_youyu_explains_no_shortcoming(roles: RoleRules) -> None:
    assert _last(roles, "由于办公楼整体搬迁，支部今年把党员活动室设在了三楼会议室。") != "cause"


def test_a_shortcoming_explained_with_youyu_is_a_cause(roles: RoleRules) -> None:
    assert _last(roles, "由于支部书记身兼数职，支部活动常常一拖再拖。") == "cause"


def test_the_era_since_a_congress_told_without_a_unit_is_other(roles: RoleRules) -> None:
    assert _last(roles, "党的十八大以来，街道党建工作取得历史性成就。") == "other"


def test_the_era_since_a_congress_told_of_the_unit_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "党的十八大以来，街道党工委先后建成党群服务站12个。") == "practice"


def test_the_membership_at_large_is_other(roles: RoleRules) -> None:
    assert _last(roles, "汛情发生以来，广大党员冲锋在前、勇挑重担。") == "other"
    assert _last(roles, "各级党组织和广大党员干部积极投身抗洪抢险。") == "other"


def test_the_membership_told_with_a_norm_is_no_context(roles: RoleRules) -> None:
    assert _last(roles, "各级党组织要把抗洪抢险作为检验党性的考场。") == "recommendation"


def test_a_kind_of_organisation_as_a_stronghold_is_other(roles: RoleRules) -> None:
    assert _last(roles, "近年来，基层党组织在乡村振兴中发挥了战斗堡垒作用。") == "other"


def test_a_count_told_nationwide_is_other(roles: RoleRules) -> None:
    assert _last(roles, "据统计，截至2023年底，全国共有基层党组织517.6万个。") == "other"


def test_a_count_of_the_unit_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "截至今年6月，街道共有党员1260名。") == "practice"


def test_what_the_partys_rules_ask_of_a_field_is_other(roles: RoleRules) -> None:
    assert _last(roles, "新修订的《中国共产党支部工作条例》对支部组织生活提出了明确要求。") == "other"


def test_how_a_paper_goes_about_its_study_is_other(roles: RoleRules) -> None:
    assert _last(roles, "本文从主观和客观两个方面分析其成因，并提出对策建议。") == "other"
    assert _last(roles, "由于篇幅所限，本文仅就街道党建中的几个问题作初步探讨。") == "other"


def test_a_paper_that_announces_its_advice_is_no_plan(roles: RoleRules) -> None:
    assert _last(roles, "笔者认为，各街道要把考核结果用到评优评先上。") == "recommendation"


def test_someones_words_cited_are_other(roles: RoleRules) -> None:
    assert _last(roles, "正如一位老支部书记所说，党建工作不是做给上级看的。") == "other"


def test_a_practice_told_with_the_object_marker_jiang_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "今年以来，我们将“支部+窗口”模式推广到全局各科室。") == "practice"


def test_a_plan_told_with_jiang_stays_advice(roles: RoleRules) -> None:
    assert _last(roles, "下一步，我们将继续深化“支部+窗口”模式。") == "recommendation"
