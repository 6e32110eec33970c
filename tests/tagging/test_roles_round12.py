"""Roles read from what a sentence is, not only from its cue words: a statement of what a thing is for
(…是…的有效载体, …肩负着…的重要职责) is context unless a section decides, a norm is set or it points back to the
unit's own act; the headings of a study's apparatus (问题缘起, 自查方法) name a part; a shortcoming named as a
problem (…问题。, 这是…最突出的问题之一。) is a problem; the learners of a study class (…参加读书班。) take part
in practice. Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_REPORT = [
    "某街道机关党支部2024年工作总结",
    "今年以来，支部组织党员到社区报到42人次，办理居民诉求17件。",
]


def test_what_an_activity_is_for_is_context_in_a_report(roles: RoleRules) -> None:
    texts = _REPORT + ["组织在职党员到社区报到，是密切党群关系的有效载体，也是检验党员作用的重要平台。"]
    assert document_roles(roles, texts)[2] == "other"


def test_what_a_system_is_for_is_context_in_a_report(roles: RoleRules) -> None:
    texts = _REPORT + ["支部组织生活制度是加强党员日常管理、提升党员素质的重要途径。"]
    assert document_roles(roles, texts)[2] == "other"


def test_under_a_practice_heading_the_same_frame_stays_practice(roles: RoleRules) -> None:
    texts = _REPORT + ["二、主要做法", "组织在职党员到社区报到，是密切党群关系的有效载体。"]
    assert document_roles(roles, texts)[3] == "practice"


def test_setting_a_thing_as_a_task_stays_a_norm(roles: RoleRules) -> None:
    texts = _REPORT + ["下一步，要把到社区报到作为检验党员作用的重要平台，纳入年度考核。"]
    assert document_roles(roles, texts)[2] == "recommendation"


def test_in_a_list_of_advice_the_same_frame_stays_advice(roles: RoleRules) -> None:
    texts = [
        "关于推进党建与业务融合的几点思考",
        "三、对策建议",
        "健全考核是推动融合落地的有力抓手。",
    ]
    assert document_roles(roles, texts)[2] == "recommendation"


_SELF_INSPECTION = [
    "某局机关党委关于支部活动记录的自查报告",
    "今年以来，局机关党委组织各支部对活动记录进行了全面自查。",
]


def test_the_parts_of_a_studys_apparatus_are_structure(roles: RoleRules) -> None:
    texts = _SELF_INSPECTION + [
        "一、问题缘起",
        "去年的巡察反馈指出，部分支部活动记录内容雷同。",
        "二、自查方法",
        "各支部逐本核对会议记录，并抽查党员学习笔记。",
    ]
    found = document_roles(roles, texts)
    assert (found[2], found[4]) == ("other", "other")


def test_a_part_on_what_was_done_stays_practice(roles: RoleRules) -> None:
    texts = _SELF_INSPECTION + ["一、主要做法", "各支部逐本核对会议记录，并抽查党员学习笔记。"]
    assert document_roles(roles, texts)[2] == "practice"


_SCHOOL = ["某区委党校2024年工作总结", "今年以来，区委党校举办各类培训班36期，培训党员干部2100人次。"]


def test_the_mandate_a_body_bears_is_context(roles: RoleRules) -> None:
    texts = _SCHOOL + ["社区党校作为最基层的培训阵地，肩负着就近培训社区党员的重要职责。"]
    assert document_roles(roles, texts)[2] == "other"


def test_a_task_the_body_took_on_stays_practice(roles: RoleRules) -> None:
    texts = _SCHOOL + ["今年，党校承担了全区新任村干部轮训的重要任务，共开班4期。"]
    assert document_roles(roles, texts)[2] == "practice"


def test_a_shortcoming_named_by_a_noun_phrase_is_a_problem(roles: RoleRules) -> None:
    texts = ["会议材料层层加码问题。", "上级一个会，到了乡镇要准备十几份材料。"]
    assert document_roles(roles, texts)[0] == "problem"


def test_pointing_back_to_a_shortcoming_as_a_problem(roles: RoleRules) -> None:
    texts = [
        "关于支部学习的一些思考",
        "不少支部的集中学习仍以念文件为主，党员参与不多。",
        "这是当前支部学习最普遍的问题之一。",
    ]
    assert document_roles(roles, texts)[2] == "problem"


def test_what_is_done_about_a_problem_or_said_of_it_names_none(roles: RoleRules) -> None:
    report = _REPORT + ["针对群众反映的停车难问题。"]
    essay = [
        "关于支部学习的一些思考",
        "不少支部的集中学习仍以念文件为主，党员参与不多。",
        "这次调研指出了支部学习中的深层问题。",
    ]
    assert document_roles(roles, report)[2] != "problem"
    assert document_roles(roles, essay)[2] != "problem"


def test_the_learners_of_a_study_class_take_part_in_practice(roles: RoleRules) -> None:
    texts = [
        "某局机关举办党的创新理论读书班",
        "局机关全体科级干部参加读书班。",
        "读书班采取集中学习与分组研讨相结合的方式进行。",
    ]
    assert document_roles(roles, texts)[1] == "practice"


def test_those_at_a_meeting_or_sent_to_a_class_are_no_learners_told(roles: RoleRules) -> None:
    meeting = ["某局党委召开年度工作会议", "会议强调，各支部要把理论学习抓在经常。", "局机关各科室负责人参加会议。"]
    notice = ["关于加强干部培训的通知", "各单位要组织新任干部参加培训。"]
    assert document_roles(roles, meeting)[2] == "other"
    assert document_roles(roles, notice)[1] != "practice"
