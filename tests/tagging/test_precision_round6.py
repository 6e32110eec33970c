"""Measure wordings used outside integration, and formalism wordings (codebook round 6).

Every sentence here is written for these tests. Each change has a case that must fire and a near
miss that must not: community volunteering and purpose-clause 作用 talk need a business link for
M4; generic mechanism building, 联席会议 and discipline-drive responsibility need integration talk
for M5; red-education visits, significance statements and 传达学习…精神 are not study for M3;
study and mechanism wordings in event news that never speaks of the business count only with a
work link (off_topic_news); D5 for formalism wordings in their common forms.
"""

from __future__ import annotations

import pytest

from pipeline.tagging.rules import RuleMatcher, build_contexts
from pipeline.tagging.tagger import Tagger
from pipeline.workflow import load_project_codebook


@pytest.fixture(scope="module")
def codebook():
    return load_project_codebook()


@pytest.fixture(scope="module")
def matcher(codebook) -> RuleMatcher:
    return RuleMatcher(codebook)


@pytest.fixture(scope="module")
def tagger(codebook) -> Tagger:
    return Tagger(codebook)


# --- M4: volunteering and 作用 talk need the business -----------------------------------------

@pytest.mark.parametrize("text", [
    "社区党员志愿者开展双报到活动，清扫楼道卫生。",
    "为弘扬志愿精神，发挥党员先锋模范作用，机关党员到小区清理小广告。",
    "联席会旨在发挥党组织在商圈发展中的核心作用。",
    "机关党组织肩负着把握方向、服务中心、引领群众的重要职责。",
    "有的书记在服务中心上声音很大，但办法不多。",
])
def test_volunteering_and_purpose_clauses_are_not_m4(matcher: RuleMatcher, text: str) -> None:
    assert "M4" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "税务窗口党员志愿服务队在办税大厅为纳税人提供业务咨询。",
    "党员先锋岗设在生产一线，发挥先锋模范作用。",
    "机关党员下沉项目一线，帮助企业解决生产难题。",
    "机关党组织要聚焦服务中心，推动业务发展。",
])
def test_members_serving_the_business_are_m4(matcher: RuleMatcher, text: str) -> None:
    assert "M4" in matcher.codes(text)


# --- M5: mechanisms and responsibility must concern integration ------------------------------

@pytest.mark.parametrize("text", [
    "建立健全信息共享机制，及时传达上级决策部署。",
    "定期召开联席会议，研究商圈党建工作中的重大问题。",
    "签订党风廉政建设责任书，层层压实主体责任。",
    "领导干部要履行“一岗双责”，确保中央八项规定精神落到实处。",
    "督查检查过多过滥，基层苦不堪言。",
    "积极探索建立党员5A考评体系，量化考核，动态管理。",
])
def test_generic_mechanisms_and_discipline_responsibility_are_not_m5(matcher: RuleMatcher, text: str) -> None:
    assert "M5" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "建立健全党建和业务工作一起谋划、一起部署的运行机制。",
    "（二）完善机制建设",
    "领导班子成员履行“一岗双责”，既抓业务也抓党建。",
    "定期召开联席会议，研究党建与业务融合中的重大问题。",
    "签订党建工作责任书，把党建考核结果与评先评优挂钩。",
    "把5A考评结果纳入党建和业务工作同考核、同评价。",
])
def test_integration_mechanisms_are_m5(matcher: RuleMatcher, text: str) -> None:
    assert "M5" in matcher.codes(text)


# --- M3: study that is a visit, a significance statement or a transmitted speech -----------

@pytest.mark.parametrize("text", [
    "组织党员到红色教育基地开展主题党日，重温入党誓词。",
    "会议传达学习了全会精神。",
    "理论学习是提升党员素养的重要途径。",
])
def test_visits_significance_and_transmission_are_not_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "组织党员到红色教育基地开展主题党日，结合业务工作交流心得。",
    "理论学习是提升党员素养的重要途径，要把学习成果转化为推动工作的实效。",
    "理论学习中心组结合审判工作开展专题研讨。",
])
def test_study_linked_to_the_work_stays_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)


# --- D5: formalism wordings ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "有的单位重‘痕’不重‘绩’，留‘迹’不留‘心’。",
    "一些干部以报表论成绩。",
    "表态很多、调门很高，但行动很少、落实很差。",
    "会议议而不决，决而不行。",
    "一些工作在材料上空转。",
    "会上热热闹闹，会后就放松。",
    "督查检查过多过滥，基层苦不堪言。",
    "有的地方党内活动搞得风生水起，却解决不了群众的难题。",
    "党员的笔记体会写了一大堆，服务质量却没有提高。",
    "台账记录一应俱全，但问起实际做法却说不清楚。",
    "有的单位满足于喊口号、表态度。",
    "基层干部疲于应付填不完的表、开不完的会。",
    "有的干部热衷于图虚名，搞材料出政绩。",
])
def test_formalism_wordings_are_d5(matcher: RuleMatcher, text: str) -> None:
    assert "D5" in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "督查检查考核实现统筹规范，次数明显减少。",
    "会议研究了整改措施，逐项抓好落实。",
    "各支部重温入党誓词，不重复开展同类活动。",
    "工作作风不实，求真务实的精神不够。",
    "台账记录一应俱全，工作交接十分顺畅。",
    "活动开展得红红火火的支部，群众评价也高。",
])
def test_plain_supervision_and_meetings_are_not_d5(matcher: RuleMatcher, text: str) -> None:
    assert "D5" not in matcher.codes(text)


# --- off_topic_news: event news that never speaks of the business ---------------------------

def _codes(tagger: Tagger, texts: list[str]) -> list[set[str]]:
    return [set(result.codes) for result in tagger.tag_document(texts, mode="rules")]


def test_study_news_keeps_m3_for_the_named_study_instrument(tagger: Tagger) -> None:
    # 理论学习中心组 is M3 wording in the codebook, in news as elsewhere; only mechanisms are gated in news
    texts = ["5月8日，某局党组召开理论学习中心组学习会议。", "会议集中学习了党章。",
             "大家表示要把学习成果转化为推动工作的实际成效。"]
    codes = _codes(tagger, texts)
    assert "M3" in codes[0] and "M3" in codes[2]


def test_study_news_that_names_the_business_keeps_m3(tagger: Tagger) -> None:
    texts = ["5月8日，某局党组召开理论学习中心组学习会议。", "会议集中学习了党章，研究推动党建和业务深度融合。"]
    assert "M3" in _codes(tagger, texts)[0]


def test_a_report_that_is_not_news_keeps_m3(tagger: Tagger) -> None:
    texts = ["关于党员学习教育的调查", "理论学习中心组学习制度总体落实较好。"]
    assert "M3" in _codes(tagger, texts)[1]


def test_volunteer_news_mechanism_is_not_m5(tagger: Tagger) -> None:
    texts = ["3月2日，某街道开展志愿服务活动。", "街道党工委建立健全志愿服务长效机制。"]
    assert "M5" not in _codes(tagger, texts)[1]
    report = ["关于志愿服务的思考", "街道党工委建立健全志愿服务长效机制。"]
    assert "M5" in _codes(tagger, report)[1]


def test_off_topic_marking_needs_news_and_no_topic(matcher: RuleMatcher) -> None:
    news = ["5月8日，某局召开读书班。", "大家认真读书。"]
    assert all(c.off_topic for c in matcher.topic_contexts(news, build_contexts(news)))
    named = [*news, "推动党建和业务深度融合。"]
    assert not any(c.off_topic for c in matcher.topic_contexts(named, build_contexts(named)))
    report = ["读书班情况汇报", "大家认真读书。"]
    assert not any(c.off_topic for c in matcher.topic_contexts(report, build_contexts(report)))
