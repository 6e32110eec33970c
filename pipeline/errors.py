"""Named exceptions of the lzp library.

The library raises these; only :mod:`pipeline.cli` turns them into exit codes and messages.
Each ingest error carries a short, analyst-readable ``reason`` that ends up in the manifest.
"""

from __future__ import annotations


class LzpError(Exception):
    """Base class of every error raised on purpose by lzp."""


class IngestError(LzpError):
    """A file could not be turned into text. ``reason`` is the manifest wording."""

    reason: str = "ingest failed"

    def __init__(self, message: str | None = None, *, reason: str | None = None) -> None:
        super().__init__(message or reason or self.reason)
        if reason is not None:
            self.reason = reason
        elif message is not None:
            self.reason = message


class UnsupportedFormatError(IngestError):
    """The file extension has no reader."""

    reason = "unsupported format"


class EmptyFileError(IngestError):
    """The file has no bytes or no extractable text."""

    reason = "empty file"


class DecodingError(IngestError):
    """A text file is in none of the supported encodings (or is binary)."""

    reason = "not decodable as text (utf-8, utf-16, gb18030, big5)"


class EncryptedFileError(IngestError):
    """The file is password protected."""

    reason = "encrypted"


class CorruptFileError(IngestError):
    """The file is damaged or truncated and its format library refused it."""

    reason = "corrupt or truncated file"


class FileTooLargeError(IngestError):
    """The file (or an archive member) exceeds the configured size limit."""

    reason = "file too large"


class ZipBombError(FileTooLargeError):
    """An archive declares members whose uncompressed size exceeds the limit."""

    reason = "archive expands beyond the size limit (zip bomb guard)"


class ConverterMissingError(IngestError):
    """A legacy format needs an external converter (LibreOffice) that is not installed."""

    reason = "converter missing: install LibreOffice (apt-get install libreoffice-writer-nogui)"


class ExtractionTimeoutError(IngestError):
    """Parsing took longer than the per-file time limit and the worker was killed."""

    reason = "time limit exceeded"


class ResourceLimitError(IngestError):
    """The worker's memory grew past the per-file memory limit and the worker was killed."""

    reason = "memory limit exceeded"


class CodebookError(LzpError):
    """The codebook file is invalid; the message names the bad entry."""


class ModelError(LzpError):
    """A trained model is missing or cannot be loaded."""


class UsageError(LzpError):
    """The caller asked for something impossible (bad path, bad option combination)."""


class MissingFileError(IngestError):
    """The path does not exist or is not a regular file."""

    reason = "file not found"


class NoTextLayerError(IngestError):
    """A PDF has no text layer on any page and OCR was unavailable or found nothing.

    The orchestrator reports this as a warning (the file is known, it just carries no text), not a failure.
    """

    reason = "no text layer"
