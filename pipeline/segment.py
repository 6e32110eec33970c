"""Sentence segmentation of normalised Chinese text.

A sentence ends at 。！？；, at an ellipsis (…… or ...), and at every line break; closing quotes and
brackets that follow the terminator stay with the sentence. Offsets are character offsets into the
text that was passed in (the normalised text of a document).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence: the shortest run of non-newline text ending in a terminator plus trailing closers,
# or the rest of the line.
_SENTENCE = re.compile(
    r"""[^\n]*?(?:[。！？；!?;]+|…{1,}|\.{3,})[”’」』》）)\]】"']*  # up to a terminator and its closers
      |[^\n]+                                              # or the rest of the line
    """,
    re.VERBOSE,
)
_BLANK = re.compile(r"^\s*$")


def iter_sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every sentence, trimmed of surrounding whitespace."""
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        chunk = match.group()
        if _BLANK.match(chunk):
            continue
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if end > start:
            yield start, end


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings."""
    return [text[start:end] for start, end in iter_sentence_spans(text)]
