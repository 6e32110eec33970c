"""Roles read from how a report lays out its findings and how news tells an activity: shortcomings and causes
labelled as such (问题1：…, 成因：…), a why-question standing on its own, explanations worded without 原因是,
the steps of an activity told one after another, and a unit named at the opening as the actor of its practice.
Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles


def test_a_labelled_problem_and_its_labelled_cause(roles: RoleRules) -> None:
    texts = [
        "某社区党支部标准化建设自查报告",
        "本支部于今年3月开展了首轮自查，4月完成了全部整改。",
        "问题1：支部活动阵地不足，党员集中学习难以安排。",
        "成因：近两年社区旧房改造，原有活动室一直被临时占用。",
        "问题2：支委班子年龄偏大，后备力量不足。",
        "原因分析：近三年发展青年党员较少，后备人选储备不够。",
    ]
    assert document_roles(roles, texts)[2:] == ["problem", "cause", "problem", "cause"]


def test_a_label_on_the_rectifying_of_problems_names_no_problem(roles: RoleRules) -> None:
    texts = [
        "某社区党支部标准化建设自查报告",
        "本支部于今年3月开展了首轮自查，4月完成了全部整改。",
        "问题整改情况：活动室已于5月重新启用，党员学习每月按时开展。",
    ]
    assert document_roles(roles, texts)[2] != "problem"


def test_a_why_question_of_its_own_opens_an_explanation(roles: RoleRules) -> None:
    texts = [
        "支部学习为何总是流于形式",
        "不少支部的集中学习仍以念文件为主，党员参与热情不高。",
        "那么，为什么这样的学习屡屡出现？",
    ]
    assert document_roles(roles, texts)[2] == "cause"


def test_a_question_of_purpose_is_no_explanation(roles: RoleRules) -> None:
    texts = [
        "在支部主题党日活动上的讲话",
        "同志们：",
        "我们为什么要开展这次主题党日活动？",
    ]
    assert document_roles(roles, texts)[2] != "cause"


def test_explanations_worded_without_yuanyin_shi(roles: RoleRules) -> None:
    texts = [
        "关于基层报表过多问题的思考",
        "一些乡镇每月要填报的各类表格多达数十种，干部疲于应付。",
        "造成这种局面的，既有考核指标设置过细，也有部门之间数据不共享。",
        "引发报表泛滥的结构性原因，是上级部门把过程材料当作考核依据。",
        "督查检查过于频繁，也是原因之一。",
    ]
    assert document_roles(roles, texts)[2:] == ["cause", "cause", "cause"]


def test_dimensions_named_with_yuanyin_announce_no_cause_list(roles: RoleRules) -> None:
    texts = [
        "关于会风文风问题的思考",
        "当前的会风问题，同过去相比，在原因、表现、危害等方面都有新的特点。",
        "（一）会议数量的变化",
        "近两年县级会议的总数有所下降。",
    ]
    assert "cause" not in document_roles(roles, texts)[2:]


def test_the_steps_of_an_activity_in_unit_news_are_practice(roles: RoleRules) -> None:
    texts = [
        "5月8日，某局机关第二党支部开展“重温初心”主题党日活动。",
        "活动由支部书记主持，支部全体党员参加。",
        "接着，党员们观看了廉政教育专题片。",
        "第二阶段：支部组织委员领学了新修订的党支部工作条例。",
    ]
    assert document_roles(roles, texts)[1:] == ["practice", "practice", "practice"]


def test_a_norm_told_in_a_step_of_the_activity_stays_a_norm(roles: RoleRules) -> None:
    texts = [
        "5月8日，某局机关第二党支部开展“重温初心”主题党日活动。",
        "活动由支部书记主持，支部全体党员参加。",
        "最后，支部书记要求，每名党员要结合岗位写出学习体会。",
    ]
    assert document_roles(roles, texts)[2] != "practice"


def test_a_unit_named_at_the_opening_makes_its_bare_verb_phrases_practice(roles: RoleRules) -> None:
    texts = [
        "某县推行“两张清单”压实基层党建责任",
        "近年来，某县推行党组织书记“两张清单”制度，推动党建责任落到实处。",
        "两张清单即书记承诺清单和问题整改清单。",
        "明确任务，让履责有据可查。",
        "梳理党建重点，细化书记承诺事项。",
        "强化督促，让督责落到实处。",
    ]
    assert document_roles(roles, texts)[3:] == ["practice", "practice", "practice"]


def test_without_a_unit_at_the_opening_bare_verb_phrases_are_not_practice(roles: RoleRules) -> None:
    texts = [
        "压实基层党建责任的几点思考",
        "基层党建责任能否落实，关键在于清单是否管用。",
        "两张清单即书记承诺清单和问题整改清单。",
        "明确任务，让履责有据可查。",
        "梳理党建重点，细化书记承诺事项。",
        "强化督促，让督责落到实处。",
    ]
    assert "practice" not in document_roles(roles, texts)[3:]


def test_a_shortcoming_put_down_to_its_source_after_but_is_a_cause(roles: RoleRules) -> None:
    texts = [
        "关于社区网格党建的调研报告",
        "网格党建推行以来，得到了居民的普遍认可。",
        "但由于网格划分仍在调整，仍然存在部分党小组活动不经常、党员参与不够、作用发挥不明显等问题。",
    ]
    assert document_roles(roles, texts)[2] == "cause"
