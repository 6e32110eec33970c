"""The Excel workbook: no formulas from document text, summary colour scale, frozen Chinese headers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from pipeline.reports.excel import MAX_CELL_CHARS, TABLE_SHEETS, put, write_excel
from pipeline.reports.render import load_report_data

MEASURES = ("M1", "M2", "M3", "M4", "M5", "M6")


@pytest.fixture(scope="module")
def workbook_path(analysis_dir: Path) -> Path:
    path = write_excel(analysis_dir)
    assert path == analysis_dir / "lzp.xlsx"
    return path


@pytest.fixture(scope="module")
def workbook(workbook_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(workbook_path)


def test_sheets(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames[0] == "概览"
    for title, _, _ in TABLE_SHEETS:
        assert title in workbook.sheetnames


def test_planted_formula_is_plain_text(workbook: openpyxl.Workbook, planted) -> None:
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and "HYPERLINK(" in cell.value]
    assert cells
    for cell in cells:
        assert cell.data_type == "s" and cell.data_type != "f", cell.coordinate
    starting = [cell for cell in cells if cell.value.startswith(planted["formula"])]
    assert starting, "the planted passage that starts with the formula"
    for cell in starting:
        assert cell.quotePrefix
        assert cell.value.startswith('=HYPERLINK("http://x","y")')


def test_no_formula_elements_in_the_file(workbook_path: Path) -> None:
    with zipfile.ZipFile(workbook_path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert not re.search(rb"<f[ >]", archive.read(name)), name


def test_summary_has_coverage_with_colour_scale(workbook: openpyxl.Workbook, analysis_dir: Path) -> None:
    sheet = workbook["概览"]
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert any(rule.type == "colorScale" for rule in rules)
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[1] and str(row[1]).startswith("M1"))
    assert [str(v).split()[0] for v in rows[start][1:7]] == list(MEASURES)
    data = load_report_data(analysis_dir)
    block = {row[0]: row[1:7] for row in rows[start + 1: start + 1 + len(data.units)]}
    assert list(block) == data.units
    for unit in data.units:
        for index, code in enumerate(MEASURES):
            assert block[unit][index] == pytest.approx(data.share(unit, code))
    colour_ranges = [str(ranges.sqref) for ranges in sheet.conditional_formatting]
    assert f"B{start + 2}:G{start + 1 + len(data.units)}" in colour_ranges


def test_table_sheets_have_frozen_chinese_headers(workbook: openpyxl.Workbook) -> None:
    for title, _, _ in TABLE_SHEETS:
        sheet = workbook[title]
        assert sheet.freeze_panes == "A2", title
        header = [cell.value for cell in sheet[1]]
        assert all(re.search(r"[\u4e00-\u9fff]", str(h)) or h == "SHA-256" for h in header), (title, header)
    passages = [cell.value for cell in workbook["段落"][1]]
    assert "段落编号" in passages and "文本" in passages
    assert "状态" in [cell.value for cell in workbook["匹配"][1]]


def test_lists_joined_and_text_capped(workbook: openpyxl.Workbook) -> None:
    header = [cell.value for cell in workbook["要求"][1]]
    codes = header.index("编码") + 1
    joined = [row[codes - 1] for row in workbook["要求"].iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(v, str) and "、" in v for v in joined)
    for row in workbook["文档"].iter_rows(min_row=2, values_only=True):
        assert all(not isinstance(v, str) or len(v) <= MAX_CELL_CHARS for v in row)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", '=HYPERLINK("http://x","y")'])
def test_put_never_writes_a_formula(text: str, tmp_path: Path) -> None:
    book = Workbook()
    cell = put(book.active, 1, 1, text)
    assert cell.data_type == "s" and cell.quotePrefix
    book.save(tmp_path / "t.xlsx")
    loaded = openpyxl.load_workbook(tmp_path / "t.xlsx").active["A1"]
    assert loaded.value == text and loaded.data_type == "s"


def test_put_keeps_numbers_and_cleans_text() -> None:
    sheet = Workbook().active
    assert put(sheet, 1, 1, 3.5).data_type == "n"
    assert put(sheet, 2, 1, ["M1", "M2"]).value == "M1、M2"
    assert put(sheet, 3, 1, "a\x00b\x07c").value == "abc"
    assert len(put(sheet, 4, 1, "字" * 40_000).value) == MAX_CELL_CHARS
