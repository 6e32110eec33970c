"""A real Dask cluster: ``dask scheduler`` and a nanny-supervised ``dask worker`` on 127.0.0.1.

The worker process is daemonic (it runs under a nanny), so the guarded reader must start its own
worker without multiprocessing; the tables of a whole analysis (ingest, tagging, matching and
figures on the cluster) must equal a local run and the per-file time limit must hold on the cluster.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from pipeline import config, workflow
from tests.test_sample_digest import table_digests


def _dask_command(name: str) -> list[str]:
    executable = Path(sys.executable).parent / "dask"
    if executable.exists():
        return [str(executable), name]
    return [sys.executable, "-m", f"distributed.cli.dask_{name}"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("distributed")
    folder = tmp_path_factory.mktemp("cluster")
    scheduler_file = folder / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": str(config.PROJECT_ROOT)}
    processes = [subprocess.Popen(
        [*_dask_command("scheduler"), "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(scheduler_file)],
        cwd=config.PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert scheduler_file.exists(), "dask scheduler did not start"
        processes.append(subprocess.Popen(
            [*_dask_command("worker"), "--scheduler-file", str(scheduler_file), "--nworkers", "1",
             "--nthreads", "2", "--no-dashboard", "--host", "127.0.0.1"],
            cwd=config.PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
        from dask.distributed import Client

        address = json.loads(scheduler_file.read_text())["address"]
        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
            daemonic = client.run(lambda: __import__("multiprocessing").current_process().daemon)
        assert all(daemonic.values()), "the worker should run under a nanny (daemonic process)"
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_dask_cluster_gives_the_same_tables(tmp_path: Path, cluster: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest, tagging, matching and figures all run on the cluster (small batches, so that the
    sample makes several tasks of each) and the tables equal those of a local run."""
    from dask.distributed import Client, get_task_stream

    from pipeline.gap import analysis as stage

    local, remote = tmp_path / "local", tmp_path / "cluster"
    workflow.analyse([config.SAMPLE_DIR], out=local)
    monkeypatch.setattr(stage, "BATCH_PASSAGES", 120)
    monkeypatch.setattr(stage, "MATCH_BATCH_PASSAGES", 60)
    with Client(cluster) as client, get_task_stream(client) as stream:
        run = workflow.analyse([config.SAMPLE_DIR], out=remote, scheduler=cluster)
    assert {row.status for row in run.corpus.manifest} <= {"ok", "warning"}
    assert table_digests(remote / "tables") == table_digests(local / "tables")
    ran = Counter(str(task["key"]).split("-")[0] for task in stream.data)
    assert ran["_tag_batch"] >= 3 and ran["_match_units"] >= 2 and ran["_figures_of"] >= 2, ran


def test_the_time_limit_holds_on_a_dask_cluster(tmp_path: Path, cluster: str) -> None:
    from dask.distributed import Client

    from pipeline.corpus import ingest
    from pipeline.ingest import register_reader, unregister_reader

    with Client(cluster) as client:  # the stand-in reader is registered where the files are read
        client.run(register_reader, ".hang", "tests.ingest.stand_in_readers:hang")
        try:
            (tmp_path / "slow.hang").write_bytes(b"x")
            shutil.copy(config.SAMPLE_DIR / "000_c4f700dea521b0cf.txt", tmp_path / "policy.txt")
            started = time.monotonic()
            corpus = ingest([tmp_path], scheduler=cluster, timeout=2.0)
        finally:
            client.run(unregister_reader, ".hang")
    by_name = {Path(row.path).name: row for row in corpus.manifest}
    assert by_name["slow.hang"].status == "failed"
    assert by_name["slow.hang"].reason == "time limit exceeded (2 s)"
    assert by_name["policy.txt"].status in {"ok", "warning"}
    assert time.monotonic() - started < 30
