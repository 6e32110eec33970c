"""The command line: exit codes, outputs, and the end-to-end run on the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

runner = CliRunner()


def test_help_lists_commands_with_examples() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "ingest" in result.output and "analyze" in result.output
    for command in ("ingest", "analyze"):
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output


def test_ingest_exits_zero_with_failed_files_and_writes_a_row_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("关于加强机关党建的通知\n\n一、各单位要落实一岗双责。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"this is not a zip archive")
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(folder), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    manifest = pd.read_csv(out / "manifest.csv").set_index("path")
    assert len(manifest) == 3
    assert manifest.loc[str(folder / "good.txt"), "status"] == "ok"
    assert (manifest.loc[[str(folder / "empty.txt"), str(folder / "broken.docx")], "status"] == "failed").all()
    assert len(pd.read_parquet(out / "documents.parquet")) == 1
    assert (out / config.LOG_FILE_NAME).exists()


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_analyze_runs_on_the_sample_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    documents = pd.read_parquet(out / "tables" / "documents.parquet")
    assert len(documents) == 9
    assert documents.set_index("doc_id").loc["000_c4f700dea521b0cf", "kind"] == "policy"
    manifest = pd.read_csv(out / "tables" / "manifest.csv")
    assert list(manifest.status) == ["ok", "ok", "ok", "ok", "warning"]
