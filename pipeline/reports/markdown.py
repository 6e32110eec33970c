"""The Markdown report: ``DIR/reports/index.md`` and ``DIR/reports/<unit name>.md``, the gap first.

Same content as the HTML report, as tables. Document text is Markdown-escaped by :func:`md`: ``&``, ``<`` and
``>`` become entities (so HTML inside a document is never live), ``|`` and Markdown punctuation are
backslash-escaped, line breaks become spaces and a leading ``#``, ``=``, ``-``, ``+`` or ``1.`` cannot
start a heading or list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from pipeline.labels import MANIFEST_STATUS_LABELS, REPORT_TITLE, ROLE_LABELS, STATUS_LABELS
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
    unit_list_name,
    unit_slices,
)
from pipeline.storage import write_text_atomic

_PUNCTUATION = re.compile(r"([\\`*_\[\]{}|~!])")
_LEADING = re.compile(r"^(\s*)([#=+\-])")
_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")
_QUOTE_CHARS = 300
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")


def md(value: Any, *, limit: int | None = None) -> str:
    """Escape any value for Markdown text or a table cell (one line)."""
    return _escaped(text_of(value), limit)


@lru_cache(maxsize=65_536)
def _escaped(text: str, limit: int | None) -> str:
    """:func:`md` of a text; remembered, since every unit's page repeats the requirements' texts."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    text = _LINE_BREAKS.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = text.strip()
    text = _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def md_id(value: Any) -> str:
    """An identifier as a code span when that is safe, otherwise escaped text."""
    text = text_of(value)
    if text and "`" not in text and not re.search(r"[\r\n|<>&]", text):
        return f"`{text}`"
    return md(text)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A Markdown table from already-escaped cells."""
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---:" if i in numeric else "---" for i in range(len(headers))) + "|"]
    count = 0
    for row in rows:
        lines.append("| " + " | ".join(cell or " " for cell in row) + " |")
        count += 1
    if not count:
        lines.append("| " + " | ".join(["（无）"] + [" "] * (len(headers) - 1)) + " |")
    return "\n".join(lines) + "\n"


def _link(data: ReportData, unit: str) -> str:
    return url_quote(f"{data.unit_file(unit)}.md")


def _status(status: str) -> str:
    return f"{STATUS_LABELS.get(status, status)} {status}"


def _verdict(match: dict[str, Any]) -> str:
    """Status, and the verdict's confidence and review flag when the analysis has them."""
    text = md(_status(match["status"]))
    confidence = confidence_text(match)
    if confidence:
        text += f"（置信度 {md(confidence)}）"
    if needs_review(match):
        text += " **需复核**"
    return text


def _quote_cell(data: ReportData, quote: dict[str, Any]) -> str:
    score = quote.get("score")
    meta = [md_id(quote["passage_id"]), md(ROLE_LABELS.get(quote.get("role") or "", quote.get("role") or ""))]
    if score is not None:
        meta.append(f"{float(score):.2f}")
    return f"“{md(quote['text'], limit=_QUOTE_CHARS)}”（{'，'.join(m for m in meta if m)}；{md(quote['location'])}）"


def _figures_table(figures: Iterable[dict[str, Any]]) -> str:
    rows = [[md(f.get("unit")), md(f.get("surface")), md(f.get("value")), md(f.get("unit_of_measure")), md(f.get("kind")),
             md(f.get("population")), md(f.get("statement")), md(f.get("source")), md(f.get("year")),
             md_id(f.get("passage_id"))] for f in figures]
    return table(["单位", "原文", "数值", "计量单位", "类型", "对象", "表述", "来源", "年份", "段落"], rows, numeric=(2,))


MARKDOWN_DOCUMENTS_FILE = "documents.md"


def _header(data: ReportData) -> list[str]:
    out = [f"# {md(REPORT_TITLE)}\n"]
    for error in data.errors:
        out.append(f"> **错误**：{md(error)}\n")
    if data.tagger_note:
        out.append(f"> **注意**：{md(data.tagger_note)}\n")
    for policy in data.policy_docs:
        out.append(f"对照文件（要求来源）：{md(policy.get('title'))} {md(policy.get('doc_number'))} "
                   f"{md(policy.get('date'))}（{md_id(policy['doc_id'])}）\n")
    out.append(f"单位 {len(data.units)} 个 · 要求 {len(data.requirements)} 项 · 文档 {len(data.documents)} 篇\n")
    return out


def _gap_requirements(data: ReportData, *, named: int = NAMED_UNITS) -> list[str]:
    gaps = data.gap_requirements()
    rows = []
    for requirement, statuses in gaps:
        mentioned = [u for u in data.units if statuses.get(u) == "mentioned"]
        names = md(mentioned[:named]) + (f" 等 {len(mentioned)} 个单位" if len(mentioned) > named else "")
        rows.append([md(requirement["requirement_id"]), md(requirement.get("codes")), md(requirement.get("text")),
                     names or "—"])
    return ["## 差距：没有落实证据的要求\n",
            f"**{len(gaps)}** / {len(data.requirements)} 项要求在所有单位中都没有做法段落作为证据。\n",
            table(["要求", "编码", "内容", "仅提及的单位"], rows)]


def _unit_blocks(data: ReportData, units: Sequence[str]) -> list[str]:
    """Per unit of ``units``: requirements without evidence, statuses, coverage and disconnects."""
    out = ["### 各单位无证据的要求（按融合措施）\n"]
    out.append(table(["单位", "无证据", "无证据的要求"],
                     [[f"[{md(unit)}]({_link(data, unit)})",
                       str(sum(len(m) for _, m in data.unit_matches_by_status(unit, "no evidence"))),
                       md("；".join(f"{data.label(code) if code else '未归入措施'}：" + "、".join(m["requirement_id"] for m in ms)
                                   for code, ms in data.unit_matches_by_status(unit, "no evidence")))]
                      for unit in units], numeric=(1,)))

    out.append("## 单位\n")
    rows = []
    for unit in units:
        counts = data.status_counts(unit)
        rows.append([f"[{md(unit)}]({_link(data, unit)})", str(len(data.unit_docs.get(unit, []))),
                     str(counts["evidenced"]), str(counts["mentioned"]), str(counts["no evidence"]),
                     str(sum(data.disconnect_count(unit, c) for c in data.problems)),
                     str(len(data.initiatives.get(unit, []))), str(len(data.unit_figures(unit)))])
    out.append(table(["单位", "文档数", "已落实 evidenced", "仅提及 mentioned", "无证据 no evidence", "脱节段落",
                      "自有举措", "数据"], rows, numeric=range(1, 8)))

    out.append(f"## 覆盖率：单位 × {md(data.group_name('measure'))}\n")
    out.append("已落实要求占该措施全部要求的比例（已落实/要求数）。\n")
    rows = []
    for unit in units:
        cells = [md(unit)]
        for code in data.measures:
            cov = data.coverage.get((unit, code)) or {}
            share = data.share(unit, code)
            cells.append("—" if share is None else
                         f"{percent(share)}（{cov.get('n_evidenced', 0)}/{cov.get('n_requirements', 0)}）")
        rows.append(cells)
    out.append(table(["单位"] + [md(data.label(c)) for c in data.measures], rows, numeric=range(1, len(data.measures) + 1)))

    out.append(f"## 脱节概况：{md(data.group_name('problem'))}\n")
    out.append("各单位描述该脱节的问题/原因段落数。\n")
    rows = [[md(u)] + [str(data.disconnect_count(u, c)) for c in data.problems] for u in units]
    out.append(table(["单位"] + [md(data.label(c)) for c in data.problems], rows, numeric=range(1, len(data.problems) + 1)))
    return out


def _figures(figures: Sequence[dict[str, Any]]) -> list[str]:
    is_percent = [f.get("kind") == "percent" or f.get("unit_of_measure") in ("%", "％") for f in figures]
    return ["## 调查数据\n", "### 百分比（问卷等）\n",
            _figures_table(f for f, flag in zip(figures, is_percent, strict=True) if flag),
            "### 计数与其他数据\n",
            _figures_table(f for f, flag in zip(figures, is_percent, strict=True) if not flag)]


def _documents(data: ReportData) -> list[str]:
    return [
        "## 文档\n", "### 导入清单\n",
        table(["路径", "状态", "原因", "文档数", "字数"],
              [[md(m.get("path")), md(f"{MANIFEST_STATUS_LABELS.get(m.get('status') or '', '')} "
                                     f"{m.get('status') or ''}"),
                md(m.get("reason")), md(m.get("n_documents")), md(m.get("n_chars"))] for m in data.manifest],
              numeric=(3, 4)),
        "### 文档信息\n",
        table(["文档编号", "标题", "文种", "发文字号", "日期", "单位", "类别", "重复于 duplicate_of", "截断", "段落数"],
              [[md_id(d["doc_id"]), md(d.get("title")), md(d.get("doc_type")), md(d.get("doc_number")),
                md(d.get("date")), md(d.get("unit")), md("对照文件" if d.get("kind") == "policy" else d.get("kind")),
                md_id(d.get("duplicate_of")) if d.get("duplicate_of") else "", md(d.get("truncated")),
                md(d.get("n_passages"))] for d in data.documents.values()], numeric=(9,)),
    ]


def _codebook(data: ReportData) -> list[str]:
    return ["## 编码表\n",
            table(["编码", "名称", "定义", "建议措施"],
                  [[md(c.code), md(c.name), md(c.definition), md([data.label(m) for m in c.recommended])]
                   for c in data.codes.values()])]


def _summary(data: ReportData) -> list[str]:
    """Totals over all units: per measure and per disconnect, and the units with the most gaps."""
    gaps = most_gaps(data)
    return [
        "## 汇总\n",
        f"### {md(data.group_name('measure'))}：全部单位\n",
        table(["融合措施", "要求数", "有要求的单位", "平均覆盖率", "覆盖率为 0 的单位", "全部落实的单位"],
              [[md(data.label(r["code"])), str(r["n_requirements"]), str(r["n_units"]),
                percent(r["mean_share"]) if r["mean_share"] is not None else "—", str(r["n_zero"]), str(r["n_full"])]
               for r in measure_totals(data)], numeric=range(1, 6)),
        f"### {md(data.group_name('problem'))}：全部单位\n",
        table(["脱节", "报告该脱节的单位", "问题/原因段落"],
              [[md(data.label(r["code"])), str(r["n_units"]), str(r["n_passages"])] for r in disconnect_totals(data)],
              numeric=(1, 2)),
        f"### 无证据要求最多的 {len(gaps)} 个单位\n",
        table(["单位", "无证据", "要求数"],
              [[f"[{md(unit)}]({_link(data, unit)})", str(missing), str(total)] for unit, missing, total in gaps],
              numeric=(1, 2)),
    ]


def index_markdown(data: ReportData, *, per_page: int = UNITS_PER_PAGE) -> str:
    """``index.md``: the gap first. Up to ``per_page`` units every unit is on it; above that it has the
    summary over all units and the list of the unit-list pages (:func:`unit_list_markdown`), and the
    documents go to ``documents.md``."""
    slices = unit_slices(data.units, per_page=per_page)
    out = _header(data) + _gap_requirements(data)
    if not slices:
        out += _unit_blocks(data, data.units) + _figures(data.figures) + _documents(data) + _codebook(data)
        return "\n".join(out)
    out += _summary(data)
    out.append("## 单位列表（分页）\n")
    out.append(table(["页", "单位数", "单位（起止）"],
                     [[f"[第 {number} 页]({unit_list_name(number, '.md')})", str(len(units)),
                       f"{md(units[0])} — {md(units[-1])}"] for number, units in enumerate(slices, start=1)],
                     numeric=(1,)))
    out.append(f"## 文档\n\n[导入清单与文档信息]({MARKDOWN_DOCUMENTS_FILE})（{len(data.manifest)} 个文件，"
               f"{len(data.documents)} 篇文档）\n")
    return "\n".join(out + _codebook(data))


def unit_list_markdown(data: ReportData, units: Sequence[str], number: int, n_pages: int) -> str:
    """Page ``number`` of ``n_pages`` of the unit list: the index's per-unit blocks for ``units``."""
    pager = " ".join(f"**{n}**" if n == number else f"[{n}]({unit_list_name(n, '.md')})"
                     for n in range(1, n_pages + 1))
    wanted = set(units)
    out = [f"# 单位列表 第 {number}/{n_pages} 页\n", "[← 总览](index.md)\n", f"页：{pager}\n"]
    out += _unit_blocks(data, units) + _figures([f for f in data.figures if f.get("unit") in wanted])
    return "\n".join(out)


def unit_markdown(data: ReportData, unit: str) -> str:
    counts = data.status_counts(unit)
    out = [f"# {md(unit)}\n", "[← 总览](index.md)\n",
           f"要求 {sum(counts.values())} 项：已落实 evidenced {counts['evidenced']} · 仅提及 mentioned "
           f"{counts['mentioned']} · 无证据 no evidence {counts['no evidence']}\n"]

    requirements = data.requirement_index
    out.append("## 差距：无证据的要求\n")
    for code, matches in data.unit_matches_by_status(unit, "no evidence"):
        out.append(f"### {md(data.label(code) if code else '未归入措施')}（{len(matches)} 项）\n")
        out.append(table(["编号", "要求", "关键词", "判定"],
                         [[md(m["requirement_id"]), md(requirements.get(m["requirement_id"], {}).get("text")),
                           md(requirements.get(m["requirement_id"], {}).get("key_terms")), _verdict(m)]
                          for m in matches]))
    if not counts["no evidence"]:
        out.append("每项要求都至少被提及。\n")

    out.append("## 文档\n")
    out.append(table(["文档编号", "标题", "文种", "日期"],
                     [[md_id(d), md(data.documents.get(d, {}).get("title")),
                       md(data.documents.get(d, {}).get("doc_type")), md(data.documents.get(d, {}).get("date"))]
                      for d in data.unit_docs.get(unit, [])]))

    out.append("## 覆盖率\n")
    rows = []
    for code in data.measures:
        cov = data.coverage.get((unit, code)) or {}
        rows.append([md(data.label(code)), str(cov.get("n_requirements", 0)), str(cov.get("n_evidenced", 0)),
                     str(cov.get("n_mentioned", 0)), str(cov.get("n_no_evidence", 0)), percent(data.share(unit, code)),
                     md(cov.get("evidenced_requirement_ids") or [])])
    out.append(table(["融合措施", "要求数", "已落实", "仅提及", "无证据", "覆盖率", "已落实的要求"], rows,
                     numeric=range(1, 6)))

    out.append("## 要求\n")
    out.append("按状态排列：无证据 → 仅提及 → 已落实。\n")
    rows = []
    order = {"no evidence": 0, "mentioned": 1, "evidenced": 2}
    for match in sorted(data.matches.get(unit, []), key=lambda m: order.get(m["status"], 3)):
        requirement = requirements.get(match["requirement_id"], {})
        quotes = data.quotes(list(match.get("evidence_passage_ids") or []), list(match.get("evidence_scores") or []),
                             list(match.get("evidence_roles") or []))
        if match["status"] == "no evidence":
            evidence = "—" + (f"（最接近：{'、'.join(md_id(q['passage_id']) for q in quotes)}，低于阈值）" if quotes else "")
        else:
            evidence = "<br>".join(_quote_cell(data, q) for q in quotes)
        rows.append([md(match["requirement_id"]), md(requirement.get("text")), md(requirement.get("codes")),
                     md(requirement.get("key_terms")), _verdict(match),
                     f"{float(match.get('score') or 0):.2f}", evidence])
    out.append(table(["编号", "要求", "编码", "关键词", "状态", "得分", "证据"], rows, numeric=(5,)))

    out.append("## 脱节\n")
    rows, quotes_out = [], []
    for code, cells, passage_ids in data.disconnect_rows(unit):
        rows.append([md(cell) for cell in cells])
        if passage_ids:
            quotes_out.append(f"### {md(data.label(code))}（{cells[1]} 段）：最强的引文\n")
            quotes_out.extend(f"> {_quote_cell(data, q)}\n" for q in data.quotes(passage_ids))
    out.append(table(list(data.DISCONNECT_HEADER), rows, numeric=range(1, 6)))
    out.extend(quotes_out)

    out.append("## 建议措施\n")
    recommendations = data.recommendations(unit)
    if not recommendations:
        out.append("本单位没有报告脱节问题。\n")
    rows = [[md(data.label(item["disconnect"])), md(f"{m['code']} {m['name']}"), md(m["definition"]),
             percent(m["share"])] for item in recommendations for m in item["measures"]]
    if rows:
        out.append(table(["脱节", "建议措施", "内容", "本单位覆盖率"], rows, numeric=(3,)))

    out.append("## 举措（本单位自有做法）\n")
    out.append(table(["段落", "做法", "编码", "最高匹配得分", "出处"],
                     [[md_id(i["passage_id"]), md(i.get("text")), md(i.get("codes")),
                       f"{float(i.get('best_requirement_score') or 0):.2f}", md(data.location(i["passage_id"]))]
                      for i in data.initiatives.get(unit, [])], numeric=(3,)))

    out.append("## 数据\n")
    out.append(_figures_table(data.unit_figures(unit)))
    return "\n".join(out)


def write_markdown(out_dir: Path, *, data: ReportData | None = None, per_page: int = UNITS_PER_PAGE) -> Path:
    """Write ``out_dir/reports/index.md`` and one ``<unit name>.md`` per unit, and above ``per_page``
    units the pages of the unit list and ``documents.md``; returns the index path."""
    out_dir = Path(out_dir)
    data = data or load_report_data(out_dir)
    reports = out_dir / "reports"
    for unit in data.units:
        write_text_atomic(reports / f"{data.unit_file(unit)}.md", unit_markdown(data, unit))
    slices = unit_slices(data.units, per_page=per_page)
    for number, units in enumerate(slices, start=1):
        write_text_atomic(reports / unit_list_name(number, ".md"), unit_list_markdown(data, units, number, len(slices)))
    if slices:
        write_text_atomic(reports / MARKDOWN_DOCUMENTS_FILE, "# 文档\n\n[← 总览](index.md)\n\n" + "\n".join(_documents(data)))
    return write_text_atomic(reports / "index.md", index_markdown(data, per_page=per_page))
