"""Yardsticks known from their sentences alone: a speech without its title line (a salutation run into the
first sentence, the points the speaker announces), news of a meeting or of a visit where a leader's words
are announced one sentence before the norms, news of an issued document that restates its tasks, a plan
named in the title of its first article; and the framing, titles and definitions around them. Every
sentence here is written for the test."""

import pytest

from pipeline.structure import classify_doc_type
from pipeline.tagging.rules import RoleRules, _section_hint, build_contexts
from tests.support import document_roles


def test_a_salutation_run_into_the_first_sentence_opens_a_speech(roles: RoleRules) -> None:
    texts = [
        "同志们，今天我们在这里召开全县机关作风建设推进会，主要是总结上半年工作，安排下半年任务。",
        "为了把各项任务落到实处，我再强调以下几点：",
        "一是要提高认识，把作风建设摆在突出位置。",
        "各单位要结合实际制定具体措施，确保年底前见到成效。",
    ]
    assert all(context.policy and context.spoken for context in build_contexts(texts))
    got = document_roles(roles, texts)
    assert got[1] == "other"  # the speaker announcing his points
    assert got[2:] == ["requirement", "requirement"]


def test_announced_points_make_a_speech_of_an_untitled_text(roles: RoleRules) -> None:
    texts = [
        "今年是全面落实三年行动计划的攻坚之年，做好全年党建工作意义重大。",
        "下面，就抓好今年的党建工作，我重点强调三个方面：",
        "要坚持把党的政治建设摆在首位，推动党建和业务同谋划同落实。",
        "首先要抓好支部书记队伍建设。",
    ]
    assert build_contexts(texts)[2].policy
    assert document_roles(roles, texts)[2:] == ["requirement", "requirement"]


def test_the_same_norms_in_a_commentary_stay_advice(roles: RoleRules) -> None:
    texts = [
        "党建和业务融合是一项长期任务。",
        "要坚持把党的政治建设摆在首位，推动党建和业务同谋划同落实。",
        "首先要抓好支部书记队伍建设。",
    ]
    assert not any(context.policy for context in build_contexts(texts))
    assert document_roles(roles, texts)[1:] == ["recommendation", "recommendation"]


def test_a_definition_in_a_speech_is_context_not_a_norm(roles: RoleRules) -> None:
    texts = [
        "同志们：",
        "下面，我讲三点意见。",
        "一是要充分认识开展这项活动的重要意义。",
        "具体来说，开展这项活动是巩固主题教育成果的需要。",
        "各支部要按照方案抓好落实。",
    ]
    got = document_roles(roles, texts)
    assert got[3] == "other"
    assert got[4] == "requirement"


def test_a_leaders_words_announced_before_the_norms_make_them_requirements(roles: RoleRules) -> None:
    texts = [
        "3月5日，某县召开机关党建工作部署会，县委副书记出席会议并讲话。",
        "会上，六个单位的党组织书记作了述职。",
        "王某某强调，抓好今年的机关党建工作任务艰巨、责任重大。",
        "县直各级党组织要把党建工作和业务工作一起谋划、一起部署；",
        "要持续深化模范机关创建，建强党务干部队伍。",
    ]
    got = document_roles(roles, texts)
    assert got[2] == "other"
    assert got[3:] == ["requirement", "requirement"]


def test_without_such_an_announcement_the_same_news_reports_no_requirement(roles: RoleRules) -> None:
    texts = [
        "3月5日，某县召开机关党建工作部署会，县委副书记出席会议并讲话。",
        "王某某强调，抓好今年的机关党建工作任务艰巨、责任重大。",
        "会议还表彰了一批先进基层党组织。",
    ]
    assert "requirement" not in document_roles(roles, texts)


def test_a_leaders_visit_sets_requirements_and_is_no_research_report(roles: RoleRules) -> None:
    title = "市委常委到我局调研机关党建工作"
    assert classify_doc_type(title, title) == "other"
    assert classify_doc_type("关于机关党建工作的调研报告", "") == "调研报告"
    texts = [
        title,
        "6月2日，市委常委一行到我局调研机关党建工作，局党组书记陪同。",
        "李某某指出，近年来该局党建工作基础扎实，特色鲜明。",
        "李某某强调，该局服务对象多、业务链条长，抓好党建工作尤为重要。",
        "一是要压实党组主体责任，做到党建和业务同部署同考核。",
        "二是要打造服务品牌，以党建促业务。",
    ]
    got = document_roles(roles, texts)
    assert got[0] == "other"
    assert got[4:] == ["requirement", "requirement"]


def test_news_of_an_issued_document_restates_its_tasks_as_requirements(roles: RoleRules) -> None:
    texts = [
        "某市委机关工委近日印发《关于深化支部标准化建设的工作方案》。",
        "《关于深化支部标准化建设的工作方案》要求，对照标准逐项检查，把整改落实到每个支部。",
        "要求各机关党组织健全支部工作台账，做好支部书记轮训。",
        "方案强调，各单位要压实责任、加强督导。",
    ]
    contexts = build_contexts(texts)
    assert contexts[0].lead  # the report of the issuing is the news's frame
    assert document_roles(roles, texts) == ["other", "requirement", "requirement", "requirement"]


def test_a_notice_passing_a_document_on_is_framing(roles: RoleRules) -> None:
    texts = [
        "关于印发《某镇支部建设提升行动方案》的通知",
        "各党支部：",
        "《某镇支部建设提升行动方案》已经镇党委会议研究同意，现印发给你们，请结合实际认真贯彻落实。",
        "一、各支部要每月召开一次支部委员会。",
    ]
    got = document_roles(roles, texts)
    assert got[2] == "other"
    assert got[3] == "requirement"


def test_a_plan_named_by_the_title_of_its_first_article_is_a_yardstick(roles: RoleRules) -> None:
    texts = [
        "基层党建范文汇编",
        "某街道2025年党建工作计划要点",
        "为全面提升街道党建工作质量，现制定2025年党建工作计划如下：",
        "一、推进支部标准化建设",
        "每个社区党组织至少打造一个服务品牌，推行党员积分管理。",
    ]
    assert all(context.policy for context in build_contexts(texts))
    got = document_roles(roles, texts)
    assert got[2] == "other"
    assert got[3:] == ["requirement", "requirement"]


def test_a_compilations_article_title_repeats_its_title(roles: RoleRules) -> None:
    texts = [
        "机关党建存在的问题及整改措施5篇",
        "【写作参考】以下材料为您精选整理，供您写作参考。",
        "机关党建存在的问题及整改措施1",
        "一、存在的问题",
        "有的支部组织生活不够规范。",
    ]
    contexts = build_contexts(texts)
    assert contexts[2].is_title
    got = document_roles(roles, texts)
    assert got[:3] == ["other", "other", "other"]
    assert got[4] == "problem"


def test_a_cause_announced_at_the_end_of_a_sentence_opens_a_list_of_causes(roles: RoleRules) -> None:
    texts = [
        "调研中发现，一些支部的组织生活仍然流于形式。",
        "这种状况的出现，背后有着深层次的原因。",
        "首先，部分支部书记把主要精力放在业务上。",
        "其次，考核办法对组织生活质量缺少衡量。",
    ]
    assert document_roles(roles, texts)[2:] == ["cause", "cause"]


@pytest.mark.parametrize("heading, hint", [
    ("一、当前支部建设中的问题", "problem"),
    ("二、述职评议中发现的问题", "problem"),
    ("三、融合工作面临的难题", "problem"),
    ("四、破解难题的路径", "recommendation"),
])
def test_headings_that_name_the_problems_found(heading: str, hint: str) -> None:
    assert _section_hint(heading) == hint


def test_a_party_organisations_meeting_title_is_no_meeting_news() -> None:
    texts = [
        "在全市基层党组织建设工作推进会上的汇报发言材料",
        "各位领导，同志们：",
        "党的二十大报告指出，要全面提高机关党建质量。",
        "近年来，我们以三年行动为抓手，推动机关党建质量有效提升。",
    ]
    contexts = build_contexts(texts)
    assert contexts[0].doc_type == "经验材料"
    assert not contexts[2].policy


def test_a_report_announcing_its_summary_is_framing(roles: RoleRules) -> None:
    texts = [
        "某街道党工委2024年党建工作总结",
        "现将全年党建工作总结如下：",
        "一是建立了社区党员积分管理制度，全年开展主题党日24次。",
    ]
    got = document_roles(roles, texts)
    assert got[1] == "other"
    assert got[2] == "practice"


def test_points_announced_at_a_sentences_end_open_the_requirements(roles: RoleRules) -> None:
    texts = [
        "5月8日，某科党支部召开专题组织生活会，开展民主评议党员。",
        "局机关党委书记参加会议并作点评。",
        "就做好支部下一步工作，他提出两点要求。",
        "一要把学习教育和业务工作结合起来。",
        "二要抓好查摆问题的整改。",
    ]
    assert document_roles(roles, texts)[3:] == ["requirement", "requirement"]


def test_a_meeting_named_far_from_its_verb_is_still_meeting_news(roles: RoleRules) -> None:
    texts = [
        "2月3日，县委召开2025年度乡镇党委书记、县直机关党组织书记和部分企业党组织书记抓基层党建工作述职评议会。",
        "会议指出，基层党建关乎全局。",
        "全县各级党组织要把党建和业务一起谋划。",
    ]
    contexts = build_contexts(texts)
    assert contexts[0].lead
    assert document_roles(roles, texts) == ["other", "other", "requirement"]


def test_a_directive_to_named_units_makes_a_yardstick(roles: RoleRules) -> None:
    texts = [
        "对照检查中，机关各支部都查找了自身的不足。",
        "支部组织生活不规范、党员教育管理不严格，是当前面上存在的问题。",
        "各部门单位要对照这些问题逐条查找本单位的差距。",
        "坚持正面教育为主，用科学理论武装头脑。",
    ]
    assert document_roles(roles, texts)[2:] == ["requirement", "requirement"]


def test_a_commentarys_appeal_to_all_party_organisations_stays_advice(roles: RoleRules) -> None:
    texts = [
        "学用脱节的问题在一些地方仍然存在。",
        "各级党组织要把学习成果转化为推动工作的实际成效。",
    ]
    assert document_roles(roles, texts)[1] == "recommendation"


def test_run_in_labels_switch_between_problems_and_rectification(roles: RoleRules) -> None:
    texts = [
        "组织生活方面存在问题：个别支部主题党日内容单调，记录不完整。",
        "整改措施：一是制定年度主题党日计划。",
        "每季度检查一次支部记录。",
        "学习教育方面存在问题：部分党员参加集中学习不经常。",
        "整改措施：一是建立学习考勤制度。",
    ]
    assert document_roles(roles, texts) == ["problem", "recommendation", "recommendation", "problem", "recommendation"]


def test_a_meetings_chair_is_its_frame_and_praise_of_results_is_practice(roles: RoleRules) -> None:
    texts = [
        "6月9日，区委机关党委召开上半年党建工作推进会。",
        "会议由机关党委专职副书记主持。",
        "会上，五个支部的书记交流了上半年的工作。",
        "区委副书记充分肯定了上半年各支部的工作成效。",
    ]
    got = document_roles(roles, texts)
    assert got[1] == "other"
    assert got[3] == "practice"


def test_a_meetings_proceedings_and_a_years_results_are_practice(roles: RoleRules) -> None:
    texts = [
        "1月9日，局机关党委召开年度支部书记述职评议会。",
        "局党组成员出席会议。",
        "会议由机关党委书记主持。",
        "会上，八个支部的书记逐一作了述职，与会党员进行现场测评。",
        "会议首先组织学习了上级有关文件。",
        "局党组书记指出，过去一年，各支部围绕中心抓党建，取得了明显成效。",
    ]
    assert document_roles(roles, texts)[3:] == ["practice", "practice", "practice"]


def test_results_still_to_be_achieved_are_no_practice(roles: RoleRules) -> None:
    texts = [
        "关于开展支部规范化建设提升行动的实施方案",
        "一、工作目标",
        "通过一年的努力，确保支部规范化建设取得明显成效。",
    ]
    assert document_roles(roles, texts)[2] == "requirement"


def test_a_speakers_hope_is_a_requirement(roles: RoleRules) -> None:
    texts = [
        "在全县机关党建工作会议上的讲话",
        "同志们：",
        "刚才，四个单位作了交流发言，讲得都很好。",
        "希望各单位认真学习借鉴，结合实际抓好落实。",
    ]
    assert document_roles(roles, texts)[3] == "requirement"


def test_an_article_mark_before_a_repeated_title_is_still_the_title() -> None:
    texts = [
        "支部建设存在的问题及原因分析(通用3篇)",
        "以下是为大家整理的相关文章，欢迎品鉴！",
        "【篇1】支部建设存在的问题及原因分析",
        "一、存在的问题",
    ]
    assert build_contexts(texts)[2].is_title
