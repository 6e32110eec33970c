"""Evaluation of requirement matching and figure extraction against hand labels.

* Matching: ``corpora/annotations/matches.jsonl`` holds requirement–passage pairs labelled relevant or
  not. The threshold is chosen on the pairs of the other units and applied to the held-out unit
  (leave-one-unit-out); precision and recall pool the held-out decisions. The threshold used by
  ``lzp analyze`` is then chosen on all pairs and saved to ``models/matching.json``.
* Figures: ``corpora/annotations/figures.jsonl`` lists every figure of the sample corpus; an extracted
  figure is correct when the same passage has a gold figure with the same value and measure.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.corpus import Corpus
from pipeline.gap.analysis import Analysis
from pipeline.gap.figures import Figure
from pipeline.gap.matching import Matcher, UnitPassage, best_threshold
from pipeline.storage import write_text_atomic


@dataclass
class MatchingScores:
    n_pairs: int
    n_relevant: int
    precision: float
    recall: float
    f1: float
    thresholds: dict[str, float]
    final_threshold: float
    missing_pairs: int


@dataclass
class FigureScores:
    n_gold: int
    n_extracted: int
    precision: float
    recall: float
    population_agreement: float
    source_agreement: float
    misses: list[str]
    spurious: list[str]


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pair_scores(analysis: Analysis, pairs: list[dict]) -> list[tuple[str, float, bool]]:
    """``(unit, score, relevant)`` of each labelled pair whose requirement and passage still exist."""
    corpus = analysis.corpus
    documents = [d for d in corpus.documents if d.duplicate_of is None]
    passages = {p.passage_id: p for d in documents for p in d.passages}
    requirements = {r.requirement_id: r for r in analysis.requirements}
    matcher = Matcher().fit([p.text for p in passages.values()] + [r.text for r in analysis.requirements])
    scored = []
    for pair in pairs:
        requirement = requirements.get(pair["requirement_id"])
        passage = passages.get(pair["passage_id"])
        if requirement is None or passage is None or requirement.text != pair["requirement_text"]:
            continue
        tag = analysis.tags[passage.passage_id]
        unit_passage = UnitPassage(passage.passage_id, passage.doc_id, passage.text, tag.role, tuple(tag.codes))
        score = float(matcher.score_matrix([requirement], [unit_passage])[0, 0])
        scored.append((pair["unit"], score, bool(pair["relevant"])))
    return scored


def evaluate_matching(analysis: Analysis, *, path: Path) -> MatchingScores:
    pairs = _read_jsonl(path)
    scored = pair_scores(analysis, pairs)
    units = sorted({unit for unit, _, _ in scored})
    tp = fp = fn = 0
    thresholds = {}
    for unit in units:
        train = [(s, r) for u, s, r in scored if u != unit]
        threshold = best_threshold([s for s, _ in train], [r for _, r in train])
        thresholds[unit] = threshold
        for u, s, r in scored:
            if u == unit:
                tp += int(s >= threshold and r)
                fp += int(s >= threshold and not r)
                fn += int(s < threshold and r)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    final = best_threshold([s for _, s, _ in scored], [r for _, _, r in scored])
    return MatchingScores(len(scored), sum(r for _, _, r in scored), precision, recall, f1, thresholds, final,
                          len(pairs) - len(scored))


def save_threshold(threshold: float, path: Path) -> Path:
    return write_text_atomic(path, json.dumps({"threshold": threshold}, indent=2) + "\n")


def evaluate_figures(corpus: Corpus, figures: list[Figure], *, path: Path) -> FigureScores:
    gold = _read_jsonl(path)
    valid_ids = {p.passage_id for d in corpus.documents if d.duplicate_of is None for p in d.passages}
    extracted = [f for f in figures if f.passage_id in valid_ids]
    by_key = {(g["passage_id"], _value_key(g["value"]), _measure(g["unit"])): g for g in gold}
    remaining = Counter((g["passage_id"], _value_key(g["value"]), _measure(g["unit"])) for g in gold)
    correct: list[tuple[Figure, dict]] = []
    spurious: list[str] = []
    for figure in extracted:
        key = (figure.passage_id, _value_key(figure.value), _measure(figure.measure))
        if remaining[key] > 0:
            remaining[key] -= 1
            correct.append((figure, by_key[key]))
        else:
            spurious.append(f"{figure.passage_id} {figure.surface}")
    misses = [f"{pid} {value} {measure}" for (pid, value, measure), n in remaining.items() for _ in range(n)]
    population = [_close(f.population, g["population"]) for f, g in correct]
    source = [f.source == g["source"] for f, g in correct]
    n_correct = len(correct)
    return FigureScores(
        n_gold=len(gold), n_extracted=len(extracted),
        precision=n_correct / len(extracted) if extracted else 0.0,
        recall=n_correct / len(gold) if gold else 0.0,
        population_agreement=sum(population) / len(population) if population else 0.0,
        source_agreement=sum(source) / len(source) if source else 0.0,
        misses=misses, spurious=spurious,
    )


def _value_key(value: float | None) -> str:
    return "anonymised" if value is None else f"{float(value):g}"


def _measure(measure: str) -> str:
    return "%" if measure in {"%", "％"} else measure


def _close(predicted: str, gold: str) -> bool:
    """Population agreement: equal, or one contains the other (干部 vs 机关干部)."""
    predicted, gold = predicted.strip(), gold.strip()
    if not gold:
        return not predicted
    return bool(predicted) and (predicted in gold or gold in predicted)


def render_markdown(matching: MatchingScores, figures: FigureScores) -> str:
    lines = [
        "## Requirement matching",
        "",
        f"Hand labels: `corpora/annotations/matches.jsonl`, {matching.n_pairs} requirement–passage pairs "
        f"({matching.n_relevant} relevant) across the units of the sample corpus"
        + (f"; {matching.missing_pairs} labelled pairs no longer resolve and were skipped" if matching.missing_pairs else "")
        + ".",
        "",
        "Method: leave-one-unit-out — the score threshold is chosen (best F1) on the pairs of the other "
        "units and applied to the held-out unit's pairs; figures pool the held-out decisions.",
        "",
        "| precision | recall | F1 | threshold used by `lzp analyze` (all pairs) |",
        "|---:|---:|---:|---:|",
        f"| {matching.precision:.3f} | {matching.recall:.3f} | {matching.f1:.3f} | {matching.final_threshold:.2f} |",
        "",
        "Held-out thresholds: " + ", ".join(f"{u} {t:.2f}" for u, t in matching.thresholds.items()) + ".",
        "",
        "## Survey and quantitative figures",
        "",
        f"Hand labels: `corpora/annotations/figures.jsonl`, {figures.n_gold} figures in the sample corpus. "
        "An extracted figure is correct when its passage has a gold figure with the same value and measure. "
        "The extractor is rule-based (no training), written with the sample corpus in view.",
        "",
        "| gold | extracted | precision | recall | population agrees | source agrees |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {figures.n_gold} | {figures.n_extracted} | {figures.precision:.3f} | {figures.recall:.3f} | "
        f"{figures.population_agreement:.3f} | {figures.source_agreement:.3f} |",
        "",
        "Missed: " + (", ".join(figures.misses) or "none") + ".",
        "",
        "Spurious: " + (", ".join(figures.spurious) or "none") + ".",
    ]
    return "\n".join(lines) + "\n"
