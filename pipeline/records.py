"""Records passed between stages. All offsets refer to the normalised text of a document."""

from __future__ import annotations

from dataclasses import dataclass, field

# Scores are kept to a few decimals; a corpus holds several per passage and per (unit, requirement)
# pair, so each such value is one float object that every record shares (see :func:`rounded`).
_SHARED_FLOATS: dict[int, dict[float, float]] = {
    digits: {value: value for value in (step / 10**digits for step in range(10**digits + 1))} for digits in (3, 4)
}


def rounded(value: float, digits: int) -> float:
    """``round(value, digits)``; for 3 or 4 digits and a value between 0 and 1, the one shared float
    object of that value (equal to the fresh one, so that results and outputs are the same)."""
    result = round(value, digits)
    shared = _SHARED_FLOATS.get(digits)
    return shared.get(result, result) if shared is not None else result


@dataclass(frozen=True)
class TextBlock:
    """A piece of raw text as a reader found it, with its location in the source file.

    ``page`` is the 1-based PDF page; ``paragraph`` the 1-based paragraph (DOCX, HTML) or line (TXT).
    """

    text: str
    page: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True)
class Extraction:
    """What a reader returns: raw text blocks in reading order, non-fatal warnings, metadata."""

    blocks: tuple[TextBlock, ...]
    warnings: tuple[str, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The raw text, blocks joined by newlines."""
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus an account of which steps changed it and by how many characters."""

    text: str
    steps: dict[str, int]
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of a document and the span of text it governs.

    ``path`` is the numeric path of the heading, e.g. ``(5, 3)`` for the third sub-item of section 五.
    """

    path: tuple[int, ...]
    label: str
    title: str
    level: int
    start: int
    end: int

    @property
    def path_str(self) -> str:
        """Dotted path, e.g. ``"5.3"``."""
        return ".".join(str(part) for part in self.path)


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence (or heading line) of a document with offsets into its normalised text."""

    passage_id: str
    doc_id: str
    section_path: str
    start: int
    end: int
    text: str
    page: int | None = None
    paragraph: int | None = None
    is_heading: bool = False


@dataclass(frozen=True)
class Document:
    """One document (a file, or one article of a compilation file) after normalisation."""

    doc_id: str
    source_path: str
    text: str
    title: str = ""
    doc_type: str = "other"
    issuer: str = ""
    doc_number: str = ""
    date: str | None = None
    unit: str = ""
    kind: str = "report"
    article: int | None = None
    duplicate_of: str | None = None
    truncated: bool = False
    normalization: dict[str, int] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    passages: tuple[Passage, ...] = ()
