"""Text normalisation: small pure ``str -> str`` steps chained into :data:`PIPELINE`.

Every offset computed downstream refers to the text this module returns, so each step is
deterministic: the same input always gives the same output, nothing depends on the environment.

Order of :data:`PIPELINE` and why:

1. ``fix_unicode`` – NFC, invisible characters, line endings; every later step sees ``\\n`` only.
2. ``map_radicals`` – Kangxi/supplement radicals (⼯ ⻅) become ideographs, so later regexes and
   OpenCC see real characters.
3. ``fold_fullwidth_ascii`` – Ｘ, ＺＺ, ０-９, Ａ-Ｚ become ASCII before the steps that match them.
4. ``strip_pinyin`` – before ``to_simplified`` because a lost character may be restored in its
   traditional form (日?(bào) → 日報), which the next step then simplifies.
5. ``to_simplified`` – OpenCC t2s, only for text that contains traditional-only characters.
6. ``restore_censored`` – X建 → 党建, ZZ → 政治.
7. ``strip_truncation_notices`` and 8. ``strip_boilerplate`` – run on simplified text so one set
   of patterns suffices, and before the layout steps so removed lines do not block re-joining.
9. ``strip_markdown`` – ``**`` and heading hashes go before re-joining, which looks at line ends.
10. ``strip_page_numbers`` – a page number between two halves of a sentence must go before
    11. ``rejoin_lines`` joins the halves.
12. ``collapse_whitespace`` – last, it tidies up what the other steps left behind.

:func:`normalize` runs the chain (or a subset of it, always in this order) and reports, per step,
how many characters it changed (see :func:`normalize` for the measure).

Fast paths: most passages are short and already clean, so every step first makes one cheap check
(a precompiled "trigger" search or a substring test) for a condition that each of its substitutions
needs in order to match; when it fails, the step returns its input at once. A guard never changes
a result, only skips work that cannot change anything. Each guard is an ``if …:  # fast path`` line
(skip when true) or ``if …:  # fast path (only when)`` (work only when true);
``tests/test_normalize_fast.py`` compares every step with a copy of this module in which every
guard lets the work run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from operator import ne
from typing import TYPE_CHECKING

from pipeline.errors import UsageError
from pipeline.records import NormalizedText

if TYPE_CHECKING:
    from opencc import OpenCC

__all__ = [
    "CENSORED_RULES",
    "PIPELINE",
    "STEP_NAMES",
    "collapse_whitespace",
    "fix_unicode",
    "fold_fullwidth_ascii",
    "is_truncated",
    "map_radicals",
    "normalize",
    "rejoin_lines",
    "restore_censored",
    "should_join",
    "strip_boilerplate",
    "strip_markdown",
    "strip_page_numbers",
    "strip_pinyin",
    "strip_truncation_notices",
    "to_simplified",
]

# --------------------------------------------------------------------------------------------
# Character classes shared by several steps
# --------------------------------------------------------------------------------------------

# CJK unified ideographs (BMP, extension A, compatibility block, supplementary planes).
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_ASCII_ALNUM = "A-Za-z0-9"

def _any_of(characters: Iterable[str]) -> re.Pattern[str]:
    """A trigger that matches any one of ``characters`` (e.g. the keys of a translate table)."""
    return re.compile("[" + "".join(sorted(re.escape(char) for char in characters)) + "]")


# --------------------------------------------------------------------------------------------
# fix_unicode
# --------------------------------------------------------------------------------------------

_LINE_SEPARATORS = r"\u2028\u2029\x0b\x0c\x85"
_NEWLINES = re.compile(rf"\r\n?|[{_LINE_SEPARATORS}]")
# Zero-width characters, word joiner, BOM, soft hyphen, and C0/C1 controls except \t and \n.
_INVISIBLE_CHARS = "\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SPACE_LIKE_CHARS = "\u00a0\u202f\u2007"
_SPACE_LIKE = str.maketrans(dict.fromkeys(_SPACE_LIKE_CHARS, " "))
# Every character the three replacements above act on; without one only NFC can change the text.
_UNICODE_TRIGGER = re.compile(rf"[\r{_LINE_SEPARATORS}{_INVISIBLE_CHARS}{_SPACE_LIKE_CHARS}]")


def fix_unicode(text: str) -> str:
    """Canonical Unicode clean-up.

    * ``\\r\\n`` and ``\\r`` become ``\\n``; the other line/page separators (U+2028, U+2029,
      vertical tab, form feed, NEL) also become ``\\n`` so a page break never glues two words;
    * zero-width characters (U+200B–U+200D), word joiner (U+2060), BOM (U+FEFF), soft hyphen and
      every other control character except ``\\n`` and ``\\t`` are removed;
    * no-break spaces (U+00A0, U+202F, U+2007) become ordinary spaces;
    * the result is NFC (which also maps CJK compatibility ideographs U+F900–U+FAFF to the
      unified ones).
    """
    if _UNICODE_TRIGGER.search(text) is None:  # fast path
        return unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = text.translate(_SPACE_LIKE)
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------
# map_radicals
# --------------------------------------------------------------------------------------------

# CJK Radicals Supplement (U+2E80–U+2EF3) → the simplified-Chinese ideograph a reader sees in the
# radical. Most have no NFKC mapping; the values follow the Unicode EquivalentUnifiedIdeograph data,
# with C-/J-simplified and traditional forms replaced by the simplified character (⻑ ⻯ → 长 龙) and
# component forms by the standalone character of the same shape where one exists (⺼ → 月).
SUPPLEMENT_RADICALS: dict[str, str] = {
    "\u2e80": "冫", "\u2e81": "厂", "\u2e82": "乛", "\u2e83": "乚", "\u2e84": "乙", "\u2e85": "亻",
    "\u2e86": "冂", "\u2e87": "几", "\u2e88": "刀", "\u2e89": "刂", "\u2e8a": "卜", "\u2e8b": "㔾",
    "\u2e8c": "小", "\u2e8d": "小", "\u2e8e": "兀", "\u2e8f": "尣", "\u2e90": "尢", "\u2e91": "尢",
    "\u2e92": "巳", "\u2e93": "幺", "\u2e94": "彑", "\u2e95": "彐", "\u2e96": "忄", "\u2e97": "心",
    "\u2e98": "扌", "\u2e99": "攵", "\u2e9b": "旡", "\u2e9c": "日", "\u2e9d": "月", "\u2e9e": "歹",
    "\u2e9f": "母", "\u2ea0": "民", "\u2ea1": "氵", "\u2ea2": "氺", "\u2ea3": "灬", "\u2ea4": "爫",
    "\u2ea5": "爫", "\u2ea6": "丬", "\u2ea7": "牛", "\u2ea8": "犭", "\u2ea9": "王", "\u2eaa": "疋",
    "\u2eab": "罒", "\u2eac": "示", "\u2ead": "礻", "\u2eae": "竹", "\u2eaf": "糸", "\u2eb0": "纟",
    "\u2eb1": "罓", "\u2eb2": "罒", "\u2eb3": "网", "\u2eb4": "网", "\u2eb5": "网", "\u2eb6": "羊",
    "\u2eb7": "羊", "\u2eb8": "羊", "\u2eb9": "耂", "\u2eba": "肀", "\u2ebb": "聿", "\u2ebc": "月",
    "\u2ebd": "臼", "\u2ebe": "艹", "\u2ebf": "艹", "\u2ec0": "艹", "\u2ec1": "虎", "\u2ec2": "衤",
    "\u2ec3": "覀", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec7": "角", "\u2ec8": "讠",
    "\u2ec9": "贝", "\u2eca": "足", "\u2ecb": "车", "\u2ecc": "辶", "\u2ecd": "辶", "\u2ece": "辶",
    "\u2ecf": "阝", "\u2ed0": "钅", "\u2ed1": "长", "\u2ed2": "长", "\u2ed3": "长", "\u2ed4": "门",
    "\u2ed5": "阜", "\u2ed6": "阝", "\u2ed7": "雨", "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页",
    "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2ede": "饣", "\u2edf": "饣", "\u2ee0": "饣",
    "\u2ee1": "首", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟",
    "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eeb": "齐", "\u2eec": "齐",
    "\u2eed": "齿", "\u2eee": "齿", "\u2eef": "龙", "\u2ef0": "龙", "\u2ef1": "龟", "\u2ef2": "龟",
    "\u2ef3": "龟",
}
# Kangxi radicals (U+2F00–U+2FD5) all have an NFKC mapping to a unified ideograph.
_KANGXI_RADICALS: dict[str, str] = {
    chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)
}
_RADICAL_TABLE = str.maketrans({**_KANGXI_RADICALS, **SUPPLEMENT_RADICALS})
_RADICAL = _any_of(map(chr, _RADICAL_TABLE))


def map_radicals(text: str) -> str:
    """Map radical code points to unified ideographs (⼯ → 工, ⽪ → 皮, ⻅ → 见, ⾔ → 言).

    PDF fonts often map glyphs to the Kangxi Radicals block (U+2F00–U+2FD5) or the CJK Radicals
    Supplement (U+2E80–U+2EF3) instead of the ideographs they look like. Kangxi radicals are mapped
    with NFKC (which may give a traditional form, e.g. ⾨ → 門, that :func:`to_simplified` then
    converts); the supplement, which has almost no NFKC mapping, uses :data:`SUPPLEMENT_RADICALS`.
    No assigned code point of either block survives.
    """
    if _RADICAL.search(text) is None:  # fast path
        return text
    return text.translate(_RADICAL_TABLE)


# --------------------------------------------------------------------------------------------
# fold_fullwidth_ascii
# --------------------------------------------------------------------------------------------

# Full-width symbols folded to ASCII: those that are not sentence punctuation in Chinese text.
_FOLDED_SYMBOLS = "＋－＝／＜＞＠＃＄＆＊＿｜～"
_FULLWIDTH_TABLE = str.maketrans(
    {
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)},  # ０-９
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)},  # ａ-ｚ
        **{char: chr(ord(char) - 0xFEE0) for char in _FOLDED_SYMBOLS},
        "\u3000": " ",
    }
)
_FULLWIDTH = _any_of(map(chr, _FULLWIDTH_TABLE))


def fold_fullwidth_ascii(text: str) -> str:
    """Fold full-width letters, digits and a few symbols to ASCII; keep Chinese punctuation.

    Folded: ``０-９``, ``Ａ-Ｚ``, ``ａ-ｚ``, the symbols ``＋－＝／＜＞＠＃＄＆＊＿｜～`` and the
    ideographic space U+3000 (→ ``" "``).
    Kept as they are: every other full-width form — in particular ``，。：；！？（）％．［］｛｝＂＇``
    — and all CJK punctuation (``【】《》“”‘’、…—``), which is sentence punctuation in this corpus.
    """
    if _FULLWIDTH.search(text) is None:  # fast path
        return text
    return text.translate(_FULLWIDTH_TABLE)


# --------------------------------------------------------------------------------------------
# strip_pinyin
# --------------------------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_VOWEL = f"aeiouüvê{_TONED}"
_INITIAL = "bpmfdtnlgkhjqxrzcsyw"
_SYLLABLE = f"(?:[zcs]h|[{_INITIAL}])?[{_VOWEL}]{{1,4}}(?:ng|n|r)?[1-5]?"
# One to four syllables; at least one tone mark or tone digit, so "(an)", "(PDF)" never match.
_PINYIN = f"(?=[^)）\\n]*[{_TONED}1-5])(?:{_SYLLABLE})(?:[ ']?{_SYLLABLE}){{0,3}}"
_PINYIN_AFTER_CJK = re.compile(f"(?<=[{_CJK}])[(（]{_PINYIN}[)）]")
# Toneless annotations (业(ye)务): one plain syllable; removed only where a text carries many of them.
_TONELESS_AFTER_CJK = re.compile(f"(?<=[{_CJK}])[(（](?:[zcs]h|[{_INITIAL}])?[aeiouüv]{{1,4}}(?:ng|n|r)?[)）]")
TONELESS_MIN = 5  # a text annotated throughout, not a stray "(an)"
# A character lost as "?" with its annotation, the opening bracket sometimes lost too.
_LOST_CHARACTER = re.compile(f"(?:\\?[(（]?({_PINYIN})[)）])+")
_SYLLABLE_IN_RUN = re.compile(f"\\?[(（]?({_PINYIN})[)）]")
# Both patterns above need an opening bracket or "?" right before the first letter of a syllable
# (an initial or a vowel: [zcs]h starts with an initial).
_PINYIN_TRIGGER = re.compile(f"[(（?][{_INITIAL}{_VOWEL}]")
# (preceding character, pinyin of the lost character) → the character; only unambiguous contexts.
LOST_CHARACTER_HINTS: dict[tuple[str, str], str] = {
    ("日", "bào"): "報",  # 河南日報, 人民日報: newspaper names
}


def _restore_lost_character(match: re.Match[str]) -> str:
    syllables = _SYLLABLE_IN_RUN.findall(match.group())
    start = match.start()
    previous = match.string[start - 1] if start else ""
    return LOST_CHARACTER_HINTS.get((previous, syllables[-1]), "?")


def strip_pinyin(text: str) -> str:
    """Remove pinyin left in brackets after a character: 機(jī)關(guān) → 機關.

    A bracket (half- or full-width) is removed only if it directly follows a CJK ideograph and
    contains nothing but one to four lower-case pinyin syllables with at least one tone mark or
    tone digit; "(2021年3月24日)", "(一)", "(以下简称《意见》)", "(PDF)" are never touched. Toneless
    one-syllable annotations (业(ye)务) are removed only from a text that has at least
    :data:`TONELESS_MIN` of them (annotated throughout), never a stray "(an)".

    Web copies sometimes lost the annotated character itself ("日?qǐng)?bào)"): a run of
    ``?`` + annotation (opening bracket optional) is replaced by the character when
    :data:`LOST_CHARACTER_HINTS` knows it from the preceding character (→ 日報), otherwise by a
    single ``?`` that marks the lost character.
    """
    if _PINYIN_TRIGGER.search(text) is None:  # fast path
        return text
    text = _PINYIN_AFTER_CJK.sub("", text)
    toneless = _TONELESS_AFTER_CJK.findall(text)
    if len(toneless) >= TONELESS_MIN:
        text = _TONELESS_AFTER_CJK.sub("", text)
    if "?" in text:
        text = _LOST_CHARACTER.sub(_restore_lost_character, text)
    return text


# --------------------------------------------------------------------------------------------
# to_simplified
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    """The OpenCC t2s converter, created once on first use."""
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional_only() -> re.Pattern[str]:
    """Characters that t2s changes and that are not standard simplified characters (not in GB2312).

    Derived once from the converter itself; 於 乾 夥 著 and the like are valid simplified
    characters (they are in GB2312) and therefore do not count as evidence of traditional script.
    """
    candidates = []
    for code in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)):
        char = chr(code)
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            candidates.append(char)
    converted = _converter().convert("\n".join(candidates)).split("\n")
    changed = [
        source for source, target in zip(candidates, converted, strict=True) if source != target
    ]
    return re.compile("[" + re.escape("".join(changed)) + "]")


def to_simplified(text: str) -> str:
    """Convert traditional to simplified Chinese with OpenCC ``t2s``: 機關黨建 → 机关党建.

    Text without a traditional-only character (one that t2s changes and that is not in GB2312)
    is returned unchanged without calling OpenCC, so simplified documents — including their
    legitimate 於, 乾, 著 — are never altered, and the common case costs one regex search.
    """
    if not _traditional_only().search(text):
        return text
    return _converter().convert(text)


# --------------------------------------------------------------------------------------------
# restore_censored
# --------------------------------------------------------------------------------------------

# Censored form → restored form. "X" stands for 党, "ZZ" for 政治 in web copies.
CENSORED_RULES: tuple[tuple[str, str], ...] = (
    ("X建", "党建"),
    ("X员", "党员"),
    ("X组", "党组"),
    ("X委", "党委"),
    ("X的", "党的"),
    ("X风", "党风"),
    ("X性", "党性"),
    ("X课", "党课"),
    ("X支部", "党支部"),
    ("ZZ", "政治"),
)
_NOT_AFTER = f"(?<![{_ASCII_ALNUM}Ａ-Ｚａ-ｚ０-９第某])"
_NOT_BEFORE = f"(?![{_ASCII_ALNUM}Ａ-Ｚａ-ｚ０-９])"
_CENSORED_X = re.compile(
    _NOT_AFTER
    + "[XＸ]("
    + "|".join(
        re.escape(source[1:]) + ("(?!工)" if source == "X员" else "")  # X员工 is not 党员工
        for source, _ in CENSORED_RULES
        if source.startswith("X")
    )
    + ")"
)
_CENSORED_ZZ = re.compile(_NOT_AFTER + "(?:ZZ|ＺＺ)" + _NOT_BEFORE)
_CENSORED_TRIGGER = re.compile("[XＸZＺ]")  # _CENSORED_X needs X or Ｘ, _CENSORED_ZZ needs Z or Ｚ


def restore_censored(text: str) -> str:
    """Restore characters censored in web copies, following :data:`CENSORED_RULES`.

    ``X`` (or full-width ``Ｘ``) followed by 建 员 组 委 的 风 性 课 支部 becomes 党…; ``ZZ`` becomes
    政治. Only upper-case X/Z, and only when the letter is not preceded by a Latin letter, digit,
    第 or 某 (so XX市, X光, 第X组 stay) and, for ZZ, not followed by one (ZZTOP, XML stay).
    Anonymised places such as xx市, X区, X县, *县 are not in the table and never change;
    "X员工" stays as it is.
    """
    if _CENSORED_TRIGGER.search(text) is None:  # fast path
        return text
    text = _CENSORED_X.sub(r"党\1", text)
    return _CENSORED_ZZ.sub("政治", text)


# --------------------------------------------------------------------------------------------
# strip_truncation_notices / is_truncated
# --------------------------------------------------------------------------------------------

_NOTICE_KEYWORD = (
    r"(?:省略\s*\d+\s*字|正式[会會][员員]可完整[阅閱][读讀]|未完(?:待续|待續)?(?=[,，。)）\s]|$)"
    r"|全文共\s*\d+\s*字|[余餘]下全文|[点點][击擊]查看全文|[当當]前[仅僅][显顯]示\s*\d+\s*字)"
)
# (…keyword…) closed on the same line, or an unclosed "(未完,全文共…" running to the end of the line.
_NOTICE_BODY = (
    f"[(（][^()（）\\n]*?{_NOTICE_KEYWORD}[^()（）\\n]*[)）]"
    f"|[(（][^()（）\\n]*?{_NOTICE_KEYWORD}[^\\n]*"
)
_NOTICE = re.compile(
    f"(?P<own_line>(?:[ \\t]*\\n)+(?=[ \\t]*…*[ \\t]*[(（][^\\n]*?{_NOTICE_KEYWORD}))?"
    f"[ \\t]*…*[ \\t]*(?:{_NOTICE_BODY})[ \\t]*…*[ \\t]*"
)
# A short line that is nothing but a "read the rest" link.
_NOTICE_LINE = re.compile(
    r"^[ \t]*[^\n]{0,20}(?:[余餘]下全文|[点點][击擊]查看全文|查看全文|[阅閱][读讀]全文)(?!件)[^\n。]{0,20}(?:\n|$)",
    re.MULTILINE,
)
_TRUNCATION_EVIDENCE = re.compile(f"{_NOTICE_KEYWORD}")
# Every alternative of _NOTICE_KEYWORD contains one of these literals (省略…, 正式会员可完整阅读, 未完,
# 全文共 / 余下全文 / 点击查看全文, 当前仅显示), and so does every _NOTICE_LINE (全文).
_NOTICE_TRIGGER = re.compile("省略|可完整|未完|全文|前[仅僅]")
_TERMINAL_BEFORE_NOTICE = "。！？；!?;…\n"


def _replace_notice(match: re.Match[str]) -> str:
    start, end = match.span()
    previous = match.string[start - 1] if start else "\n"
    replacement = "" if previous in _TERMINAL_BEFORE_NOTICE else "……"
    if match.group("own_line") and end < len(match.string) and match.string[end] != "\n":
        replacement += "\n"  # text after a notice that opened its line stays on a line of its own
    return replacement


def strip_truncation_notices(text: str) -> str:
    """Remove paywall truncation notices, leaving ``……`` where text is missing.

    Recognised: a bracketed notice containing 省略N字, 正式会员可完整阅读, 未完, 全文共N字, 余下全文,
    点击查看全文 or 当前仅显示N字 — e.g. ``……(新文秘网http://www.wm114.cn省略922字,正式会员可完整阅读)……``
    — together with the ellipses around it; an unclosed ``(未完,全文共7376字,…收藏《…》`` up to the
    end of its line; a short line that is only a "read the full text" link.

    The notice is replaced by ``……`` so the gap stays visible and a sentence cut by it is never
    re-joined with the unrelated text after the gap; a notice on a line of its own is attached to
    the end of the previous line. After terminal punctuation (or at the start) the notice is
    simply removed.
    """
    if _NOTICE_TRIGGER.search(text) is None:  # fast path
        return text
    text = _NOTICE.sub(_replace_notice, text)
    return _NOTICE_LINE.sub("", text)


def is_truncated(text: str) -> bool:
    """True if the raw text carries a truncation notice (省略N字, 未完, 全文共N字, 余下全文, …)."""
    if _NOTICE_TRIGGER.search(text) is None:  # fast path
        return False
    return _TRUNCATION_EVIDENCE.search(text) is not None


# --------------------------------------------------------------------------------------------
# strip_boilerplate
# --------------------------------------------------------------------------------------------

_PAYWALL_MARKER = re.compile(r"##\s*paid\s*(?:begin|end)\s*##", re.IGNORECASE)
_CHROME_LINE = re.compile(
    r"^[ \t]*(?:"
    r"(?:您的位置|您现在的位置|你的位置|当前位置|當前位置|您現在的位置)[ \t]*[:：][^\n]*"
    r"|(?:发表时间|發表時間|发布时间|發佈時間|發布時間)[ \t]*[:：][^\n]{0,60}"
    r"|分享到[ \t]*[:：]?[^\n]{0,40}"
    r"|(?:版权所有|版權所有|copyright|©|免责声明|免責聲明|本文链接|本文鏈接|原文链接|原文鏈接"
    r"|转载请注明|轉載請注明|上一篇[:：]|下一篇[:：]|相关链接|相關鏈接|相关阅读|相關閱讀|相关文章"
    r"|相關文章|相关推荐|打印本页|关闭窗口|返回顶部|【打印】|【关闭】|扫一扫)[^\n]{0,100}"
    r")[ \t]*(?:\n|$)",
    re.MULTILINE | re.IGNORECASE,
)
# 目录 / 提纲 / 目录/提纲 header line, the entries, and a closing line that is only an ellipsis.
_TABLE_OF_CONTENTS = re.compile(
    r"^[ \t]*(?:目[ \t]*录(?:[ \t]*/[ \t]*提[ \t]*纲)?|提[ \t]*纲)[ \t]*[:：]?[ \t]*(?:…+|\.{3,})?[ \t]*\n"
    r"(?:[^\n]*\n){0,80}?"
    r"[ \t]*(?:…+|\.{3,}|。{3,})[ \t]*(?:\n|$)",
    re.MULTILINE,
)
# A teaser: a line cut off with "..." whose text is repeated right below it.
_TEASER = re.compile(r"^[^\n]{10,}?(?:\.{3}|…{1,2})[ \t]*(?:\n|$)", re.MULTILINE)
_WHITESPACE = re.compile(r"\s+")


def _strip_teasers(text: str) -> str:
    # A teaser ends in "..." or "…" and must be followed by its repetition, hence by a newline: on
    # a single line, the line end that closes the match is the end of the text.
    if "\n" not in text or ("..." not in text and "…" not in text):  # fast path
        return text
    pieces: list[str] = []
    cursor = 0
    for match in _TEASER.finditer(text):
        content = _WHITESPACE.sub("", match.group()).rstrip(".…")
        following = _WHITESPACE.sub("", text[match.end(): match.end() + 3 * len(content) + 200])
        if len(content) >= 10 and following.startswith(content):
            pieces.append(text[cursor:match.start()])
            cursor = match.end()
    pieces.append(text[cursor:])
    return "".join(pieces)


def strip_boilerplate(text: str) -> str:
    """Remove paywall markers, site chrome, tables of contents, teasers and truncation notices.

    * ``##paidbegin##`` / ``##paidend##`` markers (the text between them is kept);
    * whole lines of site chrome: breadcrumbs (您的位置:…>>正文), posting time (发表时间:…),
      share bars (分享到:), footers (版权所有, Copyright, 免责声明, 本文链接, 转载请注明, 上一篇/下一篇,
      相关链接/相关阅读/相关文章, 打印本页, 关闭窗口 …). Document metadata such as 时间:, 来源:,
      作者: is kept;
    * a table of contents: a line that is only 目录 / 提纲 / 目录/提纲 (optionally with ``:……``) up
      to and including the next line that is only an ellipsis (at most 80 lines later; without such
      a closing line nothing is removed);
    * a teaser line ending in ``...``/``…`` whose text is repeated immediately below it;
    * truncation notices, see :func:`strip_truncation_notices`.
    """
    if "##" in text:  # fast path (only when)
        text = _PAYWALL_MARKER.sub("", text)
    # The header line of a table of contents ends in a newline.
    if "\n" in text:  # fast path (only when)
        text = _TABLE_OF_CONTENTS.sub("", text)
    text = _CHROME_LINE.sub("", text)
    text = _strip_teasers(text)
    return strip_truncation_notices(text)


# --------------------------------------------------------------------------------------------
# strip_markdown
# --------------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^([ \t]{0,3})#{1,6}[ \t]+(?=\S)([^\n]*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_MD_BOLD = re.compile(r"\*\*(?=[^\s*])([^\n]*?[^\s*])\*\*|__(?=[^\s_])([^\n]*?[^\s_])__")
# *italic* only when clearly emphasis: a whole line, or Latin text between spaces/line ends.
_MD_ITALIC_LINE = re.compile(r"^([ \t]*)\*(?=[^\s*])([^*\n]*[^\s*])\*[ \t]*$", re.MULTILINE)
_MD_ITALIC_LATIN = re.compile(
    f"(?:(?<=\\s)|^)\\*(?=[^\\s*])([^*\\n{_CJK}]*[^\\s*])\\*(?=\\s|$|[,.;:!?，。；：！？、])",
    re.MULTILINE,
)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|\.|#)[^)\s]*\)")
# Rules need - * or _, headings #, bold ** or __, italics *, images and links "](".
_MD_TRIGGER = re.compile(r"[-#*_\]]")


def strip_markdown(text: str) -> str:
    """Remove Markdown markup, keeping the text it decorates.

    * ``**bold**`` and ``__bold__`` within a line lose their markers;
    * ``*italic*`` loses its markers only when it is clearly emphasis: the whole line is
      ``*…*``, or the content has no CJK character and the asterisks stand next to spaces, line
      ends or punctuation. A lone ``*`` — an anonymised place, *县, “*”总体工作思路 — is never removed;
    * heading hashes at line start (``## 标题`` → ``标题``; ``##paidbegin##`` is not a heading);
    * horizontal rules (a line of ``---``, ``***`` or ``___``) become empty lines;
    * links ``[text](url)`` become ``text``; images are dropped.
    """
    if _MD_TRIGGER.search(text) is None:  # fast path
        return text
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1\2", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_BOLD.sub(lambda match: match.group(1) or match.group(2), text)
    text = _MD_ITALIC_LINE.sub(r"\1\2", text)
    return _MD_ITALIC_LATIN.sub(r"\1", text)


# --------------------------------------------------------------------------------------------
# strip_page_numbers
# --------------------------------------------------------------------------------------------

_DASH = "—–‒―\\-－"
_PAGE_NUMBER_LINE = re.compile(
    r"^[ \t]*(?:"
    f"[{_DASH}]{{1,2}}[ \\t]*\\d{{1,4}}[ \\t]*[{_DASH}]{{1,2}}"  # — 1 —, - 1 -, － 12 －
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?"  # 第3页, 第3页 共10页
    r"|共[ \t]*\d{1,4}[ \t]*页[ \t]*[,，/]?[ \t]*第[ \t]*\d{1,4}[ \t]*页"  # 共10页 第3页
    r"|\d{1,4}[ \t]*/[ \t]*\d{1,4}"  # 3/10
    r")[ \t]*(?:\n|$)",
    re.MULTILINE,
)
# Each form has a dash, 页 (第…页, 共…页) or a slash.
_PAGE_NUMBER_TRIGGER = re.compile(f"[{_DASH}页/]")


def strip_page_numbers(text: str) -> str:
    """Drop lines that are only a page number: "— 1 —", "- 1 -", "－ 12 －", "第 3 页",
    "第3页 共10页", "共10页 第3页", "3/10". The line and its newline are removed, so the two halves
    of a sentence split by a page break become adjacent lines for :func:`rejoin_lines`."""
    if _PAGE_NUMBER_TRIGGER.search(text) is None:  # fast path
        return text
    return _PAGE_NUMBER_LINE.sub("", text)


# --------------------------------------------------------------------------------------------
# rejoin_lines
# --------------------------------------------------------------------------------------------

#: A line shorter than this is a title or heading, never a hard-wrapped line.
MIN_WRAPPED_LINE_LENGTH = 15
#: Blank lines a sentence may be broken across (PDF paragraph spacing, Markdown conversion).
MAX_BLANK_LINES_IN_BREAK = 2

_TERMINAL_END = frozenset("。！？；：…”’）)】》」』!?;:.")
_CONTINUATION_START = re.compile(f"[{_CJK}{_ASCII_ALNUM}“‘《〈（(【「『，、。；：！？”’）》]")
# Prose punctuation: a long line without any of it is a title, not a wrapped sentence.
_PROSE_PUNCTUATION = re.compile(r"[，。；！？、,;]")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_CN_NUMERAL = "一二三四五六七八九十百零〇"
_HEADING_START = re.compile(
    "(?:"
    f"[{_CN_NUMERAL}]+[、.．]"  # 一、
    f"|[（(][{_CN_NUMERAL}\\d]{{1,3}}[）)]"  # （一） (1)
    r"|\d{1,2}(?:[.．、](?!\d)|[)）]|\s)"  # 1. 1、 1)
    "|[①-⑳]"
    f"|第[{_CN_NUMERAL}\\d]+[篇章节条部]"  # 第一篇 第三章
    f"|第[{_CN_NUMERAL}]{{1,3}}[，、,：:]"  # 第一，
    f"|[{_CN_NUMERAL}]{{1,3}}是"  # 一是
    f"|其[{_CN_NUMERAL}]{{1,3}}[，、,是]"  # 其一，
    ")"
)
_ARTICLE_START = re.compile(f"第[{_CN_NUMERAL}\\d]+篇")
_DATE_OR_METADATA = re.compile(
    r"(?:[(（]?\s*(?:19|20)\d{2}\s*年[^\n]{0,8}日\s*[)）]?\s*$"  # (2021年3月24日)
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"  # 2023-04-10
    f"|[{_CJK} \\t]{{1,6}}[:：])"  # 时间: 来源: 摘 要: 问:
)


def _is_heading(line: str) -> bool:
    """A numbered heading without a sentence in it (a run-in heading "一、…。正文" is prose)."""
    if _ARTICLE_START.match(line):
        return True
    return bool(_HEADING_START.match(line)) and not _SENTENCE_END.search(line[:-1])


def should_join(previous_line: str, next_line: str) -> bool:
    """Whether ``next_line`` continues the sentence that ``previous_line`` breaks off.

    Conservative: all of the following must hold.

    * the previous line is at least :data:`MIN_WRAPPED_LINE_LENGTH` characters long and contains
      prose punctuation (，。；！？、), so titles ("背景动因", "曲组〔2021〕2号", long headlines) never
      absorb the next line;
    * it does not end in terminal punctuation or a closer (。！？；：…”’）】》 …) and is neither a
      numbered heading without a sentence in it (一、…, （一）…, 第一篇…) nor a metadata line;
    * the next line starts with a CJK character, a Latin letter or digit, an opening bracket or
      quote, or inline punctuation — and not with a heading marker (一、 （一） (一) 1. 1、 （1）
      一是 第一， ① 第一篇) nor as a date or metadata line ("(2021年3月24日)", "时间:", "摘 要:").
    """
    previous = previous_line.strip()
    following = next_line.strip()
    if len(previous) < MIN_WRAPPED_LINE_LENGTH or not following:
        return False
    if previous[-1] in _TERMINAL_END or not _PROSE_PUNCTUATION.search(previous):
        return False
    if _is_heading(previous) or _DATE_OR_METADATA.match(previous):
        return False
    if not _CONTINUATION_START.match(following):
        return False
    return not (_HEADING_START.match(following) or _DATE_OR_METADATA.match(following))


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def rejoin_lines(text: str) -> str:
    """Re-join lines broken inside a sentence (PDF extraction, hard wraps, Markdown conversion).

    A line is joined to the next non-blank line — across at most :data:`MAX_BLANK_LINES_IN_BREAK`
    blank lines — when :func:`should_join` says the sentence continues there:
    "…。机关党\\n\\n建和业务工作…" → "…。机关党建和业务工作…". Two CJK fragments are joined with
    nothing in between, two Latin/digit fragments with a space. A joined line may absorb further
    lines in turn.
    """
    # A single line has nothing to join.
    if "\n" not in text:  # fast path
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        current = lines[index]
        index += 1
        while current.strip():
            look = index
            while look < len(lines) and look - index < MAX_BLANK_LINES_IN_BREAK and not lines[look].strip():
                look += 1
            if look >= len(lines) or not should_join(current, lines[look]):
                break
            head, tail = current.rstrip(), lines[look].lstrip()
            separator = " " if _is_ascii_alnum(head[-1]) and _is_ascii_alnum(tail[0]) else ""
            current = head + separator + tail
            index = look + 1
        out.append(current)
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# collapse_whitespace
# --------------------------------------------------------------------------------------------

_LINE_EDGE_SPACE = re.compile(r"^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$", re.MULTILINE)
_INNER_SPACE = re.compile(r"[ \t\u3000\u00a0]{2,}|[\t\u3000\u00a0]")
# A space between two ideographs goes, except between names: after an organ suffix
# (…组织部 中共…, …工委 关于…) or before 关于 / 中共.
_SPACE_BETWEEN_CJK = re.compile(
    f"(?<=[{_CJK}])(?<![部委厅局办院府处室会网]) (?=[{_CJK}])(?!关于|中共|中国共产党)"
)
_BLANK_LINES = re.compile(r"\n{3,}")
# What the first three patterns above need (_BLANK_LINES needs three newlines).
_SPACE_TRIGGER = re.compile("[ \t\u3000\u00a0]")


def _collapse_inner(match: re.Match[str]) -> str:
    return "\t" if "\t" in match.group() else " "


def collapse_whitespace(text: str) -> str:
    """Tidy whitespace.

    * leading indentation (spaces, tabs, ideographic spaces) and trailing spaces of every line go;
    * runs of spaces inside a line become one space (a run containing a tab becomes one tab,
      which keeps table cells apart);
    * a space between two CJK ideographs is removed ("业务 工作" → "业务工作", "摘 要" → "摘要"),
      except where it separates names: after an organ suffix (部 委 厅 局 办 院 府 处 室 会 网) or
      before 关于 / 中共 ("…组织部 中共…工委 关于…" keeps its spaces); spaces between Latin words
      and next to punctuation stay;
    * three or more newlines become one blank line, and the text is stripped.
    """
    if "\n\n\n" not in text and _SPACE_TRIGGER.search(text) is None:  # fast path
        return text.strip()
    text = _LINE_EDGE_SPACE.sub("", text)
    text = _INNER_SPACE.sub(_collapse_inner, text)
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


# --------------------------------------------------------------------------------------------
# The pipeline
# --------------------------------------------------------------------------------------------

PIPELINE: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("fix_unicode", fix_unicode),
    ("map_radicals", map_radicals),
    ("fold_fullwidth_ascii", fold_fullwidth_ascii),
    ("strip_pinyin", strip_pinyin),
    ("to_simplified", to_simplified),
    ("restore_censored", restore_censored),
    ("strip_truncation_notices", strip_truncation_notices),
    ("strip_boilerplate", strip_boilerplate),
    ("strip_markdown", strip_markdown),
    ("strip_page_numbers", strip_page_numbers),
    ("rejoin_lines", rejoin_lines),
    ("collapse_whitespace", collapse_whitespace),
)
STEP_NAMES: tuple[str, ...] = tuple(name for name, _ in PIPELINE)
_ALL_STEPS: frozenset[str] = frozenset(STEP_NAMES)


def _changed_characters(before: str, after: str) -> int:
    """Positions that differ when the length is unchanged, else the change in length."""
    if len(before) == len(after):
        return sum(map(ne, before, after))
    return abs(len(before) - len(after))


def normalize(text: str, *, steps: Sequence[str] | None = None) -> NormalizedText:
    """Run :data:`PIPELINE` (or the named subset, always in pipeline order) over ``text``.

    Returns the normalised text; ``steps`` maps each step that changed something to the number of
    characters it changed — for a length-preserving step (to_simplified, restore_censored, …) the
    number of positions that differ, otherwise the absolute change in length (characters removed
    or added); ``truncated`` is :func:`is_truncated` of the input.

    Raises :class:`~pipeline.errors.UsageError` for an unknown step name.
    """
    selected: frozenset[str] | set[str]
    if steps is None:
        selected = _ALL_STEPS
    else:
        selected = set(steps)
        unknown = selected.difference(STEP_NAMES)
        if unknown:
            raise UsageError(
                f"unknown normalisation step(s): {', '.join(sorted(unknown))}; "
                f"known: {', '.join(STEP_NAMES)}"
            )
    changes: dict[str, int] = {}
    current = text
    for name, step in PIPELINE:
        if name not in selected:
            continue
        result = step(current)
        if result != current:
            changes[name] = _changed_characters(current, result)
        current = result
    return NormalizedText(text=current, steps=changes, truncated=is_truncated(text))
