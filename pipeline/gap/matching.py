"""Matching a unit's passages to the policy's requirements.

The score of a (requirement, passage) pair combines three signals, each in [0, 1]:

* lexical similarity: cosine of TF-IDF vectors over jieba content words (fitted on the corpus);
* key-term overlap: share of the requirement's key terms found in the passage;
* code agreement: Jaccard overlap of their measure codes (M1–M6).

A requirement is ``evidenced`` for a unit when a practice passage scores at or above the threshold,
``mentioned`` when only a recommendation, problem, cause or restated requirement does, and ``no evidence`` otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.gap.requirements import Requirement
from pipeline.segment import content_words

WEIGHTS = {"lexical": 0.5, "terms": 0.3, "codes": 0.2}
DEFAULT_THRESHOLD = 0.3
EVIDENCE_ROLES = frozenset({"practice"})
MENTION_ROLES = frozenset({"recommendation", "problem", "cause", "requirement"})  # a unit restating a norm mentions it
TOP_EVIDENCE = 3


@dataclass(frozen=True)
class UnitPassage:
    """A passage of a unit's documents with its tagging."""

    passage_id: str
    doc_id: str
    text: str
    role: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """Status of one requirement for one unit, with its best evidence."""

    unit: str
    requirement_id: str
    status: str
    score: float
    evidence: tuple[tuple[str, float, str], ...]  # (passage_id, score, role), best first


class Matcher:
    """Scores requirement–passage pairs; fit on the texts of the whole analysis."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, weights: dict[str, float] | None = None) -> None:
        self.threshold = threshold
        self.weights = weights or WEIGHTS
        self.vectorizer = TfidfVectorizer(tokenizer=content_words, token_pattern=None, lowercase=False,
                                          sublinear_tf=True)

    def fit(self, texts: Sequence[str]) -> Matcher:
        self.vectorizer.fit(list(texts))
        return self

    def score_matrix(self, requirements: Sequence[Requirement], passages: Sequence[UnitPassage]) -> np.ndarray:
        """Scores of every (requirement, passage) pair, shape (n_requirements, n_passages)."""
        if not requirements or not passages:
            return np.zeros((len(requirements), len(passages)))
        left = self.vectorizer.transform([r.text for r in requirements])
        right = self.vectorizer.transform([p.text for p in passages])
        lexical = (left @ right.T).toarray()
        terms = np.array([
            [sum(term in p.text for term in r.key_terms) / len(r.key_terms) if r.key_terms else 0.0
             for p in passages]
            for r in requirements
        ])
        codes = np.array([[_measure_jaccard(r.codes, p.codes) for p in passages] for r in requirements])
        return (self.weights["lexical"] * lexical + self.weights["terms"] * terms
                + self.weights["codes"] * codes)

    def match_unit(self, unit: str, requirements: Sequence[Requirement],
                   passages: Sequence[UnitPassage]) -> list[Match]:
        """The status of every requirement for one unit."""
        scores = self.score_matrix(requirements, passages)
        matches = []
        for row, requirement in zip(scores, requirements, strict=True):
            order = np.argsort(row)[::-1]
            best = [(passages[i].passage_id, round(float(row[i]), 4), passages[i].role)
                    for i in order[:TOP_EVIDENCE] if row[i] > 0]
            above = [i for i in order if row[i] >= self.threshold]
            if any(passages[i].role in EVIDENCE_ROLES for i in above):
                status = "evidenced"
                best = [(passages[i].passage_id, round(float(row[i]), 4), passages[i].role)
                        for i in above if passages[i].role in EVIDENCE_ROLES][:TOP_EVIDENCE]
            elif any(passages[i].role in MENTION_ROLES for i in above):
                status = "mentioned"
            else:
                status = "no evidence"
            matches.append(Match(unit, requirement.requirement_id, status,
                                 round(float(row[order[0]]), 4) if len(order) else 0.0, tuple(best)))
        return matches


def _measure_jaccard(left: Sequence[str], right: Sequence[str]) -> float:
    a = {code for code in left if code.startswith("M")}
    b = {code for code in right if code.startswith("M")}
    return len(a & b) / len(a | b) if a | b else 0.0


def best_threshold(scores: Sequence[float], labels: Sequence[bool], *,
                   grid: Sequence[float] = tuple(np.round(np.arange(0.1, 0.71, 0.02), 2))) -> float:
    """The threshold maximising F1 of ``score >= threshold`` against ``labels``."""
    scores_array, labels_array = np.asarray(scores), np.asarray(labels, dtype=bool)
    best, best_f1 = DEFAULT_THRESHOLD, -1.0
    for threshold in grid:
        predicted = scores_array >= threshold
        tp = float(np.sum(predicted & labels_array))
        fp = float(np.sum(predicted & ~labels_array))
        fn = float(np.sum(~predicted & labels_array))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(threshold), f1
    return best
