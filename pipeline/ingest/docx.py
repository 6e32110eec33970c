"""Word (.docx) with python-docx: body paragraphs and table rows in document order.

* The archive is checked with :func:`~pipeline.archive.check_zip_archive` before anything is
  inflated (zip bombs, non-zip files, password-protected Office files).
* The body is walked in document order, paragraphs and tables interleaved, including content
  controls (``w:sdt``), which ``Document.iter_inner_content()`` would skip. Headers and footers are
  not part of the body and are not read.
* Paragraph text is collected from the runs, including tracked insertions, hyperlinks and fields
  (python-docx's ``Paragraph.text`` misses ``w:ins`` runs); ``w:tab`` → tab, ``w:br`` → newline.
* Automatic numbering is not lost: for a paragraph with ``w:numPr`` (directly or through its style)
  a counter per (numId, level) is kept and the level's ``lvlText`` is rendered with its ``numFmt``
  (``chineseCounting`` → 一、, ``decimal`` → 1., ``decimalEnclosedCircle`` → ① …). Bullets get no label.
* Text boxes (``w:txbxContent`` in DrawingML or VML; the VML fallback copy of the same box is
  skipped) are read and placed right after the paragraph that anchors them, with a warning.
* A table row becomes one block, cells joined by a tab; a horizontally merged cell appears once,
  and the continuation cells of a vertical merge are left out.

python-docx parses the parts with its own lxml parser (``resolve_entities=False``); this module
never parses raw XML itself. Blocks carry ``paragraph`` = 1-based index of the emitted block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline import config
from pipeline.errors import CorruptFileError, IngestError
from pipeline.records import Extraction, TextBlock

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_SDT, W_SDTCONTENT = (_w(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
W_T, W_TAB, W_BR, W_CR, W_NBHYPHEN, W_SOFTHYPHEN = (_w(t) for t in ("t", "tab", "br", "cr", "noBreakHyphen", "softHyphen"))
W_TXBX, W_PPR, W_RPR, W_NUMPR, W_NUMID, W_ILVL = (_w(t) for t in ("txbxContent", "pPr", "rPr", "numPr", "numId", "ilvl"))
W_VAL = _w("val")
W_DEL, W_CUSTOMXML, W_SMARTTAG = _w("del"), _w("customXml"), _w("smartTag")
MC_FALLBACK = f"{{{MC}}}Fallback"
# Subtrees whose text is not paragraph text (properties, deleted text, text boxes handled apart).
_SKIP = {W_PPR, W_RPR, W_DEL, W_TXBX, MC_FALLBACK, _w("instrText"), _w("delText"), _w("footnoteReference")}


# --- numbering -----------------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五, 105 → 一百零五 (up to 9999)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    values = (1000, 100, 10, 1)
    unit_chars = (units[2], units[1], units[0], "")
    zero = False
    for value, unit in zip(values, unit_chars, strict=True):
        digit = n // value % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        parts.append(digits[digit] + unit)
    text = "".join(parts)
    if 10 <= n < 20 and digits is _CN_DIGITS:
        text = text[1:]  # 十二, not 一十二
    return text


def _roman(n: int) -> str:
    pairs = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, numeral in pairs:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: A..Z, AA..ZZ, AAA..
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in the OOXML ``numFmt`` ``fmt`` (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting"):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False
    suffix: str = "tab"


@dataclass
class Numbering:
    """Numbering definitions of a document and the running counters per numId."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.findall(_w("abstractNum")):
            levels = {}
            for lvl in node.findall(_w("lvl")):
                levels[int(lvl.get(_w("ilvl"), "0"))] = _Level(
                    fmt=_val(lvl.find(_w("numFmt")), "decimal"),
                    text=_val(lvl.find(_w("lvlText")), ""),
                    start=int(_val(lvl.find(_w("start")), "1") or 1),
                    legal=lvl.find(_w("isLgl")) is not None,
                    suffix=_val(lvl.find(_w("suff")), "tab"),
                )
            abstract[node.get(_w("abstractNumId"))] = levels
        for num in root.findall(_w("num")):
            levels = dict(abstract.get(_val(num.find(_w("abstractNumId")), ""), {}))
            for override in num.findall(_w("lvlOverride")):
                ilvl = int(override.get(_w("ilvl"), "0"))
                start = override.find(_w("startOverride"))
                if ilvl in levels and start is not None:
                    base = levels[ilvl]
                    levels[ilvl] = _Level(base.fmt, base.text, int(_val(start, "1") or 1), base.legal, base.suffix)
            numbering.levels[num.get(_w("numId"))] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the counter of (num_id, ilvl); return (label, separator) — ("", "") for bullets."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return "", ""
        level = levels[ilvl]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "", ""
        text = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                lvl_k = levels.get(k, _Level())
                value = counters.get(k, lvl_k.start)
                fmt = "decimal" if level.legal and k != ilvl else lvl_k.fmt
                text = text.replace(placeholder, format_number(value, fmt))
        if level.suffix == "nothing" or not text or ord(text[-1]) >= 0x2E80:
            return text, ""
        return text, " "


def _val(element, default: str) -> str:
    if element is None:
        return default
    return element.get(W_VAL, default)


class _Styles:
    """Paragraph style lookups: numbering inherited through ``w:basedOn``."""

    def __init__(self, document) -> None:
        self.by_id = {}
        try:
            root = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for style in root.findall(_w("style")):
            self.by_id[style.get(_w("styleId"))] = style

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                break
            num_pr = style.find(f"{W_PPR}/{W_NUMPR}")
            if num_pr is not None:
                num_id = _val(num_pr.find(W_NUMID), "") or None
                ilvl = _val(num_pr.find(W_ILVL), "")
                return num_id, int(ilvl) if ilvl else None
            style_id = _val(style.find(_w("basedOn")), "") or None
        return None, None


# --- body walk -----------------------------------------------------------------------------------


class _Walker:
    def __init__(self, document) -> None:
        self.numbering = Numbering.from_document(document)
        self.styles = _Styles(document)
        self.blocks: list[str] = []
        self.text_boxes = 0

    def walk(self, container) -> None:
        for kind, element in _iter_block_items(container):
            if kind == "p":
                text, boxes = self.paragraph(element)
                if text.strip():
                    self.blocks.append(text)
                for box in boxes:
                    self.text_boxes += 1
                    self.walk(box)
            else:
                for row in self.table_rows(element):
                    self.blocks.append(row)

    def paragraph(self, p) -> tuple[str, list]:
        """Text of a paragraph with its numbering label, and its outermost text boxes."""
        parts: list[str] = []
        _collect_text(p, parts)
        text = "".join(parts).strip()
        label, sep = self._label(p)
        if label and text:
            text = f"{label}{sep}{text}"
        return text, _text_boxes(p)

    def _label(self, p) -> tuple[str, str]:
        ppr = p.find(W_PPR)
        num_id = ilvl = None
        style_id = None
        if ppr is not None:
            style_id = _val(ppr.find(_w("pStyle")), "") or None
            num_pr = ppr.find(W_NUMPR)
            if num_pr is not None:
                num_id = _val(num_pr.find(W_NUMID), "") or None
                level = _val(num_pr.find(W_ILVL), "")
                ilvl = int(level) if level else None
        if num_id is None or ilvl is None:
            style_num, style_ilvl = self.styles.numbering(style_id)
            num_id = num_id or style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0":
            return "", ""
        return self.numbering.label(num_id, ilvl or 0)

    def table_rows(self, tbl) -> list[str]:
        rows = []
        for tr in _children(tbl, W_TR):
            cells = []
            for tc in _children(tr, W_TC):
                v_merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
                if v_merge is not None and v_merge.get(W_VAL) != "restart":
                    continue  # continuation of a vertically merged cell: its text is in the first row
                cells.append(self.cell_text(tc))
            if any(cell for cell in cells):
                rows.append("\t".join(cells))
        return rows

    def cell_text(self, tc) -> str:
        saved, self.blocks = self.blocks, []
        self.walk(tc)
        inner, self.blocks = self.blocks, saved
        return " ".join(" ".join(part.split("\t")) for part in inner).replace("\n", " ").strip()


def _children(element, tag: str):
    """Direct children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W_CUSTOMXML:
            yield from _children(child, tag)


def _iter_block_items(container):
    for child in container:
        if child.tag == W_P:
            yield "p", child
        elif child.tag == W_TBL:
            yield "tbl", child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _iter_block_items(content)
        elif child.tag == W_CUSTOMXML:
            yield from _iter_block_items(child)


def _collect_text(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W_T:
            parts.append(child.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag in (W_BR, W_CR):
            parts.append("\n")
        elif tag == W_NBHYPHEN:
            parts.append("-")
        elif tag == W_P:  # a paragraph nested in a run (only inside text boxes, skipped above)
            continue
        else:
            _collect_text(child, parts)


def _text_boxes(p) -> list:
    """Outermost ``w:txbxContent`` elements of a paragraph, skipping VML fallback copies."""
    boxes = []
    for box in p.iter(W_TXBX):
        ancestors = list(box.iterancestors())
        inside = ancestors[: ancestors.index(p)] if p in ancestors else ancestors
        if any(a.tag in (MC_FALLBACK, W_TXBX) for a in inside):
            continue
        boxes.append(box)
    return boxes


def read_docx(path: Path, *, max_uncompressed: int = config.DEFAULT_MAX_UNCOMPRESSED_BYTES) -> Extraction:
    """Read a .docx: one block per non-empty paragraph or table row, ``paragraph`` = 1-based index."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    from pipeline.archive import check_zip_archive

    path = Path(path)
    check_zip_archive(path, max_uncompressed=max_uncompressed)
    try:
        document = docx.Document(str(path))
        walker = _Walker(document)
        walker.walk(document.element.body)
    except IngestError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, EOFError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise CorruptFileError(f"{path.name}: {detail}", reason=f"corrupt .docx ({detail})") from exc
    metadata = {"format": "docx"}
    title = (document.core_properties.title or "").strip()
    if title:
        metadata["title"] = title
    warnings = []
    if walker.text_boxes:
        warnings.append(f"{walker.text_boxes} text boxes extracted")
    blocks = tuple(TextBlock(text=text, paragraph=index) for index, text in enumerate(walker.blocks, start=1))
    return Extraction(blocks=blocks, warnings=tuple(warnings), metadata=metadata)
