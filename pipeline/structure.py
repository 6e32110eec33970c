"""Official-document structure of normalised text (GB/T 9704-2012 and report conventions).

Pure functions over normalised text:

* :func:`split_articles` splits a compilation (第一篇：… 第二篇：…) into articles;
* :func:`find_doc_number`, :func:`find_date`, :func:`find_title`, :func:`find_issuer` and
  :func:`classify_doc_type` read the front matter;
* :func:`build_outline` turns sentences into a heading tree (一、 → （一） → 1. → （1） → 一是/第一 → ①)
  and gives every sentence its section path.

Numbered headings keep the value of their numeral in the path (（三） under 五、 is ``5.3``); unnumbered
headings of reports (背景动因, 主要做法 …) are numbered in order of appearance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.records import Section
from pipeline.segment import iter_sentence_spans

CHINESE_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "百": 100,
}
CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_CN = "[一二三四五六七八九十百零〇]+"
_ARTICLE = re.compile(rf"^[ \t]*第({_CN}|\d+)篇[：:][ \t]*(.*)$", re.MULTILINE)

# 发文字号: issuer abbreviation + year in 〔〕/[]/() + optional 第 + number + 号, optionally 字 after the issuer.
DOC_NUMBER = re.compile(
    r"(?P<issuer>[\u4e00-\u9fff]{1,12}?)字?\s*"
    r"[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]\s*"
    r"第?\s*(?P<number>\d{1,5})\s*号"
)
_DATE_NUMERIC = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_CHINESE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_DATE_ISO = re.compile(r"(?:时间|发表时间|发布时间|日期|发布日期)\s*[:：]\s*((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATE_LINE = re.compile(r"^[(（]?\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年[^\n]{1,8}日\s*[)）]?$")
_METADATA_LINE = re.compile(r"^(?:时间|发表时间|发布时间|日期|来源|作者|编辑|责任编辑|浏览|点击|字号)\s*[:：]")
_TERMINAL = "。！？；!?;…"

OFFICIAL_TYPES: tuple[str, ...] = (
    "决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案",
    "函", "纪要",
)
# The official types a yardstick is issued as (downwards, setting norms); 报告, 请示, 议案 and 函 go
# upwards or sideways.
POLICY_TYPES: frozenset[str] = frozenset(OFFICIAL_TYPES) - {"令", "报告", "请示", "议案", "函"}
REPORT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("答记者问", re.compile(r"答记者问|记者(?:的)?提问|答记者")),
    ("心得体会", re.compile(r"心得|体会|感悟")),
    ("经验材料", re.compile(r"经验材料|经验做法|经验交流|典型材料|工作经验|汇报(?:发言)?材料|情况汇报|交流发言")),
    # News that a leader came to research a unit (…到我局调研党建工作) is no research report.
    ("调研报告", re.compile(r"调研报告|调查报告|研究报告|课题|探索与思考|思考与探索|对策研究|现状与对策"
                         r"|^(?!.*(?:到|赴|来|深入|前往)[^。；，,]{0,20}(?:调研|调查))[^\n]*(?:调研|调查)")),
)
_TITLE_HINT = re.compile(r"关于|意见|通知|报告|材料|调研|调查|研究|思考|体会|答记者问|办法|方案|决定")


@dataclass(frozen=True)
class Article:
    """One article of a compilation: its number, title line and span in the text."""

    number: int
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class _HeadingPattern:
    kind: str
    rank: int  # nesting depth of this numbering style: 一、 above （一） above 1. above （1） above 一是
    pattern: re.Pattern[str]
    inline: bool  # may open any sentence of a paragraph (一是…二是…), and ends with its paragraph


HEADING_PATTERNS: tuple[_HeadingPattern, ...] = (
    _HeadingPattern("cn_comma", 1, re.compile(rf"^({_CN})、"), False),
    _HeadingPattern("cn_paren", 2, re.compile(rf"^[（(]({_CN})[）)]"), False),
    _HeadingPattern("arabic_dot", 3, re.compile(r"^(\d{1,2})(?:[.．、](?!\d)|\s)"), False),
    _HeadingPattern("arabic_paren", 4, re.compile(r"^[（(](\d{1,2})[）)]"), False),
    _HeadingPattern("cn_shi", 5, re.compile(rf"^({_CN})是(?=[，,：:\u4e00-\u9fff“])"), True),
    _HeadingPattern("cn_ordinal", 5, re.compile(rf"^第({_CN})[，,、：:](?!\d)"), True),
    _HeadingPattern("circled", 6, re.compile(rf"^([{CIRCLED_DIGITS}])"), True),
)
_PLAIN_RANK = 0
_INLINE_RANK = min(h.rank for h in HEADING_PATTERNS if h.inline)
# Unnumbered headings of reports: short lines without terminal punctuation.
_PLAIN_HEADING_MAX = 24


def chinese_to_int(numeral: str) -> int:
    """Convert a small Chinese numeral (一 … 九十九, or Arabic digits) to an int."""
    if numeral in CIRCLED_DIGITS:
        return CIRCLED_DIGITS.index(numeral) + 1
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for char in numeral:
        value = CHINESE_DIGITS.get(char)
        if value is None:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
        if value >= 10:
            total += (current or 1) * value
            current = 0
        else:
            current = current * 10 + value if current and value == 0 else value
    return total + current


TEASER_MAX_CHARS = 400  # a site's teaser line repeating the next article's marker is shorter than this


def split_articles(text: str) -> list[Article]:
    """Split a compilation at lines ``第N篇：标题``; a single article is returned for plain text.

    No text is dropped or merged across articles: the articles' spans tile the text. Text before
    the first article (a preface, a table of contents) is article 0. Articles are numbered by
    position, so a compilation whose printed numbering restarts (上编 第一篇…, 下编 第一篇…) keeps
    every article apart. A short marker line directly followed by a marker with the same number (a
    site's teaser of the article below it) stays with the text before it instead of opening an
    article of its own.
    """
    markers = list(_ARTICLE.finditer(text))
    if len(markers) < 2:
        return [Article(number=1, title="", start=0, end=len(text))]
    kept: list[re.Match[str]] = []
    for index, marker in enumerate(markers):
        following = markers[index + 1] if index + 1 < len(markers) else None
        teaser = (following is not None
                  and chinese_to_int(following.group(1)) == chinese_to_int(marker.group(1))
                  and following.start() - marker.start() < TEASER_MAX_CHARS)
        if not teaser:
            kept.append(marker)
    articles = []
    if text[:kept[0].start()].strip():
        articles.append(Article(0, "", 0, kept[0].start()))
    for index, marker in enumerate(kept):
        end = kept[index + 1].start() if index + 1 < len(kept) else len(text)
        articles.append(Article(index + 1, marker.group(2).strip(), marker.start(), end))
    return articles


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def find_doc_number(text: str, *, header_lines: int = 12) -> str:
    """Return the 发文字号 of the front matter (``曲组〔2021〕2号``), or ``""``.

    Only the first ``header_lines`` non-empty lines are searched, preferring a line that holds the
    number alone, so that documents cited in the body are not mistaken for the document's own number.
    """
    lines = _lines(text)[:header_lines]
    for line in lines:
        match = DOC_NUMBER.fullmatch(line)
        if match:
            return _format_doc_number(match)
    for line in lines:
        match = DOC_NUMBER.match(line)  # a number opening a line, e.g. followed by 签发人
        if match and len(line) <= 40:
            return _format_doc_number(match)
    return ""


def _format_doc_number(match: re.Match[str]) -> str:
    issuer = match.group("issuer")
    return f"{issuer}〔{match.group('year')}〕{int(match.group('number'))}号"


def _chinese_year(year: str) -> int:
    return int("".join(str(CHINESE_DIGITS[char]) for char in year))


def _iso(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_date(text: str) -> str | None:
    """Parse the first date in ``text`` (2021年3月24日, 二〇二一年三月二十四日, 时间:2023-04-10) as ISO."""
    for pattern in (_DATE_NUMERIC, _DATE_ISO):
        match = pattern.search(text)
        if match:
            return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DATE_CHINESE.search(text)
    if match:
        return _iso(_chinese_year(match.group(1)), chinese_to_int(match.group(2)), chinese_to_int(match.group(3)))
    return None


def find_date(text: str, *, header_lines: int = 12, footer_lines: int = 6) -> str | None:
    """Return the document date: a date line under the title, a metadata line, or the 成文日期 at the end."""
    lines = _lines(text)
    header, footer = lines[:header_lines], lines[-footer_lines:]
    for line in header:
        if _DATE_LINE.match(line) or _METADATA_LINE.match(line):
            date = parse_date(line)
            if date:
                return date
    for line in reversed(footer):
        if _DATE_LINE.match(line):
            date = parse_date(line)
            if date:
                return date
    return None


def _is_front_matter_noise(line: str) -> bool:
    return bool(
        _METADATA_LINE.match(line)
        or _DATE_LINE.match(line)
        or DOC_NUMBER.fullmatch(line)
        or line.startswith(("您的位置", "当前位置", "目录", "摘要", "关键词", "分享"))
    )


# Forms of address that open speeches and reports (各位代表：, 同志们！): never a title.
_SALUTATION = re.compile(r"^(?:各位|同志们|女士们|先生们|朋友们|亲爱的|尊敬的)[^。；]{0,24}[：:！!，,]?$|^[^。；]{0,24}[：:]$")


def is_salutation(line: str) -> bool:
    """A form of address (各位代表：, 同志们！, 尊敬的各位领导：)."""
    return bool(_SALUTATION.match(line.strip()))


# Openings of body sentences (a line broken inside one is not a title).
_BRACKETED = re.compile(r"^[（(【\[][^）)】\]]*[）)】\]]$")  # a note in brackets, e.g. (译自…)
_SENTENCE_OPENING = re.compile(r"^(?:现在|今天|我们?|在这|根据|按照|为了|近年来|过去|目前|当前)")


def is_title_line(line: str) -> bool:
    """Could ``line`` be a document's title: short, not a sentence, a salutation or a numbered heading."""
    line = line.strip()
    return (2 <= len(line) <= 80 and line[-1] not in _TERMINAL and not is_salutation(line)
            and match_heading(line, line_start=True) is None and not _is_front_matter_noise(line)
            and not _SENTENCE_OPENING.match(line) and not _BRACKETED.match(line))


def find_title(text: str, *, header_lines: int = 10) -> str:
    """Return the title: the first front-matter line that looks like a title (关于…的意见, …报告),
    else the first short line that is not a sentence, a salutation or a numbered heading; ``""``
    when the opening has none (a speech that starts with 各位代表：, say)."""
    lines = [line for line in _lines(text)[:header_lines] if not _is_front_matter_noise(line)]
    # A title stands above the salutation of a speech or report; what follows it is the body.
    opening = next((index for index, line in enumerate(lines) if is_salutation(line)), None)
    lines = lines[:opening] if opening is not None else lines
    for index, line in enumerate(lines):
        if _TITLE_HINT.search(line) and is_title_line(line):
            if line.startswith(("—", "－")) and index and is_title_line(lines[index - 1]):
                return lines[index - 1]  # a subtitle (——来自…的调查) stands under the title it qualifies
            return line.lstrip("—－-– ")
    for line in lines:
        if is_title_line(line):
            return line.lstrip("—－-– ")
    return ""


def find_issuer(text: str, title: str, *, header_lines: int = 8) -> str:
    """Return the issuing organ: the 发文机关标志 line(s) above the 发文字号, or the part of the title
    before 关于."""
    head = title.split("关于", 1)[0].strip(" ，,") if "关于" in title else ""
    head = head if 2 <= len(head) <= 60 else ""
    lines = _lines(text)[:header_lines]
    for index, line in enumerate(lines):
        if DOC_NUMBER.search(line) and index > 0:
            candidates = [c for c in lines[:index] if not _is_front_matter_noise(c) and len(c) <= 40]
            if candidates:
                masthead = candidates[-1]
                # Joint documents name every issuer in the title; the masthead shows only the first.
                return head if head.startswith(masthead) else masthead
    return head


# In the opening of a text without a title the genre words must name the text itself: news of an activity where
# members 谈心得体会 or a unit 开展调研 is no reflection and no research report.
_OPENING_REPORT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("答记者问", REPORT_TYPES[0][1]),
    ("心得体会", re.compile(r"(?<![谈享流写])心得体会|学习(?:心得|体会)|几点(?:心得|体会)|(?:做法|经验)(?:和|与|及)(?:体会|心得)|(?:我的|个人|粗浅的?)(?:心得|体会|感悟)")),
    ("经验材料", re.compile(r"经验材料|经验做法|经验交流|典型材料|工作经验")),  # not 情况汇报: a speech hears reports
    ("调研报告", re.compile(r"调研报告|调查报告|研究报告|课题|(?:本次|此次|这次)(?:调研|调查)|调研(?:组|发现|表明|显示)|问卷"
                         r"|探索与思考|思考与探索|对策研究|现状与对策|(?:进行|开展)了?(?:专题|深入)?(?:调研|调查)[，,。；]")),
)
# A news opening (【某某融媒讯】, a dateline, 2月14日下午，…): a leader who 开展专题调研 there is news of a visit.
_NEWS_OPENING = re.compile(r"^\s*(?:[【\[][^】\]]{0,12}讯[】\]]|[^。；，,\n]{0,12}(?:讯|电)[:：])?\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日")
_STUDY_DONE = re.compile(r"(?:进行|开展)了?(?:专题|深入)?(?:调研|调查)[，,。；]")


def classify_doc_type(title: str, text: str) -> str:
    """Classify as one of the 15 official types, or 答记者问 / 心得体会 / 经验材料 / 调研报告 / other.

    Report genres are read from the title first; official types from the title's ending (文种 is the
    last word of an official title); the opening of the text is the fallback for report genres.
    """
    for name, pattern in REPORT_TYPES:
        if pattern.search(title):
            return name
    stripped = re.sub(r"[（(][^）)]*[）)]$", "", title).strip()
    for name in sorted(OFFICIAL_TYPES, key=len, reverse=True):
        if stripped.endswith(name):
            return "命令" if name == "令" else name
    opening = text[:600]
    if re.search(r"^\s*问\s*[:：]", text, re.MULTILINE) and re.search(r"^\s*答\s*[:：]", text, re.MULTILINE):
        return "答记者问"
    for name, pattern in _OPENING_REPORT_TYPES:
        match = pattern.search(opening)
        if match and name == "调研报告" and _NEWS_OPENING.match(opening) and _STUDY_DONE.fullmatch(match.group(0)):
            continue  # 2月14日下午，区长到某街道…并开展专题调研。: news of a visit, not a research report
        if match:
            return name
    return "other"


def match_heading(sentence: str, *, line_start: bool) -> tuple[int, int, str] | None:
    """``(rank, value, title)`` when the sentence opens with a numbering marker."""
    for heading in HEADING_PATTERNS:
        if not (line_start or heading.inline):
            continue
        match = heading.pattern.match(sentence)
        if match:
            value = chinese_to_int(match.group(1))
            return heading.rank, value, sentence[match.end():].strip()
    return None


def is_plain_heading(line: str) -> bool:
    return (
        len(line) <= _PLAIN_HEADING_MAX
        and line[-1] not in _TERMINAL + "，,、：:"
        and not _is_front_matter_noise(line)
        and not line.startswith(("“", "\"", "(", "（", "《"))
    )


@dataclass(frozen=True)
class Outline:
    """Headings of a text and the section path of every sentence span."""

    sections: tuple[Section, ...]
    sentences: tuple[tuple[int, int, str, bool], ...]  # (start, end, section_path, is_heading)


def _char_before(text: str, position: int) -> str:
    """The last character before ``position`` that is not a space or tab ("" at the start)."""
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return text[index] if index >= 0 else ""


def _char_after(text: str, position: int) -> str:
    """The first character from ``position`` on that is not a space or tab ("" at the end)."""
    index = position
    while index < len(text) and text[index] in " \t":
        index += 1
    return text[index] if index < len(text) else ""


def build_outline(text: str, *, body_start: int = 0) -> Outline:
    """Build the heading tree of ``text`` and assign a section path to every sentence.

    Each numbering style has a fixed rank (一、 > （一） > 1. > （1） > 一是 > ①); a heading closes every
    open heading of the same or deeper rank. Unnumbered short lines after ``body_start`` are top-level
    headings of reports (背景动因, 主要做法); before it they are front matter. Inline items (一是…二是…)
    end with their paragraph.
    """
    stack: list[tuple[int, int]] = []  # (rank, value) from the top level down
    plain_counter = 0
    open_sections: list[tuple[tuple[int, ...], str, str, int]] = []  # path, label, title, start
    sections: list[Section] = []
    sentences: list[tuple[int, int, str, bool]] = []

    def close_from(depth: int, at: int) -> None:
        while len(open_sections) > depth:
            path, label, title, start = open_sections.pop()
            sections.append(Section(path=path, label=label, title=title, level=len(path), start=start, end=at))

    for start, end in iter_sentence_spans(text):
        sentence = text[start:end]
        line_start = start == 0 or _char_before(text, start) in ("\n", "")
        line_end = end == len(text) or _char_after(text, end) in ("\n", "")
        heading = match_heading(sentence, line_start=line_start)
        if heading is None and line_start and line_end and start >= body_start and is_plain_heading(sentence):
            plain_counter += 1
            heading = (_PLAIN_RANK, plain_counter, sentence)
        if heading is None and line_start and stack and stack[-1][0] >= _INLINE_RANK:
            keep = [entry for entry in stack if entry[0] < _INLINE_RANK]
            close_from(len(keep), start)
            stack = keep
        if heading is not None:
            rank, value, title = heading
            stack = [entry for entry in stack if entry[0] < rank] if rank > _PLAIN_RANK else []
            close_from(len(stack), start)
            stack.append((rank, value))
            path = tuple(v for _, v in stack)
            label = sentence[: len(sentence) - len(title)].strip() if rank > _PLAIN_RANK else ""
            open_sections.append((path, label, title.rstrip("。；;：:"), start))
        path_str = ".".join(str(v) for _, v in stack)
        sentences.append((start, end, path_str, heading is not None))
    close_from(0, len(text))
    sections.sort(key=lambda section: (section.start, section.level))
    return Outline(sections=tuple(sections), sentences=tuple(sentences))


def front_matter_end(text: str, *, max_lines: int = 10) -> int:
    """Offset where the body starts: after the leading title/number/date/metadata lines.

    The body starts at the first line that ends with terminal punctuation or is longer than 80
    characters, or at the first numbered heading.
    """
    offset = 0
    for count, raw_line in enumerate(text.splitlines(keepends=True)):
        line = raw_line.strip()
        if line and (
            count >= max_lines
            or line[-1] in _TERMINAL
            or len(line) > 80
            or match_heading(line, line_start=True) is not None
        ):
            return offset
        offset += len(raw_line)
    return offset
