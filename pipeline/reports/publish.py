"""Write every report of an analysis directory: HTML, Markdown, Excel and the Word briefings."""

from __future__ import annotations

from pathlib import Path

from pipeline.reports.excel import write_excel
from pipeline.reports.html import write_html
from pipeline.reports.markdown import write_markdown
from pipeline.reports.render import load_report_data
from pipeline.reports.word import write_word


def write_reports(out_dir: Path) -> dict[str, Path]:
    """Write the HTML, Markdown, Excel and Word reports of an analysis directory; returns their main files."""
    out_dir = Path(out_dir)
    data = load_report_data(out_dir)
    return {
        "html": write_html(out_dir, data=data),
        "markdown": write_markdown(out_dir, data=data),
        "excel": write_excel(out_dir, data=data),
        "word": write_word(out_dir, data=data),
    }
