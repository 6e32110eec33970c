"""Matching a unit's passages to the yardstick's requirements.

A passage can only evidence a requirement when it names the requirement's **instrument**: a term of
one of the requirement's instrument families (``corpora/lexicon/instruments.yaml``), or, for an
obligation naming no family, at least half of its key terms. Sharing a topic word (纪委书记, 党务干部)
is not enough. Among the passages that name the instrument, a calibrated probability that the passage
speaks of the requirement's obligation comes from a logistic model over five signals, each in [0, 1]:

* ``instrument``: the passage names the instrument (the gate above);
* ``instrument_terms``: how many distinct instrument terms it names (three or more count as 1);
* ``lexical``: cosine of TF-IDF vectors over jieba content words (fitted on the corpus);
* ``terms``: share of the requirement's key terms found in the passage;
* ``codes``: Jaccard overlap of their measure codes (M1–M6).

The model's weights and the decision threshold are fitted on the labelled pairs of
``corpora/annotations/matches.jsonl`` (``lzp evaluate`` / calibration) and saved in
``models/matching.json``; defaults below are used until then.

Status of a requirement for a unit: ``evidenced`` when a practice passage (not a heading) reaches the
threshold; otherwise ``mentioned`` when a recommendation or problem passage (not a heading, not a bare
slogan line such as 二要强化政治引领) does; otherwise ``no evidence``. Every verdict carries a calibrated
probability and a ``needs_review`` flag (probability near the threshold or below 0.7, or evidence resting
on one short passage).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.gap.requirements import (
    ACCOUNT,
    GENERIC_TERMS,
    InstrumentFamily,
    Lexicon,
    Requirement,
    load_lexicon,
)
from pipeline.records import rounded
from pipeline.segment import content_words

FEATURES = ("instrument", "instrument_terms", "lexical", "terms", "codes")
DEFAULT_WEIGHTS = {"instrument": 3.0, "instrument_terms": 1.5, "lexical": 4.0, "terms": 1.0, "codes": 0.5}
DEFAULT_INTERCEPT = -4.5
DEFAULT_THRESHOLD = 0.5
EVIDENCE_ROLES = frozenset({"practice"})
MENTION_ROLES = frozenset({"recommendation", "problem", "cause", "requirement"})
TOP_EVIDENCE = 3
REVIEW_MARGIN = 0.15  # a verdict whose best probability lies this close to the threshold needs review
REVIEW_CONFIDENCE = 0.7  # … and so does a verdict whose calibrated probability is below this
SHORT_PASSAGE = 40  # evidence resting on one passage shorter than this (characters) needs review
# A line that only announces a point (一要提高政治站位。二是强化政治引领; a short numbered heading) carries
# no evidence of its own; a heading that states a whole obligation or practice (（一）要认真履行…) does.
_POINT_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+[要是、]|第[一二三四五六七八九十]+[，,、]?|[（(][一二三四五六七八九十\d]+[）)]|"
                           r"\d{1,2}[.．、])")
BARE_HEADING_MAX = 16  # characters of a point's own words, marker and final punctuation left out

_NORMATIVE = re.compile(r"(?<![重主需必只纲概摘])要(?!求|点|素|害|闻|件|务)|应当|必须|应(?!用|急|对)|需(?:要)|建议|务必|下一步|今后")


@dataclass(frozen=True, slots=True)
class UnitPassage:
    """A passage of a unit's documents with its tagging."""

    passage_id: str
    doc_id: str
    text: str
    role: str
    codes: tuple[str, ...]
    is_heading: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """Status of one requirement for one unit, with its best evidence and the verdict's confidence."""

    unit: str
    requirement_id: str
    status: str
    score: float  # calibrated probability of the best passage naming the instrument
    evidence: tuple[tuple[str, float, str], ...]  # (passage_id, probability, role), best first
    probability: float = 0.0  # calibrated probability that the status is right (evidenced or not)
    needs_review: bool = False


@dataclass(frozen=True)
class Calibration:
    """Logistic weights over :data:`FEATURES` and the decision threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        """Probabilities of feature rows ``(..., len(FEATURES))``."""
        w = np.array([self.weights[name] for name in FEATURES])
        return 1.0 / (1.0 + np.exp(-(features @ w + self.intercept)))

    def to_json(self) -> str:
        return json.dumps({"threshold": self.threshold, "intercept": round(self.intercept, 6),
                           "weights": {k: round(v, 6) for k, v in self.weights.items()}}, indent=2) + "\n"


DEFAULT_CALIBRATION = Calibration(dict(DEFAULT_WEIGHTS), DEFAULT_INTERCEPT, DEFAULT_THRESHOLD)


def load_calibration(path: Path) -> Calibration:
    """The saved calibration, or the defaults when none was saved (or an old file holds only a threshold)."""
    if not path.exists():
        return DEFAULT_CALIBRATION
    data = json.loads(path.read_text(encoding="utf-8"))
    if "weights" not in data:
        return DEFAULT_CALIBRATION
    return Calibration({name: float(data["weights"].get(name, 0.0)) for name in FEATURES},
                       float(data["intercept"]), float(data["threshold"]))


def fit_calibration(features: np.ndarray, related: Sequence[bool], evidence: Sequence[bool],
                    evidence_possible: Sequence[bool]) -> Calibration:
    """Fit the logistic model on pairs labelled related (the passage names the obligation), then choose
    the threshold that maximises evidence F1 among pairs where evidence is possible (practice role,
    instrument named)."""
    from sklearn.linear_model import LogisticRegression

    labels = np.asarray(related, dtype=bool)
    if labels.all() or not labels.any():
        return DEFAULT_CALIBRATION
    model = LogisticRegression(C=1.0, class_weight=None, max_iter=1000)
    model.fit(features, labels)
    weights = {name: float(value) for name, value in zip(FEATURES, model.coef_[0], strict=True)}
    calibration = Calibration(weights, float(model.intercept_[0]), DEFAULT_THRESHOLD)
    probabilities = calibration.probability(features)
    possible = np.asarray(evidence_possible, dtype=bool)
    threshold = best_threshold(probabilities[possible], np.asarray(evidence, dtype=bool)[possible])
    return Calibration(weights, calibration.intercept, threshold)


def effective_role(passage: UnitPassage) -> str:
    """The tagged role, except that a recommendation or other passage written as an account of what was
    done (近年来…, 取得了…, counts) and carrying no modal is read as practice."""
    if passage.role in {"recommendation", "other"} and ACCOUNT.search(passage.text) \
            and not _NORMATIVE.search(passage.text):
        return "practice"
    return passage.role


def is_bare_heading(passage: UnitPassage) -> bool:
    """A heading or numbered point too short to state an obligation or a practice of its own."""
    text = passage.text.strip()
    marker = _POINT_MARKER.match(text)
    if not (passage.is_heading or marker):
        return False
    body = text[marker.end():] if marker else text
    return len(body.rstrip("。；;：:！")) <= BARE_HEADING_MAX


def pair_kind(probability: float, passage: UnitPassage, threshold: float) -> str:
    """Three-way verdict of one pair: ``evidence``, ``mention`` or ``none``."""
    if probability < threshold or probability <= 0 or is_bare_heading(passage):
        return "none"
    role = effective_role(passage)
    if role in EVIDENCE_ROLES:
        return "evidence"
    if role in MENTION_ROLES:
        return "mention"
    return "none"


class TermIndex:
    """Which of a fixed set of terms each text contains (``term in text`` for every term), found in one
    Aho–Corasick pass over the text instead of one substring search per term."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms: tuple[str, ...] = tuple(dict.fromkeys(terms))
        self._automaton = ahocorasick.Automaton()
        for term in self.terms:
            if term:
                self._automaton.add_word(term, term)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()
        self._always = frozenset(term for term in self.terms if not term)  # "" is in every text

    def found(self, text: str) -> frozenset[str]:
        """The terms found in ``text``."""
        if self._empty:
            return self._always
        return frozenset(term for _, term in self._automaton.iter(text)) | self._always


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(tokenizer=content_words, token_pattern=None, lowercase=False, sublinear_tf=True)


def document_frequencies(texts: Sequence[str]) -> Counter[str]:
    """In how many of ``texts`` each term occurs, as the matcher's vectorizer reads them; the counts of
    batches of texts add up to those of all of them (see :meth:`Matcher.fit_frequencies`)."""
    analyse = _vectorizer().build_analyzer()
    frequencies: Counter[str] = Counter()
    for text in texts:
        frequencies.update(set(analyse(text)))
    return frequencies


class Matcher:
    """Scores requirement–passage pairs; fit on the texts of the whole analysis."""

    def __init__(self, *, threshold: float | None = None, calibration: Calibration | None = None,
                 lexicon: Lexicon | None = None, measures: Sequence[str] | None = None) -> None:
        self.calibration = calibration or DEFAULT_CALIBRATION
        self.measures = frozenset(measures) if measures is not None else None
        if threshold is not None:
            self.calibration = Calibration(self.calibration.weights, self.calibration.intercept, threshold)
        self.threshold = self.calibration.threshold
        self.lexicon = lexicon or load_lexicon()
        self.vectorizer = _vectorizer()
        self._words: dict[str, tuple[str, ...]] = {}
        self._requirement_vectors: tuple[tuple[str, ...], Any] | None = None  # the last requirements' texts
        self._term_index: tuple[tuple[str, ...], TermIndex] | None = None  # the last requirements' terms

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_term_index"] = None  # rebuilt where it is used (a few milliseconds)
        return state

    def fit(self, texts: Sequence[str]) -> Matcher:
        self.vectorizer.fit(list(texts))
        self._requirement_vectors = None
        return self

    def fit_frequencies(self, frequencies: Mapping[str, int], n_texts: int) -> Matcher:
        """The fit of :meth:`fit` from the document frequencies of the texts (:func:`document_frequencies`,
        which may be counted batch by batch and added up): the same vocabulary and weights, without
        holding a term matrix of every text."""
        if not frequencies:
            return self.fit([])  # the vectorizer's own error: an empty vocabulary
        terms = sorted(frequencies)
        df = np.array([frequencies[term] for term in terms], dtype=np.float64)
        # As TfidfTransformer.fit with smooth_idf: idf = ln((1 + n) / (1 + df)) + 1.
        df += 1.0
        idf = np.full_like(df, fill_value=n_texts + 1, dtype=np.float64)
        idf /= df
        np.log(idf, out=idf)
        idf += 1.0
        vectorizer = _vectorizer()
        vectorizer._validate_vocabulary()
        vectorizer.vocabulary_ = {term: index for index, term in enumerate(terms)}
        vectorizer.idf_ = idf
        vectorizer._tfidf.n_features_in_ = len(terms)
        self.vectorizer = vectorizer
        self._requirement_vectors = None
        return self

    def instrument_hits(self, requirement: Requirement, text: str) -> tuple[str, ...]:
        """The terms of the requirement's instrument (its main family) named in ``text``."""
        if requirement.instrument_families:
            family = self.lexicon.family(requirement.instrument_families[0])
            return family.hits(text) if family is not None else ()
        terms = requirement.key_terms or self._instrument_words(requirement)
        found = tuple(term for term in terms if term in text)
        return found if terms and len(found) * 2 >= len(terms) else ()

    def _instrument_words(self, requirement: Requirement) -> tuple[str, ...]:
        """Content words (two characters or more, not generic) of an instrument named by no family."""
        key = requirement.instrument
        if key not in self._words:
            self._words[key] = tuple(dict.fromkeys(
                word for word in content_words(key) if len(word) >= 2 and word not in GENERIC_TERMS
            ))
        return self._words[key]

    def _vectors_of(self, texts: tuple[str, ...]) -> Any:
        """TF-IDF vectors of the requirements' texts, kept for the next call: every unit is matched
        against the same requirements."""
        if self._requirement_vectors is None or self._requirement_vectors[0] != texts:
            self._requirement_vectors = (texts, self.vectorizer.transform(list(texts)))
        return self._requirement_vectors[1]

    def features(self, requirements: Sequence[Requirement], passages: Sequence[UnitPassage]) -> np.ndarray:
        """Feature tensor of every (requirement, passage) pair, shape (n_requirements, n_passages, 5)."""
        out = np.zeros((len(requirements), len(passages), len(FEATURES)))
        if not requirements or not passages:
            return out
        left = self._vectors_of(tuple(r.text for r in requirements))
        right = self.vectorizer.transform([p.text for p in passages])
        out[:, :, 2] = (left @ right.T).toarray()
        texts = [p.text for p in passages]
        # Which of all the requirements' terms each passage contains: the requirements' key terms, the
        # own terms of those named by no family and the parts of their families' terms, found in one pass.
        own_terms = {i: r.key_terms or self._instrument_words(r) for i, r in enumerate(requirements)
                     if not r.instrument_families}
        families = {family_id: self.lexicon.family(family_id)
                    for family_id in dict.fromkeys(r.instrument_families[0] for r in requirements
                                                   if r.instrument_families)}
        vocabulary = list(dict.fromkeys([*(t for r in requirements for t in r.key_terms),
                                         *(t for terms in own_terms.values() for t in terms)]))
        index = {term: k for k, term in enumerate(vocabulary)}
        term_index = self._terms_of(vocabulary, [f for f in families.values() if f is not None])
        found_in = [term_index.found(text) for text in texts]
        present = np.zeros((len(vocabulary), len(texts)))
        for column, hits in enumerate(found_in):
            for term in hits:
                row = index.get(term)
                if row is not None:
                    present[row, column] = 1.0
        # Instrument hits: a family's terms once per family (InstrumentFamily.hits); a requirement named
        # by no family, its own terms when at least half of them are there (see instrument_hits).
        family_counts = {family_id: np.array([_family_count(family, hits) for hits in found_in], dtype=float)
                         for family_id, family in families.items()}
        for i, requirement in enumerate(requirements):
            if requirement.instrument_families:
                counts = family_counts[requirement.instrument_families[0]]
            else:
                terms = own_terms[i]
                found = present[[index[term] for term in terms]].sum(axis=0) if terms else np.zeros(len(texts))
                counts = np.where(found * 2 >= len(terms), found, 0.0) if terms else found
            out[i, :, 0] = counts > 0
            out[i, :, 1] = np.minimum(counts, 3) / 3
            if requirement.key_terms:
                out[i, :, 3] = present[[index[term] for term in requirement.key_terms]].sum(axis=0) / len(
                    requirement.key_terms)
        out[:, :, 4] = _measure_agreement(requirements, passages, self.measures)
        return out



    def _terms_of(self, vocabulary: Sequence[str], families: Sequence[InstrumentFamily]) -> TermIndex:
        """The term index of these terms and families' term parts, kept for the next call: every unit is
        matched against the same requirements."""
        key = (*vocabulary, "\x00", *(f.family_id for f in families))
        if self._term_index is None or self._term_index[0] != key:
            parts = [part for family in families for term in family.terms for part in term]
            self._term_index = (key, TermIndex([*vocabulary, *parts]))
        return self._term_index[1]

    def probabilities(self, requirements: Sequence[Requirement],
                      passages: Sequence[UnitPassage]) -> tuple[np.ndarray, np.ndarray]:
        """``(gated, raw)`` calibrated probabilities of every pair, shape (n_requirements, n_passages):
        ``gated`` is 0 where the passage does not name the instrument (what decides a status), ``raw``
        is the model's probability whatever the instrument (what a verdict's confidence rests on)."""
        features = self.features(requirements, passages)
        if features.size == 0:
            empty = np.zeros((len(requirements), len(passages)))
            return empty, empty
        raw = self.calibration.probability(features)
        return raw * features[:, :, 0], raw

    def score_matrix(self, requirements: Sequence[Requirement], passages: Sequence[UnitPassage]) -> np.ndarray:
        """Calibrated probabilities of every pair, 0 where the passage does not name the instrument;
        shape (n_requirements, n_passages)."""
        return self.probabilities(requirements, passages)[0]

    def match_unit(self, unit: str, requirements: Sequence[Requirement], passages: Sequence[UnitPassage], *,
                   scores: tuple[np.ndarray, np.ndarray] | None = None) -> list[Match]:
        """The status of every requirement for one unit (``scores``: its :meth:`probabilities`, when
        the caller has them already)."""
        gated, raw = scores if scores is not None else self.probabilities(requirements, passages)
        # What each passage could be for any requirement it names: evidence (practice, not a bare heading),
        # a mention, or nothing (see pair_kind); the same for every requirement.
        kinds = np.array([pair_kind(1.0, p, 0.0) for p in passages], dtype=object)
        practice_mask = kinds == "evidence"  # practice that is not a bare heading
        return [self._verdict(unit, requirement.requirement_id, row, raw_row, passages, practice_mask, kinds)
                for row, raw_row, requirement in zip(gated, raw, requirements, strict=True)]

    def _verdict(self, unit: str, requirement_id: str, row: np.ndarray, raw_row: np.ndarray,
                 passages: Sequence[UnitPassage], practice_mask: np.ndarray, kinds: np.ndarray) -> Match:
        ranked = np.argsort(row)[::-1]
        ranked = ranked[row[ranked] > 0]
        order = ranked.tolist()
        counts = ranked[row[ranked] >= self.threshold]  # a pair below the threshold is none (pair_kind)
        evidence = counts[kinds[counts] == "evidence"].tolist()
        mentions = counts[kinds[counts] == "mention"].tolist()
        practice = ranked[practice_mask[ranked]].tolist()
        best_practice = float(row[practice[0]]) if practice else 0.0
        # Confidence that no practice passage evidences the requirement rests on the model's probability
        # for every practice passage, instrument named or not (the gate can miss a wording).
        best_raw = float(raw_row[practice_mask].max()) if practice_mask.any() else 0.0
        if evidence:
            status, chosen = "evidenced", evidence
            probability = best_practice
        elif mentions:
            status, chosen = "mentioned", mentions
            probability = 1.0 - max(best_practice, best_raw)
        else:
            status, chosen = "no evidence", order
            probability = 1.0 - max(best_practice, best_raw)
        near = abs(best_practice - self.threshold) < REVIEW_MARGIN or probability < REVIEW_CONFIDENCE
        if status == "mentioned":
            near = near or abs(float(row[mentions[0]]) - self.threshold) < REVIEW_MARGIN
        thin = status == "evidenced" and len(evidence) == 1 and len(passages[evidence[0]].text) < SHORT_PASSAGE
        best = tuple((passages[i].passage_id, rounded(float(row[i]), 4), effective_role(passages[i]))
                     for i in chosen[:TOP_EVIDENCE])
        return Match(unit, requirement_id, status, rounded(float(row[order[0]]), 4) if order else 0.0, best,
                     probability=rounded(probability, 4), needs_review=bool(near or thin))


def _family_count(family: InstrumentFamily | None, found: frozenset[str]) -> int:
    """How many of the family's terms a text names, given the term parts it contains (``found``)."""
    if family is None:
        return 0
    return sum(all(part in found for part in parts) for parts in family.terms if parts[0] in found)


def _measure_agreement(requirements: Sequence[Requirement], passages: Sequence[UnitPassage],
                       measures: frozenset[str] | None) -> np.ndarray:
    """Jaccard agreement of the measure codes (``measures``: the codebook's measure codes; None: every
    code counts) of every (requirement, passage) pair, shape (n_requirements, n_passages)."""
    def kept(codes: Sequence[str]) -> set[str]:
        return {code for code in codes if measures is None or code in measures}

    left, right = [kept(r.codes) for r in requirements], [kept(p.codes) for p in passages]
    vocabulary = sorted(set().union(*left, *right))
    if not vocabulary:
        return np.zeros((len(requirements), len(passages)))
    a = np.array([[code in codes for code in vocabulary] for codes in left], dtype=float)
    b = np.array([[code in codes for code in vocabulary] for codes in right], dtype=float)
    both = a @ b.T
    either = a.sum(axis=1)[:, None] + b.sum(axis=1)[None, :] - both
    return np.divide(both, either, out=np.zeros_like(both), where=either > 0)


def best_threshold(scores: Sequence[float], labels: Sequence[bool], *,
                   grid: Sequence[float] = tuple(np.round(np.arange(0.1, 0.91, 0.02), 2))) -> float:
    """The threshold maximising F1 of ``score >= threshold`` against ``labels`` (ties: the middle one)."""
    scores_array, labels_array = np.asarray(scores), np.asarray(labels, dtype=bool)
    results = []
    for threshold in grid:
        predicted = scores_array >= threshold
        tp = float(np.sum(predicted & labels_array))
        fp = float(np.sum(predicted & ~labels_array))
        fn = float(np.sum(~predicted & labels_array))
        results.append((2 * tp / (2 * tp + fp + fn) if tp else 0.0, float(threshold)))
    top = max(f1 for f1, _ in results)
    if top <= 0:
        return DEFAULT_THRESHOLD
    tied = [threshold for f1, threshold in results if f1 >= top - 1e-9]
    return tied[len(tied) // 2]

