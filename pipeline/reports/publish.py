"""Write every report of an analysis directory: HTML, Markdown, Excel and the Word briefings.

Report files are named by unit and document title, so a unit renamed or a document dropped between
two runs into the same folder would leave its old pages behind. ``reports/.written`` lists the files
the last run wrote; the next run removes those it no longer writes (and the hash-named pages of
earlier versions), never any other file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pipeline.reports.excel import write_excel
from pipeline.reports.html import DOCUMENTS_FILE, write_html
from pipeline.reports.markdown import MARKDOWN_DOCUMENTS_FILE, write_markdown
from pipeline.reports.render import ReportData, load_report_data, unit_list_name, unit_slices
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
    slices = unit_slices(data.units)
    names.update(unit_list_name(number, suffix) for number in range(1, len(slices) + 1) for suffix in (".html", ".md"))
    if slices:
        names.update({DOCUMENTS_FILE, MARKDOWN_DOCUMENTS_FILE})
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


# The report writers by name; each takes the analysis directory and the loaded report data.
WRITERS = {"html": write_html, "markdown": write_markdown, "excel": write_excel, "word": write_word}


def write_report_parts(out_dir: Path, parts: Sequence[str] = tuple(WRITERS), *, tidy: bool = True) -> dict[str, Path]:
    """Write the named reports (keys of :data:`WRITERS`) of an analysis directory; returns their main files.
    ``tidy`` also removes the pages of an earlier run that this run does not write (:func:`remove_stale`).

    Parts may be written by separate processes at once (one of them tidying): each writes only its own
    files, atomically, and which files a run writes depends on the analysis alone.
    """
    out_dir = Path(out_dir)
    unknown = sorted(set(parts) - set(WRITERS))
    if unknown:
        raise ValueError(f"unknown report parts {unknown}; choose from {sorted(WRITERS)}")
    data = load_report_data(out_dir)
    written = {part: WRITERS[part](out_dir, data=data) for part in parts}
    if tidy:
        remove_stale(out_dir / "reports", report_files(data))
    return written


def write_reports(out_dir: Path) -> dict[str, Path]:
    """Write the HTML, Markdown, Excel and Word reports of an analysis directory; returns their main files."""
    return write_report_parts(out_dir)
