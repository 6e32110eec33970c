"""The analysis tables written in parts read back as the whole tables do."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
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


def test_each_part_is_written_and_let_go_before_the_next_is_built(tmp_path: Path) -> None:
    target = tmp_path / "streamed.parquet"
    previous: list[weakref.ref] = []
    sizes = (3, 4, 2)

    def parts():
        for index, size in enumerate(sizes):
            if previous:
                gc.collect()
                assert previous[-1]() is None, "the previous part is still held"
            frame = pd.DataFrame({"passage_id": [f"p{index}-{row}" for row in range(size)],
                                  "score": [0.25 * row for row in range(size)],
                                  "codes": [["M2"] if row % 2 else [] for row in range(size)]})
            previous.append(weakref.ref(frame))
            yield frame
            del frame  # only the writer may still hold it

    write_parquet_parts_atomic(parts(), target)
    assert pq.ParquetFile(target).metadata.num_row_groups == len(sizes)  # one row group per part
    back = pd.read_parquet(target)
    assert back["passage_id"].tolist() == [f"p{i}-{r}" for i, size in enumerate(sizes) for r in range(size)]
    assert [list(codes) for codes in back["codes"]] == [["M2"] if r % 2 else [] for size in sizes for r in range(size)]


def test_a_type_found_after_parts_were_written_rewrites_them_in_that_type(tmp_path: Path) -> None:
    parts = [pd.DataFrame({"id": ["a"], "year": [None], "tags": [[]]}),
             pd.DataFrame({"id": ["b", "c"], "year": [None, None], "tags": [[], []]}),
             pd.DataFrame({"id": ["d"], "year": [2023], "tags": [["D4"]]}),
             pd.DataFrame({"id": ["e"], "year": [None], "tags": [[]]})]
    write_parquet_parts_atomic(iter(parts), tmp_path / "parts.parquet")
    write_parquet_atomic(pd.concat(parts, ignore_index=True), tmp_path / "whole.parquet")
    assert pq.read_schema(tmp_path / "parts.parquet").field("year").type == "int64"
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "parts.parquet"),
                                  pd.read_parquet(tmp_path / "whole.parquet"), check_exact=True)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_no_part_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no part"):
        write_parquet_parts_atomic(iter([]), tmp_path / "t.parquet")
    assert not list(tmp_path.iterdir())
