"""The Markdown report: escaping of document text and well-formed tables."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pytest

from pipeline.reports.markdown import md, write_markdown
from pipeline.reports.render import load_report_data

MEASURES = ("M1", "M2", "M3", "M4", "M5", "M6")


@pytest.fixture(scope="module")
def reports(analysis_dir: Path) -> dict[str, str]:
    index = write_markdown(analysis_dir)
    assert index == analysis_dir / "reports" / "index.md"
    return {path.name: path.read_text(encoding="utf-8") for path in index.parent.glob("*.md")}


def test_index_and_one_file_per_unit(analysis_dir: Path, reports: dict[str, str]) -> None:
    data = load_report_data(analysis_dir)
    assert "index.md" in reports
    assert "市直机关工委.md" in reports
    for unit in data.units:
        assert f"{data.unit_file(unit)}.md" in reports
        assert f"({quote(data.unit_file(unit))}.md)" in reports["index.md"]
    index = reports["index.md"]
    assert index.index("## 差距") < index.index("## 单位")


def test_no_live_html_from_documents(reports: dict[str, str], planted) -> None:
    joined = "\n".join(reports.values())
    for name, text in reports.items():
        assert "<script" not in text.lower(), name
        assert "<img" not in text.lower(), name
        assert "<i>" not in text and "<b>" not in text, name
        assert not re.search(r"<(?!br>)[a-z/!]", text, re.I), name  # the only tag we emit is <br>
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in reports["index.md"]
    assert "植入单位&lt;i&gt;甲&lt;/i&gt;" in joined


def test_tables_stay_well_formed(reports: dict[str, str]) -> None:
    for name, text in reports.items():
        columns = None
        for line in text.splitlines():
            if not line.startswith("|"):
                columns = None
                continue
            cells = len(re.findall(r"(?<!\\)\|", line))
            if columns is None:
                columns = cells
            assert cells == columns, (name, line[:80])


def test_index_content(reports: dict[str, str]) -> None:
    index = reports["index.md"]
    for code in MEASURES:
        assert code in index
    for label in ("覆盖率", "脱节概况", "调查数据", "导入清单", "文档信息", "编码表", "15.4％", "source truncated"):
        assert label in index


def test_unit_file_lists_requirements_with_status(analysis_dir: Path, reports: dict[str, str]) -> None:
    requirements = pd.read_parquet(analysis_dir / "tables" / "requirements.parquet")
    page = reports["市直机关工委.md"]
    assert page.index("## 差距") < page.index("## 要求")
    for requirement_id in requirements.requirement_id:
        assert md(requirement_id) in page
    assert "已落实 evidenced" in page and "无证据 no evidence" in page
    assert "## 建议措施" in page and "## 举措" in page


@pytest.mark.parametrize(("raw", "expected"), [
    ("a|b", r"a\|b"),
    ("# 标题", r"\# 标题"),
    ('=HYPERLINK("http://x","y")', r'\=HYPERLINK("http://x","y")'),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("`code`", r"\`code\`"),
    ("第一行\n第二行", "第一行 第二行"),
    ("1. 列表", r"1\. 列表"),
    ("15.4％", "15.4％"),
    ("&lt;", "&amp;lt;"),
    (["M1", "M2"], "M1、M2"),
    (None, ""),
])
def test_md_escape(raw: object, expected: str) -> None:
    assert md(raw) == expected


def test_many_units_get_a_summary_index_and_paged_unit_lists(tables_only: Path) -> None:
    from pipeline.reports.publish import report_files

    out = tables_only
    data = load_report_data(out)
    index = write_markdown(out, data=data, per_page=2)
    reports = index.parent
    n_pages = -(-len(data.units) // 2)
    pages = sorted(reports.glob("units-*.md"))
    assert [p.name for p in pages] == sorted(f"units-{n}.md" for n in range(1, n_pages + 1))
    text = index.read_text(encoding="utf-8")
    assert text.index("## 差距") < text.index("## 汇总") < text.index("## 单位列表")
    assert "各单位无证据的要求" not in text and all(f"(units-{n}.md)" in text for n in range(1, n_pages + 1))
    assert "(documents.md)" in text and "导入清单" in (reports / "documents.md").read_text(encoding="utf-8")
    linked: list[str] = []
    for page in pages:
        body = page.read_text(encoding="utf-8")
        units = re.findall(r"^\| \[[^\]]+\]\(([^)]+)\.md\) \| \d+ \| \d+ \| \d+ \| \d+ \|", body, flags=re.M)
        assert 1 <= len(units) <= 2
        linked += units
        for line in body.splitlines():  # tables stay well formed
            if line.startswith("|"):
                assert line.endswith("|")
    assert linked == [quote(data.unit_file(unit)) for unit in data.units]  # every unit once, in order
    assert {p.name for p in pages} <= report_files(data) | {f"units-{n}.md" for n in range(1, n_pages + 1)}
