"""The HTML report: ``DIR/reports/index.html``, one page per unit and one page per document.

Pages are self-contained and work offline: inline CSS, charts as inline SVG drawn here (Chinese kept as
``<text>``), no JavaScript, no external resources, and a Content-Security-Policy that forbids scripts.
Every piece of text that comes from a document or the analysis goes through :func:`e`
(``html.escape(..., quote=True)``), so markup inside a document is shown, never run.

Files: ``index.html`` (overview: the gap first), ``<unit name>.html`` (one per unit) and
``<document title>.html`` (every passage of a document as an anchored paragraph; evidence quotes link to
``<document title>.html#<passage id>``). Names are sanitised and de-duplicated by
:func:`~pipeline.reports.render.file_stems`; links percent-encode them.
"""

from __future__ import annotations

import html
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
    highlight,
    load_report_data,
    measure_totals,
    most_gaps,
    needs_review,
    passage_anchor,
    percent,
    text_of,
    unit_list_name,
    unit_slices,
)
from pipeline.storage import write_text_atomic

STATUS_CLASSES = {"evidenced": "ev", "mentioned": "me", "no evidence": "no"}
FONT = ("'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',"
        "'Heiti SC',sans-serif")

CSS = """
*{box-sizing:border-box}
body{font-family:FONT_STACK;margin:0;color:#1f2937;background:#f8fafc;line-height:1.6}
header.top{background:#7f1d1d;color:#fff;padding:14px 28px}
header.top a{color:#fee2e2}
header.top h1{margin:4px 0;font-size:1.5em}
main{max-width:1200px;margin:0 auto;padding:12px 28px 48px}
section{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:12px 20px;margin:18px 0}
h2{font-size:1.2em;border-bottom:2px solid #7f1d1d;padding-bottom:4px}
h3{font-size:1.05em;margin:14px 0 6px}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:8px 0}
th,td{border:1px solid #e5e7eb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f4f6;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
.muted{color:#6b7280;font-size:.85em}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:.85em;white-space:nowrap;color:#fff}
.badge.ev{background:#15803d}.badge.me{background:#b45309}.badge.no{background:#b91c1c}
.badge.code{background:#e5e7eb;color:#111827}
.badge.review{background:#7c3aed}
mark{background:#fde68a;color:inherit;padding:0 1px;border-radius:2px}
section.gap{border:2px solid #b91c1c}
section.gap h2{border-bottom-color:#b91c1c;color:#991b1b}
.gap-units td{white-space:nowrap}
.badge.warn{background:#b45309}.badge.ok{background:#15803d}.badge.err{background:#b91c1c}
blockquote{margin:6px 0;padding:4px 10px;border-left:4px solid #d1d5db;background:#f9fafb;white-space:pre-wrap}
blockquote.ev{border-color:#15803d}blockquote.me{border-color:#b45309}blockquote.no{border-color:#9ca3af}
.quote-meta{display:block;font-size:.8em;color:#6b7280;white-space:normal}
svg{max-width:100%;height:auto;font-family:FONT_STACK}
svg text{font-family:FONT_STACK}
.passage{padding:4px 8px;margin:2px 0;border-left:3px solid transparent}
.passage:target{background:#fef9c3;border-left-color:#ca8a04}
.passage p{margin:0;white-space:pre-wrap}
.passage.heading p{font-weight:bold}
.passage .meta{font-size:.75em;color:#6b7280}
nav.units a{margin-right:12px}
.rid{white-space:nowrap;font-size:.9em}
details summary{cursor:pointer;color:#374151;font-size:.85em}
.warning{background:#fef3c7;border:1px solid #f59e0b;padding:6px 10px;border-radius:4px}
.error{background:#fee2e2;border:1px solid #dc2626;padding:6px 10px;border-radius:4px;font-weight:600}
footer{color:#6b7280;font-size:.8em;text-align:center;padding:16px}
""".replace("FONT_STACK", FONT)


def e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return _escaped(text_of(value))


@lru_cache(maxsize=65_536)
def _escaped(text: str) -> str:
    """:func:`e` of a text; remembered, since every unit's page repeats the requirements' texts."""
    return html.escape(text, quote=True)


def text_width(text: str, size: float) -> float:
    """Approximate rendered width: CJK and full-width characters are one em, others about 0.6 em."""
    return sum(size if ord(c) >= 0x2E80 else size * 0.6 for c in text)


def clip(text: str, max_width: float, size: float) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``max_width``."""
    if text_width(text, size) <= max_width:
        return text
    out = ""
    for char in text:
        if text_width(out + char + "…", size) > max_width:
            break
        out += char
    return out + "…"


def _blend(low: tuple[int, int, int], high: tuple[int, int, int], weight: float) -> str:
    red, green, blue = (round(lo + (hi - lo) * weight) for lo, hi in zip(low, high, strict=True))
    return f"#{red:02x}{green:02x}{blue:02x}"


GAP_RED, PALE, COVER_GREEN = (185, 28, 28), (248, 246, 240), (21, 128, 61)


def _mix(share: float) -> str:
    """Colour of a coverage share on a diverging scale: 0 (every requirement a gap) is as dark a red as
    1 (every requirement evidenced) is a dark green; one half is pale."""
    share = min(max(share, 0.0), 1.0)
    if share < 0.5:
        return _blend(GAP_RED, PALE, share / 0.5)
    return _blend(PALE, COVER_GREEN, (share - 0.5) / 0.5)


def _ink(share: float) -> str:
    """Text colour readable on :func:`_mix` of ``share``."""
    return "#ffffff" if share <= 0.2 or share >= 0.8 else "#1f2937"


def _svg(width: float, height: float, label: str, body: Iterable[str], css_class: str = "") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{e(css_class)}" role="img" aria-label="{e(label)}" '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">'
            f"<title>{e(label)}</title>" + "".join(body) + "</svg>")


def _text(x: float, y: float, content: str, *, size: float = 12, anchor: str = "start", fill: str = "#1f2937",
          weight: str = "normal", title: str | None = None) -> str:
    tooltip = f"<title>{e(title)}</title>" if title else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" fill="{fill}" '
            f'font-weight="{weight}" dominant-baseline="middle">{tooltip}{e(content)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str, title: str | None = None, stroke: str = "none") -> str:
    tooltip = f"<title>{e(title)}</title>" if title else ""
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}" '
            f'stroke="{stroke}">{tooltip}</rect>')


# ---------------------------------------------------------------- charts


def coverage_heatmap_svg(data: ReportData, units: Sequence[str]) -> str:
    """Units × measure codes: cell colour by share of requirements evidenced, value and counts printed."""
    size = 12
    label_w = min(max([text_width(u, 13) for u in units] + [60]) + 16, 260)
    cell_w, cell_h, head_h = 92, 40, 46
    width = label_w + cell_w * len(data.measures) + 10
    height = head_h + cell_h * max(len(units), 1) + 44
    body = []
    for column, code in enumerate(data.measures):
        x = label_w + column * cell_w + cell_w / 2
        body.append(_text(x, 14, code, size=13, anchor="middle", weight="bold"))
        body.append(_text(x, 32, data.name(code), size=size, anchor="middle"))
    for row, unit in enumerate(units):
        y = head_h + row * cell_h
        body.append(f'<a href="{e(_unit_href(data, unit))}#coverage">'
                    + _text(label_w - 8, y + cell_h / 2, clip(unit, label_w - 12, 13), size=13, anchor="end",
                            title=unit) + "</a>")
        for column, code in enumerate(data.measures):
            x = label_w + column * cell_w
            share = data.share(unit, code)
            cov = data.coverage.get((unit, code)) or {}
            if share is None:
                body.append(_rect(x + 1, y + 1, cell_w - 2, cell_h - 2, "#f3f4f6", f"{unit} {code}：无相关要求"))
                body.append(_text(x + cell_w / 2, y + cell_h / 2, "—", size=size, anchor="middle", fill="#6b7280"))
                continue
            tip = (f"{unit} · {code} {data.name(code)}：已落实 {cov.get('n_evidenced', 0)} / "
                   f"{cov.get('n_requirements', 0)} 项要求（仅提及 {cov.get('n_mentioned', 0)}，"
                   f"无证据 {cov.get('n_no_evidence', 0)}）")
            ink = _ink(share)
            body.append(_rect(x + 1, y + 1, cell_w - 2, cell_h - 2, _mix(share), tip))
            body.append(_text(x + cell_w / 2, y + 15, percent(share), size=13, anchor="middle", fill=ink,
                              weight="bold"))
            body.append(_text(x + cell_w / 2, y + 30,
                              f"缺{cov.get('n_no_evidence', 0)} · {cov.get('n_evidenced', 0)}/"
                              f"{cov.get('n_requirements', 0)}", size=10, anchor="middle", fill=ink))
    legend_y = head_h + cell_h * max(len(units), 1) + 14
    body.append(_text(label_w - 8, legend_y + 8, "红＝差距　绿＝已落实", size=11, anchor="end"))
    for step in range(6):
        share = step / 5
        body.append(_rect(label_w + step * 40, legend_y, 40, 16, _mix(share)))
        body.append(_text(label_w + step * 40 + 20, legend_y + 26, percent(share), size=10, anchor="middle"))
    return _svg(width, height, "单位×融合措施覆盖率热图", body, "heatmap")


def disconnect_profile_svg(data: ReportData, units: Sequence[str]) -> str:
    """Problem codes per unit: one bar per disconnect, length by the number of problem/cause passages."""
    size = 12
    show_units = len(units) > 1
    label_w = (min(max([text_width(u, 13) for u in units] + [60]) + 16, 220)) if show_units else 10
    bar_h, gap, group_gap = 12, 3, 14
    chart_w = 440
    legend_rows = 2
    legend_h = legend_rows * 20 + 10
    group_h = len(data.problems) * (bar_h + gap) + group_gap
    width = label_w + 34 + chart_w + 50
    height = legend_h + group_h * max(len(units), 1) + 6
    maximum = max([data.disconnect_count(u, c) for u in units for c in data.problems] + [1])
    body = []
    for index, code in enumerate(data.problems):
        lx = 10 + (index % 3) * ((width - 20) / 3)
        ly = 10 + (index // 3) * 20
        body.append(_rect(lx, ly, 12, 12, data.codes[code].colour))
        body.append(_text(lx + 16, ly + 6, data.label(code), size=11))
    for row, unit in enumerate(units):
        y0 = legend_h + row * group_h
        if show_units:
            body.append(f'<a href="{e(_unit_href(data, unit))}#disconnects">'
                        + _text(label_w - 8, y0 + (group_h - group_gap) / 2, clip(unit, label_w - 12, 13), size=13,
                                anchor="end", title=unit) + "</a>")
        for index, code in enumerate(data.problems):
            y = y0 + index * (bar_h + gap)
            count = data.disconnect_count(unit, code)
            row_data = data.disconnects.get((unit, code)) or {}
            tip = (f"{unit} · {data.label(code)}：{count} 个问题/原因段落"
                   + (f"（问题 {row_data.get('n_problem', 0)}，原因 {row_data.get('n_cause', 0)}，"
                      f"平均强度 {row_data.get('mean_strength', 0):.2f}）" if row_data else ""))
            body.append(_text(label_w + 28, y + bar_h / 2, code, size=10, anchor="end", fill="#4b5563"))
            body.append(_rect(label_w + 32, y, chart_w, bar_h, "#f3f4f6"))
            bar_w = chart_w * count / maximum
            if count:
                body.append(_rect(label_w + 32, y, bar_w, bar_h, data.codes[code].colour, tip))
            body.append(_text(label_w + 36 + bar_w, y + bar_h / 2, str(count), size=size - 2))
    return _svg(width, height, f"{data.group_name('problem')}概况（问题/原因段落数）", body, "disconnects")


def coverage_bars_svg(data: ReportData, unit: str) -> str:
    """One unit's share of requirements evidenced per measure."""
    label_w, chart_w, bar_h, gap = 130, 420, 20, 8
    width = label_w + chart_w + 130
    height = len(data.measures) * (bar_h + gap) + 30
    body = []
    for index, code in enumerate(data.measures):
        y = 6 + index * (bar_h + gap)
        share = data.share(unit, code)
        cov = data.coverage.get((unit, code)) or {}
        body.append(_text(label_w - 8, y + bar_h / 2, data.label(code), size=12, anchor="end"))
        body.append(_rect(label_w, y, chart_w, bar_h, "#f3f4f6"))
        if share:
            body.append(_rect(label_w, y, chart_w * share, bar_h, _mix(share),
                              f"{code}：已落实 {cov.get('n_evidenced', 0)}/{cov.get('n_requirements', 0)}"))
        value = (f"{percent(share)}（{cov.get('n_evidenced', 0)}/{cov.get('n_requirements', 0)}）"
                 if share is not None else "无相关要求")
        body.append(_text(label_w + chart_w * (share or 0) + 6, y + bar_h / 2, value, size=11))
    axis_y = 6 + len(data.measures) * (bar_h + gap)
    for tick in range(0, 101, 25):
        x = label_w + chart_w * tick / 100
        body.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{axis_y:.1f}" stroke="#d1d5db" '
                    f'stroke-dasharray="2,3"/>')
        body.append(_text(x, axis_y + 10, f"{tick}%", size=10, anchor="middle", fill="#6b7280"))
    return _svg(width, height, f"{unit} 各融合措施覆盖率", body, "coverage")


def survey_figures_svg(data: ReportData, figures: Sequence[dict[str, Any]]) -> str:
    """Percentage figures as horizontal bars (0–100%) labelled with unit, population and statement."""
    unit_w, label_w, chart_w, bar_h, gap = 130, 560, 360, 18, 8
    width = label_w + chart_w + 70
    height = max(len(figures), 1) * (bar_h + gap) + 30
    body = []
    if not figures:
        body.append(_text(10, 14, "未提取到百分比数据", size=12, fill="#6b7280"))
    for index, figure in enumerate(figures):
        y = 6 + index * (bar_h + gap)
        value = float(figure.get("value") or 0.0)
        label = f"{figure.get('population') or '（未识别对象）'}：{figure.get('statement') or figure.get('surface') or ''}"
        full = f"{figure.get('unit') or ''} · {label}（{figure.get('surface') or ''}，来源 {figure.get('source') or '—'}）"
        href = _passage_href(data, figure.get("passage_id") or "")
        body.append(_text(4, y + bar_h / 2, clip(figure.get("unit") or "", unit_w - 10, 11), size=11,
                          fill="#6b7280", title=figure.get("unit") or ""))
        body.append(f'<a href="{e(href)}">' + _text(label_w - 8, y + bar_h / 2,
                                                    clip(label, label_w - unit_w - 16, 12),
                                                    size=12, anchor="end", title=full) + "</a>")
        body.append(_rect(label_w, y, chart_w, bar_h, "#f3f4f6"))
        body.append(_rect(label_w, y, chart_w * min(max(value, 0.0), 100.0) / 100, bar_h, "#1d4ed8", full))
        body.append(_text(label_w + chart_w * min(max(value, 0.0), 100.0) / 100 + 6, y + bar_h / 2,
                          f"{value:g}%", size=11))
    axis_y = 6 + max(len(figures), 1) * (bar_h + gap)
    for tick in range(0, 101, 25):
        x = label_w + chart_w * tick / 100
        body.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{axis_y:.1f}" stroke="#d1d5db" '
                    f'stroke-dasharray="2,3"/>')
        body.append(_text(x, axis_y + 10, f"{tick}%", size=10, anchor="middle", fill="#6b7280"))
    return _svg(width, height, "调查数据（百分比）", body, "figures")


# ---------------------------------------------------------------- building blocks


def _unit_href(data: ReportData, unit: str) -> str:
    return url_quote(f"{data.unit_file(unit)}.html")


def _doc_href(data: ReportData, doc_id: str) -> str:
    return url_quote(f"{data.doc_file(doc_id)}.html")


def _passage_href(data: ReportData, passage_id: str) -> str:
    passage = data.passages.get(passage_id)
    if passage is None:
        return "index.html"
    return f"{_doc_href(data, passage['doc_id'])}#{passage_anchor(passage_id)}"


def _marked(text: str, terms: list[str]) -> str:
    """Escaped ``text`` with every term wrapped in ``<mark>``."""
    return "".join(f"<mark>{e(piece)}</mark>" if is_term else e(piece) for piece, is_term in highlight(text, terms))


def _doc_link(data: ReportData, doc_id: str | None) -> str:
    if not doc_id:
        return ""
    document = data.documents.get(doc_id)
    title = (document or {}).get("title") or doc_id
    if document is None:
        return e(doc_id)
    return f'<a href="{e(_doc_href(data, doc_id))}">{e(title)}</a> <span class="muted">{e(doc_id)}</span>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table from already-escaped cell HTML."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}" class="muted">（无）</td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _badge(status: str) -> str:
    return (f'<span class="badge {STATUS_CLASSES.get(status, "no")}">{e(STATUS_LABELS.get(status, status))} '
            f"{e(status)}</span>")


def _verdict(match: dict[str, Any]) -> str:
    """Status badge, score, and the verdict's confidence and review flag when the analysis has them."""
    parts = [_badge(match["status"]), f'<br><span class="muted">得分 {float(match.get("score") or 0):.2f}']
    confidence = confidence_text(match)
    if confidence:
        parts.append(f" · 置信度 {e(confidence)}")
    parts.append("</span>")
    if needs_review(match):
        parts.append('<br><span class="badge review" title="判定把握不大，请人工复核">需复核</span>')
    return "".join(parts)


def _codes(codes: Iterable[str] | None, data: ReportData) -> str:
    return " ".join(f'<span class="badge code" title="{e(data.name(c))}">{e(c)}</span>' for c in (codes or []))


def _quote(data: ReportData, quote: dict[str, Any], css_class: str = "", terms: Sequence[str] = ()) -> str:
    """An evidence quote with the requirement's key terms and the tagger's evidence words marked."""
    score = quote.get("score")
    meta = [f"段落 {e(quote['passage_id'])}"]
    if quote.get("role"):
        meta.append(f"角色：{e(ROLE_LABELS.get(quote['role'], quote['role']))}")
    if score is not None:
        meta.append(f"得分 {float(score):.2f}")
    marked = _marked(quote["text"], [*terms, *data.evidence_terms(quote["passage_id"])])
    return (f'<blockquote class="{e(css_class)}">{marked}'
            f'<span class="quote-meta">{" · ".join(meta)} · 出处：'
            f'<a href="{e(_passage_href(data, quote["passage_id"]))}">{e(quote["location"])}</a></span></blockquote>')


def _page(title: str, body: str, *, subtitle: str = "", back: bool = True) -> str:
    nav = '<a href="index.html">← 总览</a>' if back else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">"
        '<meta name="referrer" content="no-referrer">'
        f"<title>{e(title)} · {e(REPORT_TITLE)}</title><style>{CSS}</style></head><body>"
        f'<header class="top">{nav}<h1>{e(title)}</h1>'
        + (f"<div>{subtitle}</div>" if subtitle else "")
        + f"</header><main>{body}</main>"
        f"<footer>{e(REPORT_TITLE)} · 由 lzp 根据分析表（tables/*.parquet）生成 · 离线文件，无外部资源</footer>"
        "</body></html>\n"
    )


# ---------------------------------------------------------------- pages


DOCUMENTS_FILE = "documents.html"


def unit_list_file(number: int) -> str:
    """The file of the ``number``-th page of the unit list (from 1)."""
    return unit_list_name(number, ".html")


def _subtitle(data: ReportData) -> str:
    yardstick = "；".join(
        f"{_doc_link(data, d['doc_id'])} {e(d.get('doc_number') or '')} {e(d.get('date') or '')}"
        for d in data.policy_docs) or "—"
    return (f"对照文件（要求来源）：{yardstick} · 单位 {len(data.units)} 个 · 要求 {len(data.requirements)} 项 · "
            f"文档 {len(data.documents)} 篇")


def _alerts(data: ReportData) -> list[str]:
    return [*(f'<p class="error" role="alert">错误：{e(error)}</p>' for error in data.errors),
            *([f'<p class="warning" role="alert">{e(data.tagger_note)}</p>'] if data.tagger_note else [])]


def _unit_sections(data: ReportData, units: Sequence[str]) -> list[str]:
    """The per-unit blocks of the overview for ``units``: their counts, coverage and disconnects."""
    unit_rows = []
    for unit in units:
        counts = data.status_counts(unit)
        problems = sum(data.disconnect_count(unit, c) for c in data.problems)
        unit_rows.append([
            f'<a href="{e(_unit_href(data, unit))}">{e(unit)}</a>', e(len(data.unit_docs.get(unit, []))),
            e(counts["evidenced"]), e(counts["mentioned"]), e(counts["no evidence"]), e(problems),
            e(len(data.initiatives.get(unit, []))), e(len(data.unit_figures(unit))),
        ])
    return [
        '<section id="units"><h2>单位</h2>',
        _table(["单位", "文档数", "已落实 evidenced", "仅提及 mentioned", "无证据 no evidence", "脱节段落", "自有举措",
                "数据"], unit_rows, numeric=range(1, 8)),
        "</section>",
        f'<section id="coverage"><h2>覆盖率：单位 × {e(data.group_name("measure"))}</h2>',
        '<p class="muted">每格为该单位已落实（有做法段落作为证据）的要求占该措施全部要求的比例；'
        "红色越深差距越大，绿色越深落实越多；下方“缺 n”为无证据的要求数，其后为已落实/要求数。点击单位名查看详情。</p>",
        coverage_heatmap_svg(data, units),
        "</section>",
        f'<section id="disconnects"><h2>脱节概况：{e(data.group_name("problem"))}</h2>',
        '<p class="muted">各单位文档中描述该脱节的问题/原因段落数（不含重复文档与对照文件）。</p>',
        disconnect_profile_svg(data, units),
        _disconnect_table(data, units),
        "</section>",
    ]


def index_page(data: ReportData, *, per_page: int = UNITS_PER_PAGE) -> str:
    """The overview, the gap first. Up to ``per_page`` units it shows every unit; above that it shows the
    summary over all units (gap, per-measure and per-disconnect totals, the units with the most gaps)
    and a list of the unit-list pages (:func:`unit_list_page`), and the documents go on their own page."""
    slices = unit_slices(data.units, per_page=per_page)
    if not slices:
        parts = [*_alerts(data), _gap_section(data, data.units), *_unit_sections(data, data.units), _figures_section(data),
                 _stats_section(data), _documents_section(data), _codebook_section(data)]
        return _page(REPORT_TITLE, "".join(parts), subtitle=_subtitle(data), back=False)
    pages = [[f'<a href="{e(unit_list_file(number))}">第 {number} 页</a>', e(len(units)),
              f"{e(units[0])} — {e(units[-1])}"] for number, units in enumerate(slices, start=1)]
    parts = [
        *_alerts(data),
        _gap_section(data),
        _summary_section(data),
        '<section id="units"><h2>单位列表（分页）</h2>',
        f'<p class="muted">{len(data.units)} 个单位，每页 {per_page} 个：每页有这些单位的差距、要求状态、覆盖率、'
        "脱节、调查数据与文本统计。</p>",
        _table(["页", "单位数", "单位（起止）"], pages, numeric=(1,)),
        "</section>",
        f'<section id="documents"><h2>文档</h2><p><a href="{e(DOCUMENTS_FILE)}">导入清单与文档信息</a>'
        f"（{len(data.manifest)} 个文件，{len(data.documents)} 篇文档）</p></section>",
        _codebook_section(data),
    ]
    return _page(REPORT_TITLE, "".join(parts), subtitle=_subtitle(data), back=False)


def unit_list_page(data: ReportData, units: Sequence[str], number: int, n_pages: int) -> str:
    """Page ``number`` of ``n_pages`` of the unit list: the overview's per-unit blocks for ``units``."""
    pager = " ".join(f"<strong>{n}</strong>" if n == number else f'<a href="{e(unit_list_file(n))}">{n}</a>'
                     for n in range(1, n_pages + 1))
    unit_set = set(units)
    parts = [f'<nav class="units muted">页：{pager}</nav>',
             f'<section id="gap" class="gap"><h2>差距</h2>{_unit_gap_table(data, units)}</section>',
             *_unit_sections(data, units),
             _figures_section(data, [f for f in data.figures if f.get("unit") in unit_set]),
             _stats_section(data, units)]
    return _page(f"单位列表 第 {number}/{n_pages} 页", "".join(parts), subtitle=f"{e(units[0])} — {e(units[-1])}")


def documents_page(data: ReportData) -> str:
    """The import manifest and the document list, on their own page when the units are paged."""
    return _page("文档", _documents_section(data))


def _summary_section(data: ReportData, *, top: int = NAMED_UNITS) -> str:
    """Totals over all units: per measure and per disconnect, and the units with the most gaps."""
    measure_rows = [[e(data.label(row["code"])), e(row["n_requirements"]), e(row["n_units"]),
                     e(percent(row["mean_share"]) if row["mean_share"] is not None else "—"), e(row["n_zero"]),
                     e(row["n_full"])] for row in measure_totals(data)]
    disconnect_rows = [[e(data.label(row["code"])), e(row["n_units"]), e(row["n_passages"])]
                       for row in disconnect_totals(data)]
    gap_rows = [[f'<a href="{e(_unit_href(data, unit))}#gap">{e(unit)}</a>', e(missing), e(total)]
                for unit, missing, total in most_gaps(data, top=top)]
    return "".join([
        '<section id="summary"><h2>汇总</h2>',
        f"<h3>{e(data.group_name('measure'))}：全部单位</h3>",
        _table(["融合措施", "要求数", "有要求的单位", "平均覆盖率", "覆盖率为 0 的单位", "全部落实的单位"],
               measure_rows, numeric=range(1, 6)),
        f"<h3>{e(data.group_name('problem'))}：全部单位</h3>",
        _table(["脱节", "报告该脱节的单位", "问题/原因段落"], disconnect_rows, numeric=(1, 2)),
        f"<h3>无证据要求最多的 {len(gap_rows)} 个单位</h3>",
        _table(["单位", "无证据", "要求数"], gap_rows, numeric=(1, 2)),
        "</section>",
    ])


def _gap_section(data: ReportData, units: Sequence[str] = (), *, named: int = NAMED_UNITS) -> str:
    """The gap, first thing on the index: requirements no unit has evidenced, with the units that mention
    them (the first ``named`` by name, the rest counted), then the gaps of each of ``units``."""
    gaps = data.gap_requirements()
    rows = []
    for requirement, statuses in gaps:
        rid = requirement["requirement_id"]
        mentioned = [u for u in data.units if statuses.get(u) == "mentioned"]
        names = "、".join(f'<a href="{e(_unit_href(data, u))}#gap">{e(u)}</a>' for u in mentioned[:named])
        if len(mentioned) > named:
            names += f" 等 {len(mentioned)} 个单位"
        rows.append([
            f'<a href="{e(_passage_href(data, requirement.get("passage_id") or ""))}">{e(rid)}</a>',
            _codes(requirement.get("codes"), data),
            e(requirement.get("text")),
            f"仅提及：{names}" if mentioned else '<span class="badge no">所有单位均无证据</span>',
        ])
    return "".join([
        '<section id="gap" class="gap"><h2>差距：没有落实证据的要求</h2>',
        f'<p><strong>{len(gaps)}</strong> / {len(data.requirements)} 项要求在所有单位中都没有做法段落作为证据'
        "（最多只被建议或问题段落提及）。</p>",
        _table(["要求", "编码", "内容", "各单位情况"], rows),
        _unit_gap_table(data, units) if units else "",
        "</section>",
    ])


def _unit_gap_table(data: ReportData, units: Sequence[str]) -> str:
    """Each unit's requirements without evidence, by measure."""
    unit_rows = []
    for unit in units:
        groups = data.unit_matches_by_status(unit, "no evidence")
        count = sum(len(matches) for _, matches in groups)
        by_measure = "；".join(
            f"{e(data.label(code) if code else '未归入措施')}："
            + "、".join(f'<a href="{e(_unit_href(data, unit))}#{e(_req_anchor(m["requirement_id"]))}" '
                       f'title="{e(m["requirement_id"])}">{e(_short_id(m["requirement_id"]))}</a>' for m in matches)
            for code, matches in groups)
        unit_rows.append([f'<a href="{e(_unit_href(data, unit))}#gap">{e(unit)}</a>', e(count),
                          e(len(data.matches.get(unit, []))), by_measure or '<span class="muted">（无）</span>'])
    return "<h3>各单位无证据的要求（按融合措施）</h3>" + _table(["单位", "无证据", "要求数", "无证据的要求"], unit_rows,
                                                           numeric=(1, 2))


def _short_id(requirement_id: str) -> str:
    """``曲组〔2021〕2号 §5.3`` → ``§5.3`` for dense lists (the full id stays in the link's title)."""
    head, mark, tail = requirement_id.partition("§")
    return f"§{tail}" if mark and head.strip() else requirement_id


def _disconnect_table(data: ReportData, units: Sequence[str]) -> str:
    headers = ["单位"] + [f"{c}<br>{e(data.name(c))}" for c in data.problems]
    rows = [[f'<a href="{e(_unit_href(data, u))}#disconnects">{e(u)}</a>']
            + [e(data.disconnect_count(u, c)) for c in data.problems] for u in units]
    return _table(headers, rows, numeric=range(1, len(data.problems) + 1))


def _figure_rows(data: ReportData, figures: Iterable[dict[str, Any]]) -> list[list[str]]:
    return [[e(f.get("unit")), e(f.get("surface")), e(f.get("value")), e(f.get("unit_of_measure")), e(f.get("kind")),
             e(f.get("population")), e(f.get("statement")), e(f.get("source")), e(f.get("year")),
             f'<a href="{e(_passage_href(data, f.get("passage_id") or ""))}">{e(f.get("passage_id"))}</a>']
            for f in figures]


FIGURE_HEADERS = ["单位", "原文", "数值", "计量单位", "类型", "对象", "表述", "来源", "年份", "段落"]


def _figures_section(data: ReportData, figures: Sequence[dict[str, Any]] | None = None) -> str:
    """The survey figures (default: all of them), percentages charted first."""
    figures = data.figures if figures is None else figures
    is_percent = [f.get("kind") == "percent" or f.get("unit_of_measure") in ("%", "％") for f in figures]
    percents = [f for f, flag in zip(figures, is_percent, strict=True) if flag]
    others = [f for f, flag in zip(figures, is_percent, strict=True) if not flag]
    return "".join([
        '<section id="figures"><h2>调查数据</h2>',
        '<h3>百分比（问卷等）</h3>',
        survey_figures_svg(data, percents),
        _table(FIGURE_HEADERS, _figure_rows(data, percents)),
        '<h3>计数与其他数据</h3>',
        _table(FIGURE_HEADERS, _figure_rows(data, others)),
        "</section>",
    ])


STATS_WORDS = 15
NETWORK_FILE = "共现网络.svg"


def _stats_section(data: ReportData, units: Sequence[str] | None = None) -> str:
    """Word frequencies per unit (default: of every unit) and the co-occurrence network, when
    `lzp stats` has run."""
    frequencies = data.tables.get("word_frequencies")
    if frequencies is None or frequencies.empty:
        return ""
    groups = list(dict.fromkeys(frequencies["unit"]))
    if units is not None:
        wanted = set(units)
        groups = [group for group in groups if group in wanted]
    columns = []
    for group in groups:
        top = frequencies[frequencies["unit"] == group].sort_values("rank").head(STATS_WORDS)
        columns.append([f"{e(w)} <span class=\"muted\">{e(c)}</span>" for w, c in zip(top["word"], top["count"],
                                                                                     strict=True)])
    rows = [[e(index + 1), *(column[index] if index < len(column) else "" for column in columns)]
            for index in range(max((len(c) for c in columns), default=0))]
    network = data.out_dir / "reports" / NETWORK_FILE
    picture = network.read_text(encoding="utf-8") if network.is_file() else ""
    collocations = data.tables.get("collocations")
    pairs = "" if collocations is None or collocations.empty else _table(
        ["词语一", "词语二", "频次", "PMI", "对数似然比 G²"],
        [[e(r.word1), e(r.word2), e(r.count), e(f"{r.pmi:.2f}"), e(f"{r.log_likelihood:.1f}")]
         for r in collocations.head(20).itertuples(index=False)], numeric=(2, 3, 4))
    return "".join([
        '<section id="stats"><h2>文本统计</h2>',
        '<p class="muted">按领域词典分词、去停用词后的高频词（每单位前 15 个，数字为频次）；完整词频、关键词语境、'
        "搭配与共现见 stats.xlsx 和 tables/*.parquet。</p>",
        _table(["排名", *(e(g) for g in groups)], rows),
        "<h3>常见搭配（同句相距 4 个词以内）</h3>" + pairs if pairs else "",
        "<h3>词语共现网络</h3>" + picture if picture else "",
        "</section>",
    ])


def _manifest_badge(status: str | None) -> str:
    css = {"ok": "ok", "warning": "warn"}.get(status or "", "err")
    return f'<span class="badge {css}">{e(MANIFEST_STATUS_LABELS.get(status or "", status))} {e(status)}</span>'


def _documents_section(data: ReportData) -> str:
    manifest_rows = [[e(m.get("path")), _manifest_badge(m.get("status")), e(m.get("reason")), e(m.get("n_documents")),
                      e(m.get("n_chars"))] for m in data.manifest]
    doc_rows = []
    for d in data.documents.values():
        flags = []
        if d.get("duplicate_of"):
            flags.append(f'重复：{_doc_link(data, d["duplicate_of"])}')
        if d.get("truncated"):
            flags.append('<span class="badge warn">原文被截断</span>')
        doc_rows.append([
            f'<a href="{e(_doc_href(data, d["doc_id"]))}">{e(d.get("title") or d["doc_id"])}</a>'
            f'<br><span class="muted">{e(d["doc_id"])}</span>',
            e(d.get("doc_type")), e(d.get("doc_number")), e(d.get("date")),
            (f'<a href="{e(_unit_href(data, data.doc_units[d["doc_id"]]))}">{e(d.get("unit"))}</a>'
             if d["doc_id"] in data.doc_units else e(d.get("unit"))),
            e("对照文件" if d.get("kind") == "policy" else d.get("kind")),
            e(d.get("duplicate_of")), e(d.get("truncated")), e(d.get("n_passages")), "<br>".join(flags),
        ])
    return "".join([
        '<section id="documents"><h2>文档</h2><h3>导入清单</h3>',
        _table(["路径", "状态", "原因", "文档数", "字数"], manifest_rows, numeric=(3, 4)),
        "<h3>文档信息</h3>",
        _table(["标题", "文种", "发文字号", "日期", "单位", "类别", "重复于 duplicate_of", "截断", "段落数", "说明"],
               doc_rows, numeric=(8,)),
        "</section>",
    ])


def _codebook_section(data: ReportData) -> str:
    rows = [[e(c.code), e(c.name), e(c.definition),
             "、".join(f"{e(m)} {e(data.name(m))}" for m in c.recommended)] for c in data.codes.values()]
    return "".join(['<section id="codebook"><h2>编码表</h2>',
                    _table(["编码", "名称", "定义", "建议措施"], rows), "</section>"])


def unit_page(data: ReportData, unit: str) -> str:
    counts = data.status_counts(unit)
    docs = data.unit_docs.get(unit, [])
    subtitle = (f"文档 {len(docs)} 篇 · 要求 {sum(counts.values())} 项：{_badge('evidenced')} {counts['evidenced']} "
                f"{_badge('mentioned')} {counts['mentioned']} {_badge('no evidence')} {counts['no evidence']}")
    doc_rows = [[_doc_link(data, d), e(data.documents.get(d, {}).get("doc_type")),
                 e(data.documents.get(d, {}).get("date"))] for d in docs]
    parts = [
        '<nav class="units muted">本页：<a href="#gap">差距</a><a href="#coverage">覆盖率</a><a href="#requirements">要求</a>'
        '<a href="#disconnects">脱节</a><a href="#recommendations">建议措施</a><a href="#initiatives">举措</a>'
        '<a href="#figures">数据</a></nav>',
        _unit_gap(data, unit),
        '<section id="documents"><h2>文档</h2>', _table(["标题", "文种", "日期"], doc_rows), "</section>",
        _unit_coverage(data, unit),
        _unit_requirements(data, unit),
        _unit_disconnects(data, unit),
        _unit_recommendations(data, unit),
        _unit_initiatives(data, unit),
        '<section id="figures"><h2>数据</h2>',
        _table(FIGURE_HEADERS, _figure_rows(data, data.unit_figures(unit))),
        "</section>",
    ]
    return _page(unit, "".join(parts), subtitle=subtitle)


def _unit_coverage(data: ReportData, unit: str) -> str:
    rows = []
    for code in data.measures:
        cov = data.coverage.get((unit, code)) or {}
        evidenced = cov.get("evidenced_requirement_ids") or []
        missing = [m["requirement_id"] for c, matches in data.unit_matches_by_status(unit, "no evidence")
                   if c == code for m in matches]
        rows.append([e(data.label(code)), e(cov.get("n_requirements", 0)), e(cov.get("n_evidenced", 0)),
                     e(cov.get("n_mentioned", 0)), e(cov.get("n_no_evidence", 0)), e(percent(data.share(unit, code))),
                     "、".join(f'<a href="#{e(_req_anchor(r))}">{e(r)}</a>' for r in missing),
                     "、".join(f'<a href="#{e(_req_anchor(r))}">{e(r)}</a>' for r in evidenced)])
    return "".join([
        '<section id="coverage"><h2>覆盖率</h2>',
        '<p class="muted">已落实：有本单位做法段落与要求相匹配；仅提及：只有建议或问题段落涉及；无证据：两者都没有。</p>',
        coverage_bars_svg(data, unit),
        _table(["融合措施", "要求数", "已落实", "仅提及", "无证据", "覆盖率", "无证据的要求", "已落实的要求"], rows,
               numeric=range(1, 6)),
        "</section>",
    ])


def _req_anchor(requirement_id: str) -> str:
    return passage_anchor("req:" + requirement_id)


def _unit_gap(data: ReportData, unit: str) -> str:
    """No-evidence requirements first, grouped by measure: what the unit's reports do not show."""
    requirements = data.requirement_index
    groups = data.unit_matches_by_status(unit, "no evidence")
    blocks = []
    for code, matches in groups:
        rows = [[f'<a href="#{e(_req_anchor(m["requirement_id"]))}">{e(m["requirement_id"])}</a>',
                 e(requirements.get(m["requirement_id"], {}).get("text")),
                 e(requirements.get(m["requirement_id"], {}).get("key_terms") or []), _verdict(m)]
                for m in matches]
        blocks.append(f"<h3>{e(data.label(code) if code else '未归入措施')}（{len(matches)} 项）</h3>"
                      + _table(["编号", "要求", "关键词", "判定"], rows))
    total = sum(len(m) for _, m in groups)
    return "".join([
        '<section id="gap" class="gap"><h2>差距：无证据的要求</h2>',
        f"<p>本单位材料中 <strong>{total}</strong> / {len(data.matches.get(unit, []))} 项要求没有做法段落、"
        "也没有建议或问题段落涉及。</p>" if total else "<p>每项要求都至少被提及。</p>",
        "".join(blocks), "</section>",
    ])


STATUS_ORDER = {"no evidence": 0, "mentioned": 1, "evidenced": 2}


def _unit_requirements(data: ReportData, unit: str) -> str:
    requirements = data.requirement_index
    rows = []
    ordered = sorted(data.matches.get(unit, []), key=lambda m: STATUS_ORDER.get(m["status"], 3))
    for match in ordered:
        rid = match["requirement_id"]
        requirement = requirements.get(rid, {})
        quotes = data.quotes(list(match.get("evidence_passage_ids") or []), list(match.get("evidence_scores") or []),
                             list(match.get("evidence_roles") or []))
        status = match["status"]
        terms = list(requirement.get("key_terms") or [])
        if status == "no evidence":
            evidence = (f"<details><summary>最接近的段落（低于阈值，不构成证据）</summary>"
                        f"{''.join(_quote(data, q, 'no', terms) for q in quotes)}</details>" if quotes else
                        '<span class="muted">—</span>')
        else:
            evidence = "".join(_quote(data, q, STATUS_CLASSES.get(status, ""), terms) for q in quotes)
        source = (f'<span class="muted">{e(requirement.get("section_title"))} · 出处：'
                  f'<a href="{e(_passage_href(data, requirement.get("passage_id") or ""))}">'
                  f"{e(data.location(requirement.get('passage_id') or ''))}</a></span>")
        rows.append([
            f'<span class="rid" id="{e(_req_anchor(rid))}">{e(rid)}</span>',
            f"{e(requirement.get('text'))}<br>{_codes(requirement.get('codes'), data)}"
            + (f' <span class="muted">关键词：{e(terms)}</span>' if terms else "") + f"<br>{source}",
            _verdict(match),
            evidence,
        ])
    return "".join(['<section id="requirements"><h2>要求</h2>',
                    '<p class="muted">按状态排列：无证据 → 仅提及 → 已落实；引文中标出要求关键词和标注依据词。</p>',
                    _table(["编号", "要求", "状态", "证据"], rows), "</section>"])


def _unit_disconnects(data: ReportData, unit: str) -> str:
    rows, quotes = [], []
    for code, cells, passage_ids in data.disconnect_rows(unit):
        rows.append([e(cell) for cell in cells])
        if passage_ids:
            quotes.append(f"<h3>{e(data.label(code))}（{e(cells[1])} 段）</h3>"
                          + "".join(_quote(data, q) for q in data.quotes(passage_ids)))
    return "".join([
        '<section id="disconnects"><h2>脱节</h2>', disconnect_profile_svg(data, [unit]),
        _table(list(data.DISCONNECT_HEADER), rows, numeric=range(1, 6)),
        "<h3>最强的引文</h3>" if quotes else '<p class="muted">未发现描述脱节的问题或原因段落。</p>',
        "".join(quotes), "</section>",
    ])


def _unit_recommendations(data: ReportData, unit: str) -> str:
    blocks = []
    for item in data.recommendations(unit):
        rows = [[e(f"{m['code']} {m['name']}"), e(m["definition"]), e(percent(m["share"]))] for m in item["measures"]]
        blocks.append(f"<h3>{e(data.label(item['disconnect']))}（{e(item['n_passages'])} 段）→ 建议措施</h3>"
                      + _table(["融合措施", "内容", "本单位覆盖率"], rows, numeric=(2,)))
    if not blocks:
        blocks.append('<p class="muted">本单位没有报告脱节问题，无对应建议措施。</p>')
    return '<section id="recommendations"><h2>建议措施</h2>' + "".join(blocks) + "</section>"


def _unit_initiatives(data: ReportData, unit: str) -> str:
    rows = [[f'<a href="{e(_passage_href(data, i["passage_id"]))}">{e(i["passage_id"])}</a>',
             f'<blockquote>{e(i.get("text"))}</blockquote><span class="muted">{e(data.location(i["passage_id"]))}'
             "</span>",
             _codes(i.get("codes"), data), f"{float(i.get('best_requirement_score') or 0):.2f}"]
            for i in data.initiatives.get(unit, [])]
    return "".join([
        '<section id="initiatives"><h2>举措（本单位自有做法）</h2>',
        '<p class="muted">与对照文件任何要求都不匹配的做法段落；最高匹配得分越低越“自有”。</p>',
        _table(["段落", "做法", "编码", "最高匹配得分"], rows, numeric=(3,)), "</section>",
    ])


def document_page(data: ReportData, doc_id: str) -> str:
    document = data.documents[doc_id]
    labels = [("doc_id", "文档编号"), ("title", "标题"), ("doc_type", "文种"), ("issuer", "发文机关"),
              ("doc_number", "发文字号"), ("date", "日期"), ("unit", "单位"), ("kind", "类别"), ("article", "篇"),
              ("duplicate_of", "重复于"), ("truncated", "截断"), ("n_chars", "字数"), ("n_passages", "段落数"),
              ("source_path", "来源文件")]
    meta_rows = [[e(label), e(document.get(key))] for key, label in labels]
    unit = data.doc_units.get(doc_id)
    warnings = []
    if document.get("duplicate_of"):
        warnings.append(f'<p class="warning">此文档与 {_doc_link(data, document["duplicate_of"])} 重复，不计入统计。</p>')
    if document.get("truncated"):
        warnings.append('<p class="warning">来源文本被截断，内容不完整。</p>')
    requirement_ids: dict[str, list[str]] = {}
    for requirement in data.requirements:
        requirement_ids.setdefault(requirement.get("passage_id") or "", []).append(requirement["requirement_id"])
    passages = sorted((p for p in data.passages.values() if p["doc_id"] == doc_id), key=lambda p: p["start"] or 0)
    items = []
    for passage in passages:
        pid = passage["passage_id"]
        tag = data.tags.get(pid, {})
        meta = [e(pid)]
        if passage.get("section_path"):
            meta.append(f"§{e(passage['section_path'])}")
        if tag.get("role"):
            meta.append(e(ROLE_LABELS.get(tag["role"], tag["role"])))
        codes = _codes(tag.get("codes"), data)
        reqs = requirement_ids.get(pid, [])
        if reqs:
            meta.append("要求：" + "、".join(e(r) for r in reqs))
        css = "passage heading" if passage.get("is_heading") else "passage"
        items.append(f'<div class="{css}" id="{e(passage_anchor(pid))}"><span class="meta">{" · ".join(meta)} '
                     f"{codes}</span><p>{_marked(passage['text'], data.evidence_terms(pid))}</p></div>")
    unit_link = f' · 单位：<a href="{e(_unit_href(data, unit))}">{e(unit)}</a>' if unit else ""
    body = "".join([
        "".join(warnings),
        '<section id="metadata"><h2>文档信息</h2>', _table(["项目", "内容"], meta_rows), "</section>",
        '<section id="passages"><h2>全文（按段落）</h2>', "".join(items) or '<p class="muted">（无段落）</p>',
        "</section>",
    ])
    return _page(document.get("title") or doc_id, body, subtitle=f"{e(doc_id)}{unit_link}")


def write_html(out_dir: Path, *, data: ReportData | None = None, per_page: int = UNITS_PER_PAGE) -> Path:
    """Write ``out_dir/reports/index.html`` plus unit and document pages, and above ``per_page`` units the
    pages of the unit list and the documents page; returns the index path."""
    out_dir = Path(out_dir)
    data = data or load_report_data(out_dir)
    reports = out_dir / "reports"
    for unit in data.units:
        write_text_atomic(reports / f"{data.unit_file(unit)}.html", unit_page(data, unit))
    for doc_id in data.documents:
        write_text_atomic(reports / f"{data.doc_file(doc_id)}.html", document_page(data, doc_id))
    slices = unit_slices(data.units, per_page=per_page)
    for number, units in enumerate(slices, start=1):
        write_text_atomic(reports / unit_list_file(number), unit_list_page(data, units, number, len(slices)))
    if slices:
        write_text_atomic(reports / DOCUMENTS_FILE, documents_page(data))
    return write_text_atomic(reports / "index.html", index_page(data, per_page=per_page))
