import pytest

from pipeline.segment import tokenize
from pipeline.tagging.codebook import default_codebook
from pipeline.tagging.rules import PassageContext, RoleRules, RuleMatcher, build_contexts


@pytest.fixture(scope="module")
def matcher() -> RuleMatcher:
    return RuleMatcher(default_codebook())


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
    rules = RoleRules(default_codebook())
    policy = PassageContext(doc_type="意见", policy=True, position=10)
    report = PassageContext(doc_type="调研报告", policy=False, position=10)
    assert rules.role("各单位要落实一岗双责。", policy) == "requirement"
    assert rules.role("各单位要落实一岗双责。", report) == "recommendation"
    assert rules.role("由于认识不到位，导致党建与业务脱节。", report) == "cause"
