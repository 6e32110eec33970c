"""Roles by genre: how a yardstick that is not titled as one (a notice without its title line, a speech whose
opening praises 经验交流, news of a meeting, of an issued document or of a leader's words, a plan laid out in
its parts) is recognised, and how framing, general statements and explanations are told apart from norms,
practice and problems. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RoleRules, _enclosing_hint, build_contexts
from tests.support import document_roles


def test_a_speech_title_outranks_a_report_genre_read_from_its_opening(roles: RoleRules) -> None:
    texts = [
        "县直机关党建工作推进会上的讲话",
        "同志们：",
        "刚才，三个单位作了经验交流，讲得很实在，请大家认真学习借鉴。",
        "希望各单位结合实际，认真抓好今年各项党建任务的落实。",
        "各支部要把党建工作和业务工作一起谋划、一起部署。",
    ]
    assert all(context.policy for context in build_contexts(texts))
    got = document_roles(roles, texts)
    assert got[2] == "other"  # the speaker about the meeting itself
    assert got[4] == "requirement"


def test_a_title_run_into_the_first_sentence_still_names_the_yardstick(roles: RoleRules) -> None:
    speech = ["在全镇党建工作推进会上的讲话同志们：今天召开这次会议，主要是部署下半年工作。",
              "各村党支部要把党建和中心工作一起谋划。"]
    assert build_contexts(speech)[1].policy
    assert document_roles(roles, speech)[1] == "requirement"
    notice = ["关于开展支部结对共建活动的通知各党支部：为推动共建，现将有关事项通知如下：",
              "各支部要确定一个结对单位。"]
    assert build_contexts(notice)[0].doc_type == "通知"
    assert document_roles(roles, notice)[1] == "requirement"


def test_a_speech_reviewing_the_work_done_reports_practice(roles: RoleRules) -> None:
    texts = [
        "在全区机关党建工作会议上的讲话",
        "同志们：",
        "回顾过去一年的机关党建工作，主要有以下几个特点：",
        "一是坚持围绕中心服务大局。",
        "各支部把党建工作放到全区发展大局中谋划，推动了一批业务难题的解决。",
        "二、下一步工作",
        "各级党组织要压实主体责任。",
    ]
    got = document_roles(roles, texts)
    assert got[3:5] == ["practice", "practice"]
    assert got[6] == "requirement"


def test_a_notice_without_its_title_line_is_known_by_its_body(roles: RoleRules) -> None:
    texts = [
        "各党支部：",
        "为推进党建与业务融合，机关党委决定开展支部工作案例评选活动，现将有关事项通知如下：",
        "一、评选对象",
        "机关各党支部。",
        "二、申报要求",
        "案例应突出党建促进业务的实际成效，篇幅不超过两千字。",
        "请于六月底前将案例报送机关党委。",
        "某局机关党委",
    ]
    contexts = build_contexts(texts)
    assert contexts[0].doc_type == "通知" and contexts[0].policy
    got = document_roles(roles, texts)
    assert got[2] == "other" and got[4] == "other"  # the notice's part headings
    assert got[5] == "requirement" and got[6] == "requirement"
    assert got[7] == "other"  # the issuer's signature


def test_the_report_of_a_meeting_frames_the_requirements_and_its_acts_are_practice(roles: RoleRules) -> None:
    texts = [
        "5月6日，某局党委召开党建工作专题会议，研究部署下半年机关党建工作。",
        "会议要求，各支部要对照年度任务逐项抓好落实。",
        "从支部做起，争创模范机关。",
        "会议审议通过了《机关党建工作考核办法》。",
    ]
    got = document_roles(roles, texts)
    assert got == ["other", "requirement", "requirement", "practice"]


def test_a_named_leaders_words_opening_a_text_set_requirements(roles: RoleRules) -> None:
    texts = [
        "王某同志强调，各支部应当严格执行组织生活制度，认真开展批评和自我批评。",
        "党员领导干部应当带头参加所在支部的组织生活。",
        "（机关党委办公室供稿）",
    ]
    got = document_roles(roles, texts)
    assert got[:2] == ["requirement", "requirement"]
    # the General Secretary is quoted, not reported: a commentary opening with his words stays a commentary
    for opening in ("习近平总书记强调，要推动党建和业务深度融合。", "习近平同志指出，要处理好党建和业务的关系。"):
        assert "requirement" not in document_roles(roles, [opening, "这为机关党建指明了方向。"])
    titled_after = ["县委书记王某强调，各单位要把党建和业务一起谋划。", "要压实主体责任。"]
    assert document_roles(roles, titled_after) == ["requirement", "requirement"]
    # an experience report quoting its own leader stays a report
    report = ["某局党建工作经验材料", "局党组书记赵某强调，要把党建工作融入业务。", "局党组先后开展了十次联学活动。"]
    assert "requirement" not in document_roles(roles, report)


def test_news_of_an_issued_document_reports_what_it_requires(roles: RoleRules) -> None:
    texts = [
        "某日报讯 近日，市委办公室印发《关于加强机关党支部建设的通知》，对支部建设提出明确要求。",
        "通知指出，机关党支部是党在机关中的基础组织。",
        "通知要求，各单位要把支部建设纳入年度考核。",
        "要选优配强支部书记，定期开展轮训。",
    ]
    got = document_roles(roles, texts)
    assert got[0] == "other" and got[1] == "other"
    assert got[2:] == ["requirement", "requirement"]


def test_a_text_laid_out_in_plan_parts_is_a_yardstick(roles: RoleRules) -> None:
    texts = [
        "支部规范化建设",
        "一、主要目标",
        "组织设置合理，制度执行到位，活动开展经常。",
        "二、主要任务",
        "支部委员会每月召开一次会议。",
        "党员人数超过五十人的，设立总支部委员会。",
    ]
    assert build_contexts(texts)[2].policy
    got = document_roles(roles, texts)
    assert got[1] == "other" and got[3] == "other"
    assert got[2] == "requirement" and got[4:] == ["requirement", "requirement"]


def test_a_rule_text_frames_its_purpose_and_chapters(roles: RoleRules) -> None:
    texts = [
        "某局机关党支部工作规定",
        "第一章 总则",
        "第一条 为了规范机关党支部工作，结合本局实际，制定本规定。",
        "第二条 党支部应当每季度召开一次党员大会。",
        "第二章 支部委员会",
    ]
    got = document_roles(roles, texts)
    assert got[1] == "other" and got[2] == "other" and got[4] == "other"
    assert got[3] == "requirement"


def test_articles_make_a_rule_text_a_yardstick_without_a_title(roles: RoleRules) -> None:
    texts = [
        "第三条 支部委员会由党员大会选举产生，每届任期三年。",
        "第四条 党员人数七人以上的支部设立支部委员会。",
        "第五条 支部书记应当具有一年以上党龄。",
    ]
    assert all(context.policy for context in build_contexts(texts))
    assert document_roles(roles, texts) == ["requirement"] * 3
    assert not build_contexts(texts[:1])[0].policy  # one article alone says nothing


def test_what_a_yardstick_tells_as_done_sets_no_norm(roles: RoleRules) -> None:
    texts = [
        "关于深化模范机关创建的实施意见",
        "近年来，全县机关党建工作取得了明显成效，涌现出一批先进典型。",
        "各单位要深化模范机关创建，确保党建和业务同步推进。",
    ]
    got = document_roles(roles, texts)
    assert got[1] != "requirement"
    assert got[2] == "requirement"


def test_a_modal_verb_inside_quotation_marks_is_not_the_writers_advice(roles: RoleRules) -> None:
    texts = [
        "某局联学共建纪实",
        "某局党支部与社区党支部围绕“服务要贴心、办事要高效”的目标，共同开展了联学共建活动。",
    ]
    assert document_roles(roles, texts)[1] == "practice"
    advice = ["某局联学共建纪实", "各支部要围绕服务群众开展联学共建活动。"]
    assert document_roles(roles, advice)[1] == "recommendation"


def test_a_study_describing_its_method_is_framing(roles: RoleRules) -> None:
    texts = [
        "机关党员学习情况调研报告",
        "一、调研方法",
        "课题组采用分层抽样的方式，向八个单位的党员发放问卷。",
        "对收回的问卷进行了简要的统计说明。",
        "二、主要做法",
        "各支部坚持每月开展一次集中学习。",
    ]
    got = document_roles(roles, texts)
    assert got[1:4] == ["other", "other", "other"]
    assert got[5] == "practice"


def test_a_general_statement_in_a_commentary_is_not_practice(roles: RoleRules) -> None:
    texts = [
        "论党建与业务的有机结合",
        "党组织在业务工作中发挥着战斗堡垒作用，能够凝聚党员干部的力量。",
        "党建工作与业务工作是相辅相成的关系。",
        "2023年以来，某局党委组织开展了十二次联学活动。",
    ]
    got = document_roles(roles, texts)
    assert got[1] == "other" and got[2] == "other"
    assert got[3] == "practice"


def test_a_shortcoming_under_a_cause_section_explains(roles: RoleRules) -> None:
    assert _enclosing_hint(["二、原因分析", "（一）思想认识不足"]) == "cause"
    assert _enclosing_hint(["一、存在的问题", "（一）思想认识不足"]) == "problem"
    texts = [
        "关于支部党建工作的调研报告",
        "一、存在的问题",
        "部分支部组织生活不规范，学习流于形式。",
        "二、原因分析",
        "（一）思想认识不足",
        "有的支部书记认为党建是软任务，抓得不紧。",
    ]
    got = document_roles(roles, texts)
    assert got[2] == "problem"
    assert got[4] == "cause" and got[5] == "cause"


@pytest.mark.parametrize(
    "text",
    [
        "这种只顾业务的思想导致了支部活动长期停滞。",
        "这与部分领导干部重业务轻党建有很大关系。",
        "学习效果不好，其实是应付心理在作祟。",
        "一些党员不参加集中学习，而且由于工作繁忙，自学也难以坚持。",
    ],
)
def test_an_explanation_of_a_shortcoming_is_a_cause(roles: RoleRules, text: str) -> None:
    texts = ["关于支部学习情况的思考", "支部学习关系党员素质。", "近年来各支部都在加强学习。", text]
    assert document_roles(roles, texts)[-1] == "cause"


def test_the_second_half_of_an_explanation_explains_too(roles: RoleRules) -> None:
    texts = [
        "关于支部学习情况的思考",
        "支部学习关系党员素质。",
        "一方面，由于业务任务繁重，一些党员难以抽出时间参加学习。",
        "另一方面，一些党员对学习的意义认识不足，参加学习的积极性不高。",
    ]
    got = document_roles(roles, texts)
    assert got[2:] == ["cause", "cause"]


def test_a_unit_telling_what_it_does_reports_practice(roles: RoleRules) -> None:
    texts = [
        "一、开好支部党员大会",
        "多年来，我镇党委根据上级安排和本单位实际确定会议议题，做到突出中心。",
    ]
    assert document_roles(roles, texts)[1] == "practice"
