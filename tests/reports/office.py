"""LibreOffice for the print tests: convert a document to PDF, or skip with the way to install it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

INSTALL_HINT = "LibreOffice (soffice) not found; `make office` installs it (needs root) to run the print test"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(document: Path, out_dir: Path, *, timeout: float = 180) -> Path:
    """``document`` converted to PDF in ``out_dir`` by a headless LibreOffice with a private profile."""
    binary = soffice()
    if binary is None:
        pytest.skip(INSTALL_HINT)
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = (out_dir / "lo-profile").resolve()
    env = {**os.environ, "HOME": str(out_dir.resolve())}
    result = subprocess.run([binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                             "--convert-to", "pdf", "--outdir", str(out_dir), str(document)],
                            check=True, capture_output=True, text=True, timeout=timeout, env=env)
    pdf = out_dir / (document.stem + ".pdf")
    if not pdf.is_file() and document.suffix == ".xlsx" and "filter" in (result.stdout + result.stderr).lower():
        pytest.skip("LibreOffice Calc is not installed (`make office` installs it) to print the workbook")
    assert pdf.is_file(), f"LibreOffice wrote no PDF for {document.name}: {result.stdout} {result.stderr}"
    return pdf
