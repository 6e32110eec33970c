"""Survey and quantitative figures: value, measure, population, statement and source of every number.

问卷显示，15.4％的干部有过“三会一课”请假的经历 → value 15.4, measure %, population 干部, statement
有过“三会一课”请假的经历, source 问卷. Chinese numerals are converted with cn2an; ``x``/``xx``
placeholders are kept as anonymised figures without a value; numerals inside names and slogans of the
domain lexicon (一岗双责, 五个十佳, 两个维护 …) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import cn2an
import jieba.posseg as posseg

from pipeline.segment import jieba_tokenizer, read_userdict

MEASURES = (
    "人次", "万元", "亿元", "元", "个月", "个", "名", "人", "次", "项", "家", "期", "篇", "条", "场", "批", "所",
    "支", "户", "位", "村", "部", "件", "幅", "年", "天", "万亩", "亩", "小时",
)
# 万 is left out so that 一万亩 reads as 1 万亩, as written.
_CN_NUMBER = "[零〇一二两三四五六七八九十百千]+"
_MEASURE = "|".join(sorted(map(re.escape, MEASURES), key=len, reverse=True))
FIGURE = re.compile(
    rf"(?P<number>\d+(?:\.\d+)?|{_CN_NUMBER}|[xX]{{1,3}}|[*＊]{{1,3}})(?P<approx>余|多)?\s*"
    rf"(?:(?P<percent>[%％])|(?P<measure>{_MEASURE}))"
)
RATIO = re.compile(rf"(?P<den>{_CN_NUMBER})分之(?P<num>{_CN_NUMBER})")
YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年度?\s*$")
APPROX_BEFORE = re.compile(r"(?:近|约|超过|超|逾)$")
APPROX_AFTER = re.compile(r"^(?:左右|以上|上下)")
SOURCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("问卷", re.compile(r"问卷|调查显示|抽样调查|受访")),
    ("座谈", re.compile(r"座谈|访谈")),
    ("走访", re.compile(r"走访|实地调研|实地查看")),
    ("统计", re.compile(r"统计|数据显示|据.{0,6}数据")),
)
_CLAUSE_END = re.compile(r"[，,。；;！？!?：:]")
_TRAILING_FIGURE = re.compile(rf"\s*(?:\d+(?:\.\d+)?|{_CN_NUMBER})(?:余|多)?\s*(?:[%％]|{_MEASURE}).*$")
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "ng", "vn", "an", "j", "l")
_PLAIN_NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "ng", "j"})
_LEAD_IN = re.compile(r"^(?:去年以来|今年以来|近年来|目前|其中)?(?:共计|共|累计|先后|已)?")
# Single-character "measures" that are too often part of ordinary words after a Chinese numeral.
_WEAK_CN_MEASURES = frozenset({"人", "部", "村", "年", "位", "支", "所", "件", "条", "次", "期", "篇"})
# 一 + measure is usually the indefinite article (一批, 一项, 一名); only durations and areas count.
_ONE_MEASURES = frozenset({"个月", "万亩", "亩", "天", "小时"})
# A Chinese-numeral duration in years counts when the text says it lasted (历经两年).
_DURATION_BEFORE = re.compile(r"(?:历经|经过|连续|用了|近|已)$")
_BOOK_TITLE = re.compile(r"《[^》]*》")


@dataclass(frozen=True)
class Figure:
    """One quantitative figure of a passage."""

    passage_id: str
    doc_id: str
    start: int
    end: int
    surface: str
    value: float | None
    measure: str
    kind: str
    population: str
    statement: str
    source: str
    year: str | None
    approx: bool
    anonymised: bool


@lru_cache(maxsize=1)
def _named_numerals() -> tuple[str, ...]:
    """Lexicon terms that contain a numeral (names and slogans, not figures)."""
    pattern = re.compile(rf"\d|{_CN_NUMBER}")
    return tuple(sorted({word for word, _, _ in read_userdict() if pattern.search(word)}, key=len, reverse=True))


def _inside_named_term(text: str, start: int, end: int) -> bool:
    for term in _named_numerals():
        for match in re.finditer(re.escape(term), text):
            if match.start() <= start and end <= match.end():
                return True
    return False


def parse_number(number: str) -> float | None:
    """``"15.4"`` → 15.4, ``"十二"`` → 12, ``"两"`` → 2; placeholders → None."""
    if re.fullmatch(r"[xX*＊]+", number):
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", number):
        return float(number)
    try:
        return float(cn2an.cn2an(number, "smart"))
    except (ValueError, KeyError):
        return None


def _kind(measure: str, percent: bool) -> str:
    if percent:
        return "percent"
    if measure == "人次":
        return "person_times"
    if measure in {"元", "万元", "亿元"}:
        return "money"
    if measure in {"年", "天", "小时", "个月"}:
        return "duration"
    if measure in {"亩", "万亩"}:
        return "area"
    return "count"


def _source(text: str, context: str) -> str:
    for name, pattern in SOURCES:
        if pattern.search(text):
            return name
    for name, pattern in SOURCES:
        if pattern.search(context):
            return name
    return ""


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def _population_and_statement(text: str, start: int, end: int, previous_population: str) -> tuple[str, str]:
    """Noun phrase right after the figure (skipping 的) and the rest of its clause; a figure closing its
    clause (复核合格88个) takes the clause before it as statement and the previous population."""
    jieba_tokenizer()
    clause_start, clause_end = _clause_bounds(text, start, end)
    after = text[end:clause_end]
    if after.startswith("的"):
        after = after[1:]
    population, rest, in_noun = "", after, True
    consumed = 0
    for pair in posseg.lcut(after):
        if in_noun and (pair.flag.startswith(_NOUN_TAGS) or pair.flag in _NOUN_TAGS or pair.word in "及和与"):
            population += pair.word
            consumed += len(pair.word)
            continue
        in_noun = False
        break
    rest = _TRAILING_FIGURE.sub("", after[consumed:]).strip()
    population = population.strip("及和与")
    if not population and not rest:
        before = text[clause_start:start]
        before = re.sub(r"(?:\d{4}\s*年度?)?\s*\d+(?:\.\d+)?(?:余|多)?(?:" + _MEASURE + r")", "", before)
        if previous_population and previous_population in before:
            return previous_population, before.split(previous_population, 1)[1].strip()
        # 推荐上报视频7部 / 共计处理违纪违法党员26人次: the noun phrase just before the figure is what is
        # counted, the words before it say what happened to it.
        pairs = posseg.lcut(before)
        noun_start = len(pairs)
        if noun_start and _is_noun(pairs[-1]):  # the head must be a plain noun; modifiers may be verbal nouns
            while noun_start > 0 and (_is_noun(pairs[noun_start - 1]) or pairs[noun_start - 1].flag in {"vn", "an"}):
                noun_start -= 1
        counted = "".join(pair.word for pair in pairs[noun_start:])
        if counted:
            statement = _LEAD_IN.sub("", "".join(pair.word for pair in pairs[:noun_start])).strip()
            return counted, statement
        return previous_population, before.strip()
    return population, rest


def _is_noun(pair: object) -> bool:
    """A plain noun (verbal nouns such as 培训 name the action, not what is counted)."""
    flag = getattr(pair, "flag", "")
    return flag in _PLAIN_NOUN_TAGS


def extract_figures(
    text: str, *, passage_id: str = "", doc_id: str = "", context: str = ""
) -> list[Figure]:
    """Every figure of ``text``. ``context`` (e.g. the previous passages) helps to find the source."""
    figures: list[Figure] = []
    previous_population, previous_measure = "", ""
    candidates: list[tuple[int, int, str, float | None, str, bool, bool]] = []
    for match in FIGURE.finditer(text):
        number, measure = match.group("number"), match.group("measure") or ""
        percent = match.group("percent") is not None
        is_arabic = number[0].isdigit()
        if not is_arabic and not re.fullmatch(r"[xX*＊]+", number):
            duration = measure == "年" and _DURATION_BEFORE.search(text[:match.start()])
            if (measure in _WEAK_CN_MEASURES and not duration) or (number == "一" and measure not in _ONE_MEASURES):
                continue
        if any(title.start() < match.start() < title.end() for title in _BOOK_TITLE.finditer(text)):
            continue  # a number inside a document title (《…22条措施》) names the document
        if _inside_named_term(text, match.start(), match.end()):
            continue
        if measure == "年" and is_arabic and len(number) == 4:
            continue  # a calendar year, not a duration
        if is_arabic and len(number) == 4 and text[match.end():match.end() + 1] in "年月":
            continue
        candidates.append((match.start(), match.end(), number, parse_number(number), measure, percent,
                           bool(match.group("approx"))))
    for match in RATIO.finditer(text):
        den, num = parse_number(match.group("den")), parse_number(match.group("num"))
        value = round(100 * num / den, 2) if den and num is not None else None
        candidates.append((match.start(), match.end(), match.group(), value, "%", True, False))
    for start, end, _number, value, measure, percent, approx in sorted(candidates):
        surface = text[start:end]
        year_match = YEAR_BEFORE.search(text[max(0, start - 8):start])
        approx = approx or bool(APPROX_BEFORE.search(text[:start])) or bool(APPROX_AFTER.match(text[end:]))
        inherited = previous_population if measure == previous_measure else ""
        population, statement = _population_and_statement(text, start, end, inherited)
        previous_population, previous_measure = population or previous_population, measure
        figures.append(
            Figure(
                passage_id=passage_id, doc_id=doc_id, start=start, end=end, surface=surface, value=value,
                measure="%" if percent else measure, kind=_kind(measure, percent), population=population,
                statement=statement, source=_source(text, context), year=year_match.group(1) if year_match else None,
                approx=approx, anonymised=value is None,
            )
        )
    return figures


def extract_from_passages(passages: Sequence[tuple[str, str, str]], *, context_window: int = 2) -> list[Figure]:
    """Figures of ``(passage_id, doc_id, text)`` passages in reading order; the previous passages of the
    same document serve as context for the source."""
    figures: list[Figure] = []
    for index, (passage_id, doc_id, text) in enumerate(passages):
        context = "".join(
            t for _, d, t in passages[max(0, index - context_window):index] if d == doc_id
        )
        figures.extend(extract_figures(text, passage_id=passage_id, doc_id=doc_id, context=context))
    return figures
