"""Causes listed and findings labelled: an explanation run into its first item (出现这些情况的主要原因，一是…) lists causes,
so its next item (二是…) is a cause, even when the first item quotes what others think should be done (觉得学习要…);
a sentence that points back to the listed causes as a whole (这些想法都是片面的。) sums them up and is no item; a
finding labelled by what shows the shortcoming or the harm it does (问题表现：…; 负面影响：…) is a problem under a 原因
heading too, while one labelled as a cause (深层原因：…) stays a cause; a heading that names problems and causes
together (…的突出问题与成因分析) announces neither. A shortcoming chained to the harm it does (…导致经费浪费) is a
problem unless told as an explanation (由于…，导致…); a shortcoming censured by a rhetorical question (…，岂不本末倒置？;
试问，…又有多少价值？) is a problem, a question that praises (岂不是一举两得？) is not. Every sentence here is written for
the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_TALK = [
    "关于机关支部学习情况的几点分析",
    "今年以来，部分支部的集中学习出勤率不高。",
    "有的党员请假较多，学习笔记也很简单。",
]


def test_the_item_after_an_explanation_run_into_its_first_item_is_a_cause(roles: RoleRules) -> None:
    texts = _TALK + [
        "出现这些情况的主要原因，一是有的党员觉得学习要靠自觉，组织上不必管得太细；",
        "二是个别支部书记怕麻烦，不愿意组织大家集中讨论。",
    ]
    assert document_roles(roles, texts)[4] == "cause"


def test_an_item_after_a_plain_shortcoming_is_no_cause(roles: RoleRules) -> None:
    texts = _TALK + [
        "从检查情况看，一是有的党员学习笔记字数很少；",
        "二是个别支部的学习记录填写不全。",
    ]
    assert document_roles(roles, texts)[4] != "cause"


def test_a_verdict_on_the_listed_causes_is_no_cause(roles: RoleRules) -> None:
    texts = _TALK + [
        "之所以出现这种情况，主要原因在于认识上的偏差。",
        "首先，有的党员把学习看成软任务。",
        "其次，有的党员认为业务忙就可以少学。",
        "这些想法都是片面的。",
    ]
    assert document_roles(roles, texts)[6] != "cause"


def test_the_items_before_the_verdict_stay_causes(roles: RoleRules) -> None:
    texts = _TALK + [
        "之所以出现这种情况，主要原因在于认识上的偏差。",
        "首先，有的党员把学习看成软任务。",
        "其次，有的党员认为业务忙就可以少学。",
        "这些想法都是片面的。",
    ]
    assert document_roles(roles, texts)[5] == "cause"


_CAUSES = [
    "机关支部学习制度落实情况分析",
    "二、原因分析",
    "（一）考核导向偏差",
]


def test_a_finding_labelled_as_what_shows_the_shortcoming_is_a_problem_under_a_cause_heading(roles: RoleRules) -> None:
    texts = _CAUSES + ["问题表现：支部学习记录写得很满，会上讨论却很少。"]
    assert document_roles(roles, texts)[3] == "problem"


def test_a_finding_labelled_as_harm_is_a_problem_under_a_cause_heading(roles: RoleRules) -> None:
    texts = _CAUSES + ["1.1.3 负面影响：党员把学习当成交差。"]
    assert document_roles(roles, texts)[3] == "problem"


def test_a_finding_labelled_as_a_cause_stays_a_cause(roles: RoleRules) -> None:
    texts = _CAUSES + ["深层原因：考核只看台账有没有写满。"]
    assert document_roles(roles, texts)[3] == "cause"


def test_a_heading_of_problems_and_causes_together_announces_no_cause(roles: RoleRules) -> None:
    texts = [
        "机关支部学习制度落实情况分析",
        "二、支部学习的突出问题与成因分析",
        "有的支部学习记录写得很满，会上讨论却很少。",
    ]
    assert document_roles(roles, texts)[2] != "cause"


_ESSAY = [
    "关于机关干部培训的几点思考",
    "干部培训关系到队伍素质。",
    "做好培训工作，需要把握好几个关系。",
]


def test_a_shortcoming_chained_to_the_harm_it_does_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["这种排课方式导致培训经费白白浪费。"]
    assert document_roles(roles, texts)[3] == "problem"


def test_a_shortcoming_chained_to_a_fall_it_brings_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["报表格式一年一变，致使基层填报质量明显下降。"]
    assert document_roles(roles, texts)[3] == "problem"


def test_an_explanation_of_the_harm_stays_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["由于培训前没有调查需求，导致培训经费白白浪费。"]
    assert document_roles(roles, texts)[3] == "cause"


def test_a_shortcoming_censured_by_a_rhetorical_question_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["把服务群众的时间都用来填表格，岂不本末倒置？"]
    assert document_roles(roles, texts)[3] == "problem"


def test_a_question_that_asks_the_worth_of_a_shortcoming_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["试问，这样抄来的学习笔记又有多少价值？"]
    assert document_roles(roles, texts)[3] == "problem"


def test_a_rhetorical_question_that_praises_is_no_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["把学习和服务结合起来，岂不是一举两得？"]
    assert document_roles(roles, texts)[3] != "problem"
