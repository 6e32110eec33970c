"""Write every report of an analysis directory: HTML, Markdown and Excel."""

from __future__ import annotations

from pathlib import Path

from pipeline.reports.excel import write_excel
from pipeline.reports.html import write_html
from pipeline.reports.markdown import write_markdown
from pipeline.reports.render import load_report_data


def write_reports(out_dir: Path) -> dict[str, Path]:
    """Write the HTML, Markdown and Excel reports of an analysis directory; returns their main files."""
    out_dir = Path(out_dir)
    data = load_report_data(out_dir)
    return {
        "html": write_html(out_dir, data=data),
        "markdown": write_markdown(out_dir, data=data),
        "excel": write_excel(out_dir, data=data),
    }
