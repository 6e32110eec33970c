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
* **Users**: one user "lzp".
* **Variables**: unit, kind and doc_type of every document (text variables).
* **Sources**: every document (duplicates too; their Description says which document they
  duplicate and that they were not analysed) as a TextSource with
  ``plainTextPath="internal://<guid>.txt"``; the normalised text is ``sources/<guid>.txt``.
  Every tagged passage is a PlainTextSelection named by its passage_id, with one Coding per code and
  one for its role (role "other" included). Positions are character offsets into the normalised
  text, counted in Unicode code points (= Python ``str`` indices), as the standard specifies.

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

import pandas as pd
from lxml import etree

from pipeline.archive import check_zip_archive
from pipeline.errors import LzpError, UsageError
from pipeline.labels import ROLE_LABELS
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
VARIABLES = ("unit", "kind", "doc_type")
PASSAGE_MARKER = "lzp passage_id: "

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


def build_project(
    documents: pd.DataFrame,
    passages: pd.DataFrame,
    tags: pd.DataFrame,
    codebook: list[CodeRow],
    *,
    project_name: str = "lzp analysis",
    role_definitions: dict[str, str] | None = None,
) -> tuple[etree._Element, dict[str, str]]:
    """The ``Project`` element and the source files (``guid.txt`` → text) of an analysis."""
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

    variables = _sub(project, "Variables")
    for name in VARIABLES:
        _sub(variables, "Variable", guid=guid("variable", name), name=name, typeOfVariable="Text")

    tagged = tags.merge(passages[["passage_id", "start", "end", "text"]], on="passage_id", how="left",
                        validate="one_to_one")
    by_doc: dict[str, list] = {}
    for row in tagged.itertuples(index=False):
        by_doc.setdefault(str(row.doc_id), []).append(row)

    sources_element = _sub(project, "Sources")
    files: dict[str, str] = {}
    known_docs = set(documents.doc_id.astype(str))
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
            _sub(selection, "Description", f"{PASSAGE_MARKER}{row.passage_id}")
            present = set(row.codes if row.codes is not None else ())
            codes = [c.code for c in codebook if c.code in present]
            for code in codes:
                coding = _sub(selection, "Coding", guid=guid("coding", f"{row.passage_id}|{code}"),
                              creatingUser=user)
                _sub(coding, "CodeRef", targetGUID=guid("code", code))
            if row.role in ROLES:
                coding = _sub(selection, "Coding", guid=guid("coding", f"{row.passage_id}|role"), creatingUser=user)
                _sub(coding, "CodeRef", targetGUID=guid("role", str(row.role)))
        for name in VARIABLES:
            value = getattr(document, name, None)
            if _present(value):
                variable_value = _sub(source, "VariableValue")
                _sub(variable_value, "VariableRef", targetGUID=guid("variable", name))
                _sub(variable_value, "TextValue", str(value))
    _sub(project, "Description",
         "lzp export: " + "; ".join(f"{members[0].group_name}: {', '.join(r.code for r in members)}"
                                    for members in groups.values()) + "; and passage roles (角色). "
         "Positions are Unicode code-point offsets into sources/<guid>.txt. "
         "Re-import with `lzp import-qdpx FILE --out gold.jsonl`.")
    return project, files


def _source_description(document) -> str:
    parts = []
    for label, key in (("title", "title"), ("unit", "unit"), ("kind", "kind"), ("doc_type", "doc_type"),
                       ("source", "source_path")):
        value = getattr(document, key, None)
        if _present(value):
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
    project, files = build_project(documents, passages, tags, _codebook_rows(tables),
                                   project_name=project_name or f"lzp: {out_dir.resolve().name}",
                                   role_definitions=roles)
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
    "codes", "role", "note"}``. Codes are recognised by the code *name* (``"D2 …"``, ``"M5 …"``), roles
    by a code name starting with a role (``"problem 问题"``), so tools that renumber GUIDs do not
    matter; other codes are ignored. Records come in source order, then by position. Selections of one source with the same range are merged (some
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
        selections: dict[tuple[str, int, int], _Selection] = {}
        sources_element = _child(root, "Sources")
        for order, source in enumerate(() if sources_element is None else _children(sources_element, "TextSource")):
            doc_id = source.get("name") or _norm_guid(source.get("guid"))
            text = _source_text(source, members, archive, path.name)
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
                selection = selections.get(key)
                if selection is None:
                    selection = selections[key] = _Selection(order, doc_id, start, end,
                                                             "" if text is None else text[start:end])
                if selection.passage_id is None:
                    selection.passage_id = _passage_id(element, doc_id)
                for coding in _children(element, "Coding"):
                    reference = _child(coding, "CodeRef")
                    name = names.get(_norm_guid(None if reference is None else reference.get("targetGUID")), "")
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
