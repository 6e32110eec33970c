"""Text statistics: frequencies with the domain dictionary, keyword in context, collocations, network."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.reports.stats import (
    NETWORK_FILE,
    POLICY_GROUP,
    Passage,
    _pair_counts,
    collocations,
    compute_stats,
    cooccurrence,
    keyword_in_context,
    kwic_sheet,
    words,
)


@pytest.fixture(scope="module")
def written(analysis_dir: Path) -> Path:
    result = CliRunner().invoke(app, ["stats", str(analysis_dir), "--keyword", "一岗双责", "-k", "两张皮"])
    assert result.exit_code == 0, result.output
    return analysis_dir


def test_domain_words_stay_whole_and_stopwords_go() -> None:
    found = words("我们严格落实一岗双责，设立党员先锋岗，破解两张皮问题。")
    assert "一岗双责" in found and "党员先锋岗" in found and "两张皮" in found
    assert "我们" not in found and "，" not in found
    assert all(len(w) >= 2 for w in found)


def test_frequencies_per_unit_count_what_the_texts_say(written: Path) -> None:
    frequencies = pd.read_parquet(written / "tables" / "word_frequencies.parquet")
    units = set(pd.read_parquet(written / "tables" / "units.parquet").unit)
    assert set(frequencies.unit) == units | {POLICY_GROUP}
    planted = frequencies[frequencies.unit == "植入单位<i>甲</i>"].set_index("word")
    passages = pd.read_parquet(written / "tables" / "passages.parquet")
    planted_text = "".join(passages[passages.doc_id == "planted"].text)
    for word in ("一岗双责", "党员先锋岗"):
        assert planted.loc[word, "count"] == planted_text.count(word) >= 2
    for _unit, group in frequencies.groupby("unit"):
        assert list(group["rank"]) == list(range(1, len(group) + 1))
        assert list(group["count"]) == sorted(group["count"], reverse=True)


def test_keyword_in_context_finds_every_occurrence(written: Path) -> None:
    kwic = pd.read_parquet(written / "tables" / "kwic.parquet")
    passages = pd.read_parquet(written / "tables" / "passages.parquet")
    documents = pd.read_parquet(written / "tables" / "documents.parquet")
    analysed = set(documents[documents.duplicate_of.isna()].doc_id)
    texts = passages[passages.doc_id.isin(analysed)].text
    assert set(kwic.keyword) == {"一岗双责", "两张皮"}
    for keyword in ("一岗双责", "两张皮"):
        assert (kwic.keyword == keyword).sum() == sum(t.count(keyword) for t in texts)
    row = kwic[kwic.keyword == "一岗双责"].iloc[0]
    assert row.match == "一岗双责" and len(row.left) <= 20 and len(row.right) <= 20


def test_collocations_and_cooccurrence_on_written_sentences() -> None:
    sentences = [["党员", "先锋", "作用"], ["党员", "先锋", "岗位"], ["党员", "先锋"], ["业务", "考核"], ["考核", "奖惩"]]
    table = collocations(sentences, window=2, min_count=2)
    assert list(table.iloc[0][["word1", "word2", "count"]]) == [*sorted(["党员", "先锋"]), 3]
    assert len(table) == 1  # 考核 pairs twice with different words, once each
    pairs = cooccurrence([{"甲", "乙"}, {"甲", "乙", "丙"}, {"丙"}], n_words=3)
    assert pairs.iloc[0].tolist()[:4] == ["乙", "甲", 2, 1.0]


def test_pair_counts_equal_counting_every_pair_in_turn() -> None:
    import random

    generator = random.Random(7)
    vocabulary = ["党建", "业务", "融合", "考核", "学习", "党员", "先锋", "服务", "群众", "机制"]
    sentences = [[generator.choice(vocabulary) for _ in range(generator.randint(0, 12))] for _ in range(300)]
    sentences += [["专家", "代表", "代表", "代表"], ["专家", "代表", "代表"]]  # a pair seen more often than a word
    for window, min_count in ((1, 1), (2, 3), (4, 3), (6, 20)):
        unigrams, pairs, n_pairs = _pair_counts(sentences, window=window, min_count=min_count)
        every: Counter[tuple[str, str]] = Counter(
            (word, other) if word < other else (other, word)
            for sentence in sentences for index, word in enumerate(sentence)
            for other in sentence[index + 1: index + 1 + window] if other != word)
        assert unigrams == Counter(word for sentence in sentences for word in sentence)
        assert n_pairs == sum(every.values())
        assert pairs == {pair: count for pair, count in every.items() if count >= min_count}
    assert _pair_counts([], window=4, min_count=3) == (Counter(), {}, 0)


def test_keyword_in_context_on_written_text() -> None:
    rows = keyword_in_context([Passage("单位", "d", "d:1", "前文一岗双责后文，再说一岗双责。")], ["一岗双责"], width=2)
    assert rows[["left", "right"]].values.tolist() == [["前文", "后文"], ["再说", "。"]]


def test_network_picture_and_workbook(written: Path) -> None:
    svg = (written / "reports" / NETWORK_FILE).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<circle") >= 5 and "<line" in svg
    edges = pd.read_parquet(written / "tables" / "cooccurrence.parquet")
    assert edges.iloc[0].word1 in svg
    book = openpyxl.load_workbook(written / "stats.xlsx")
    assert book.sheetnames == ["词频", "关键词语境", "搭配", "共现"]
    assert [c.value for c in book["词频"][1]][:3] == ["单位", "词语", "频次"]
    assert book["词频"].freeze_panes == "A2"


def test_html_report_shows_the_statistics(written: Path) -> None:
    from pipeline.reports.html import write_html

    index = write_html(written).read_text(encoding="utf-8")
    section = index[index.index('<section id="stats">'):]
    section = section[: section.index("</section>")]
    assert "文本统计" in section and 'class="network"' in section
    assert re.search(r"一岗双责|两张皮|党建", section)


def test_stats_is_deterministic() -> None:
    passages = [Passage("甲", "a", f"a:{i}", text) for i, text in enumerate(
        ["落实一岗双责，建立责任清单。", "党员先锋岗发挥作用，落实一岗双责。", "责任清单逐项落实。"])]
    first, second = compute_stats(passages), compute_stats(passages)
    assert first.frequencies.equals(second.frequencies) and first.network_svg == second.network_svg


def test_stats_on_a_folder_without_analysis_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stats", str(tmp_path)])
    assert result.exit_code == 2 and "lzp analyze" in result.output


def test_word_counts_of_a_passage_are_those_of_its_whole_text():
    text = ("支部坚持把党建工作与业务工作同谋划、同部署。党员先锋岗覆盖窗口服务一线！"
            "业务骨干培养成党员，党员培养成业务骨干；群众满意度明显提升？\n下一步继续深化融合。")
    stats = compute_stats([Passage("甲", "a", "a:1", text)])
    counted = dict(zip(stats.frequencies.word, stats.frequencies["count"], strict=True))
    assert counted == dict(Counter(words(text)))  # fewer distinct words than the top kept per unit


def test_the_workbook_shows_the_first_lines_of_each_keyword_and_unit_and_says_where_the_rest_are() -> None:
    passages = [Passage(unit, "d", f"{unit}:{n}", "上文一岗双责下文，又谈两张皮。") for unit in ("甲局", "乙局") for n in range(5)]
    kwic = keyword_in_context(passages, ["一岗双责", "两张皮"])
    shown, notes = kwic_sheet(kwic, lines=3)
    assert len(kwic) == 20 and len(shown) == 12  # 2 keywords × 2 units × 3 lines
    assert shown.groupby(["keyword", "unit"]).size().tolist() == [3, 3, 3, 3]
    assert shown.passage_id.tolist()[:3] == ["甲局:0", "甲局:1", "甲局:2"]  # the first ones, in reading order
    assert "共 20 处" in notes["关键词语境"] and "tables/kwic.parquet" in notes["关键词语境"]
    assert kwic_sheet(kwic, lines=5)[1] == {}  # nothing left out: no note


def test_a_capped_sheet_ends_with_its_note(tmp_path: Path) -> None:
    from pipeline.reports.excel import build_table_workbook

    frame = pd.DataFrame({"keyword": ["两张皮"] * 3, "unit": ["甲局"] * 3})
    path = build_table_workbook(tmp_path / "t.xlsx", [("关键词语境", frame), ("搭配", frame)],
                                notes={"关键词语境": "只列前 3 处"})
    book = openpyxl.load_workbook(path)
    assert book["关键词语境"].cell(row=6, column=1).value == "只列前 3 处"  # header, 3 rows, a blank row
    assert book["搭配"].max_row == 4
