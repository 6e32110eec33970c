"""The gap analysis of a corpus: tag → requirements → units → matches → coverage, disconnects, figures.

Input is an ingested :class:`~pipeline.corpus.Corpus` whose policy document(s) have ``kind ==
"policy"`` (or are named), a tagger and the matching threshold. Duplicates (``duplicate_of``) are
left out of every count. The corpus is not changed: where a named policy was marked as a copy, the
analysis holds a re-marked copy of the document list.

Tagging, matching and figures are tasks over batches (of whole documents, of units) that an
:mod:`~pipeline.engine` runs here, in local worker processes or on Dask; this module forms the
batches and puts the results back together in corpus order.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.corpus import Corpus, mark_duplicates
from pipeline.engine import Engine, batched, open_engine
from pipeline.errors import UsageError
from pipeline.gap.figures import Figure, extract_from_passages
from pipeline.gap.matching import (
    DEFAULT_CALIBRATION,
    DEFAULT_THRESHOLD,
    Calibration,
    Match,
    Matcher,
    UnitPassage,
    document_frequencies,
)
from pipeline.gap.requirements import Requirement, extract_requirements, requirements_error
from pipeline.records import Document
from pipeline.tagging.cache import TagCache
from pipeline.tagging.codebook import Codebook
from pipeline.tagging.tagger import BATCH_PASSAGES, Tagger, TagResult

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
    scheduler: str | None = None,
    tag_cache: TagCache | None = None,
) -> Analysis:
    """Run the gap analysis on an ingested corpus with ``tagger`` (combined when it has a model).

    Tagging (a task per batch of whole documents), matching (a task per group of units) and figures
    run on the engine ``scheduler`` names (see :func:`pipeline.engine.open_engine`): without one, in
    this process, or in one worker process per core from :data:`LOCAL_POOL_MIN_PASSAGES` passages on.
    The results are the same, in the same order, wherever they ran. With ``tag_cache`` the documents
    it holds are not tagged again (looked up and stored in this process).
    """
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
    workers = (os.cpu_count() or 1) if sum(len(d.passages) for d in documents) >= LOCAL_POOL_MIN_PASSAGES else 1
    _stage(on_stage, "tag")
    with open_engine(scheduler, workers=workers) as engine:
        log.info("tagging and matching on %s", engine.name)
        _tag(analysis, documents, tagger=tagger, mode=mode, engine=engine, tag_cache=tag_cache)
        _stage(on_stage, "requirements")
        _extract_requirements(analysis, policies, tagger=tagger)
        for document in documents:
            if document.doc_id not in policy_ids:
                analysis.units.setdefault(unit_of(document), []).append(document.doc_id)
        _stage(on_stage, "match")
        _match(analysis, documents, calibration=calibration, measures=tagger.codebook.measure_codes, engine=engine)
        _stage(on_stage, "figures")
        _figures(analysis, [d for d in documents if d.doc_id not in policy_ids], engine=engine)
    return analysis


# Below this many passages tagging and matching stay in this process when no scheduler is given
# (starting worker processes, each loading the tagger and the segmenter, costs more than it saves).
LOCAL_POOL_MIN_PASSAGES = 20_000
# Units are matched in groups of about this many passages (a task each).
MATCH_BATCH_PASSAGES = 2_048
# The matcher's document frequencies are counted over batches of this many texts (a task each).
FIT_BATCH_TEXTS = 16_384


def _tag(analysis: Analysis, documents: Sequence[Document], *, tagger: Tagger, mode: str, engine: Engine,
         tag_cache: TagCache | None) -> None:
    """Tags of every passage, one task per batch of whole documents (only the documents ``tag_cache``
    does not hold, when there is one)."""

    def tag(texts: list[Sequence[str]]) -> list[list[TagResult]]:
        batches = batched(texts, BATCH_PASSAGES, weight=len)
        return [results for batch in engine.map(_tag_batch, (tagger, mode), batches) for results in batch]

    texts: list[Sequence[str]] = [[p.text for p in d.passages] for d in documents]
    tagged = tag(texts) if tag_cache is None else tag_cache.tag_documents(tag, texts, mode=mode, normalized=True)
    for document, passages in zip(documents, tagged, strict=True):
        analysis.tags.update({p.passage_id: r for p, r in zip(document.passages, passages, strict=True)})


def _tag_batch(shared: tuple[Tagger, str], documents: list[Sequence[str]]) -> list[list[TagResult]]:
    tagger, mode = shared
    return tagger.tag_documents(documents, mode=mode, normalized=True)


def _extract_requirements(analysis: Analysis, policies: Sequence[Document], *, tagger: Tagger) -> None:
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


@dataclass(frozen=True)
class UnitResult:
    """What matching found for one unit: a verdict per requirement, and the unit's practice passages
    that no requirement covers (its own initiatives) with their best score."""

    matches: list[Match]
    initiatives: list[tuple[str, str, float]]


def _match(analysis: Analysis, documents: Sequence[Document], *, calibration: Calibration,
           measures: Sequence[str], engine: Engine) -> None:
    """Every unit against every requirement: the matcher is fitted on all texts (their document
    frequencies counted a batch per task and added up here), then each group of units is one task."""
    texts = [p.text for d in documents for p in d.passages] + [r.text for r in analysis.requirements]
    frequencies: Counter[str] = Counter()
    for counted in engine.map(_document_frequencies, None, batched(texts, FIT_BATCH_TEXTS, weight=_one)):
        frequencies.update(counted)
    matcher = Matcher(calibration=calibration, measures=measures).fit_frequencies(frequencies, len(texts))
    del texts, frequencies
    by_id = {d.doc_id: d for d in documents}

    def size(unit: tuple[str, list[str]]) -> int:
        return sum(len(by_id[doc_id].passages) for doc_id in unit[1])

    def tasks() -> Iterator[list[tuple[str, list[UnitPassage]]]]:
        # Each group's passages are gathered when the engine takes the group, not all groups at once.
        for group in batched(list(analysis.units.items()), MATCH_BATCH_PASSAGES, weight=size):
            yield [(unit, [UnitPassage(p.passage_id, p.doc_id, p.text, analysis.tags[p.passage_id].role,
                                       tuple(analysis.tags[p.passage_id].codes), p.is_heading)
                           for doc_id in doc_ids for p in by_id[doc_id].passages])
                   for unit, doc_ids in group]

    for results in engine.map(_match_units, (matcher, analysis.requirements), tasks()):
        for result in results:
            analysis.matches.extend(result.matches)
            analysis.initiatives.extend(result.initiatives)


def _document_frequencies(_: None, texts: list[str]) -> Counter[str]:
    return document_frequencies(texts)


def _one(_: object) -> int:
    return 1


def _match_units(shared: tuple[Matcher, list[Requirement]],
                 units: list[tuple[str, list[UnitPassage]]]) -> list[UnitResult]:
    matcher, requirements = shared
    return [unit_result(matcher, requirements, unit, passages) for unit, passages in units]


def unit_result(matcher: Matcher, requirements: Sequence[Requirement], unit: str,
                passages: Sequence[UnitPassage]) -> UnitResult:
    """The verdicts and the initiatives of one unit."""
    scores = matcher.probabilities(requirements, passages)  # every pair scored once
    matches = matcher.match_unit(unit, requirements, passages, scores=scores)
    practice = [index for index, p in enumerate(passages) if p.role == "practice"]
    initiatives: list[tuple[str, str, float]] = []
    if practice and requirements:
        best = scores[0][:, practice].max(axis=0)
        initiatives = [(unit, passages[index].passage_id, round(float(score), 4))
                       for index, score in zip(practice, best, strict=True) if score < matcher.threshold]
    return UnitResult(matches, initiatives)


def _figures(analysis: Analysis, documents: Sequence[Document], *, engine: Engine) -> None:
    """Figures of the units' documents, one task per batch of whole documents (a figure's context
    lies in its own document). Figures are measured facts about units: a yardstick's numbers are
    norms and targets, and so are the requirements a unit's document restates."""
    def tasks() -> Iterator[list[tuple[str, str, str]]]:
        # Each batch's passages are gathered when the engine takes the batch.
        for batch in batched(documents, BATCH_PASSAGES, weight=_passage_count):
            yield [(p.passage_id, d.doc_id, p.text) for d in batch for p in d.passages
                   if analysis.tags[p.passage_id].role != "requirement"]

    analysis.figures = [figure for found in engine.map(_figures_of, None, tasks()) for figure in found]


def _figures_of(_: None, passages: list[tuple[str, str, str]]) -> list[Figure]:
    return extract_from_passages(passages)


def _passage_count(document: Document) -> int:
    return len(document.passages)


def _stage(callback: Callable[[str], None] | None, name: str) -> None:
    if callback is not None:
        callback(name)
