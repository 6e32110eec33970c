"""Causes and what is not one. A heading that takes the problems apart (对照检查突出问题的深度剖析) opens problems, a heading
that names their causes still opens causes. The root named inside a quotation of authority is cited, the writer's own
root is a cause. An item that prescribes (一是要…) after a list of causes begins the remedies. After an explanation that
names a mindset, what some are said to think goes on explaining. A why-question about a shortcoming that persists opens
an explanation; a question of purpose does not. A doubt cast back at a shortcoming (…又如何能…？) censures it; a question
of method does not. Each test holds a kept case and its near miss. Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_SELF_CHECK = ["某局机关党支部学习教育对照检查材料"]


def test_a_heading_that_takes_the_problems_apart_opens_problems(roles: RoleRules) -> None:
    texts = _SELF_CHECK + [
        "一、对照检查突出问题的深度剖析",
        "（一）在理论学习方面，存在浅尝辄止的现象。",
        "部分党员学习只停留在读原文、抄笔记上，很少联系手头的业务。",
    ]
    assert document_roles(roles, texts)[2:] == ["problem", "problem"]
    near_miss = _SELF_CHECK + [
        "一、对照检查突出问题的原因剖析",
        "（一）理论学习的自觉性不强。",
        "部分党员把学习当成任务，满足于完成规定的学时。",
    ]
    assert document_roles(roles, near_miss)[2:] == ["cause", "cause"]


def test_a_root_named_in_a_quotation_of_authority_is_cited(roles: RoleRules) -> None:
    essay = ["关于基层减负的几点思考", "基层减负工作已经开展多年。"]
    quoted = "习近平总书记指出：“形式主义的根源是政绩观错位、责任心缺失。”"
    assert document_roles(roles, essay + [quoted])[2] == "other"
    own = "会议材料层层加码的问题在一些单位屡禁不止，根源是考核只认台账。"
    assert document_roles(roles, essay + [own])[2] == "cause"


_LEARNING_REPORT = [
    "关于某社区党支部学习教育情况的调研报告",
    "一、存在的主要问题",
    "部分党员参加集中学习不够经常，学习记录时断时续。",
    "造成这些问题的原因主要有以下两个方面：",
    "一是党员居住分散，集中时间难以保证。",
    "二是支部书记年龄偏大，组织活动的办法不多。",
]


def test_an_item_that_prescribes_after_the_causes_begins_the_remedies(roles: RoleRules) -> None:
    texts = _LEARNING_REPORT + [
        "一是要调整学习时间，方便在职党员参加。",
        "支部书记是抓好党员学习的第一责任人。",
    ]
    found = document_roles(roles, texts)
    assert found[4:6] == ["cause", "cause"]  # the causes listed stay causes
    assert found[6:] == ["recommendation", "recommendation"]


def test_what_some_think_goes_on_an_explanation_that_names_a_mindset(roles: RoleRules) -> None:
    opening = ["某市直机关党建与业务融合情况调研", "当前，一些机关党建与业务“两张皮”问题仍较突出。"]
    attitude = "一些单位负责人认为党建工作就是开会学习，抓不抓对业务影响不大。"
    texts = opening + ["究其原因，主要是思想认识存在偏差。", attitude]
    assert document_roles(roles, texts)[3] == "cause"
    near_miss = opening + ["究其原因，主要是考核办法不够健全。", attitude]
    assert document_roles(roles, near_miss)[3] == "problem"


def test_a_why_question_about_a_shortcoming_that_persists_is_a_cause(roles: RoleRules) -> None:
    essay = ["关于精简会议的几点思考", "基层干部对会议多的反映一直比较强烈。"]
    persisting = "中央和省委三令五申要求精简会议、压缩文件，为什么一些单位的会议还是越开越多？"
    assert document_roles(roles, essay + [persisting])[2] == "cause"
    purpose = "我们为什么要下决心精简会议？"
    assert document_roles(roles, essay + [purpose])[2] != "cause"


def test_a_doubt_cast_back_at_a_shortcoming_is_a_problem(roles: RoleRules) -> None:
    essay = ["组织生活会不能走过场", "组织生活会是党员接受教育的重要途径。"]
    doubt = "会前不征求意见，会上不开展批评，这样的生活会又如何能解决问题？"
    assert document_roles(roles, essay + [doubt])[2] == "problem"
    method = "如何能让在职党员更好地参与支部学习？"
    assert document_roles(roles, essay + [method])[2] != "problem"
