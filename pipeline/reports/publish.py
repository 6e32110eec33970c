"""Write every report of an analysis directory: HTML, Markdown, Excel and the Word briefings.

Report files are named by unit and document title, so a unit renamed or a document dropped between
two runs into the same folder would leave its old pages behind. ``reports/.written`` lists the files
the last run wrote; the next run removes those it no longer writes (and the hash-named pages of
earlier versions), never any other file.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.reports.excel import write_excel
from pipeline.reports.html import write_html
from pipeline.reports.markdown import write_markdown
from pipeline.reports.render import ReportData, load_report_data
from pipeline.reports.word import BRIEFING_STEM, write_word
from pipeline.storage import write_text_atomic

WRITTEN_LIST = ".written"
_LEGACY_NAME = re.compile(r"^(?:unit-[0-9a-f]{8}\.(?:html|md)|doc-[0-9a-f]{10}\.html)$")


def report_files(data: ReportData) -> set[str]:
    """The names of every file the writers put in ``reports/``."""
    names = {"index.html", "index.md", f"{BRIEFING_STEM}.docx"}
    for unit in data.units:
        names.update(f"{data.unit_file(unit)}{suffix}" for suffix in (".html", ".md", ".docx"))
    names.update(f"{data.doc_file(doc_id)}.html" for doc_id in data.documents)
    return names


def remove_stale(reports: Path, current: set[str]) -> list[str]:
    """Remove what the previous run wrote and this one did not, and earlier hash-named pages."""
    listed = reports / WRITTEN_LIST
    previous = set(listed.read_text(encoding="utf-8").splitlines()) if listed.is_file() else set()
    removed = []
    for path in sorted(reports.iterdir()) if reports.is_dir() else []:
        stale = (path.name in previous or _LEGACY_NAME.match(path.name)) and path.name not in current
        if stale and path.is_file() and "/" not in path.name:
            path.unlink()
            removed.append(path.name)
    write_text_atomic(listed, "".join(f"{name}\n" for name in sorted(current)))
    return removed


def write_reports(out_dir: Path) -> dict[str, Path]:
    """Write the HTML, Markdown, Excel and Word reports of an analysis directory; returns their main files."""
    out_dir = Path(out_dir)
    data = load_report_data(out_dir)
    written = {
        "html": write_html(out_dir, data=data),
        "markdown": write_markdown(out_dir, data=data),
        "excel": write_excel(out_dir, data=data),
        "word": write_word(out_dir, data=data),
    }
    remove_stale(out_dir / "reports", report_files(data))
    return written
