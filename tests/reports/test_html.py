"""The HTML report on a real analysis with planted hostile text: escaping, charts, links, content."""

from __future__ import annotations

import re
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote as quote_url
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from pipeline.labels import STATUS_LABELS
from pipeline.reports.html import write_html
from pipeline.reports.publish import write_reports
from pipeline.reports.render import (
    file_stems,
    load_report_data,
    safe_stem,
)

FORBIDDEN_TAGS = {"script", "img", "iframe", "object", "embed", "link", "base", "form", "frame", "meta-refresh"}


class PageParser(HTMLParser):
    """Collects tags, attributes, ids and links of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src", "xlink:href", "action", "srcset", "poster", "data"):
            if values.get(name) is not None:
                self.links.append(values[name] or "")


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def reports(analysis_dir: Path) -> Path:
    index = write_html(analysis_dir)
    assert index == analysis_dir / "reports" / "index.html"
    return index.parent


@pytest.fixture(scope="module")
def pages(reports: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(reports.glob("*.html"))}


def test_one_page_per_unit_and_document_named_by_unit_and_title(analysis_dir: Path, reports: Path, planted) -> None:
    data = load_report_data(analysis_dir)
    assert planted["unit"] in data.units
    assert (reports / "市直机关工委.html").exists()
    assert (reports / "植入单位_i_甲_i.html").exists()  # markup characters never reach a file name
    for unit in data.units:
        assert (reports / f"{data.unit_file(unit)}.html").exists(), unit
    for doc_id, document in data.documents.items():
        assert (reports / f"{data.doc_file(doc_id)}.html").exists(), doc_id
        assert data.doc_file(doc_id).startswith(safe_stem(document["title"], "")[:20])
    stems = [*data.unit_files.values(), *data.doc_files.values()]
    assert len({s.lower() for s in stems}) == len(stems)
    assert not any(re.search(r'[<>:"/\\|?*#%\s]', p.name) for p in reports.glob("*.html"))
    assert load_report_data(analysis_dir).doc_files == data.doc_files  # stable across runs


def test_file_stems_are_sanitised_and_deduplicated() -> None:
    stems = file_stems([("a", "县直机关工委"), ("b", "县直机关工委"), ("c", "县直/机关?工委"), ("d", "INDEX"),
                        ("e", "  "), ("f", "con"), ("g", "县直机关工委")])
    assert stems == {"a": "县直机关工委", "b": "县直机关工委-2", "c": "县直_机关_工委", "d": "INDEX-2",
                     "e": "未命名", "f": "_con", "g": "县直机关工委-3"}
    assert file_stems([("x", "总报告")])["x"] == "总报告-2"  # the briefing's own name stays free
    assert len(safe_stem("很长的标题" * 40, "x")) <= 60


def test_planted_markup_is_escaped_everywhere(pages: dict[str, str], planted) -> None:
    joined = "\n".join(pages.values())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "&lt;img src=x onerror=alert(2)&gt;" in joined
    assert "植入单位&lt;i&gt;甲&lt;/i&gt;" in joined
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in joined  # the planted title
    for name, text in pages.items():
        lowered = text.lower()
        assert "<script" not in lowered, name
        assert "<img src=x" not in lowered, name
        assert "<i>甲" not in text, name
        assert "<b>问题" not in text, name


def test_pages_have_no_live_dangerous_markup_or_external_resources(reports: Path) -> None:
    for path in reports.glob("*.html"):
        parsed = parse(path)
        for tag, attrs in parsed.tags:
            assert tag not in FORBIDDEN_TAGS, (path.name, tag)
            assert not [a for a in attrs if a.startswith("on")], (path.name, tag, attrs)
            assert "javascript:" not in " ".join(v or "" for v in attrs.values()).lower(), (path.name, tag)
        for link in parsed.links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, (path.name, link)  # relative links only
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", text, re.I), path.name
        assert "@import" not in text and "url(" not in text, path.name


def test_every_relative_link_and_anchor_resolves(reports: Path) -> None:
    ids = {path.name: parse(path).ids for path in reports.glob("*.html")}
    checked = 0
    for path in reports.glob("*.html"):
        for link in parse(path).links:
            parts = urlsplit(link)
            target = unquote(parts.path) or path.name
            assert target in ids, (path.name, link)
            if parts.fragment:
                assert unquote(parts.fragment) in ids[target], (path.name, link)
                checked += 1
    assert checked > 50


def _svg(text: str, css_class: str) -> str:
    match = re.search(rf'<svg[^>]*class="{css_class}"[^>]*>.*?</svg>', text, re.S)
    assert match, css_class
    return match.group(0)


def _svg_texts(svg: str) -> list[str]:
    return [re.sub(r"<title>.*?</title>", "", t, flags=re.S) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]


def test_index_heatmap_has_measure_labels_as_text(pages: dict[str, str], analysis_dir: Path) -> None:
    index = pages["index.html"]
    heatmap = _svg(index, "heatmap")
    texts = _svg_texts(heatmap)
    for code in MEASURES:
        assert code in texts
    codebook = pd.read_parquet(analysis_dir / "tables" / "codebook.parquet")
    for name in codebook[codebook.code.str.startswith("M")].name:
        assert name in texts  # Chinese labels kept as <text>, not paths
    assert "<path" not in heatmap
    data = load_report_data(analysis_dir)
    for unit in data.units:
        for code in MEASURES:
            share = data.share(unit, code)
            if share is not None:
                assert f"{share * 100:.0f}%" in texts


def test_index_charts_and_tables(pages: dict[str, str], analysis_dir: Path) -> None:
    index = pages["index.html"]
    assert index.count("<svg") >= 3
    profile = _svg_texts(_svg(index, "disconnects"))
    for code in ("D1", "D2", "D3", "D4", "D5", "D6"):
        assert code in profile
    figures = _svg_texts(_svg(index, "figures"))
    assert any("干部" in t for t in figures) and "15.4%" in figures
    assert "曲组〔2021〕2号" in index
    manifest = pd.read_parquet(analysis_dir / "tables" / "manifest.parquet")
    for reason in manifest.reason.dropna():
        assert reason in index
    for label in ("覆盖率", "脱节", "调查数据", "导入清单", "文档信息", "重复于", "截断"):
        assert label in index
    assert 'http-equiv="Content-Security-Policy"' in index


def test_unit_page_shows_requirements_evidence_and_recommendations(analysis_dir: Path, pages: dict[str, str]) -> None:
    data = load_report_data(analysis_dir)
    unit = max(data.units, key=lambda u: data.status_counts(u)["evidenced"])
    page = pages[f"{data.unit_file(unit)}.html"]
    for section in ("覆盖率", "要求", "状态", "证据", "脱节", "举措", "建议措施"):
        assert section in page
    assert f"<h1>{unit}</h1>" in page
    for requirement in data.requirements:
        assert requirement["requirement_id"] in page
    for status, label in STATUS_LABELS.items():
        if data.status_counts(unit)[status]:
            assert f"{label} {status}</span>" in page
    evidenced = next(m for m in data.matches[unit] if m["status"] == "evidenced")
    quote = data.passages[evidenced["evidence_passage_ids"][0]]
    assert f'{quote_url(data.doc_file(quote["doc_id"]))}.html#{quote["passage_id"]}' in page
    assert "<svg" in page and 'class="coverage"' in page
    for item in data.recommendations(unit):
        for measure in item["measures"]:
            assert f"{measure['code']} {measure['name']}" in page


def test_planted_unit_page_quotes_its_practices(analysis_dir: Path, pages: dict[str, str], planted) -> None:
    page = pages[f"{load_report_data(analysis_dir).unit_file(planted['unit'])}.html"]
    assert "植入单位&lt;i&gt;甲&lt;/i&gt;" in page
    assert "一岗双责" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "&lt;img src=x onerror=alert(2)&gt;" in page


def test_document_page_anchors_every_passage(analysis_dir: Path, reports: Path) -> None:
    passages = pd.read_parquet(analysis_dir / "tables" / "passages.parquet")
    planted = passages[passages.doc_id == "planted"]
    ids = parse(reports / f"{load_report_data(analysis_dir).doc_file('planted')}.html").ids
    assert set(planted.passage_id) <= ids


MEASURES = ("M1", "M2", "M3", "M4", "M5", "M6")


def test_rewrite_is_deterministic_and_write_reports_writes_all(analysis_dir: Path, pages: dict[str, str]) -> None:
    written = write_reports(analysis_dir)
    assert set(written) == {"html", "markdown", "excel", "word"}
    assert all(path.exists() for path in written.values())
    again = {p.name: p.read_text(encoding="utf-8") for p in (analysis_dir / "reports").glob("*.html")}
    assert again == pages
    assert not list((analysis_dir / "reports").glob(".*.tmp"))


def test_every_manifest_status_has_its_chinese_label() -> None:
    from pipeline.labels import MANIFEST_STATUS_LABELS, MANIFEST_STATUSES
    from pipeline.reports.html import _manifest_badge

    assert set(MANIFEST_STATUSES) == set(MANIFEST_STATUS_LABELS)
    assert "失败" in _manifest_badge("failed") and "警告" in _manifest_badge("warning")


def test_index_opens_with_the_gap(analysis_dir: Path, pages: dict[str, str]) -> None:
    data = load_report_data(analysis_dir)
    index = pages["index.html"]
    main = index[index.index("<main>"):]
    first_section = re.search(r'<section id="([^"]+)"', main)
    assert first_section and first_section.group(1) == "gap"
    gap = main[: main.index("</section>")]
    gaps = data.gap_requirements()
    evidenced_somewhere = {m["requirement_id"] for ms in data.matches.values() for m in ms if m["status"] == "evidenced"}
    assert {r["requirement_id"] for r, _ in gaps} == {r["requirement_id"] for r in data.requirements} - evidenced_somewhere
    assert f"<strong>{len(gaps)}</strong> / {len(data.requirements)}" in gap
    for requirement, _ in gaps:
        assert html_escape(requirement["requirement_id"]) in gap
    for unit in data.units:
        assert html_escape(unit) in gap


def test_heatmap_colours_gaps_as_strongly_as_coverage() -> None:
    from pipeline.reports.html import _mix

    def darkness(colour: str) -> float:
        return 765 - sum(int(colour[i:i + 2], 16) for i in (1, 3, 5))

    none, half, full = _mix(0.0), _mix(0.5), _mix(1.0)
    assert int(none[1:3], 16) > int(none[3:5], 16)  # red
    assert int(full[3:5], 16) > int(full[1:3], 16)  # green
    assert abs(darkness(none) - darkness(full)) < 120
    assert darkness(half) < darkness(none) / 4


def test_unit_page_lists_missing_requirements_first_by_measure(analysis_dir: Path, pages: dict[str, str]) -> None:
    data = load_report_data(analysis_dir)
    unit = max(data.units, key=lambda u: data.status_counts(u)["no evidence"])
    page = pages[f"{data.unit_file(unit)}.html"]
    main = page[page.index("<main>"):]
    assert re.search(r'<section id="([^"]+)"', main).group(1) == "gap"
    gap = main[: main.index("</section>")]
    missing = [m for m in data.matches[unit] if m["status"] == "no evidence"]
    assert missing
    for match in missing:
        assert html_escape(match["requirement_id"]) in gap
    headings = re.findall(r"<h3>(.*?)（(\d+) 项）</h3>", gap)
    assert sum(int(n) for _, n in headings) == len(missing)
    order = [data.measures.index(h.split(" ")[0]) for h, _ in headings if h.split(" ")[0] in data.measures]
    assert order == sorted(order)
    requirements = main[main.index('<section id="requirements">'):]
    first_status = re.search(r'class="badge (ev|me|no)"', requirements).group(1)
    assert first_status == "no"


def test_evidence_terms_are_marked_in_quotes_and_documents(analysis_dir: Path, pages: dict[str, str], planted) -> None:
    data = load_report_data(analysis_dir)
    page = pages[f"{data.unit_file(planted['unit'])}.html"]
    assert "<mark>一岗双责</mark>" in page
    document = pages[f"{data.doc_file('planted')}.html"]
    assert "<mark>党员先锋岗</mark>" in document
    assert "<mark><" not in page  # markup in a document is escaped inside marks too


def test_confidence_and_review_flag_shown_when_the_matches_have_them(analysis_dir: Path, reports: Path,
                                                                   tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(analysis_dir / "tables", out / "tables")
    matches = pd.read_parquet(out / "tables" / "matches.parquet")
    matches["confidence"] = [0.37 if i % 2 else 0.91 for i in range(len(matches))]
    matches["needs_review"] = [i % 2 == 1 for i in range(len(matches))]
    matches.to_parquet(out / "tables" / "matches.parquet")
    write_html(out)
    data = load_report_data(out)
    page = (out / "reports" / f"{data.unit_file(data.units[0])}.html").read_text(encoding="utf-8")
    assert "置信度 0.37" in page and "置信度 0.91" in page and "需复核" in page
    without = tmp_path / "without"
    shutil.copytree(analysis_dir / "tables", without / "tables")
    matches.drop(columns=["confidence", "needs_review"]).to_parquet(without / "tables" / "matches.parquet")
    write_html(without)  # tables of an analysis written before verdicts had a confidence
    plain = (without / "reports" / f"{data.unit_file(data.units[0])}.html").read_text(encoding="utf-8")
    assert "置信度" not in plain and "需复核" not in plain



def test_matches_table_carries_each_verdicts_confidence() -> None:
    from pipeline.gap.matching import Match
    from pipeline.reports.tables import matches_frame

    frame = matches_frame([Match("甲", "R1", "mentioned", 0.4, (("p1", 0.4, "problem"),), probability=0.55,
                                 needs_review=True)])
    assert frame.evidence_passage_ids[0] == ["p1"]
    assert frame.confidence[0] == 0.55 and bool(frame.needs_review[0]) is True


def test_a_rewrite_removes_only_the_pages_it_no_longer_writes(tables_only: Path) -> None:
    out = tables_only
    reports = out / "reports"
    reports.mkdir()
    (reports / "unit-0123abcd.html").write_text("old", encoding="utf-8")  # hash-named page of an earlier version
    (reports / "notes.html").write_text("mine", encoding="utf-8")  # the analyst's own file
    write_reports(out)
    assert not (reports / "unit-0123abcd.html").exists() and (reports / "notes.html").exists()
    units = pd.read_parquet(out / "tables" / "units.parquet")
    units.loc[units.unit == "市直机关工委", "unit"] = "市直机关工委（改名）"
    units.to_parquet(out / "tables" / "units.parquet")
    matches = pd.read_parquet(out / "tables" / "matches.parquet")
    matches.loc[matches.unit == "市直机关工委", "unit"] = "市直机关工委（改名）"
    matches.to_parquet(out / "tables" / "matches.parquet")
    write_reports(out)
    assert not (reports / "市直机关工委.html").exists() and not (reports / "市直机关工委.docx").exists()
    assert (reports / "市直机关工委（改名）.html").exists() and (reports / "notes.html").exists()
    assert set((reports / ".written").read_text(encoding="utf-8").split()) <= {p.name for p in reports.iterdir()}


def test_many_units_get_a_summary_index_and_paged_unit_lists(tables_only: Path) -> None:
    out = tables_only
    data = load_report_data(out)
    assert len(data.units) > 2
    index = write_html(out, data=data, per_page=2)
    reports = index.parent
    n_pages = -(-len(data.units) // 2)
    pages = sorted(reports.glob("units-*.html"))
    assert [p.name for p in pages] == sorted(f"units-{n}.html" for n in range(1, n_pages + 1))
    text = index.read_text(encoding="utf-8")
    assert text.index('id="gap"') < text.index('id="summary"') < text.index('id="units"')  # the gap first
    assert "各单位无证据的要求" not in text and 'id="coverage"' not in text  # no per-unit rows on the index
    links = parse(index).links
    assert all(f"units-{n}.html" in links for n in range(1, n_pages + 1)) and "documents.html" in links
    seen: list[str] = []
    for page in pages:
        body = page.read_text(encoding="utf-8")
        parsed = parse(page)
        assert not any(tag in FORBIDDEN_TAGS for tag, _ in parsed.tags)
        listed = [unquote(urlsplit(link).path)[: -len(".html")] for link in parsed.links
                  if urlsplit(link).fragment == "coverage"]  # each unit's row of the coverage chart
        assert 1 <= len(listed) <= 2
        seen += listed
        assert "各单位无证据的要求" in body and "调查数据" in body
    assert seen == [data.unit_file(unit) for unit in data.units]  # every unit on exactly one page, in order
    documents = (reports / "documents.html").read_text(encoding="utf-8")
    assert "导入清单" in documents and all(html_escape(str(m.get("path"))) in documents for m in data.manifest)


def test_summary_counts_units_per_measure(analysis_dir: Path) -> None:
    from pipeline.reports.html import _summary_section

    data = load_report_data(analysis_dir)
    section = _summary_section(data, top=1)
    rows = re.findall(r"<tr>(.*?)</tr>", section)
    first = data.measures[0]
    shares = [s for u in data.units if (s := data.share(u, first)) is not None]
    row = next(r for r in rows if html_escape(data.label(first)) in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[2] == str(len(shares)) and cells[4] == str(sum(1 for s in shares if s == 0))
    worst = max(data.units, key=lambda u: data.status_counts(u)["no evidence"])
    assert section.count("#gap") == 1 and html_escape(worst) in section
