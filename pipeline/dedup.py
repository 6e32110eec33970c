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
    """Character ``size``-grams of ``text`` with whitespace and punctuation removed: the definition that
    :func:`shingle_hashes` computes as hashes (and the reference its tests compare against)."""
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
    the exact shingle sets, held as hashes (:func:`shingle_hashes`: 8 bytes a shingle, no string
    objects). Texts shorter than ``min_chars`` (after removing punctuation) are never
    called duplicates.
    """
    entries: list[tuple[str, np.ndarray]] = []
    signatures: dict[str, MinHash] = {}
    for doc_id, text in documents:
        if len(_NOISE.sub("", text)) < min_chars:
            continue
        hashes = shingle_hashes(text)
        signatures[doc_id] = _signature(hashes, permutations)
        entries.append((doc_id, hashes))
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


_MIX = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))
_MULTIPLIER = np.uint64(0x100000001B3)
_CHUNK = 4096


def shingle_hashes(text: str, *, size: int = config.SHINGLE_SIZE) -> np.ndarray:
    """The shingles of :func:`shingles` as sorted distinct 64-bit hashes, computed on the text's code
    points as arrays (no string per shingle): a polynomial hash of each ``size``-gram, then mixed.
    Overlaps of two texts equal those of their shingle sets up to hash collisions (about one in 10^19
    per pair of shingles)."""
    compact = _NOISE.sub("", text)
    if not compact:
        return np.empty(0, dtype=np.uint64)
    points = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(size, len(points))
    count = len(points) - width + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        hashes = hashes * _MULTIPLIER + points[offset:offset + count]
    for multiplier in _MIX:  # splitmix64's finaliser: every output bit depends on every input bit
        hashes ^= hashes >> np.uint64(31)
        hashes *= multiplier
    hashes ^= hashes >> np.uint64(31)
    return np.unique(hashes)


def _signature(hashes: np.ndarray, permutations: int) -> MinHash:
    """The MinHash of a shingle-hash set, fed the upper 32 bits of each hash in chunks (datasketch
    permutes a whole batch at once, so a long text in one batch would take ``permutations`` × 8 bytes
    per shingle)."""
    signature = MinHash(num_perm=permutations, seed=1, hashfunc=int)
    values = (hashes >> np.uint64(32)).tolist()
    for start in range(0, len(values), _CHUNK):
        signature.update_batch(values[start:start + _CHUNK])
    return signature


def _common(left: np.ndarray, right: np.ndarray) -> int:
    return len(np.intersect1d(left, right, assume_unique=True))


def _jaccard(left: np.ndarray, right: np.ndarray) -> float:
    common = _common(left, right)
    union = len(left) + len(right) - common
    return common / union if union else 0.0


def _containment(part: np.ndarray, whole: np.ndarray) -> float:
    return _common(part, whole) / len(part) if len(part) else 0.0
