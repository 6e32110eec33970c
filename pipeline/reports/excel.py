"""The Excel workbook ``DIR/lzp.xlsx``: a summary sheet (概览) and one sheet per analysis table.

Column headers are Chinese (:data:`COLUMN_LABELS`), lists are joined with "、", the header row is frozen
and filterable. No cell is ever a formula: every string is written with ``data_type = "s"`` and strings
that a spreadsheet would read as a formula (leading ``=``, ``+``, ``-``, ``@``, tab, CR) also get the
quote-prefix style, the equivalent of typing a leading apostrophe; the stored value stays the literal text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.labels import REPORT_TITLE, STATUS_LABELS
from pipeline.reports.render import (
    ReportData,
    clean,
    load_report_data,
    records,
    text_of,
)
from pipeline.storage import write_atomic

MAX_CELL_CHARS = 32_000  # Excel's limit is 32,767 characters per cell
TRUNCATION_MARK = "……（已截断）"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

COLUMN_LABELS: dict[str, str] = {
    "doc_id": "文档编号", "source_path": "来源文件", "title": "标题", "doc_type": "文种", "issuer": "发文机关",
    "doc_number": "发文字号", "date": "日期", "unit": "单位", "kind": "类别", "article": "篇序",
    "duplicate_of": "重复于", "truncated": "截断", "n_chars": "字数", "n_passages": "段落数",
    "normalization": "规范化记录", "text": "文本", "passage_id": "段落编号", "section_path": "章节",
    "start": "起始位置", "end": "结束位置", "page": "页码", "paragraph": "段号", "is_heading": "是否标题",
    "role": "角色", "codes": "编码", "role_score": "角色得分", "scores": "编码得分", "evidence": "依据词",
    "requirement_id": "要求编号", "section_title": "章节标题", "key_terms": "关键词", "status": "状态",
    "status_label": "状态（中文）", "score": "得分", "evidence_passage_ids": "证据段落",
    "evidence_scores": "证据得分", "evidence_roles": "证据角色", "figure_id": "数据编号", "surface": "原文",
    "value": "数值", "measure": "量词/措施", "population": "对象", "statement": "表述", "source": "来源",
    "year": "年份", "approx": "约数", "anonymised": "匿名化", "best_requirement_score": "最高匹配得分",
    "path": "路径", "sha256": "SHA-256", "reason": "原因", "n_documents": "文档数", "seconds": "耗时（秒）",
    "code": "编码", "group": "类别", "name": "名称", "definition": "定义", "recommended_measures": "建议措施",
    "doc_ids": "文档编号", "measure_name": "措施名称", "n_requirements": "要求数", "n_evidenced": "已落实",
    "n_mentioned": "仅提及", "n_no_evidence": "无证据", "share_evidenced": "覆盖率",
    "evidenced_requirement_ids": "已落实的要求", "disconnect": "脱节", "disconnect_name": "脱节名称",
    "n_problem": "问题段落", "n_cause": "原因段落",
    "share_of_problem_passages": "占问题/原因段落", "mean_strength": "平均强度", "passage_ids": "段落",
    "label": "标号", "level": "层级", "group_name": "类别名称", "group_kind": "类别性质", "colour": "颜色",
    "group_colour": "类别颜色", "actor": "责任主体", "instrument": "举措（抓手）", "instrument_families": "举措类别",
    "confidence": "置信度", "needs_review": "需复核",
}

# sheet title → (table, columns to drop)
TABLE_SHEETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("文档", "documents", ("normalization",)),
    ("段落", "passages", ()),
    ("标注", "tags", ()),
    ("要求", "requirements", ()),
    ("匹配", "matches", ()),
    ("数据", "figures", ()),
    ("举措", "initiatives", ()),
    ("导入清单", "manifest", ()),
    ("编码表", "codebook", ()),
)

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="7F1D1D")
TITLE_FONT = Font(bold=True, size=14)


def cell_text(value: Any) -> Any:
    """A value as Excel accepts it: numbers stay numbers, lists join with 、, text is cleaned and capped."""
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", text_of(value))
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return text


def put(sheet: Worksheet, row: int, column: int, value: Any):
    """Write one cell; strings are always plain strings, never formulas."""
    value = cell_text(value)
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    return cell


def _header(sheet: Worksheet, row: int, labels: Sequence[str], start_column: int = 1) -> None:
    for offset, label in enumerate(labels):
        cell = put(sheet, row, start_column + offset, label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def _widths(sheet: Worksheet, minimum: int = 6, maximum: int = 60) -> None:
    widths: dict[int, float] = {}
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, 200)):
        for cell in row:
            if cell.value is None:
                continue
            text = str(cell.value)
            width = sum(2 if ord(c) >= 0x2E80 else 1 for c in text[:200]) + 2
            widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = max(minimum, min(maximum, width))


def write_table_sheet(workbook: Workbook, title: str, frame: pd.DataFrame) -> Worksheet:
    """One analysis table as a sheet: Chinese headers, frozen and filterable header row."""
    sheet = workbook.create_sheet(title)
    columns = list(frame.columns)
    _header(sheet, 1, [COLUMN_LABELS.get(c, c) for c in columns])
    for row_index, row in enumerate(records(frame), start=2):
        for column_index, column in enumerate(columns, start=1):
            put(sheet, row_index, column_index, row[column])
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(frame) + 1, 1)}"
    _widths(sheet)
    return sheet


def _colour_scale(sheet: Worksheet, ref: str, *, high: str) -> None:
    sheet.conditional_formatting.add(ref, ColorScaleRule(start_type="num", start_value=0, start_color="F8FAFC",
                                                         end_type="max", end_color=high))


def _block(sheet: Worksheet, row: int, title: str, note: str) -> int:
    put(sheet, row, 1, title).font = Font(bold=True, size=12)
    put(sheet, row + 1, 1, note).font = Font(italic=True, color="6B7280")
    return row + 2


def write_summary_sheet(sheet: Worksheet, data: ReportData) -> None:
    """概览: unit × measure coverage (colour scale on shares), status counts and unit × disconnect counts."""
    units = data.units
    put(sheet, 1, 1, f"{REPORT_TITLE} · 概览").font = TITLE_FONT
    policies = "；".join(f"{d.get('title') or d['doc_id']} {d.get('doc_number') or ''}".strip()
                        for d in data.policy_docs)
    put(sheet, 2, 1, f"对照文件：{policies or '—'}；单位 {len(units)} 个；要求 {len(data.requirements)} 项；"
                     f"文档 {len(data.documents)} 篇" + (f"；{data.tagger_note}" if data.tagger_note else "")
                     + "".join(f"；错误：{error}" for error in data.errors))

    row = _block(sheet, 4, f"覆盖率：单位 × {data.group_name('measure')}", "已落实要求占该措施全部要求的比例（空白：该措施没有要求）")
    _header(sheet, row, ["单位"] + [data.label(c) for c in data.measures])
    first = row + 1
    for offset, unit in enumerate(units):
        put(sheet, first + offset, 1, unit)
        for column, code in enumerate(data.measures, start=2):
            share = data.share(unit, code)
            cell = put(sheet, first + offset, column, share)
            cell.number_format = "0%"
    last = first + max(len(units), 1) - 1
    _colour_scale(sheet, f"B{first}:{get_column_letter(1 + len(data.measures))}{last}", high="15803D")

    row = _block(sheet, last + 2, "要求状态", "每个单位各项要求的状态数")
    _header(sheet, row, ["单位"] + [f"{STATUS_LABELS[s]} {s}" for s in STATUS_LABELS])
    for offset, unit in enumerate(units, start=1):
        counts = data.status_counts(unit)
        put(sheet, row + offset, 1, unit)
        for column, status in enumerate(STATUS_LABELS, start=2):
            put(sheet, row + offset, column, counts.get(status, 0))
    last = row + max(len(units), 1)

    row = _block(sheet, last + 2, f"脱节概况：单位 × {data.group_name('problem')}", "描述该脱节的问题/原因段落数")
    _header(sheet, row, ["单位"] + [data.label(c) for c in data.problems])
    first = row + 1
    for offset, unit in enumerate(units):
        put(sheet, first + offset, 1, unit)
        for column, code in enumerate(data.problems, start=2):
            put(sheet, first + offset, column, data.disconnect_count(unit, code))
    last = first + max(len(units), 1) - 1
    _colour_scale(sheet, f"B{first}:{get_column_letter(1 + len(data.problems))}{last}", high="B91C1C")

    sheet.freeze_panes = "B4"
    sheet.column_dimensions["A"].width = 28
    for column in range(2, 8):
        sheet.column_dimensions[get_column_letter(column)].width = 22


def _view_frame(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))


def build_workbook(data: ReportData) -> Workbook:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "概览"
    write_summary_sheet(summary, data)
    for title, name, drop in TABLE_SHEETS:
        frame = data.tables[name].drop(columns=[c for c in drop if c in data.tables[name].columns])
        if name == "matches":
            frame = frame.copy()
            frame.insert(frame.columns.get_loc("status") + 1, "status_label",
                         [STATUS_LABELS.get(s, s) for s in frame["status"]])
        write_table_sheet(workbook, title, frame)
    write_table_sheet(workbook, "覆盖率明细", _view_frame(
        (data.coverage[k] for k in sorted(data.coverage)),
        ["unit", "measure", "measure_name", "n_requirements", "n_evidenced", "n_mentioned", "n_no_evidence",
         "share_evidenced", "evidenced_requirement_ids", "evidence_passage_ids"]))
    write_table_sheet(workbook, "脱节明细", _view_frame(
        (data.disconnects[k] for k in sorted(data.disconnects)),
        ["unit", "disconnect", "disconnect_name", "n_passages", "n_problem", "n_cause", "share_of_problem_passages",
         "mean_strength", "passage_ids", "recommended_measures"]))
    return workbook


def write_excel(out_dir: Path, *, data: ReportData | None = None) -> Path:
    """Write ``out_dir/lzp.xlsx``; returns its path."""
    out_dir = Path(out_dir)
    data = data or load_report_data(out_dir)
    workbook = build_workbook(data)
    return write_atomic(out_dir / "lzp.xlsx", lambda path: workbook.save(path))
