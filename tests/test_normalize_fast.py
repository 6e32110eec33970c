"""The fast paths of :mod:`pipeline.normalize` never change a result.

Every step (and :func:`~pipeline.normalize.is_truncated`, and :func:`~pipeline.normalize.normalize`
as a whole) is run twice on the same input: as it is, and in a reference copy of the module whose
``# fast path`` conditions are replaced by ``False``, which runs every substitution unconditionally,
exactly as before the guards existed. The inputs are the sample corpus, the seeds and the text fixtures — whole texts, lines and
sentences — and deterministic random perturbations that splice in what the steps look for.
"""

from __future__ import annotations

import random
import re
import sys
import types
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

import pipeline.normalize as normalize_module
from pipeline import config
from pipeline.normalize import PIPELINE, is_truncated, normalize

# ------------------------------------------------------------------------------------------
# Reference: the same functions with the guards switched off
# ------------------------------------------------------------------------------------------


_FAST_PATH = re.compile(r"^(\s*)if (.+):  # fast path$", re.M)
_ONLY_WHEN = re.compile(r"^(\s*)if (.+):  # fast path \(only when\)$", re.M)


def _reference_module() -> types.ModuleType:
    """pipeline.normalize with every fast-path condition replaced by False."""
    source = Path(normalize_module.__file__).read_text(encoding="utf-8")
    unguarded, count = _FAST_PATH.subn(r"\1if False:  # fast path", source)
    unguarded, positive = _ONLY_WHEN.subn(r"\1if True:  # fast path (only when)", unguarded)
    assert count >= 10 and positive >= 2, "the fast-path guards are marked '# fast path' in pipeline/normalize.py"
    module = types.ModuleType("normalize_reference")
    module.__file__ = normalize_module.__file__
    sys.modules[module.__name__] = module  # dataclasses resolve their module while the source runs
    try:
        exec(compile(unguarded, "normalize_reference", "exec"), module.__dict__)  # noqa: S102 - the project's own source
    finally:
        del sys.modules[module.__name__]
    return module


REFERENCE = _reference_module()


def _unguarded(function: Callable[[str], object], text: str) -> object:
    return getattr(REFERENCE, function.__name__)(text)


FUNCTIONS: dict[str, Callable[[str], object]] = {
    **dict(PIPELINE),
    "is_truncated": is_truncated,
    "normalize": normalize,
}

# ------------------------------------------------------------------------------------------
# Inputs
# ------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _pieces(texts: list[str]) -> list[str]:
    """Each text whole, each of its lines (``\\r`` kept) and each of its sentences, once."""
    pieces: dict[str, None] = {}
    for text in texts:
        pieces[text] = None
        pieces.update(dict.fromkeys(text.split("\n")))
        pieces.update(dict.fromkeys(_SENTENCE.findall(text)))
    return list(pieces)


def _files(folder: Path, *patterns: str) -> list[str]:
    if not folder.is_dir():
        return []
    return [_read(path) for pattern in patterns for path in sorted(folder.glob(pattern))]


@cache
def _sample() -> tuple[str, ...]:
    texts = _files(config.SAMPLE_DIR, "*")
    lines = [line for text in texts for line in text.split("\n")]
    # The benchmark's passages: every line with a numbered bracket appended.
    passages = [f"{line}（{index}）" for index, line in enumerate(lines)]
    return tuple(_pieces(texts) + passages)


@cache
def _seeds() -> tuple[str, ...]:
    return tuple(_pieces(_files(config.SEEDS_DIR, "*.txt")))


@cache
def _fixtures() -> tuple[str, ...]:
    return tuple(_pieces(_files(config.FIXTURES_DIR, "*.txt", "*.html")))


_FALLBACK_SENTENCES = (
    "为深入学习贯彻习近平新时代中国特色社会主义思想，全面提高机关党建质量，现提出如下意见。",
    "推动机关党建和业务工作深度融合，是破解“两张皮”问题的关键所在。",
    "The committee, which met in March, discussed party building and business work.",
    "一、牢固树立机关党建和业务工作融合发展的理念",
)

# What the steps look for, and things that look like it.
_FRAGMENTS = (
    # markdown
    "# ", "## ", "### 标题 ###", "\n# 标题\n", "#没有空格", "**", "**加粗**", "__重点__", "__", "*", "*县",
    "“*”", " *Party building* ", "\n*整行斜体*\n", "---", "\n---\n", "\n- - -\n", "\n***\n", "\n___\n",
    "_", "[通知](https://example.org/a.html)", "[x](http://x.cn)", "[本地](/a)", "![图](img.png)",
    "[不是链接]", "](", "1*2*3",
    # pinyin
    "党(dǎng)", "機(jī)關(guān)", "機（jī）關（guān）", "(ji1)", "日?qǐng)?bào)", "?(bào)", "?bào)", "?", "(PDF)", "(an)",
    "(jī)", "（一）", "(2021年3月24日)", "來(lái)源", "(bao4)", "(zhōng guó)",
    # censored
    "X建", "X员", "X员工", "X组", "X委", "X的", "X支部", "ZZ", "ＺＺ", "Ｘ建", "第X组", "AX建", "3X建", "XX市",
    "ZZTOP", "xx建", "zz", "X", "Z",
    # traditional
    "黨", "機關", "與", "於", "乾隆", "著", "報", "河南機關黨建網",
    # full-width and ideographic space
    "２０２１年３月２４日", "ＸＸ市", "＋", "－", "／", "～", "ＡＢＣ", "ａｂｃ", "％", "，", "（", "）", "\u3000",
    # truncation notices and paywall markers
    "……(新文秘网http://www.wm114.cn省略922字,正式会员可完整阅读)……", "(省略 3 字)", "(省略300字)",
    "（新文秘网省略922字，正式会员可完整阅读）", "(未完", "（未完待续）", "(未完)", "未完", "未完成", "全文共7376字",
    "(未完,全文共7376字,当前仅显示2590字,请阅读下面提示信息。收藏《某报告》", "当前仅显示100字", "當前僅顯示 12 字",
    "\n点击查看全文\n", "\n余下全文请下载\n", "點擊查看全文", "\n阅读全文\n", "閱讀全文件", "查看全文", "全文",
    "正式會員可完整閱讀", "##paidbegin##", "## paid end ##", "##PAIDBEGIN##", "##", "#",
    # site chrome, table of contents, teasers
    "\n您的位置:首页>>正文\n", "\n当前位置：首页\n", "\n发表时间:2023/12/2 15:54:37\n", "\n分享到:\n", "\n分享到\n",
    "\nCopyright © 2023 wm114.cn\n", "\ncopyrıght 2023\n", "\nCOPYRİGHT\n", "\n©\n", "\n版权所有：某机关\n",
    "\n上一篇：某某\n", "\n相关链接\n", "\n打印本页\n", "\n【打印】\n", "\n目录/提纲:……\n一、基本情况\n二、做法\n……\n",
    "\n目录\n", "\n提 纲：\n", "\n……\n", "...", "…", "……",
    # page numbers
    "\n— 3 —\n", "\n- 12 -\n", "\n－ 12 －\n", "\n-3-\n", "\n第3页\n", "\n第 3 页 共10页\n", "\n共10页 第3页\n",
    "\n3/10\n", "3/10", "第3页", "— 15 —", "——", "2023-04-10", "/",
    # whitespace and line breaks
    " ", "  ", "\t", "\u3000\u3000", "\u00a0", "\u202f", "\u2007", "\n", "\n\n", "\n\n\n", "\n\n\n\n", " \n",
    "\r\n", "\r",
    # invisible and special characters
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f",
    "\x85", "\x9f", "\u2028", "\u2029", "e\u0301", "\uf9dc", "\u212a",
    # joinable headings and numbers
    "一、", "（二）", "1.", "①", "第一篇", "一是", "时间:", "，", "。",
)
_RADICALS = [chr(code) for code in range(0x2E80, 0x2FE0)]  # both blocks, unassigned code points too


def _fragment(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        return rng.choice(_RADICALS)
    if roll < 0.12:
        return chr(rng.randint(0xFF00, 0xFF65))  # any half/full-width form
    if roll < 0.16:
        return chr(rng.choice((rng.randint(0x00, 0xBF), rng.randint(0x2000, 0x206F))))
    return rng.choice(_FRAGMENTS)


def _splice(rng: random.Random, base: str) -> str:
    text = base
    for _ in range(rng.randint(1, 4)):
        position = rng.randint(0, len(text))
        text = text[:position] + _fragment(rng) + text[position:]
    return text


def _teaser(rng: random.Random, base: str) -> str:
    """A line cut off with "..." / "…" and repeated below it (sometimes not quite)."""
    cut = rng.randint(5, max(5, len(base)))
    ending = rng.choice(("...", "…", "……", "..."))
    repeated = base if rng.random() < 0.8 else base[1:]
    return f"{base[:cut]}{ending}\n{repeated}"


@cache
def _perturbed() -> tuple[str, ...]:
    bases = [piece for piece in (*_sample(), *_seeds()) if 5 <= len(piece) <= 200] or list(_FALLBACK_SENTENCES)
    bases.sort()
    texts: list[str] = []
    for seed in range(400):
        rng = random.Random(seed)
        base = rng.choice(bases)
        if seed % 4 == 0:  # several sentences, so line-based patterns see several lines
            base = "\n".join(rng.choice(bases) for _ in range(rng.randint(2, 4)))
        texts.append(_splice(rng, base))
        if seed % 5 == 0:
            texts.append(_teaser(rng, base))
    for seed in range(400, 700):  # short random soups, where start and end of text matter
        rng = random.Random(seed)
        texts.append("".join(_fragment(rng) if rng.random() < 0.6 else rng.choice("机关党建业务工作的。，")
                             for _ in range(rng.randint(1, 8))))
    return tuple(texts)


SOURCES: dict[str, Callable[[], tuple[str, ...]]] = {
    "sample": _sample,
    "seeds": _seeds,
    "fixtures": _fixtures,
    "perturbed": _perturbed,
}

# ------------------------------------------------------------------------------------------
# Tests
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("function_name", list(FUNCTIONS))
@pytest.mark.parametrize("source", list(SOURCES))
def test_guards_never_change_a_result(source: str, function_name: str) -> None:
    texts = SOURCES[source]()
    if not texts:
        pytest.skip(f"no {source} texts available")
    function = FUNCTIONS[function_name]
    mismatches = [text for text in texts if function(text) != _unguarded(function, text)]
    assert not mismatches, (
        f"{function_name}: {len(mismatches)} of {len(texts)} {source} inputs differ, e.g. {mismatches[0]!r}: "
        f"{function(mismatches[0])!r} != {_unguarded(function, mismatches[0])!r}"
    )


@pytest.mark.parametrize(
    "steps",
    [["strip_boilerplate"], ["restore_censored", "collapse_whitespace"], ["strip_pinyin", "to_simplified"],
     ["fix_unicode", "strip_markdown", "rejoin_lines"]],
)
def test_guards_never_change_a_subset_run(steps: list[str]) -> None:
    for text in _perturbed():
        expected = REFERENCE.normalize(text, steps=steps)
        assert normalize(text, steps=steps) == expected, text


def test_perturbations_exercise_every_step() -> None:
    """The random inputs do reach every step's slow path (and change something there)."""
    changed: set[str] = set()
    for text in _perturbed():
        changed.update(normalize(text).steps)
    assert changed == set(dict(PIPELINE))
    assert any(is_truncated(text) for text in _perturbed())


def test_the_reference_really_skips_no_work() -> None:
    """The reference runs the slow path: a guard that wrongly skipped work would show as a difference."""
    text = "机关党\n建"  # nothing for fix_unicode's replacements; the reference still runs them
    assert REFERENCE.fix_unicode(text) == normalize_module.fix_unicode(text)
    assert "# fast path" in Path(normalize_module.__file__).read_text(encoding="utf-8")
    assert not _FAST_PATH.search(Path(normalize_module.__file__).read_text(encoding="utf-8").replace(
        "  # fast path", "  # fast-path-removed")), "the pattern only matches marked guards"


@pytest.mark.parametrize(
    ("table", "trigger"),
    [("_RADICAL_TABLE", "_RADICAL"), ("_FULLWIDTH_TABLE", "_FULLWIDTH"), ("_SPACE_LIKE", "_UNICODE_TRIGGER")],
)
def test_translate_triggers_cover_their_tables(table: str, trigger: str) -> None:
    pattern = getattr(normalize_module, trigger)
    assert all(pattern.search(chr(code)) for code in getattr(normalize_module, table))
