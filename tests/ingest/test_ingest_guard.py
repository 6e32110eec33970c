"""Guarded reading in a worker process: timeouts kill, errors come back typed, crashes are contained."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.errors import (
    CorruptFileError,
    EmptyFileError,
    ExtractionTimeoutError,
    IngestError,
    MissingFileError,
    UnsupportedFormatError,
)
from pipeline.ingest import register_reader, unregister_reader
from pipeline.ingest.guard import GuardedReader, read_file_guarded

STANDINS = {".hang": "hang", ".crash": "crash", ".die": "die", ".echo": "echo"}


@pytest.fixture(scope="module")
def standins():
    for suffix, name in STANDINS.items():
        register_reader(suffix, f"tests.ingest.stand_in_readers:{name}")
    yield
    for suffix in STANDINS:
        unregister_reader(suffix)


@pytest.fixture(scope="module")
def guarded(standins):
    with GuardedReader(timeout=30) as reader:
        yield reader


def _file(tmp_path, name, content=b"x"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_reads_fixture(guarded, fixtures_dir):
    extraction = guarded.read(fixtures_dir / "quzhou-opinion.docx")
    assert "曲组〔2021〕2号" in extraction.text


def test_hanging_reader_is_killed(guarded, tmp_path):
    path = _file(tmp_path, "slow.hang")
    restarts = guarded.restarts
    started = time.monotonic()
    with pytest.raises(ExtractionTimeoutError) as info:
        guarded.read(path, timeout=1.0)
    elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 5
    assert info.value.reason == "time limit exceeded (1 s)"
    assert guarded.restarts == restarts + 1
    # The next file gets a fresh worker.
    assert guarded.read(_file(tmp_path, "after.echo")).text.startswith("after.echo ")


def test_worker_is_reused(guarded, tmp_path):
    first = guarded.read(_file(tmp_path, "a.echo")).text.split()[1]
    second = guarded.read(_file(tmp_path, "b.echo")).text.split()[1]
    assert first == second


def test_crashing_reader(guarded, tmp_path):
    with pytest.raises(IngestError) as info:
        guarded.read(_file(tmp_path, "bug.crash"))
    assert type(info.value) is IngestError
    assert info.value.reason == "reader crashed: ZeroDivisionError: division by zero in a buggy reader"


def test_dying_worker(guarded, tmp_path):
    with pytest.raises(IngestError) as info:
        guarded.read(_file(tmp_path, "boom.die"))
    assert info.value.reason == "reader crashed: worker process died (exit code 3)"
    assert guarded.read(_file(tmp_path, "alive.echo")).text.startswith("alive.echo")


def test_errors_keep_class_and_reason(guarded, tmp_path, fixtures_dir):
    cases = [
        (_file(tmp_path, "empty.txt", b""), EmptyFileError, "empty file (0 bytes)"),
        (_file(tmp_path, "x.xyz"), UnsupportedFormatError, "unsupported format: .xyz"),
        (tmp_path / "missing.pdf", MissingFileError, "file not found"),
        (_file(tmp_path, "fake.docx", b"not a zip"), CorruptFileError, "corrupt .docx (not a zip archive)"),
    ]
    for path, cls, reason in cases:
        with pytest.raises(cls) as info:
            guarded.read(path)
        assert type(info.value) is cls
        assert info.value.reason == reason


def test_max_bytes_passed_to_worker(guarded, fixtures_dir):
    from pipeline.errors import FileTooLargeError

    with pytest.raises(FileTooLargeError) as info:
        guarded.read(fixtures_dir / "henan-qa.html", max_bytes=1000)
    assert info.value.reason.startswith("file too large (")


def test_convenience_function(standins, tmp_path, fixtures_dir):
    extraction = read_file_guarded(fixtures_dir / "henan-qa.html", timeout=30, max_bytes=10**6)
    assert "兩張皮" in extraction.text
    with pytest.raises(ExtractionTimeoutError):
        read_file_guarded(_file(tmp_path, "slow.hang"), timeout=0.5, max_bytes=10**6)


def test_custom_reader_callable(tmp_path):
    with GuardedReader(timeout=0.5, reader="tests.ingest.stand_in_readers:hang") as reader:
        with pytest.raises(ExtractionTimeoutError):
            reader.read(_file(tmp_path, "anything.txt", b"text"))


def test_worker_recycled_after_max_tasks(standins, tmp_path):
    with GuardedReader(timeout=30, max_tasks_per_worker=2) as reader:
        pids = [reader.read(_file(tmp_path, f"{n}.echo")).text.split()[1] for n in range(3)]
    assert pids[0] == pids[1] != pids[2]


def test_a_registered_reader_reads_its_suffix_in_a_batch(standins, tmp_path: Path) -> None:
    """register_reader extends what a batch accepts (the orchestrator asks the registry, not a frozen set)."""
    from pipeline.corpus import ingest

    (tmp_path / "note.echo").write_text("ignored", encoding="utf-8")
    (tmp_path / "other.unknownsuffix").write_text("ignored", encoding="utf-8")
    corpus = ingest([tmp_path])
    rows = {Path(row.path).name: row for row in corpus.manifest}
    assert rows["note.echo"].status == "ok", rows["note.echo"].reason
    assert rows["other.unknownsuffix"].status == "failed"
    assert "unsupported format" in rows["other.unknownsuffix"].reason


def _guarded_in_daemon(paths: list[str]) -> list[tuple[bool, str]]:
    """Runs inside a daemonic pool worker: read each path with a 1 s limit; (daemonic, outcome)."""
    import multiprocessing

    for suffix, name in STANDINS.items():
        register_reader(suffix, f"tests.ingest.stand_in_readers:{name}")
    outcomes = []
    with GuardedReader(timeout=1.0) as reader:
        for path in paths:
            started = time.monotonic()
            try:
                text = reader.read(Path(path)).text
                outcomes.append((multiprocessing.current_process().daemon, f"ok:{text}"))
            except IngestError as error:
                outcomes.append((multiprocessing.current_process().daemon,
                                 f"{error.reason}:{time.monotonic() - started:.1f}"))
    return outcomes


def test_time_limit_holds_inside_a_daemonic_process(tmp_path):
    """A dask worker under its nanny is daemonic: multiprocessing may not start children there, so
    the reader runs in a plain subprocess, killed at the limit like the forkserver worker."""
    import multiprocessing

    hang = _file(tmp_path, "slow.hang")
    echo = _file(tmp_path, "fine.echo", "回声".encode())
    with multiprocessing.get_context("fork").Pool(1) as pool:
        (first, second), = pool.map(_guarded_in_daemon, [[str(hang), str(echo)]])
    assert first[0] and second[0]
    reason, seconds = first[1].rsplit(":", 1)
    assert reason == "time limit exceeded (1 s)" and 1.0 <= float(seconds) < 5
    assert second[1].startswith("ok:")


def test_the_step_after_reading_runs_in_the_worker(guarded, tmp_path):
    from tests.ingest.stand_in_readers import upper_after

    path = _file(tmp_path, "name.echo")
    assert guarded.read(path, then=upper_after, then_kwargs={"suffix": "!"}).startswith("NAME.ECHO ")


def test_the_time_limit_covers_the_step_after_reading(guarded, tmp_path):
    from tests.ingest.stand_in_readers import hang_after

    started = time.monotonic()
    with pytest.raises(ExtractionTimeoutError):
        guarded.read(_file(tmp_path, "a.echo"), timeout=1.0, then=hang_after)
    assert time.monotonic() - started < 5


def test_the_memory_limit_kills_a_growing_worker(standins, tmp_path):
    from pipeline.errors import ResourceLimitError
    from tests.ingest.stand_in_readers import grow_after

    with GuardedReader(timeout=30, max_memory=400 * 2**20) as reader:
        with pytest.raises(ResourceLimitError) as info:
            reader.read(_file(tmp_path, "a.echo"), then=grow_after)
        assert info.value.reason == "memory limit exceeded (400 MB)"
        assert reader.read(_file(tmp_path, "b.echo")).text.startswith("b.echo")  # a fresh worker


def test_a_bug_after_reading_is_an_internal_error(guarded, tmp_path):
    from tests.ingest.stand_in_readers import crash_after

    with pytest.raises(IngestError) as info:
        guarded.read(_file(tmp_path, "a.echo"), then=crash_after)
    assert info.value.reason.startswith("internal error: KeyError")
