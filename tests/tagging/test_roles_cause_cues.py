"""How writers announce and give causes: a count or list of causes before a colon (有以下几方面原因：), a
shortcoming that persists put down to its source in the same sentence (…屡禁不止，主要在于…), causes of two kinds
named together (既有…原因，也有…), a look below the surface (深层次看，…), the next dimension of an explanation
(从制度机制上看，…), a heading that asks why something arises, and 整改措施 as a heading of remedies. Each test
holds a kept case and its near miss. Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_REPORT = ["关于某区机关党建与业务融合情况的调研报告", "一、存在的问题"]


def test_a_count_of_causes_before_a_colon_announces_them(roles: RoleRules) -> None:
    texts = _REPORT + [
        "部分支部的组织生活与业务工作结合不紧，内容较为单一。",
        "分析起来，有以下几方面原因：",
        "支部书记忙于业务，抓党建的精力投入有限。",
    ]
    assert document_roles(roles, texts)[3:] == ["cause", "cause"]
    near_miss = _REPORT + [
        "部分支部的组织生活与业务工作结合不紧，内容较为单一。",
        "具体表现在以下几个方面：",
        "支部书记忙于业务，抓党建的精力投入有限。",
    ]
    assert document_roles(roles, near_miss)[3:] != ["cause", "cause"]


def test_a_shortcoming_that_persists_put_down_to_its_source_is_a_cause(roles: RoleRules) -> None:
    kept = "文件层层转发的做法屡禁不止，主要在于考核仍以发文数量论英雄。"
    assert document_roles(roles, _REPORT + [kept])[2] == "cause"
    near_miss = "文件层层转发的做法屡禁不止，基层干部对此反映强烈。"
    assert document_roles(roles, _REPORT + [near_miss])[2] == "problem"


def test_causes_of_two_kinds_named_together_explain(roles: RoleRules) -> None:
    kept = "党建和业务“两张皮”的形成，既有认识上的原因，也有制度设计上的缺陷。"
    assert document_roles(roles, _REPORT + [kept])[2] == "cause"
    near_miss = "党建和业务“两张皮”的表现，既有认识上的偏差，也有工作上的脱节。"
    assert document_roles(roles, _REPORT + [near_miss])[2] != "cause"


def test_a_look_below_the_surface_and_the_next_dimension_go_on_explaining(roles: RoleRules) -> None:
    opening = ["关于某区机关党员学习情况的调研报告", "有的党员参加学习只是应付签到，学后很少运用到工作中。"]
    texts = opening + ["深层次看，学习考核只看次数不看效果。", "从制度机制上看，学习成果与评先评优没有挂钩。"]
    assert document_roles(roles, texts)[2:] == ["cause", "cause"]
    near_miss = opening + ["学习考核只看次数不看效果。", "从制度机制上看，学习成果与评先评优没有挂钩。"]
    assert "cause" not in document_roles(roles, near_miss)[2:]


def test_a_heading_that_asks_why_something_arises_opens_causes(roles: RoleRules) -> None:
    texts = _REPORT + [
        "部分单位考核党建只看台账，材料越做越厚。",
        "二、为什么会出现这种情况",
        "一些领导干部把党建当成软任务，只求过得去。",
    ]
    assert document_roles(roles, texts)[4] == "cause"


def test_rectification_measures_head_remedies(roles: RoleRules) -> None:
    texts = ["某局党组巡察反馈问题整改情况报告", "三、整改措施", "建立党建与业务工作同部署、同考核的台账制度。"]
    assert document_roles(roles, texts)[2] == "recommendation"
