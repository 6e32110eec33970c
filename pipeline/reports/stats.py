"""Text statistics of an analysis directory: word frequencies per unit, keyword in context,
collocations and a co-occurrence network.

Words come from :func:`pipeline.segment.tokenize` with the domain dictionary (``userdict.txt``, so
一岗双责, 党员先锋岗, 两张皮 stay one word) and the domain stopword list; one-character words are left
out. Texts are the passages of the analysed documents (duplicates set aside), grouped by unit; the
policy document(s) form the group :data:`POLICY_GROUP` so a unit's wording can be set against the
yardstick's.

Written by :func:`write_stats` (``lzp stats DIR``):

* ``DIR/tables/word_frequencies.parquet`` — unit, word, count, per_10k (per 10,000 words of the
  unit), n_passages, rank;
* ``DIR/tables/kwic.parquet`` — keyword in context: keyword, unit, doc_id, passage_id, left, match,
  right (characters around each occurrence);
* ``DIR/tables/collocations.parquet`` — word pairs within :data:`WINDOW` words of each other in one
  sentence: count, expected count, PMI and log-likelihood (G²), strongest first;
* ``DIR/tables/cooccurrence.parquet`` — pairs of frequent words in one passage: count and Jaccard;
* ``DIR/reports/共现网络.svg`` — the co-occurrence network (drawn here, no plotting library);
* ``DIR/stats.xlsx`` — the four tables as sheets; the keyword-in-context sheet shows the first
  :data:`KWIC_SHEET_LINES` lines of each keyword in each unit and says where the others are.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.errors import UsageError
from pipeline.reports.excel import build_table_workbook
from pipeline.segment import iter_sentence_spans, tokenize
from pipeline.storage import write_atomic, write_parquet_atomic, write_text_atomic

POLICY_GROUP = "对照文件"
WINDOW = 4  # words on either side for collocations
CONTEXT_CHARS = 20  # characters on either side in keyword in context
MIN_PAIR_COUNT = 3
TOP_WORDS = 200  # per unit in word_frequencies
NETWORK_WORDS = 30
NETWORK_EDGES = 60
DEFAULT_KEYWORDS = 8  # most frequent words used as keywords when none are given
# Lines per keyword and unit on the workbook's keyword-in-context sheet (the table keeps every line).
KWIC_SHEET_LINES = 20
NETWORK_FILE = "共现网络.svg"
STATS_WORKBOOK = "stats.xlsx"


@dataclass(frozen=True)
class Passage:
    unit: str
    doc_id: str
    passage_id: str
    text: str


@dataclass(frozen=True)
class TextStats:
    frequencies: pd.DataFrame
    kwic: pd.DataFrame
    collocations: pd.DataFrame
    cooccurrence: pd.DataFrame
    network_svg: str


def words(text: str) -> list[str]:
    """Content words of a text: domain dictionary, no stopwords, no punctuation, two characters or more."""
    return [w for w in tokenize(text, drop_stopwords=True) if len(w) >= 2]


def load_passages(out_dir: Path) -> list[Passage]:
    """The passages of analysed documents (no duplicates) with their unit; policy documents under
    :data:`POLICY_GROUP`."""
    tables = Path(out_dir) / "tables"
    for name in ("documents", "passages", "units"):
        if not (tables / f"{name}.parquet").is_file():
            raise UsageError(f"{tables / name}.parquet not found: run `lzp analyze --out {Path(out_dir)}` first")
    documents = pd.read_parquet(tables / "documents.parquet")
    passages = pd.read_parquet(tables / "passages.parquet", columns=["passage_id", "doc_id", "text", "start"])
    units = pd.read_parquet(tables / "units.parquet")
    unit_of = {str(d): str(row.unit) for row in units.itertuples(index=False) for d in row.doc_ids}
    for row in documents.itertuples(index=False):
        if getattr(row, "kind", None) == "policy":
            unit_of[str(row.doc_id)] = POLICY_GROUP
    passages = passages[passages.doc_id.isin(list(unit_of))].sort_values(["doc_id", "start"])
    return [Passage(unit_of[str(p.doc_id)], str(p.doc_id), str(p.passage_id), str(p.text or ""))
            for p in passages.itertuples(index=False)]


def word_frequencies(tokens: dict[str, list[str]], units: dict[str, str], top: int = TOP_WORDS) -> pd.DataFrame:
    """Per unit: the ``top`` most frequent words with count, rate per 10,000 words and passages."""
    rows = []
    by_unit: dict[str, Counter[str]] = {}
    passages_with: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for passage_id, unit_words in tokens.items():
        unit = units[passage_id]
        by_unit.setdefault(unit, Counter()).update(unit_words)
        passages_with.setdefault(unit, Counter()).update(set(unit_words))
        totals[unit] += len(unit_words)
    for unit, counts in by_unit.items():
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
        for rank, (word, count) in enumerate(ranked, start=1):
            rows.append({"unit": unit, "word": word, "count": count,
                         "per_10k": round(count * 10_000 / max(totals[unit], 1), 1),
                         "n_passages": passages_with[unit][word], "rank": rank})
    return pd.DataFrame(rows, columns=["unit", "word", "count", "per_10k", "n_passages", "rank"])


def keyword_in_context(passages: Sequence[Passage], keywords: Iterable[str],
                       width: int = CONTEXT_CHARS) -> pd.DataFrame:
    """Every occurrence of each keyword with ``width`` characters of context on either side."""
    rows = []
    for keyword in dict.fromkeys(k for k in keywords if k):
        for passage in passages:
            start = passage.text.find(keyword)
            while start != -1:
                end = start + len(keyword)
                rows.append({"keyword": keyword, "unit": passage.unit, "doc_id": passage.doc_id,
                             "passage_id": passage.passage_id,
                             "left": passage.text[max(0, start - width):start].replace("\n", " "),
                             "match": keyword, "right": passage.text[end:end + width].replace("\n", " ")})
                start = passage.text.find(keyword, end)
    return pd.DataFrame(rows, columns=["keyword", "unit", "doc_id", "passage_id", "left", "match", "right"])


def _g2(k11: int, k12: int, k21: int, k22: int) -> float:
    """Dunning's log-likelihood ratio of a 2×2 table."""
    def term(k: int, expected: float) -> float:
        return k * math.log(k / expected) if k > 0 and expected > 0 else 0.0

    total = k11 + k12 + k21 + k22
    rows, columns = (k11 + k12, k21 + k22), (k11 + k21, k12 + k22)
    cells = ((k11, 0, 0), (k12, 0, 1), (k21, 1, 0), (k22, 1, 1))
    return 2 * sum(term(k, rows[r] * columns[c] / total) for k, r, c in cells)


def _pair_counts(sentences: Sequence[list[str]], *, window: int,
                 min_count: int) -> tuple[Counter[str], dict[tuple[str, str], int], int]:
    """Word counts; the pairs of different words within ``window`` words of each other in a sentence
    (each in sorted order) seen at least ``min_count`` times, with their counts; and the number of
    such pairs of any count. Counted on integer arrays, one window offset at a time: a word is coded
    by its rank in sorted order, so codes compare as the words do."""
    unigrams: Counter[str] = Counter()
    for sentence in sentences:
        unigrams.update(sentence)
    vocabulary = sorted(unigrams)
    code = {word: index for index, word in enumerate(vocabulary)}
    words = np.fromiter((code[w] for sentence in sentences for w in sentence), dtype=np.int64)
    sentence_of = np.repeat(np.arange(len(sentences)), [len(sentence) for sentence in sentences])
    n_pairs = 0
    found = []
    for offset in range(1, window + 1):
        left, right = words[:-offset], words[offset:]
        valid = (sentence_of[:-offset] == sentence_of[offset:]) & (left != right)
        n_pairs += int(valid.sum())
        low, high = np.minimum(left[valid], right[valid]), np.maximum(left[valid], right[valid])
        found.append(low * len(vocabulary) + high)
    keys, counts = np.unique(np.concatenate(found) if found else np.empty(0, dtype=np.int64), return_counts=True)
    pairs = {(vocabulary[key // len(vocabulary)], vocabulary[key % len(vocabulary)]): int(count)
             for key, count in zip(keys.tolist(), counts.tolist(), strict=True) if count >= min_count}
    return unigrams, pairs, n_pairs


def collocations(sentences: Sequence[list[str]], window: int = WINDOW, min_count: int = MIN_PAIR_COUNT,
                 top: int = 300) -> pd.DataFrame:
    """Word pairs seen within ``window`` words of each other in a sentence (order ignored)."""
    unigrams, pairs, n_pairs = _pair_counts(sentences, window=window, min_count=min_count)
    n_words = max(sum(unigrams.values()), 1)
    n_pairs = max(n_pairs, 1)
    rows = []
    for (first, second), count in pairs.items():
        expected = unigrams[first] * unigrams[second] / n_words * (n_pairs / n_words)
        pmi = math.log2(count / expected) if expected > 0 else 0.0
        k12 = max(unigrams[first] - count, 0)
        k21 = max(unigrams[second] - count, 0)
        g2 = _g2(count, k12, k21, max(n_words - count - k12 - k21, 0))
        rows.append({"word1": first, "word2": second, "count": count, "expected": round(expected, 3),
                     "pmi": round(pmi, 3), "log_likelihood": round(g2, 2)})
    frame = pd.DataFrame(rows, columns=["word1", "word2", "count", "expected", "pmi", "log_likelihood"])
    return frame.sort_values(["log_likelihood", "word1", "word2"], ascending=[False, True, True]).head(top) \
        .reset_index(drop=True)


def cooccurrence(passage_words: Sequence[set[str]], n_words: int = NETWORK_WORDS) -> pd.DataFrame:
    """Pairs of the ``n_words`` words found in most passages: passages with both, and their Jaccard."""
    document_frequency: Counter[str] = Counter()
    for found in passage_words:
        document_frequency.update(found)
    top = [w for w, _ in sorted(document_frequency.items(), key=lambda item: (-item[1], item[0]))[:n_words]]
    keep = set(top)
    pairs: Counter[tuple[str, str]] = Counter()
    for found in passage_words:
        pairs.update(combinations(sorted(found & keep), 2))
    rows = [{"word1": a, "word2": b, "count": count,
             "jaccard": round(count / (document_frequency[a] + document_frequency[b] - count), 3),
             "df1": document_frequency[a], "df2": document_frequency[b]}
            for (a, b), count in pairs.items() if count >= 2]
    frame = pd.DataFrame(rows, columns=["word1", "word2", "count", "jaccard", "df1", "df2"])
    return frame.sort_values(["jaccard", "count", "word1", "word2"], ascending=[False, False, True, True]) \
        .reset_index(drop=True)


def network_svg(edges: pd.DataFrame, max_edges: int = NETWORK_EDGES, size: int = 640) -> str:
    """The co-occurrence network as an SVG: the strongest edges, words on a circle ordered so that
    linked words sit near each other, node size by passages, line width by Jaccard."""
    edges = edges.head(max_edges)
    title = "词语共现网络（同一段落，Jaccard 系数最高的词对）"
    if edges.empty:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" class="network" role="img" aria-label="{title}" '
                f'width="{size}" height="60" viewBox="0 0 {size} 60"><title>{title}</title>'
                '<text x="10" y="30" font-size="13">共现词对不足，无法绘制网络。</text></svg>')
    frequency: dict[str, int] = {}
    for row in edges.itertuples(index=False):
        frequency[row.word1] = int(row.df1)
        frequency[row.word2] = int(row.df2)
    # order nodes: greedy walk along the strongest links, so clusters stay together on the circle
    neighbours: dict[str, list[tuple[float, str]]] = {}
    for row in edges.itertuples(index=False):
        neighbours.setdefault(row.word1, []).append((row.jaccard, row.word2))
        neighbours.setdefault(row.word2, []).append((row.jaccard, row.word1))
    order: list[str] = []
    remaining = sorted(frequency, key=lambda w: (-frequency[w], w))
    while remaining:
        current = remaining.pop(0)
        order.append(current)
        while True:
            options = sorted((n for n in neighbours.get(current, []) if n[1] in remaining), key=lambda n: (-n[0], n[1]))
            if not options:
                break
            current = options[0][1]
            remaining.remove(current)
            order.append(current)
    centre, radius = size / 2, size / 2 - 90
    position = {word: (centre + radius * math.cos(2 * math.pi * i / len(order) - math.pi / 2),
                       centre + radius * math.sin(2 * math.pi * i / len(order) - math.pi / 2))
                for i, word in enumerate(order)}
    strongest = float(edges.jaccard.max()) or 1.0
    biggest = max(frequency.values()) or 1
    body = []
    for row in edges.itertuples(index=False):
        (x1, y1), (x2, y2) = position[row.word1], position[row.word2]
        width = 0.6 + 4.0 * float(row.jaccard) / strongest
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#7f1d1d" '
                    f'stroke-opacity="{0.25 + 0.6 * float(row.jaccard) / strongest:.2f}" stroke-width="{width:.1f}">'
                    f"<title>{escape(row.word1)}—{escape(row.word2)}：{row.count} 段，Jaccard {row.jaccard}</title></line>")
    for word in order:
        x, y = position[word]
        r = 4 + 12 * math.sqrt(frequency[word] / biggest)
        angle = math.atan2(y - centre, x - centre)
        lx, ly = x + (r + 6) * math.cos(angle), y + (r + 6) * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#1d4ed8" fill-opacity="0.75">'
                    f"<title>{escape(word)}：{frequency[word]} 段</title></circle>")
        body.append(f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="13" text-anchor="{anchor}" '
                    f'dominant-baseline="middle">{escape(word)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="network" role="img" aria-label="{title}" '
            f'width="{size}" height="{size}" viewBox="0 0 {size} {size}"><title>{title}</title>'
            + "".join(body) + "</svg>")


def compute_stats(passages: Sequence[Passage], keywords: Sequence[str] = ()) -> TextStats:
    """Every statistic of the given passages (deterministic for the same input)."""
    # Each sentence is segmented once; a passage's words are its sentences' words (the segmenter never
    # joins words across the punctuation that ends a sentence).
    tokens: dict[str, list[str]] = {}
    sentences = []
    for passage in passages:
        found_in_passage: list[str] = []
        for start, end in iter_sentence_spans(passage.text):
            found = words(passage.text[start:end])
            found_in_passage.extend(found)
            if len(found) > 1:
                sentences.append(found)
        tokens[passage.passage_id] = found_in_passage
    units = {p.passage_id: p.unit for p in passages}
    frequencies = word_frequencies(tokens, units)
    if not keywords:
        overall: Counter[str] = Counter()
        for found in tokens.values():
            overall.update(found)
        keywords = [w for w, _ in sorted(overall.items(), key=lambda item: (-item[1], item[0]))[:DEFAULT_KEYWORDS]]
    reported = [set(tokens[p.passage_id]) for p in passages if p.unit != POLICY_GROUP]
    edges = cooccurrence(reported)
    return TextStats(frequencies, keyword_in_context(passages, keywords), collocations(sentences), edges,
                     network_svg(edges))


def kwic_sheet(kwic: pd.DataFrame, *, lines: int = KWIC_SHEET_LINES) -> tuple[pd.DataFrame, dict[str, str]]:
    """The keyword-in-context lines the workbook shows: the first ``lines`` of each keyword in each
    unit, in reading order, and (when lines were left out) the note that says where the rest are."""
    shown = kwic.groupby(["keyword", "unit"], sort=False).head(lines) if len(kwic) else kwic
    if len(shown) == len(kwic):
        return kwic, {}
    note = (f"每个关键词在每个单位只列前 {lines} 处（共 {len(kwic)} 处，此处列 {len(shown)} 处）；"
            "全部见 tables/kwic.parquet 或 lzp.duckdb 的 kwic 表。")
    return shown, {"关键词语境": note}


def write_stats(out_dir: Path, *, keywords: Sequence[str] = ()) -> dict[str, Path]:
    """Compute the text statistics of an analysis directory and write the tables, the workbook and the
    network picture; returns the written paths by name."""
    out_dir = Path(out_dir)
    stats = compute_stats(load_passages(out_dir), keywords)
    tables = out_dir / "tables"
    frames = {"word_frequencies": stats.frequencies, "kwic": stats.kwic, "collocations": stats.collocations,
              "cooccurrence": stats.cooccurrence}
    written = {name: write_parquet_atomic(frame, tables / f"{name}.parquet") for name, frame in frames.items()}
    written["network"] = write_text_atomic(out_dir / "reports" / NETWORK_FILE, stats.network_svg + "\n")
    kwic, notes = kwic_sheet(frames["kwic"])
    sheets = [("词频", frames["word_frequencies"]), ("关键词语境", kwic), ("搭配", frames["collocations"]),
              ("共现", frames["cooccurrence"])]
    written["excel"] = write_atomic(out_dir / STATS_WORKBOOK,
                                    lambda path: build_table_workbook(path, sheets, notes=notes))
    return written
