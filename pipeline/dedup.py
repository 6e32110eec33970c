"""Near-duplicate detection with MinHash over character shingles (datasketch)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH, MinHashLSHEnsemble

from pipeline import config

# Punctuation and whitespace are ignored so that (一) and （一）, quoted and unquoted 两张皮 compare equal.
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def shingles(text: str, *, size: int = config.SHINGLE_SIZE) -> set[str]:
    """Character ``size``-grams of ``text`` with whitespace and punctuation removed."""
    compact = _NOISE.sub("", text)
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i:i + size] for i in range(len(compact) - size + 1)}


def find_near_duplicates(
    documents: Sequence[tuple[str, str]],
    *,
    threshold: float = config.DUPLICATE_THRESHOLD,
    permutations: int = config.MINHASH_PERMUTATIONS,
    min_chars: int = 200,
    keep: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Map each near-duplicate document id to the id of the document it duplicates.

    ``documents`` are ``(doc_id, text)`` pairs in order of preference (corpus order, or policies
    first). Two kinds of copies are found:

    * near-identical texts (Jaccard similarity of shingles ≥ ``threshold``): the later one is the copy;
    * partial copies (≥ ``threshold`` of a text's shingles inside a longer one: an excerpt, the first
      pages of a scanned print): the shorter one is the copy, unless its id is in ``keep``.

    Candidates come from MinHash LSH (Jaccard) and LSH Ensemble (containment) and are confirmed on
    the exact shingle sets (kept as hashes, see :func:`_hashes`; the shingles themselves are made one
    text at a time, so memory does not hold every text's shingle strings at once). Texts shorter than ``min_chars`` (after removing punctuation) are never
    called duplicates.
    """
    entries: list[tuple[str, np.ndarray]] = []
    signatures: dict[str, MinHash] = {}
    for doc_id, text in documents:  # one text's shingles at a time: only their hashes are kept
        if len(_NOISE.sub("", text)) < min_chars:
            continue
        grams = shingles(text)
        signatures[doc_id] = _signature(grams, permutations)
        entries.append((doc_id, _hashes(grams)))
        del grams
    if not entries:
        return {}
    order = {doc_id: position for position, (doc_id, _) in enumerate(entries)}
    sets = dict(entries)
    similar = MinHashLSH(threshold=threshold, num_perm=permutations)
    containing = MinHashLSHEnsemble(threshold=threshold, num_perm=permutations, num_part=8)
    containing.index([(doc_id, signatures[doc_id], len(grams)) for doc_id, grams in entries])
    duplicate_of: dict[str, str] = {}
    for doc_id, grams in entries:
        signature = signatures[doc_id]
        earlier = [c for c in similar.query(signature) if _jaccard(grams, sets[c]) >= threshold]
        if earlier:
            original = min(earlier, key=order.__getitem__)
            duplicate_of[doc_id] = duplicate_of.get(original, original)
            continue
        similar.insert(doc_id, signature)
    for doc_id, grams in sorted(entries, key=lambda entry: -len(entry[1])):  # containers resolved first
        if doc_id in duplicate_of or doc_id in keep:
            continue
        containers = [
            c for c in containing.query(signatures[doc_id], len(grams))
            if c != doc_id and c not in duplicate_of and len(sets[c]) > len(grams)
            and _containment(grams, sets[c]) >= threshold
        ]
        if containers:
            duplicate_of[doc_id] = min(containers, key=order.__getitem__)
    return duplicate_of


def _signature(grams: set[str], permutations: int) -> MinHash:
    signature = MinHash(num_perm=permutations, seed=1)
    signature.update_batch([gram.encode("utf-8") for gram in grams])
    return signature


def _hashes(grams: set[str]) -> np.ndarray:
    """A shingle set as its sorted 64-bit hashes (this process's string hash): 8 bytes a shingle instead
    of a string object, and the same overlaps up to hash collisions (about one in 10^19 per pair)."""
    return np.unique(np.fromiter((hash(gram) for gram in grams), dtype=np.int64, count=len(grams)))


def _common(left: np.ndarray, right: np.ndarray) -> int:
    return len(np.intersect1d(left, right, assume_unique=True))


def _jaccard(left: np.ndarray, right: np.ndarray) -> float:
    common = _common(left, right)
    union = len(left) + len(right) - common
    return common / union if union else 0.0


def _containment(part: np.ndarray, whole: np.ndarray) -> float:
    return _common(part, whole) / len(part) if len(part) else 0.0
