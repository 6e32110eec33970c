"""Shared fixtures for report tests: a real analysis directory with planted hostile text.

``analysis_dir`` (module-scoped) is a private copy of one analysis run, made once per session by
``ingest → analyze → write_tables`` on the five sample files, their manifest and ``planted.txt``, whose
sentences carry markup and a spreadsheet formula next to 一岗双责 / 党员先锋岗 so they are tagged as practice.
Each test module gets its own copy, so writers in one module cannot affect another.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline import config

SAMPLE_DIR = config.CORPORA_DIR / "sample"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
FORMULA = '=HYPERLINK("http://x","y")'
PLANTED_UNIT = "植入单位<i>甲</i>"
PLANTED_TITLE = "植入测试材料 <script>alert(3)</script>"
PLANTED_TEXT = f"""植入单位落实一岗双责情况报告

一、主要做法

我们严格落实领导班子一岗双责，建立责任清单{SCRIPT}，每季度督促检查一次。

我们在窗口单位设立党员先锋岗{IMG}，开展岗位建功活动，党员示范带动业务工作。

{FORMULA} 我们将党建考核结果与评先评优挂钩，落实一岗双责，实行同考核同评价。

问卷显示，35.5％的党员{SCRIPT}认为党员先锋岗作用明显。

二、存在问题

有的党支部重业务轻党建，党建和业务工作“两张皮”<b>问题</b>依然存在。
"""


@pytest.fixture(scope="session")
def planted() -> dict[str, str]:
    """The hostile strings planted in ``planted.txt`` and its manifest row."""
    return {"script": SCRIPT, "img": IMG, "formula": FORMULA, "unit": PLANTED_UNIT, "title": PLANTED_TITLE}


@pytest.fixture(scope="session")
def _analysis_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real analysis run (tables + DuckDB) shared by every report test module."""
    if not SAMPLE_DIR.is_dir():
        pytest.skip(f"sample corpus not found at {SAMPLE_DIR}")
    from pipeline.corpus import ingest
    from pipeline.reports.tables import write_tables
    from pipeline.workflow import analyse_corpus

    root = tmp_path_factory.mktemp("report_analysis")
    corpus_dir = root / "corpus"
    corpus_dir.mkdir()
    for path in SAMPLE_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, corpus_dir / path.name)
    (corpus_dir / "planted.txt").write_text(PLANTED_TEXT, encoding="utf-8")
    manifest = corpus_dir / "manifest.csv"
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as handle:
            fields = next(csv.reader(handle))
        row = {"path": "planted.txt", "kind": "report", "unit": PLANTED_UNIT, "date": "2024-01-01",
               "title": PLANTED_TITLE, "note": "planted hostile text for report tests"}
        existing = manifest.read_text(encoding="utf-8")
        with manifest.open("a", encoding="utf-8", newline="") as handle:
            if existing and not existing.endswith("\n"):
                handle.write("\n")
            csv.writer(handle, lineterminator="\n").writerow([row.get(field, "") for field in fields])
    out = root / "out"
    write_tables(analyse_corpus(ingest([corpus_dir])), out)
    return out


@pytest.fixture(scope="module")
def analysis_dir(_analysis_source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the analysis directory (``tables/*.parquet``, ``lzp.duckdb``) for one test module."""
    target = tmp_path_factory.mktemp("analysis") / "out"
    shutil.copytree(_analysis_source, target)
    return target


@pytest.fixture
def tables_only(analysis_dir: Path, tmp_path: Path) -> Path:
    """A fresh output folder holding only a copy of the analysis tables, for a test that changes them
    or writes reports with other settings."""
    out = tmp_path / "out"
    shutil.copytree(analysis_dir / "tables", out / "tables")
    return out
