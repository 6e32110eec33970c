"""The analysis as tables: Parquet files under ``DIR/tables`` and the DuckDB store ``DIR/lzp.duckdb``
(see :mod:`pipeline.reports.store`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from pipeline.corpus import PASSAGE_COLUMNS, documents_frame, manifest_frame, sections_frame
from pipeline.gap.analysis import Analysis, unit_of
from pipeline.records import Passage
from pipeline.reports.store import write_store
from pipeline.storage import write_csv_atomic, write_parquet_atomic, write_parquet_parts_atomic

T = TypeVar("T")

# Rows per part of a table as it is written: each part is built as a frame, turned into Arrow and let
# go before the next (documents carry their whole text, so fewer of them make a part).
TABLE_PART_ROWS = 20_000
DOCUMENT_PART_ROWS = 50


def analysis_frames(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """Every table of the analysis as a DataFrame."""
    return dict(table_frames(analysis))


def table_frames(analysis: Analysis) -> Iterator[tuple[str, pd.DataFrame]]:
    """The tables of the analysis one at a time, in :data:`pipeline.reports.store.TABLE_NAMES` order, each a whole frame."""
    for name, parts in table_parts(analysis, part_rows=None):
        yield name, next(parts)


def table_parts(analysis: Analysis, *, part_rows: int | None = TABLE_PART_ROWS,
                document_rows: int | None = DOCUMENT_PART_ROWS) -> Iterator[tuple[str, Iterator[pd.DataFrame]]]:
    """The tables of the analysis one at a time, in :data:`pipeline.reports.store.TABLE_NAMES` order, each as frames of at most
    ``part_rows`` rows (``document_rows`` for documents; ``None``: the whole table in one frame), built
    when asked for: a writer holds one part at a time. Every table has at least one part (an empty
    frame with its columns when it has no row)."""
    doc_units = {d.doc_id: unit_of(d) for d in analysis.corpus.documents}
    document_rows = document_rows if part_rows is not None else None
    yield "documents", _documents_parts(analysis, doc_units, document_rows)
    yield "passages", (_passages_frame(part) for part in _parts(analysis.corpus.passages, part_rows))
    yield "sections", (sections_frame(part) for part in _parts(analysis.corpus.documents, document_rows))
    yield "tags", _tags_parts(analysis, part_rows)
    yield "tag_codes", _tag_codes_parts(analysis, part_rows)
    yield "requirements", (_columns_frame(
        ["requirement_id", "doc_id", "passage_id", "section_path", "section_title", "start", "end",
         "text", "codes", "key_terms", "actor", "instrument", "instrument_families"],
        [(r.requirement_id, r.doc_id, r.passage_id, r.section_path, r.section_title, r.start, r.end, r.text,
          list(r.codes), list(r.key_terms), r.actor, r.instrument, list(r.instrument_families))
         for r in part]) for part in _parts(analysis.requirements, part_rows))
    yield "matches", (matches_frame(part) for part in _parts(analysis.matches, part_rows))
    yield "figures", _figures_parts(analysis, doc_units, part_rows)
    yield "initiatives", _initiatives_parts(analysis, part_rows)
    yield "units", (_columns_frame(
        ["unit", "doc_ids", "n_documents"], [(unit, doc_ids, len(doc_ids)) for unit, doc_ids in part])
        for part in _parts(list(analysis.units.items()), part_rows))
    codebook = analysis.codebook
    yield "codebook", iter([_columns_frame(
        ["code", "group", "name", "definition", "recommended_measures", "group_name", "group_kind",
         "colour", "group_colour"],
        [(code, entry.group, entry.name, entry.definition, list(codebook.mapping.get(code, ())),
          codebook.groups[entry.group].name, codebook.groups[entry.group].kind, codebook.colour(code),
          codebook.groups[entry.group].colour)
         for code, entry in codebook.codes.items()])])
    yield "manifest", iter([manifest_frame(analysis.corpus.manifest)])


def _parts(rows: Sequence[T], size: int | None) -> Iterator[Sequence[T]]:
    """``rows`` in slices of ``size`` (``None``: all at once); at least one, possibly empty."""
    if size is None or len(rows) <= size:
        yield rows
        return
    for begin in range(0, len(rows), size):
        yield rows[begin:begin + size]


def _chunks(rows: Iterable[T], size: int | None) -> Iterator[list[T]]:
    """The rows of an iterable in lists of ``size`` (``None``: all at once), taken as each list is asked
    for; at least one, possibly empty. The same parts as :func:`_parts` of the rows as a list, without
    the list."""
    rows = iter(rows)
    chunk = list(rows if size is None else islice(rows, size))
    yield chunk
    while size is not None and len(chunk) == size:
        chunk = list(islice(rows, size))
        if not chunk:
            return
        yield chunk


def _documents_parts(analysis: Analysis, doc_units: dict[str, str], size: int | None) -> Iterator[pd.DataFrame]:
    policies = set(analysis.policy_doc_ids)
    for part in _parts(analysis.corpus.documents, size):
        documents = documents_frame(part)
        documents["unit"] = [doc_units[d.doc_id] for d in part]
        documents.loc[documents.doc_id.isin(policies), "kind"] = "policy"
        yield documents


def _tags_parts(analysis: Analysis, size: int | None) -> Iterator[pd.DataFrame]:
    passage_docs = {p.passage_id: p.doc_id for p in analysis.corpus.passages}
    for part in _chunks(analysis.tags.items(), size):
        yield _frame({
            "passage_id": [pid for pid, _ in part],
            "doc_id": [passage_docs[pid] for pid, _ in part],
            "role": [r.role for _, r in part],
            "codes": [list(r.codes) for _, r in part],
            "role_score": [r.role_score for _, r in part],
            "scores": [json.dumps(r.scores, ensure_ascii=False) for _, r in part],
            "evidence": [json.dumps(r.evidence, ensure_ascii=False) for _, r in part],
        }, ["passage_id", "doc_id", "role", "codes", "role_score", "scores", "evidence"])


def _tag_codes_parts(analysis: Analysis, size: int | None) -> Iterator[pd.DataFrame]:
    pairs = ((pid, code) for pid, r in analysis.tags.items() for code in r.codes)
    tags = analysis.tags
    for part in _chunks(pairs, size):
        yield _columns_frame(["passage_id", "code", "score"],
                             [(pid, code, float(tags[pid].scores.get(code, 1.0))) for pid, code in part])


def _figures_parts(analysis: Analysis, doc_units: dict[str, str], size: int | None) -> Iterator[pd.DataFrame]:
    for part in _chunks(enumerate(analysis.figures), size):
        yield _columns_frame(
            ["figure_id", "passage_id", "doc_id", "unit", "start", "end", "surface", "value", "unit_of_measure",
             "kind", "population", "statement", "source", "year", "approx", "anonymised"],
            [(f"{f.passage_id}#{index}", f.passage_id, f.doc_id, doc_units.get(f.doc_id, ""), f.start, f.end,
              f.surface, f.value, f.unit_of_measure, f.kind, f.population, f.statement, f.source, f.year, f.approx,
              f.anonymised)
             for index, f in part]).astype({"value": "float64"})


def _initiatives_parts(analysis: Analysis, size: int | None) -> Iterator[pd.DataFrame]:
    wanted = {pid for _, pid, _ in analysis.initiatives}
    passage_text = {p.passage_id: p.text for p in analysis.corpus.passages if p.passage_id in wanted}
    tags = analysis.tags
    for part in _parts(analysis.initiatives, size):
        yield _columns_frame(
            ["unit", "passage_id", "best_requirement_score", "text", "codes"],
            [(unit, pid, score, passage_text[pid], list(tags[pid].codes)) for unit, pid, score in part])


def _columns_frame(columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> pd.DataFrame:
    """A frame of row tuples given in the order of ``columns``, built column by column (the same frame
    as one built from a dict per row, without the dicts)."""
    return _frame({column: [row[index] for row in rows] for index, column in enumerate(columns)}, columns)


def _frame(data: dict[str, list[Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A frame of column lists; without rows every column is an object column, as in a frame built
    from no rows (an empty list alone would make it float)."""
    if not any(data.values()):
        return pd.DataFrame([], columns=list(columns))
    return pd.DataFrame(data, columns=list(columns))


def _passages_frame(passages: Sequence[Passage]) -> pd.DataFrame:
    """:func:`pipeline.corpus.passages_frame`, built column by column instead of a dict per passage."""
    frame = _frame({column: [getattr(p, column) for p in passages] for column in PASSAGE_COLUMNS}, PASSAGE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "page": "Int64", "paragraph": "Int64",
                         "is_heading": bool})


MATCH_COLUMNS = ("unit", "requirement_id", "status", "score", "evidence_passage_ids", "evidence_scores",
                 "evidence_roles", "confidence", "needs_review")


def matches_frame(matches: Sequence[Any]) -> pd.DataFrame:
    """The matches table with each verdict's ``confidence`` (calibrated probability that the status is
    right) and ``needs_review`` flag; built column by column (a corpus of many units has a row per unit
    and requirement)."""
    return _frame({
        "unit": [m.unit for m in matches],
        "requirement_id": [m.requirement_id for m in matches],
        "status": [m.status for m in matches],
        "score": [m.score for m in matches],
        "evidence_passage_ids": [[e[0] for e in m.evidence] for m in matches],
        "evidence_scores": [[e[1] for e in m.evidence] for m in matches],
        "evidence_roles": [[e[2] for e in m.evidence] for m in matches],
        "confidence": [m.probability for m in matches],
        "needs_review": [m.needs_review for m in matches],
    }, MATCH_COLUMNS)


def write_tables(analysis: Analysis, out_dir: Path, *, store: bool = True) -> dict[str, Path]:
    """Write ``out_dir/tables/*.parquet``, ``out_dir/tables/manifest.csv`` and (with ``store``)
    ``out_dir/lzp.duckdb``.

    Each table is built in parts (:func:`table_parts`) and written before the next is built; the DuckDB
    store then loads the Parquet files (:func:`write_store`, which another process may run instead).
    """
    tables_dir = out_dir / "tables"
    written: dict[str, Path] = {}
    for name, parts in table_parts(analysis):
        if name == "manifest":
            frame = next(parts)
            written[name] = write_parquet_atomic(frame, tables_dir / f"{name}.parquet")
            written["manifest.csv"] = write_csv_atomic(frame, tables_dir / "manifest.csv")
        else:
            written[name] = write_parquet_parts_atomic(parts, tables_dir / f"{name}.parquet")
    if store:
        written.update(write_store(out_dir))
    return written
