"""REFI-QDA (``.qdpx``) export of an analysis and import of a coded project back into gold format.

A ``.qdpx`` file is a zip holding ``project.qde`` (QDA-XML, namespace ``urn:QDA-XML:project:1.0``,
valid against ``Project.xsd`` 1.0) and a lower-case ``sources/`` folder with one ``<guid>.txt`` per
document (UTF-8, no byte-order mark). NVivo, ATLAS.ti, MAXQDA, QualCoder and QDA Miner open it.

What :func:`write_qdpx` exports from ``DIR/tables``:

* **CodeBook**: three non-codable parent codes — "六个脱节" (D1–D6, reds/oranges), "六个融合"
  (M1–M6, blues/greens) and "角色" (the six passage roles, greys/purples). Each code is named
  "<code> <Chinese name>" (e.g. "D2 党建工作和中心工作脱节", "problem 问题") with its definition as the
  Description. Roles are exported as codes so that an analyst can review and change them in the QDA
  tool and the import is lossless.
  A fourth group "要求落实" holds the verdict codes "evidenced 已落实", "mentioned 仅提及" and
  "no evidence 无证据"; a fifth, "分析结果", the codes "initiative 自有举措" (practices that match no
  requirement) and "figure 调查数据" (survey figures). lzp's import ignores both groups.
* **Users**: one user "lzp".
* **Variables**: unit, kind, doc_type and date of every document, the passage ids of a document
  ("段落编号": one ``start-end passage_id`` line per passage, so a passage keeps its id when a tool
  renames selections) and, for cases, the number of documents.
* **Cases**: one Case per unit, holding its documents (SourceRef) with the unit's document kinds,
  types and dates as variable values.
* **Sources**: every document (duplicates too; their Description says which document they
  duplicate and that they were not analysed) as a TextSource with
  ``plainTextPath="internal://<guid>.txt"``; the normalised text is ``sources/<guid>.txt``. The
  description names the source file by its file name only, never an absolute path.
  Every tagged passage is a PlainTextSelection named by its passage_id, with one Coding per code and
  one for its role (role "other" included). Positions are character offsets into the normalised
  text, counted in Unicode code points (= Python ``str`` indices), as the standard specifies.
* **Verdicts**: the best evidence passage of every evidenced or mentioned requirement carries the
  verdict code; each requirement is a selection of the policy document (named by its requirement id,
  coded "no evidence 无证据" when no unit has evidence for it) with a Note listing every unit's verdict,
  score, confidence when known, and evidence passages.
* **Initiatives and figures**: every initiative passage carries "initiative 自有举措"; every survey
  figure is a selection of its exact characters (e.g. ``15.4％``) coded "figure 调查数据", with the
  figure's population, statement and source as its description.

GUIDs are uuid5 values derived from doc_id / passage_id / code, and the zip members carry a fixed
timestamp, so exporting the same analysis twice gives byte-identical files. All text goes through
the XML serialiser (lxml), so markup or formulas inside documents stay literal text.

:func:`read_qdpx` reads such a file back — as exported, or after coding was edited in a QDA tool —
into gold-format annotation records; :func:`import_qdpx` writes them as JSON lines.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
import zipfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd
from lxml import etree

from pipeline.archive import check_zip_archive
from pipeline.errors import LzpError, UsageError
from pipeline.labels import ROLE_LABELS, STATUS_LABELS, STATUSES
from pipeline.storage import atomic_path
from pipeline.tagging.codebook import ROLES, Codebook

log = logging.getLogger("lzp")

NAMESPACE = "urn:QDA-XML:project:1.0"
PROJECT_MEMBER = "project.qde"
SOURCES_FOLDER = "sources"
QDPX_NAME = "corpus.qdpx"
USER_NAME = "lzp"
MAX_IMPORT_BYTES = 200 * 1024 * 1024
# Namespace of every uuid5 GUID in an export (never change it: re-exports must keep their GUIDs).
GUID_NAMESPACE = uuid.UUID("8f0c5d1e-4a7b-5c2d-9e3f-6a1b2c3d4e5f")
_ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

ROLES_PARENT = "角色"
ROLES_PARENT_COLOR = "#5D6D7E"
ROLE_COLORS = {"requirement": "#6C3483", "recommendation": "#A569BD", "practice": "#17202A",
               "problem": "#7B7D7D", "cause": "#B3B6B7", "other": "#D7DBDD"}
VARIABLES = ("unit", "kind", "doc_type", "date")
PASSAGE_VARIABLE = "段落编号"
CASE_COUNT_VARIABLE = "文档数"
PASSAGE_MARKER = "lzp passage_id: "  # read from older exports; no longer written
VERDICTS_PARENT = "要求落实"
VERDICTS_PARENT_COLOR = "#145A32"
VERDICT_COLORS = {"evidenced": "#1D8348", "mentioned": "#B9770E", "no evidence": "#78281F"}
RESULTS_PARENT = "分析结果"
RESULTS_PARENT_COLOR = "#1B4F72"
RESULT_CODES = {"initiative": ("自有举措", "#2E86C1", "本单位自有做法：与对照文件任何要求都不匹配的做法段落。"),
                "figure": ("调查数据", "#85C1E9", "调查数据：百分比、人数、人次、个数等数字及其对象和表述。")}

_CODE_NAME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_.-]{0,31})(?=\s|$)")
_ROLE_NAME = re.compile(r"^\s*([A-Za-z]+)(?![A-Za-z])")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class QdpxError(LzpError):
    """A .qdpx file that cannot be imported (unsafe archive, missing project.qde, invalid XML)."""


# --- GUIDs and small helpers ---------------------------------------------------------------------


def guid(kind: str, key: str) -> str:
    """The deterministic GUID of an object, e.g. ``guid("code", "D2")`` or ``guid("source", doc_id)``."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{key}"))


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _safe(value: object) -> str:
    """Text that XML 1.0 can hold (control characters and lone surrogates removed)."""
    return _XML_INVALID.sub("", "" if value is None or value is pd.NA else str(value))


def _present(value: object) -> bool:
    if value is None:
        return False
    try:
        if pd.isna(value):
            return False
    except (TypeError, ValueError):
        pass
    return str(value).strip() != ""


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, _q(tag), {key: _safe(value) for key, value in attributes.items()})
    if text is not None:
        element.text = _safe(text)
    return element


# --- export --------------------------------------------------------------------------------------


def _read_table(tables: Path, name: str) -> pd.DataFrame:
    path = tables / f"{name}.parquet"
    if not path.exists():
        raise UsageError(f"{path} not found: run `lzp analyze --out {tables.parent}` first")
    return pd.read_parquet(path)


@dataclass(frozen=True)
class CodeRow:
    """One code of the analysis's codebook (``codebook.parquet``) as the export needs it."""

    code: str
    name: str
    definition: str
    group: str
    group_name: str
    colour: str
    group_colour: str


def _codebook_rows(tables: Path) -> list[CodeRow]:
    """The codes of ``codebook.parquet``, in codebook order."""
    frame = _read_table(tables, "codebook")
    rows = []
    for r in frame.itertuples(index=False):
        group = str(r.group)
        rows.append(CodeRow(str(r.code), str(r.name), str(r.definition), group,
                            str(getattr(r, "group_name", None) or group), str(getattr(r, "colour", None) or "#4B5563"),
                            str(getattr(r, "group_colour", None) or "#4B5563")))
    return rows


def code_label(code: str, name: str) -> str:
    """The exported code name, e.g. ``"D2 党建工作和中心工作脱节"``."""
    return f"{code} {name}"


def role_label(role: str) -> str:
    """The exported role code name, e.g. ``"problem 问题"``."""
    return f"{role} {ROLE_LABELS[role]}"


def verdict_label(status: str) -> str:
    """The exported verdict code name, e.g. ``"no evidence 无证据"``."""
    return f"{status} {STATUS_LABELS[status]}"


@dataclass(frozen=True)
class Verdicts:
    """What the export needs of the gap analysis: units, requirements and matches (tables may be empty)."""

    units: pd.DataFrame
    requirements: pd.DataFrame
    matches: pd.DataFrame

    initiatives: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["unit", "passage_id"]))
    figures: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["figure_id", "passage_id", "start", "end", "surface"]))

    @classmethod
    def empty(cls) -> Verdicts:
        return cls(pd.DataFrame(columns=["unit", "doc_ids"]), pd.DataFrame(columns=["requirement_id"]),
                   pd.DataFrame(columns=["unit", "requirement_id", "status"]))

    @classmethod
    def read(cls, tables: Path) -> Verdicts:
        """The gap tables of ``tables`` (each empty when absent)."""
        empty = cls.empty()
        frames = {}
        for name in ("units", "requirements", "matches", "initiatives", "figures"):
            path = tables / f"{name}.parquet"
            frames[name] = pd.read_parquet(path) if path.exists() else getattr(empty, name)
        return cls(**frames)


def build_project(
    documents: pd.DataFrame,
    passages: pd.DataFrame,
    tags: pd.DataFrame,
    codebook: list[CodeRow],
    *,
    project_name: str = "lzp analysis",
    role_definitions: dict[str, str] | None = None,
    verdicts: Verdicts | None = None,
) -> tuple[etree._Element, dict[str, str]]:
    """The ``Project`` element and the source files (``guid.txt`` → text) of an analysis."""
    verdicts = verdicts or Verdicts.empty()
    user = guid("user", USER_NAME)
    project = etree.Element(_q("Project"), {"name": _safe(project_name), "origin": "lzp",
                                            "creatingUserGUID": user}, nsmap={None: NAMESPACE})
    users = _sub(project, "Users")
    _sub(users, "User", guid=user, name=USER_NAME)

    code_book = _sub(project, "CodeBook")
    codes_element = _sub(code_book, "Codes")
    groups: dict[str, list[CodeRow]] = {}
    for row in codebook:
        groups.setdefault(row.group, []).append(row)
    for members in groups.values():
        group_name = members[0].group_name
        parent = _sub(codes_element, "Code", guid=guid("code", group_name), name=group_name, isCodable="false",
                      color=members[0].group_colour)
        _sub(parent, "Description", group_name)
        for row in members:
            child = _sub(parent, "Code", guid=guid("code", row.code), name=code_label(row.code, row.name),
                         isCodable="true", color=row.colour)
            _sub(child, "Description", row.definition)
    role_definitions = role_definitions or {}
    roles_parent = _sub(codes_element, "Code", guid=guid("code", ROLES_PARENT), name=ROLES_PARENT,
                        isCodable="false", color=ROLES_PARENT_COLOR)
    _sub(roles_parent, "Description", "段落角色：每个段落恰好一个角色（lzp 导入时按代码名称开头的英文角色名识别）。")
    for role in ROLES:
        child = _sub(roles_parent, "Code", guid=guid("role", role), name=role_label(role), isCodable="true",
                     color=ROLE_COLORS[role])
        _sub(child, "Description", role_definitions.get(role, ""))
    verdicts_parent = _sub(codes_element, "Code", guid=guid("code", VERDICTS_PARENT), name=VERDICTS_PARENT,
                           isCodable="false", color=VERDICTS_PARENT_COLOR)
    _sub(verdicts_parent, "Description", "对照文件各项要求在各单位的落实情况：已落实（做法段落为证据）、"
                                         "仅提及（只有建议或问题段落涉及）、无证据。lzp 导入时忽略这些代码。")
    for status in STATUSES:
        child = _sub(verdicts_parent, "Code", guid=guid("verdict", status), name=verdict_label(status),
                     isCodable="true", color=VERDICT_COLORS[status])
        _sub(child, "Description", f"{STATUS_LABELS[status]}：编码在最佳证据段落上（无证据：编码在所有单位都无证据的要求上）。")
    results_parent = _sub(codes_element, "Code", guid=guid("code", RESULTS_PARENT), name=RESULTS_PARENT,
                          isCodable="false", color=RESULTS_PARENT_COLOR)
    _sub(results_parent, "Description", "自有举措与调查数据。lzp 导入时忽略这些代码。")
    for key, (label, colour, description) in RESULT_CODES.items():
        child = _sub(results_parent, "Code", guid=guid("result", key), name=f"{key} {label}", isCodable="true",
                     color=colour)
        _sub(child, "Description", description)

    variables = _sub(project, "Variables")
    for name in (*VARIABLES, PASSAGE_VARIABLE):
        _sub(variables, "Variable", guid=guid("variable", name), name=name, typeOfVariable="Text")
    _sub(variables, "Variable", guid=guid("variable", CASE_COUNT_VARIABLE), name=CASE_COUNT_VARIABLE,
         typeOfVariable="Integer")
    known_docs = set(documents.doc_id.astype(str))
    _cases(project, documents, verdicts.units, known_docs)

    tagged = tags.merge(passages[["passage_id", "start", "end", "text"]], on="passage_id", how="left",
                        validate="one_to_one")
    by_doc: dict[str, list] = {}
    for row in tagged.itertuples(index=False):
        by_doc.setdefault(str(row.doc_id), []).append(row)

    evidence_codes, requirement_ranges, notes = _verdict_parts(verdicts, passages)
    initiative_ids = {str(pid) for pid in verdicts.initiatives.get("passage_id", pd.Series(dtype=object))}
    figure_ranges = _figure_ranges(verdicts.figures, passages)
    sources_element = _sub(project, "Sources")
    files: dict[str, str] = {}
    for doc_id in sorted(set(by_doc) - known_docs):
        log.warning("qdpx: %d tagged passage(s) of unknown document %s skipped", len(by_doc[doc_id]), doc_id)
    for document in documents.itertuples(index=False):
        doc_id = str(document.doc_id)
        text = "" if not _present(document.text) else str(document.text)
        source_guid = guid("source", doc_id)
        files[f"{source_guid}.txt"] = text
        source = _sub(sources_element, "TextSource", guid=source_guid, name=doc_id,
                      plainTextPath=f"internal://{source_guid}.txt", creatingUser=user)
        _sub(source, "Description", _source_description(document))
        for row in sorted(by_doc.get(doc_id, []), key=lambda r: (int(r.start) if _present(r.start) else -1,
                                                                     str(r.passage_id))):
            if not _present(row.start) or not _present(row.end):
                log.warning("qdpx: passage %s has no offsets; skipped", row.passage_id)
                continue
            start, end = int(row.start), int(row.end)
            if not 0 <= start <= end <= len(text):
                log.warning("qdpx: passage %s offsets %d-%d outside %s; skipped", row.passage_id, start, end, doc_id)
                continue
            selection = _sub(source, "PlainTextSelection", guid=guid("selection", str(row.passage_id)),
                             name=str(row.passage_id), startPosition=str(start), endPosition=str(end),
                             creatingUser=user)
            present = set(row.codes if row.codes is not None else ())
            codes = [c.code for c in codebook if c.code in present]
            for code in codes:
                coding = _sub(selection, "Coding", guid=guid("coding", f"{row.passage_id}|{code}"),
                              creatingUser=user)
                _sub(coding, "CodeRef", targetGUID=guid("code", code))
            if row.role in ROLES:
                coding = _sub(selection, "Coding", guid=guid("coding", f"{row.passage_id}|role"), creatingUser=user)
                _sub(coding, "CodeRef", targetGUID=guid("role", str(row.role)))
            for status in evidence_codes.get(str(row.passage_id), ()):
                coding = _sub(selection, "Coding", guid=guid("coding", f"{row.passage_id}|verdict|{status}"),
                              creatingUser=user)
                _sub(coding, "CodeRef", targetGUID=guid("verdict", status))
            if str(row.passage_id) in initiative_ids:
                coding = _sub(selection, "Coding", guid=guid("coding", f"{row.passage_id}|initiative"),
                              creatingUser=user)
                _sub(coding, "CodeRef", targetGUID=guid("result", "initiative"))
        for figure_id, start, end, description in figure_ranges.get(doc_id, []):
            if not 0 <= start <= end <= len(text):
                continue
            selection = _sub(source, "PlainTextSelection", guid=guid("figure", figure_id), name=figure_id,
                             startPosition=str(start), endPosition=str(end), creatingUser=user)
            _sub(selection, "Description", description)
            coding = _sub(selection, "Coding", guid=guid("coding", f"{figure_id}|figure"), creatingUser=user)
            _sub(coding, "CodeRef", targetGUID=guid("result", "figure"))
        for requirement_id, start, end, gap in requirement_ranges.get(doc_id, []):
            if not 0 <= start <= end <= len(text):
                continue
            selection = _sub(source, "PlainTextSelection", guid=guid("requirement", requirement_id),
                             name=requirement_id, startPosition=str(start), endPosition=str(end), creatingUser=user)
            if gap:
                coding = _sub(selection, "Coding", guid=guid("coding", f"{requirement_id}|gap"), creatingUser=user)
                _sub(coding, "CodeRef", targetGUID=guid("verdict", "no evidence"))
            _sub(selection, "NoteRef", targetGUID=guid("note", requirement_id))
        for name in VARIABLES:
            value = getattr(document, name, None)
            if _present(value):
                _variable_value(source, name, str(value))
        ranges = sorted((int(r.start), int(r.end), str(r.passage_id)) for r in by_doc.get(doc_id, [])
                        if _present(r.start) and _present(r.end))
        if ranges:
            _variable_value(source, PASSAGE_VARIABLE, "\n".join(f"{a}-{b} {pid}" for a, b, pid in ranges))
    if notes:
        notes_element = _sub(project, "Notes")
        for requirement_id, text in notes:
            note = _sub(notes_element, "Note", guid=guid("note", requirement_id), name=f"要求 {requirement_id}",
                        creatingUser=user)
            _sub(note, "PlainTextContent", text)
    _sub(project, "Description",
         "lzp export: " + "; ".join(f"{members[0].group_name}: {', '.join(r.code for r in members)}"
                                    for members in groups.values()) + "; and passage roles (角色). "
         "Positions are Unicode code-point offsets into sources/<guid>.txt. "
         "Re-import with `lzp import-qdpx FILE --out gold.jsonl`.")
    return project, files


def _variable_value(parent: etree._Element, name: str, value: str, *, integer: bool = False) -> None:
    variable_value = _sub(parent, "VariableValue")
    _sub(variable_value, "VariableRef", targetGUID=guid("variable", name))
    _sub(variable_value, "IntegerValue" if integer else "TextValue", value)


def _cases(project: etree._Element, documents: pd.DataFrame, units: pd.DataFrame, known_docs: set[str]) -> None:
    """One Case per unit, holding its documents, with the kinds, types and dates of those documents."""
    if units.empty:
        return
    by_id = {str(d.doc_id): d for d in documents.itertuples(index=False)}
    cases = _sub(project, "Cases")
    for row in units.itertuples(index=False):
        unit = str(row.unit)
        doc_ids = [str(d) for d in (row.doc_ids if row.doc_ids is not None else ()) if str(d) in known_docs]
        case = _sub(cases, "Case", guid=guid("case", unit), name=unit)
        _sub(case, "Description", f"单位：{unit}；文档 {len(doc_ids)} 篇")
        for name in ("kind", "doc_type", "date"):
            values = sorted({str(getattr(by_id[d], name)) for d in doc_ids if _present(getattr(by_id[d], name, None))})
            if values:
                _variable_value(case, name, "、".join(values))
        _variable_value(case, CASE_COUNT_VARIABLE, str(len(doc_ids)), integer=True)
        for doc_id in doc_ids:
            _sub(case, "SourceRef", targetGUID=guid("source", doc_id))


def _figure_ranges(figures: pd.DataFrame, passages: pd.DataFrame) -> dict[str, list[tuple[str, int, int, str]]]:
    """Per document: ``(figure id, start, end, description)`` in document offsets (a figure's own offsets
    count from the start of its passage)."""
    starts = {str(p.passage_id): (str(p.doc_id), int(p.start)) for p in passages.itertuples(index=False)
              if _present(p.start)}
    ranges: dict[str, list[tuple[str, int, int, str]]] = {}
    for figure in figures.itertuples(index=False):
        where = starts.get(str(figure.passage_id))
        if where is None or not _present(figure.start) or not _present(figure.end):
            continue
        doc_id, offset = where
        parts = [f"{label}：{getattr(figure, key)}" for key, label in
                 (("population", "对象"), ("statement", "表述"), ("source", "来源")) if _present(getattr(figure, key, None))]
        ranges.setdefault(doc_id, []).append((str(figure.figure_id), offset + int(figure.start),
                                              offset + int(figure.end), "；".join(parts) or str(figure.surface)))
    return ranges


def _evidence_ids(match: Any) -> list[str]:
    ids = getattr(match, "evidence_passage_ids", None)
    return [str(i) for i in ids] if ids is not None else []


def _verdict_parts(verdicts: Verdicts, passages: pd.DataFrame
                   ) -> tuple[dict[str, list[str]], dict[str, list[tuple[str, int, int, bool]]], list[tuple[str, str]]]:
    """Verdict codes per evidence passage, requirement ranges per policy document, and one note text
    per requirement."""
    locations = {str(p.passage_id): f"{p.doc_id} {p.start}-{p.end}" for p in passages.itertuples(index=False)}
    evidence_codes: dict[str, list[str]] = {}
    by_requirement: dict[str, list] = {}
    for match in verdicts.matches.itertuples(index=False):
        by_requirement.setdefault(str(match.requirement_id), []).append(match)
        evidence = _evidence_ids(match)
        if match.status in ("evidenced", "mentioned") and evidence:
            codes = evidence_codes.setdefault(str(evidence[0]), [])
            if match.status not in codes:
                codes.append(match.status)
    ranges: dict[str, list[tuple[str, int, int, bool]]] = {}
    notes = []
    for requirement in verdicts.requirements.itertuples(index=False):
        rid = str(requirement.requirement_id)
        matches = by_requirement.get(rid, [])
        gap = bool(matches) and not any(m.status == "evidenced" for m in matches)
        if _present(getattr(requirement, "start", None)) and _present(getattr(requirement, "end", None)):
            ranges.setdefault(str(requirement.doc_id), []).append((rid, int(requirement.start), int(requirement.end),
                                                                   gap))
        lines = [f"要求 {rid}：{_safe(getattr(requirement, 'text', ''))}"]
        for match in matches:
            line = f"{match.unit}：{STATUS_LABELS.get(match.status, match.status)}（得分 {float(match.score or 0):.2f}"
            confidence = getattr(match, "confidence", None)
            if _present(confidence):
                line += f"，置信度 {confidence}"
            if bool(getattr(match, "needs_review", False) or False):
                line += "，需复核"
            line += "）"
            evidence = _evidence_ids(match)
            if evidence and match.status != "no evidence":
                line += "；证据：" + "、".join(f"{pid}（{locations.get(str(pid), '')}）" for pid in evidence[:1])
            lines.append(line)
        notes.append((rid, "\n".join(lines)))
    return evidence_codes, ranges, notes


def _source_description(document) -> str:
    parts = []
    for label, key in (("title", "title"), ("unit", "unit"), ("kind", "kind"), ("doc_type", "doc_type"),
                       ("source", "source_path")):
        value = getattr(document, key, None)
        if _present(value):
            if key == "source_path":
                value = PurePosixPath(str(value).replace("\\", "/")).name  # the file name, never a path
            parts.append(f"{label}: {value}")
    duplicate = getattr(document, "duplicate_of", None)
    if _present(duplicate):
        parts.append(f"duplicate_of: {duplicate} (near-duplicate, not analysed: no coded passages)")
    return "\n".join(parts)


def serialize_project(project: etree._Element) -> bytes:
    """``project.qde`` bytes: UTF-8 with an XML declaration and no byte-order mark."""
    return etree.tostring(project, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def write_qdpx(out_dir: Path, *, codebook: Codebook | None = None, target: Path | None = None,
               project_name: str | None = None) -> Path:
    """Export the analysis in ``out_dir/tables`` as a REFI-QDA project (default ``out_dir/corpus.qdpx``).

    The file is written atomically and is byte-identical for an unchanged analysis.
    Example: ``write_qdpx(Path("results"))`` → ``results/corpus.qdpx`` (open it in QualCoder, NVivo, …).
    """
    out_dir = Path(out_dir)
    tables = out_dir / "tables"
    documents = _read_table(tables, "documents")
    passages = _read_table(tables, "passages")
    tags = _read_table(tables, "tags")
    roles = {role: entry.definition for role, entry in codebook.roles.items()} if codebook else None
    verdicts = Verdicts.read(tables)
    project, files = build_project(documents, passages, tags, _codebook_rows(tables),
                                   project_name=project_name or f"lzp: {out_dir.resolve().name}",
                                   role_definitions=roles, verdicts=verdicts)
    target = Path(target) if target is not None else out_dir / QDPX_NAME
    with atomic_path(target) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        archive.writestr(_zip_info(PROJECT_MEMBER), serialize_project(project))
        for name in sorted(files):
            archive.writestr(_zip_info(f"{SOURCES_FOLDER}/{name}"), files[name].encode("utf-8"))
    return target


# --- import --------------------------------------------------------------------------------------


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in element if _local(child) == name)


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next(_children(element, name), None)


def _norm_guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _check_members(path: Path, archive: zipfile.ZipFile) -> None:
    for info in archive.infolist():
        name = info.filename.replace("\\", "/")
        parts = PurePosixPath(name).parts
        if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
            raise QdpxError(f"{path.name}: unsafe member path {info.filename!r} refused")


def _parse_xml(data: bytes, where: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise QdpxError(f"{where}: not well-formed XML ({error})") from error
    if _local(root) != "Project":
        raise QdpxError(f"{where}: root element is <{_local(root)}>, expected <Project>")
    return root


def _decode(data: bytes, where: str) -> str:
    """A source text: UTF-8 as REFI-QDA requires (a byte-order mark is tolerated and dropped).

    Replacement characters would shift every selection offset after them, so bad bytes are an error.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QdpxError(f"{where}: source text is not UTF-8 ({error.reason} at byte {error.start})") from error
    return text[1:] if text.startswith("\ufeff") else text


def _code_names(root: etree._Element) -> dict[str, str]:
    """Code GUID (normalised) → code name, over the whole (nested) CodeBook."""
    names: dict[str, str] = {}
    code_book = _child(root, "CodeBook")
    if code_book is None:
        return names
    for element in code_book.iter():
        if _local(element) == "Code":
            names[_norm_guid(element.get("guid"))] = element.get("name") or ""
    return names


def _code_parents(root: etree._Element) -> dict[str, str]:
    """Code GUID (normalised) → name of its parent code ('' at the top)."""
    parents: dict[str, str] = {}
    code_book = _child(root, "CodeBook")
    if code_book is None:
        return parents
    for element in code_book.iter():
        if _local(element) == "Code":
            parent = element.getparent()
            parents[_norm_guid(element.get("guid"))] = (parent.get("name") or "") if _local(parent) == "Code" else ""
    return parents


def _guid_table(codes: Collection[str]) -> dict[str, tuple[str, str]]:
    """The GUIDs an lzp export gives codes, roles and verdicts → ``(kind, id)``: how a code is known
    after an analyst renamed it in a QDA tool."""
    table = {guid("code", code): ("code", code) for code in codes}
    table.update({guid("code", code.upper()): ("code", code.upper()) for code in codes})
    table.update({guid("role", role): ("role", role) for role in ROLES})
    table.update({guid("verdict", status): ("verdict", status) for status in STATUSES})
    table.update({guid("result", key): ("verdict", key) for key in RESULT_CODES})
    return table


def _is_verdict_name(name: str, parent: str) -> bool:
    """A verdict code by its parent group or its name (``"evidenced 已落实"``, ``"no evidence 无证据"``)."""
    name = (name or "").strip()
    return parent in (VERDICTS_PARENT, RESULTS_PARENT) or any(name == key or name.startswith(key + " ")
                                                              for key in (*STATUSES, *RESULT_CODES))


def _passage_ranges(source: etree._Element, variable_guid: str) -> dict[tuple[int, int], str]:
    """The ``段落编号`` variable of a source: ``(start, end)`` → passage id."""
    ranges: dict[tuple[int, int], str] = {}
    for value in _children(source, "VariableValue"):
        reference = _child(value, "VariableRef")
        if reference is None or _norm_guid(reference.get("targetGUID")) != variable_guid:
            continue
        text = _child(value, "TextValue")
        for line in ("" if text is None or text.text is None else text.text).splitlines():
            match = re.fullmatch(r"\s*(\d+)-(\d+)\s+(\S+)\s*", line)
            if match:
                ranges[(int(match.group(1)), int(match.group(2)))] = match.group(3)
    return ranges


def code_of(name: str) -> str | None:
    """``"D2 党建工作和中心工作脱节"`` → ``"D2"``: the code id before the first space; None when the
    name does not start with one (callers keep only the ids of their codebook)."""
    match = _CODE_NAME.match(name or "")
    return match.group(1).upper() if match else None


def role_of(name: str) -> str | None:
    """``"problem 问题"`` → ``"problem"``; None for names not starting with a role."""
    match = _ROLE_NAME.match(name or "")
    role = match.group(1).lower() if match else None
    return role if role in ROLES else None


@dataclass
class _Selection:
    order: int
    doc_id: str
    start: int
    end: int
    text: str
    passage_id: str | None = None
    codes: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)


def _source_text(source: etree._Element, members: dict[str, str], archive: zipfile.ZipFile, where: str) -> str | None:
    content = _child(source, "PlainTextContent")
    if content is not None and content.text is not None:
        return content.text
    path = (source.get("plainTextPath") or "").strip()
    if path.lower().startswith("internal://"):
        name = path[len("internal://"):].lstrip("/")
        member = members.get(f"{SOURCES_FOLDER}/{name}".lower())
        if member is not None:
            return _decode(archive.read(member), member)
    log.warning("%s: text of source %r (%s) not in the archive; passage texts left empty",
                where, source.get("name"), path or "no plainTextPath")
    return None


def read_qdpx(path: Path, *, codes: Collection[str]) -> list[dict]:
    """Read a REFI-QDA project into gold-format records, one per coded text range.

    Every PlainTextSelection of a TextSource gives ``{"passage_id", "doc_id", "start", "end", "text",
    "codes", "role", "note"}``. Codes, roles and verdicts are recognised by the GUID the export gave
    them, so an analyst may rename a code in the QDA tool; codes whose GUID a tool renumbered are
    recognised by name (``"D2 …"``, ``"M5 …"``, roles ``"problem 问题"``). Other codes are ignored, and
    selections that carry only verdict codes (the requirements of the policy document) are skipped. Records come in source order, then by position. Selections of one source with the same range are merged (some
    tools write one selection per coding). ``passage_id`` comes from the lzp export (Description or
    name), else is ``"<source name>:<start>-<end>"``. With no role coding the role is "other"; with
    several, "other" is dropped and the first in codebook order is kept (the note says so).
    """
    path = Path(path)
    known = {code.upper() for code in codes}
    try:
        check_zip_archive(path, max_uncompressed=MAX_IMPORT_BYTES)
    except LzpError as error:
        raise QdpxError(f"{path.name}: {getattr(error, 'reason', error)}") from error
    with zipfile.ZipFile(path) as archive:
        _check_members(path, archive)
        members = {info.filename.replace("\\", "/").lower(): info.filename
                   for info in archive.infolist() if not info.is_dir()}
        project_member = members.get(PROJECT_MEMBER) or next(
            (name for key, name in members.items() if key.endswith(".qde") and "/" not in key), None)
        if project_member is None:
            raise QdpxError(f"{path.name}: no project.qde in the archive")
        root = _parse_xml(archive.read(project_member), f"{path.name}/{project_member}")
        names = _code_names(root)
        parents = _code_parents(root)
        by_guid = _guid_table(known)
        passage_variable = guid("variable", PASSAGE_VARIABLE)
        selections: dict[tuple[str, int, int], _Selection] = {}
        sources_element = _child(root, "Sources")
        for order, source in enumerate(() if sources_element is None else _children(sources_element, "TextSource")):
            doc_id = source.get("name") or _norm_guid(source.get("guid"))
            text = _source_text(source, members, archive, path.name)
            passage_ids = _passage_ranges(source, passage_variable)
            for element in _children(source, "PlainTextSelection"):
                try:
                    start, end = int(element.get("startPosition")), int(element.get("endPosition"))
                except (TypeError, ValueError):
                    log.warning("%s: selection %s in %s without valid positions; skipped",
                                path.name, element.get("guid"), doc_id)
                    continue
                if start > end:
                    start, end = end, start
                key = (doc_id, start, end)
                codings = []
                for coding in _children(element, "Coding"):
                    reference = _child(coding, "CodeRef")
                    target = _norm_guid(None if reference is None else reference.get("targetGUID"))
                    codings.append((target, names.get(target, "")))
                verdicts_only = bool(codings) and all(
                    by_guid.get(t, ("", ""))[0] == "verdict"
                    or (t not in by_guid and _is_verdict_name(n, parents.get(t, ""))) for t, n in codings)
                if verdicts_only or (not codings and _child(element, "NoteRef") is not None):
                    continue  # a requirement of the policy document, not a coded passage
                selection = selections.get(key)
                if selection is None:
                    selection = selections[key] = _Selection(order, doc_id, start, end,
                                                             "" if text is None else text[start:end])
                if selection.passage_id is None:
                    selection.passage_id = _passage_id(element, doc_id) or passage_ids.get((start, end))
                for target, name in codings:
                    kind, known_id = by_guid.get(target, ("", ""))
                    if kind == "code":
                        selection.codes.add(known_id)
                        continue
                    if kind == "role":
                        if known_id not in selection.roles:
                            selection.roles.append(known_id)
                        continue
                    if kind == "verdict":
                        continue
                    role = role_of(name)
                    if role is not None:
                        if role not in selection.roles:
                            selection.roles.append(role)
                        continue
                    code = code_of(name)
                    if code is not None and code in known:
                        selection.codes.add(code)
    ordered = sorted(selections.values(), key=lambda s: (s.order, s.start, s.end))
    return [_record(selection) for selection in ordered]


def _passage_id(element: etree._Element, doc_id: str) -> str | None:
    description = _child(element, "Description")
    text = "" if description is None or description.text is None else description.text
    for line in text.splitlines():
        if line.strip().startswith(PASSAGE_MARKER.strip()):
            candidate = line.strip()[len(PASSAGE_MARKER.strip()):].strip()
            if candidate.startswith(f"{doc_id}:"):
                return candidate
    name = (element.get("name") or "").strip()
    if re.fullmatch(re.escape(doc_id) + r":\d+", name):
        return name
    return None


def _record(selection: _Selection) -> dict:
    roles = [role for role in ROLES if role in selection.roles]
    specific = [role for role in roles if role != "other"]
    note = ""
    if specific:
        role = specific[0]
        if len(specific) > 1:
            note = f"several roles coded ({', '.join(specific)}); kept {role}"
    else:
        role = "other"
    return {
        "passage_id": selection.passage_id or f"{selection.doc_id}:{selection.start}-{selection.end}",
        "doc_id": selection.doc_id,
        "start": selection.start,
        "end": selection.end,
        "text": selection.text,
        "codes": sorted(selection.codes),
        "role": role,
        "note": note,
    }


def import_qdpx(path: Path, out: Path, *, codebook: Codebook) -> int:
    """Write the coded selections of a ``.qdpx`` as gold-format JSON lines; return how many.

    Records are in source order and, within a source, by position; the file is replaced atomically.

    Example::

        lzp analyze reports/ --out results          # writes results/corpus.qdpx
        # … review and recode results/corpus.qdpx in QualCoder / NVivo / MAXQDA, export as .qdpx …
        lzp import-qdpx reviewed.qdpx --out gold.jsonl

    or from Python: ``import_qdpx(Path("reviewed.qdpx"), Path("gold.jsonl"), codebook=codebook)``.
    Codes are kept when they are codes of ``codebook``.
    """
    records = read_qdpx(path, codes=codebook.code_ids)
    with atomic_path(Path(out)) as temporary, temporary.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)
