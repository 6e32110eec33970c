"""The ingest cache: a file read once is not read again, and what the run writes does not change.

Reads are counted by wrapping :func:`pipeline.corpus.ingest_file` (the one place a file is read).
Every folder is written by the test with sentences written for it.
"""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import cache as cache_module
from pipeline import corpus as corpus_module
from pipeline.cache import (
    CACHE_FOLDER,
    FILES_FOLDER,
    IngestCache,
    document_from_json,
    document_to_json,
    entry_key,
)
from pipeline.cli import app
from pipeline.corpus import Corpus, ingest
from pipeline.records import Document, Passage, Section
from pipeline.tagging.cache import TAGS_FOLDER

POLICY = ("关于推动机关党建和业务工作深度融合的意见\n一、健全机制\n各单位要建立党建与业务同部署、同考核机制。\n"
          "二、建强队伍\n各单位要把业务骨干培养成党员，把党员培养成业务骨干。\n")
REPORT_A = ("县交通运输局关于党建和业务融合的经验材料\n一、主要做法\n局党组建立一岗双责责任清单，"
            "每季度同步部署党建和业务工作。\n二、存在问题\n个别支部党建和业务仍是两张皮。\n")
REPORT_B = ("县农业农村局关于党员队伍建设的调研报告\n问卷显示，58％的党员认为培训内容与业务结合不紧。\n"
            "下一步将把业务骨干培养成党员。\n")
REPORT_C = "县水利局党建工作总结\n局机关各支部开展主题党日，结合防汛任务设立党员先锋岗。\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read (in a guarded worker) since the test began."""
    names: list[str] = []
    original = corpus_module.ingest_file

    def counting(path, *args, **kwargs):
        names.append(Path(path).name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(corpus_module, "ingest_file", counting)
    return names


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "意见.txt").write_text(POLICY, encoding="utf-8")
    (inputs / "交通局.txt").write_text(REPORT_A, encoding="utf-8")
    (inputs / "农业局.txt").write_text(REPORT_B, encoding="utf-8")
    return inputs


def _without_seconds(corpus: Corpus) -> list:
    return [replace(row, seconds=0.0) for row in corpus.manifest]


def _entries(out: Path) -> list[Path]:
    return sorted((out / CACHE_FOLDER / FILES_FOLDER).glob("*/*.json.gz"))


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every table of an analysis, without the time each file took (which no two runs share)."""
    frames = {path.name: pd.read_parquet(path) for path in sorted((out / "tables").glob("*.parquet"))}
    frames["manifest.csv"] = pd.read_csv(out / "tables" / "manifest.csv")
    return {name: frame.drop(columns=["seconds"], errors="ignore") for name, frame in frames.items()}


# --- records round-trip ----------------------------------------------------------------------------


def test_documents_round_trip_exactly(folder: Path) -> None:
    documents = ingest([folder]).documents
    assert all(document.passages for document in documents) and any(document.sections for document in documents)
    made = Document(
        doc_id="合订本-a2", source_path="in/\\xb1\\xa8.txt", text="第二篇\n正文\udcff。", title="第二篇", date=None,
        article=2, duplicate_of="合订本-a1", truncated=True, normalization={"to_simplified": 3, "fix_unicode": -1},
        sections=(Section(path=(5, 3), label="（三）", title="小标题", level=2, start=0, end=3),),
        passages=(Passage("合订本-a2:0000", "合订本-a2", "5.3", 0, 3, "第二篇", page=None, paragraph=4,
                          is_heading=True),),
    )
    for document in [*documents, made]:
        text = json.dumps(document_to_json(document), ensure_ascii=False)
        assert document_from_json(json.loads(text)) == document


def test_an_entry_comes_back_as_it_was_stored(tmp_path: Path, folder: Path) -> None:
    documents = ingest([folder / "交通局.txt"]).documents
    store = IngestCache(tmp_path / "cache")
    row = {"status": "ok", "reason": "", "n_documents": len(documents), "n_chars": 10}
    store.store("ab" * 32, row, documents)
    entry = IngestCache(tmp_path / "cache").load("ab" * 32)
    assert entry is not None and entry.row == row and list(entry.documents) == documents
    assert IngestCache(tmp_path / "cache").load("cd" * 32) is None
    assert IngestCache(tmp_path / "cache", read=False).load("ab" * 32) is None


# --- reuse -----------------------------------------------------------------------------------------


def _analyze(folder: Path, out: Path, *extra: str):
    result = CliRunner().invoke(app, ["analyze", str(folder), "--policy", str(folder / "意见.txt"), "--out", str(out),
                                      "--quiet", *extra])
    assert result.exit_code == 0, result.output
    return result


def test_a_second_run_into_the_same_folder_reads_no_file_and_writes_the_same_tables(
    folder: Path, tmp_path: Path, reads: list[str]
) -> None:
    out = tmp_path / "out"
    _analyze(folder, out)
    assert sorted(reads) == sorted(["意见.txt", "交通局.txt", "农业局.txt"])
    assert len(_entries(out)) == 3
    first = _tables(out)
    reads.clear()
    _analyze(folder, out)
    assert reads == []
    second = _tables(out)
    assert first.keys() == second.keys() and len(first) > 5
    for name, frame in first.items():
        pd.testing.assert_frame_equal(frame, second[name], obj=name)
    log = (out / "lzp.log").read_text(encoding="utf-8")
    assert "cache: 3 of 3 files reused, 0 read" in log and "from cache" in log
    assert "tag cache: 3 of 3 documents reused, 0 tagged" in log


def test_a_report_added_to_an_analysed_folder_is_the_only_one_read_and_tagged_and_the_tables_are_a_full_runs(
    folder: Path, tmp_path: Path, reads: list[str]
) -> None:
    out = tmp_path / "out"
    _analyze(folder, out)
    (folder / "水利局.txt").write_text(REPORT_C, encoding="utf-8")
    reads.clear()
    _analyze(folder, out)
    assert reads == ["水利局.txt"]
    assert "tag cache: 3 of 4 documents reused, 1 tagged" in (out / "lzp.log").read_text(encoding="utf-8")
    full = tmp_path / "full"
    _analyze(folder, full, "--no-cache")
    assert "tag cache: 0 of 4 documents reused, 4 tagged" in (full / "lzp.log").read_text(encoding="utf-8")
    cached, fresh = _tables(out), _tables(full)
    assert cached.keys() == fresh.keys()
    for name, frame in fresh.items():
        pd.testing.assert_frame_equal(cached[name], frame, obj=name)


def test_no_cache_reads_every_file_again(folder: Path, tmp_path: Path, reads: list[str]) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder), "--out", str(out), "--quiet"]).exit_code == 0
    first = pd.read_parquet(out / "passages.parquet")
    reads.clear()
    assert runner.invoke(app, ["ingest", str(folder), "--out", str(out), "--quiet"]).exit_code == 0
    assert reads == []
    result = runner.invoke(app, ["ingest", str(folder), "--out", str(out), "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert sorted(reads) == sorted(["意见.txt", "交通局.txt", "农业局.txt"])
    pd.testing.assert_frame_equal(first, pd.read_parquet(out / "passages.parquet"))
    assert len(_entries(out)) == 3  # the full run refreshed the cache


def test_adding_a_report_reads_only_that_report_and_the_corpus_is_that_of_a_full_run(
    folder: Path, tmp_path: Path, reads: list[str]
) -> None:
    store = tmp_path / "cache"
    ingest([folder], cache=IngestCache(store))
    (folder / "水利局.txt").write_text(REPORT_C, encoding="utf-8")
    shutil.copy(folder / "交通局.txt", folder / "交通局（重报）.txt")  # a copy: read once, marked as such
    reads.clear()
    cached = ingest([folder], cache=IngestCache(store))
    assert sorted(reads) == sorted(["水利局.txt", "交通局（重报）.txt"])
    fresh = ingest([folder])
    assert cached.documents == fresh.documents
    assert _without_seconds(cached) == _without_seconds(fresh)
    assert any(row.reason.startswith("identical to") for row in cached.manifest)


def test_a_file_that_is_removed_leaves_the_cache(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    ingest([folder], cache=IngestCache(store))
    assert len(list(store.glob("*/*.json.gz"))) == 3
    (folder / "农业局.txt").unlink()
    ingest([folder], cache=IngestCache(store))
    assert len(list(store.glob("*/*.json.gz"))) == 2


def test_a_failed_file_is_not_cached_and_is_tried_again(folder: Path, tmp_path: Path, reads: list[str]) -> None:
    (folder / "空白.txt").write_bytes(b"")
    store = tmp_path / "cache"
    first = ingest([folder], cache=IngestCache(store))
    assert {row.status for row in first.manifest if row.path.endswith("空白.txt")} == {"failed"}
    reads.clear()
    second = ingest([folder], cache=IngestCache(store))
    assert reads == ["空白.txt"]
    assert _without_seconds(first) == _without_seconds(second)


# --- invalidation ----------------------------------------------------------------------------------


def test_new_ingest_code_reads_every_file_again(folder: Path, tmp_path: Path, reads: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "cache"
    ingest([folder], cache=IngestCache(store))
    monkeypatch.setattr(cache_module, "ingest_fingerprint", lambda: "another normaliser")
    reads.clear()
    ingest([folder], cache=IngestCache(store))
    assert len(reads) == 3


def test_the_fingerprint_follows_the_normaliser_source_and_the_registered_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.ingest import register_reader, unregister_reader

    package = tmp_path / "pipeline"
    shutil.copytree(Path(cache_module.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)

    def fingerprint() -> str:
        cache_module.code_fingerprint.cache_clear()
        return cache_module.ingest_fingerprint()

    try:
        before = fingerprint()
        assert fingerprint() == before
        (package / "reports" / "html.py").write_text("# not part of ingest\n", encoding="utf-8")
        assert fingerprint() == before
        normaliser = package / "normalize.py"
        normaliser.write_text(normaliser.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        changed = fingerprint()
        assert changed != before
        register_reader(".xyz", "pipeline.ingest.text:read_text")
        try:
            assert fingerprint() != changed
        finally:
            unregister_reader(".xyz")
        assert fingerprint() == changed
    finally:
        cache_module.code_fingerprint.cache_clear()


def test_new_metadata_for_one_file_reads_that_file_again(folder: Path, tmp_path: Path, reads: list[str]) -> None:
    store = tmp_path / "cache"
    (folder / "manifest.csv").write_text("path,kind,unit\n意见.txt,policy,县委\n交通局.txt,report,交通局\n",
                                         encoding="utf-8")
    ingest([folder], cache=IngestCache(store))
    (folder / "manifest.csv").write_text("path,kind,unit\n意见.txt,policy,县委\n交通局.txt,report,县交通运输局\n",
                                         encoding="utf-8")
    reads.clear()
    corpus = ingest([folder], cache=IngestCache(store))
    assert reads == ["交通局.txt"]
    assert {d.unit for d in corpus.documents if d.source_path.endswith("交通局.txt")} == {"县交通运输局"}


def test_the_key_names_content_path_metadata_and_code() -> None:
    base = {"sha256": "0" * 64, "path": "in/a.txt", "metadata": {"kind": "report", "unit": ""}, "shared_stem": False,
            "fingerprint": "code"}
    key = entry_key(**base)
    assert entry_key(**base) == key
    for field, value in (("sha256", "1" * 64), ("path", "in/b.txt"), ("metadata", {"kind": "policy", "unit": ""}),
                         ("shared_stem", True), ("fingerprint", "other code")):
        assert entry_key(**{**base, field: value}) != key, field


# --- damaged entries -------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "truncated", "old format", "wrong key", "bad record"])
def test_a_damaged_entry_is_a_miss_and_is_written_again(folder: Path, tmp_path: Path, reads: list[str],
                                                        damage: str) -> None:
    store = tmp_path / "cache"
    fresh = ingest([folder], cache=IngestCache(store))
    entry = next(path for path in store.glob("*/*.json.gz")
                 if "交通局" in gzip.decompress(path.read_bytes()).decode("utf-8"))
    data = json.loads(gzip.decompress(entry.read_bytes()))
    assert data["format"] == cache_module.FORMAT
    if damage == "garbage":
        entry.write_bytes(b"not a cache entry")
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:40])
    else:
        if damage == "old format":
            data["format"] = 0
        elif damage == "wrong key":
            data["key"] = "0" * 64
        else:
            data["value"]["documents"][0]["passages"][0]["unknown"] = 1
        entry.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False).encode("utf-8")))
    reads.clear()
    again = ingest([folder], cache=IngestCache(store))
    assert reads == ["交通局.txt"]
    assert again.documents == fresh.documents
    assert IngestCache(store).load(entry.name.removesuffix(".json.gz")) is not None  # written again


def test_an_unwritable_cache_costs_only_the_reuse(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    corpus = ingest([folder], cache=IngestCache(blocked))
    assert len(corpus.documents) == 3 and all(row.status == "ok" for row in corpus.manifest)


# --- the output folder -----------------------------------------------------------------------------


def test_a_failed_run_keeps_the_cache_of_the_last_complete_run(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _analyze(folder, out)
    entries = {path.name: path.read_bytes() for path in _entries(out)}
    result = CliRunner().invoke(app, ["analyze", str(folder / "交通局.txt"), "--out", str(out), "--quiet"])
    assert result.exit_code == 2 and "no policy document" in result.output
    assert {path.name: path.read_bytes() for path in _entries(out)} == entries


def test_tags_are_reused_when_tagging_runs_on_a_scheduler(folder: Path, tmp_path: Path) -> None:
    """The tag cache is read and written by the process that runs the analysis, so documents tagged by
    Dask tasks are stored, kept by the prune, and reused by the next run."""
    out = tmp_path / "out"
    _analyze(folder, out, "--scheduler", "threads")
    first = _tables(out)
    tag_entries = sorted((out / CACHE_FOLDER / TAGS_FOLDER).glob("*/*.json.gz"))
    assert len(tag_entries) == 3
    _analyze(folder, out, "--scheduler", "threads")
    assert "tag cache: 3 of 3 documents reused, 0 tagged" in (out / "lzp.log").read_text(encoding="utf-8")
    assert sorted((out / CACHE_FOLDER / TAGS_FOLDER).glob("*/*.json.gz")) == tag_entries
    second = _tables(out)
    for name, frame in first.items():
        pd.testing.assert_frame_equal(frame, second[name], obj=name)


def test_the_fingerprint_follows_the_libreoffice_installation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from pipeline.ingest import office

    def install(folder: Path, build: str) -> None:
        program = folder / "program"
        program.mkdir(parents=True, exist_ok=True)
        (program / "versionrc").write_text(f"[Version]\nbuildid={build}\n", encoding="utf-8")
        executable = program / "soffice"
        executable.write_text("#!/bin/sh\n", encoding="utf-8")
        executable.chmod(0o755)
        (folder / "bin").mkdir(exist_ok=True)
        link = folder / "bin" / "soffice"
        link.unlink(missing_ok=True)
        link.symlink_to(executable)

    monkeypatch.setenv("PATH", str(tmp_path / "none"))
    missing = cache_module.ingest_fingerprint()
    assert office.converter_identity() == "-"
    install(tmp_path / "lo", "7.4.7")
    monkeypatch.setenv("PATH", str(tmp_path / "lo" / "bin") + os.pathsep + str(tmp_path / "none"))
    first = cache_module.ingest_fingerprint()
    assert first != missing and cache_module.ingest_fingerprint() == first
    install(tmp_path / "lo", "7.6.2")  # an upgrade in place
    assert cache_module.ingest_fingerprint() != first
