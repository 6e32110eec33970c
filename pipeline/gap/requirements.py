"""Requirement items of a policy document (the yardstick).

Each normative sentence of a policy document becomes one or more items: a sentence is split where a
new clause opens with an obligation verb after a clause that already carried one, and a run of
parallel clauses ending alike (…时必谈，…时必谈，…) yields one item per clause. An item's id is the
document number and section path, ``曲组〔2021〕2号 §5.3`` (third item of section 五).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.segment import read_userdict
from pipeline.tagging.codebook import Codebook

OBLIGATION_VERBS = (
    "建立健全", "选优配强", "认真贯彻落实", "牢固树立", "充分发挥", "强化", "健全", "建立", "坚持", "落实", "推动",
    "推行", "注重", "加强", "完善", "实现", "形成", "开展", "创建", "设定", "配强", "激活", "确保", "做到",
    "发挥", "把", "要", "应", "必须", "严禁", "不得", "防止", "克服", "推进", "加大", "促进", "提高", "增强",
)
_OBLIGATION_START = re.compile("^(?:" + "|".join(map(re.escape, OBLIGATION_VERBS)) + ")")
_OBLIGATION_ANY = re.compile("要(?!求)|应|必须|严禁|不得|确保|坚持|健全|建立|落实|推动|推行|强化|完善|加强|注重|实现|形成|做到|发挥")
# Words every document of this field uses: not distinctive obligation terms.
GENERIC_TERMS = frozenset({
    "业务工作", "党建工作", "党组织", "党员干部", "机关党委", "县直机关", "市直机关", "中心工作", "党的建设", "机关党建",
    "贯彻落实", "基层党组织", "党支部", "深度融合", "融合发展", "两张皮", "领导班子成员", "县委县直机关工委", "县委组织部",
    "机关纪委", "党员", "干部", "业务", "党建",
})
_CLAUSE_SPLIT = re.compile(r"(?<=[，,；;])")
_PARALLEL_MIN = 3


@dataclass(frozen=True)
class Requirement:
    """One obligation of the policy document, located in its normalised text."""

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


def split_obligations(sentence: str) -> list[tuple[int, int]]:
    """Spans of the separate obligations of a normative sentence."""
    clauses: list[tuple[int, int]] = []
    position = 0
    for piece in _CLAUSE_SPLIT.split(sentence):
        if piece:
            clauses.append((position, position + len(piece)))
            position += len(piece)
    if len(clauses) <= 1:
        return [(0, len(sentence))]
    parallel = _parallel_run(sentence, clauses)
    if parallel is not None:
        first, last = parallel
        spans = [(clauses[0][0], clauses[first][1])]  # the lead-in (…要做到) joins the first parallel item
        spans.extend(clauses[first + 1:last + 1])
        if last + 1 < len(clauses):
            spans[-1] = (spans[-1][0], clauses[-1][1])
        return spans
    groups: list[list[tuple[int, int]]] = [[clauses[0]]]
    for clause in clauses[1:]:
        text = sentence[clause[0]:clause[1]]
        current = "".join(sentence[s:e] for s, e in groups[-1])
        if _OBLIGATION_START.match(text) and _OBLIGATION_ANY.search(current) and len(current) >= 8:
            groups.append([clause])
        else:
            groups[-1].append(clause)
    return [(group[0][0], group[-1][1]) for group in groups]


def _parallel_run(sentence: str, clauses: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first and last index of ≥3 consecutive clauses sharing their last two characters."""
    endings = [sentence[s:e].rstrip("，,；;。").strip()[-2:] for s, e in clauses]
    best: tuple[int, int] | None = None
    start = 0
    for index in range(1, len(endings) + 1):
        if index == len(endings) or endings[index] != endings[start] or len(endings[start]) < 2:
            if index - start >= _PARALLEL_MIN and (best is None or index - start > best[1] - best[0] + 1):
                best = (start, index - 1)
            start = index
    return best


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ，,；;":
        start += 1
    while end > start and text[end - 1] in " ，,；;":
        end -= 1
    return start, end


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
) -> list[Requirement]:
    """Requirement items of one policy document.

    ``passages`` are ``(passage_id, start, text, section_path, is_heading)`` in reading order with their
    tagged ``roles`` and ``codes``; headings and passages outside numbered sections are skipped.
    ``rule_codes(text)`` gives the rule codes of an item's own text.
    """
    items: list[Requirement] = []
    counters: dict[str, int] = {}
    for (passage_id, offset, text, section_path, is_heading), role, passage_codes in zip(
        passages, roles, codes, strict=True
    ):
        if is_heading or role != "requirement" or not section_path:
            continue
        top = section_path.split(".")[0]
        for span_start, span_end in split_obligations(text):
            span_start, span_end = _trim(text, span_start, span_end)
            item_text = text[span_start:span_end]
            if len(item_text) < 4:
                continue
            counters[top] = counters.get(top, 0) + 1
            own = set(rule_codes(item_text))
            item_codes = tuple(code for code in codebook.code_ids if code in (own or set(passage_codes)))
            items.append(
                Requirement(
                    requirement_id=f"{doc_label} §{top}.{counters[top]}",
                    doc_id=doc_id,
                    passage_id=passage_id,
                    section_path=section_path,
                    section_title=section_titles.get(top, ""),
                    start=offset + span_start,
                    end=offset + span_end,
                    text=item_text,
                    codes=item_codes,
                    key_terms=key_terms(item_text, codebook),
                )
            )
    return items
