"""The analysis workflow on a research group's own codebook: names, groups and counts follow it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from pipeline import config, workflow
from pipeline.cli import app
from pipeline.errors import ModelError

SMALL = config.CORPORA_DIR / "examples" / "codebook-small.yaml"


def _texts(out: Path) -> dict[str, str]:
    """Index page, Excel overview (all cell values) and the qdpx code book of an analysis."""
    workbook = openpyxl.load_workbook(out / "lzp.xlsx", read_only=True)
    overview = workbook.worksheets[0]
    cells = "\n".join(str(v) for row in overview.iter_rows(values_only=True) for v in row if v is not None)
    with zipfile.ZipFile(out / "corpus.qdpx") as archive:
        project = archive.read("project.qde").decode("utf-8")
    return {"html": (out / "reports" / "index.html").read_text(encoding="utf-8"), "excel": cells, "qdpx": project}


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project codebook with measure M1 renamed, analysed with the shipped model."""
    root = tmp_path_factory.mktemp("renamed")
    data = yaml.safe_load(config.CODEBOOK_PATH.read_text(encoding="utf-8"))
    data["codes"]["M1"]["name"] = "理念同频"
    codebook = root / "renamed.yaml"
    codebook.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(config.SAMPLE_DIR), "--codebook", str(codebook),
                                      "--model", str(config.MODEL_PATH), "--out", str(root / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    return root / "out"


def test_a_renamed_measure_shows_its_new_name_everywhere(renamed: Path) -> None:
    for name, text in _texts(renamed).items():
        assert "M1 理念同频" in text, name
        assert "M1 理念融合" not in text, name


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> workflow.AnalysisRun:
    out = tmp_path_factory.mktemp("small")
    return workflow.analyse([config.SAMPLE_DIR], out=out, codebook_path=SMALL)


def test_a_codebook_with_other_groups_renders_its_own_columns(small: workflow.AnalysisRun) -> None:
    out = small.outputs["html"].parent.parent
    texts = _texts(out)
    measures = ["A1 理念引领", "A2 学习教育", "A3 机制建设", "A4 队伍建设"]
    problems = ["P1 认识不到位", "P2 机制不健全", "P3 形式主义"]
    workbook = openpyxl.load_workbook(out / "lzp.xlsx", read_only=True)
    rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    header = next(row for row in rows if row and row[0] == "单位" and row[1] == measures[0])
    assert [v for v in header[1:] if v] == measures  # four measure columns, nothing else
    disconnect_header = next(row for row in rows if row and row[0] == "单位" and row[1] == problems[0])
    assert [v for v in disconnect_header[1:] if v] == problems
    for label in measures + problems:
        assert label in texts["html"] and label in texts["qdpx"]
    assert "三类问题" in texts["qdpx"] and "四项举措" in texts["qdpx"]
    assert "六个融合" not in texts["qdpx"] and "M1 " not in texts["qdpx"]


def test_without_its_own_model_the_tagger_runs_rules_only_and_says_so(small: workflow.AnalysisRun) -> None:
    assert small.tagger.mode == "rules"
    out = small.outputs["html"].parent.parent
    assert "仅使用规则标注" in (out / "reports" / "index.html").read_text(encoding="utf-8")
    assert "仅使用规则标注" in (out / "reports" / "index.md").read_text(encoding="utf-8")
    assert "codebook-small.yaml" in small.tagger.note
    codes = {code for result in small.analysis.tags.values() for code in result.codes}
    assert codes and codes <= {"P1", "P2", "P3", "A1", "A2", "A3", "A4"}


def test_the_shipped_model_refuses_a_codebook_with_other_codes() -> None:
    codebook = workflow.load_project_codebook(SMALL)
    with pytest.raises(ModelError, match="trained for the codes D1"):
        workflow.choose_tagger(codebook, codebook_path=SMALL, model_path=config.MODEL_PATH)


def test_train_writes_where_asked_and_the_model_serves_its_codebook(tmp_path: Path) -> None:
    """A research group trains on its own gold file; the model carries no codebook and gets it back at load."""
    gold = tmp_path / "gold.jsonl"
    lines = []
    examples = {
        "P1": ["有的单位把党建当作软任务。", "少数干部认为党建是副业。"],
        "P3": ["个别支部组织生活走过场。", "有的会议流于形式。"],
        "A2": ["中心组每月学习一次三会一课。", "开展党员教育培训三期。"],
        "A3": ["建立一岗双责责任清单。", "推行同部署同考核。"],
    }
    for doc in range(3):
        for code, texts in examples.items():
            for index, text in enumerate(texts):
                lines.append({"passage_id": f"g{doc}:{code}{index}", "doc_id": f"g{doc}", "text": text,
                              "codes": [code], "role": "problem" if code.startswith("P") else "practice"})
        lines.append({"passage_id": f"g{doc}:x", "doc_id": f"g{doc}", "text": "背景介绍。", "codes": [],
                      "role": "other"})
    import json

    gold.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    model = tmp_path / "models" / "small.skops"
    workflow.train(gold_path=gold, codebook_path=SMALL, model_path=model,
                   evaluation_report=tmp_path / "no-report.md")
    assert model.is_file() and (model.parent / "README.md").is_file()
    codebook = workflow.load_project_codebook(SMALL)
    choice = workflow.choose_tagger(codebook, codebook_path=SMALL, model_path=model)
    assert choice.mode == "combined"
    (result,) = choice.tagger.tag_document(["有的单位把党建当作软任务。"])
    assert "P1" in result.codes
    params = choice.tagger.code_model.named_steps["features"].transformers[2][1].get_params()
    assert params["codebook"] is codebook


def test_a_yardstick_without_obligations_is_reported_loudly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "讲话.txt").write_text("在机关党建工作会议上的讲话\n同志们：\n今天天气很好。会议开得很成功。\n",
                                    encoding="utf-8")
    (folder / "报告.txt").write_text("关于党建工作的经验材料\n局党组建立了责任清单。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--policy", str(folder / "讲话.txt"),
                                      "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "error:" in result.output and "no requirement found" in result.output
    assert "错误" in (out / "reports" / "index.html").read_text(encoding="utf-8")
    assert "no requirement found" in (out / "lzp.log").read_text(encoding="utf-8")


def test_outputs_written_side_by_side_are_the_files_written_one_after_the_other(tmp_path: Path) -> None:
    import filecmp
    import shutil

    from pipeline.reports.publish import WRITTEN_LIST

    first = tmp_path / "one"
    workflow.analyse([config.SAMPLE_DIR], out=first)
    second = tmp_path / "two"
    shutil.copytree(first, second)
    stale = second / "reports" / "旧单位.html"  # a page an earlier run wrote and this one does not
    stale.write_text("old", encoding="utf-8")
    listed = second / "reports" / WRITTEN_LIST
    listed.write_text(listed.read_text(encoding="utf-8") + "旧单位.html\n", encoding="utf-8")
    for path in [*second.glob("reports/*"), *second.glob("tables/word_frequencies.parquet"), second / "lzp.xlsx"]:
        if path.name != WRITTEN_LIST and path != stale:
            path.unlink()
    codebook = workflow.load_project_codebook()
    written = workflow.write_outputs(second, codebook=codebook, project_name=f"lzp: {first.name}", parallel=True)
    assert {"qdpx", "html", "excel", "word", "markdown"} <= set(written)
    assert not stale.exists()
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    for name in ("reports/index.html", "reports/index.md", "tables/word_frequencies.parquet"):
        assert filecmp.cmp(first / name, second / name, shallow=False), name


def test_the_log_records_how_long_each_stage_took(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(config.SAMPLE_DIR), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    log = (out / config.LOG_FILE_NAME).read_text(encoding="utf-8")
    for stage in ("ingest", "tag", "requirements", "match", "figures", "write"):
        assert f"stage {stage} " in log, stage
