"""Units without a manifest: one document is one unit, named by its organ, its real title or its file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import config
from pipeline.corpus import ingest
from pipeline.gap.analysis import unit_of
from pipeline.structure import is_salutation, match_heading

POLITICAL = config.SHARED_DIR / "corpora" / "political"


@pytest.fixture(scope="module")
def political(tmp_path_factory: pytest.TempPathFactory):
    """Real government and congress reports (no manifest), one file each, named as they were published."""
    if not POLITICAL.is_dir():
        pytest.skip(f"political corpus not found at {POLITICAL}")
    folder = tmp_path_factory.mktemp("political")
    records = []
    for name, limit in (("cpc_congress_reports.jsonl", 16), ("government_work_reports.jsonl", 12)):
        lines = (POLITICAL / name).read_text(encoding="utf-8").splitlines()
        records += [json.loads(line) for line in lines[:limit]]
    for index, record in enumerate(records):
        (folder / f"{index:02d}-{record['title'][:40]}.txt").write_text(record["content"], encoding="utf-8")
    return ingest([folder]), len(records)


def test_real_reports_without_a_manifest_are_one_unit_each(political) -> None:
    corpus, n_files = political
    documents = [d for d in corpus.documents if d.duplicate_of is None]
    units = {unit_of(d) for d in corpus.documents}
    assert len(units) == n_files == len({Path(d.source_path).name for d in corpus.documents})
    for unit in units:
        assert not is_salutation(unit), unit
        assert match_heading(unit, line_start=True) is None, unit
        assert not unit.endswith(("。", "！", "：")), unit
    assert len(documents) >= n_files - 2  # near-identical reports may be set aside as duplicates


def test_a_speech_is_named_by_its_title_not_its_salutation(tmp_path: Path) -> None:
    (tmp_path / "讲话.txt").write_text("在全县机关党建工作会议上的讲话\n同志们：\n今天召开会议，部署工作。\n", encoding="utf-8")
    (tmp_path / "发言.txt").write_text("各位代表：\n现在，我代表县政府报告工作。\n一、过去一年的工作\n", encoding="utf-8")
    units = {Path(d.source_path).name: unit_of(d) for d in ingest([tmp_path]).documents}
    assert units == {"讲话.txt": "在全县机关党建工作会议上的讲话", "发言.txt": "发言"}


def test_the_articles_of_a_compilation_stay_under_its_unit(tmp_path: Path) -> None:
    body = "局党组建立一岗双责责任清单，每季度同步部署党建和业务工作，年底同步考核。" * 6
    text = f"县直机关党建经验汇编\n第一篇：交通局材料\n{body}\n第二篇：水利局材料\n{body}水利。\n"
    (tmp_path / "汇编.txt").write_text(text, encoding="utf-8")
    documents = ingest([tmp_path]).documents
    assert len(documents) == 3 and {unit_of(d) for d in documents} == {"县直机关党建经验汇编"}
