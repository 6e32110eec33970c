"""The Word briefing: ``DIR/reports/总报告.docx`` and ``DIR/reports/<unit name>.docx``.

Written in the style of a 党政机关 document (GB/T 9704-2012): A4, margins 37/35/28/26 mm, title in
方正小标宋简体 二号 centred, first-level headings 一、二、 in 黑体 三号, second-level （一）（二） in
楷体_GB2312 三号, body in 仿宋_GB2312 三号 with a two-character first-line indent and fixed 28-point
line spacing, page numbers "— 1 —" at the foot. Latin letters and digits are set in Times New Roman.

Fonts missing on the reader's machine: each CJK font is declared in the document's font table with a
common alternative (``w:altName``) and the GB2312 character set, so Word and LibreOffice substitute
宋体 / 仿宋 / 黑体 / 楷体 rather than a Western font.

Sections (the same for the overall briefing and for a unit): 一、总体情况 二、已落实的要求 三、仅提及
四、无证据的要求 五、主要脱节问题及例证 六、调查数据 七、建议措施 (from the codebook's problem → measure
mapping). Everything is read from :class:`~pipeline.reports.render.ReportData`; codes and names come
from the codebook table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from pipeline.labels import REPORT_TITLE, STATUS_LABELS
from pipeline.reports.render import (
    NAMED_UNITS,
    UNITS_PER_PAGE,
    ReportData,
    confidence_text,
    disconnect_totals,
    load_report_data,
    measure_totals,
    most_gaps,
    needs_review,
    percent,
    text_of,
)
from pipeline.storage import write_atomic

BRIEFING_STEM = "总报告"
SECTIONS: tuple[str, ...] = ("总体情况", "已落实的要求", "仅提及", "无证据的要求", "主要脱节问题及例证", "调查数据",
                             "建议措施")
CHINESE_NUMERALS = "一二三四五六七八九十"

LATIN_FONT = "Times New Roman"
# role → (font, alternatives a reader's machine is likely to have)
FONTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "title": ("方正小标宋简体", ("华文中宋", "宋体", "SimSun")),
    "heading1": ("黑体", ("SimHei", "Noto Sans CJK SC")),
    "heading2": ("楷体_GB2312", ("楷体", "KaiTi", "AR PL UKai CN")),
    "body": ("仿宋_GB2312", ("仿宋", "FangSong", "Noto Serif CJK SC")),
}
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE_SPACING = Pt(28)
TABLE_SIZE = Pt(12)  # 小四
TABLE_LINE_SPACING = Pt(20)
# Paragraph styles of table cells (name, font role): the header row and the other rows.
TABLE_STYLES = (("表格标题", "heading1"), ("表格正文", "body"))
MAX_ITEMS = 12  # requirements listed per group before "等 n 项"
MAX_QUOTE_CHARS = 120


def numeral(index: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二 (section and sub-section numbers)."""
    if index <= 10:
        return CHINESE_NUMERALS[index - 1]
    tens, ones = divmod(index, 10)
    return (CHINESE_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    text = " ".join(text_of(text).split())
    return text if len(text) <= limit else text[:limit] + "……"


# ---------------------------------------------------------------- document set-up


def _set_run_fonts(element: Any, east_asia: str, size: Pt | None = None, bold: bool = False) -> None:
    """Fonts of a run or style ``rPr``: East Asian font, Latin font, size, weight; no theme fonts.
    Child elements are inserted in the order the WordprocessingML schema requires."""
    r_pr = element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)
    r_pr.get_or_add_b().set(qn("w:val"), "1" if bold else "0")
    r_pr.get_or_add_bCs().set(qn("w:val"), "1" if bold else "0")
    if size is not None:
        half_points = str(int(size.pt * 2))
        sz = r_pr.get_or_add_sz()
        sz.set(qn("w:val"), half_points)
        sz_cs = r_pr.find(qn("w:szCs"))
        if sz_cs is None:
            sz_cs = OxmlElement("w:szCs")
            sz.addnext(sz_cs)
        sz_cs.set(qn("w:val"), half_points)


def _declare_fonts(document: DocumentObject) -> None:
    """Font-table entries with the GB2312 character set and an alternative name for every CJK font."""
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype.endswith("/fontTable")), None)
    if part is None:
        return
    from lxml import etree

    root = etree.fromstring(part.blob)
    existing = {node.get(qn("w:name")) for node in root.findall(qn("w:font"))}
    for name, alternatives in FONTS.values():
        if name in existing:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt = etree.SubElement(font, qn("w:altName"))
        alt.set(qn("w:val"), alternatives[0])
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")  # GB2312
        family = etree.SubElement(font, qn("w:family"))
        family.set(qn("w:val"), "modern" if name == "黑体" else "roman")
        pitch = etree.SubElement(font, qn("w:pitch"))
        pitch.set(qn("w:val"), "variable")
        existing.add(name)
    # python-docx keeps the font table as a plain part that saves its ``_blob`` bytes as they are.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number_footer(section: Any) -> None:
    """"— n —" centred at the foot of every page (a PAGE field between em dashes)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        else:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        run._r.append(node)
    paragraph.add_run(" —")
    for run in paragraph.runs:
        _set_run_fonts(run._r, FONTS["body"][0], Pt(14))


def new_document() -> DocumentObject:
    """An empty A4 document with the official-document styles."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)
    styles = document.styles
    normal = styles["Normal"]
    _set_run_fonts(normal.element, FONTS["body"][0], BODY_SIZE)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_SPACING
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(32)
    for style_name, role in (("Title", "title"), ("Heading 1", "heading1"), ("Heading 2", "heading2")):
        style = styles[style_name]
        _set_run_fonts(style.element, FONTS[role][0], TITLE_SIZE if role == "title" else BODY_SIZE)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        p_format = style.paragraph_format
        p_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p_format.line_spacing = Pt(36) if role == "title" else LINE_SPACING
        p_format.space_before = Pt(0)
        p_format.space_after = Pt(14) if role == "title" else Pt(0)
        p_format.first_line_indent = Pt(0) if role == "title" else Pt(32)
        p_format.keep_with_next = True
        if role == "title":
            p_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            border = style.element.get_or_add_pPr().find(qn("w:pBdr"))
            if border is not None:  # the built-in Title style draws a rule under the title
                border.getparent().remove(border)
    for style_name, role in TABLE_STYLES:
        style = styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _set_run_fonts(style.element, FONTS[role][0], TABLE_SIZE)
        style.paragraph_format.first_line_indent = Pt(0)
        style.paragraph_format.line_spacing = TABLE_LINE_SPACING
    _page_number_footer(section)
    _declare_fonts(document)
    return document


# ---------------------------------------------------------------- writing helpers


class Briefing:
    """Appends official-style paragraphs to a document, numbering sections 一、 and （一）."""

    def __init__(self, document: DocumentObject) -> None:
        self.document = document
        self.section_number = 0
        self.sub_number = 0
        self._style_ids: dict[str, str | None] = {}

    def _styled(self, text: str, style: str) -> None:
        """``document.add_paragraph(text, style=style)`` with the style's id looked up once per document
        (python-docx searches the style definitions for every paragraph otherwise)."""
        self.document.add_paragraph(text)._p.style = self._style_id(style)

    def _style_id(self, style: str) -> str | None:
        if style not in self._style_ids:
            self._style_ids[style] = self.document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return self._style_ids[style]

    def title(self, text: str, subtitle: str = "") -> None:
        self._styled(text, "Title")
        if subtitle:
            paragraph = self.document.add_paragraph(subtitle)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Pt(0)
            for run in paragraph.runs:
                _set_run_fonts(run._r, FONTS["heading2"][0], BODY_SIZE)

    def section(self, name: str) -> None:
        self.section_number += 1
        self.sub_number = 0
        self._styled(f"{numeral(self.section_number)}、{name}", "Heading 1")

    def sub(self, name: str) -> None:
        self.sub_number += 1
        self._styled(f"（{numeral(self.sub_number)}）{name}", "Heading 2")

    def para(self, text: str, *, lead: str = "") -> None:
        paragraph = self.document.add_paragraph()
        if lead:
            run = paragraph.add_run(lead)
            run.bold = True
        paragraph.add_run(text)

    def items(self, lines: Sequence[str], *, sheet: str = "匹配") -> None:
        for number, line in enumerate(lines[:MAX_ITEMS], start=1):
            self.para(f"{number}. {line}")
        remaining = len(lines) - min(len(lines), MAX_ITEMS)
        if remaining > 0:
            self.para(f"（另有 {remaining} 项，见 Excel 工作簿“{sheet}”表。）")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header_style, body_style = (self._style_id(name) for name, _ in TABLE_STYLES)
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = header
            cell.paragraphs[0]._p.style = header_style
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
                cell.paragraphs[0]._p.style = body_style
        header_row = table.rows[0]._tr
        tr_pr = header_row.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)


def _quote(data: ReportData, passage_id: str) -> str:
    return f"“{shorten(data.passage_text(passage_id))}”（{data.location(passage_id)}）"


def _requirement_line(data: ReportData, match: dict[str, Any], *, with_quote: bool) -> str:
    requirement = data.requirement_index.get(match["requirement_id"], {})
    line = f"{shorten(requirement.get('text') or '', 90).rstrip('。；;')}（{match['requirement_id']}）"
    flags = []
    confidence = confidence_text(match)
    if confidence:
        flags.append(f"置信度 {confidence}")
    if needs_review(match):
        flags.append("需复核")
    if flags:
        line += "〔" + "，".join(flags) + "〕"
    evidence = list(match.get("evidence_passage_ids") or [])
    if with_quote and evidence:
        line += "。例证：" + _quote(data, evidence[0])
    return line


def _by_measure(data: ReportData, briefing: Briefing, unit: str, status: str, *, with_quote: bool,
                empty: str) -> None:
    groups = data.unit_matches_by_status(unit, status)
    if not groups:
        briefing.para(empty)
        return
    for code, matches in groups:
        briefing.sub(f"{data.label(code) if code else '未归入措施的要求'}（{len(matches)} 项）")
        briefing.items([_requirement_line(data, m, with_quote=with_quote) for m in matches])


def _figure_line(figure: dict[str, Any]) -> str:
    """``问卷显示，15.4％的干部有过……`` for a percentage; ``五星级党支部 复核合格：97个`` otherwise."""
    source = figure.get("source") or ""
    population = figure.get("population") or ""
    statement = figure.get("statement") or ""
    surface = figure.get("surface") or ""
    if figure.get("kind") == "percent":
        lead = f"{source}显示，" if source else ""
        return f"{lead}{surface}{'的' + population if population else ''}{statement}"
    subject = " ".join(part for part in (population, statement) if part)
    return f"{subject}：{surface}" if subject else surface


# ---------------------------------------------------------------- unit briefing


def unit_document(data: ReportData, unit: str) -> DocumentObject:
    document = new_document()
    briefing = Briefing(document)
    counts = data.status_counts(unit)
    total = sum(counts.values())
    policies = "、".join(f"《{d.get('title') or d['doc_id']}》{d.get('doc_number') or ''}" for d in data.policy_docs)
    briefing.title(f"{unit}党建与业务融合情况分析", f"（对照{policies or '对照文件'}）")

    briefing.section(SECTIONS[0])
    docs = data.unit_docs.get(unit, [])
    titles = "、".join(f"《{data.documents.get(d, {}).get('title') or d}》" for d in docs)
    briefing.para(f"本单位共提交材料 {len(docs)} 篇：{titles or '无'}。对照文件提出的 {total} 项要求中，"
                  f"{STATUS_LABELS['evidenced']} {counts['evidenced']} 项，{STATUS_LABELS['mentioned']} "
                  f"{counts['mentioned']} 项，{STATUS_LABELS['no evidence']} {counts['no evidence']} 项。")
    if data.tagger_note:
        briefing.para(data.tagger_note)
    shares = [(code, data.share(unit, code)) for code in data.measures if data.share(unit, code) is not None]
    if shares:
        best = max(shares, key=lambda item: item[1] or 0)
        worst = min(shares, key=lambda item: item[1] or 0)
        briefing.para(f"{data.group_name('measure')}中，落实证据最充分的是{data.label(best[0])}（{percent(best[1])}），"
                      f"差距最大的是{data.label(worst[0])}（{percent(worst[1])}）。")
    briefing.table(["融合措施", "要求数", "已落实", "仅提及", "无证据", "覆盖率"],
                   [[data.label(code), *(str((data.coverage.get((unit, code)) or {}).get(key, 0))
                                         for key in ("n_requirements", "n_evidenced", "n_mentioned", "n_no_evidence")),
                     percent(data.share(unit, code))] for code in data.measures])

    briefing.section(SECTIONS[1])
    _by_measure(data, briefing, unit, "evidenced", with_quote=True, empty="材料中没有与要求相匹配的做法。")
    briefing.section(SECTIONS[2])
    _by_measure(data, briefing, unit, "mentioned", with_quote=True, empty="没有仅被建议或问题段落提及的要求。")
    briefing.section(SECTIONS[3])
    _by_measure(data, briefing, unit, "no evidence", with_quote=False, empty="每项要求都至少被提及。")

    briefing.section(SECTIONS[4])
    reported = [(code, cells, ids) for code, cells, ids in data.disconnect_rows(unit) if ids]
    if not reported:
        briefing.para("材料中未发现描述脱节的问题或原因段落。")
    for code, cells, passage_ids in reported:
        briefing.sub(f"{data.label(code)}（{cells[1]} 段）")
        briefing.items([_quote(data, pid) for pid in passage_ids[:2]])

    briefing.section(SECTIONS[5])
    figures = data.unit_figures(unit)
    if figures:
        briefing.items([_figure_line(f) for f in figures], sheet="数据")
    else:
        briefing.para("材料中未提取到调查数据。")

    briefing.section(SECTIONS[6])
    _recommendations(data, briefing, [unit])
    return document


def _recommendations(data: ReportData, briefing: Briefing, units: Sequence[str]) -> None:
    """For every disconnect the units report: the measures that answer it, weakest coverage first, with
    the requirements still lacking evidence."""
    lines = []
    for code in data.problems:
        reporting = [u for u in units if data.disconnect_count(u, code)]
        if not reporting:
            continue
        info = data.codes.get(code)
        measures = list(info.recommended) if info else []
        if not measures:
            continue

        def mean_share(measure: str, reporting: list[str] = reporting) -> float:
            values = [s for s in (data.share(u, measure) for u in reporting) if s is not None]
            return sum(values) / len(values) if values else 0.0

        ordered = sorted(measures, key=mean_share)
        parts = []
        for measure in ordered:
            missing = [m["requirement_id"] for u in reporting for c, ms in data.unit_matches_by_status(u, "no evidence")
                       if c == measure for m in ms]
            missing = list(dict.fromkeys(missing))
            text = f"加强{data.label(measure)}（覆盖率 {percent(mean_share(measure))}）"
            if missing:
                text += "，重点补齐" + "、".join(missing[:4]) + (f"等 {len(missing)} 项要求" if len(missing) > 4 else "")
            parts.append(text)
        who = "" if len(units) == 1 else f"（{len(reporting)} 个单位报告）"
        lines.append(f"针对{data.label(code)}问题{who}，建议" + "；".join(parts) + "。")
    if lines:
        briefing.items(lines)
    else:
        briefing.para("材料中未报告脱节问题，建议对照无证据的要求逐项补充做法和材料。")


# ---------------------------------------------------------------- overall briefing


def overall_document(data: ReportData, *, per_page: int = UNITS_PER_PAGE, named: int = NAMED_UNITS) -> DocumentObject:
    """The overall briefing. Above ``per_page`` units its per-unit tables and lists give way to totals over
    all units and the ``named`` units with the most gaps (each unit has its own briefing)."""
    document = new_document()
    briefing = Briefing(document)
    policies = "、".join(f"《{d.get('title') or d['doc_id']}》{d.get('doc_number') or ''}" for d in data.policy_docs)
    briefing.title(REPORT_TITLE + "总报告", f"（对照{policies or '对照文件'}）")
    units = data.units
    gaps = data.gap_requirements()

    many = len(units) > per_page

    briefing.section(SECTIONS[0])
    briefing.para(f"本次分析 {len(units)} 个单位的 {len(data.documents) - len(data.policy_docs)} 篇材料，对照文件共 "
                  f"{len(data.requirements)} 项要求。其中 {len(gaps)} 项要求在所有单位的材料中都没有做法作为证据。")
    if data.tagger_note:
        briefing.para(data.tagger_note)
    if many:
        top = most_gaps(data, top=named)
        briefing.para(f"单位较多，以下为全部单位的汇总和无证据要求最多的 {len(top)} 个单位；"
                      f"每个单位的情况见各单位报告和 Excel 工作簿。")
        briefing.table(["单位", "无证据", "要求数"], [[unit, str(missing), str(total)] for unit, missing, total in top])
        briefing.table(["脱节", "报告该脱节的单位", "问题/原因段落"],
                       [[data.label(row["code"]), str(row["n_units"]), str(row["n_passages"])]
                        for row in disconnect_totals(data)])
    else:
        briefing.table(["单位", "已落实", "仅提及", "无证据", "脱节段落"],
                       [[unit, *(str(data.status_counts(unit)[s]) for s in ("evidenced", "mentioned", "no evidence")),
                         str(sum(data.disconnect_count(unit, c) for c in data.problems))] for unit in units])

    briefing.section(SECTIONS[1])
    if many:
        briefing.table(["融合措施", "要求数", "有要求的单位", "平均覆盖率", "覆盖率为 0 的单位", "全部落实的单位"],
                       [[data.label(row["code"]), str(row["n_requirements"]), str(row["n_units"]),
                         percent(row["mean_share"]) if row["mean_share"] is not None else "—", str(row["n_zero"]),
                         str(row["n_full"])] for row in measure_totals(data)])
    else:
        briefing.table(["单位", *data.measures],
                       [[unit, *(percent(data.share(unit, code)) for code in data.measures)] for unit in units])
        for unit in units:
            evidenced = data.unit_matches_by_status(unit, "evidenced")
            count = sum(len(m) for _, m in evidenced)
            briefing.para(f"{unit}：已落实 {count} 项" + ("，" + "；".join(
                f"{data.label(code) if code else '其他'} {len(ms)} 项" for code, ms in evidenced) if evidenced else "")
                + "。")

    briefing.section(SECTIONS[2])
    mentioned_by_unit = {unit: [m["requirement_id"] for _, ms in data.unit_matches_by_status(unit, "mentioned")
                                for m in ms] for unit in units}
    if many:
        with_mentions = sorted((unit for unit in units if mentioned_by_unit[unit]),
                               key=lambda unit: -len(mentioned_by_unit[unit]))
        briefing.para(f"{len(with_mentions)} 个单位有仅提及的要求，共 "
                      f"{sum(len(ids) for ids in mentioned_by_unit.values())} 项。仅提及最多的单位：")
        briefing.items([f"{unit}：{len(mentioned_by_unit[unit])} 项" for unit in with_mentions[:named]])
    else:
        for unit in units:
            ids = mentioned_by_unit[unit]
            briefing.para(f"{unit}：{len(ids)} 项" + ("（" + "、".join(ids[:8]) + ("等" if len(ids) > 8 else "")
                                                      + "）" if ids else "") + "。")

    briefing.section(SECTIONS[3])
    briefing.para(f"以下 {len(gaps)} 项要求在所有单位中都没有落实证据：")
    by_measure: dict[str, list[str]] = {}
    for requirement, statuses in gaps:
        mentioned = [u for u in units if statuses.get(u) == "mentioned"]
        line = f"{shorten(requirement.get('text') or '', 90).rstrip('。；;')}（{requirement['requirement_id']}）"
        if mentioned:
            more = f"等 {len(mentioned)} 个单位" if len(mentioned) > named else ""
            line += f"〔{'、'.join(mentioned[:named])}{more}仅提及〕"
        by_measure.setdefault(data.measures_of(requirement)[0], []).append(line)
    for code in [*data.measures, ""]:
        if code in by_measure:
            briefing.sub(f"{data.label(code) if code else '未归入措施的要求'}（{len(by_measure[code])} 项）")
            briefing.items(by_measure[code])

    briefing.section(SECTIONS[4])
    any_problem = False
    for code in data.problems:
        total = sum(data.disconnect_count(u, code) for u in units)
        if not total:
            continue
        any_problem = True
        briefing.sub(f"{data.label(code)}（{total} 段）")
        examples = []
        for unit in units:
            row = data.disconnects.get((unit, code))
            if row and row.get("passage_ids"):
                examples.append(f"{unit}：" + _quote(data, list(row["passage_ids"])[0]))
        briefing.items(examples[:3])
    if not any_problem:
        briefing.para("材料中未发现描述脱节的问题或原因段落。")

    briefing.section(SECTIONS[5])
    percents = [f for f in data.figures if f.get("kind") == "percent"]
    if percents:
        briefing.items([f"{f.get('unit') or ''}：{_figure_line(f)}" for f in percents], sheet="数据")
    else:
        briefing.para("材料中未提取到百分比类调查数据。")

    briefing.section(SECTIONS[6])
    _recommendations(data, briefing, units)
    return document


# ---------------------------------------------------------------- files


def _save(document: DocumentObject, target: Path) -> Path:
    return write_atomic(target, lambda path: document.save(str(path)))


def write_word(out_dir: Path, *, data: ReportData | None = None, per_page: int = UNITS_PER_PAGE) -> Path:
    """Write ``out_dir/reports/总报告.docx`` and one ``<unit>.docx`` per unit; returns the overall briefing
    (which, above ``per_page`` units, sums the units up instead of listing each)."""
    out_dir = Path(out_dir)
    data = data or load_report_data(out_dir)
    reports = out_dir / "reports"
    for unit in data.units:
        _save(unit_document(data, unit), reports / f"{data.unit_file(unit)}.docx")
    return _save(overall_document(data, per_page=per_page), reports / f"{BRIEFING_STEM}.docx")


__all__ = ["BRIEFING_STEM", "SECTIONS", "new_document", "overall_document", "unit_document", "write_word"]
