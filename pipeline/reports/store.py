"""The DuckDB store ``DIR/lzp.duckdb``, loaded from the Parquet tables of ``DIR/tables``.

The DuckDB file holds the same tables plus the views ``coverage_by_unit_measure`` and
``disconnects_by_unit``; every count in a view comes with the ids of the rows it counts. This module
needs only DuckDB, so a process that writes the store or the reports does not load the analysis stages.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.storage import atomic_path

TABLE_NAMES = ("documents", "passages", "sections", "tags", "tag_codes", "requirements", "matches", "figures",
               "initiatives", "units", "codebook", "manifest")

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


def write_store(out_dir: Path) -> dict[str, Path]:
    """``out_dir/lzp.duckdb`` from the Parquet tables of ``out_dir/tables``."""
    tables_dir = Path(out_dir) / "tables"
    return {"duckdb": write_duckdb({name: tables_dir / f"{name}.parquet" for name in TABLE_NAMES},
                                   Path(out_dir) / "lzp.duckdb")}


def write_duckdb(tables: dict[str, Path], target: Path) -> Path:
    """A fresh DuckDB database with every table (read from its Parquet file) and the views, moved into
    place when complete."""
    with atomic_path(target) as temporary:
        temporary.unlink()  # DuckDB creates the file itself
        connection = duckdb.connect(str(temporary), config={"threads": 1})
        try:
            for name, path in tables.items():
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [str(path)])
            for name, sql in VIEWS.items():
                connection.execute(f'CREATE VIEW "{name}" AS {sql}')
        finally:
            connection.close()
    return target
