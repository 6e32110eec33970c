"""HTML (.html, .htm): main-content extraction with trafilatura, boilerplate removed.

Steps:

1. decode the bytes strictly: BOM, then the declared ``<meta charset>`` (GB2312/GBK are read as
   their superset GB18030), then utf-8 → gb18030;
2. parse with lxml's HTML parser (``no_network=True``; the HTML parser never loads external
   entities or DTDs) and drop elements that are boilerplate by tag (script, style, nav, footer,
   aside, form…) or by class/id (nav, crumb, share, related, footer, copyright, sidebar…);
3. let trafilatura pick the main content (``favor_recall=True``, tables kept, comments dropped),
   plain text with one line per paragraph, and take title and date from its metadata;
4. drop short lines that are still site furniture ("分享到：", "您的位置：…", "相关链接"…);
5. if trafilatura finds nothing, fall back to the text of the cleaned ``<body>`` and warn.

The page title is put first as its own block when the extracted text does not start with it.
"""

from __future__ import annotations

import copy
import html.entities
import logging
import re
from pathlib import Path

import lxml.html
from lxml import etree

from pipeline.errors import CorruptFileError, DecodingError
from pipeline.ingest.text import control_share, detect_bom
from pipeline.records import Extraction, TextBlock

log = logging.getLogger("lzp.ingest.html")
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)
logging.getLogger("courlan").setLevel(logging.ERROR)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
# Character sets a web page may declare (WHATWG encoding labels, as Python codec names). Any other
# declared name — a Python codec such as unicode_escape or rot13 — is ignored, never used to decode.
WEB_CHARSETS = frozenset({
    "utf-8", "utf8", "gb18030", "big5hkscs", "big5", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii",
    "iso-8859-1", "iso-8859-2", "iso-8859-15", "latin1", "windows-1250", "windows-1251", "windows-1252",
    "cp1252", "shift_jis", "euc-jp", "iso-2022-jp", "euc-kr", "koi8-r", "koi8-u", "hz-gb-2312", "gb_2312-80",
})
# An internal DTD subset (<!DOCTYPE html [ <!ENTITY …> ]>): entity definitions are never expanded.
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_ENTITY_REFERENCE = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,31});")

BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "footer", "aside", "form", "button")
_BOILERPLATE_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|crumbs?|breadcrumbs?|position|location|share|sharing|"
    r"social|bdshare|related|relate|recommend|footer|foot|copyright|sidebar|side|toolbar|login|"
    r"advert|ads?|banner|comments?|pager|pagination)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Pinyin left in brackets by web copies, e.g. 機(jī)關(guān): removed before matching boilerplate lines.
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,7}[)）]")
_BOILERPLATE_LINE = re.compile(
    r"^(?:分享到|分享|您的位置|您现在的位置|当前位置|當前位置|相关链接|相關鏈接|相关阅读|相關閱讀|相关新闻|相關新聞|"
    r"延伸阅读|责任编辑|責任編輯|编辑|来源|來源|版权所有|版權所有|打印本页|关闭窗口|扫一扫|【字号|字号|上一篇|下一篇)"
    r"(?:[\s:：>＞|].*)?$"
)
_MAX_BOILERPLATE_LINE = 40


def decode_html(data: bytes, *, what: str = "file") -> tuple[str, str]:
    """Decode HTML bytes strictly: BOM, declared charset, utf-8, gb18030."""
    bom = detect_bom(data)
    if bom is not None:
        encoding, skip = bom
        try:
            return data[skip:].decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise DecodingError(
                f"{what}: has a {encoding} byte-order mark but does not decode: {exc}", reason=f"invalid {encoding} text"
            ) from exc
    candidates: list[str] = []
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii", "ignore").lower()
        declared = _CHARSET_ALIASES.get(declared, declared)
        if declared in WEB_CHARSETS:
            candidates.append(declared)
        else:
            log.warning("%s: declared charset %r is not a web character set; ignored", what, declared)
    candidates += ["utf-8", "gb18030"]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if control_share(text) > 0.02:
            raise DecodingError(f"{what}: too many control characters (binary)", reason="binary file, not text")
        return text, encoding
    raise DecodingError(f"{what}: not decodable as {', '.join(dict.fromkeys(candidates))}", reason=DecodingError.reason)


def _without_entity_definitions(text: str) -> tuple[str, bool]:
    """Drop an internal DTD subset and references to entities HTML does not define (what a
    billion-laughs page is made of): their names would otherwise stay in the text as ``&lol9;``."""
    stripped = _INTERNAL_SUBSET.sub("<!DOCTYPE html>", text)
    found = stripped != text
    cleaned = _ENTITY_REFERENCE.sub(lambda m: m.group(0) if f"{m.group(1)};" in html.entities.html5 else "",
                                    stripped)
    return cleaned, found or cleaned != stripped


def _parse(text: str, what: str) -> etree._Element:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFileError(f"{what}: HTML could not be parsed: {exc}", reason="HTML could not be parsed") from exc
    return root


def _is_boilerplate(element: etree._Element) -> bool:
    if element.tag in BOILERPLATE_TAGS:
        return True
    if element.tag in ("html", "body", "main", "article"):
        return False
    marks = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("role"))))
    return bool(marks) and bool(_BOILERPLATE_TOKEN.search(marks))


def strip_boilerplate(root: etree._Element) -> int:
    """Remove boilerplate elements in place (keeping their tail text); return how many."""
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and _is_boilerplate(el)]
    removed = 0
    for element in doomed:
        if element.getparent() is None:
            continue
        if any(ancestor in doomed for ancestor in element.iterancestors()):
            continue
        element.drop_tree()
        removed += 1
    return removed


def is_boilerplate_line(line: str) -> bool:
    """A short line that is site furniture (share links, breadcrumbs, "related links", editor…)."""
    bare = _PINYIN.sub("", line).strip()
    return len(bare) <= _MAX_BOILERPLATE_LINE and bool(_BOILERPLATE_LINE.match(bare))


_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "blockquote", "pre", "dd", "dt", "br", "hr", "header", "main", "td", "th",
}


def _body_text(root: etree._Element) -> str:
    """Text of <body>, with a line break after every block element (fallback path)."""
    body = root.find(".//body")
    target = copy.deepcopy(body if body is not None else root)
    for element in target.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return target.text_content()


def _title_of(root: etree._Element) -> str:
    for xpath in ("//title", "//h1"):
        found = root.xpath(xpath)
        if found:
            title = " ".join(found[0].text_content().split())
            if title:
                return title
    return ""


def read_html(path: Path) -> Extraction:
    """Read an HTML page: one block per paragraph of the main content, ``paragraph`` = 1-based index."""
    import trafilatura

    path = Path(path)
    text, encoding = decode_html(path.read_bytes(), what=path.name)
    text, defined_entities = _without_entity_definitions(text)
    root = _parse(text, path.name)
    page_title = _title_of(root)
    removed = strip_boilerplate(root)

    warnings: list[str] = []
    if defined_entities:
        warnings.append("entity definitions in the page were ignored (not expanded)")
    metadata = {"encoding": encoding, "format": "html"}
    content = ""
    try:
        document = trafilatura.bare_extraction(
            copy.deepcopy(root),
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            with_metadata=True,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura is heuristic code; a failure must not lose the page
        log.debug("trafilatura failed on %s: %r", path, exc)
        document = None
    if document is not None:
        content = getattr(document, "text", None) or ""
        if getattr(document, "title", None):
            metadata["title"] = " ".join(document.title.split())
        if getattr(document, "date", None):
            metadata["date"] = str(document.date)
    if "title" not in metadata and page_title:
        metadata["title"] = page_title
    if not content.strip():
        content = _body_text(root)
        warnings.append("main content not found; used the text of the whole page body")

    raw_lines = [" ".join(line.split()) for line in content.splitlines()]
    lines = [line for line in raw_lines if line and not is_boilerplate_line(line)]
    if not lines:
        metadata["empty_reason"] = (
            "every line of the page is site furniture (navigation, share links, editor lines)"
            if any(raw_lines) else f"the page body holds no text{f' ({removed} boilerplate blocks removed)' if removed else ''}"
        )
    title = metadata.get("title", "")
    if title and (not lines or _PINYIN.sub("", lines[0]) != _PINYIN.sub("", title)):
        lines.insert(0, title)
    blocks = tuple(TextBlock(text=line, paragraph=index) for index, line in enumerate(lines, start=1))
    return Extraction(blocks=blocks, warnings=tuple(warnings), metadata=metadata)
