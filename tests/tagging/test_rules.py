import pytest

from pipeline import config
from pipeline.segment import tokenize
from pipeline.tagging.rules import PassageContext, RoleRules, RuleMatcher, build_contexts, required_literals
from tests.support import project_codebook


@pytest.mark.parametrize(
    "term", ["两张皮", "三会一课", "一岗双责", "主题党日", "理论学习中心组", "党员先锋岗", "一肩挑", "五星级党支部"],
)
def test_domain_terms_stay_whole(term: str) -> None:
    assert term in tokenize(f"各单位要结合{term}推动工作。", backend="jieba")
    assert term in tokenize(f"各单位要结合{term}推动工作。", backend="rjieba")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("既要防止重业务轻政治现象，又要防止游离于业务工作之外搞空头政治等问题。", {"D1"}),
        ("有的单位存在重业务轻党建现象。", {"D2"}),
        ("党建与业务未同谋划同部署。", {"D2", "M5"}),
        ("落实机关党委书记原则上由本单位党员主要负责人担任的要求，实现党建、业务“一肩挑”。", {"M6"}),
        ("推动机关党建和业务工作深度融合是新时代的要求。", set()),
    ],
)
def test_rule_codes_follow_the_boundary_rules(matcher: RuleMatcher, text: str, codes: set[str]) -> None:
    assert codes <= matcher.codes(text)
    if not codes:
        assert matcher.codes(text) == set()


def test_evidence_points_at_the_matched_words(matcher: RuleMatcher) -> None:
    text = "通过创建党员先锋岗、设定党员责任区，推行一岗双责。"
    for hit in matcher.match(text):
        assert text[hit.start:hit.end] == hit.text
    assert {"M4", "M5"} <= {hit.code for hit in matcher.match(text)}


def test_short_sentence_inherits_the_heading_code(matcher: RuleMatcher) -> None:
    texts = ["调研报告", "正文开始，说明调查的基本情况和方法。这是一段足够长的正文句子，用来开始正文。",
             "（一）学用脱节", "这种情况比较普遍。"]
    contexts = build_contexts(texts)
    codes, hits = matcher.tag(texts[3], contexts[3])
    assert "D3" in codes and hits[0].source == "context"


def test_roles_from_cues_and_genre() -> None:
    rules = RoleRules(project_codebook())
    policy = PassageContext(doc_type="意见", policy=True, position=10)
    report = PassageContext(doc_type="调研报告", policy=False, position=10)
    assert rules.role("各单位要落实一岗双责。", policy) == "requirement"
    assert rules.role("各单位要落实一岗双责。", report) == "recommendation"
    assert rules.role("由于认识不到位，导致党建与业务脱节。", report) == "cause"


class _EverythingOpen:
    """A gate that runs every regex: the reference the literal gate must agree with."""

    def __init__(self, keys: frozenset) -> None:
        self.keys = keys

    def open_keys(self, text: str) -> set:
        return set(self.keys)


def _gate_corpus() -> list[str]:
    from pipeline.tagging.tagger import load_gold

    texts = [p.text for p in load_gold(config.GOLD_PATH, project_codebook())]
    codebook = project_codebook()
    for entry in codebook.codes.values():
        texts.extend(entry.examples)
    # Splices of gold sentences, so that matches also straddle unusual neighbours.
    texts.extend(a[len(a) // 2:] + b[: len(b) // 2] for a, b in zip(texts, texts[7:], strict=False))
    return texts


def test_literal_gate_changes_no_rule_hit() -> None:
    codebook = project_codebook()
    gated, reference = RuleMatcher(codebook), RuleMatcher(codebook)
    reference._gate = _EverythingOpen(gated._gate.keys)
    gated_roles, reference_roles = RoleRules(codebook), RoleRules(codebook)
    reference_roles._gate = _EverythingOpen(gated_roles._gate.keys)
    texts = _gate_corpus()
    assert len(texts) > 800
    contexts = build_contexts(texts)
    hits = 0
    for text, context in zip(texts, contexts, strict=True):
        expected = reference._match(text)
        assert gated._match(text) == expected, text
        assert gated_roles._scores(text, context) == reference_roles._scores(text, context), text
        hits += len(expected)
    assert hits > 500  # the corpus exercises the patterns


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("重业务[、，,\\s]*轻政治", {"重业务"}),
        ("(?:只|光|单纯)(?:讲|抓|重)业务", {"业务"}),
        ("走(?:过场|形式)|流于(?:形式|表面)", {"过场", "形式", "流于"}),  # the longer requirement of each branch
        ("(?:战斗堡垒|先锋模范)作用", {"战斗堡垒", "先锋模范"}),
        ("(?:专题|集中|常态化)(?:学习|培训)", {"学习", "培训"}),  # equally long: fewer strings
        ("(?:考核)?[^。；]{0,6}挂钩", {"挂钩"}),
        ("(?<!党群)服务(?:保障)?中心", {"服务"}),
        ("(?:党建)+工作", {"党建"}),
        ("\\d+(?:人次|个)", {"人次", "个"}),
        ("^[一二三]要", {"要"}),
    ],
)
def test_required_literals(pattern: str, literals: set[str]) -> None:
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", ["[^。]{2,}", "(?:a)?b?", "(?i)abc", "x|[0-9]+"])
def test_patterns_without_a_fixed_literal_are_never_gated(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_role_scores_do_not_depend_on_what_was_scored_before() -> None:
    """The same short opening line under a heading and without one: the second answer is the one a
    fresh instance gives (tagging in parallel workers must not depend on which passages a worker saw)."""
    text = "本单位共有职工八十人。"
    under_heading, bare = PassageContext(heading="一、基本情况", position=1), PassageContext(position=1)
    fresh = RoleRules(project_codebook()).scores(text, bare)
    assert RoleRules(project_codebook()).scores(text, under_heading) != fresh  # the heading matters here
    seasoned = RoleRules(project_codebook())
    seasoned.scores(text, under_heading)
    assert seasoned.scores(text, bare) == fresh
