import pytest

from pipeline.segment import iter_sentence_spans, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、牢固树立理念。机关党建和业务工作“两张皮”问题，是顽症。",
         ["一、牢固树立理念。", "机关党建和业务工作“两张皮”问题，是顽症。"]),
        ("他说：“要抓好党建促业务。”下一步怎么办？", ["他说：“要抓好党建促业务。”", "下一步怎么办？"]),
        ("一是真解放，必然真打破；二是真融合，必然真提升。", ["一是真解放，必然真打破；", "二是真融合，必然真提升。"]),
        ("背景动因\n当前，存在结合不实等问题", ["背景动因", "当前，存在结合不实等问题"]),
        ("然而，有的机关党组 ……", ["然而，有的机关党组 ……"]),
        ("  \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_are_offsets_into_the_text() -> None:
    text = "  问卷显示，15.4％的干部有过请假经历。\n\n 70%的书记存在本领恐慌！"
    spans = list(iter_sentence_spans(text))
    assert [text[s:e] for s, e in spans] == ["问卷显示，15.4％的干部有过请假经历。", "70%的书记存在本领恐慌！"]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_rjieba_agrees_with_jieba_on_the_sample_corpus() -> None:
    import difflib

    from pipeline import config
    from pipeline.segment import tokenize

    texts = [line for path in sorted(config.SAMPLE_DIR.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    agree = total = 0
    for text in texts:
        reference, fast = tokenize(text, backend="jieba"), tokenize(text, backend="rjieba")
        matcher = difflib.SequenceMatcher(None, reference, fast, autojunk=False)
        agree += sum(block.size for block in matcher.get_matching_blocks())
        total += max(len(reference), len(fast))
    assert agree / total >= 0.99
