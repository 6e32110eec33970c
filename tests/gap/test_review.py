"""The review loop: an analyst corrects verdicts in lzp.xlsx; they come back as labelled pairs."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from pipeline import config, workflow
from pipeline.cli import app
from pipeline.gap import evaluate as gap_evaluation


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review") / "out"
    workflow.analyse([config.SAMPLE_DIR], out=out)
    return out


def _review(workbook: Path, choices: dict[str, str]) -> tuple[Path, list[dict]]:
    """Write 复核 values into rows of the 匹配 sheet: status → choice, first row of each status."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["匹配"]
    header = [c.value for c in sheet[1]]
    column, status_column = header.index("复核") + 1, header.index("状态") + 1
    marked = []
    for row in range(2, sheet.max_row + 1):
        status = sheet.cell(row, status_column).value
        if status in choices and status not in {m["status"] for m in marked}:
            sheet.cell(row, column).value = choices[status]
            marked.append({"row": row, "status": status, "choice": choices[status],
                           **{name: sheet.cell(row, header.index(name) + 1).value for name in ("单位", "要求编号")}})
    reviewed = workbook.with_name("reviewed.xlsx")
    book.save(reviewed)
    return reviewed, marked


def test_a_corrected_workbook_round_trips_into_labelled_pairs(analysis: Path, tmp_path: Path) -> None:
    reviewed, marked = _review(analysis / "lzp.xlsx", {"evidenced": "改为无证据", "mentioned": "同意",
                                                        "no evidence": "要求拆分有误"})
    assert {m["status"] for m in marked} >= {"evidenced", "mentioned"}
    out = tmp_path / "pairs.jsonl"
    result = CliRunner().invoke(app, ["review", "import", str(reviewed), "--analysis", str(analysis),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    pairs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_status = {m["status"]: m for m in marked}
    overturned = next(p for p in pairs if p["requirement_id"] == by_status["evidenced"]["要求编号"])
    assert overturned["relevant"] is False and overturned["mention"] is False
    agreed = next(p for p in pairs if p["requirement_id"] == by_status["mentioned"]["要求编号"])
    assert agreed["relevant"] is False and agreed["mention"] is True
    assert all(set(p) >= {"requirement_id", "requirement_text", "unit", "passage_id", "passage_text", "relevant"}
               for p in pairs)
    assert len(pairs) == 2  # 要求拆分有误 gives no pair
    again = CliRunner().invoke(app, ["review", "import", str(reviewed), "--analysis", str(analysis), "--out", str(out)])
    assert again.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 2  # replaced, not doubled


def test_reviewed_pairs_enter_the_calibration(analysis: Path, tmp_path: Path) -> None:
    reviewed, _ = _review(analysis / "lzp.xlsx", {"evidenced": "同意", "mentioned": "改为已落实"})
    found = workflow.import_review(reviewed, tmp_path / "pairs.jsonl", analysis_dir=analysis)
    codebook = workflow.load_project_codebook()
    sample = workflow.sample_analysis(codebook)
    base = gap_evaluation.evaluate_matching(sample, path=config.MATCHES_PATH)
    more = gap_evaluation.evaluate_matching(sample, path=config.MATCHES_PATH, extra=found.pairs)
    assert more.n_pairs == base.n_pairs + len(found.pairs)


def test_an_unknown_review_value_is_a_usage_error(analysis: Path, tmp_path: Path) -> None:
    reviewed, _ = _review(analysis / "lzp.xlsx", {"evidenced": "也许"})
    result = CliRunner().invoke(app, ["review", "import", str(reviewed), "--analysis", str(analysis),
                                      "--out", str(tmp_path / "p.jsonl")])
    assert result.exit_code == 2 and "也许" in result.output
