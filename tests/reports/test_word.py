"""The Word briefings: sections in official-document order, fonts and page set-up, one file per unit."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.reports.render import load_report_data
from pipeline.reports.word import (
    BRIEFING_STEM,
    FONTS,
    MAX_ITEMS,
    SECTIONS,
    TABLE_SIZE,
    TABLE_STYLES,
    numeral,
    write_word,
)
from tests.reports.office import to_pdf


@pytest.fixture(scope="module")
def briefing(analysis_dir: Path) -> Path:
    path = write_word(analysis_dir)
    assert path == analysis_dir / "reports" / f"{BRIEFING_STEM}.docx"
    return path


def headings(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs
            if p.style.name in ("Title", "Heading 1", "Heading 2")]


def test_overall_briefing_has_its_sections_in_order(briefing: Path) -> None:
    found = headings(briefing)
    assert found[0][0] == "Title" and "总报告" in found[0][1]
    level1 = [text for style, text in found if style == "Heading 1"]
    assert level1 == [f"{numeral(i)}、{name}" for i, name in enumerate(SECTIONS, start=1)]


def test_one_briefing_per_unit_named_by_unit(analysis_dir: Path, briefing: Path, planted) -> None:
    data = load_report_data(analysis_dir)
    for unit in data.units:
        path = analysis_dir / "reports" / f"{data.unit_file(unit)}.docx"
        assert path.is_file(), unit
        found = headings(path)
        assert found[0] == ("Title", f"{unit}党建与业务融合情况分析")
        assert [t for s, t in found if s == "Heading 1"] == [f"{numeral(i)}、{n}" for i, n in enumerate(SECTIONS, 1)]
    assert (analysis_dir / "reports" / "市直机关工委.docx").is_file()
    text = "\n".join(p.text for p in docx.Document(str(analysis_dir / "reports" / f"{data.unit_file(planted['unit'])}.docx")).paragraphs)
    assert planted["script"] in text  # document text is kept literally (Word shows it as text)


def test_unit_briefing_lists_every_missing_requirement_under_its_measure(analysis_dir: Path, briefing: Path) -> None:
    data = load_report_data(analysis_dir)
    unit = max(data.units, key=lambda u: data.status_counts(u)["no evidence"])
    paragraphs = [p.text for p in docx.Document(str(analysis_dir / "reports" / f"{data.unit_file(unit)}.docx")).paragraphs]
    start = paragraphs.index(f"四、{SECTIONS[3]}")
    end = paragraphs.index(f"五、{SECTIONS[4]}")
    section = "\n".join(paragraphs[start:end])
    groups = data.unit_matches_by_status(unit, "no evidence")
    assert groups
    for code, matches in groups:
        for match in matches[:MAX_ITEMS]:
            assert match["requirement_id"] in section
        if len(matches) > MAX_ITEMS:
            assert f"另有 {len(matches) - MAX_ITEMS} 项" in section
        if code:
            assert re.search(rf"（[一二三四五六七八九十]+）{code} .*（{len(matches)} 项）", section), code
    recommendations = "\n".join(paragraphs[paragraphs.index(f"七、{SECTIONS[6]}"):])
    for item in data.recommendations(unit):
        assert data.label(item["disconnect"]) in recommendations


def test_fonts_and_page_setup_follow_official_style(briefing: Path) -> None:
    document = docx.Document(str(briefing))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert abs(section.top_margin - Mm(37)) < Mm(1) and abs(section.left_margin - Mm(28)) < Mm(1)
    styles = document.styles
    for style_name, role in (("Normal", "body"), ("Title", "title"), ("Heading 1", "heading1"), ("Heading 2", "heading2")):
        fonts = styles[style_name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == FONTS[role][0], style_name
        assert fonts.get(qn("w:asciiTheme")) is None
    assert styles["Normal"].font.size.pt == 16 and styles["Title"].font.size.pt == 22
    footer = section.footer._element.xml
    assert "PAGE" in footer and "— " in footer
    font_table = zipfile.ZipFile(briefing).read("word/fontTable.xml").decode("utf-8")
    for name, alternatives in FONTS.values():
        assert f'w:name="{name}"' in font_table and f'w:val="{alternatives[0]}"' in font_table


def test_tables_repeat_their_header_row(briefing: Path) -> None:
    document = docx.Document(str(briefing))
    assert document.tables
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_table_cells_take_the_table_styles(briefing: Path) -> None:
    document = docx.Document(str(briefing))
    (header_name, header_role), (body_name, body_role) = TABLE_STYLES
    for name, role in TABLE_STYLES:
        style = document.styles[name]
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == FONTS[role][0]
        assert style.font.size == TABLE_SIZE and style.paragraph_format.first_line_indent == 0
    for table in document.tables:
        assert {p.style.name for cell in table.rows[0].cells for p in cell.paragraphs} == {header_name}
        assert {p.style.name for row in table.rows[1:] for cell in row.cells for p in cell.paragraphs} <= {body_name}


def test_briefing_prints_through_libreoffice(briefing: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = to_pdf(briefing, tmp_path)
    reader = PdfReader(str(pdf))
    assert 2 <= len(reader.pages) <= 40
    text = "".join(page.extract_text() or "" for page in reader.pages)
    compact = re.sub(r"\s+", "", text)
    for index, name in enumerate(SECTIONS, start=1):
        assert f"{numeral(index)}、{name}" in compact
    assert "—1—" in compact  # page number at the foot


def test_run_properties_follow_the_schema_order(briefing: Path) -> None:
    """Word refuses a document whose run properties are out of the WordprocessingML order."""
    from lxml import etree

    order = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    checked = 0
    with zipfile.ZipFile(briefing) as archive:
        for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
            if name not in archive.namelist():
                continue
            for properties in etree.fromstring(archive.read(name)).iter(f"{namespace}rPr"):
                positions = [order.index(child.tag[len(namespace):]) for child in properties
                             if child.tag[len(namespace):] in order]
                assert positions == sorted(positions), (name, [c.tag for c in properties])
                checked += 1
    assert checked > 50


def _paragraph_texts(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_many_units_get_totals_instead_of_a_row_each(tables_only: Path) -> None:
    data = load_report_data(tables_only)
    assert len(data.units) > 2
    listed = _paragraph_texts(write_word(tables_only, data=data))
    summed = write_word(tables_only, data=data, per_page=2)
    text = _paragraph_texts(summed)
    document = docx.Document(str(summed))
    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["单位", "无证据", "要求数"] in headers and ["单位", "已落实", "仅提及", "无证据", "脱节段落"] not in headers
    assert any(h[:2] == ["融合措施", "要求数"] for h in headers)  # per measure over all units
    assert "单位较多" in text and "单位较多" not in listed
    assert all(f"{unit}：已落实" in listed for unit in data.units)  # a paragraph per unit below the limit …
    assert not any(f"{unit}：已落实" in text for unit in data.units)  # … none above it
    assert [h[0] for h in headers].count("单位") == 1
