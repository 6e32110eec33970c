"""The analysis tables written in parts read back as the whole tables do."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline import config
from pipeline.reports.store import TABLE_NAMES
from pipeline.reports.tables import table_frames, table_parts
from pipeline.storage import write_parquet_atomic, write_parquet_parts_atomic


@pytest.fixture(scope="module")
def analysis():
    if not config.SAMPLE_DIR.is_dir():
        pytest.skip(f"sample corpus not found at {config.SAMPLE_DIR}")
    from pipeline.corpus import ingest
    from pipeline.gap.analysis import analyze
    from pipeline.tagging.tagger import Tagger
    from pipeline.workflow import load_project_codebook

    return analyze(ingest([config.SAMPLE_DIR]), tagger=Tagger(load_project_codebook()), tagger_mode="rules")


def test_every_table_written_in_small_parts_reads_back_as_the_whole_table(analysis, tmp_path: Path) -> None:
    whole = dict(table_frames(analysis))
    assert list(whole) == list(TABLE_NAMES)
    n_parts = {}
    for name, parts in table_parts(analysis, part_rows=7, document_rows=1):
        counted = []

        def counting(parts=parts, counted=counted):
            for part in parts:
                counted.append(len(part))
                yield part

        write_parquet_parts_atomic(counting(), tmp_path / "parts" / f"{name}.parquet")
        write_parquet_atomic(whole[name], tmp_path / "whole" / f"{name}.parquet")
        n_parts[name] = len(counted)
        assert sum(counted) == len(whole[name]), name
    # The big tables really were split.
    assert n_parts["documents"] == len(whole["documents"]) > 1
    assert n_parts["passages"] > 10 and n_parts["tags"] > 10 and n_parts["matches"] > 10
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "parts" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "whole" / f"{name}.parquet"), check_exact=True)


def test_a_part_with_empty_columns_takes_the_types_of_the_others(tmp_path: Path) -> None:
    first = pd.DataFrame({"id": ["a", "b"], "codes": [[], []], "note": [None, None],
                          "page": pd.array([None, None], dtype="Int64")})
    second = pd.DataFrame({"id": ["c"], "codes": [["M1", "D2"]], "note": ["有"],
                           "page": pd.array([3], dtype="Int64")})
    write_parquet_parts_atomic(iter([first, second]), tmp_path / "parts.parquet")
    write_parquet_atomic(pd.concat([first, second], ignore_index=True), tmp_path / "whole.parquet")
    back = pd.read_parquet(tmp_path / "parts.parquet")
    assert list(back["codes"].map(list)) == [[], [], ["M1", "D2"]]
    assert back["note"].isna().tolist() == [True, True, False]
    pd.testing.assert_frame_equal(back, pd.read_parquet(tmp_path / "whole.parquet"))


def test_no_part_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no part"):
        write_parquet_parts_atomic(iter([]), tmp_path / "t.parquet")
    assert not list(tmp_path.iterdir())
