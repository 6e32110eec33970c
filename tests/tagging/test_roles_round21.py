"""Roles on research reports and papers: causes told without 原因, actions urged as vital, and the apparatus of a paper.

Causes: what keeps a unit from acting told as the reason (…身兼数职，因而难以…), a shortcoming put down to a lack or
to what it rests on (因缺乏…，导致…; 缺乏…导致…; …，从客观上造成了…), and a shortcoming put down to what limits it
(受…限制，…精力十分有限), while a result told with 因而 (因而深受欢迎), a lack told alone and a company name with 有限
are no causes. Advice: a conclusion that urges an action as vital (因此，加强…显得尤为重要; 建立…十分必要) is a report's
advice, while the same words said of a thing and not of an action stay context. Context: the items of a keyword line
cut at its semicolons, a paper's part on the logic or the necessity of its subject, what the times ask of a field
(提出了新的更高要求), the guidance a remark gives (提供了根本行动指南), the centre named first among the levels that
attend to a field, a press conference that frames the news, and an argument of what is key (…，关键在于…); a
disconnect named only as what is to be overcome (为破解“两张皮”难题…) is not observed. Problems: a part that sets out
the problems found (问题分析, …中的突出问题), but not a part that tackles them. Masks: the leaders who matter (关键少数)
are no 少数 who fall short, and a load to carry (还要完成大量…) is no norm. A title above its subtitle (——来自…的调查)
stays the title. Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_REPORT = [
    "关于区直机关党建工作情况的调研报告",
    "近年来，区直机关工委坚持抓党建促业务，取得了一定成效。",
    "各支部全年开展主题党日活动120余次。",
]


def _last(roles: RoleRules, *texts: str) -> str:
    return document_roles(roles, [*_REPORT, *texts])[-1]


def test_what_keeps_a_unit_from_acting_is_a_cause(roles: RoleRules) -> None:
    assert _last(roles, "科室负责人大多兼任支部书记，因而难以把主要精力放在支部建设上。") == "cause"


def test_a_result_told_with_yin_er_is_no_cause(roles: RoleRules) -> None:
    assert _last(roles, "支部把志愿服务办到了居民家门口，因而深受群众欢迎。") != "cause"


def test_a_shortcoming_put_down_to_a_lack_is_a_cause(roles: RoleRules) -> None:
    assert _last(roles, "因缺乏系统的岗前培训，导致不少新任党务干部业务不精。") == "cause"
    assert _last(roles, "缺乏有效的激励措施导致支部书记干事热情不高。") == "cause"


def test_a_lack_told_alone_is_a_problem(roles: RoleRules) -> None:
    assert _last(roles, "部分支部缺乏固定的活动场地。") == "problem"


def test_a_shortcoming_put_down_to_what_it_rests_on_is_a_cause(roles: RoleRules) -> None:
    assert _last(roles, "部分单位党建考核办法不健全，从客观上造成了党建与业务的脱节。") == "cause"


def test_a_company_name_with_youxian_is_no_shortcoming(roles: RoleRules) -> None:
    assert _last(roles, "5月8日，某建材有限公司党支部开展了主题党日活动。") == "practice"


def test_an_action_urged_as_vital_is_advice(roles: RoleRules) -> None:
    assert _last(roles, "因此，加强支部书记队伍建设显得尤为重要。") == "recommendation"
    assert _last(roles, "因此，建立党建与业务联席会议制度十分必要。") == "recommendation"


def test_a_thing_said_to_matter_is_not_advice(roles: RoleRules) -> None:
    assert _last(roles, "因此，党建与业务融合就显得尤为重要。") != "recommendation"


def test_the_items_of_a_keyword_line_are_other(roles: RoleRules) -> None:
    texts = [*_REPORT, "关键词：社区党建；", "基层治理；", "协商议事", "一、引言"]
    assert document_roles(roles, texts)[4:6] == ["other", "other"]


def test_a_short_item_of_a_problem_list_is_no_keyword(roles: RoleRules) -> None:
    texts = [*_REPORT, "二、存在的问题", "有的支部活动不经常；", "有的党员身份意识淡薄。"]
    assert document_roles(roles, texts)[4] == "problem"


def test_a_papers_part_on_the_logic_of_its_subject_is_other(roles: RoleRules) -> None:
    texts = [*_REPORT, "一、党建引领社区治理的实践逻辑", "社区党组织必须牢牢把握正确的政治方向。"]
    assert document_roles(roles, texts)[3:] == ["other", "other"]


def test_a_papers_part_on_necessity_is_other(roles: RoleRules) -> None:
    texts = [*_REPORT, "二、推进街道党建与业务融合的必要性", "因此，党建与业务融合就显得尤为重要。"]
    assert document_roles(roles, texts)[3:] == ["other", "other"]


def test_a_part_that_tells_to_grasp_the_necessity_is_not_context(roles: RoleRules) -> None:
    texts = [*_REPORT, "三、对策建议", "（一）深刻认识党建与业务融合的必要性", "各支部要把融合工作列入年度计划。"]
    assert document_roles(roles, texts)[4:] == ["recommendation", "recommendation"]


def test_a_part_that_sets_out_problems_is_a_problem_section(roles: RoleRules) -> None:
    texts = [*_REPORT, "一、问题分析", "二、社区治理中的突出问题"]
    assert document_roles(roles, texts)[3:] == ["problem", "problem"]


def test_a_part_that_tackles_problems_is_no_problem_section(roles: RoleRules) -> None:
    texts = [*_REPORT, "三、着力解决居民反映强烈的突出问题"]
    assert document_roles(roles, texts)[3] != "problem"


def test_what_the_times_ask_of_a_field_is_other(roles: RoleRules) -> None:
    assert _last(roles, "新形势下，这对机关党建工作提出了新的更高要求。") == "other"


def test_requirements_set_out_by_a_unit_are_no_times(roles: RoleRules) -> None:
    assert _last(roles, "局党委对各支部提出了三条整改要求，并逐条督办落实。") != "other"


def test_the_guidance_a_remark_gives_is_other_and_observes_no_disconnect(roles: RoleRules) -> None:
    assert _last(roles, "这一重要论述为破解机关党建“两张皮”难题提供了根本行动指南。") == "other"


def test_a_disconnect_not_yet_overcome_is_observed(roles: RoleRules) -> None:
    texts = [*_REPORT, "一些单位至今仍未破解党建与业务“两张皮”难题。"]
    assert document_roles(roles, texts)[3] == "problem"


def test_the_centre_named_first_among_the_levels_is_other(roles: RoleRules) -> None:
    assert _last(roles, "近年来，中央、省委和市委都高度重视社区治理工作，作出了一系列部署。") == "other"


def test_the_levels_below_the_centre_report_practice(roles: RoleRules) -> None:
    assert _last(roles, "近年来，市委和区委高度重视社区治理工作，先后出台了6项配套制度。") == "practice"


def test_a_press_conference_frames_the_news(roles: RoleRules) -> None:
    texts = [
        "市国资委推动国企党建与生产经营深度融合",
        "9月15日，市政府新闻办举行全市国资国企党建工作新闻发布会，市国资委副主任介绍了有关情况。",
        "市国资委党委目前下辖一级党组织18个、党支部605个。",
    ]
    assert document_roles(roles, texts)[1:] == ["other", "practice"]


def test_an_argument_of_what_is_key_is_other(roles: RoleRules) -> None:
    assert _last(roles, "推动党建与业务融合，关键在于抓住关键少数。") == "other"


def test_what_is_key_under_a_countermeasure_heading_is_advice(roles: RoleRules) -> None:
    texts = [*_REPORT, "三、对策建议", "推动党建与业务融合，关键在于抓住关键少数。"]
    assert document_roles(roles, texts)[-1] == "recommendation"


def test_a_load_to_carry_is_no_norm(roles: RoleRules) -> None:
    assert _last(roles, "面对还要完成大量征管任务的压力，局党组统筹安排学习时间。") != "recommendation"


def test_the_leaders_who_matter_are_not_a_shortcoming(roles: RoleRules) -> None:
    assert _last(roles, "局党组始终抓住关键少数，班子成员带头讲党课12次。") == "practice"


def test_a_dated_election_is_practice(roles: RoleRules) -> None:
    texts = [*_REPORT, "一、工作背景", "9月12日，市税务局选举产生第一届直属机关党委和机关纪委。"]
    assert document_roles(roles, texts)[-1] == "practice"


def test_a_title_above_its_subtitle_stays_the_title(roles: RoleRules) -> None:
    texts = [
        "街道党组织建设的现状、问题及其建议",
        "——来自三个街道的问卷调查",
        "街道党组织如何适应城市治理的新要求，是当前亟需研究的课题。",
    ]
    assert document_roles(roles, texts)[0] == "other"


def test_a_units_own_dated_activity_is_no_press_frame(roles: RoleRules) -> None:
    texts = [
        "市国资委推动国企党建与生产经营深度融合",
        "9月15日，市国资委机关党委举行主题党日活动，机关全体党员参加。",
        "市国资委党委目前下辖一级党组织18个、党支部605个。",
    ]
    assert document_roles(roles, texts)[1] == "practice"


def test_the_party_and_the_state_as_actor_are_context(roles: RoleRules) -> None:
    assert _last(roles, "改革开放以来，党和国家在各个时期都高度重视社区党组织建设。") == "other"


def test_a_central_meeting_held_is_context(roles: RoleRules) -> None:
    assert _last(roles, "2021年，全国社区党建工作座谈会召开，对社区党组织建设作出全面部署。") == "other"


def test_a_units_own_meeting_held_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "2021年，区委组织部召开社区党建工作推进会，对网格党支部建设作出部署。") == "practice"


def test_the_partys_rules_cited_as_authority_are_context(roles: RoleRules) -> None:
    assert _last(roles, "《中国共产党支部工作条例（试行）》明确规定，党支部要组织党员参加社会服务。") == "other"


def test_what_a_kind_of_organisation_is_is_context(roles: RoleRules) -> None:
    assert _last(roles, "社区党支部是党在城市基层的战斗堡垒，是团结带领居民的基础组织。") == "other"


def test_what_an_organisation_is_to_become_is_advice(roles: RoleRules) -> None:
    texts = [*_REPORT, "三、对策建议", "社区党支部要成为团结居民的战斗堡垒。"]
    assert document_roles(roles, texts)[-1] == "recommendation"


def test_a_part_on_the_difficulties_found_opens_problems(roles: RoleRules) -> None:
    texts = [*_REPORT, "一、社区党建与物业服务融合的难点", "1. 协调机制不顺：小区党支部与物业公司各管一摊。"]
    assert document_roles(roles, texts)[3:] == ["problem", "problem"]


def test_a_part_that_attacks_the_difficulties_opens_no_problems(roles: RoleRules) -> None:
    texts = [*_REPORT, "三、破解社区党建与物业服务融合的难点"]
    assert document_roles(roles, texts)[3] != "problem"


def test_a_part_on_strategies_opens_advice(roles: RoleRules) -> None:
    texts = [*_REPORT, "二、让支部工作融入小区治理的策略", "1. 强化联席会商", "整合议事力量：通过开展联席会议等形式，把物业公司和业委会拉到一张桌上。"]
    assert document_roles(roles, texts)[3:] == ["recommendation", "recommendation", "recommendation"]


def test_what_no_longer_works_leaves_the_advice_after_it(roles: RoleRules) -> None:
    assert _last(roles, "因此，原有的单一管理模式已经无法适应新的形势，需要建立上下联动的协调机制。") == "recommendation"


def test_what_was_set_up_before_a_need_is_told_as_done(roles: RoleRules) -> None:
    assert _last(roles, "去年，街道已经建立了上下联动的协调机制，今年又增设了8个议事点。") == "practice"


def test_the_times_raising_the_weight_of_party_organisations_are_context(roles: RoleRules) -> None:
    assert _last(roles, "近年来，随着城市治理重心下移，社区基层党组织建设的重要性日益凸显。") == "other"


def test_a_great_task_of_the_era_is_context(roles: RoleRules) -> None:
    assert _last(roles, "破解社区治理难题，创新服务方式，是新时代社区党建的重要任务。") == "other"


def test_a_last_keyword_that_names_factors_opens_no_causes(roles: RoleRules) -> None:
    texts = [*_REPORT, "关键词：社区党校；", "培训成效；", "影响因素", "社区党校今年共开设了12个专题班。"]
    assert document_roles(roles, texts)[-1] == "practice"


def test_a_heading_that_names_factors_still_opens_causes(roles: RoleRules) -> None:
    texts = [*_REPORT, "二、存在的问题", "有的支部学习流于形式。", "三、影响因素", "考核只看台账，不看实效。"]
    assert document_roles(roles, texts)[-1] == "cause"


def test_what_a_study_says_it_proposed_is_other(roles: RoleRules) -> None:
    assert _last(roles, "在此基础上，提出了相关对策。") == "other"


def test_proposals_announced_for_a_list_stay_advice(roles: RoleRules) -> None:
    texts = [*_REPORT, "三、对策建议", "针对上述问题，提出以下对策建议：", "一是完善考核办法。"]
    assert document_roles(roles, texts)[-2:] == ["recommendation", "recommendation"]


def test_classes_opened_on_a_theme_are_practice(roles: RoleRules) -> None:
    assert _last(roles, "今年以来，街道党校共开设了9个专题班，培训社区党员640人次。") == "practice"


def test_a_column_opened_on_a_theme_is_the_frame(roles: RoleRules) -> None:
    assert _last(roles, "为展示基层党建成果，本报开设“支部风采”专栏。") == "other"


def test_what_places_everywhere_did_is_context_in_a_report_too(roles: RoleRules) -> None:
    assert _last(roles, "经过多年探索，各地形成了一批可复制可推广的社区治理经验。") == "other"
    assert _last(roles, "从全国看，社区党建与物业服务融合的探索已经取得了积极进展。") == "other"


def test_the_era_told_without_a_unit_is_context(roles: RoleRules) -> None:
    assert _last(roles, "新时代以来，社区党建工作取得了历史性成就。") == "other"


def test_the_era_told_with_the_unit_is_practice(roles: RoleRules) -> None:
    assert _last(roles, "新时代以来，街道党工委先后出台了6项社区治理制度。") == "practice"


_OPINION = [
    "关于推进社区党建与物业服务融合的实施意见",
    "为深入贯彻落实上级关于城市基层党建的部署要求，结合我区实际，现提出以下实施意见。",
    "一、总体要求",
    "各街道党工委要把小区党建和物业服务一起谋划。",
    "各社区要按照本意见提出的措施抓好落实。",
]


def test_the_preamble_of_an_implementing_opinion_is_other(roles: RoleRules) -> None:
    assert document_roles(roles, _OPINION)[1] == "other"


def test_the_measures_of_an_implementing_opinion_are_requirements(roles: RoleRules) -> None:
    assert document_roles(roles, _OPINION)[3:] == ["requirement", "requirement"]


def test_an_aside_that_draws_attention_is_no_advice(roles: RoleRules) -> None:
    assert _last(roles, "需要说明的是，本次调研的样本主要来自街道机关。") != "recommendation"


def test_an_aside_before_a_norm_leaves_the_norm(roles: RoleRules) -> None:
    assert _last(roles, "需要指出的是，各社区要把考核结果用起来。") == "recommendation"


def test_an_outline_named_gangyao_is_no_advice(roles: RoleRules) -> None:
    assert _last(roles, "区发展规划纲要对社区党建提出了明确任务。") != "recommendation"
