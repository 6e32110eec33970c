"""Zip-bomb guard for the zip archives lzp opens (OOXML documents, REFI-QDA projects)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline import config
from pipeline.errors import CorruptFileError, EncryptedFileError, ZipBombError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_zip_archive(
    path: Path,
    *,
    max_uncompressed: int = config.DEFAULT_MAX_UNCOMPRESSED_BYTES,
    max_ratio: float = 200,
    min_ratio_size: int = 10 * 1024 * 1024,
) -> None:
    """Refuse an archive before anything is decompressed.

    Sums the declared ``file_size`` of the members (``ZipExtFile`` never yields more than the declared
    size, so the declared total bounds what a reader can inflate). Raises ZipBombError when the total
    exceeds ``max_uncompressed``, or when it exceeds ``min_ratio_size`` with a total compression ratio
    above ``max_ratio`` (ordinary XML compresses 5–20×). A file that is not a zip raises
    CorruptFileError, or EncryptedFileError for a password-protected Office file (an OLE container
    holding an "EncryptedPackage").
    """
    path = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head == _OLE_MAGIC:
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFileError(f"{path.name}: password-protected Office document", reason="encrypted")
        raise CorruptFileError(
            f"{path.name}: an OLE (legacy Word) file, not a zip archive",
            reason=f"not a {path.suffix.lower() or 'zip'} file (legacy Word format?)",
        )
    if not zipfile.is_zipfile(path):
        raise CorruptFileError(f"{path.name}: not a zip archive", reason=f"corrupt {path.suffix.lower()} (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFileError(f"{path.name}: {exc}", reason=f"corrupt {path.suffix.lower()} ({exc})") from exc
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if total > max_uncompressed:
        raise ZipBombError(
            f"{path.name}: members declare {total} bytes uncompressed, limit {max_uncompressed}",
            reason=f"archive expands beyond the size limit ({total // 2**20} MB > {max_uncompressed // 2**20} MB)",
        )
    ratio = total / max(packed, 1)
    if total > min_ratio_size and ratio > max_ratio:
        raise ZipBombError(
            f"{path.name}: compression ratio {ratio:.0f} exceeds {max_ratio:g}",
            reason=f"archive compression ratio {ratio:.0f}:1 (zip bomb guard)",
        )
