"""The Excel workbook ``DIR/lzp.xlsx``: a summary sheet (概览), a review sheet (匹配) and one sheet per
analysis table.

Column headers are Chinese (:data:`COLUMN_LABELS`, one meaning per label: 计量单位 is the unit of a
survey figure, 融合措施 a measure code), lists are joined with "、", the header row is frozen, filterable
and repeated on every printed page; every sheet prints landscape on A4, fitted to the page width.
匹配 holds, per unit and requirement, the requirement text, the status, the verdict's confidence and
review flag when the analysis has them, the best evidence text with its location and an empty 复核
column (a drop-down) for the analyst.

No cell is ever a formula: every string is written as a string, and strings that a spreadsheet would
read as a formula (leading ``=``, ``+``, ``-``, ``@``, tab, CR) also get the quote-prefix style, the
equivalent of typing a leading apostrophe; the stored value stays the literal text.

The workbook is streamed with XlsxWriter's constant-memory mode: each row goes to disk as it is
written, so the writer's memory does not grow with the number of rows. A table longer than one sheet
can hold (:data:`MAX_SHEET_ROWS`) goes on in continuation sheets 段落（续2）, 段落（续3）…, each with the
header row and a note in the first sheet's title row of where it continues.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

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
MAX_SHEET_ROWS = 1_048_576  # Excel's rows per sheet, the header row included
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 forbids
WORKBOOK_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                    "strings_to_urls": False, "nan_inf_to_errors": True}
PAGE_FOOTER = "&C第 &P 页，共 &N 页"
PAGE_MARGINS = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.5}
HEADER_FOOTER_MARGIN = 0.25

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

HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#7F1D1D", "pattern": 1, "valign": "vcenter",
          "text_wrap": True}
WRAP = {"valign": "top", "text_wrap": True}
TITLE = {"bold": True, "font_size": 14}
BLOCK = {"bold": True, "font_size": 12}
NOTE = {"italic": True, "font_color": "#6B7280"}
REVIEW_FILL = {"bg_color": "#FEF3C7", "pattern": 1}
PERCENT = {"num_format": "0%"}
WIDE_COLUMNS = frozenset({"text", "statement", "requirement_text", "evidence_text", "definition", "evidence",
                          "review_note", "title", "normalization"})
WIDE = 50
REVIEW_WIDTH = 14
REVIEW_CHOICES = ("同意", "改为已落实", "改为仅提及", "改为无证据", "要求拆分有误")
SCAN_ROWS = 200  # rows looked at to size a column


def cell_text(value: Any) -> Any:
    """A value as Excel accepts it: numbers stay numbers, lists join with 、, text is cleaned (control
    characters dropped, line breaks as \\n) and capped."""
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
    if ILLEGAL_CHARACTERS.search(text):
        text = ILLEGAL_CHARACTERS.sub("", text)
    if "\r" in text:  # a cell's line break is \n (a stored \r would reach readers as _x000D_)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARK)] + TRUNCATION_MARK
    return text


class Styles:
    """The cell formats of one workbook, each registered once: ``styles(WRAP, REVIEW_FILL)`` is the format
    with both parts, ``styles(WRAP, quote=True)`` the same with the quote prefix."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._formats: dict[tuple[Any, ...], Format | None] = {}

    def __call__(self, *parts: dict[str, Any] | None, quote: bool = False) -> Format | None:
        key = (*(id(part) for part in parts if part), quote)
        if key not in self._formats:
            properties: dict[str, Any] = {}
            for part in parts:
                properties.update(part or {})
            if quote:
                properties["quote_prefix"] = True
            self._formats[key] = self.workbook.add_format(properties) if properties else None
        return self._formats[key]


def _plain_text(text: str) -> bool:
    """Whether ``cell_text`` would leave ``text`` as it is (the same checks) and it may be written
    without the quote prefix."""
    return (not text.startswith(FORMULA_TRIGGERS) and len(text) <= MAX_CELL_CHARS and "\r" not in text
            and not ILLEGAL_CHARACTERS.search(text))


def write_cell(sheet: Worksheet, row: int, column: int, value: Any, style: Format | None = None,
               quoted: Format | None = None) -> None:
    """One cell (0-based ``row``/``column``): numbers as numbers, every string as a string, never a
    formula; a string a spreadsheet would read as a formula gets ``quoted`` (the quote-prefix style)."""
    value = cell_text(value)
    if value is None:
        if style is not None:
            sheet.write_blank(row, column, None, style)
    elif type(value) is str:
        sheet.write_string(row, column, value, quoted if value.startswith(FORMULA_TRIGGERS) else style)
    else:
        sheet.write_number(row, column, value, style)


def _display_width(value: Any) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text[:120]) + 2


def print_setup(sheet: Worksheet, header_row: int, *, freeze_column: int = 0, fit_height: int = 0) -> None:
    """Landscape A4 fitted to the page width, the header row (1-based) repeated on every page and frozen."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, fit_height)
    sheet.set_margins(**PAGE_MARGINS)
    sheet.set_header("", {"margin": HEADER_FOOTER_MARGIN})
    sheet.set_footer(PAGE_FOOTER, {"margin": HEADER_FOOTER_MARGIN})
    sheet.center_horizontally()
    sheet.repeat_rows(header_row - 1)
    sheet.freeze_panes(header_row, freeze_column)


@dataclass(frozen=True)
class SheetPart:
    """One sheet of a table: its title and the range of the table's rows it holds."""
    title: str
    first: int
    stop: int


def sheet_parts(title: str, n_rows: int, *, max_rows: int = MAX_SHEET_ROWS) -> list[SheetPart]:
    """The sheets a table of ``n_rows`` rows needs under a header row: ``title`` alone, or ``title``
    followed by ``title（续2）``, ``title（续3）``… when it holds more rows than one sheet can."""
    per_sheet = max_rows - 1
    starts = range(0, max(n_rows, 1), per_sheet)
    return [SheetPart(title if number == 1 else f"{title}（续{number}）", start, min(start + per_sheet, n_rows))
            for number, start in enumerate(starts, start=1)]


def write_rows_sheet(workbook: Workbook, styles: Styles, title: str, columns: Sequence[str],
                     rows: Sequence[dict[str, Any]], *, review: bool = False,
                     max_rows: int = MAX_SHEET_ROWS) -> list[Worksheet]:
    """A sheet with Chinese headers from ``columns`` and one row per dict (see :func:`write_value_sheet`)."""
    return write_value_sheet(workbook, styles, title, columns,
                             [[row.get(column) for column in columns] for row in rows], review=review,
                             max_rows=max_rows)


def write_value_sheet(workbook: Workbook, styles: Styles, title: str, columns: Sequence[str],
                      rows: Sequence[Sequence[Any]], *, review: bool = False,
                      max_rows: int = MAX_SHEET_ROWS) -> list[Worksheet]:
    """Sheets with Chinese headers from ``columns`` and the rows given as values in that order: frozen,
    filterable, printable header; wide text columns wrap; the 复核 column of a review sheet is filled
    and offers :data:`REVIEW_CHOICES`. Rows beyond one sheet go on in continuation sheets."""
    labels = [COLUMN_LABELS.get(c, c) for c in columns]
    widths = [_display_width(label) for label in labels]
    for row in rows[:SCAN_ROWS]:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], _display_width(text_of(value)))
    widths = [WIDE if column in WIDE_COLUMNS else REVIEW_WIDTH if column == "review" else max(6, min(30, width))
              for column, width in zip(columns, widths, strict=True)]
    parts = [(WRAP if column in WIDE_COLUMNS else None,
              REVIEW_FILL if review and column in ("review", "review_note") else None) for column in columns]
    plain = [styles(*part) for part in parts]
    quoted = [styles(*part, quote=True) for part in parts]
    header = styles(HEADER)
    header_quoted = styles(HEADER, quote=True)
    sheets = []
    pieces = sheet_parts(title, len(rows), max_rows=max_rows)
    for piece in pieces:
        sheet = workbook.add_worksheet(piece.title)
        sheets.append(sheet)
        for index, width in enumerate(widths):
            sheet.set_column(index, index, width)
        print_setup(sheet, 1)
        for index, label in enumerate(labels):
            write_cell(sheet, 0, index, label, header, header_quoted)
        cells = list(zip(plain, quoted, strict=True))
        write_string = sheet.write_string
        for number, values in enumerate(rows[piece.first:piece.stop], start=1):
            for index, (value, (style, quote)) in enumerate(zip(values, cells, strict=True)):
                if type(value) is str and value and _plain_text(value):
                    write_string(number, index, value, style)
                else:
                    write_cell(sheet, number, index, value, style, quote)
        last = max(piece.stop - piece.first, 1)
        if columns:
            sheet.autofilter(0, 0, last, len(columns) - 1)
        if review and "review" in columns:
            column = list(columns).index("review")
            sheet.data_validation(1, column, last, column, {"validate": "list", "source": list(REVIEW_CHOICES),
                                                           "ignore_blank": True})
    return sheets


def write_table_sheet(workbook: Workbook, styles: Styles, title: str, frame: pd.DataFrame, *,
                      max_rows: int = MAX_SHEET_ROWS) -> list[Worksheet]:
    """One analysis table as a sheet (see :func:`write_value_sheet`)."""
    columns = list(frame.columns)
    values = [column_values(frame.iloc[:, index]) for index in range(len(columns))]
    rows = list(zip(*values, strict=True)) if columns else [() for _ in range(len(frame))]
    return write_value_sheet(workbook, styles, title, columns, rows, max_rows=max_rows)


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


SUMMARY_HEADER_ROW = 6


def split_note(title: str, n_rows: int, *, max_rows: int = MAX_SHEET_ROWS) -> str | None:
    """Where a table too long for one sheet continues, for the summary; None when one sheet holds it."""
    pieces = sheet_parts(title, n_rows, max_rows=max_rows)
    if len(pieces) == 1:
        return None
    where = "、".join(f"{piece.title}（第 {piece.first + 1}–{piece.stop} 行）" for piece in pieces)
    return f"{title}共 {n_rows} 行，超过一个工作表的行数上限，分 {len(pieces)} 个工作表：{where}"


def write_summary_sheet(sheet: Worksheet, styles: Styles, data: ReportData, *, notes: Sequence[str] = ()) -> None:
    """概览: unit × measure coverage (colour scale on shares), status counts, unit × measure gaps and
    unit × disconnect counts; the first table's header row is frozen and repeated when printed. ``notes``
    (tables continued on further sheets) follow the title lines."""
    units = data.units
    policies = "；".join(f"{d.get('title') or d['doc_id']} {d.get('doc_number') or ''}".strip()
                        for d in data.policy_docs)
    rows: list[list[tuple[Any, dict[str, Any] | None]]] = [
        [(f"{REPORT_TITLE} · 概览", TITLE)],
        [(f"对照文件：{policies or '—'}；单位 {len(units)} 个；要求 {len(data.requirements)} 项；"
          f"文档 {len(data.documents)} 篇" + (f"；{data.tagger_note}" if data.tagger_note else "")
          + "".join(f"；错误：{error}" for error in data.errors), None)],
        [("；".join(notes), NOTE)] if notes else [],
    ]
    ranges: list[tuple[int, int, int, int, str, str]] = []  # (first row, first col, last row, last col, high, low)

    def block(title: str, note: str, header: list[str], body: list[list[Any]], *, number_format: dict[str, Any] | None = None,
              colour: tuple[str, str] | None = None) -> None:
        rows.append([(title, BLOCK)])
        rows.append([(note, NOTE)])
        rows.append([(h, HEADER) for h in header])
        first = len(rows)
        for line in body:
            rows.append([(line[0], None), *((v, number_format) for v in line[1:])])
        last = first + max(len(body), 1) - 1
        if colour and len(header) > 1:
            ranges.append((first, 1, last, len(header) - 1, *colour))
        rows.append([])

    block(f"覆盖率：单位 × {data.group_name('measure')}", "已落实要求占该措施全部要求的比例（空白：该措施没有要求）",
          ["单位"] + [data.label(c) for c in data.measures],
          [[unit, *(data.share(unit, c) for c in data.measures)] for unit in units], number_format=PERCENT,
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

    sheet.set_column(0, 0, 26)
    sheet.set_column(1, max(len(data.measures), len(data.problems), len(STATUS_LABELS)), 16)
    print_setup(sheet, SUMMARY_HEADER_ROW, freeze_column=1, fit_height=1)
    for number, line in enumerate(rows):
        for column, (value, part) in enumerate(line):
            write_cell(sheet, number, column, value, styles(part), styles(part, quote=True))
    for first_row, first_col, last_row, last_col, high, low in ranges:
        sheet.conditional_format(first_row, first_col, last_row, last_col, {
            "type": "2_color_scale", "min_type": "num", "min_value": 0, "min_color": f"#{low}",
            "max_type": "max", "max_color": f"#{high}"})


def _view_frame(rows: Iterable[dict[str, Any]], columns: Sequence[str],
                rename: dict[str, str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))
    return frame.rename(columns=rename or {})


def _table_frames(data: ReportData) -> Iterator[tuple[str, pd.DataFrame]]:
    for title, name, drop in TABLE_SHEETS:
        frame = data.tables[name].drop(columns=[c for c in drop if c in data.tables[name].columns])
        yield title, _readable_tags(frame) if name == "tags" else frame
    yield "覆盖率明细", _view_frame(
        (data.coverage[k] for k in sorted(data.coverage)),
        ["unit", "measure", "measure_name", "n_requirements", "n_evidenced", "n_mentioned", "n_no_evidence",
         "share_evidenced", "evidenced_requirement_ids", "evidence_passage_ids"], rename={"measure": "measure_code"})
    yield "脱节明细", _view_frame(
        (data.disconnects[k] for k in sorted(data.disconnects)),
        ["unit", "disconnect", "disconnect_name", "n_passages", "n_problem", "n_cause", "share_of_problem_passages",
         "mean_strength", "passage_ids", "recommended_measures"])


def build_workbook(path: Path, data: ReportData, *, max_rows: int = MAX_SHEET_ROWS) -> Path:
    """Write the analysis workbook to ``path`` (sheets stream to disk as they are written)."""
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    styles = Styles(workbook)
    summary = workbook.add_worksheet("概览")
    columns, rows = review_rows(data)
    sizes = {"匹配": len(rows)} | {title: len(data.tables[name]) for title, name, _ in TABLE_SHEETS}
    notes = [note for title, size in sizes.items() if (note := split_note(title, size, max_rows=max_rows))]
    write_summary_sheet(summary, styles, data, notes=notes)
    write_rows_sheet(workbook, styles, "匹配", columns, rows, review=True, max_rows=max_rows)
    del rows
    for title, frame in _table_frames(data):
        write_table_sheet(workbook, styles, title, frame, max_rows=max_rows)
    workbook.close()
    return path


def build_table_workbook(path: Path, sheets: Sequence[tuple[str, pd.DataFrame]], *,
                         notes: dict[str, str] | None = None) -> Path:
    """Write a workbook of table sheets (Chinese headers, printable, frozen header) in the given order;
    a sheet named in ``notes`` ends with its note, a row below the table."""
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    styles = Styles(workbook)
    for title, frame in sheets:
        written = write_table_sheet(workbook, styles, title, frame)
        if notes and title in notes:
            rows_on_last = len(frame) - sheet_parts(title, len(frame))[-1].first
            write_cell(written[-1], rows_on_last + 2, 0, notes[title], styles(NOTE))
    workbook.close()
    return path


def write_excel(out_dir: Path, *, data: ReportData | None = None, max_rows: int = MAX_SHEET_ROWS) -> Path:
    """Write ``out_dir/lzp.xlsx``; returns its path. Tables longer than ``max_rows`` rows per sheet
    (Excel's limit by default) go on in continuation sheets, named in the summary."""
    out_dir = Path(out_dir)
    data = data or load_report_data(out_dir)
    return write_atomic(out_dir / "lzp.xlsx", lambda path: build_workbook(path, data, max_rows=max_rows))
