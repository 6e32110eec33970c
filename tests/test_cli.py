"""The command line: exit codes, outputs, and the end-to-end run on the sample corpus."""

from __future__ import annotations

import re
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


def test_analyze_own_folder_with_policy_flag_and_no_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_c4f700dea521b0cf.txt", "003_59b87169fa1e7d7c.txt", "004_54c9932b3926f53d.txt"):
        (folder / name).write_bytes((config.SAMPLE_DIR / name).read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(folder), "--policy", str(folder / "000_c4f700dea521b0cf.txt"),
                                 "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    documents = pd.read_parquet(out / "tables" / "documents.parquet").set_index("doc_id")
    assert documents.loc["000_c4f700dea521b0cf", "kind"] == "policy"
    matches = pd.read_parquet(out / "tables" / "matches.parquet")
    units = set(matches.unit)
    assert len(units) == 2  # each other document is its own unit, named by issuer or title
    assert documents.loc["003_59b87169fa1e7d7c", "unit"] in units
    assert (out / "reports" / "index.html").exists() and (out / "corpus.qdpx").exists()


def test_analyze_without_a_policy_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text("某局经验材料\n\n开展了活动，建立了制度。\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no policy document" in result.output


def test_manifest_option_groups_units(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_c4f700dea521b0cf.txt", "003_59b87169fa1e7d7c.txt", "004_54c9932b3926f53d.txt"):
        (folder / name).write_bytes((config.SAMPLE_DIR / name).read_bytes())
    manifest = tmp_path / "units.csv"
    manifest.write_text("path,kind,unit,date\n000_c4f700dea521b0cf.txt,policy,县委组织部,2021-03-24\n"
                        "003_59b87169fa1e7d7c.txt,report,某县,\n004_54c9932b3926f53d.txt,report,某县,\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(folder), "--manifest", str(manifest), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert set(pd.read_parquet(out / "tables" / "matches.parquet").unit) == {"某县"}


def test_help_shows_placeholders_not_python_types() -> None:
    for command in ([], ["analyze"], ["ingest"], ["stats"], ["import-qdpx"], ["tag"], ["train"], ["evaluate"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, command
        assert not re.search(r"<(bool|path|str|int|float|list\[\w+\])>", result.output), (command, result.output)


def test_analyze_help_lists_every_output() -> None:
    output = runner.invoke(app, ["analyze", "--help"]).output
    for name in ("index.html", "<unit>.html", "总报告.docx", "lzp.xlsx", "corpus.qdpx", "lzp.duckdb", "tables/*.parquet",
                 "run.json", "lzp stats"):
        assert name in output, name


def test_out_defaults_to_out_in_the_current_folder() -> None:
    import inspect

    from pipeline.cli import analyze_command, ingest_command

    for command in (analyze_command, ingest_command):
        default = inspect.signature(command).parameters["out"].default
        assert default == Path("out") and not default.is_absolute()


def _arrow_allocator(environment: dict[str, str]) -> str:
    import os
    import subprocess
    import sys

    script = "import pipeline.cli, pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    env = {key: value for key, value in os.environ.items() if key != "ARROW_DEFAULT_MEMORY_POOL"} | environment
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True,
                            cwd=config.PROJECT_ROOT)
    return result.stdout.strip()


def test_the_command_line_gives_arrow_memory_back_unless_told_otherwise():
    assert _arrow_allocator({}) == "system"
    assert _arrow_allocator({"ARROW_DEFAULT_MEMORY_POOL": "mimalloc"}) == "mimalloc"
