"""Roles of what a speech and a study say around their norms and findings.

Speeches: what the speaker says was shown or heard at the meeting (刚才，我们观看了…; 刚才，…宣读了…) is the speech's frame,
like 刚才…介绍了…; the situation the hearers are asked to see (我们必须清醒地看到，…已经转向了…) is context, the 必须 governing
the seeing, unless what is seen is a shortcoming (…还存在…的问题); 绝不能/决不能 sets a norm as 不得 does. Studies: the writer's
own fieldwork (笔者团队自…起，以…为主要方式，开展了…调查研究) and the use it hopes for (以期为…提供借鉴) are the study's frame,
while a unit's own act of the same shape is practice. Places everywhere told after a 随着 clause (当前，随着…，各地…) are
background, while the unit's own change after the same clause is practice.
Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_SPEECH = [
    "在全区街道党建工作推进会上的讲话",
    "同志们：",
    "这次推进会是经区委组织部同意召开的。",
    "主要任务是：总结交流全区街道党建工作情况，宣传推广各街道党建工作的好经验好做法。",
]
_REPORT = [
    "关于社区党组织书记队伍建设情况的调研报告",
    "近年来，区委组织部坚持抓书记、带队伍，社区党组织书记队伍结构不断优化。",
]
_STUDY = [
    "基层党组织嵌入社区治理的路径研究",
    "摘要：社区党组织在基层治理中的作用日益受到关注。",
    "关键词：社区党建；基层治理；嵌入",
]


def _after(roles: RoleRules, opening: list[str], text: str) -> str:
    return document_roles(roles, [*opening, text])[-1]


def test_what_the_speaker_says_was_shown_at_the_meeting_is_the_frame(roles: RoleRules) -> None:
    assert _after(roles, _SPEECH, "刚才，我们一起观看了获评示范点的社区党建工作推介视频。") == "other"


def test_what_members_watched_in_an_activity_told_as_done_is_practice(roles: RoleRules) -> None:
    assert _after(roles, _REPORT, "6月下旬，各社区党委组织党员观看了廉政教育专题片。") == "practice"


def test_the_situation_the_hearers_are_asked_to_see_is_context(roles: RoleRules) -> None:
    text = "我们必须清醒地看到，居民对社区服务的期待已经从“有没有”转向了“好不好”。"
    assert _after(roles, _SPEECH, text) == "other"


def test_a_shortcoming_the_hearers_are_asked_to_see_stays_a_problem(roles: RoleRules) -> None:
    text = "我们必须清醒地看到，一些社区党组织的组织生活还存在走过场的问题。"
    assert _after(roles, _SPEECH, text) == "problem"


def test_a_norm_set_with_jue_bu_neng_is_a_requirement_in_a_speech(roles: RoleRules) -> None:
    assert _after(roles, _SPEECH, "然而，荣誉面前，我们绝不能有半点松劲和自满。") == "requirement"


def test_members_who_cannot_attend_are_no_norm(roles: RoleRules) -> None:
    text = "一些流动党员因外出务工，不能按时参加所在支部的组织生活。"
    assert _after(roles, _REPORT, text) == "problem"


def test_the_writers_own_fieldwork_is_the_studys_frame(roles: RoleRules) -> None:
    text = "笔者团队自2022年4月起，将两个老城区街道作为重点，以蹲点观察、个别访谈为主要方式，开展为期半年的调查研究。"
    assert _after(roles, _STUDY, text) == "other"


def test_the_use_a_study_hopes_for_is_its_frame(roles: RoleRules) -> None:
    assert _after(roles, _STUDY, "以期为同类社区完善党组织设置提供借鉴。") == "other"


def test_a_units_own_fieldwork_of_the_same_shape_is_practice(roles: RoleRules) -> None:
    text = "街道党工委自2022年4月起，在两个社区开展了党员积分管理试点，共有312名党员参与。"
    assert _after(roles, _REPORT, text) == "practice"


def test_places_everywhere_after_a_suizhe_clause_are_background(roles: RoleRules) -> None:
    text = "当前，随着基层治理改革不断推进，各地社区党组织的设置方式也在调整之中。"
    assert _after(roles, _STUDY, text) == "other"


def test_the_units_own_change_after_a_suizhe_clause_is_practice(roles: RoleRules) -> None:
    text = "当前，随着老旧小区改造推进，区委组织部调整了8个社区的党组织设置。"
    assert _after(roles, _REPORT, text) == "practice"
