"""Near-miss wordings for M3 学用融合 (codebook round 8).

Every sentence here is written for these tests. Study and education words count for 学用融合 when
the topic is the study, education or training of party members and cadres. They do not count in
the title of a study event's news, on study trips to other places, in 宣讲 to the public, in
reading for children and residents, for 知行合一 or a 研讨 with no study in it, for 党校 named
only as a venue, for farm or vocational skills training, for 学习强国 as a place where articles
are published, for the 主题教育 period used as a date, in warning and integrity education, when a
study drive is only the occasion of another campaign, and for the study of newly revised rules.
Each group has should-fire sentences next to its near misses.
"""

from __future__ import annotations

import pytest

from pipeline.tagging.rules import RuleMatcher

# --- titles of study-event news ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "县卫健局举行党组理论学习中心组集中学习会",
    "市税务局党委召开理论学习中心组专题学习会",
])
def test_news_titles_of_study_events_are_not_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "6月5日，县卫健局党组理论学习中心组举行集中学习会，围绕深化医改开展研讨。",
    "（二）开展集中学习",
    "提高党委中心组学习质量的几点思考",
])
def test_study_sentences_and_section_headings_stay_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)


# --- learning from other places, 宣讲 to the public, reading for children -----------------------

@pytest.mark.parametrize("text", [
    "组织青年干部赴外地开展学习交流活动，考察学习产业园区建设。",
    "县委宣讲团开展理论宣讲进村入户活动，惠及群众3000余人。",
    "社区组建少儿读书会，每周开展亲子阅读。",
    "街道举办居民读书会，推广全民阅读。",
])
def test_trips_public_talks_and_childrens_reading_are_not_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "组织支部书记赴延安干部学院学习考察，开展党性教育。",
    "县委理论宣讲团走进社区，为社区党员干部作专题辅导，大家结合业务工作交流了心得。",
    "党支部组建党员读书会，每月共读一本理论著作。",
])
def test_party_study_on_trips_talks_and_reading_stays_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)


# --- 知行合一 alone, a 研讨 without study -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "公司坚持知行合一的企业文化。",
    "组织开展研讨，形成调研报告。",
    "组织参加全省统计业务研讨。",
])
def test_motto_and_business_seminars_are_not_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "坚持学思践悟、知行合一，推动理论学习往深里走。",
    "开展专题学习研讨，交流学习心得。",
    "把理论学习与业务研讨结合起来。",
])
def test_study_seminars_and_study_mottos_stay_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)


# --- 党校 as a venue, skills training, 学习强国 as a publisher, the 主题教育 period ------------------

@pytest.mark.parametrize("text", [
    "在党校举办全县安全生产培训班。",
    "镇里在党校组织开展了村干部电商培训，培训村干部80名。",
    "我单位报送的稿件在“学习强国”平台刊发5篇。",
    "“学习强国”平台刊发了我县乡村振兴的经验做法。",
    "主题教育开展期间，全局共收集意见建议56条。",
])
def test_venues_skills_platforms_and_dates_are_not_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "组织党员干部到党校参加轮训。",
    "干部在县委党校参加培训。",
    "县委党校举办乡村振兴专题培训班，培训村干部120人。",
    "全县党员干部通过“学习强国”学习平台开展日常学习。",
])
def test_party_school_training_and_platform_study_stay_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)


# --- warning education, study as an occasion, newly revised rules -----------------------------

@pytest.mark.parametrize("text", [
    "把警示教育作为党员教育的重要内容，常态化开展以案说纪。",
    "将廉洁教育纳入新入职人员培训必修课。",
    "以开展学习教育为契机，集中整治群众身边的不正之风和腐败问题。",
    "通过集中学习、专题培训等方式，推动全员掌握新修订的采购管理办法。",
])
def test_warning_education_occasions_and_new_rules_are_not_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "组织开展党纪学习教育，推动党员干部学纪知纪明纪守纪。",
    "以主题教育为契机，推动学习成果转化为业务工作成效。",
    "比如，有的单位集中学习反复搞、警示教育不间断，办事效率却跟不上。",
    "通过集中学习、专题研讨等方式，推动党员干部深入学习党的创新理论。",
])
def test_party_discipline_study_and_study_put_to_work_stay_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)
