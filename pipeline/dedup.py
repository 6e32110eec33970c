"""Near-duplicate detection with MinHash over character shingles (datasketch)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from pipeline import config

# Punctuation and whitespace are ignored so that (一) and （一）, quoted and unquoted 两张皮 compare equal.
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def shingles(text: str, *, size: int = config.SHINGLE_SIZE) -> set[str]:
    """Character ``size``-grams of ``text`` with whitespace and punctuation removed."""
    compact = _NOISE.sub("", text)
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i:i + size] for i in range(len(compact) - size + 1)}


def minhash(text: str, *, permutations: int = config.MINHASH_PERMUTATIONS) -> MinHash:
    """The MinHash signature of the shingles of ``text``."""
    signature = MinHash(num_perm=permutations, seed=1)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return signature


def find_near_duplicates(
    documents: Sequence[tuple[str, str]],
    *,
    threshold: float = config.DUPLICATE_THRESHOLD,
    permutations: int = config.MINHASH_PERMUTATIONS,
    min_chars: int = 200,
) -> dict[str, str]:
    """Map each near-duplicate document id to the id of the earliest document it duplicates.

    ``documents`` are ``(doc_id, text)`` pairs in corpus order. Texts shorter than ``min_chars``
    (after removing punctuation) are never called duplicates.
    """
    index = MinHashLSH(threshold=threshold, num_perm=permutations)
    order: dict[str, int] = {}
    signatures: dict[str, MinHash] = {}
    duplicate_of: dict[str, str] = {}
    for position, (doc_id, text) in enumerate(documents):
        if len(_NOISE.sub("", text)) < min_chars:
            continue
        signature = minhash(text, permutations=permutations)
        candidates = [c for c in index.query(signature) if signature.jaccard(signatures[c]) >= threshold]
        if candidates:
            original = min(candidates, key=order.__getitem__)
            duplicate_of[doc_id] = duplicate_of.get(original, original)
        else:
            index.insert(doc_id, signature)
        order[doc_id] = position
        signatures[doc_id] = signature
    return duplicate_of
