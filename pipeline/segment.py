"""Segmentation of normalised Chinese text into sentences and words.

A sentence ends at 。！？；, at an ellipsis (…… or ...), and at every line break; closing quotes and
brackets that follow the terminator stay with the sentence. Offsets are character offsets into the
text that was passed in (the normalised text of a document).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jieba

from pipeline import config
from pipeline.errors import UsageError

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


# --- word segmentation -----------------------------------------------------------------------------



BACKENDS = ("jieba", "rjieba")
_PUNCTUATION_OR_SPACE = re.compile(r"^[\s\W_]+$")


def read_userdict(path: Path = config.USERDICT_PATH) -> list[tuple[str, int, str | None]]:
    """Entries ``(word, frequency, tag)`` of a jieba user dictionary."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        frequency = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1000
        entries.append((parts[0], frequency, parts[2] if len(parts) > 2 else None))
    return entries


@lru_cache(maxsize=1)
def stopwords(path: Path = config.STOPWORDS_PATH) -> frozenset[str]:
    """The domain stopword list."""
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=1)
def jieba_tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba dictionary with the domain user dictionary loaded.

    spaCy's ``zh`` jieba segmenter uses this same global dictionary.
    """
    jieba.setLogLevel(logging.WARNING)
    for word, frequency, tag in read_userdict():
        jieba.add_word(word, frequency, tag)
    return jieba.dt


@lru_cache(maxsize=1)
def rjieba_tokenizer() -> Any:
    """jieba-rs (rjieba) with the same user dictionary."""
    try:
        import rjieba
    except ImportError as error:  # pragma: no cover - rjieba is a declared dependency
        raise UsageError("the rjieba backend needs the rjieba package (pip install rjieba)") from error
    tokenizer = rjieba.Jieba()
    for word, frequency, tag in read_userdict():
        tokenizer.add_word(word, frequency, tag)
    return tokenizer


def tokenize(text: str, *, backend: str | None = None, drop_stopwords: bool = False) -> list[str]:
    """Segment ``text`` into words with the domain dictionary (whitespace tokens dropped).

    ``backend`` defaults to :data:`pipeline.config.SEGMENTER_BACKEND`.
    """
    backend = backend or config.SEGMENTER_BACKEND
    if backend == "jieba":
        tokens = jieba_tokenizer().lcut(text)
    elif backend == "rjieba":
        tokens = rjieba_tokenizer().cut(text)
    else:
        raise UsageError(f"unknown segmenter backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    tokens = [token for token in tokens if token.strip()]
    if drop_stopwords:
        stop = stopwords()
        tokens = [t for t in tokens if t not in stop and not _PUNCTUATION_OR_SPACE.match(t)]
    return tokens


def content_words(text: str) -> list[str]:
    """Words of ``text`` without stopwords and punctuation (a picklable tokenizer for vectorisers)."""
    return tokenize(text, drop_stopwords=True)


@lru_cache(maxsize=1)
def chinese_nlp() -> Any:
    """A spaCy ``zh`` pipeline segmenting with jieba and the domain dictionary (the Doc container)."""
    import spacy

    jieba_tokenizer()
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
