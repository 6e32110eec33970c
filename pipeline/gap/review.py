"""The review loop: verdicts an analyst marked in the Excel 匹配 sheet become labelled pairs.

Each reviewed row (one unit × requirement, with its best evidence passage) gives one pair in the
format of ``corpora/annotations/matches.jsonl`` — requirement and passage, ``relevant`` (the passage
shows the unit doing what is required) and ``mention`` — plus what the matcher needs to score the
pair again without the analysis it came from (the requirement's codes, key terms and instrument, the
passage's role, codes and heading flag). ``lzp train --pairs FILE`` recalibrates on them.

| 复核 | pair |
|---|---|
| 同意 | the verdict as it stands: evidenced → relevant; mentioned → mention; no evidence → neither |
| 改为已落实 | relevant |
| 改为仅提及 | mention |
| 改为无证据 | neither |
| 要求拆分有误 | no pair (the requirement item itself is wrong) |
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import UsageError
from pipeline.gap.matching import UnitPassage
from pipeline.gap.requirements import Requirement

REVIEW_SHEET = "匹配"
REVIEW_COLUMN = "复核"
# 复核 value → (relevant, mention); None: no pair.
REVIEW_LABELS: dict[str, tuple[bool, bool] | None] = {
    "改为已落实": (True, False),
    "改为仅提及": (False, True),
    "改为无证据": (False, False),
    "要求拆分有误": None,
}
AGREED = {"evidenced": (True, False), "mentioned": (False, True), "no evidence": (False, False)}
AGREE = "同意"


@dataclass
class ReviewImport:
    """What a reviewed workbook gave."""

    pairs: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why rows gave no pair


def _list(value: Any) -> list[Any]:
    """A list cell of a Parquet table (a NumPy array, a list or nothing) as a list."""
    return [] if value is None or (isinstance(value, float) and pd.isna(value)) else list(value)


def _cell(row: dict[str, Any], *names: str) -> str:
    for name in names:
        value = row.get(name)
        if value is not None and not (isinstance(value, float) and pd.isna(value)) and str(value).strip():
            return str(value).strip()
    return ""


def read_review(workbook: Path, analysis_dir: Path) -> ReviewImport:
    """Labelled pairs from the 复核 column of ``workbook`` (an ``lzp.xlsx``), resolved against the
    tables of the analysis in ``analysis_dir`` that wrote it."""
    if not workbook.is_file():
        raise UsageError(f"no such workbook: {workbook}")
    try:
        sheet = pd.read_excel(workbook, sheet_name=REVIEW_SHEET, dtype=object)
    except ValueError as error:
        raise UsageError(f"{workbook.name}: no sheet {REVIEW_SHEET!r} (is it an lzp.xlsx?)") from error
    tables = analysis_dir / "tables"
    if not (tables / "requirements.parquet").is_file():
        raise UsageError(f"no analysis tables beside {workbook.name}: name the analysis folder with --analysis")
    requirements = {r["requirement_id"]: r for r in pd.read_parquet(tables / "requirements.parquet").to_dict("records")}
    passages = {p["passage_id"]: p for p in pd.read_parquet(tables / "passages.parquet").to_dict("records")}
    tags = {t["passage_id"]: t for t in pd.read_parquet(tables / "tags.parquet").to_dict("records")}
    found = ReviewImport()
    for number, row in enumerate(sheet.to_dict("records"), start=2):
        review = _cell(row, REVIEW_COLUMN)
        if not review:
            continue
        where = f"{REVIEW_SHEET}!{number}"
        status = _cell(row, "status", "状态")
        if review == AGREE:
            label = AGREED.get(status)
        elif review in REVIEW_LABELS:
            label = REVIEW_LABELS[review]
        else:
            raise UsageError(f"{workbook.name} {where}: 复核 {review!r} is not one of {AGREE}, "
                             + ", ".join(REVIEW_LABELS))
        requirement = requirements.get(_cell(row, "要求编号", "requirement_id"))
        evidence = [part.strip() for part in _cell(row, "证据段落", "evidence_passage_ids").split("、") if part.strip()]
        if label is None:
            found.skipped.append(f"{where}: {review}")
            continue
        if requirement is None or not evidence or evidence[0] not in passages:
            found.skipped.append(f"{where}: no evidence passage to label")
            continue
        passage, tag = passages[evidence[0]], tags.get(evidence[0], {})
        relevant, mention = label
        found.pairs.append({
            "requirement_id": requirement["requirement_id"], "requirement_text": requirement["text"],
            "unit": _cell(row, "单位", "unit"), "passage_id": passage["passage_id"],
            "passage_text": passage["text"], "relevant": relevant, "mention": mention,
            "reviewed": review,
            "requirement": {"codes": _list(requirement.get("codes")),
                            "key_terms": _list(requirement.get("key_terms")),
                            "instrument": requirement.get("instrument") or "",
                            "instrument_families": _list(requirement.get("instrument_families"))},
            "passage": {"role": tag.get("role") or "other", "codes": _list(tag.get("codes")),
                        "is_heading": bool(passage.get("is_heading"))},
        })
    return found


def write_pairs(pairs: list[dict[str, Any]], target: Path) -> Path:
    """Add ``pairs`` to the JSON-lines file ``target`` (a pair already there is replaced)."""
    from pipeline.storage import write_text_atomic

    existing = []
    if target.exists():
        existing = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines() if line.strip()]
    keys = {(p["unit"], p["requirement_id"], p["passage_id"]) for p in pairs}
    kept = [p for p in existing if (p["unit"], p["requirement_id"], p["passage_id"]) not in keys]
    lines = [json.dumps(p, ensure_ascii=False) for p in [*kept, *pairs]]
    return write_text_atomic(target, "\n".join(lines) + ("\n" if lines else ""))


def pair_objects(record: dict[str, Any]) -> tuple[Requirement, UnitPassage]:
    """The requirement and passage a reviewed pair record carries, as the matcher scores them."""
    req, psg = record.get("requirement") or {}, record.get("passage") or {}
    requirement = Requirement(
        requirement_id=record["requirement_id"], doc_id="", passage_id="", section_path="", section_title="",
        start=0, end=0, text=record["requirement_text"], codes=tuple(req.get("codes") or ()),
        key_terms=tuple(req.get("key_terms") or ()), instrument=req.get("instrument") or "",
        instrument_families=tuple(req.get("instrument_families") or ()),
    )
    passage = UnitPassage(record["passage_id"], "", record["passage_text"], psg.get("role") or "other",
                          tuple(psg.get("codes") or ()), bool(psg.get("is_heading")))
    return requirement, passage
