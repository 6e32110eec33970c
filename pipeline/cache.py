"""Content-addressed cache of what each input file became, so that a file is read only once.

An entry holds one file's ingest result (its manifest row and its documents with their sections and
passages). Its key names everything that result depends on: the file's sha256; how the batch names
and describes the file (its path as shown, its manifest metadata, whether its stem is shared with
another input); and the ingest code itself (:func:`ingest_fingerprint`: lzp's version, a digest of
the source of the readers, the normaliser and the structure parser, the versions of the libraries
the readers use, and the readers registered at run time). Change any of them and the key changes,
so an entry is never stale: it is simply no longer asked for.

Entries are gzip-compressed JSON (``<folder>/<2 hex>/<key>.json.gz``; :class:`EntryStore`, which
the tagger's cache, :mod:`pipeline.tagging.cache`, uses too), written to a temporary file and renamed. An entry that cannot be read back — missing, truncated, corrupt, of another format — is
a miss, never an error; a cache that cannot be written costs only the reuse.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pipeline import __version__
from pipeline.ingest import EXTRA_READERS
from pipeline.ingest.office import converter_identity
from pipeline.records import Document, Passage, Section
from pipeline.storage import write_bytes_atomic

log = logging.getLogger("lzp")
T = TypeVar("T")

# The cache's folder inside an output folder, and the ingest results' folder inside it.
CACHE_FOLDER = "cache"
FILES_FOLDER = "files"
# Bumped when the layout of an entry changes; entries of another format are misses.
FORMAT = 2
_SUFFIX = ".json.gz"
_PACKAGE = Path(__file__).resolve().parent
# The modules whose code decides what a file becomes (paths relative to the package); corpus.py makes
# the manifest row of a file read.
INGEST_SOURCES: tuple[str, ...] = ("config.py", "errors.py", "archive.py", "records.py", "normalize.py", "segment.py",
                                   "structure.py", "documents.py", "corpus.py", "ingest")
# Distributions the readers use: a new version may extract other text.
READER_LIBRARIES: tuple[str, ...] = ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "lxml", "trafilatura",
                                     "opencc", "rapidocr-onnxruntime", "numpy")


@lru_cache(maxsize=8)
def code_fingerprint(sources: tuple[str, ...], libraries: tuple[str, ...], data: tuple[Path, ...] = ()) -> str:
    """A digest of lzp's version, the source of the package modules and folders ``sources`` (paths
    relative to the package), the installed versions of the distributions ``libraries`` and the bytes
    of the ``data`` files (read once per process)."""
    digest = hashlib.sha256(f"lzp {__version__}\0format {FORMAT}\0".encode())
    for name in sources:
        location = _PACKAGE / name
        for path in sorted(location.rglob("*.py")) if location.is_dir() else [location]:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for library in libraries:
        try:
            version = importlib.metadata.version(library)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library} {version}\0".encode())
    for path in data:
        digest.update(path.name.encode() + b"\0")
        digest.update((path.read_bytes() if path.is_file() else b"-") + b"\0")
    return digest.hexdigest()


def _reader_name(reader: object) -> str:
    if isinstance(reader, str):
        return reader
    return f"{getattr(reader, '__module__', '?')}:{getattr(reader, '__qualname__', repr(reader))}"


def ingest_fingerprint() -> str:
    """A digest of the ingest code: lzp's version, the source of the modules in :data:`INGEST_SOURCES`,
    the versions of :data:`READER_LIBRARIES`, the readers registered at run time and the LibreOffice
    installation that converts .doc/.wps/.rtf/.odt (:func:`~pipeline.ingest.office.converter_identity`)."""
    extra = json.dumps(sorted((suffix, _reader_name(reader)) for suffix, reader in EXTRA_READERS.items()))
    code = code_fingerprint(INGEST_SOURCES, READER_LIBRARIES)
    return hashlib.sha256(f"{code}\0{extra}\0{converter_identity()}".encode()).hexdigest()


def entry_key(*, sha256: str, path: str, metadata: Mapping[str, Any], shared_stem: bool,
              fingerprint: str | None = None) -> str:
    """The key of one file's result: its content, how the batch names and describes it, the ingest code."""
    payload = {
        "sha256": sha256,
        "path": path,
        "metadata": dict(metadata),
        "shared_stem": shared_stem,
        "ingest": fingerprint or ingest_fingerprint(),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- records as JSON -------------------------------------------------------------------------------


def document_to_json(document: Document) -> dict[str, Any]:
    """A document, its sections and passages as JSON values (tuples become lists)."""
    return asdict(document)


def document_from_json(data: Mapping[str, Any]) -> Document:
    """The inverse of :func:`document_to_json`; a missing or unknown field is an error."""
    fields = dict(data)
    sections = tuple(Section(**{**section, "path": tuple(section["path"])}) for section in fields.pop("sections"))
    passages = tuple(Passage(**passage) for passage in fields.pop("passages"))
    normalization = dict(fields.pop("normalization"))
    return Document(**fields, normalization=normalization, sections=sections, passages=passages)


@dataclass(frozen=True)
class CachedFile:
    """One cached result: the manifest row's fields (without path, sha256 and seconds) and the documents."""

    row: dict[str, Any]
    documents: tuple[Document, ...]


# --- the stores ------------------------------------------------------------------------------------


class EntryStore:
    """JSON values under hexadecimal keys in ``folder`` (``<folder>/<2 hex>/<key>.json.gz``). With
    ``read=False`` every look-up is a miss but values are still stored (a full run that refreshes it)."""

    def __init__(self, folder: Path, *, read: bool = True) -> None:
        self.folder = Path(folder)
        self.read = read
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()

    def path_of(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{_SUFFIX}"

    def get(self, key: str, decode: Callable[[Any], T]) -> T | None:
        """``decode`` of the value stored under ``key``, or None (a miss) when there is none or it
        cannot be read or decoded."""
        if not self.read:
            self.misses += 1
            return None
        path = self.path_of(key)
        try:
            data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8", "surrogatepass"))
            if data.get("format") != FORMAT or data.get("key") != key:
                raise ValueError(f"entry of format {data.get('format')!r} for key {str(data.get('key'))[:12]}")
            value = decode(data["value"])
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, EOFError, zlib.error, UnicodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            log.warning("cache entry %s unreadable (%s: %s): computed again", path.name, type(error).__name__, error)
            self.misses += 1
            return None
        self.hits += 1
        self._used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (JSON values) under ``key`` atomically; a failure to write is logged, not raised."""
        try:
            text = json.dumps({"format": FORMAT, "key": key, "value": value}, ensure_ascii=False,
                              separators=(",", ":"))
            write_bytes_atomic(self.path_of(key), gzip.compress(text.encode("utf-8", "surrogatepass"),
                                                                 compresslevel=6, mtime=0))
        except (OSError, ValueError, TypeError) as error:
            log.warning("cache entry %s not written (%s: %s)", key[:12], type(error).__name__, error)
            return
        self._used.add(key)

    def prune(self) -> int:
        """Remove the entries this run neither reused nor stored; returns how many were removed."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob(f"??/*{_SUFFIX}"):
            if path.name[: -len(_SUFFIX)] not in self._used:
                try:
                    path.unlink()
                    removed += 1
                except OSError:
                    continue
        for folder in self.folder.iterdir():
            if folder.is_dir():
                try:
                    folder.rmdir()  # only when empty
                except OSError:
                    continue
        return removed


class IngestCache(EntryStore):
    """What each input file became (see the module's description), in ``folder``."""

    def load(self, key: str) -> CachedFile | None:
        """The result stored under ``key``, or None."""
        return self.get(key, _cached_file)

    def store(self, key: str, row: Mapping[str, Any], documents: Iterable[Document]) -> None:
        """Store one file's manifest row fields and documents under ``key``."""
        self.put(key, {"row": dict(row), "documents": [document_to_json(document) for document in documents]})


def _cached_file(value: Mapping[str, Any]) -> CachedFile:
    return CachedFile(row=dict(value["row"]), documents=tuple(document_from_json(item) for item in value["documents"]))


def carry_over(source: Path, target: Path) -> int:
    """Make the entries under the cache folder ``source`` entries of ``target`` at the same place
    (hard links where the file system allows, else copies); returns how many. Never raises: a cache
    left behind costs only the reuse."""
    count = 0
    if not source.is_dir():
        return 0
    try:
        entries = sorted(source.rglob(f"*{_SUFFIX}"))
    except OSError:
        return 0
    for entry in entries:
        destination = target / entry.relative_to(source)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(entry, destination)
            except OSError:
                shutil.copy2(entry, destination)
            count += 1
        except OSError as error:
            log.warning("cache entry %s not carried over: %s", entry.name, error)
    return count
