"""Requirement items of a normative yardstick (意见, 实施意见, 通知, 方案, 工作要点, 讲话).

Every obligation of the yardstick becomes one item with its actor (who must act), its instrument (the
thing to be done) and its section path (一、/（一）/1. headings, and 第一/第二, 一是/二是 in speeches).

A sentence is cut into clauses at commas and semicolons; a new item opens at a clause that starts
(after an optional actor) with an obligation verb while the open item already carries one. A clause
that only states a purpose or result (促进…, 确保不折不扣贯彻落实, 推动…深度融合, 形成…一盘棋) joins the item
before it unless it names an instrument of its own; a clause naming no instrument and made only of
slogan words is no item at all. A run of ≥3 parallel clauses ending alike (…时必谈 ×6) is one item.

Instruments are the families of ``corpora/lexicon/instruments.yaml``; an obligation naming none keeps
its verb–object phrase as instrument. An item's id is the document label and section path,
``曲组〔2021〕2号 §5.3`` (third item of section 五).

A yardstick that yields no item is an error: :func:`extract_requirements` logs it at error level and
:func:`missing_requirements_message` gives the text to show.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline import config
from pipeline.segment import read_userdict
from pipeline.tagging.codebook import Codebook

log = logging.getLogger("lzp")

# Words every document of this field uses: not distinctive obligation terms.
GENERIC_TERMS = frozenset({
    "业务工作", "党建工作", "党组织", "党员干部", "机关党委", "县直机关", "市直机关", "中心工作", "党的建设", "机关党建",
    "贯彻落实", "基层党组织", "党支部", "深度融合", "融合发展", "两张皮", "领导班子成员", "县委县直机关工委", "县委组织部",
    "机关纪委", "党员", "干部", "业务", "党建",
})
_CLAUSE_SPLIT = re.compile(r"(?<=[，,；;：:])")
_PARALLEL_MIN = 3
_STRONG_MODAL = re.compile(r"(?<![重主需只纲概摘])要(?!求|点|素|害|事|闻|务|件)|必须|应当|务必|严禁|不得|不准|不能")
_ACTOR = re.compile(
    r"^(?P<actor>[\u4e00-\u9fff（）()、“”]{0,40}?(?:党组|党委|支部|总支|机关|单位|部门|成员|干部|党员|书记|负责人|组织|工委|班子|"
    r"委员|同志|我们|大家|各级|全县|全市|全省|局|委|办|科室|窗口|中心组))(?:（[^）]*）)?(?:都|均|也|还)?"
    r"(?:要|必须|应当|应|务必|须)(?!求)"
)
_INLINE_MARK = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|[①-⑳])[，,、：:]?")
_SPEECH_MARK = re.compile(r"^[一二三四五六七八九十]+要")
_NON_NORMATIVE_ROLES = frozenset({"problem", "cause"})  # a yardstick's plans may read as practice (工作要点)
# An account of what was done (过去一年…取得了…, counts): background of a speech or notice, not a norm.
PAST_ACCOUNT = re.compile(r"近年来|今年以来|去年以来|过去一年|一年来|先后|累计|共计|取得了|形成了|推动了|实现了|完成了|开展了|"
                          r"作了|举办了|建立了")
# … and in unit reports also counts of what was done (培训300余人次, 命名9个示范点).
ACCOUNT = re.compile(PAST_ACCOUNT.pattern + r"|\d+(?:个|名|次|人次|人|期|家|项)")
# Words of higher authorities quoted in a speech (习近平总书记强调，要…): context, not the yardstick's norms.
_QUOTED = re.compile(r"^[^，。；]{0,12}(?:习近平|总书记|党中央|中央|上级)[^，。；]{0,12}(?:强调|指出|要求|提出|号召|明确)[，,：:“]")
# Preambles of opinions and notices (为…，现就…提出如下意见) announce the norms; they are not norms.
_PREAMBLE = re.compile(r"现就|提出如下|如下意见|特制定|制定本|现提出|现将|通知如下|意见如下")
_ADVERBS = re.compile(r"^(?:认真|切实|进一步|积极|主动|经常|不断|持续|深入|扎实|大力|全面|着力|努力|始终|严格|自觉|及时|真正|充分)+")
_PLACES = re.compile(r"全县|全市|全省|全区|各单位|各部门|各级")
_PUNCT = re.compile(r"[\s，,；;：:。！？、“”\"'（）()《》【】…—-]")


@dataclass(frozen=True)
class Requirement:
    """One obligation of the yardstick, located in its normalised text."""

    requirement_id: str
    doc_id: str
    passage_id: str
    section_path: str
    section_title: str
    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    key_terms: tuple[str, ...]
    actor: str = ""  # who must act (领导班子成员, 各部门党组（党委）), "" when the text names nobody
    instrument: str = ""  # the thing to be done: an instrument family's name, or the verb–object phrase
    instrument_families: tuple[str, ...] = ()  # ids in corpora/lexicon/instruments.yaml, main one first


@dataclass(frozen=True)
class InstrumentFamily:
    """Words units use for one instrument; a term ``A+B`` needs both parts."""

    family_id: str
    name: str
    code: str
    terms: tuple[tuple[str, ...], ...]

    def hits(self, text: str) -> tuple[str, ...]:
        """The terms of this family found in ``text`` (``A+B`` reported as written)."""
        return tuple("+".join(parts) for parts in self.terms if all(part in text for part in parts))

    def first_position(self, text: str) -> int:
        """Where the family is first named: a term ``A+B`` counts at its head ``A``."""
        positions = [text.find(parts[0]) for parts in self.terms if all(part in text for part in parts)]
        return min(positions) if positions else -1


@dataclass(frozen=True)
class Lexicon:
    families: tuple[InstrumentFamily, ...]
    slogans: tuple[str, ...]
    obligation_verbs: tuple[str, ...]
    obligation_start: re.Pattern[str]
    purpose_start: re.Pattern[str]
    result_start: re.Pattern[str]

    def family(self, family_id: str) -> InstrumentFamily | None:
        return next((f for f in self.families if f.family_id == family_id), None)

    def families_in(self, text: str) -> tuple[str, ...]:
        """Ids of the families named in ``text``, in order of first mention."""
        found = [(f.first_position(text), f.family_id) for f in self.families]
        return tuple(family_id for position, family_id in sorted(found) if position >= 0)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = config.INSTRUMENTS_PATH) -> Lexicon:
    """Instrument families and clause vocabularies from ``instruments.yaml``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    families = tuple(
        InstrumentFamily(entry["id"], entry["name"], entry.get("code", ""),
                         tuple(tuple(part for part in str(term).split("+") if part) for term in entry["terms"]))
        for entry in data["families"]
    )
    return Lexicon(
        families=families,
        slogans=tuple(sorted(data.get("slogans", ()), key=len, reverse=True)),
        obligation_verbs=tuple(sorted(data["obligation_verbs"], key=len, reverse=True)),
        obligation_start=re.compile("^(?:" + _alternation(data["obligation_verbs"]) + ")"),
        purpose_start=re.compile("^(?:" + _alternation(data["purpose_verbs"]) + ")"),
        result_start=re.compile("^(?:" + _alternation(data["result_verbs"]) + ")"),
    )


@lru_cache(maxsize=1)
def _lexicon_terms() -> tuple[str, ...]:
    return tuple(sorted({word for word, _, _ in read_userdict() if len(word) >= 3}, key=len, reverse=True))


def key_terms(text: str, codebook: Codebook) -> tuple[str, ...]:
    """Domain terms of ``text`` (lexicon and codebook terms), longest first, without terms contained in a
    longer one already found."""
    candidates = sorted(
        {*_lexicon_terms(), *(term for entry in codebook.codes.values() for term in entry.terms if len(term) >= 2)},
        key=len, reverse=True,
    )
    found: list[str] = []  # generic terms included, so that their parts are not picked up either
    for term in candidates:
        if term in text and not any(term in longer for longer in found):
            found.append(term)
    return tuple(sorted((term for term in found if term not in GENERIC_TERMS), key=text.find))


def split_actor(clause: str) -> tuple[str, str]:
    """``(actor, rest)``: the subject before 要/必须/应当 when it names an organ or a person."""
    match = _ACTOR.match(clause)
    if match is None:
        return "", clause
    actor = match.group("actor")
    for prefix in ("全县县直机关", "全市市直机关", "县直机关", "市直机关"):
        if actor.startswith(prefix) and len(actor) > len(prefix) + 1:
            actor = actor[len(prefix):]
    return actor.strip("、，, "), clause[match.end():]


def _body(clause: str) -> str:
    """The clause without actor, modal and leading adverbs: what the clause asks for."""
    clause = _INLINE_MARK.sub("", clause.strip(), count=1)
    clause = _SPEECH_MARK.sub("", clause, count=1)
    _, rest = split_actor(clause)
    rest = _ADVERBS.sub("", rest.lstrip("要"))
    return rest


def opens_obligation(clause: str, lexicon: Lexicon | None = None) -> bool:
    """Does the clause open (after an actor and adverbs) with an obligation verb or modal?"""
    lexicon = lexicon or load_lexicon()
    stripped = _INLINE_MARK.sub("", clause.strip(), count=1)
    if _SPEECH_MARK.match(stripped):
        return True
    actor, rest = split_actor(stripped)
    if actor:
        return True
    return bool(lexicon.obligation_start.match(rest) or _ADVERBS.match(rest))


def is_slogan(clause: str, lexicon: Lexicon | None = None) -> bool:
    """A clause naming no instrument whose object is only slogan and generic words."""
    lexicon = lexicon or load_lexicon()
    if lexicon.families_in(clause):
        return False
    rest = _body(clause)
    for word in (*lexicon.slogans, *sorted(GENERIC_TERMS, key=len, reverse=True), *lexicon.obligation_verbs):
        rest = rest.replace(word, "")
    rest = _PLACES.sub("", rest)
    rest = re.sub(r"\d+年?", "", rest)
    rest = _PUNCT.sub("", rest)
    rest = re.sub(r"[和与及的了在中上下为把将对以等]", "", rest)
    return len(rest) < 4


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in _CLAUSE_SPLIT.split(sentence):
        if piece:
            spans.append((position, position + len(piece)))
            position += len(piece)
    return spans


def _parallel_runs(sentence: str, clauses: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """First and last index of every run of ≥3 consecutive clauses sharing their last two characters."""
    endings = [sentence[s:e].rstrip("，,；;。").strip()[-2:] for s, e in clauses]
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(endings) + 1):
        if index == len(endings) or endings[index] != endings[start] or len(endings[start]) < 2:
            if index - start >= _PARALLEL_MIN:
                runs.append((start, index - 1))
            start = index
    return runs


def split_obligations(sentence: str, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """Spans of the separate obligations of a normative sentence (slogan-only spans left out).

    A purpose or result clause stays with the obligation it serves; a clause whose instruments the
    previous item already names continues that item (…制度，…要谈心谈话，要做到…时必谈 is one item), and
    an item naming no instrument takes in the next one when that names no actor of its own.
    """
    lexicon = lexicon or load_lexicon()
    clauses = _clauses(sentence)
    if not clauses:
        return []
    in_run: set[int] = set()
    for first, last in _parallel_runs(sentence, clauses):
        in_run.update(range(first + 1, last + 1))  # a parallel list continues the clause that opens it
    groups: list[list[int]] = [[0]]
    for index in range(1, len(clauses)):
        text = sentence[clauses[index][0]:clauses[index][1]]
        stripped = _INLINE_MARK.sub("", text.strip(), count=1)
        current = "".join(sentence[clauses[i][0]:clauses[i][1]] for i in groups[-1])
        own = lexicon.families_in(text)
        new_first = bool(own) and own[0] not in lexicon.families_in(current)
        if index in in_run or len(current) < 8:
            groups[-1].append(index)
        elif lexicon.purpose_start.match(stripped):
            groups[-1].append(index)
        elif lexicon.result_start.match(stripped) and not new_first:
            groups[-1].append(index)
        elif opens_obligation(text, lexicon):
            groups.append([index])
        else:
            groups[-1].append(index)
    spans = [(clauses[group[0]][0], clauses[group[-1]][1]) for group in groups]
    items: list[tuple[int, int]] = []
    previous_families: set[str] = set()
    previous_actor = ""
    for start, end in spans:
        text = sentence[start:end]
        if is_slogan(text, lexicon):
            continue
        _, families = instrument_of(text, lexicon)
        actor, _ = split_actor(_INLINE_MARK.sub("", text.strip(), count=1))
        if items and families and (
            (set(families) <= previous_families and not (actor and previous_actor and actor != previous_actor))
            or (not previous_families and not actor)
        ):
            items[-1] = (items[-1][0], end)
            previous_families |= set(families)
            previous_actor = previous_actor or actor
            continue
        items.append((start, end))
        previous_families, previous_actor = set(families), actor
    return items


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ，,；;：:":
        start += 1
    while end > start and text[end - 1] in " ，,；;：:":
        end -= 1
    return start, end


def instrument_of(text: str, lexicon: Lexicon | None = None) -> tuple[str, tuple[str, ...]]:
    """``(instrument, family_ids)`` of an obligation: the main family's name, else the verb–object phrase.

    Purpose clauses (促进…, 努力使…) do not lend their families to the item.
    """
    lexicon = lexicon or load_lexicon()
    core = text
    for start, end in _clauses(text)[1:]:
        clause = _INLINE_MARK.sub("", text[start:end].strip(), count=1)
        if lexicon.purpose_start.match(clause):
            core = text[:start]
            break
    families = lexicon.families_in(core)
    if families:
        family = lexicon.family(families[0])
        return (family.name if family else families[0]), families
    body = _body(core)
    body = re.split(r"[，,；;。]", body, maxsplit=1)[0]
    return body[:30], ()


def requirements_error(items: Sequence[Requirement], doc_label: str) -> str | None:
    """The error to show (terminal, report) when a yardstick gave no item, else ``None``."""
    return None if items else missing_requirements_message(doc_label)


def missing_requirements_message(doc_label: str) -> str:
    """The message shown when a yardstick yields no requirement item."""
    return (f"no requirement found in the yardstick {doc_label}: it has no obligation (要/必须/坚持/健全/建立/确保/"
            "严禁/不得/切实/着力/推动 …) outside headings; every requirement of the gap report would be empty")


def extract_requirements(
    *,
    doc_id: str,
    doc_label: str,
    passages: Sequence[tuple[str, int, str, str, bool]],
    roles: Sequence[str],
    codes: Sequence[Sequence[str]],
    section_titles: dict[str, str],
    codebook: Codebook,
    rule_codes: Callable[[str], set[str]],
    lexicon: Lexicon | None = None,
) -> list[Requirement]:
    """Requirement items of one yardstick.

    ``passages`` are ``(passage_id, start, text, section_path, is_heading)`` in reading order with their
    tagged ``roles`` and ``codes``. Titles (一、…, （一）…) are skipped; inline items of speeches (第一，要…,
    一是…) are read. Passages tagged practice, problem or cause are read only when they carry a modal
    (要, 必须, 应当 …). ``rule_codes(text)`` gives the rule codes of an item's own text. No item at all is
    logged at error level (see :func:`missing_requirements_message`).
    """
    lexicon = lexicon or load_lexicon()
    items: list[Requirement] = []
    heading_items: set[int] = set()
    counters: dict[str, int] = {}
    paths = speech_paths([(text, section_path, is_heading) for _, _, text, section_path, is_heading in passages])
    speech = paths != [section_path for _, _, _, section_path, _ in passages]
    titles = {} if speech else dict(section_titles)
    for (passage_id, offset, text, _, is_heading), section_path, role, passage_codes in zip(
        passages, paths, roles, codes, strict=True
    ):
        inline = bool(_INLINE_MARK.match(text.strip()) or _SPEECH_MARK.match(text.strip()))
        stated = is_heading and not inline and _is_stated_heading(text, lexicon)
        if is_heading and not inline and not stated:
            continue
        if speech and section_path and "." not in section_path and _SPEECH_TOP.match(text.strip()):
            titles.setdefault(section_path, _INLINE_MARK.sub("", text.strip(), count=1).rstrip("。；;！"))
        if inline and _is_point_title(text, lexicon):
            continue
        if role in _NON_NORMATIVE_ROLES and not _STRONG_MODAL.search(text):
            continue
        if _PREAMBLE.search(text) or _QUOTED.match(text.strip()) or (
            PAST_ACCOUNT.search(text) and not _STRONG_MODAL.search(text)
        ):
            continue
        top = section_path.split(".")[0] if section_path else "0"
        actor = ""
        body_offset = 0
        if stated:
            marker = _LOWER_MARK.match(text)
            body_offset = marker.end() if marker else 0
        for span_start, span_end in split_obligations(text[body_offset:], lexicon):
            span_start, span_end = _trim(text, span_start + body_offset, span_end + body_offset)
            item_text = text[span_start:span_end]
            if len(item_text) < 4 or not _is_normative(item_text, lexicon, policy_norm=True):
                continue
            own_actor = next((found for s, e in _clauses(item_text)
                              if (found := split_actor(_INLINE_MARK.sub("", item_text[s:e].strip(), count=1))[0])), "")
            actor = own_actor or actor
            instrument, families = instrument_of(item_text, lexicon)
            counters[top] = counters.get(top, 0) + 1
            own = set(rule_codes(item_text))
            item_codes = tuple(code for code in codebook.code_ids if code in (own or set(passage_codes)))
            if stated:
                heading_items.add(len(items))
            items.append(
                Requirement(
                    requirement_id=f"{doc_label} §{top}.{counters[top]}",
                    doc_id=doc_id,
                    passage_id=passage_id,
                    section_path=section_path,
                    section_title=titles.get(top, ""),
                    start=offset + span_start,
                    end=offset + span_end,
                    text=item_text,
                    codes=item_codes,
                    key_terms=key_terms(item_text, codebook),
                    actor=actor,
                    instrument=instrument,
                    instrument_families=families,
                )
            )
    items = _drop_covered_headings(items, heading_items)
    if not items:
        log.error("%s", missing_requirements_message(doc_label))
    return items


_LOWER_MARK = re.compile(r"^\s*(?:[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|\d{1,2}[.．、])\s*")


def _is_stated_heading(text: str, lexicon: Lexicon) -> bool:
    """A lower-level numbered heading ((一), 1., (1)) that states an obligation of its own: in 工作要点 and
    方案 the heading is often the task itself (（一）落实“第一议题”制度). Titles 一、… never are."""
    marker = _LOWER_MARK.match(text)
    if marker is None:
        return False
    body = text[marker.end():]
    return bool(lexicon.families_in(body)) or (len(body) >= 20 and _is_normative(body, lexicon))


def _drop_covered_headings(items: list[Requirement], heading_items: set[int]) -> list[Requirement]:
    """A task heading is left out when its section's own sentences give items with its instrument (or
    when it names none and they give any): the sentences say it in full."""
    keep = []
    for index, item in enumerate(items):
        if index in heading_items:
            others = [other for j, other in enumerate(items)
                      if j != index and j not in heading_items and other.section_path == item.section_path]
            main = item.instrument_families[:1]
            if others and (not main or any(main[0] in other.instrument_families for other in others)):
                continue
        keep.append(item)
    if len(keep) == len(items):
        return items
    counters: dict[str, int] = {}
    renumbered = []
    for item in keep:  # ids stay consecutive within each top section
        label, _, path = item.requirement_id.rpartition(" §")
        top = path.split(".")[0]
        counters[top] = counters.get(top, 0) + 1
        renumbered.append(replace(item, requirement_id=f"{label} §{top}.{counters[top]}"))
    return renumbered


_SPEECH_TOP = re.compile(r"^第([一二三四五六七八九十]+)[，,、：:]")
_SPEECH_SUB = re.compile(r"^([一二三四五六七八九十]+)是")
_NUMBERED_TITLE = re.compile(r"^[一二三四五六七八九十]+、")


def speech_paths(passages: Sequence[tuple[str, str, bool]]) -> list[str]:
    """Section paths of ``(text, section_path, is_heading)`` passages, with the points of a speech.

    The outline gives 第一/第二 and 一是/二是 the same rank and closes them with their paragraph, so in a
    speech (no 一、 headings, points opened by 第一，…) the sentences after a point lose their place and
    一是 under 第二 reads as section 1. Here a 第N point opens section N until the next point, and 一是…
    opens N.1 under it. Documents with 一、 headings keep the outline's paths.
    """
    if any(_NUMBERED_TITLE.match(text.strip()) for text, _, heading in passages if heading) or not any(
        _SPEECH_TOP.match(text.strip()) for text, _, _ in passages
    ):
        return [path for _, path, _ in passages]
    from pipeline.structure import chinese_to_int

    top = sub = 0
    paths = []
    for text, _, _ in passages:
        stripped = text.strip()
        if match := _SPEECH_TOP.match(stripped):
            top, sub = chinese_to_int(match.group(1)), 0
        elif (match := _SPEECH_SUB.match(stripped)) and top:
            sub = chinese_to_int(match.group(1))
        paths.append("" if not top else f"{top}.{sub}" if sub else str(top))
    return paths


def _is_point_title(text: str, lexicon: Lexicon) -> bool:
    """A numbered point that only announces its theme (第一，要提高政治站位。): a title, not an item."""
    body = _INLINE_MARK.sub("", text.strip(), count=1)
    return not lexicon.families_in(body) and len(body) <= 40


def _is_normative(item_text: str, lexicon: Lexicon, *, policy_norm: bool = False) -> bool:
    """An item must ask for something: a modal, an obligation verb opening one of its clauses, or (in the
    yardstick) an instrument stated as the rule (纪委书记…按正职或副职干部配备; 党建述职与业务考核同步开展)."""
    if _STRONG_MODAL.search(item_text):
        return True
    if policy_norm and lexicon.families_in(item_text):
        return True
    return any(opens_obligation(item_text[s:e], lexicon) for s, e in _clauses(item_text))
