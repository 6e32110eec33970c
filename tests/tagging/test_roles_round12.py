"""Roles of a statement of what a thing is for (…是…的有效载体, …是…的重要途径): context, not what a unit did nor
advice, unless a section decides or the sentence points back to the unit's own act or sets the thing as a task.
Every sentence here is written for the test."""

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
