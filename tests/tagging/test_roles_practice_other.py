"""Roles in genres where what a unit did meets background and norms: a speech known only by its salutation,
news of a meeting that states (明确) its requirements, news of one unit told without 了, the attendance line of
meeting news, and reasons named as leading to a shortcoming. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RoleRules, build_contexts
from tests.support import document_roles

SPEECH = [
    "同志们：",
    "今天我们在这里召开全局党建工作会议，这是今年机关党建的一次重要会议。",
    "一、统一思想，切实增强抓好机关党建的责任感",
    "机关党建肩负着服务中心、建设队伍的重要责任。",
    "这就要求我们，必须把党建工作摆到更加突出的位置。",
]


def test_a_speech_known_by_its_salutation_sets_requirements(roles: RoleRules) -> None:
    contexts = build_contexts(SPEECH)
    assert all(context.policy and context.spoken for context in contexts)
    got = document_roles(roles, SPEECH)
    assert got[1] == "other"  # the speaker about the meeting itself
    assert got[2] == "requirement"  # a heading worded as a norm
    assert got[3] == "other"  # 重要责任 holds 要 but sets no norm
    assert got[4] == "requirement"


def test_a_salutation_after_a_report_title_leaves_the_report_alone(roles: RoleRules) -> None:
    texts = ["关于市档案馆党建工作的调研报告", "同志们：", "调研发现，部分支部的学习仍然流于形式。"]
    assert not build_contexts(texts)[2].policy
    assert document_roles(roles, texts)[2] == "problem"


MEETING = [
    "近日，市档案馆党支部召开专题会议，研究部署下半年支部工作。",
    "会议明确，全馆的党建工作要紧扣档案服务大局，把支部建在业务一线。",
    "二要抓实学习，推动理论学习和档案业务研讨结合起来。",
    "各科室负责人及全体党员参加了会议。",
]


def test_meeting_news_that_states_its_requirements_with_ming_que(roles: RoleRules) -> None:
    got = document_roles(roles, MEETING)
    assert got[1] == "requirement"
    assert got[2] == "requirement"
    assert got[3] == "other"  # the attendance line frames the news


def test_meeting_news_without_stated_requirements_keeps_advice_out(roles: RoleRules) -> None:
    texts = ["近日，市档案馆党支部召开专题会议，学习了新修订的支部工作条例。",
             "会议明确了下半年支部活动的时间安排。"]
    assert not build_contexts(texts)[1].policy


UNIT_NEWS = [
    "档案讯（王某）今年以来，市档案馆党支部多向发力，推动党建和档案业务深度融合。",
    "一是在强化理论武装上发力。",
    "以“档案党员先锋岗”为载体，充分发挥党员在数字化攻坚中的作用。",
    "配强支部班子。",
    "馆党支部深入推进“支部建在项目上”，把党员编入三个数字化项目组。",
]


def test_news_of_one_unit_tells_its_practice_without_le(roles: RoleRules) -> None:
    assert build_contexts(UNIT_NEWS)[1].voice == "report"
    got = document_roles(roles, UNIT_NEWS)
    assert got[1] == "practice"  # the run-in item heading
    assert got[3] == "practice"  # a very short line is a run-in heading too
    assert got[4] == "practice"  # a named unit acting (馆党支部深入推进)


def test_commentary_without_a_unit_has_no_report_voice(roles: RoleRules) -> None:
    texts = ["抓党建不能就党建抓党建。",
             "机关党组织要把党建工作融入业务工作全过程。",
             "党建和业务是一个有机整体，二者不能割裂。"]
    assert build_contexts(texts)[0].voice != "report"
    assert document_roles(roles, texts)[1] == "recommendation"


def test_reasons_named_as_leading_to_a_shortcoming_are_a_cause(roles: RoleRules) -> None:
    texts = ["二、存在的问题",
             "一些社区想把党群阵地建好，但受场地少、经费紧等原因，导致阵地建设迟迟不能推进。",
             "一些社区的党群阵地使用率不高，导致群众参与活动的积极性不高。"]
    got = document_roles(roles, texts)
    assert got[1] == "cause"
    assert got[2] == "problem"  # a shortcoming tied to its effect only stays a problem


def test_commentary_modal_before_a_stance_verb_is_advice(roles: RoleRules) -> None:
    texts = ["国有企业党建与业务“两张皮”现象仍然存在。",
             "国有企业应找准党建工作在企业发展中的定位，结合经营需要创新党建做法。"]
    assert document_roles(roles, texts)[1] == "recommendation"


def test_a_speech_known_by_its_frame_sets_requirements(roles: RoleRules) -> None:
    texts = ["今天，我们在这里召开全县机关党建工作推进会，主要是总结上半年工作。",
             "下面，我就做好下半年工作讲三点意见。",
             "一、提高站位，切实把党建责任扛在肩上",
             "各单位党组书记必须亲自抓党建。"]
    got = document_roles(roles, texts)
    assert got[2] == "requirement" and got[3] == "requirement"


def test_a_report_on_what_others_said_in_a_meeting_is_no_speech(roles: RoleRules) -> None:
    texts = ["关于县档案馆支部建设的调研报告",
             "下面，我就调研中了解的情况讲三点意见。",
             "一是部分党员参加组织生活不够积极。"]
    assert not build_contexts(texts)[2].policy


def test_a_problem_list_announced_with_its_first_item(roles: RoleRules) -> None:
    texts = ["在调研中，我们发现档案系统党建工作主要存在如下几方面的问题：一是学习形式比较单一。",
             "二是经费保障紧张。",
             "三是骨干力量紧缺。"]
    assert document_roles(roles, texts) == ["problem", "problem", "problem"]


def test_definitions_and_background_are_other(roles: RoleRules) -> None:
    texts = ["抓机关党建要从功能定位说起。",
             "政治功能是基层党组织的首要功能，统领其他各项功能。",
             "随着机构改革的深入推进，机关党建面临不少新情况。",
             "近年来，党建述职评议已经成为各地考核党组织书记的重要方式。",
             "今年以来，县档案馆党支部组织党员开展业务讲堂12期。",
             "各级党组织要把述职评议结果用起来。",
             "党组织书记要把抓党建当作分内之事。"]
    got = document_roles(roles, texts)
    assert got[1:4] == ["other", "other", "other"]
    assert got[4] == "practice"  # a named unit with a count stays practice


def test_bare_verb_phrases_in_a_unit_report_are_practice(roles: RoleRules) -> None:
    texts = ["档案讯（王某）今年以来，市档案馆党支部多向发力，推动党建和业务融合。",
             "一是在锤炼队伍上发力。",
             "馆党支部把党员编入三个数字化项目组。",
             "全面加强青年党员的业务锤炼，把数字化攻坚任务分解到每个党员。",
             "推动党建和业务融合是新时代机关党建的重要命题。"]
    got = document_roles(roles, texts)
    assert got[3] == "practice"
    assert got[4] == "other"  # a statement of what something is


def test_news_of_an_activity_where_members_share_experiences_is_no_reflection(roles: RoleRules) -> None:
    from pipeline.structure import classify_doc_type

    news = ("近日，市档案馆党支部赴红色教育基地开展主题党日活动。\n"
            "活动中，青年党员们谈心得体会，老党员们讲述了自己的入党经历。")
    assert classify_doc_type("", news) == "other"
    assert classify_doc_type("", "近日，市档案馆党支部赴县档案馆开展调研和主题党日活动。") == "other"
    reflection = "参加这次培训，我有几点体会。\n一是理论学习必须联系业务实际。"
    assert classify_doc_type("", reflection) == "心得体会"
    survey = "为摸清支部建设情况，本次调研共发放问卷300份。"
    assert classify_doc_type("", survey) == "调研报告"
    texts = ["近日，市档案馆党支部赴红色教育基地开展主题党日活动。",
             "活动中，青年党员们谈心得体会，老党员们讲述了自己的入党经历。",
             "党员们参观了革命旧址，听取了讲解。",
             "——重温入党誓词，坚定理想信念。",
             "全体党员在党旗下重温了入党誓词。"]
    assert build_contexts(texts)[0].voice == "report"
    assert document_roles(roles, texts)[3] == "practice"  # a dashed run-in heading of the activity


@pytest.mark.parametrize("sentence", [
    "这是因为一些支部书记把主要精力放在业务上，抓党建只是挂在嘴上。",
    "学习流于形式，是由考核只看台账、不看实效造成的。",
    "经费保障不足是支部活动难以开展的一个重要原因。",
    "党建和业务脱节，根子还是在思想认识上。",
    "党务干部兼职多、流动快，是制约支部建设质量的重要因素。",
])
def test_explanations_in_commentary_are_causes(roles: RoleRules, sentence: str) -> None:
    texts = ["当前，一些机关党建和业务仍然是“两张皮”。", "有的支部活动与业务工作各搞一套。", sentence]
    assert document_roles(roles, texts)[2] == "cause"


def test_a_shortcoming_without_an_explanation_stays_a_problem(roles: RoleRules) -> None:
    texts = ["当前，一些机关党建和业务仍然是“两张皮”。", "有的支部活动与业务工作各搞一套。",
             "一些支部的学习内容与业务实际联系不够紧密。"]
    assert document_roles(roles, texts)[2] == "problem"


def test_column_framing_of_a_news_story_is_other(roles: RoleRules) -> None:
    texts = ["为迎接建党纪念日，本网开设“支部风采”专栏，宣传展示各领域基层党组织的经验做法。",
             "市档案馆党支部于2019年成立，现有党员15名。"]
    assert document_roles(roles, texts)[0] == "other"


def test_what_members_said_they_will_do_is_no_advice(roles: RoleRules) -> None:
    texts = ["近日，市档案馆党支部组织党员赴革命旧址开展主题党日活动。",
             "党员们参观了旧址陈列，重温了入党誓词。",
             "党员们纷纷表示，要把革命精神转化为做好档案工作的动力。"]
    assert document_roles(roles, texts)[2] != "recommendation"
    meeting = ["近日，市档案馆召开党建工作会议。", "馆长王某强调，各支部要把党建和业务一起部署。"]
    assert document_roles(roles, meeting)[1] == "requirement"  # a leader's words are not members' talk


def test_a_prescription_that_names_shortcomings_is_advice(roles: RoleRules) -> None:
    texts = ["支部学习仍存在形式单一的问题。",
             "抓好支部学习要从内容入手。",
             "其次，要加强对支部学习的督导，及时发现学习中存在的问题并加以整改。",
             "其次，支部学习中的形式主义问题也比较突出。"]
    got = document_roles(roles, texts)
    assert got[2] == "recommendation"
    assert got[3] == "problem"
