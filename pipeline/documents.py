"""One file's extraction → its documents: normalise, split a compilation into articles, structure.

This is the per-file part of ingest. It runs inside the guarded worker process
(:class:`pipeline.ingest.guard.GuardedReader`), under the same time and memory limits as the reader,
so it imports nothing heavier than the normaliser and the structure parser.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.normalize import normalize
from pipeline.records import Document, Extraction, Passage
from pipeline.structure import (
    build_outline,
    classify_doc_type,
    find_date,
    find_doc_number,
    find_issuer,
    find_title,
    front_matter_end,
    split_articles,
)

# Character-level normalisers applied to each raw block to find where a passage came from.
_LOCAL_STEPS = ("fix_unicode", "map_radicals", "fold_fullwidth_ascii", "strip_pinyin", "to_simplified",
                "restore_censored")
_LOCATOR_NOISE = re.compile(r"[\s*#_]")
_LOCATOR_KEY_LENGTH = 8


@dataclass(frozen=True)
class FileMetadata:
    """Analyst-supplied metadata for one input file (from a corpus ``manifest.csv``)."""

    kind: str = "report"
    unit: str = ""
    date: str | None = None
    title: str = ""


def display_path(path: Path | str) -> str:
    """A path as text that any writer accepts: bytes of a name that is not UTF-8 (unzipped from a
    GBK archive, say) are kept as ``\\xNN`` escapes instead of failing every writer downstream."""
    return os.fsencode(os.fspath(path)).decode("utf-8", "backslashreplace")


def _doc_id(path: Path, sha: str, ambiguous: frozenset[str], article: int | None) -> str:
    """``<file stem>[-<sha8> when another input has the same stem][-a<article>]``: stable across runs."""
    stem = stem_key(path)
    base = stem or sha[:12]
    if stem in ambiguous:
        base = f"{base}-{sha[:8]}"
    return f"{base}-a{article}" if article is not None else base


def _locator(extraction: Extraction) -> tuple[str, list[tuple[int | None, int | None]]]:
    """A whitespace-free, character-normalised copy of the raw text and the location of each char."""
    pieces: list[str] = []
    locations: list[tuple[int | None, int | None]] = []
    for block in extraction.blocks:
        flat = _LOCATOR_NOISE.sub("", normalize(block.text, steps=_LOCAL_STEPS).text)
        pieces.append(flat)
        locations.extend([(block.page, block.paragraph)] * len(flat))
    return "".join(pieces), locations


def _locate(
    passages: list[tuple[int, int]], text: str, flat: str, locations: list[tuple[int | None, int | None]]
) -> list[tuple[int | None, int | None]]:
    """Find where each passage starts in the raw blocks, scanning forward."""
    cursor = 0
    found: list[tuple[int | None, int | None]] = []
    for start, end in passages:
        key = _LOCATOR_NOISE.sub("", text[start:end])[:_LOCATOR_KEY_LENGTH]
        position = flat.find(key, cursor) if key else -1
        if position < 0:
            found.append(found[-1] if found else (None, None))
            continue
        cursor = position + len(key)
        found.append(locations[position])
    return found


def build_documents(
    path: Path,
    extraction: Extraction,
    *,
    sha: str,
    metadata: FileMetadata,
    ambiguous: frozenset[str] = frozenset(),
) -> list[Document]:
    """Normalise an extraction and cut it into documents (one per article) with passages."""
    normalized = normalize(extraction.text)
    text = normalized.text
    articles = split_articles(text)
    flat, locations = _locator(extraction)
    documents: list[Document] = []
    # A compilation's own title stands above its first article.
    opening = text[:articles[0].end] if len(articles) > 1 and articles[0].number == 0 else ""
    file_title = metadata.title or find_title(opening if len(articles) > 1 else text) \
        or extraction.metadata.get("title", "")
    # Without a unit in the manifest, one file is one unit: its issuing organ, its title, else its name.
    file_unit = metadata.unit or find_issuer(text, file_title) or file_title or name_of(path)
    for article in articles:
        article_text = text[article.start:article.end].strip()
        numbered = len(articles) > 1
        doc_id = _doc_id(path, sha, ambiguous, article.number if numbered else None)
        title = article.title or (metadata.title if not numbered else "") or find_title(article_text)
        if not title:
            title = extraction.metadata.get("title", "")
        body_start = front_matter_end(article_text)
        outline = build_outline(article_text, body_start=body_start)
        spans = [(start, end) for start, end, _, _ in outline.sentences]
        places = _locate(spans, article_text, flat, locations)
        passages = tuple(
            Passage(
                passage_id=f"{doc_id}:{index:04d}",
                doc_id=doc_id,
                section_path=section_path,
                start=start,
                end=end,
                text=article_text[start:end],
                page=page,
                paragraph=paragraph,
                is_heading=is_heading,
            )
            for index, ((start, end, section_path, is_heading), (page, paragraph)) in enumerate(
                zip(outline.sentences, places, strict=True)
            )
        )
        issuer = find_issuer(article_text, find_title(article_text))
        date = find_date(article_text) or (metadata.date if not numbered else None)
        if date is None and not numbered:
            date = extraction.metadata.get("date") or None
        documents.append(
            Document(
                doc_id=doc_id,
                source_path=display_path(path),
                text=article_text,
                title=title,
                doc_type=classify_doc_type(title, article_text),
                issuer=issuer,
                doc_number=find_doc_number(article_text),
                date=date,
                unit=file_unit if numbered else (metadata.unit or issuer or title or name_of(path)),
                kind=metadata.kind,
                article=article.number if numbered else None,
                truncated=normalized.truncated,
                normalization=dict(normalized.steps),
                sections=outline.sections,
                passages=passages,
            )
        )
    return documents


def name_of(path: Path) -> str:
    """A file's name without its suffix, as readable text (the unit of last resort)."""
    return display_path(Path(path).stem)


def stem_key(path: Path) -> str:
    return re.sub(r"[^\w\u4e00-\u9fff-]+", "_", path.stem)[:60]


@dataclass(frozen=True)
class FileDocuments:
    """What one file became: its documents and the reader's warnings."""

    documents: tuple[Document, ...]
    warnings: tuple[str, ...]


def documents_of_file(
    path: Path, extraction: Extraction, *, sha: str, metadata: FileMetadata, ambiguous: frozenset[str]
) -> FileDocuments:
    """:func:`build_documents` as the guarded worker's step after reading (only this comes back)."""
    documents = build_documents(path, extraction, sha=sha, metadata=metadata, ambiguous=ambiguous)
    return FileDocuments(tuple(documents), tuple(extraction.warnings))
