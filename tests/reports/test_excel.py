"""The Excel workbook: no formulas from document text, summary colour scale, frozen Chinese headers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.utils import get_column_letter

from pipeline.reports.excel import (
    MAX_CELL_CHARS,
    SUMMARY_HEADER_ROW,
    TABLE_SHEETS,
    WORKBOOK_OPTIONS,
    WRAP,
    Styles,
    cell_text,
    sheet_parts,
    write_cell,
    write_excel,
    write_value_sheet,
)
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


def _one_sheet(path: Path, cells: list[tuple[object, dict | None]]) -> openpyxl.worksheet.worksheet.Worksheet:
    book = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    styles = Styles(book)
    sheet = book.add_worksheet("t")
    for column, (value, part) in enumerate(cells):
        write_cell(sheet, 0, column, value, styles(part), styles(part, quote=True))
    book.close()
    return openpyxl.load_workbook(path)["t"]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", '=HYPERLINK("http://x","y")'])
def test_a_cell_is_never_a_formula(text: str, tmp_path: Path) -> None:
    cell = _one_sheet(tmp_path / "t.xlsx", [(text, None)])["A1"]
    assert cell.value == text.replace("\r", "\n") and cell.data_type == "s" and cell.quotePrefix


def test_cell_text_keeps_numbers_and_cleans_text() -> None:
    assert cell_text(3.5) == 3.5 and cell_text(7) == 7 and cell_text(True) == "是"
    assert cell_text(["M1", "M2"]) == "M1、M2"
    assert cell_text("a\x00b\x07c") == "abc"
    assert cell_text("一\r\n二\r三") == "一\n二\n三"
    assert len(cell_text("字" * 40_000)) == MAX_CELL_CHARS
    assert cell_text(float("nan")) is None


TRICKY_TEXTS = ["普通文本", "=1+1", "＝SUM(A1)", "-2", "\t前导制表符", "中间\t制表符", "一\r\n二", "a\x00b", "行\n换行",
                "\x0b垂直制表", "字" * 40_000, " 前后空格 ", "", "x"]


def test_table_rows_are_written_as_single_cells_are(tmp_path: Path) -> None:
    """The row loop of a table sheet writes plain text directly; every cell must read back exactly as
    :func:`write_cell` writes it (cleaned, capped, formula-looking text quote-prefixed)."""
    book = xlsxwriter.Workbook(str(tmp_path / "rows.xlsx"), WORKBOOK_OPTIONS)
    styles = Styles(book)
    columns = [f"c{index}" for index in range(len(TRICKY_TEXTS))]
    write_value_sheet(book, styles, "t", columns, [TRICKY_TEXTS])
    book.close()
    table = openpyxl.load_workbook(tmp_path / "rows.xlsx")["t"][2]
    single = _one_sheet(tmp_path / "cells.xlsx", [(text, None) for text in TRICKY_TEXTS])[1]
    for text, from_table, from_cell in zip(TRICKY_TEXTS, table, single, strict=True):
        assert (from_table.value, from_table.quotePrefix) == (from_cell.value, from_cell.quotePrefix), repr(text[:20])
    assert table[1].quotePrefix and table[1].value == "=1+1" and table[7].value == "ab"


def test_styles_do_not_carry_over_between_cells(tmp_path: Path) -> None:
    row = _one_sheet(tmp_path / "t.xlsx", [("长文本", WRAP), (0.5, None), ("=1+1", None), ("x", None), (3, None)])[1]
    assert row[0].alignment.wrap_text
    assert not row[1].alignment.wrap_text and row[1].number_format == "General" and row[1].value == 0.5
    assert row[2].data_type == "s" and row[2].quotePrefix and row[2].value == "=1+1"
    assert not row[3].quotePrefix and not row[4].quotePrefix and row[4].value == 3


def test_sheet_parts_split_at_the_row_limit() -> None:
    assert [(p.title, p.first, p.stop) for p in sheet_parts("段落", 5, max_rows=10)] == [("段落", 0, 5)]
    assert [(p.title, p.first, p.stop) for p in sheet_parts("段落", 0, max_rows=10)] == [("段落", 0, 0)]
    parts = sheet_parts("段落", 20, max_rows=10)  # 9 data rows under each header row
    assert [(p.title, p.first, p.stop) for p in parts] == [("段落", 0, 9), ("段落（续2）", 9, 18), ("段落（续3）", 18, 20)]


def test_long_tables_go_on_in_continuation_sheets(tables_only: Path) -> None:
    out = tables_only
    data = load_report_data(out)
    n_passages = len(data.tables["passages"])
    book = openpyxl.load_workbook(write_excel(out, data=data, max_rows=101), read_only=True)
    parts = [name for name in book.sheetnames if name == "段落" or name.startswith("段落（续")]
    assert len(parts) == -(-n_passages // 100) > 1
    header = None
    ids = []
    for name in parts:
        rows = list(book[name].iter_rows(values_only=True))
        assert header is None or rows[0] == header, name  # every part has the header row
        header = rows[0]
        assert len(rows) - 1 <= 100
        ids += [row[header.index("段落编号")] for row in rows[1:]]
    assert ids == list(data.tables["passages"]["passage_id"])  # every row once, in order
    summary = " ".join(str(v) for row in book["概览"].iter_rows(max_row=4, values_only=True) for v in row if v)
    assert f"段落共 {n_passages} 行" in summary and "段落（续2）" in summary


def test_every_sheet_prints_landscape_fitted_to_width_with_repeated_header(workbook: openpyxl.Workbook) -> None:
    for sheet in workbook:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert int(setup.fitToWidth or 1) == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert str(setup.paperSize) == "9", sheet.title
        header_row = SUMMARY_HEADER_ROW if sheet.title == "概览" else 1
        if sheet.title != "概览":
            assert str(setup.fitToHeight) == "0", sheet.title  # as many pages down as it takes
        assert sheet.print_title_rows.replace("$", "") == f"{header_row}:{header_row}", sheet.title
        assert sheet.freeze_panes.endswith(str(header_row + 1)), sheet.title
        header = [c.value for c in sheet[header_row]]
        assert header[0] and re.search(r"[\u4e00-\u9fff]", str(header[0])), (sheet.title, header)
    assert int(workbook["概览"].page_setup.fitToHeight or 1) == 1
    assert workbook["概览"].freeze_panes == f"B{SUMMARY_HEADER_ROW + 1}"
    assert workbook["概览"].cell(SUMMARY_HEADER_ROW, 1).value == "单位"


def test_one_meaning_per_column_label(workbook: openpyxl.Workbook) -> None:
    for sheet in workbook:
        if sheet.title == "概览":
            continue
        header = [c.value for c in sheet[1]]
        assert len(header) == len(set(header)), (sheet.title, header)
        assert "量词/措施" not in header
    assert "计量单位" in [c.value for c in workbook["数据"][1]]
    assert "融合措施" in [c.value for c in workbook["覆盖率明细"][1]]
    assert "计量单位" not in [c.value for c in workbook["覆盖率明细"][1]]


def test_matching_sheet_reads_without_lookups(workbook: openpyxl.Workbook, analysis_dir: Path) -> None:
    data = load_report_data(analysis_dir)
    sheet = workbook["匹配"]
    header = [c.value for c in sheet[1]]
    for label in ("单位", "要求编号", "要求内容", "状态（中文）", "最佳证据", "证据出处", "复核"):
        assert label in header, label
    assert "置信度" in header and "需复核" in header  # every verdict carries its confidence
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == sum(len(m) for m in data.matches.values())
    evidenced = next(r for r in rows if r["状态（中文）"] == "已落实")
    requirement = data.requirement_index[evidenced["要求编号"]]
    assert evidenced["要求内容"] == requirement["text"]
    assert evidenced["最佳证据"] and evidenced["最佳证据"] in "".join(p["text"] for p in data.passages.values())
    assert all(r["复核"] is None for r in rows)
    review_cells = [row[header.index("复核")] for row in sheet.iter_rows(min_row=2, max_row=5)]
    assert all(c.fill.fgColor.rgb.endswith("FEF3C7") for c in review_cells)  # marked for the analyst to fill in
    assert sheet.column_dimensions[get_column_letter(header.index("复核") + 1)].width >= 12
    review = header.index("复核") + 1
    validations = sheet.data_validations.dataValidation
    assert any(get_column_letter(review) in str(v.sqref) and "同意" in v.formula1 for v in validations)
    tags = workbook["标注"]
    tag_header = [c.value for c in tags[1]]
    values = [r[tag_header.index("依据词")] for r in tags.iter_rows(min_row=2, values_only=True)]
    assert not any(isinstance(v, str) and v.startswith("[{") for v in values)
    assert any(isinstance(v, str) and re.match(r"^[A-Z]+\d+：", v) for v in values)


def test_matching_sheet_shows_confidence_when_present(tables_only: Path) -> None:
    import pandas as pd

    out = tables_only
    matches = pd.read_parquet(out / "tables" / "matches.parquet")
    matches["confidence"] = 0.42
    matches["needs_review"] = [i % 3 == 0 for i in range(len(matches))]
    matches.to_parquet(out / "tables" / "matches.parquet")
    sheet = openpyxl.load_workbook(write_excel(out))["匹配"]
    header = [c.value for c in sheet[1]]
    assert "置信度" in header and "需复核" in header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[header.index("置信度")] for r in rows} == {"0.42"}
    assert {r[header.index("需复核")] for r in rows} == {"是", "否"}


def test_overview_prints_on_at_most_two_pages(workbook_path: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from tests.reports.office import to_pdf

    book = openpyxl.load_workbook(workbook_path)
    for name in book.sheetnames[1:]:
        del book[name]
    overview = tmp_path / "overview.xlsx"
    book.save(overview)
    pdf = to_pdf(overview, tmp_path)
    assert len(PdfReader(str(pdf)).pages) <= 2
