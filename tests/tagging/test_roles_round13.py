"""What a disconnect is differs from where it is seen: a definition of an -ism (形式主义是一种…作风, 什么是形式主义,
…，其实质是…) names it without observing it and is context; the root of a shortcoming named with 根源是 and how a
shortcoming arises (…现象的出现，是…的结果; …形式主义的滋生，在于…), like a reason put plainly (说白了，是…), explain
it and are causes. Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_ESSAY = [
    "浅谈基层形式主义的表现与治理",
    "近年来，一些基层单位反映迎检材料过多。",
]


def test_what_an_ism_is_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["形式主义是一种重表面、轻实效的工作作风。"]
    assert document_roles(roles, texts)[2] == "other"


def test_the_question_of_what_an_ism_is_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["形式主义，指的是只重表面文章的作风。", "那么，什么是形式主义"]
    assert document_roles(roles, texts)[3] == "other"


def test_an_ism_seen_in_some_units_stays_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["有的支部形式主义是比较严重的。", "形式主义在一些支部依然存在，会议记录层层加码。"]
    assert document_roles(roles, texts)[2:] == ["problem", "problem"]


def test_the_root_named_is_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["基层减负难以落地的根源是考核指标过多过细。"]
    assert document_roles(roles, texts)[2] == "cause"


def test_a_shortcoming_with_its_root_is_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["有的支部会议记录层层加码，根源是考核只看台账。"]
    assert document_roles(roles, texts)[2] == "cause"


def test_how_a_shortcoming_arises_is_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["会议记录层层加码现象的出现，是考核只看材料、不看实效的结果。"]
    assert document_roles(roles, texts)[2] == "cause"


def test_where_an_ism_breeds_is_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["基层形式主义的滋生，在于问责只问有没有痕迹。"]
    assert document_roles(roles, texts)[2] == "cause"


def test_how_a_good_habit_arises_is_no_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["良好学风的形成，是支部多年坚持的结果。"]
    assert document_roles(roles, texts)[2] != "cause"


def test_an_ism_that_still_exists_stays_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["有的机关仍然存在形式主义，会议记录层层加码。"]
    assert document_roles(roles, texts)[2] == "problem"


def test_plainly_put_reason_is_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["有的支部学习只读文件不谈体会。", "说白了，是一些支部书记没把学习当回事。"]
    assert document_roles(roles, texts)[3] == "cause"


def test_plainly_put_definition_is_no_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["有的支部学习只读文件不谈体会。", "说白了，形式主义就是做给别人看。"]
    assert document_roles(roles, texts)[3] != "cause"
