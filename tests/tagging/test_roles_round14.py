"""Who acts and how it is told: what the centre did in recent years or since a Party congress, a plenum's call and a
central department's notice are political context, not a unit's practice; a speaker's 下面我讲…意见 frames the talk;
a step told after 此外/其次, an act told near the top of a story (活动在…中拉开了序幕。) and a dated opening told as a
sentence are acts told, not commentary or front matter; the steps after a unit's dated meeting or a 讯： dateline are
practice; what a course can bring about (能激发…, 有助于…) and the part a kind of thing plays (…发挥着…作用, 成为…的载体)
are arguments and standing, not acts told; a heading that analyses factors (影响因素分析, 问题溯源), why a shortcoming
happened put after a comma (之所以…，主要是…), its source (源头在于) and what lies behind it (…现象背后，是…) explain it.
Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_SUMMARY = [
    "某局机关党建工作情况汇报",
    "今年以来，局机关党委围绕中心工作开展了一系列活动。",
    "一是抓学习。",
    "局机关党委全年组织集中学习12次。",
]
_ESSAY = [
    "浅谈机关党建的几点思考",
    "机关党建关系到党的执政根基。",
    "做好机关党建，需要把握好几个关系。",
    "党建和业务不是两回事。",
]
_STORY = [
    "社区党支部的一年",
    "去年，社区党支部换了新班子。",
    "新班子上任后走访了全部楼栋。",
    "支部还办起了四期党员夜校。",
]


def test_the_centre_acting_in_recent_years_is_context(roles: RoleRules) -> None:
    texts = _SUMMARY + ["近年来，党中央针对文山会海问题开展了专项整治，基层负担明显减轻。"]
    assert document_roles(roles, texts)[4] == "other"


def test_a_unit_acting_in_recent_years_stays_practice(roles: RoleRules) -> None:
    texts = _SUMMARY + ["近年来，局党组针对文山会海问题开展了专项整治，基层负担明显减轻。"]
    assert document_roles(roles, texts)[4] == "practice"


def test_the_era_since_a_congress_told_of_the_party_is_context(roles: RoleRules) -> None:
    texts = _SUMMARY + ["党的十八大以来，党的作风建设摆上更加突出的位置，取得显著成效。"]
    assert document_roles(roles, texts)[4] == "other"


def test_a_unit_acting_since_a_congress_stays_practice(roles: RoleRules) -> None:
    texts = _SUMMARY + ["党的十八大以来，局党组坚持每月开展一次主题党日。"]
    assert document_roles(roles, texts)[4] == "practice"


def test_a_plenums_call_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["党的十九届三中全会，吹响了深化机构改革的号角，各地相继组建了新机构。"]
    assert document_roles(roles, texts)[4] == "other"


def test_a_central_departments_notice_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["近日，中央宣传部印发通知，对基层理论宣讲作出安排。"]
    assert document_roles(roles, texts)[4] == "other"


def test_the_speaker_announcing_points_frames_the_talk(roles: RoleRules) -> None:
    texts = _SUMMARY + ["下面我讲三点意见。"]
    assert document_roles(roles, texts)[4] == "other"


def test_a_further_step_told_is_practice(roles: RoleRules) -> None:
    texts = _STORY + ["此外，党员们还一起打扫了楼道。", "其次，学员们还到了德清，学习了民宿发展理念。"]
    assert document_roles(roles, texts)[4:] == ["practice", "practice"]


def test_the_writers_reading_of_an_act_stays_other(roles: RoleRules) -> None:
    texts = _STORY + ["这一做法表明了党员的担当。"]
    assert document_roles(roles, texts)[4] == "other"


def test_what_a_course_can_bring_about_is_an_argument(roles: RoleRules) -> None:
    texts = _ESSAY + ["开展主题党日，有助于增强党员的身份意识。", "通过主题党日重温入党誓词，能激发党员的政治热情。",
                      "开展主题党日，既能体现支部特色，又能调动党员积极性。"]
    assert document_roles(roles, texts)[4:] == ["other", "other", "other"]


def test_what_a_course_brought_about_stays_practice(roles: RoleRules) -> None:
    texts = _SUMMARY + ["开展主题党日，调动了党员的积极性。"]
    assert document_roles(roles, texts)[4] == "practice"


def test_the_part_a_kind_of_thing_plays_is_its_standing(roles: RoleRules) -> None:
    texts = _ESSAY + ["社区党校是依法设立的培训机构，在基层党员教育中发挥着基础作用。",
                      "主题党日成为基层党组织开展组织生活的重要载体。"]
    assert document_roles(roles, texts)[4:] == ["other", "other"]


def test_the_part_a_unit_played_stays_practice(roles: RoleRules) -> None:
    texts = _SUMMARY + ["社区党校在今年的党员轮训中发挥了主阵地作用，共培训党员300人次。"]
    assert document_roles(roles, texts)[4] == "practice"


_ACTIVITY = ["红色教育进社区", "随后，党员们参观了村史馆。", "大家还观看了一部纪录片。"]


def test_an_act_told_near_the_top_is_no_front_matter(roles: RoleRules) -> None:
    texts = [_ACTIVITY[0], "活动在全体党员重温入党誓词中拉开了序幕。", *_ACTIVITY[1:]]
    assert document_roles(roles, texts)[1] == "practice"


def test_a_date_line_near_the_top_stays_front_matter(roles: RoleRules) -> None:
    texts = [_ACTIVITY[0], "2023年6月12日", *_ACTIVITY[1:]]
    assert document_roles(roles, texts)[1] == "other"


_SURVEY = ["关于机关支部学习情况的调研报告", "一、基本情况", "全局共有党支部12个，党员260名。", "二、存在的问题",
           "有的支部学习流于形式。"]
_CROWDED_OUT = "部分支部把精力放在整理台账上，学习时间被挤占。"


def test_a_heading_that_analyses_factors_opens_causes(roles: RoleRules) -> None:
    for heading in ("三、影响因素分析", "三、问题溯源"):
        assert document_roles(roles, [*_SURVEY, heading, _CROWDED_OUT])[-1] == "cause", heading


def test_a_heading_that_only_mentions_factors_opens_no_causes(roles: RoleRules) -> None:
    texts = [*_SURVEY, "三、化解不利因素的思路", _CROWDED_OUT]
    assert document_roles(roles, texts)[-1] != "cause"


def test_why_it_happened_put_after_a_comma_is_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["之所以出现这种情况，主要是一些支部把学习当成了任务。"]
    assert document_roles(roles, texts)[4] == "cause"


def test_why_a_unit_succeeded_is_no_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["之所以能够坚持下来，主要是支部书记带头学。"]
    assert document_roles(roles, texts)[4] != "cause"


def test_the_source_of_a_shortcoming_is_a_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["基层迎检负担过重的源头在于考核指标层层加码。", "这种现象背后，是一些干部把留痕当成了落实。"]
    assert document_roles(roles, texts)[4:] == ["cause", "cause"]


def test_acting_at_the_source_is_no_cause(roles: RoleRules) -> None:
    texts = _ESSAY + ["从源头上减少迎检材料，是减负的关键一步。", "这种做法背后，是支部多年坚持的好传统。"]
    assert "cause" not in document_roles(roles, texts)[4:]


_LECTURE = ["区机关业务大讲堂开讲", "首期课程由税务专家主讲。", "机关干部80余人参加学习。"]


def test_a_dated_opening_that_reports_the_activity_is_practice(roles: RoleRules) -> None:
    texts = [_LECTURE[0], "3月10日，区机关“业务大讲堂”正式开讲，副区长出席开班仪式并讲话。", *_LECTURE[1:]]
    assert document_roles(roles, texts)[1] == "practice"
    texts = [_LECTURE[0], "11月15日，在某村村部，一场“小板凳课堂”宣讲活动正在进行。", *_LECTURE[1:]]
    assert document_roles(roles, texts)[1] == "practice"


def test_a_dated_line_that_is_not_told_as_a_sentence_stays_front_matter(roles: RoleRules) -> None:
    texts = [_LECTURE[0], "3月10日，区机关“业务大讲堂”正式开讲", *_LECTURE[1:]]
    assert document_roles(roles, texts)[1] == "other"


_GROUP_MEETING = ["第一党小组开展“学党章、守初心”主题学习",
                  "2023年3月23日，某学院第一党小组在会议室召开党小组会议，会议由组长主持。"]


def test_the_steps_of_a_units_dated_meeting_are_practice(roles: RoleRules) -> None:
    texts = [*_GROUP_MEETING, "第一阶段：全体党员观看了专题片。", "第二阶段：组长带领大家学习了党章。"]
    assert document_roles(roles, texts)[2:] == ["practice", "practice"]


def test_a_meeting_that_sets_requirements_stays_framing(roles: RoleRules) -> None:
    texts = [*_GROUP_MEETING, "会议要求，各党小组要把党章学习纳入每月计划。", "各党小组要按时报送学习记录。"]
    assert document_roles(roles, texts)[1:] == ["other", "requirement", "requirement"]


def test_the_points_after_a_news_dateline_are_practice(roles: RoleRules) -> None:
    texts = ["某局系统同步开启读书班", "某建设网讯：4月7日晚，某局在系统各支部同步开启党史学习教育读书班。",
             "开班前，为各支部配发了学习书籍。", "一是统一学习时间，保证学时到位。", "二是统一学习内容，确保内容到位。"]
    assert document_roles(roles, texts)[3:] == ["practice", "practice"]
