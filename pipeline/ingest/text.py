"""Plain text (.txt, .md): strict encoding detection, one block per line.

Decoding order, never with ``errors="replace"``:

1. a byte-order mark: UTF-32 (LE/BE), UTF-8, UTF-16 (LE/BE);
2. without a BOM, NUL bytes mean binary (BOM-less UTF-16 is not guessed);
3. ``utf-8`` → ``gb18030`` → ``big5``, each strict.

Big5 bytes almost always decode "successfully" as GB18030 (both are double-byte with overlapping
byte ranges), producing garbage. So when GB18030 wins, the result is checked with
:func:`rare_share`: the share of non-ASCII characters that are neither common punctuation nor a
*common* hanzi (GB2312 level 1, the 3755 most frequent simplified characters, or Big5 level 1, the
5401 frequent traditional ones). Real Chinese text in either script scores low (a few %), mis-decoded
Big5 scores high (kana, box drawing, rare GBK-extension hanzi, private-use code points). If the
GB18030 result scores above :data:`RARE_SHARE_LIMIT` and the Big5 decoding succeeds with a lower
score, Big5 is used.

A decoded text with a high share of control characters is treated as binary too.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.errors import DecodingError
from pipeline.records import Extraction, TextBlock

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
FALLBACK_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030", "big5")
# Above this share of rare characters a GB18030 decoding is suspected to be mis-decoded Big5.
RARE_SHARE_LIMIT: float = 0.2
# Above this share of control characters (other than tab, newline, CR, FF) a decoded text is binary.
CONTROL_SHARE_LIMIT: float = 0.02

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def detect_bom(data: bytes) -> tuple[str, int] | None:
    """``(encoding, bom_length)`` if ``data`` starts with a Unicode byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


@lru_cache(maxsize=65536)
def _is_common(ch: str) -> bool:
    code = ord(ch)
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2000 <= code <= 0x206F:
        return True  # CJK and general punctuation, full-width forms
    if not 0x4E00 <= code <= 0x9FFF:
        return False
    try:
        gb = ch.encode("gb2312")
        if 0xB0 <= gb[0] <= 0xD7:  # GB2312 level 1
            return True
    except UnicodeEncodeError:
        pass
    try:
        b5 = ch.encode("big5")
        return 0xA4 <= b5[0] <= 0xC6  # Big5 level 1 (frequent characters)
    except UnicodeEncodeError:
        return False


def rare_share(text: str) -> float:
    """Share of characters from U+0300 up that are not common hanzi or punctuation.

    Latin letters (incl. pinyin tone marks such as ``jī``) and spaces are not counted.
    """
    total = rare = 0
    for ch in text:
        if ch < "\u0300" or ch.isspace():
            continue
        total += 1
        if not _is_common(ch):
            rare += 1
    return rare / total if total else 0.0


def control_share(text: str) -> float:
    """Share of control characters other than tab/newline/CR/FF (a binary-file signal)."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / len(text)


def decode_bytes(data: bytes, *, what: str = "file") -> tuple[str, str]:
    """Decode ``data`` strictly; return ``(text, encoding)`` or raise DecodingError."""
    bom = detect_bom(data)
    if bom is not None:
        encoding, skip = bom
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodingError(
                f"{what}: has a {encoding} byte-order mark but does not decode: {exc}", reason=f"invalid {encoding} text"
            ) from exc
        label = "utf-8-sig" if encoding == "utf-8" else encoding
        return _check_not_binary(text, what), label
    if b"\x00" in data:
        raise DecodingError(f"{what}: contains NUL bytes (binary)", reason="binary file, not text")
    text, encoding = _decode_fallback(data, what)
    return _check_not_binary(text, what), encoding


def _decode_fallback(data: bytes, what: str) -> tuple[str, str]:
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and rare_share(text) > RARE_SHARE_LIMIT:
            try:
                alt = data.decode("big5")
            except UnicodeDecodeError:
                alt = None
            if alt is not None and rare_share(alt) < rare_share(text):
                return alt, "big5"
        return text, encoding
    raise DecodingError(
        f"{what}: not decodable as {', '.join(FALLBACK_ENCODINGS)} (or UTF-16/32 with BOM)", reason=DecodingError.reason
    )


def _check_not_binary(text: str, what: str) -> str:
    if control_share(text) > CONTROL_SHARE_LIMIT:
        raise DecodingError(f"{what}: too many control characters (binary)", reason="binary file, not text")
    return text


def read_text(path: Path) -> Extraction:
    """Read a .txt/.md file: one block per line, ``paragraph`` = 1-based line number.

    Every line is kept, blank ones too (they separate paragraphs); a final line break adds no block.
    """
    path = Path(path)
    text, encoding = decode_bytes(path.read_bytes(), what=path.name)
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    blocks = tuple(TextBlock(text=line, paragraph=number) for number, line in enumerate(lines, start=1))
    return Extraction(blocks=blocks, metadata={"encoding": encoding, "format": path.suffix.lower().lstrip(".")})
