"""The reports analysts open (HTML, Markdown, Excel), built from an analysis directory.

Everything is read back from ``DIR/tables/*.parquet`` (written by :mod:`pipeline.reports.tables`), so
the reports can be regenerated from a finished analysis without re-running it. The coverage and
disconnect views are computed with the same SQL that defines the DuckDB views, in an in-memory
database, so the numbers in every report equal the numbers in ``DIR/lzp.duckdb``.

:func:`load_report_data` is the shared model the writers use (see :mod:`pipeline.reports.publish`).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from pipeline.labels import STATUSES
from pipeline.reports.store import TABLE_NAMES, VIEWS

OPTIONAL_TABLES = ("word_frequencies", "collocations")  # written by `lzp stats`, shown when present
MAX_QUOTES = 3
RUN_FILE = "run.json"


_UNSAFE_FILE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*#%&{}$!`\'@+=\[\];,^~\s]+')
_RESERVED_STEMS = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                             *(f"lpt{i}" for i in range(1, 10))})
MAX_STEM_CHARS = 60
OWN_STEMS = ("index", "总报告")  # the report's own files; a unit or document never takes these names


def safe_stem(name: str, fallback: str) -> str:
    """A file stem readable in every file system and URL: the name in NFC with unsafe characters
    (path separators, reserved punctuation, whitespace, markup) replaced by ``_``, at most
    :data:`MAX_STEM_CHARS` characters, never empty, never a reserved device name."""
    text = unicodedata.normalize("NFC", name or "")
    text = _UNSAFE_FILE_CHARS.sub("_", text).strip("._- ")
    text = re.sub(r"_+", "_", text)[:MAX_STEM_CHARS].strip("._- ")
    if not text:
        text = fallback
    if text.lower() in _RESERVED_STEMS:
        text = "_" + text
    return text


def file_stems(names: list[tuple[str, str]], taken: set[str] | None = None) -> dict[str, str]:
    """Unique stems for ``(key, display name)`` pairs, in the order given: the sanitised name, then
    ``name-2``, ``name-3`` … for a later name that sanitises to a stem already taken (compared
    case-insensitively, as on Windows and macOS)."""
    used = {t.lower() for t in (taken or set())} | {t.lower() for t in OWN_STEMS}
    stems: dict[str, str] = {}
    for key, name in names:
        base = safe_stem(name, "未命名")
        stem, number = base, 1
        while stem.lower() in used:
            number += 1
            stem = f"{base}-{number}"
        used.add(stem.lower())
        stems[key] = stem
    return stems


def unit_slug(unit: str) -> str:
    """The file stem of a unit taken alone (no de-duplication): its sanitised name."""
    return safe_stem(unit, "未命名")


def doc_slug(doc_id: str) -> str:
    """A fallback file stem for a document that has no entry in :attr:`ReportData.doc_files`."""
    return "doc-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:10]


_PLAIN_ID = re.compile(r"[A-Za-z0-9_.:-]+")


@lru_cache(maxsize=65_536)
def passage_anchor(passage_id: str) -> str:
    """The HTML id of a passage: the passage id when it is plain ASCII, otherwise a hash."""
    if _PLAIN_ID.fullmatch(passage_id):
        return passage_id
    return "p-" + hashlib.sha1(passage_id.encode("utf-8")).hexdigest()[:12]


def clean(value: Any) -> Any:
    """Parquet scalars as plain Python: NA → None, numpy scalars/arrays → Python values/lists."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.ndarray):
        return [clean(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values (each value as :func:`clean` gives it)."""
    columns = list(frame.columns)
    if not columns:
        return [{} for _ in range(len(frame))]
    values = [column_values(frame.iloc[:, index]) for index in range(len(columns))]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def column_values(series: pd.Series) -> list[Any]:
    """A column as plain Python values, equal to :func:`clean` of each cell, converted column by column:
    numbers and booleans of NumPy columns come out of ``tolist`` already plain, missing values of
    float and text columns become None, and only cells of other columns (lists, nullable numbers)
    go through :func:`clean` one by one."""
    dtype = series.dtype
    values = series.tolist()
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":
        return values
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        return [None if v != v else v for v in values]
    if isinstance(dtype, pd.StringDtype):
        return [v if type(v) is str else clean(v) for v in values]
    return [_plain_array(v) if type(v) is np.ndarray else v if type(v) is str else clean(v) for v in values]


def _plain_array(array: np.ndarray) -> list[Any]:
    """:func:`clean` of a NumPy array (a list cell of a Parquet table)."""
    kind = array.dtype.kind
    if kind in "iubUS":
        return array.tolist()
    if kind == "f":
        return [None if v != v else v for v in array.tolist()]
    return [_plain_array(v) if type(v) is np.ndarray else v if type(v) is str else clean(v) for v in array.tolist()]


def text_of(value: Any) -> str:
    """Any cell as display text ('' for missing, lists joined with 、)."""
    if type(value) is str:
        return value
    value = clean(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(text_of(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def highlight(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut into ``(segment, is_term)`` pieces: every occurrence of a term (longest first,
    non-overlapping) is its own piece. Writers escape each piece and mark the terms."""
    terms = sorted({t for t in terms if t and len(t) >= 2}, key=lambda t: (-len(t), t))
    if not text or not terms:
        return [(text, False)] if text else []
    pattern = _terms_pattern(tuple(terms))
    pieces: list[tuple[str, bool]] = []
    position = 0
    for found in pattern.finditer(text):
        if found.start() > position:
            pieces.append((text[position:found.start()], False))
        pieces.append((found.group(0), True))
        position = found.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


@lru_cache(maxsize=4096)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the terms, longest first, compiled once per term set."""
    return re.compile("|".join(re.escape(t) for t in terms))


def confidence_text(match: dict[str, Any]) -> str:
    """The verdict's confidence as display text, '' when the matches table has none."""
    value = clean(match.get("confidence"))
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{float(value):.2f}"
    return str(value)


def needs_review(match: dict[str, Any]) -> bool:
    """Whether the verdict is flagged for an analyst's review (False when the column is absent)."""
    return bool(clean(match.get("needs_review")))


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


@dataclass
class CodeInfo:
    code: str
    name: str
    definition: str
    recommended: list[str]
    group: str = ""
    group_name: str = ""
    group_kind: str = ""
    colour: str = ""

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


@dataclass
class ReportData:
    """The analysis tables plus the lookups and aggregates every report needs."""

    out_dir: Path
    tables: dict[str, pd.DataFrame]
    units: list[str]
    codes: dict[str, CodeInfo]
    coverage: dict[tuple[str, str], dict[str, Any]]  # (unit, measure) → view row
    disconnects: dict[tuple[str, str], dict[str, Any]]  # (unit, disconnect) → view row
    documents: dict[str, dict[str, Any]]
    passages: dict[str, dict[str, Any]]
    tags: dict[str, dict[str, Any]]
    requirements: list[dict[str, Any]]
    matches: dict[str, list[dict[str, Any]]]  # unit → matches in requirement order
    figures: list[dict[str, Any]]
    initiatives: dict[str, list[dict[str, Any]]]
    unit_docs: dict[str, list[str]]
    manifest: list[dict[str, Any]]
    doc_units: dict[str, str] = field(default_factory=dict)
    run: dict[str, Any] = field(default_factory=dict)  # run.json: tagger mode, codebook, model
    unit_files: dict[str, str] = field(default_factory=dict)  # unit → file stem
    doc_files: dict[str, str] = field(default_factory=dict)  # doc id → file stem

    def unit_file(self, unit: str) -> str:
        """The file stem of a unit's pages (``<stem>.html``, ``.md``, ``.docx``)."""
        return self.unit_files.get(unit) or unit_slug(unit)

    def doc_file(self, doc_id: str) -> str:
        """The file stem of a document's page: its title, sanitised and de-duplicated."""
        return self.doc_files.get(doc_id) or doc_slug(doc_id)

    @cached_property
    def requirement_index(self) -> dict[str, dict[str, Any]]:
        return {r["requirement_id"]: r for r in self.requirements}

    def measures_of(self, requirement: dict[str, Any]) -> list[str]:
        """The measure codes of a requirement, in codebook order ('' when it has none)."""
        codes = set(requirement.get("codes") or [])
        return [m for m in self.measures if m in codes] or [""] if codes else [""]

    def gap_requirements(self) -> list[tuple[dict[str, Any], dict[str, str]]]:
        """Requirements that no unit has evidenced, with each unit's status, in requirement order."""
        statuses: dict[str, dict[str, str]] = {}
        for unit in self.units:
            for match in self.matches.get(unit, []):
                statuses.setdefault(match["requirement_id"], {})[unit] = match["status"]
        return [(r, statuses.get(r["requirement_id"], {})) for r in self.requirements
                if "evidenced" not in statuses.get(r["requirement_id"], {}).values()]

    def unit_matches_by_status(self, unit: str, status: str) -> list[tuple[str, list[dict[str, Any]]]]:
        """A unit's matches of one status grouped by the first measure of their requirement:
        ``[(measure code or '', [match, …]), …]`` in codebook order."""
        requirements = self.requirement_index
        first_measure: dict[str, str] = self.__dict__.setdefault("_first_measure", {})
        groups: dict[str, list[dict[str, Any]]] = {}
        for match in self.matches.get(unit, []):
            if match["status"] != status:
                continue
            requirement_id = match["requirement_id"]
            if requirement_id not in first_measure:
                first_measure[requirement_id] = self.measures_of(requirements.get(requirement_id, {}))[0]
            groups.setdefault(first_measure[requirement_id], []).append(match)
        order = [*self.measures, ""]
        return [(code, groups[code]) for code in order if code in groups]

    def evidence_terms(self, passage_id: str) -> list[str]:
        """The words the tagger matched in a passage (its rule evidence), longest first."""
        cache = self.__dict__.setdefault("_evidence_terms", {})
        if passage_id not in cache:
            cache[passage_id] = self._evidence_terms_of(passage_id)
        return cache[passage_id]

    def _evidence_terms_of(self, passage_id: str) -> list[str]:
        tag = self.tags.get(passage_id) or {}
        raw = tag.get("evidence")
        try:
            items = json.loads(raw) if isinstance(raw, str) and raw else (raw or [])
        except ValueError:
            items = []
        terms = {str(item.get("text") or "") for item in items if isinstance(item, dict)}
        return sorted((t for t in terms if t), key=len, reverse=True)

    @property
    def measures(self) -> list[str]:
        """Codes of the measure groups, in codebook order (the heatmap's columns)."""
        return [code for code, info in self.codes.items() if info.group_kind == "measure"]

    @property
    def problems(self) -> list[str]:
        """Codes of the problem (disconnect) groups, in codebook order."""
        return [code for code, info in self.codes.items() if info.group_kind == "problem"]

    def group_name(self, kind: str) -> str:
        """The name(s) of the codebook's groups of ``kind``, e.g. 六个融合."""
        names = list(dict.fromkeys(info.group_name for info in self.codes.values() if info.group_kind == kind))
        return "、".join(names)

    @property
    def errors(self) -> list[str]:
        """Error-level findings of the analysis (e.g. a yardstick that gave no requirement)."""
        return [str(error) for error in self.run.get("errors") or []]

    @property
    def tagger_note(self) -> str:
        """A warning line for the report header when the tagger ran on rules only, else ''."""
        if self.run.get("tagger_mode") == "rules":
            return str(self.run.get("tagger_note") or "本次分析仅使用规则标注（没有为该编码表训练的模型）。")
        return ""

    @property
    def policy_docs(self) -> list[dict[str, Any]]:
        return [d for d in self.documents.values() if d.get("kind") == "policy"]

    def name(self, code: str) -> str:
        info = self.codes.get(code)
        return info.name if info else code

    def label(self, code: str) -> str:
        return f"{code} {self.name(code)}"

    def share(self, unit: str, measure: str) -> float | None:
        row = self.coverage.get((unit, measure))
        if not row or not row["n_requirements"]:
            return None
        return float(row["n_evidenced"]) / float(row["n_requirements"])

    def disconnect_count(self, unit: str, code: str) -> int:
        row = self.disconnects.get((unit, code))
        return int(row["n_passages"]) if row else 0

    def status_counts(self, unit: str) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for match in self.matches.get(unit, []):
            counts[match["status"]] = counts.get(match["status"], 0) + 1
        return counts

    def location(self, passage_id: str) -> str:
        """Where a passage is: document title (doc id) §section ¶paragraph, page."""
        passage = self.passages.get(passage_id)
        if passage is None:
            return passage_id
        document = self.documents.get(passage["doc_id"], {})
        parts = [f"{document.get('title') or passage['doc_id']}（{passage['doc_id']}）"]
        if passage.get("section_path"):
            parts.append(f"§{passage['section_path']}")
        if passage.get("paragraph") is not None:
            parts.append(f"¶{passage['paragraph']}")
        if passage.get("page") is not None:
            parts.append(f"第{passage['page']}页")
        return " ".join(parts)

    def passage_text(self, passage_id: str) -> str:
        passage = self.passages.get(passage_id)
        return passage["text"] if passage else ""

    def quotes(self, passage_ids: list[str], scores: list[float] | None = None,
               roles: list[str] | None = None, limit: int = MAX_QUOTES) -> list[dict[str, Any]]:
        """Evidence quotes: passage id, text, location, doc id, role, score."""
        result = []
        for index, pid in enumerate(passage_ids[:limit]):
            passage = self.passages.get(pid)
            tag = self.tags.get(pid, {})
            result.append({
                "passage_id": pid,
                "doc_id": passage["doc_id"] if passage else "",
                "text": passage["text"] if passage else "",
                "location": self.location(pid),
                "role": (roles[index] if roles and index < len(roles) else None) or tag.get("role") or "",
                "score": scores[index] if scores and index < len(scores) else None,
            })
        return result

    DISCONNECT_HEADER = ("脱节", "段落数", "问题", "原因", "占问题/原因段落", "平均强度")

    def disconnect_rows(self, unit: str) -> list[tuple[str, list[str], list[str]]]:
        """Per disconnect D1–D6 of a unit: ``(code, plain-text table cells, passage ids strongest first)``.

        Cells are unescaped text; each writer escapes them for its own format.
        """
        rows = []
        for code in self.problems:
            row = self.disconnects.get((unit, code))
            if not row:
                rows.append((code, [self.label(code), "0", "0", "0", "—", "—"], []))
                continue
            cells = [self.label(code), str(row["n_passages"]), str(row["n_problem"]), str(row["n_cause"]),
                     percent(row.get("share_of_problem_passages")), f"{float(row.get('mean_strength') or 0):.2f}"]
            rows.append((code, cells, list(row.get("passage_ids") or [])))
        return rows

    def unit_figures(self, unit: str) -> list[dict[str, Any]]:
        return [f for f in self.figures if f.get("unit") == unit]

    def recommendations(self, unit: str) -> list[dict[str, Any]]:
        """For each disconnect the unit reports: the recommended measures and the unit's coverage of them."""
        result = []
        for code in self.problems:
            row = self.disconnects.get((unit, code))
            if not row:
                continue
            info = self.codes.get(code)
            measures = list(info.recommended) if info else list(row.get("recommended_measures") or [])
            result.append({"disconnect": code, "n_passages": int(row["n_passages"]),
                           "measures": [{"code": m, "name": self.name(m),
                                         "definition": self.codes[m].definition if m in self.codes else "",
                                         "share": self.share(unit, m)} for m in measures]})
        return result


UNITS_PER_PAGE = 100  # above this many units an index keeps the summary and the unit lists are paged
NAMED_UNITS = 20  # units named in one cell (gap requirements, most gaps) before the rest are counted


def unit_list_name(number: int, suffix: str) -> str:
    """The file of the ``number``-th page (from 1) of the unit list: ``units-1.html``, ``units-1.md``."""
    return f"units-{number}{suffix}"


def unit_slices(units: list[str], *, per_page: int = UNITS_PER_PAGE) -> list[list[str]]:
    """The units of each page of the unit list; empty when one index holds them all (at most ``per_page``)."""
    if len(units) <= per_page:
        return []
    return [units[start:start + per_page] for start in range(0, len(units), per_page)]


def measure_totals(data: ReportData) -> list[dict[str, Any]]:
    """Per measure over all units: requirements, units with requirements, mean coverage (None without
    any), units with none and with all of them evidenced."""
    rows = []
    for code in data.measures:
        shares = [share for unit in data.units if (share := data.share(unit, code)) is not None]
        rows.append({
            "code": code,
            "n_requirements": max([(data.coverage.get((u, code)) or {}).get("n_requirements", 0)
                                   for u in data.units] + [0]),
            "n_units": len(shares),
            "mean_share": sum(shares) / len(shares) if shares else None,
            "n_zero": sum(1 for share in shares if share == 0),
            "n_full": sum(1 for share in shares if share == 1),
        })
    return rows


def disconnect_totals(data: ReportData) -> list[dict[str, Any]]:
    """Per disconnect over all units: the units reporting it and their problem/cause passages."""
    rows = []
    for code in data.problems:
        counts = [data.disconnect_count(unit, code) for unit in data.units]
        rows.append({"code": code, "n_units": sum(1 for c in counts if c), "n_passages": sum(counts)})
    return rows


def most_gaps(data: ReportData, *, top: int = NAMED_UNITS) -> list[tuple[str, int, int]]:
    """The ``top`` units with the most requirements without evidence (unit order breaks ties):
    ``(unit, without evidence, requirements)``."""
    counted = [(unit, data.status_counts(unit)["no evidence"], len(data.matches.get(unit, [])))
               for unit in data.units]
    return sorted(counted, key=lambda row: -row[1])[:top]


def _read_tables(tables_dir: Path) -> dict[str, pd.DataFrame]:
    if not tables_dir.is_dir():
        raise FileNotFoundError(f"no analysis tables in {tables_dir}: run `lzp analyze --out DIR` first")
    frames = {}
    for name in TABLE_NAMES:
        path = tables_dir / f"{name}.parquet"
        if not path.exists():
            raise FileNotFoundError(f"missing analysis table {path}")
        frames[name] = pd.read_parquet(path)
    for name in OPTIONAL_TABLES:
        path = tables_dir / f"{name}.parquet"
        if path.exists():
            frames[name] = pd.read_parquet(path)
    return frames


def _views(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The DuckDB views of :mod:`pipeline.reports.tables`, computed in memory from the frames."""
    connection = duckdb.connect(":memory:")
    try:
        for name, frame in frames.items():
            if name in OPTIONAL_TABLES:
                continue
            connection.register(name, frame)
        return {name: connection.execute(sql).df() for name, sql in VIEWS.items()}
    finally:
        connection.close()


def load_report_data(out_dir: Path) -> ReportData:
    """Read an analysis directory into a :class:`ReportData`."""
    out_dir = Path(out_dir)
    frames = _read_tables(out_dir / "tables")
    views = _views(frames)
    codes = {row["code"]: CodeInfo(row["code"], row["name"] or row["code"], row["definition"] or "",
                                   list(row["recommended_measures"] or []), row.get("group") or "",
                                   row.get("group_name") or "", row.get("group_kind") or "", row.get("colour") or "")
             for row in records(frames["codebook"])}
    documents = {row["doc_id"]: row for row in records(frames["documents"])}
    passages = {row["passage_id"]: row for row in records(frames["passages"])}
    tags = {row["passage_id"]: row for row in records(frames["tags"])}
    units_rows = records(frames["units"])
    units = [row["unit"] for row in units_rows]
    unit_docs = {row["unit"]: list(row["doc_ids"] or []) for row in units_rows}
    matches: dict[str, list[dict[str, Any]]] = {}
    for row in records(frames["matches"]):
        matches.setdefault(row["unit"], []).append(row)
        if row["unit"] not in unit_docs:
            units.append(row["unit"])
            unit_docs[row["unit"]] = []
    requirements = records(frames["requirements"])
    order = {row["requirement_id"]: index for index, row in enumerate(requirements)}
    for unit_matches in matches.values():
        unit_matches.sort(key=lambda m: order.get(m["requirement_id"], len(order)))
    initiatives: dict[str, list[dict[str, Any]]] = {}
    for row in records(frames["initiatives"]):
        initiatives.setdefault(row["unit"], []).append(row)
    coverage = {(row["unit"], row["measure"]): row for row in records(views["coverage_by_unit_measure"])}
    disconnects = {(row["unit"], row["disconnect"]): row for row in records(views["disconnects_by_unit"])}
    doc_units = {doc_id: unit for unit, doc_ids in unit_docs.items() for doc_id in doc_ids}
    unit_files = file_stems([(unit, unit) for unit in units])
    doc_files = file_stems([(doc_id, documents[doc_id].get("title") or doc_id) for doc_id in sorted(documents)],
                           taken=set(unit_files.values()))
    return ReportData(
        out_dir=out_dir, tables=frames, units=units, codes=codes, coverage=coverage, disconnects=disconnects,
        documents=documents, passages=passages, tags=tags, requirements=requirements, matches=matches,
        figures=records(frames["figures"]), initiatives=initiatives, unit_docs=unit_docs,
        manifest=records(frames["manifest"]), doc_units=doc_units, run=_read_run(out_dir),
        unit_files=unit_files, doc_files=doc_files,
    )


def _read_run(out_dir: Path) -> dict[str, Any]:
    path = out_dir / RUN_FILE
    if not path.exists():
        return {}
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return {}
