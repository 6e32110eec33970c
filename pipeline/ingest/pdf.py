"""PDF (.pdf) with pdfplumber: one block per page, page furniture removed, OCR for image-only pages.

Per page: ``dedupe_chars()`` (fake-bold double printing), ``extract_text()`` with the default
tolerance (CJK glyphs sit edge to edge, so no spaces are inserted between them; a space appears
only where the layout really has a gap), then:

* ``(cid:N)`` tokens (glyphs without a Unicode mapping) are measured and removed; a page whose share
  of such characters exceeds :data:`pipeline.config.CID_GARBAGE_WARN_RATIO` gets a warning;
* page-number lines ("— 1 —", "- 2 -", "第 3 页", "3/10") among the first/last lines are dropped;
* running headers/footers are dropped: a first or last line that, digits masked, repeats on at
  least half of the pages (and on two pages at least).

A page without any characters has no text layer: it is OCR'd with RapidOCR when
``rapidocr_onnxruntime`` is importable (it ships its ONNX models), with the warning
"page N: no text layer, OCR used"; otherwise the warning is "page N: no text layer". If no page
yields text and OCR could not help, :class:`~pipeline.errors.NoTextLayerError` is raised.

Kangxi radicals (⼯ for 工) and hard line wraps are left as they are: normalisation is a later step.
pdfminer's (very chatty) logging is capped at ERROR so the terminal stays clean.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from pipeline import config
from pipeline.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from pipeline.records import Extraction, TextBlock

for _name in ("pdfminer", "pdfplumber", "pypdf", "PIL"):
    logging.getLogger(_name).setLevel(logging.ERROR)
log = logging.getLogger("lzp.ingest.pdf")

OCR_RESOLUTION = 200
_CID = re.compile(r"\(cid:\d+\)")
_DASHES = r"\-—–－一─‒―~·•"
_PAGE_NUMBER = re.compile(
    rf"^[\s{_DASHES}]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|"
    rf"[Pp]age\s*\d+(?:\s*of\s*\d+)?|\d{{1,4}})[\s{_DASHES}]*$"
)
_EDGE_LINES = 2  # page numbers are looked for among the first and last two lines of a page


def is_page_number(line: str) -> bool:
    """True for lines like "— 1 —", "- 2 -", "第 3 页", "3/10", "Page 4", "5"."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def cid_ratio(text: str) -> float:
    """Share of the non-space characters of ``text`` that belong to ``(cid:N)`` tokens."""
    total = len("".join(text.split()))
    if not total:
        return 0.0
    return sum(len(match) for match in _CID.findall(text)) / total


def _strip_page_numbers(lines: list[str]) -> list[str]:
    n = len(lines)
    return [
        line
        for index, line in enumerate(lines)
        if not ((index < _EDGE_LINES or index >= n - _EDGE_LINES) and is_page_number(line))
    ]


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop a first/last line that (digits masked) repeats on ≥ 50% of the pages, and on ≥ 2 pages."""
    with_text = [lines for lines in pages if lines]
    if len(with_text) < 2:
        return pages
    firsts = Counter(_mask(lines[0]) for lines in with_text)
    lasts = Counter(_mask(lines[-1]) for lines in with_text)
    needed = max(2, (len(with_text) + 1) // 2)
    running_first = {line for line, count in firsts.items() if count >= needed}
    running_last = {line for line, count in lasts.items() if count >= needed}
    result = []
    for lines in pages:
        lines = list(lines)
        if lines and _mask(lines[0]) in running_first:
            lines.pop(0)
        if lines and _mask(lines[-1]) in running_last:
            lines.pop()
        result.append(lines)
    return result


# --- OCR -----------------------------------------------------------------------------------------

_OCR_ENGINE: object | None = None


def get_ocr_engine() -> object | None:
    """The RapidOCR engine (created once per process), or None when rapidocr is not installed."""
    global _OCR_ENGINE
    if _OCR_ENGINE is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except Exception as exc:  # ImportError, or onnxruntime failing to load
            log.debug("OCR unavailable: %r", exc)
            return None
        for name in ("RapidOCR", "rapidocr_onnxruntime", "onnxruntime"):
            logging.getLogger(name).setLevel(logging.ERROR)
        _OCR_ENGINE = RapidOCR()
    return _OCR_ENGINE


def ocr_lines(engine: object, image: object) -> list[str]:
    """Run RapidOCR on a PIL image; return text lines in reading order (top to bottom, left to right)."""
    import numpy as np

    result, _elapsed = engine(np.asarray(image.convert("RGB")))  # type: ignore[operator]
    if not result:
        return []
    boxes = []
    for box, text, _score in result:
        ys = [point[1] for point in box]
        xs = [point[0] for point in box]
        boxes.append((min(ys), max(ys), min(xs), text))
    boxes.sort()
    heights = sorted(bottom - top for top, bottom, _x, _t in boxes)
    half = max(heights[len(heights) // 2] / 2, 1)
    lines: list[list[tuple[float, str]]] = []
    centres: list[float] = []
    for top, bottom, x, text in boxes:
        centre = (top + bottom) / 2
        if lines and abs(centre - centres[-1]) <= half:
            lines[-1].append((x, text))
        else:
            lines.append([(x, text)])
            centres.append(centre)
    return ["".join(text for _x, text in sorted(parts)) for parts in lines]


# --- reader --------------------------------------------------------------------------------------


def _open_error(exc: Exception, what: str) -> Exception:
    """Map a pdfplumber/pdfminer open failure to an IngestError."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return EncryptedFileError(f"{what}: password protected PDF ({type(inner).__name__})", reason="encrypted")
    detail = str(inner) or type(inner).__name__
    if "Unexpected EOF" in detail or type(inner).__name__ == "PSEOF":
        return CorruptFileError(f"{what}: {detail}", reason="corrupt or truncated PDF (unexpected end of file)")
    return CorruptFileError(f"{what}: {detail}", reason=f"corrupt PDF ({detail[:80]})")


def _title(info: dict) -> str:
    title = info.get("Title")
    if isinstance(title, bytes):
        title = title.decode("utf-16" if title.startswith(b"\xfe\xff") else "latin-1", "ignore")
    if not isinstance(title, str):
        return ""
    title = " ".join(title.split())
    # Titles that are file names ("x.html", "Microsoft Word - x.doc") say nothing about the document.
    if re.search(r"\.(?:html?|docx?|wps|pdf|txt|rtf|odt)$", title, re.IGNORECASE) or title.startswith("Microsoft Word -"):
        return ""
    return title


def read_pdf(path: Path) -> Extraction:
    """Read a PDF: one block per page (``page`` = 1-based page number)."""
    import pdfplumber

    path = Path(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:
        raise _open_error(exc, path.name) from exc

    warnings: list[str] = []
    page_lines: list[list[str]] = []
    ocr_pages: set[int] = set()
    failed = 0
    ocr_missing = False
    with pdf:
        metadata = {"format": "pdf"}
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _open_error(exc, path.name) from exc
        metadata["n_pages"] = str(len(pages))
        title = _title(pdf.metadata or {})
        if title:
            metadata["title"] = title
        for number, page in enumerate(pages, start=1):
            try:
                lines = _page_lines(page, number, warnings)
                if lines is None:  # no text layer
                    engine = get_ocr_engine()
                    if engine is None:
                        ocr_missing = True
                        warnings.append(f"page {number}: no text layer")
                        lines = []
                    else:
                        image = page.to_image(resolution=OCR_RESOLUTION).original
                        lines = _strip_page_numbers([line for line in ocr_lines(engine, image) if line.strip()])
                        ocr_pages.add(number)
                        warnings.append(f"page {number}: no text layer, OCR used")
            except Exception as exc:
                log.debug("page %d of %s failed: %r", number, path, exc)
                failed += 1
                warnings.append(f"page {number}: could not be read ({type(exc).__name__})")
                lines = []
            finally:
                page.close()
            page_lines.append(lines)

    if failed and failed == len(page_lines):
        raise CorruptFileError(f"{path.name}: no page could be read", reason="corrupt PDF (no readable page)")
    page_lines = strip_running_lines(page_lines)
    blocks = tuple(
        TextBlock(text="\n".join(lines), page=number)
        for number, lines in enumerate(page_lines, start=1)
        if any(line.strip() for line in lines)
    )
    if ocr_pages:
        metadata["ocr_pages"] = ",".join(str(n) for n in sorted(ocr_pages))
    if not blocks:
        if ocr_missing:
            raise NoTextLayerError(
                f"{path.name}: no page has a text layer and no OCR engine is installed "
                "(pip install rapidocr-onnxruntime)",
                reason=NoTextLayerError.reason,
            )
        if ocr_pages:
            raise NoTextLayerError(f"{path.name}: no text layer and OCR found no text", reason="no text layer (OCR found no text)")
    return Extraction(blocks=blocks, warnings=tuple(warnings), metadata=metadata)


def _page_lines(page, number: int, warnings: list[str]) -> list[str] | None:
    """Text lines of one page, or None when the page has no text layer at all."""
    if not page.chars:
        return None
    page = page.dedupe_chars()
    text = page.extract_text() or ""
    ratio = cid_ratio(text)
    if ratio > config.CID_GARBAGE_WARN_RATIO:
        warnings.append(f"page {number}: {ratio:.0%} unmapped glyphs (cid)")
    lines = [_CID.sub("", line).rstrip() for line in join_wrapped_lines(page.extract_text_lines())]
    return _strip_page_numbers([line for line in lines if line.strip()])


def _size(line: dict) -> float:
    chars = line.get("chars") or []
    return round(float(chars[0]["size"]), 1) if chars else 0.0


def join_wrapped_lines(lines: list[dict]) -> list[str]:
    """Re-join lines that the layout wrapped, using geometry rather than guessing from the text.

    ``lines`` are pdfplumber text lines (``text, x0, x1, chars``). A line continues the previous one
    when the previous line reaches the right edge of the text of its font size (within 1.5 em), the
    font size is the same, the vertical gap is less than one em (a running header stands apart), and
    the line is not indented (a new paragraph) — or, for centred titles, is centred on the same axis.
    """
    if not lines:
        return []
    left: dict[float, float] = {}
    right: dict[float, float] = {}
    for line in lines:
        size = _size(line)
        left[size] = min(left.get(size, line["x0"]), line["x0"])
        right[size] = max(right.get(size, line["x1"]), line["x1"])
    joined: list[str] = []
    previous: dict | None = None
    for line in lines:
        size = _size(line)
        continues = False
        if previous is not None and _size(previous) == size and size > 0:
            previous_full = previous["x1"] >= right[size] - 1.5 * size
            not_indented = line["x0"] <= left[size] + 0.5 * size
            centre = (left[size] + right[size]) / 2
            centred = (
                abs((line["x0"] + line["x1"]) / 2 - centre) < size
                and line["x0"] > left[size] + 2 * size
                and line["x1"] < right[size] - 2 * size
            )
            gap = line.get("top", 0.0) - previous.get("bottom", 0.0)
            continues = previous_full and (not_indented or centred) and gap < size
        if continues:
            joined[-1] += line["text"]
        else:
            joined.append(line["text"])
        previous = line
    return joined
