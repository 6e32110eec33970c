"""Format readers: turn one file into an :class:`~pipeline.records.Extraction` of raw text blocks.

Each reader is a function ``reader(path) -> Extraction`` that raises a named
:class:`~pipeline.errors.IngestError` subclass (with a manifest ``reason``) when the file cannot be read.
:func:`read_file` is the single entry point: it checks the file (exists, size, not empty), picks the
reader by suffix and rejects extractions without text. :mod:`pipeline.ingest.guard` runs it in a
worker process with a time limit.

Readers are imported lazily so that ``import pipeline.ingest`` stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from pipeline import config
from pipeline.errors import (
    EmptyFileError,
    FileTooLargeError,
    MissingFileError,
    UnsupportedFormatError,
)
from pipeline.records import Extraction

Reader = Callable[[Path], Extraction]

# Built-in readers as "module:function" import paths, imported on first use.
_BUILTIN: dict[str, str] = {
    ".txt": "pipeline.ingest.text:read_text",
    ".md": "pipeline.ingest.text:read_text",
    ".html": "pipeline.ingest.html:read_html",
    ".htm": "pipeline.ingest.html:read_html",
    ".pdf": "pipeline.ingest.pdf:read_pdf",
    ".docx": "pipeline.ingest.docx:read_docx",
    ".doc": "pipeline.ingest.office:read_office",
    ".wps": "pipeline.ingest.office:read_office",
    ".rtf": "pipeline.ingest.office:read_office",
    ".odt": "pipeline.ingest.office:read_office",
}

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_BUILTIN)

# Readers registered at run time with :func:`register_reader` (they also land in READERS). Kept
# separately because the guard ships them to its worker process with every request, so values must
# be picklable: a top-level function or a "module:function" string.
EXTRA_READERS: dict[str, Reader | str] = {}


def _resolve(spec: Reader | str) -> Reader:
    if callable(spec):
        return spec
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def _lazy(spec: str) -> Reader:
    """A reader that imports its implementation on first call (keeps ``import pipeline.ingest`` cheap)."""

    def reader(path: Path) -> Extraction:
        return _resolve(spec)(path)

    reader.__name__ = spec.rpartition(":")[2]
    reader.__qualname__ = reader.__name__
    reader.__doc__ = f"Lazy entry for {spec}."
    return reader


READERS: dict[str, Reader] = {suffix: _lazy(spec) for suffix, spec in _BUILTIN.items()}


def _norm_suffix(suffix: str) -> str:
    suffix = suffix.lower()
    return suffix if suffix.startswith(".") else "." + suffix


def register_reader(suffix: str, reader: Reader | str) -> None:
    """Register ``reader`` (a top-level function or ``"module:function"``) for ``suffix``.

    Registrations also apply inside :mod:`pipeline.ingest.guard` worker processes.
    """
    suffix = _norm_suffix(suffix)
    EXTRA_READERS[suffix] = reader
    READERS[suffix] = _resolve(reader) if callable(reader) else _lazy(reader)


def unregister_reader(suffix: str) -> None:
    """Remove a registration made with :func:`register_reader` (no error if absent)."""
    suffix = _norm_suffix(suffix)
    if EXTRA_READERS.pop(suffix, None) is not None:
        if suffix in _BUILTIN:
            READERS[suffix] = _lazy(_BUILTIN[suffix])
        else:
            READERS.pop(suffix, None)


def supported_suffixes() -> frozenset[str]:
    """Built-in suffixes plus registered ones."""
    return SUPPORTED_SUFFIXES | frozenset(EXTRA_READERS)


def read_file(path: Path, *, max_bytes: int = config.DEFAULT_MAX_FILE_BYTES) -> Extraction:
    """Read one file with the reader for its suffix.

    Raises MissingFileError, FileTooLargeError, EmptyFileError (no bytes, or no text extracted),
    UnsupportedFormatError, or whatever more precise IngestError the reader raises.
    """
    path = Path(path)
    if not path.exists():
        raise MissingFileError(f"{path}: no such file", reason=MissingFileError.reason)
    if not path.is_file():
        raise MissingFileError(f"{path}: not a regular file", reason="not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLargeError(
            f"{path}: {size} bytes exceeds the limit of {max_bytes} bytes",
            reason=f"file too large ({_mb(size)} > {_mb(max_bytes)} limit)",
        )
    if size == 0:
        raise EmptyFileError(f"{path}: 0 bytes", reason="empty file (0 bytes)")
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        shown = suffix or "(no suffix)"
        raise UnsupportedFormatError(f"{path}: no reader for {shown}", reason=f"unsupported format: {shown}")
    extraction = reader(path)
    if not any(block.text.strip() for block in extraction.blocks):
        why = extraction.metadata.get("empty_reason")
        reason = f"no extractable text: {why}" if why else "no extractable text"
        raise EmptyFileError(f"{path}: no text extracted", reason=reason)
    return extraction


def _mb(n: int) -> str:
    """Human-readable size: "512 B", "2.0 KB", "250.0 MB"."""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


__all__ = [
    "EXTRA_READERS",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "Reader",
    "read_file",
    "register_reader",
    "supported_suffixes",
    "unregister_reader",
]
