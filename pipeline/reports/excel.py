"""The Excel workbook ``DIR/lzp.xlsx``: a summary sheet (概览), a review sheet (匹配) and one sheet per
analysis table.

Column headers are Chinese (:data:`COLUMN_LABELS`, one meaning per label: 计量单位 is the unit of a
survey figure, 融合措施 a measure code), lists are joined with "、", the header row is frozen, filterable
and repeated on every printed page; every sheet prints landscape on A4, fitted to the page width.
匹配 holds, per unit and requirement, the requirement text, the status, the verdict's confidence and
review flag when the analysis has them, the best evidence text with its location and an empty 复核
column (a drop-down) for the analyst.

No cell is ever a formula: every string is written with ``data_type = "s"`` and strings that a
spreadsheet would read as a formula (leading ``=``, ``+``, ``-``, ``@``, tab, CR) also get the quote-prefix
style, the equivalent of typing a leading apostrophe; the stored value stays the literal text.

The workbook is written in openpyxl's write-only mode, row by row: plain values go in as they are, and
a cell object is made only where a style is needed (headers, wrapped text, percentages, quote prefix).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.labels import REPORT_TITLE, ROLE_LABELS, STATUS_LABELS
from pipeline.reports.render import (
    ReportData,
    clean,
    column_values,
    confidence_text,
    load_report_data,
    needs_review,
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
    "value": "数值", "unit_of_measure": "计量单位", "measure_code": "融合措施", "population": "对象", "statement": "表述", "source": "来源",
    "year": "年份", "approx": "约数", "anonymised": "匿名化", "best_requirement_score": "最高匹配得分",
    "path": "路径", "sha256": "SHA-256", "reason": "原因", "n_documents": "文档数", "seconds": "耗时（秒）",
    "code": "编码", "group": "类别", "name": "名称", "definition": "定义", "recommended_measures": "建议措施",
    "doc_ids": "文档编号", "measure_name": "措施名称", "n_requirements": "要求数", "n_evidenced": "已落实",
    "n_mentioned": "仅提及", "n_no_evidence": "无证据", "share_evidenced": "覆盖率",
    "evidenced_requirement_ids": "已落实的要求", "disconnect": "脱节", "disconnect_name": "脱节名称",
    "n_problem": "问题段落", "n_cause": "原因段落",
    "share_of_problem_passages": "占问题/原因段落", "mean_strength": "平均强度", "passage_ids": "段落",
    "label": "标号", "level": "层级", "group_name": "类别名称", "group_kind": "类别性质", "colour": "颜色",
    "group_colour": "类别颜色", "actor": "责任主体", "instrument": "举措（抓手）", "instrument_families": "举措类别", "requirement_text": "要求内容", "measure_codes": "融合措施",
    "confidence": "置信度", "needs_review": "需复核", "evidence_text": "最佳证据", "evidence_location": "证据出处",
    "review": "复核", "review_note": "复核说明", "role_label": "角色（中文）",
    "word": "词语", "per_10k": "每万词", "rank": "排名", "keyword": "关键词", "left": "左侧语境", "match": "关键词原文",
    "right": "右侧语境", "word1": "词语一", "word2": "词语二", "expected": "期望频次", "pmi": "点互信息 PMI",
    "log_likelihood": "对数似然比 G²", "jaccard": "Jaccard 系数", "df1": "词语一段落数", "df2": "词语二段落数",
    "count": "频次",
}

# sheet title → (table, columns to drop)
TABLE_SHEETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("文档", "documents", ("normalization",)),
    ("段落", "passages", ()),
    ("标注", "tags", ()),
    ("要求", "requirements", ()),
    ("数据", "figures", ()),
    ("举措", "initiatives", ()),
    ("导入清单", "manifest", ()),
    ("编码表", "codebook", ()),
)

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="7F1D1D")
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
TITLE_FONT = Font(bold=True, size=14)
BLOCK_FONT = Font(bold=True, size=12)
NOTE_FONT = Font(italic=True, color="6B7280")
REVIEW_FILL = PatternFill("solid", fgColor="FEF3C7")
WIDE_COLUMNS = frozenset({"text", "statement", "requirement_text", "evidence_text", "definition", "evidence",
                          "review_note", "title", "normalization"})
WIDE = 50
REVIEW_WIDTH = 14
REVIEW_CHOICES = ("同意", "改为已落实", "改为仅提及", "改为无证据", "要求拆分有误")
SCAN_ROWS = 200  # rows looked at to size a column


def cell_text(value: Any) -> Any:
    """A value as Excel accepts it: numbers stay numbers, lists join with 、, text is cleaned and capped."""
    kind = type(value)
    if kind is str:
        text = value
    elif kind is int:
        return value
    else:
        value = clean(value)
        if value is None:
            return None
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, (int, float)):
            return value
        text = text_of(value)
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return text


def put(sheet: Worksheet, row: int, column: int, value: Any):
    """Write one cell of an ordinary worksheet; strings are always plain strings, never formulas."""
    value = cell_text(value)
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    return cell


def styled(sheet: Any, value: Any, *, font: Font | None = None, fill: PatternFill | None = None,
           alignment: Alignment | None = None, number_format: str | None = None) -> Any:
    """A value for ``sheet.append``: the cleaned value itself when it needs no style and cannot be read
    as a formula, otherwise a cell holding it as a string (quote-prefixed when it looks like a formula)."""
    value = cell_text(value)
    risky = type(value) is str and value.startswith(FORMULA_TRIGGERS)
    if not (risky or font or fill or alignment or number_format):
        return value
    return _styled_cell(sheet, value, style_array(sheet, font=font, fill=fill, alignment=alignment,
                                                  number_format=number_format, quote=risky))


# Per workbook: the style arrays made so far, by the identity of their parts (kept alive with them).
_STYLE_ARRAYS: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], tuple[tuple[Any, ...], StyleArray]]] = \
    weakref.WeakKeyDictionary()


def style_array(sheet: Any, *, font: Font | None = None, fill: PatternFill | None = None,
                alignment: Alignment | None = None, number_format: str | None = None,
                quote: bool = False) -> StyleArray:
    """The style of a cell with these parts, registered in the sheet's workbook once: every cell made
    with it shares the workbook's entries instead of looking each part up again."""
    arrays = _STYLE_ARRAYS.setdefault(sheet.parent, {})
    key = (id(font), id(fill), id(alignment), number_format, quote)
    found = arrays.get(key)
    if found is None:
        template = Cell(sheet, row=1, column=1)
        if font:
            template.font = font
        if fill:
            template.fill = fill
        if alignment:
            template.alignment = alignment
        if number_format:
            template.number_format = number_format
        if quote:
            template.quotePrefix = True
        found = arrays[key] = ((font, fill, alignment), StyleArray(template._style or StyleArray()))
    return found[1]


def _styled_cell(sheet: Any, value: Any, style: StyleArray) -> Cell:
    """A cell with ``style`` holding ``value``; a string is always a string, never a formula."""
    cell = Cell(sheet, row=1, column=1, style_array=style)
    if isinstance(value, str):
        cell._value = value
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _plain_cell(sheet: Any, value: Any) -> Cell:
    """An unstyled cell holding ``value`` (see :func:`row_of`: why the first plain value after a styled
    cell needs one)."""
    cell = Cell(sheet, row=1, column=1)
    cell.value = value
    return cell


def row_of(sheet: Any, values: Sequence[Any]) -> list[Any]:
    """A row for ``sheet.append``. openpyxl's write-only writer goes on using the last cell object it was
    given for the plain values after it, so that cell's style would carry over: the first plain value
    after a styled cell gets a fresh unstyled cell of its own, and the plain values after that reuse it."""
    row: list[Any] = []
    after_cell = False
    for value in values:
        if isinstance(value, Cell):
            after_cell = True
        elif value is not None and after_cell:
            value = _plain_cell(sheet, value)
            after_cell = False
        row.append(value)
    return row


def _display_width(value: Any) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text[:120]) + 2


def print_setup(sheet: Any, header_row: int, *, freeze_column: str = "A") -> None:
    """Landscape A4 fitted to the page width, the header row repeated on every page and frozen."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5, header=0.25, footer=0.25)
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = f"{freeze_column}{header_row + 1}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def write_rows_sheet(workbook: Workbook, title: str, columns: Sequence[str], rows: Sequence[dict[str, Any]],
                     *, review: bool = False) -> Any:
    """A sheet with Chinese headers from ``columns`` and one row per dict, in bulk: frozen, filterable,
    printable header; wide text columns wrap."""
    return write_value_sheet(workbook, title, columns, [[row.get(column) for column in columns] for row in rows],
                             review=review)


def write_value_sheet(workbook: Workbook, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                      *, review: bool = False) -> Any:
    """:func:`write_rows_sheet` for rows given as values in the order of ``columns``.

    Each column's style (wrapped text, the review fill) is made once; a cell object is made only for a
    styled or formula-like value, and the first plain value after one gets a fresh cell (see :func:`row_of`).
    """
    sheet = workbook.create_sheet(title)
    labels = [COLUMN_LABELS.get(c, c) for c in columns]
    widths = [_display_width(label) for label in labels]
    for row in rows[:SCAN_ROWS]:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], _display_width(text_of(value)))
    for index, column in enumerate(columns, start=1):
        width = WIDE if column in WIDE_COLUMNS else REVIEW_WIDTH if column == "review" else \
            max(6, min(30, widths[index - 1]))
        sheet.column_dimensions[get_column_letter(index)].width = width
    print_setup(sheet, 1)
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    parts = [(WRAP if column in WIDE_COLUMNS else None, REVIEW_FILL if review and column in ("review", "review_note")
              else None) for column in columns]
    plain = [style_array(sheet, alignment=alignment, fill=fill) if alignment or fill else None
             for alignment, fill in parts]
    quoted = [style_array(sheet, alignment=alignment, fill=fill, quote=True) for alignment, fill in parts]
    sheet.append([styled(sheet, label, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGNMENT)
                  for label in labels])
    triggers = FORMULA_TRIGGERS
    for values in rows:
        row: list[Any] = []
        after_cell = False
        for value, style, quote in zip(values, plain, quoted, strict=True):
            value = cell_text(value)
            if type(value) is str and value.startswith(triggers):
                value = _styled_cell(sheet, value, quote)
                after_cell = True
            elif style is not None:
                value = _styled_cell(sheet, value, style)
                after_cell = True
            elif after_cell and value is not None:
                value = _plain_cell(sheet, value)
                after_cell = False
            row.append(value)
        sheet.append(row)
    if review and "review" in columns:
        letter = get_column_letter(list(columns).index("review") + 1)
        validation = DataValidation(type="list", formula1='"' + ",".join(REVIEW_CHOICES) + '"', allow_blank=True)
        validation.add(f"{letter}2:{letter}{max(len(rows) + 1, 2)}")
        sheet.data_validations.append(validation)
    return sheet


def write_table_sheet(workbook: Workbook, title: str, frame: pd.DataFrame) -> Any:
    """One analysis table as a sheet (see :func:`write_rows_sheet`)."""
    columns = list(frame.columns)
    values = [column_values(frame.iloc[:, index]) for index in range(len(columns))]
    rows = list(zip(*values, strict=True)) if columns else [() for _ in range(len(frame))]
    return write_value_sheet(workbook, title, columns, rows)


def _readable_tags(frame: pd.DataFrame) -> pd.DataFrame:
    """The tags table with its JSON columns as text: ``M6 0.999`` and ``M6：书记…、一肩挑``."""
    frame = frame.copy()

    def scores(raw: Any) -> str:
        try:
            values = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            return text_of(raw)
        return "；".join(f"{code} {float(score):.2f}" for code, score in values.items())

    def evidence(raw: Any) -> str:
        try:
            items = json.loads(raw) if isinstance(raw, str) and raw else []
        except ValueError:
            return text_of(raw)
        by_code: dict[str, list[str]] = {}
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                by_code.setdefault(str(item.get("code") or ""), []).append(str(item.get("text") or ""))
        return "；".join(f"{code}：{'、'.join(dict.fromkeys(texts))}" for code, texts in by_code.items())

    if "scores" in frame:
        frame["scores"] = [scores(v) for v in frame["scores"]]
    if "evidence" in frame:
        frame["evidence"] = [evidence(v) for v in frame["evidence"]]
    if "role" in frame:
        frame.insert(frame.columns.get_loc("role") + 1, "role_label",
                     [ROLE_LABELS.get(r, r) for r in frame["role"]])
    return frame


def review_rows(data: ReportData) -> tuple[list[str], list[dict[str, Any]]]:
    """The 匹配 sheet: one row per unit and requirement, readable without lookups."""
    requirements = data.requirement_index
    has_confidence = "confidence" in data.tables["matches"].columns
    has_review = "needs_review" in data.tables["matches"].columns
    columns = ["unit", "requirement_id", "measure_codes", "requirement_text", "status_label", "score",
               *(["confidence"] if has_confidence else []), *(["needs_review"] if has_review else []),
               "evidence_text", "evidence_location", "evidence_passage_ids", "review", "review_note", "status"]
    rows = []
    for unit in data.units:
        for match in data.matches.get(unit, []):
            requirement = requirements.get(match["requirement_id"], {})
            evidence = list(match.get("evidence_passage_ids") or [])
            best = evidence[0] if evidence else ""
            rows.append({
                "unit": unit, "requirement_id": match["requirement_id"],
                "measure_codes": [c for c in data.measures_of(requirement) if c],
                "requirement_text": requirement.get("text"),
                "status_label": STATUS_LABELS.get(match["status"], match["status"]),
                "score": round(float(match.get("score") or 0.0), 3),
                "confidence": confidence_text(match) if has_confidence else None,
                "needs_review": ("是" if needs_review(match) else "否") if has_review else None,
                "evidence_text": (data.passage_text(best) if best else "")
                + ("（低于阈值，不构成证据）" if best and match["status"] == "no evidence" else ""),
                "evidence_location": data.location(best) if best else "",
                "evidence_passage_ids": evidence, "review": None, "review_note": None, "status": match["status"],
            })
    return columns, rows


def _colour_scale(sheet: Any, ref: str, *, high: str, low: str = "F8FAFC") -> None:
    sheet.conditional_formatting.add(ref, ColorScaleRule(start_type="num", start_value=0, start_color=low,
                                                         end_type="max", end_color=high))


SUMMARY_HEADER_ROW = 6


def write_summary_sheet(sheet: Any, data: ReportData) -> None:
    """概览: unit × measure coverage (colour scale on shares), status counts, unit × measure gaps and
    unit × disconnect counts; the first table's header row is frozen and repeated when printed."""
    units = data.units
    rows: list[list[Any]] = []
    policies = "；".join(f"{d.get('title') or d['doc_id']} {d.get('doc_number') or ''}".strip()
                        for d in data.policy_docs)
    rows.append([styled(sheet, f"{REPORT_TITLE} · 概览", font=TITLE_FONT)])
    rows.append([styled(sheet, f"对照文件：{policies or '—'}；单位 {len(units)} 个；要求 {len(data.requirements)} 项；"
                               f"文档 {len(data.documents)} 篇" + (f"；{data.tagger_note}" if data.tagger_note else "")
                               + "".join(f"；错误：{error}" for error in data.errors))])
    rows.append([])
    ranges: list[tuple[str, str, str]] = []  # (ref, high colour, low colour)

    def block(title: str, note: str, header: list[str], body: list[list[Any]], *, number_format: str | None = None,
              colour: tuple[str, str] | None = None) -> None:
        rows.append([styled(sheet, title, font=BLOCK_FONT)])
        rows.append([styled(sheet, note, font=NOTE_FONT)])
        rows.append([styled(sheet, h, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGNMENT) for h in header])
        first = len(rows) + 1
        for line in body:
            rows.append([styled(sheet, line[0]), *(styled(sheet, v, number_format=number_format) for v in line[1:])])
        last = first + max(len(body), 1) - 1
        if colour and len(header) > 1:
            ranges.append((f"B{first}:{get_column_letter(len(header))}{last}", *colour))
        rows.append([])

    block(f"覆盖率：单位 × {data.group_name('measure')}", "已落实要求占该措施全部要求的比例（空白：该措施没有要求）",
          ["单位"] + [data.label(c) for c in data.measures],
          [[unit, *(data.share(unit, c) for c in data.measures)] for unit in units], number_format="0%",
          colour=("15803D", "FEE2E2"))
    block("要求状态", "每个单位各项要求的状态数", ["单位"] + [f"{STATUS_LABELS[s]} {s}" for s in STATUS_LABELS],
          [[unit, *(data.status_counts(unit).get(s, 0) for s in STATUS_LABELS)] for unit in units])
    block(f"差距：单位 × {data.group_name('measure')}", "无证据的要求数（红色越深差距越大）",
          ["单位"] + [data.label(c) for c in data.measures],
          [[unit, *((data.coverage.get((unit, c)) or {}).get("n_no_evidence", 0) for c in data.measures)]
           for unit in units], colour=("B91C1C", "F8FAFC"))
    block(f"脱节概况：单位 × {data.group_name('problem')}", "描述该脱节的问题/原因段落数",
          ["单位"] + [data.label(c) for c in data.problems],
          [[unit, *(data.disconnect_count(unit, c) for c in data.problems)] for unit in units],
          colour=("B91C1C", "F8FAFC"))

    sheet.column_dimensions["A"].width = 26
    for column in range(2, 2 + max(len(data.measures), len(data.problems), len(STATUS_LABELS))):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    print_setup(sheet, SUMMARY_HEADER_ROW, freeze_column="B")
    sheet.page_setup.fitToHeight = 1
    for line in rows:
        sheet.append(row_of(sheet, line))
    for ref, high, low in ranges:
        _colour_scale(sheet, ref, high=high, low=low)


def _view_frame(rows: Iterable[dict[str, Any]], columns: Sequence[str],
                rename: dict[str, str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))
    return frame.rename(columns=rename or {})


def build_workbook(data: ReportData) -> Workbook:
    workbook = Workbook(write_only=True)
    write_summary_sheet(workbook.create_sheet("概览"), data)
    columns, rows = review_rows(data)
    write_rows_sheet(workbook, "匹配", columns, rows, review=True)
    for title, name, drop in TABLE_SHEETS:
        frame = data.tables[name].drop(columns=[c for c in drop if c in data.tables[name].columns])
        if name == "tags":
            frame = _readable_tags(frame)
        write_table_sheet(workbook, title, frame)
    write_table_sheet(workbook, "覆盖率明细", _view_frame(
        (data.coverage[k] for k in sorted(data.coverage)),
        ["unit", "measure", "measure_name", "n_requirements", "n_evidenced", "n_mentioned", "n_no_evidence",
         "share_evidenced", "evidenced_requirement_ids", "evidence_passage_ids"], rename={"measure": "measure_code"}))
    write_table_sheet(workbook, "脱节明细", _view_frame(
        (data.disconnects[k] for k in sorted(data.disconnects)),
        ["unit", "disconnect", "disconnect_name", "n_passages", "n_problem", "n_cause", "share_of_problem_passages",
         "mean_strength", "passage_ids", "recommended_measures"]))
    return workbook


def build_table_workbook(sheets: Sequence[tuple[str, pd.DataFrame]]) -> Workbook:
    """A workbook of table sheets (Chinese headers, printable, frozen header) in the given order."""
    workbook = Workbook(write_only=True)
    for title, frame in sheets:
        write_table_sheet(workbook, title, frame)
    return workbook


def write_excel(out_dir: Path, *, data: ReportData | None = None) -> Path:
    """Write ``out_dir/lzp.xlsx``; returns its path."""
    out_dir = Path(out_dir)
    data = data or load_report_data(out_dir)
    workbook = build_workbook(data)
    return write_atomic(out_dir / "lzp.xlsx", lambda path: workbook.save(path))
