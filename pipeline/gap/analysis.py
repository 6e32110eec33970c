"""The gap analysis of a corpus: tag → requirements → units → matches → coverage, disconnects, figures.

Input is an ingested :class:`~pipeline.corpus.Corpus` whose policy document(s) have ``kind ==
"policy"`` (or are named), a tagger and the matching threshold. Duplicates (``duplicate_of``) are
left out of every count. The corpus is not changed: where a named policy was marked as a copy, the
analysis holds a re-marked copy of the document list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.corpus import Corpus, mark_duplicates
from pipeline.errors import UsageError
from pipeline.gap.figures import Figure, extract_from_passages
from pipeline.gap.matching import (
    DEFAULT_CALIBRATION,
    DEFAULT_THRESHOLD,
    Calibration,
    Match,
    Matcher,
    UnitPassage,
)
from pipeline.gap.requirements import Requirement, extract_requirements, requirements_error
from pipeline.records import Document
from pipeline.tagging.codebook import Codebook
from pipeline.tagging.tagger import Tagger, TagResult

log = logging.getLogger("lzp")


@dataclass
class Analysis:
    """Everything the reports need."""

    corpus: Corpus
    codebook: Codebook
    tags: dict[str, TagResult] = field(default_factory=dict)  # passage_id → result
    requirements: list[Requirement] = field(default_factory=list)
    units: dict[str, list[str]] = field(default_factory=dict)  # unit → doc_ids
    matches: list[Match] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    initiatives: list[tuple[str, str, float]] = field(default_factory=list)  # unit, passage_id, best score
    threshold: float = DEFAULT_THRESHOLD
    tagger_mode: str = "combined"
    policy_doc_ids: tuple[str, ...] = ()
    # Error-level findings the analyst must see (a yardstick with no requirement, say).
    errors: list[str] = field(default_factory=list)




def unit_of(document: Document) -> str:
    return document.unit or document.issuer or document.title or document.doc_id


def analyze(
    corpus: Corpus,
    *,
    tagger: Tagger,
    policy_paths: tuple[Path, ...] = (),
    tagger_mode: str | None = None,
    calibration: Calibration = DEFAULT_CALIBRATION,
    on_stage: Callable[[str], None] | None = None,
) -> Analysis:
    """Run the gap analysis on an ingested corpus with ``tagger`` (combined when it has a model)."""
    mode = tagger_mode or ("combined" if tagger.code_model is not None else "rules")
    policy_sources = {p.resolve().as_posix() for p in policy_paths}
    policy_ids = frozenset(
        d.doc_id for d in corpus.documents
        if Path(d.source_path).resolve().as_posix() in policy_sources or (not policy_sources and d.kind == "policy")
    )
    if any(d.duplicate_of for d in corpus.documents if d.doc_id in policy_ids):
        corpus = replace(corpus, documents=mark_duplicates(corpus.documents, prefer=policy_ids))
    analysis = Analysis(corpus=corpus, codebook=tagger.codebook, threshold=calibration.threshold, tagger_mode=mode)
    documents = [d for d in corpus.documents if d.duplicate_of is None]
    policies = [d for d in documents if d.doc_id in policy_ids]
    if not policies:
        raise UsageError("no policy document: name one with --policy FILE or mark it kind=policy in manifest.csv")
    analysis.policy_doc_ids = tuple(d.doc_id for d in policies)
    _stage(on_stage, "tag")
    tagged = tagger.tag_documents([[p.text for p in d.passages] for d in documents], mode=mode, normalized=True)
    for document, results in zip(documents, tagged, strict=True):
        analysis.tags.update({p.passage_id: r for p, r in zip(document.passages, results, strict=True)})
    _stage(on_stage, "requirements")
    for policy in policies:
        titles = {s.path_str: s.title for s in policy.sections if s.level == 1}
        label = policy.doc_number or policy.title or policy.doc_id
        items = extract_requirements(
            doc_id=policy.doc_id,
            doc_label=label,
            passages=[(p.passage_id, p.start, p.text, p.section_path, p.is_heading) for p in policy.passages],
            roles=[analysis.tags[p.passage_id].role for p in policy.passages],
            codes=[analysis.tags[p.passage_id].codes for p in policy.passages],
            section_titles=titles,
            codebook=tagger.codebook,
            rule_codes=tagger.rules.codes,
        )
        analysis.requirements.extend(items)
        error = requirements_error(items, label)
        if error:
            analysis.errors.append(error)
    policy_ids = {d.doc_id for d in policies}
    for document in documents:
        if document.doc_id not in policy_ids:
            analysis.units.setdefault(unit_of(document), []).append(document.doc_id)
    _stage(on_stage, "match")
    by_id = {d.doc_id: d for d in documents}
    matcher = Matcher(calibration=calibration, measures=tagger.codebook.measure_codes).fit(
        [p.text for d in documents for p in d.passages] + [r.text for r in analysis.requirements]
    )
    for unit, doc_ids in analysis.units.items():
        passages = [
            UnitPassage(p.passage_id, p.doc_id, p.text, analysis.tags[p.passage_id].role,
                        tuple(analysis.tags[p.passage_id].codes), p.is_heading)
            for doc_id in doc_ids for p in by_id[doc_id].passages
        ]
        scores = matcher.probabilities(analysis.requirements, passages)  # every pair scored once
        analysis.matches.extend(matcher.match_unit(unit, analysis.requirements, passages, scores=scores))
        practice = [index for index, p in enumerate(passages) if p.role == "practice"]
        if practice and analysis.requirements:
            best = scores[0][:, practice].max(axis=0)
            analysis.initiatives.extend(
                (unit, passages[index].passage_id, round(float(score), 4))
                for index, score in zip(practice, best, strict=True) if score < analysis.threshold
            )
    _stage(on_stage, "figures")
    # Figures are measured facts about units: a yardstick's numbers are norms and targets.
    analysis.figures = extract_from_passages(
        [(p.passage_id, d.doc_id, p.text) for d in documents if d.doc_id not in policy_ids for p in d.passages
         if analysis.tags[p.passage_id].role != "requirement"]
    )
    return analysis


def _stage(callback: Callable[[str], None] | None, name: str) -> None:
    if callback is not None:
        callback(name)
