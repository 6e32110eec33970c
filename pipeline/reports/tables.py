"""The analysis as tables: Parquet files under ``DIR/tables`` and the DuckDB store ``DIR/lzp.duckdb``.

The DuckDB file holds the same tables plus the views ``coverage_by_unit_measure`` and
``disconnects_by_unit``; every count in a view comes with the ids of the rows it counts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipeline.corpus import documents_frame, manifest_frame, passages_frame, sections_frame
from pipeline.gap.analysis import Analysis, unit_of
from pipeline.storage import atomic_path, write_csv_atomic, write_parquet_atomic

VIEWS = {
    "coverage_by_unit_measure": """
        WITH requirement_measures AS (
            SELECT requirement_id, UNNEST(codes) AS measure FROM requirements
        )
        SELECT m.unit,
               rm.measure,
               c.name AS measure_name,
               COUNT(*) AS n_requirements,
               COUNT(*) FILTER (WHERE m.status = 'evidenced') AS n_evidenced,
               COUNT(*) FILTER (WHERE m.status = 'mentioned') AS n_mentioned,
               COUNT(*) FILTER (WHERE m.status = 'no evidence') AS n_no_evidence,
               ROUND(COUNT(*) FILTER (WHERE m.status = 'evidenced') / COUNT(*), 3) AS share_evidenced,
               COALESCE(LIST(m.requirement_id ORDER BY m.requirement_id) FILTER (WHERE m.status = 'evidenced'), [])
                   AS evidenced_requirement_ids,
               COALESCE(FLATTEN(LIST(m.evidence_passage_ids) FILTER (WHERE m.status = 'evidenced')), [])
                   AS evidence_passage_ids
        FROM matches m
        JOIN requirement_measures rm USING (requirement_id)
        JOIN codebook c ON c.code = rm.measure
        WHERE c.group_kind = 'measure'
        GROUP BY m.unit, rm.measure, c.name
        ORDER BY m.unit, rm.measure
    """,
    "disconnects_by_unit": """
        WITH unit_passages AS (
            SELECT d.unit, t.passage_id, t.role
            FROM tags t JOIN documents d USING (doc_id)
            WHERE d.duplicate_of IS NULL AND d.kind <> 'policy'
        ),
        totals AS (
            SELECT unit, COUNT(*) FILTER (WHERE role IN ('problem', 'cause')) AS n_problem_or_cause
            FROM unit_passages GROUP BY unit
        )
        SELECT up.unit,
               tc.code AS disconnect,
               c.name AS disconnect_name,
               COUNT(*) AS n_passages,
               COUNT(*) FILTER (WHERE up.role = 'problem') AS n_problem,
               COUNT(*) FILTER (WHERE up.role = 'cause') AS n_cause,
               ROUND(COUNT(*) / t.n_problem_or_cause, 3) AS share_of_problem_passages,
               ROUND(AVG(tc.score), 3) AS mean_strength,
               LIST(up.passage_id ORDER BY tc.score DESC) AS passage_ids,
               c.recommended_measures
        FROM unit_passages up
        JOIN tag_codes tc USING (passage_id)
        JOIN totals t USING (unit)
        JOIN codebook c ON c.code = tc.code
        WHERE up.role IN ('problem', 'cause') AND c.group_kind = 'problem'
        GROUP BY up.unit, tc.code, c.name, t.n_problem_or_cause, c.recommended_measures
        ORDER BY up.unit, tc.code
    """,
}


def analysis_frames(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """Every table of the analysis as a DataFrame."""
    corpus = analysis.corpus
    documents = documents_frame(corpus.documents)
    documents["unit"] = [unit_of(d) for d in corpus.documents]
    documents.loc[documents.doc_id.isin(analysis.policy_doc_ids), "kind"] = "policy"
    passage_docs = {p.passage_id: p.doc_id for p in corpus.passages}
    tags = pd.DataFrame(
        [
            {"passage_id": pid, "doc_id": passage_docs[pid], "role": r.role, "codes": list(r.codes),
             "role_score": r.role_scores.get(r.role, 0.0),
             "scores": json.dumps(r.scores, ensure_ascii=False),
             "evidence": json.dumps(r.evidence, ensure_ascii=False)}
            for pid, r in analysis.tags.items()
        ],
        columns=["passage_id", "doc_id", "role", "codes", "role_score", "scores", "evidence"],
    )
    tag_codes = pd.DataFrame(
        [{"passage_id": pid, "code": code, "score": float(r.scores.get(code, 1.0))}
         for pid, r in analysis.tags.items() for code in r.codes],
        columns=["passage_id", "code", "score"],
    )
    requirements = pd.DataFrame(
        [{"requirement_id": r.requirement_id, "doc_id": r.doc_id, "passage_id": r.passage_id,
          "section_path": r.section_path, "section_title": r.section_title, "start": r.start, "end": r.end,
          "text": r.text, "codes": list(r.codes), "key_terms": list(r.key_terms), "actor": r.actor,
          "instrument": r.instrument, "instrument_families": list(r.instrument_families)}
         for r in analysis.requirements],
        columns=["requirement_id", "doc_id", "passage_id", "section_path", "section_title", "start", "end",
                 "text", "codes", "key_terms", "actor", "instrument", "instrument_families"],
    )
    matches = matches_frame(analysis.matches)
    units_of_docs = dict(zip(documents.doc_id, documents.unit, strict=True))
    figures = pd.DataFrame(
        [{"figure_id": f"{f.passage_id}#{index}", "passage_id": f.passage_id, "doc_id": f.doc_id,
          "unit": units_of_docs.get(f.doc_id, ""), "start": f.start, "end": f.end, "surface": f.surface,
          "value": f.value, "measure": f.measure, "kind": f.kind, "population": f.population,
          "statement": f.statement, "source": f.source, "year": f.year, "approx": f.approx,
          "anonymised": f.anonymised}
         for index, f in enumerate(analysis.figures)],
        columns=["figure_id", "passage_id", "doc_id", "unit", "start", "end", "surface", "value", "measure",
                 "kind", "population", "statement", "source", "year", "approx", "anonymised"],
    ).astype({"value": "float64"})
    passage_text = {p.passage_id: p.text for p in corpus.passages}
    initiatives = pd.DataFrame(
        [{"unit": unit, "passage_id": pid, "best_requirement_score": score, "text": passage_text[pid],
          "codes": list(analysis.tags[pid].codes)} for unit, pid, score in analysis.initiatives],
        columns=["unit", "passage_id", "best_requirement_score", "text", "codes"],
    )
    codebook = analysis.codebook
    codebook_frame = pd.DataFrame(
        [{"code": code, "group": entry.group, "name": entry.name, "definition": entry.definition,
          "recommended_measures": list(codebook.mapping.get(code, ())),
          "group_name": codebook.groups[entry.group].name, "group_kind": codebook.groups[entry.group].kind,
          "colour": codebook.colour(code), "group_colour": codebook.groups[entry.group].colour}
         for code, entry in codebook.codes.items()],
        columns=["code", "group", "name", "definition", "recommended_measures", "group_name", "group_kind",
                 "colour", "group_colour"],
    )
    units = pd.DataFrame(
        [{"unit": unit, "doc_ids": doc_ids, "n_documents": len(doc_ids)} for unit, doc_ids in analysis.units.items()],
        columns=["unit", "doc_ids", "n_documents"],
    )
    return {
        "documents": documents,
        "passages": passages_frame(corpus.passages),
        "sections": sections_frame(corpus.documents),
        "tags": tags,
        "tag_codes": tag_codes,
        "requirements": requirements,
        "matches": matches,
        "figures": figures,
        "initiatives": initiatives,
        "units": units,
        "codebook": codebook_frame,
        "manifest": manifest_frame(corpus.manifest),
    }


def matches_frame(matches: Sequence[Any]) -> pd.DataFrame:
    """The matches table with each verdict's ``confidence`` (calibrated probability that the status is
    right) and ``needs_review`` flag."""
    return pd.DataFrame(
        [{"unit": m.unit, "requirement_id": m.requirement_id, "status": m.status, "score": m.score,
          "evidence_passage_ids": [e[0] for e in m.evidence], "evidence_scores": [e[1] for e in m.evidence],
          "evidence_roles": [e[2] for e in m.evidence], "confidence": m.probability,
          "needs_review": m.needs_review}
         for m in matches],
        columns=["unit", "requirement_id", "status", "score", "evidence_passage_ids", "evidence_scores",
                 "evidence_roles", "confidence", "needs_review"],
    )


def write_tables(analysis: Analysis, out_dir: Path) -> dict[str, Path]:
    """Write ``out_dir/tables/*.parquet``, ``out_dir/tables/manifest.csv`` and ``out_dir/lzp.duckdb``."""
    frames = analysis_frames(analysis)
    tables_dir = out_dir / "tables"
    written = {name: write_parquet_atomic(frame, tables_dir / f"{name}.parquet") for name, frame in frames.items()}
    written["manifest.csv"] = write_csv_atomic(frames["manifest"], tables_dir / "manifest.csv")
    written["duckdb"] = write_duckdb(frames, out_dir / "lzp.duckdb")
    return written


def write_duckdb(frames: dict[str, pd.DataFrame], target: Path) -> Path:
    """A fresh DuckDB database with every table and the views, moved into place when complete."""
    with atomic_path(target) as temporary:
        temporary.unlink()  # DuckDB creates the file itself
        connection = duckdb.connect(str(temporary))
        try:
            for name, frame in frames.items():
                connection.register("frame", frame)
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
                connection.unregister("frame")
            for name, sql in VIEWS.items():
                connection.execute(f'CREATE VIEW "{name}" AS {sql}')
        finally:
            connection.close()
    return target
