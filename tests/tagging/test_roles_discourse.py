"""Roles from the discourse: the genre and voice of a document, what a sentence announces for the
sentences after it, and the framing of a text. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RoleRules, RuleMatcher, _enclosing_hint, build_contexts
from tests.support import document_roles

MEETING_NEWS = [
    "某县召开机关党建工作推进会",
    "5月8日，某县机关工委召开全县机关党建工作推进会，各单位分管负责同志参加会议。",
    "会议听取了六个单位党组织书记的工作汇报，并进行了逐一点评。",
    "会议强调，各级机关党组织要坚持围绕中心抓党建，把党建工作和业务工作一起谋划、一起部署。",
    "要严格落实党建工作责任制，定期听取党支部工作汇报。",
    "要加强党务干部队伍建设，选优配强支部书记。",
]


def test_a_meeting_report_turns_requirements_on_where_they_are_announced(roles: RoleRules) -> None:
    got = document_roles(roles, MEETING_NEWS)
    assert got[0] == "other"  # the title
    assert got[1] == "other"  # the report of the meeting (date, organiser, 召开) frames the requirements set there
    assert got[2] == "practice"  # 会议听取…
    assert got[3:] == ["requirement"] * 3


def test_without_an_announcement_the_same_norms_in_a_report_are_advice(roles: RoleRules) -> None:
    texts = ["关于机关党建与业务融合的调研报告", "调研组走访了本县十二个机关单位。",
             "我们认为，今后各级机关党组织要坚持围绕中心抓党建。", MEETING_NEWS[4]]
    got = document_roles(roles, texts)
    assert "requirement" not in got
    assert got[2] == "recommendation"


SPEECH = [
    "在全区机关党建工作会议上的讲话",
    "同志们：",
    "今天我们召开这次会议，主要是总结去年机关党建工作，部署今年任务。",
    "机关党支部是党在机关中的基础组织，是团结带领党员完成各项任务的战斗堡垒。",
    "各单位要把抓好党建作为最大的政绩，切实履行好主体责任。",
]


def test_a_speech_is_a_yardstick_but_only_its_worded_norms_are_requirements(roles: RoleRules) -> None:
    contexts = build_contexts(SPEECH)
    assert all(context.policy for context in contexts)
    got = document_roles(roles, SPEECH)
    assert got[3] == "other"  # a statement about what a branch is
    assert got[4] == "requirement"


def test_a_standard_is_a_yardstick_and_its_part_headings_are_structure(roles: RoleRules) -> None:
    texts = [
        "机关党支部建设工作评价标准",
        "一、指导思想",
        "以党建引领业务发展，推动机关党支部全面进步、全面过硬。",
        "二、支部班子坚强有力",
        "支部委员会按期换届，分工明确、运转规范。",
    ]
    assert build_contexts(texts)[2].policy
    got = document_roles(roles, texts)
    assert got[0] == "other" and got[1] == "other"
    assert got[3] == "requirement" and got[4] == "requirement"


def test_an_announced_list_gives_its_role_to_the_items(roles: RoleRules) -> None:
    texts = [
        "关于机关党建与业务融合情况的调研报告",
        "调研中发现，部分单位党建与业务融合不深的现象依然存在。",
        "究其根源，造成这种现象的原因主要有两个方面。",
        "一是思想认识不到位，有的干部认为党建是虚功。",
        "二是工作方法单一，缺少把党建融入业务的有效载体。",
        "三、对策建议",
        "要健全党建和业务一起谋划、一起考核的工作机制。",
    ]
    got = document_roles(roles, texts)
    assert got[3] == "cause" and got[4] == "cause"
    assert got[6] == "recommendation"  # a real heading ends the announced list


def test_the_causes_of_problems_head_a_cause_section() -> None:
    assert _enclosing_hint(["四、存在问题的原因分析"]) == "cause"
    assert _enclosing_hint(["二、存在的问题及原因"]) == ""  # two labels: left to the wording


def test_a_long_numbered_sentence_gives_no_section_hint() -> None:
    long_item = "二是方法问题，虽然大家在实践中已经认识到融合的重要性，但始终找不到把党建和业务结合起来的有效办法。"
    assert _enclosing_hint([long_item]) == ""
    assert _enclosing_hint(["二、实践探索"]) == "practice"


ADVICE_PIECE = [
    "关于推进基层党建与业务融合的几点思考",
    "推进党建与业务融合，各级党组织要首先在思想上形成共识。",
    "各支部应当把党建工作融入业务流程的每个环节。",
    "党员干部要立足岗位发挥作用。",
    "健全考核评价机制。",
    "强化组织保障",
    "领导班子成员要履行一岗双责，定期研究党建工作。",
]


def test_in_an_advising_text_bare_imperatives_and_headings_are_advice(roles: RoleRules) -> None:
    assert build_contexts(ADVICE_PIECE)[4].voice == "advice"
    got = document_roles(roles, ADVICE_PIECE)
    assert got[4] == "recommendation"
    assert got[5] == "recommendation"


def test_in_a_reporting_text_unlabelled_headings_are_practice(roles: RoleRules) -> None:
    texts = [
        "某区税务局党建工作经验交流",
        "近年来，区局党委累计开展主题党日活动48次。",
        "今年以来已组建党员突击队6支，覆盖全部办税服务厅。",
        "截至目前，先后选树先进典型12名。",
        "筑牢思想根基",
        "局党委建立了党员积分管理台账。",
    ]
    assert build_contexts(texts)[4].voice == "report"
    assert document_roles(roles, texts)[4] == "practice"


def test_a_modal_before_an_action_is_advice_not_practice(roles: RoleRules) -> None:
    texts = ["关于支部建设的调研", "下面谈几点看法。", "各支部要进一步开展岗位练兵，组织党员结对帮带。"]
    assert document_roles(roles, texts)[2] == "recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "党的二十届三中全会强调，必须坚持党的全面领导。",
        "习近平同志指出，机关党建工作要围绕中心、建设队伍、服务群众。",
        "本文以某市直机关为例，探讨党建与业务融合的实现路径。",
        "笔者从基层工作实际出发，对这一问题作些初步的思考。",
        "推进深度融合不仅是加强党的领导的必然选择，更是推动事业发展的战略需要。",
    ],
)
def test_central_statements_and_framing_are_other(roles: RoleRules, text: str) -> None:
    texts = ["关于机关党建的几点思考", "近年来各地推进融合取得了明显成效。", "当前仍有不少短板。", text]
    assert document_roles(roles, texts)[-1] == "other"


def test_a_work_summary_leans_to_practice() -> None:
    texts = ["某局2025年上半年党建工作总结", "现将上半年工作总结如下：", "一、强化思想引领"]
    assert build_contexts(texts)[2].doc_type == "工作总结"


def test_a_survey_share_reporting_a_shortfall_is_a_problem(roles: RoleRules) -> None:
    texts = ["关于党员学习情况的问卷调查报告", "本次共回收有效问卷300份。", "仍有12.5%的受访党员表示没有参加过支部集中学习。"]
    assert document_roles(roles, texts)[2] == "problem"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("有的干部政治麻木，对上级决策部署不闻不问。", {"D1"}),
        ("个别班子成员学习的自觉性不高，运用理论指导实践不够。", {"D3"}),
        ("一些支部过于注重形式，活动搞得热闹却不解决实际问题。", {"D5"}),
        ("有的单位搞完党建述职就一述了之，对述职结果束之高阁。", {"D5", "D6", "M5"}),
        ("党建与业务是相互依托、相互促进的关系。", {"M1"}),
    ],
)
def test_new_field_wording_gets_its_codes(matcher: RuleMatcher, text: str, codes: set[str]) -> None:
    assert codes <= matcher.codes(text)


def test_a_plain_study_plan_is_not_a_study_disconnect(matcher: RuleMatcher) -> None:
    assert "D3" not in matcher.codes("支部每月组织一次集中学习，围绕业务难题开展研讨。")


def test_in_meeting_news_a_leaders_words_announce_requirements(roles: RoleRules) -> None:
    texts = [
        "全市机关党建工作座谈会召开",
        "6月3日，全市机关党建工作座谈会在市行政中心举行。",
        "市委常委、秘书长王某出席会议并讲话。",
        "王某强调，各级机关党组织要把党建工作融入业务工作全过程。",
        "要抓住领导班子这个关键，压紧压实主体责任。",
    ]
    assert document_roles(roles, texts)[3:] == ["requirement", "requirement"]
    # the same words in a commentary, with no meeting reported, stay advice
    commentary = ["谈机关党建的着力点", "机关党建关系全局。", "有学者强调，各级机关党组织要把党建工作融入业务工作全过程。"]
    assert document_roles(roles, commentary)[2] == "recommendation"


def test_a_unit_acting_is_practice_and_a_definition_is_context(roles: RoleRules) -> None:
    texts = [
        "某银行支行党建工作纪实",
        "金融是现代经济的核心。",
        "银行网点是联系群众的重要窗口。",
        "某支行党支部持续开展党员先锋岗创建，推动服务提质增效。",
        "机关党支部是机关党建工作的基础工程。",
    ]
    got = document_roles(roles, texts)
    assert got[3] == "practice"
    assert got[4] == "other"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("〔关键词〕机关党建；融合；考核", "other"),
        ("（作者单位：某市委党校党建教研室）", "other"),
        ("基层党建工作到底该怎样考核呢？", "other"),
        ("开会前忙忙碌碌、开会后无人过问的现象不在少数。", "problem"),
    ],
)
def test_paper_apparatus_questions_and_common_shortcomings(roles: RoleRules, text: str, role: str) -> None:
    texts = ["关于机关党建考核的思考", "机关党建考核关系党建工作成效。", "近年来各地都在探索改进考核办法。", text]
    assert document_roles(roles, texts)[-1] == role


def test_an_introduction_heading_is_structure(roles: RoleRules) -> None:
    texts = ["关于机关党建考核的思考", "机关党建考核关系党建工作成效。", "近年来各地开展了考核。", "一、引言：问题的提出"]
    assert document_roles(roles, texts)[-1] == "other"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("局党组坚持以党的政治建设为统领，把准业务工作的政治方向。", "M2"),
        ("要优化考核指标，增强考核结果运用，把党建考核与业务考核结合起来。", "M5"),
        ("社区党委监督评估机制尚不健全，缺少跟踪反馈。", "M5"),
    ],
)
def test_political_direction_and_assessment_wording(matcher: RuleMatcher, text: str, code: str) -> None:
    assert code in matcher.codes(text)


def test_studying_versus_using_in_quotes_is_not_the_party_business_split(matcher: RuleMatcher) -> None:
    codes = matcher.codes("一些党员干部存在学用“两张皮”现象。")
    assert "D3" in codes and "D2" not in codes


def test_a_disconnect_named_outside_advice_is_a_problem(roles: RoleRules) -> None:
    texts = ["关于机关党建的几点思考", "机关党建关系全局。", "近年来各地都在推进融合。",
             "不少单位党员参加集中学习时人在心不在，学归学、干归干。"]
    assert document_roles(roles, texts)[-1] == "problem"
    advice = [*texts[:3], "各单位要防止学归学、干归干，推动学用相长。"]
    assert document_roles(roles, advice)[-1] == "recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "支部探索多样载体，打造融合品牌。",
        "窗口单位在职党员进社区开展志愿服务，把税费业务办到居民家门口。",
        "推动党支部建在项目上，实现组织覆盖。",
    ],
)
def test_carriers_and_members_serving_are_m4(matcher: RuleMatcher, text: str) -> None:
    assert "M4" in matcher.codes(text)


def test_volunteering_without_party_members_named_is_not_m4(matcher: RuleMatcher) -> None:
    assert "M4" not in matcher.codes("组织青年干部参加社区环境整治公益活动和志愿服务。")


def test_a_leaders_numbered_requirements_and_an_inspection_visit(roles: RoleRules) -> None:
    texts = [
        "全县机关党建工作会议召开",
        "3月2日，全县机关党建工作会议在县委党校召开。",
        "县委副书记李某指出，做好今年的机关党建工作，一要抓好理论武装，二要压实主体责任。",
        "要以钉钉子精神抓好各项任务落实。",
    ]
    assert document_roles(roles, texts)[2:] == ["requirement", "requirement"]
    visit = ["某局党组书记到基层支部调研", "近日，局党组书记赵某到基层支部调研党建工作。",
             "赵某在座谈时强调，各支部要把党建工作与业务工作同谋划、同部署。"]
    assert document_roles(roles, visit)[2] == "requirement"


def test_a_necessary_requirement_is_not_an_announcement(roles: RoleRules) -> None:
    texts = ["某单位召开支部书记述职评议会", "落实党建工作责任制是必然要求，是改进作风的重要抓手。",
             "会上，各支部书记汇报了全年抓党建工作的主要做法。"]
    assert "requirement" not in document_roles(roles, texts)
