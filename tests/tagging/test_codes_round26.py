"""Disconnects carried by anaphora (boundary rule 7, ``anaphora_context``).

A passage that opens by pointing back at what the passage before it described (这种现象…, 这种做法…,
此类问题…, 这一倾向…) and goes on to judge it has no disconnect wording of its own: it takes the
disconnects (never the measures) of the passage right before it in the same document. Not carried: when
the passage names a disconnect itself, when the previous passage has none, when the passage does not open
with such a subject (这不仅…) or sums up a list (这些问题…), when it does not go on to judge what it points
at (harm, cause or prevalence: 这种做法值得借鉴), across documents, and from a heading (rule 6 decides there). Every sentence here is written for the test."""

from __future__ import annotations

import copy

import pytest
import yaml

from pipeline.config import CODEBOOK_PATH
from pipeline.errors import CodebookError
from pipeline.tagging.codebook import parse_codebook
from pipeline.tagging.rules import RuleMatcher, build_contexts
from pipeline.tagging.tagger import Tagger
from tests.support import project_codebook

# a unit's shortcoming worded as 形式与内容脱节 (D5) and one worded as 学用脱节 (D3, D4)
TRACES = "有的支部开会只为留痕，记录写得满满当当，实际问题一个没解决。"
STUDY = "有的干部学了很多理论，回到岗位上却照旧老一套，学用脱节。"
# a measure only (M4)
MEASURE = "我们坚持把支部建在项目上，党员带头攻坚。"


def tagged(matcher: RuleMatcher, texts: list[str]) -> list[tuple[set[str], list]]:
    return [matcher.tag(text, context) for text, context in zip(texts, build_contexts(texts), strict=True)]


@pytest.mark.parametrize(("previous", "kept", "near_miss", "codes"), [
    (TRACES, "这种现象不仅浪费了大家的时间，也让组织生活失去了应有的分量。",
     "这不仅浪费了大家的时间，也让组织生活失去了应有的分量。", {"D5"}),
    (TRACES, "这种做法严重影响了基层的干事热情，也损害了党组织的形象。",
     "大家的干事热情受到影响，党组织的形象也受到损害。", {"D5"}),
    (TRACES, "但这种倾向至今没有得到有效遏制，根源在于考核导向出了偏差。",
     "但至今没有得到有效遏制，根源在于考核导向出了偏差。", {"D5"}),
    (STUDY, "这种情况如果长期存在，理论学习就成了一句空话。",
     "如果长期存在，理论学习就成了一句空话。", {"D3", "D4"}),
    (STUDY, "此类问题的根源，在于考学只看笔记不看实效。",
     "根源在于考学只看笔记不看实效。", {"D3", "D4"}),
])
def test_anaphoric_subject_carries_the_previous_disconnects(matcher: RuleMatcher, previous: str, kept: str,
                                                            near_miss: str, codes: set[str]) -> None:
    (_, _), (kept_codes, hits) = tagged(matcher, [previous, kept])
    assert kept_codes == codes
    assert {hit.source for hit in hits} == {"anaphora"}
    assert all(kept[hit.start:hit.end] == hit.text for hit in hits)
    (_, _), (near_codes, _) = tagged(matcher, [previous, near_miss])
    assert near_codes.isdisjoint(codes)


def test_a_passage_with_a_disconnect_of_its_own_keeps_its_own(matcher: RuleMatcher) -> None:
    (_, _), (own, hits) = tagged(matcher, [TRACES, "这种做法导致学用脱节，理论学习与工作实际对不上。"])
    assert "D5" not in own and "D3" in own and "anaphora" not in {hit.source for hit in hits}
    (_, _), (carried, _) = tagged(matcher, [TRACES, "这种做法导致理论学习与工作实际对不上。"])
    assert "D5" in carried


def test_measures_are_not_carried(matcher: RuleMatcher) -> None:
    (_, _), (after_measure, _) = tagged(matcher, [MEASURE, "这种做法不仅提高了效率，也增强了凝聚力。"])
    assert after_measure == set()
    previous = TRACES.rstrip("。") + "，党员带头攻坚也成了一句口号。"
    (before, _), (carried, _) = tagged(matcher, [previous, "这种现象严重挫伤了党员的积极性。"])
    assert "D5" in before and carried == before & {"D1", "D2", "D3", "D4", "D5", "D6"}


def test_a_passage_with_a_measure_of_its_own_still_takes_the_disconnect(matcher: RuleMatcher) -> None:
    (_, _), (codes, _) = tagged(matcher, [TRACES, "这种现象一度削弱了支部的威信，坚持把支部建在项目上以后有所好转。"])
    assert {"D5", "M4"} <= codes
    (_, _), (no_anaphor, _) = tagged(matcher, [TRACES, "支部的威信一度受到削弱，坚持把支部建在项目上以后有所好转。"])
    assert "D5" not in no_anaphor


def test_a_summing_up_plural_is_not_carried(matcher: RuleMatcher) -> None:
    (_, _), (plural, _) = tagged(matcher, [TRACES, "这些问题不仅浪费了大家的时间，也让组织生活失去了应有的分量。"])
    assert plural == set()
    (_, _), (singular, _) = tagged(matcher, [TRACES, "这类问题不仅浪费了大家的时间，也让组织生活失去了应有的分量。"])
    assert singular == {"D5"}


def test_only_a_passage_that_judges_what_it_points_at_takes_the_disconnect(matcher: RuleMatcher) -> None:
    prevents = "各支部要防止学习走过场，把学到的理论用到解决实际问题上。"
    (before, _), (praise, _) = tagged(matcher, [prevents, "这种做法值得各单位借鉴。"])
    assert before & {"D3", "D5"} and praise == set()
    (_, _), (common, _) = tagged(matcher, [TRACES, "这种现象在一些基层单位还比较普遍。"])
    assert common == {"D5"}


def test_not_carried_across_documents() -> None:
    tagger = Tagger(project_codebook())
    anaphoric = "这种现象不仅浪费了大家的时间，也让组织生活失去了应有的分量。"
    first, second = tagger.tag_documents([[MEASURE, TRACES], [anaphoric, MEASURE]], mode="rules")
    assert "D5" in first[1].codes and "D5" not in second[0].codes
    (together,) = tagger.tag_documents([[MEASURE, TRACES, anaphoric, MEASURE]], mode="rules")
    assert "D5" in together[2].codes
    assert {item["source"] for item in together[2].evidence if item["code"] == "D5"} == {"anaphora"}


def test_the_codebook_states_what_is_carried() -> None:
    raw = yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))
    codebook = parse_codebook(copy.deepcopy(raw))
    assert codebook.anaphora is not None and codebook.anaphora_carries == "problem"
    assert codebook.anaphora.match("这种做法") and not codebook.anaphora.match("这些问题")
    rule = next(rule for rule in raw["boundary_rules"] if "anaphors" in rule)
    rule["carries"] = "disconnect"
    with pytest.raises(CodebookError, match=r"anaphora_context\.carries"):
        parse_codebook(raw)
