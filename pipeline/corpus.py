"""Build a corpus from input files: read → normalise → structure → passages → tables.

This is the ingest stage seen from the outside. Every input file gets exactly one manifest row
(``ok`` / ``warning`` / ``failed`` with a reason); a failing file never stops the batch.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import queue
import re
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import pandas as pd

from pipeline import config
from pipeline.cache import IngestCache, entry_key
from pipeline.dedup import find_near_duplicates
from pipeline.documents import FileMetadata, display_path, documents_of_file, name_of, stem_key
from pipeline.errors import IngestError, NoTextLayerError, UsageError
from pipeline.ingest import supported_suffixes
from pipeline.ingest.guard import GuardedReader
from pipeline.records import Document, Passage
from pipeline.storage import write_csv_atomic, write_parquet_atomic

log = logging.getLogger("lzp")

METADATA_MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["path", "sha256", "status", "reason", "n_documents", "n_chars", "seconds"]
@dataclass(frozen=True)
class ManifestRow:
    """The accounting of one input file."""

    path: str
    sha256: str
    status: str
    reason: str = ""
    n_documents: int = 0
    n_chars: int = 0
    seconds: float = 0.0


@dataclass
class Corpus:
    """The result of ingesting a batch."""

    documents: list[Document] = field(default_factory=list)
    manifest: list[ManifestRow] = field(default_factory=list)
    # Batch-level warnings an analyst must see (an empty input, manifest rows naming no file).
    warnings: list[str] = field(default_factory=list)

    @property
    def passages(self) -> list[Passage]:
        return [passage for document in self.documents for passage in document.passages]


MANIFEST_ENCODINGS = ("utf-8-sig", "gb18030")
_DATE = re.compile(r"^\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def read_text_any(path: Path) -> str:
    """Text of a small table file written by Excel or an editor: UTF-8 (with or without BOM),
    UTF-16 with BOM, or GB18030; :class:`UsageError` when it is none of these."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {display_path(path)}: {error.strerror}") from error
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in MANIFEST_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(f"{display_path(path)}: not UTF-8, UTF-16 or GB18030 text; save it as CSV UTF-8")


def normalise_date(value: str, *, where: str) -> str | None:
    """``2023/12/2``, ``2023.12.02``, ``2023年12月2日`` → ``2023-12-02``; blank → None."""
    value = (value or "").strip()
    if not value:
        return None
    match = _DATE.match(value)
    if match is None:
        raise UsageError(f"{where}: date {value!r} is not a date such as 2023-12-02")
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise UsageError(f"{where}: date {value!r} is not a date such as 2023-12-02")
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_metadata_manifest(path: Path) -> dict[str, FileMetadata]:
    """Read a corpus manifest (columns ``path, kind, unit, date`` [, ``title``]) keyed by file name and path.

    The file may be UTF-8 (with or without BOM), UTF-16 or GB18030 (what Excel on Chinese Windows
    writes); dates are normalised to ``YYYY-MM-DD``.
    """
    if not path.is_file():
        raise UsageError(f"no such manifest file: {display_path(path)}")
    reader = csv.DictReader(io.StringIO(read_text_any(path), newline=""))
    if reader.fieldnames is None or "path" not in [name.strip() for name in reader.fieldnames]:
        raise UsageError(f"{display_path(path)}: a corpus manifest needs a 'path' column")
    reader.fieldnames = [name.strip() for name in reader.fieldnames]
    entries: dict[str, FileMetadata] = {}
    for number, row in enumerate(reader, start=2):
        name = (row.get("path") or "").strip()
        if not name:
            continue
        kind = (row.get("kind") or "report").strip().lower()
        if kind not in {"policy", "report"}:
            raise UsageError(f"{display_path(path)}:{number}: kind must be 'policy' or 'report', got {kind!r} for {name}")
        metadata = FileMetadata(
            kind=kind,
            unit=(row.get("unit") or "").strip(),
            date=normalise_date(row.get("date") or "", where=f"{display_path(path)}:{number}"),
            title=(row.get("title") or "").strip(),
        )
        entries[name] = metadata
        entries[Path(name).name] = metadata
    return entries


def _is_metadata_manifest(path: Path) -> bool:
    if path.name != METADATA_MANIFEST_NAME:
        return False
    try:
        header = read_text_any(path).split("\n", 1)[0]
    except UsageError:
        return False
    return "path" in [part.strip() for part in header.split(",")] and "kind" in header


@dataclass
class Discovery:
    """What a set of input paths holds: the files to read, folder manifests, and the inputs that are
    not read (each with the manifest row that says why)."""

    files: list[Path] = field(default_factory=list)
    metadata: dict[str, FileMetadata] = field(default_factory=dict)
    rejected: list[ManifestRow] = field(default_factory=list)


def _inside(target: str, roots: Sequence[str]) -> bool:
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _special_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _classify(candidate: Path, roots: Sequence[str], *, follow_links: bool) -> str | None:
    """Why ``candidate`` is not read (None when it is an ordinary file to read)."""
    try:
        if candidate.is_symlink():
            target = os.path.realpath(candidate)
            if not os.path.exists(target):
                return "broken link (its target does not exist)"
            if not follow_links and not _inside(target, roots):
                return "link outside the input folders (use --follow-links to read it)"
        mode = os.stat(candidate).st_mode
    except OSError as error:
        return f"unreadable: {error.strerror}"
    if not stat.S_ISREG(mode):
        return f"not a regular file: {_special_kind(mode)}"
    return None


def discover(paths: Sequence[Path], *, follow_links: bool = False) -> Discovery:
    """Expand files and folders (recursively) into input files, and collect folder manifests.

    Hidden files and folders are skipped; a ``manifest.csv`` with ``path`` and ``kind`` columns is
    read as metadata. Links are not followed out of the input folders unless ``follow_links``;
    special files (FIFOs, devices), broken links and unreadable folders are reported, not read.
    """
    found = Discovery()
    roots = [os.path.realpath(path) for path in paths if os.path.isdir(path)]

    def take(candidate: Path, reason: str | None) -> None:
        if reason is not None:
            found.rejected.append(ManifestRow(display_path(candidate), "", "failed", reason))
        elif _is_metadata_manifest(candidate):
            found.metadata.update(read_metadata_manifest(candidate))
        else:
            found.files.append(candidate)

    for path in paths:
        if not os.path.lexists(path):
            raise UsageError(f"no such file or folder: {display_path(path)}")
        if not path.is_dir():  # a file named on the command line is read wherever its link points
            take(path, _classify(path, [os.path.realpath(path)], follow_links=True))
            continue
        candidates: list[Path] = []

        def unreadable(error: OSError, root: Path = path) -> None:
            found.rejected.append(ManifestRow(display_path(error.filename or root), "", "failed",
                                              f"unreadable folder: {error.strerror}"))

        for folder, folders, names in os.walk(path, onerror=unreadable, followlinks=False):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in folders:  # a linked folder is not walked: report what it points to
                linked = Path(folder) / name
                if linked.is_symlink():
                    target = os.path.realpath(linked)
                    if not _inside(target, roots):
                        found.rejected.append(ManifestRow(display_path(linked), "", "failed",
                                                          "link outside the input folders (not followed)"))
            candidates.extend(Path(folder) / name for name in names if not name.startswith("."))
        for candidate in sorted(candidates, key=display_path):
            take(candidate, _classify(candidate, roots, follow_links=follow_links))
    return found


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest(
    paths: Sequence[Path],
    *,
    timeout: float = config.DEFAULT_TIMEOUT_SECONDS,
    max_bytes: int = config.DEFAULT_MAX_FILE_BYTES,
    max_memory: int | None = config.DEFAULT_MAX_MEMORY_BYTES,
    metadata: dict[str, FileMetadata] | None = None,
    on_file: Callable[[Path, ManifestRow], None] | None = None,
    scheduler: str | None = None,
    follow_links: bool = False,
    prefer: Sequence[Path] = (),
    workers: int | None = None,
    cache: IngestCache | None = None,
) -> Corpus:
    """Ingest files and folders into a :class:`Corpus`; never raises for a bad input file.

    ``scheduler`` spreads the files over Dask: ``"threads"``, ``"processes"``, or the address of a
    ``dask.distributed`` scheduler (``tcp://host:8786``). Each Dask task parses its files in its own
    guarded worker process. Without it, ``workers`` guarded workers (default: one per core) take the
    files in turn. Reading, normalising and
    structuring a file all run in that worker, within ``timeout`` seconds and ``max_memory`` bytes.

    With a ``cache``, a file whose result it holds (same content, same name and metadata in the batch,
    same ingest code) is not read again, and the results of the files read are stored in it; the
    corpus is assembled from the whole batch either way, so it is the corpus of a run without cache.
    """
    found = discover(paths, follow_links=follow_links)
    files = found.files
    all_metadata = {**found.metadata, **(metadata or {})}
    ambiguous = _ambiguous_stems(files)
    reused = _from_cache(cache, files, all_metadata, ambiguous, workers=workers) if cache is not None else {}
    if on_file is not None:
        for index in sorted(reused):
            on_file(files[index], reused[index][0])
    to_read = [path for index, path in enumerate(files) if index not in reused]
    keep = _cache_storer(cache, all_metadata, ambiguous) if cache is not None else None
    if scheduler is None:
        read = _ingest_locally(to_read, workers=workers, timeout=timeout, max_bytes=max_bytes,
                               max_memory=max_memory, metadata=all_metadata, ambiguous=ambiguous, on_file=on_file,
                               on_result=keep)
    else:
        read = _ingest_with_dask(to_read, scheduler=scheduler, timeout=timeout, max_bytes=max_bytes,
                                 max_memory=max_memory, metadata=all_metadata, ambiguous=ambiguous)
        for path, (row, documents) in zip(to_read, read, strict=True):
            if keep is not None:
                keep(path, row, documents)
            if on_file is not None:
                on_file(path, row)
    if on_file is not None:
        for row in found.rejected:
            on_file(Path(row.path), row)
    fresh = iter(read)
    results = [reused[index] if index in reused else next(fresh) for index in range(len(files))]
    if cache is not None:
        log.info("cache: %d of %d files reused, %d read; %d stale entries removed", len(reused), len(files),
                 len(to_read), cache.prune())
    return assemble(paths, found, results, metadata=metadata or {}, prefer=prefer)


def metadata_of(path: Path, metadata: dict[str, FileMetadata]) -> FileMetadata:
    """The analyst's metadata for ``path`` (by its path as shown, else its name), or the defaults."""
    return metadata.get(display_path(path)) or metadata.get(path.name) or FileMetadata()


def _cache_key(path: Path, sha: str, metadata: dict[str, FileMetadata], ambiguous: frozenset[str]) -> str:
    return entry_key(sha256=sha, path=display_path(path), metadata=asdict(metadata_of(path, metadata)),
                     shared_stem=stem_key(path) in ambiguous)


def _from_cache(
    cache: IngestCache, files: Sequence[Path], metadata: dict[str, FileMetadata], ambiguous: frozenset[str],
    *, workers: int | None,
) -> dict[int, tuple[ManifestRow, list[Document]]]:
    """The results ``cache`` holds, by position in ``files``: each file is hashed (side by side), not read."""
    if not cache.read or not files:
        return {}

    def lookup(path: Path) -> tuple[ManifestRow, list[Document]] | None:
        began = time.perf_counter()
        try:
            sha = sha256_of(path)
        except OSError:
            return None  # the read reports it
        entry = cache.load(_cache_key(path, sha, metadata, ambiguous))
        if entry is None:
            return None
        try:
            row = ManifestRow(display_path(path), sha, seconds=round(time.perf_counter() - began, 3), **entry.row)
        except TypeError:
            return None
        log.info("from cache %s", row.path)
        return row, list(entry.documents)

    count = max(1, min(workers or os.cpu_count() or 1, len(files)))
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="lzp-cache") as pool:
        found = list(pool.map(lookup, files))
    return {index: result for index, result in enumerate(found) if result is not None}


def _cache_storer(
    cache: IngestCache, metadata: dict[str, FileMetadata], ambiguous: frozenset[str],
) -> Callable[[Path, ManifestRow, list[Document]], None]:
    """Stores a file's result in ``cache`` unless it failed (a failure may be a time or memory limit,
    a converter missing: the next run tries again)."""
    def keep(path: Path, row: ManifestRow, documents: list[Document]) -> None:
        if row.status == "failed" or not row.sha256:
            return
        fields = {"status": row.status, "reason": row.reason, "n_documents": row.n_documents,
                  "n_chars": row.n_chars}
        cache.store(_cache_key(path, row.sha256, metadata, ambiguous), fields, documents)

    return keep


def assemble(
    paths: Sequence[Path],
    found: Discovery,
    results: list[tuple[ManifestRow, list[Document]]],
    *,
    metadata: dict[str, FileMetadata],
    prefer: Sequence[Path] = (),
) -> Corpus:
    """The corpus of a batch from the per-file results (in the order of ``found.files``): one manifest
    row per input (the inputs that were not read included), identical files kept once, document ids
    unique, one unit per file without a manifest, near-duplicates marked, batch warnings logged."""
    all_metadata = {**found.metadata, **metadata}
    corpus = Corpus()
    for row in found.rejected:
        log.info("not read %s: %s", row.path, row.reason)
        corpus.manifest.append(row)
    results = _keep_identical_once(found.files, results, all_metadata, prefer=prefer)
    for row, documents in results:
        log.info("%s %s%s", row.status, row.path, f": {row.reason}" if row.reason else "")
        corpus.manifest.append(row)
        corpus.documents.extend(documents)
    corpus.documents = _unique_ids(corpus.documents)
    corpus.documents = _distinct_units(corpus.documents, all_metadata)
    corpus.documents = mark_duplicates(corpus.documents)
    corpus.warnings.extend(_batch_warnings(paths, found.files, found, metadata))
    for warning in corpus.warnings:
        log.warning("%s", warning)
    return corpus


def _batch_warnings(paths: Sequence[Path], files: Sequence[Path], found: Discovery,
                    metadata: dict[str, FileMetadata]) -> list[str]:
    warnings = []
    if not files and not found.rejected:
        warnings.append("no input files in " + ", ".join(display_path(path) for path in paths))
    present = {path.name for path in files}
    listed = {**found.metadata, **metadata}
    missing = sorted({Path(name).name for name in listed if Path(name).name not in present})
    if missing:
        warnings.append(f"manifest rows name files that are not in the input: {', '.join(missing)}")
    return warnings


def _keep_identical_once(
    files: Sequence[Path], results: list[tuple[ManifestRow, list[Document]]], metadata: dict[str, FileMetadata],
    *, prefer: Sequence[Path] = (),
) -> list[tuple[ManifestRow, list[Document]]]:
    """Byte-identical files are read once: later copies keep their manifest row, marked as a copy of
    the first (a policy, or a file named in ``prefer``, is the copy that is kept)."""
    preferred = {os.path.realpath(path) for path in prefer}

    def rank(index: int) -> tuple[int, int]:
        path = files[index]
        entry = metadata.get(display_path(path)) or metadata.get(path.name)
        first = os.path.realpath(path) in preferred or (entry is not None and entry.kind == "policy")
        return (0 if first else 1, index)

    kept: dict[str, int] = {}
    for index in sorted(range(len(results)), key=rank):
        row = results[index][0]
        if row.sha256 and row.status != "failed" and row.sha256 not in kept:
            kept[row.sha256] = index
    settled = []
    for index, (row, documents) in enumerate(results):
        first = kept.get(row.sha256)
        if first is None or first == index or row.status == "failed":
            settled.append((row, documents))
            continue
        reason = f"identical to {results[first][0].path}: read once"
        settled.append((replace(row, status="warning", reason=reason, n_documents=0, n_chars=0), []))
    return settled


def _distinct_units(documents: list[Document], metadata: dict[str, FileMetadata]) -> list[Document]:
    """Without a manifest one file is one unit: a name two files share (two years' 政府工作报告) gets
    the file's name added. Units named in a manifest are kept as the analyst wrote them."""
    def named(document: Document) -> bool:
        entry = metadata.get(document.source_path) or metadata.get(Path(document.source_path).name)
        return entry is not None and bool(entry.unit)

    files_of: dict[str, set[str]] = {}
    for document in documents:
        if not named(document):
            files_of.setdefault(document.unit, set()).add(document.source_path)
    return [
        replace(document, unit=f"{document.unit}（{name_of(Path(document.source_path))}）")
        if not named(document) and len(files_of.get(document.unit, ())) > 1 else document
        for document in documents
    ]


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Document ids are unique in a batch: a clash (two inputs whose names differ only in characters
    an id cannot hold) gets a numeric suffix, passages renumbered with it."""
    seen: Counter[str] = Counter()
    unique = []
    for document in documents:
        seen[document.doc_id] += 1
        if seen[document.doc_id] == 1:
            unique.append(document)
            continue
        doc_id = f"{document.doc_id}-{seen[document.doc_id]}"
        while doc_id in seen:
            seen[document.doc_id] += 1
            doc_id = f"{document.doc_id}-{seen[document.doc_id]}"
        seen[doc_id] += 1
        passages = tuple(replace(p, doc_id=doc_id, passage_id=f"{doc_id}:{p.passage_id.rsplit(':', 1)[-1]}")
                         for p in document.passages)
        unique.append(replace(document, doc_id=doc_id, passages=passages))
    return unique


def _ambiguous_stems(files: Sequence[Path]) -> frozenset[str]:
    """File stems shared by several inputs: their document ids get a hash suffix."""
    counts = Counter(stem_key(path) for path in files)
    return frozenset(stem for stem, count in counts.items() if count > 1)


def _ingest_locally(
    files: Sequence[Path], *, workers: int | None, timeout: float, max_bytes: int, max_memory: int | None,
    metadata: dict[str, FileMetadata], ambiguous: frozenset[str],
    on_file: Callable[[Path, ManifestRow], None] | None,
    on_result: Callable[[Path, ManifestRow, list[Document]], None] | None = None,
) -> list[tuple[ManifestRow, list[Document]]]:
    """Each file in one of ``workers`` guarded worker processes (threads here only wait for them);
    results in the order of ``files``, whatever order they finish in. ``on_result`` is called with
    each file's result as it comes (in the thread that waited for it)."""
    if not files:
        return []
    count = max(1, min(workers or os.cpu_count() or 1, len(files)))
    readers = [GuardedReader(timeout=timeout, max_bytes=max_bytes, max_memory=max_memory) for _ in range(count)]
    free: queue.SimpleQueue[GuardedReader] = queue.SimpleQueue()
    for reader in readers:
        free.put(reader)

    def one(path: Path) -> tuple[ManifestRow, list[Document]]:
        reader = free.get()
        try:
            result = ingest_file(path, reader, metadata, ambiguous)
        finally:
            free.put(reader)
        if on_result is not None:
            on_result(path, *result)
        if on_file is not None:
            on_file(path, result[0])
        return result

    try:
        if count == 1:
            return [one(path) for path in files]
        with ThreadPoolExecutor(max_workers=count, thread_name_prefix="lzp-ingest") as pool:
            return list(pool.map(one, files))
    finally:
        for reader in readers:
            reader.close()


def _ingest_partition(
    paths: Sequence[str], *, timeout: float, max_bytes: int, max_memory: int | None,
    metadata: dict[str, FileMetadata], ambiguous: frozenset[str],
) -> list[tuple[ManifestRow, list[Document]]]:
    """One Dask task: read its files with a guarded worker of its own."""
    with GuardedReader(timeout=timeout, max_bytes=max_bytes, max_memory=max_memory) as reader:
        return [ingest_file(Path(path), reader, metadata, ambiguous) for path in paths]


def _ingest_with_dask(
    files: Sequence[Path], *, scheduler: str, timeout: float, max_bytes: int, max_memory: int | None,
    metadata: dict[str, FileMetadata], ambiguous: frozenset[str],
) -> list[tuple[ManifestRow, list[Document]]]:
    import dask.bag

    if not files:
        return []
    partitions = min(len(files), max(1, (os.cpu_count() or 1) * 4))
    bag = dask.bag.from_sequence([str(path) for path in files], npartitions=partitions).map_partitions(
        _ingest_partition, timeout=timeout, max_bytes=max_bytes, max_memory=max_memory, metadata=metadata,
        ambiguous=ambiguous
    )
    if "://" in scheduler:
        try:
            from dask.distributed import Client
        except ImportError as error:
            raise UsageError("a cluster address needs dask.distributed: pip install 'dask[distributed]'") from error
        with Client(scheduler):
            return list(bag.compute())
    if scheduler not in {"threads", "processes", "sync", "synchronous"}:
        raise UsageError(f"unknown scheduler {scheduler!r}: use threads, processes or a tcp:// address")
    return list(bag.compute(scheduler=scheduler))


def ingest_file(
    path: Path, reader: GuardedReader, metadata: dict[str, FileMetadata], ambiguous: frozenset[str]
) -> tuple[ManifestRow, list[Document]]:
    """One file's manifest row and documents, read, normalised and structured in ``reader``'s worker
    (under its limits); never raises for a bad file."""
    began = time.perf_counter()
    shown = display_path(path)
    try:
        sha = sha256_of(path)
    except OSError as error:
        return ManifestRow(shown, "", "failed", f"unreadable: {error.strerror}"), []
    file_metadata = metadata_of(path, metadata)
    try:
        if path.suffix.lower() not in supported_suffixes():
            raise IngestError(reason=f"unsupported format: {path.suffix or '(no extension)'}")
        built = reader.read(path, then=documents_of_file,
                            then_kwargs={"sha": sha, "metadata": file_metadata, "ambiguous": ambiguous})
    except NoTextLayerError as error:
        seconds = time.perf_counter() - began
        return ManifestRow(shown, sha, "warning", error.reason, 0, 0, round(seconds, 3)), []
    except IngestError as error:
        seconds = time.perf_counter() - began
        return ManifestRow(shown, sha, "failed", error.reason, 0, 0, round(seconds, 3)), []
    except Exception as error:  # a bug must not stop the batch; it is logged with its traceback
        log.exception("unexpected error on %s", shown)
        seconds = time.perf_counter() - began
        reason = f"internal error: {type(error).__name__}: {error}"
        return ManifestRow(shown, sha, "failed", reason, 0, 0, round(seconds, 3)), []
    seconds = time.perf_counter() - began
    documents = list(built.documents)
    warnings = list(built.warnings)
    if any(document.truncated for document in documents):
        warnings.append("source truncated")
    if not documents or not any(document.text for document in documents):
        return ManifestRow(shown, sha, "failed", "no text after normalisation", 0, 0, round(seconds, 3)), []
    status = "warning" if warnings else "ok"
    n_chars = sum(len(document.text) for document in documents)
    row = ManifestRow(shown, sha, status, "; ".join(warnings), len(documents), n_chars, round(seconds, 3))
    return row, documents


def mark_duplicates(documents: list[Document], *, prefer: frozenset[str] = frozenset()) -> list[Document]:
    """Mark near-duplicates: a document gets ``duplicate_of`` = the id of an earlier one it repeats.

    Policy documents, and the ids in ``prefer``, come first, so a yardstick is never the copy that
    is set aside (a scanned PDF of the opinion read before its text PDF, say). Existing marks are
    recomputed.
    """
    def rank(position: int) -> tuple[int, int]:
        document = documents[position]
        return (0 if document.doc_id in prefer or document.kind == "policy" else 1, position)

    order = sorted(range(len(documents)), key=rank)
    keep = frozenset(documents[i].doc_id for i in order if rank(i)[0] == 0)
    duplicates = find_near_duplicates(
        [(documents[i].doc_id, documents[i].text) for i in order],
        threshold=config.DUPLICATE_THRESHOLD,
        keep=keep,
    )
    return [replace(document, duplicate_of=duplicates.get(document.doc_id)) for document in documents]


DOCUMENT_COLUMNS = [
    "doc_id", "source_path", "title", "doc_type", "issuer", "doc_number", "date", "unit", "kind", "article",
    "duplicate_of", "truncated", "n_chars", "n_passages", "normalization", "text",
]
PASSAGE_COLUMNS = ["passage_id", "doc_id", "section_path", "start", "end", "text", "page", "paragraph",
                   "is_heading"]
SECTION_COLUMNS = ["doc_id", "path", "label", "title", "level", "start", "end"]


def documents_frame(documents: Iterable[Document]) -> pd.DataFrame:
    rows = [
        {
            "doc_id": d.doc_id, "source_path": d.source_path, "title": d.title, "doc_type": d.doc_type,
            "issuer": d.issuer, "doc_number": d.doc_number, "date": d.date, "unit": d.unit, "kind": d.kind,
            "article": d.article, "duplicate_of": d.duplicate_of, "truncated": d.truncated,
            "n_chars": len(d.text), "n_passages": len(d.passages),
            "normalization": json.dumps(d.normalization, ensure_ascii=False), "text": d.text,
        }
        for d in documents
    ]
    frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    return frame.astype({"article": "Int64", "truncated": bool, "n_chars": "int64", "n_passages": "int64"})


def passages_frame(passages: Iterable[Passage]) -> pd.DataFrame:
    frame = pd.DataFrame([asdict(p) for p in passages], columns=PASSAGE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "page": "Int64", "paragraph": "Int64",
                         "is_heading": bool})


def sections_frame(documents: Iterable[Document]) -> pd.DataFrame:
    rows = [
        {"doc_id": d.doc_id, "path": s.path_str, "label": s.label, "title": s.title, "level": s.level,
         "start": s.start, "end": s.end}
        for d in documents for s in d.sections
    ]
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)


def manifest_frame(rows: Iterable[ManifestRow]) -> pd.DataFrame:
    return pd.DataFrame([asdict(row) for row in rows], columns=MANIFEST_COLUMNS)


def write_corpus(corpus: Corpus, out_dir: Path) -> dict[str, Path]:
    """Write ``documents.parquet``, ``passages.parquet``, ``sections.parquet`` and ``manifest.csv`` atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {
        "documents": write_parquet_atomic(documents_frame(corpus.documents), out_dir / "documents.parquet"),
        "passages": write_parquet_atomic(passages_frame(corpus.passages), out_dir / "passages.parquet"),
        "sections": write_parquet_atomic(sections_frame(corpus.documents), out_dir / "sections.parquet"),
        "manifest": write_csv_atomic(manifest_frame(corpus.manifest), out_dir / "manifest.csv"),
    }
    return written
