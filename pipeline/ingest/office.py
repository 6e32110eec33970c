"""Legacy and other word-processor formats (.doc, .wps, .rtf, .odt) via LibreOffice.

The file is converted to .docx by ``soffice --headless --convert-to docx`` into a temporary
directory, with a throw-away user profile (``-env:UserInstallation``) so that concurrent runs and
a user's own LibreOffice do not interfere, then read by :func:`pipeline.ingest.docx.read_docx`.
Without LibreOffice on PATH, :class:`~pipeline.errors.ConverterMissingError` is raised.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline import config
from pipeline.errors import ConverterMissingError, CorruptFileError, ExtractionTimeoutError
from pipeline.records import Extraction

log = logging.getLogger("lzp.ingest.office")

CONVERTER_NAMES = ("soffice", "libreoffice")
# The guard kills the worker (and, through its process group, LibreOffice) at the per-file limit;
# this is the converter's own limit when a reader is called directly.
CONVERT_TIMEOUT = config.DEFAULT_TIMEOUT_SECONDS


def find_converter() -> str | None:
    """Path of the LibreOffice executable, or None."""
    for name in CONVERTER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def converter_identity() -> str:
    """What identifies the LibreOffice on PATH, for the ingest cache (another version may convert a file
    differently): its program folder, the size and time of its program files (an upgrade changes them)
    and its ``versionrc``; ``"-"`` without LibreOffice."""
    soffice = find_converter()
    if soffice is None:
        return "-"
    program = Path(soffice).resolve().parent
    parts = [program.as_posix()]
    for name in ("soffice.bin", "libmergedlo.so", "versionrc"):
        try:
            status = (program / name).stat()
        except OSError:
            continue
        parts.append(f"{name} {status.st_size} {int(status.st_mtime)}")
    try:
        parts.append((program / "versionrc").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        pass
    return "\0".join(parts)


def convert_to_docx(path: Path, outdir: Path, *, timeout: float = CONVERT_TIMEOUT) -> Path:
    """Convert ``path`` to .docx in ``outdir`` with LibreOffice; return the new file."""
    soffice = find_converter()
    if soffice is None:
        raise ConverterMissingError(
            f"{path.name}: {path.suffix.lower()} needs LibreOffice (soffice), not found on PATH",
            reason=ConverterMissingError.reason,
        )
    profile = outdir / "profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx",
        "--outdir",
        str(outdir),
        str(path.resolve()),
    ]
    try:
        completed = subprocess.run(command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise ExtractionTimeoutError(
            f"{path.name}: LibreOffice conversion took longer than {timeout:g} s",
            reason=f"time limit exceeded ({timeout:g} s, LibreOffice conversion)",
        ) from exc
    log.debug("soffice exit %s: %s %s", completed.returncode, completed.stdout[-500:], completed.stderr[-500:])
    converted = outdir / (path.stem + ".docx")
    if completed.returncode != 0 or not converted.exists():
        raise CorruptFileError(
            f"{path.name}: LibreOffice could not convert it (exit {completed.returncode})",
            reason=f"LibreOffice could not convert the {path.suffix.lower()} file (corrupt or password protected?)",
        )
    return converted


def read_office(path: Path) -> Extraction:
    """Read .doc/.wps/.rtf/.odt by converting to .docx with LibreOffice."""
    from pipeline.ingest.docx import read_docx

    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="lzp-soffice-") as tmp:
        converted = convert_to_docx(path, Path(tmp))
        extraction = read_docx(converted)
    metadata = dict(extraction.metadata)
    metadata["format"] = path.suffix.lower().lstrip(".")
    metadata["converted_with"] = "LibreOffice"
    return Extraction(blocks=extraction.blocks, warnings=extraction.warnings, metadata=metadata)
