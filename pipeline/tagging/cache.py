"""Tag results reused across runs: a document tagged before with the same codebook, model and code is
not tagged again.

The tags of a passage depend on its own document's passages (headings and genre give context), never
on other documents, so the key of a document's results is the sha256 of its passage texts in order,
the tagging mode, and :func:`tagging_fingerprint` — the bytes of the codebook file and of the model
file, the source of the tagging code and of the modules it uses, the lexicon files, the segmenter
backend and the versions of the libraries the tagger uses. Entries live in an
:class:`~pipeline.cache.EntryStore` (gzip-compressed JSON); one that cannot be read is tagged again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from pipeline import config
from pipeline.cache import EntryStore, code_fingerprint
from pipeline.tagging.tagger import TagResult

log = logging.getLogger("lzp")

# The tag results' folder inside an output folder's cache folder.
TAGS_FOLDER = "tags"
# The modules whose code decides a passage's tags (paths relative to the package).
TAGGING_SOURCES: tuple[str, ...] = ("config.py", "errors.py", "records.py", "labels.py", "normalize.py", "segment.py",
                                    "structure.py", "tagging")
TAGGING_LIBRARIES: tuple[str, ...] = ("scikit-learn", "scipy", "numpy", "pandas", "jieba", "rjieba", "pyahocorasick",
                                      "skops", "opencc", "cn2an", "pyyaml")


def _file_digest(path: Path | None) -> str:
    if path is None:
        return "-"
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def tagging_fingerprint(codebook_path: Path, model_path: Path | None) -> str:
    """A digest of everything but the text that decides the tags: codebook file, model file (None:
    rules only), tagging code, lexicon, segmenter backend, library versions."""
    lexicon = tuple(sorted(path for path in config.LEXICON_DIR.glob("*") if path.is_file()))
    parts = [code_fingerprint(TAGGING_SOURCES, TAGGING_LIBRARIES, lexicon), config.SEGMENTER_BACKEND,
             _file_digest(codebook_path), _file_digest(model_path)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def result_to_json(result: TagResult) -> dict[str, Any]:
    return {"codes": list(result.codes), "role": result.role, "scores": dict(result.scores),
            "role_values": list(result.role_values), "evidence": list(result.evidence)}


def result_from_json(data: Mapping[str, Any]) -> TagResult:
    return TagResult(codes=list(data["codes"]), role=data["role"], scores=dict(data["scores"]),
                     role_values=tuple(data["role_values"]), evidence=[dict(hit) for hit in data["evidence"]])


def _results(value: Sequence[Mapping[str, Any]], *, count: int) -> list[TagResult]:
    if len(value) != count:
        raise ValueError(f"{len(value)} results for {count} passages")
    return [result_from_json(item) for item in value]


class TagCache:
    """The tag results ``store`` holds for whole documents (a document's passage texts in order), under
    keys made with ``fingerprint``. Used in the process that runs an analysis, so that its workers need
    no access to the cache and every entry read or written is known to :meth:`EntryStore.prune`."""

    def __init__(self, store: EntryStore, *, fingerprint: str) -> None:
        self.store = store
        self.fingerprint = fingerprint

    def key_of(self, passages: Sequence[str], *, mode: str, normalized: bool) -> str:
        text = json.dumps([self.fingerprint, mode, normalized, list(passages)], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def lookup(self, documents: Sequence[Sequence[str]], *, mode: str,
               normalized: bool) -> list[list[TagResult] | None]:
        """Each document's stored results, or None where the store has none (or none it can read)."""
        return [self.store.get(self.key_of(document, mode=mode, normalized=normalized),
                               partial(_results, count=len(document))) for document in documents]

    def save(self, documents: Sequence[Sequence[str]], results: Sequence[Sequence[TagResult]], *, mode: str,
             normalized: bool) -> None:
        """Store each document's results."""
        for document, tagged in zip(documents, results, strict=True):
            self.store.put(self.key_of(document, mode=mode, normalized=normalized),
                           [result_to_json(result) for result in tagged])

    def tag_documents(self, tag: Callable[[list[Sequence[str]]], Sequence[list[TagResult]]],
                      documents: Sequence[Sequence[str]], *, mode: str,
                      normalized: bool) -> list[list[TagResult]]:
        """Results for ``documents``: the stored ones, and ``tag`` (called once, with the documents the
        store does not hold, in order) for the others, which are then stored."""
        found = self.lookup(documents, mode=mode, normalized=normalized)
        missing = [index for index, results in enumerate(found) if results is None]
        if missing:
            todo = [documents[index] for index in missing]
            tagged = list(tag(todo))
            self.save(todo, tagged, mode=mode, normalized=normalized)
            for index, results in zip(missing, tagged, strict=True):
                found[index] = results
        log.info("tag cache: %d of %d documents reused, %d tagged", len(documents) - len(missing), len(documents),
                 len(missing))
        return [results or [] for results in found]
