"""REFI-QDA export (write_qdpx) and import (read_qdpx / import_qdpx) on a real analysis."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from pipeline.reports.qdpx import (
    NAMESPACE,
    QdpxError,
    guid,
    import_qdpx,
    read_qdpx,
    write_qdpx,
)
from pipeline.tagging.codebook import ROLES
from pipeline.tagging.tagger import load_gold
from tests.support import project_codebook

CODES = ("D1", "D2", "D3", "D4", "D5", "D6", "M1", "M2", "M3", "M4", "M5", "M6")

XSD = Path("/work/shared/refi-qda/Project.xsd")
NS = {"q": NAMESPACE}


@pytest.fixture(scope="module")
def qdpx(analysis_dir: Path) -> Path:
    return write_qdpx(analysis_dir)


@pytest.fixture(scope="module")
def tables(analysis_dir: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(analysis_dir / "tables" / f"{name}.parquet")
            for name in ("documents", "passages", "tags", "requirements", "matches", "units", "initiatives",
                         "figures")}


def _project(qdpx: Path) -> etree._Element:
    with zipfile.ZipFile(qdpx) as archive:
        return etree.fromstring(archive.read("project.qde"))


def _sources(qdpx: Path) -> dict[str, str]:
    """Source name → text of its ``sources/`` member."""
    project = _project(qdpx)
    texts = {}
    with zipfile.ZipFile(qdpx) as archive:
        for source in project.iterfind("q:Sources/q:TextSource", NS):
            path = source.get("plainTextPath")
            assert path.startswith("internal://")
            assert source.find("q:PlainTextContent", NS) is None  # path or content, not both
            texts[source.get("name")] = archive.read("sources/" + path[len("internal://"):]).decode("utf-8")
    return texts


def _rewrite(qdpx: Path, target: Path, edit) -> Path:
    """Copy ``qdpx`` to ``target`` with ``edit(project_element)`` applied to project.qde."""
    with zipfile.ZipFile(qdpx) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "project.qde":
                project = etree.fromstring(data)
                edit(project)
                data = etree.tostring(project, xml_declaration=True, encoding="UTF-8")
            out.writestr(info, data)
    return target


def test_project_validates_against_the_refi_qda_schema(qdpx: Path) -> None:
    if not XSD.exists():
        pytest.skip(f"schema not found at {XSD}")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    project = _project(qdpx)
    assert schema.validate(project), schema.error_log
    assert project.tag == f"{{{NAMESPACE}}}Project"


def test_archive_layout_and_no_byte_order_mark(qdpx: Path) -> None:
    assert qdpx.name == "corpus.qdpx"
    with zipfile.ZipFile(qdpx) as archive:
        names = archive.namelist()
        assert "project.qde" in names
        others = [n for n in names if n != "project.qde"]
        assert others and all(n.startswith("sources/") and n.endswith(".txt") for n in others)
        for name in names:
            data = archive.read(name)
            assert not data.startswith(b"\xef\xbb\xbf"), name
            data.decode("utf-8")
        assert archive.read("project.qde").startswith(b"<?xml")


def test_codebook_has_named_coloured_codes_and_roles(qdpx: Path) -> None:
    project = _project(qdpx)
    top = project.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert [c.get("name") for c in top] == ["六个脱节", "六个融合", "角色", "要求落实", "分析结果"]
    assert all(c.get("isCodable") == "false" for c in top)
    d_codes = [c.get("name") for c in top[0].findall("q:Code", NS)]
    m_codes = [c.get("name") for c in top[1].findall("q:Code", NS)]
    assert [n.split()[0] for n in d_codes + m_codes] == list(CODES)
    assert "D2 党建工作和中心工作脱节" in d_codes
    assert [c.get("name").split()[0] for c in top[2].findall("q:Code", NS)] == list(ROLES)
    colours = [c.get("color") for c in project.iter(f"{{{NAMESPACE}}}Code")]
    assert len(set(colours)) == len(colours)
    for code in top[0].findall("q:Code", NS) + top[1].findall("q:Code", NS):
        assert code.findtext("q:Description", namespaces=NS).strip()
        assert code.get("guid") == guid("code", code.get("name").split()[0])


def test_every_document_is_a_source_with_its_normalised_text(qdpx: Path, tables) -> None:
    documents = tables["documents"]
    texts = _sources(qdpx)
    assert set(texts) == set(documents.doc_id)
    for row in documents.itertuples():
        assert texts[row.doc_id] == row.text
    project = _project(qdpx)
    duplicates = documents[documents.duplicate_of.notna()]
    assert len(duplicates) >= 1  # the sample's articles 1 and 2 are near-duplicates
    for row in duplicates.itertuples():
        source = project.find(f"q:Sources/q:TextSource[@name='{row.doc_id}']", NS)
        assert f"duplicate_of: {row.duplicate_of}" in source.findtext("q:Description", namespaces=NS)


def test_selections_slice_the_source_to_the_passage_text(qdpx: Path, tables) -> None:
    texts = _sources(qdpx)
    passages = tables["passages"].set_index("passage_id")
    tagged = set(tables["tags"].passage_id)
    project = _project(qdpx)
    requirements = tables["requirements"].set_index("requirement_id")
    figures = tables["figures"].set_index("figure_id")
    seen, requirement_selections, figure_selections = set(), set(), set()
    for source in project.iterfind("q:Sources/q:TextSource", NS):
        text = texts[source.get("name")]
        for selection in source.iterfind("q:PlainTextSelection", NS):
            passage_id = selection.get("name")
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            if passage_id in requirements.index:
                assert text[start:end] == requirements.text[passage_id]
                requirement_selections.add(passage_id)
                continue
            if passage_id in figures.index:
                assert text[start:end] == figures.surface[passage_id]
                figure_selections.add(passage_id)
                continue
            assert (start, end) == (passages.start[passage_id], passages.end[passage_id])
            assert text[start:end] == passages.text[passage_id]
            seen.add(passage_id)
    assert seen == tagged
    assert requirement_selections == set(requirements.index)
    assert figure_selections == set(figures.index)


def test_planted_markup_stays_literal_text(qdpx: Path, tables, planted: dict[str, str]) -> None:
    texts = _sources(qdpx)
    for key in ("script", "img", "formula"):
        assert planted[key] in texts["planted"]
    with zipfile.ZipFile(qdpx) as archive:
        raw = archive.read("project.qde").decode("utf-8")
    assert "<script" not in raw and "<img" not in raw and "<i>" not in raw
    project = _project(qdpx)
    values = " ".join(project.find("q:Sources/q:TextSource[@name='planted']", NS).itertext())
    assert planted["title"] in values  # the planted title (<script>…) is text, escaped by the serialiser
    planted_tags = tables["tags"][tables["tags"].doc_id == "planted"]
    assert any(len(codes) for codes in planted_tags.codes)  # the planted sentences were tagged


def test_round_trip_gives_the_tags_table(qdpx: Path, tables) -> None:
    records = read_qdpx(qdpx, codes=CODES)
    tags = tables["tags"].set_index("passage_id")
    passages = tables["passages"].set_index("passage_id")
    assert len(records) == len(tags)
    assert len({r["passage_id"] for r in records}) == len(records)
    for record in records:
        passage_id = record["passage_id"]
        assert record["codes"] == sorted(tags.codes[passage_id])
        assert record["role"] == tags.role[passage_id]
        assert record["doc_id"] == tags.doc_id[passage_id]
        assert record["text"] == passages.text[passage_id]
        assert (record["start"], record["end"]) == (passages.start[passage_id], passages.end[passage_id])
        assert record["note"] == ""


def test_reexport_is_byte_identical(analysis_dir: Path, qdpx: Path, tmp_path: Path) -> None:
    again = write_qdpx(analysis_dir, target=tmp_path / "again.qdpx")
    assert again.read_bytes() == qdpx.read_bytes()


def test_edited_project_imports_with_the_removed_code_gone(qdpx: Path, tables, tmp_path: Path) -> None:
    tags = tables["tags"]
    multi = tags[tags.codes.map(len) >= 2].iloc[0]
    passage_id, removed = multi.passage_id, sorted(multi.codes)[0]

    def edit(project: etree._Element) -> None:
        selection = project.find(f".//q:PlainTextSelection[@name='{passage_id}']", NS)
        for coding in selection.findall("q:Coding", NS):
            if coding.find("q:CodeRef", NS).get("targetGUID") == guid("code", removed):
                selection.remove(coding)

    edited = _rewrite(qdpx, tmp_path / "edited.qdpx", edit)
    records = {r["passage_id"]: r for r in read_qdpx(edited, codes=CODES)}
    assert records[passage_id]["codes"] == sorted(set(multi.codes) - {removed})
    assert records[passage_id]["role"] == multi.role
    others = tags[tags.passage_id != passage_id]
    assert all(records[r.passage_id]["codes"] == sorted(r.codes) for r in others.itertuples())


def test_codes_are_recognised_by_name_after_a_tool_renumbers_guids(qdpx: Path, tables, tmp_path: Path) -> None:
    """QualCoder-style re-export: new GUIDs, selections renamed, one selection per coding."""
    tags = tables["tags"]
    target = tags[(tags.codes.map(len) >= 2) & (tags.role != "other")].iloc[0]

    def edit(project: etree._Element) -> None:
        mapping = {}
        for code in project.iter(f"{{{NAMESPACE}}}Code"):
            new = guid("renumbered", code.get("guid")).upper()
            mapping[code.get("guid")] = new
            code.set("guid", "{" + new + "}")
        for reference in project.iter(f"{{{NAMESPACE}}}CodeRef"):
            reference.set("targetGUID", mapping[reference.get("targetGUID")])
        selection = project.find(f".//q:PlainTextSelection[@name='{target.passage_id}']", NS)
        selection.set("name", "selected text")
        assert selection.find("q:Description", NS) is None  # no memo to lose
        source = selection.getparent()
        for index, coding in enumerate(selection.findall("q:Coding", NS)[1:]):
            split = etree.SubElement(source, f"{{{NAMESPACE}}}PlainTextSelection",
                                     guid=guid("split", str(index)), name="split",
                                     startPosition=selection.get("startPosition"),
                                     endPosition=selection.get("endPosition"))
            split.append(coding)
            source.insert(source.index(selection) + 1, split)

    edited = _rewrite(qdpx, tmp_path / "renumbered.qdpx", edit)
    records = read_qdpx(edited, codes=CODES)
    assert len(records) == len(tags)
    by_range = {(r["doc_id"], r["start"], r["end"]): r for r in records}
    passages = tables["passages"].set_index("passage_id")
    record = by_range[(target.doc_id, passages.start[target.passage_id], passages.end[target.passage_id])]
    assert record["codes"] == sorted(target.codes)
    assert record["role"] == target.role
    assert record["passage_id"] == target.passage_id  # recovered from the source's 段落编号 variable


def test_import_writes_gold_jsonl(qdpx: Path, tables, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    count = import_qdpx(qdpx, out, codebook=project_codebook())
    assert count == len(tables["tags"])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == count
    first = json.loads(lines[0])
    assert set(first) == {"passage_id", "doc_id", "start", "end", "text", "codes", "role", "note"}
    assert "一岗双责" in out.read_text(encoding="utf-8")  # ensure_ascii=False
    gold = load_gold(out, project_codebook())
    assert len(gold) == count


def test_unsafe_archives_are_refused(tmp_path: Path) -> None:
    traversal = tmp_path / "traversal.qdpx"
    with zipfile.ZipFile(traversal, "w") as archive:
        archive.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        archive.writestr("../evil.txt", "x")
    with pytest.raises(QdpxError, match="unsafe"):
        read_qdpx(traversal, codes=CODES)
    absolute = tmp_path / "absolute.qdpx"
    with zipfile.ZipFile(absolute, "w") as archive:
        archive.writestr("/etc/evil.txt", "x")
    with pytest.raises(QdpxError, match="unsafe"):
        read_qdpx(absolute, codes=CODES)
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        with archive.open("sources/big.txt", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(201):
                handle.write(chunk)
    with pytest.raises(QdpxError):
        read_qdpx(bomb, codes=CODES)
    not_zip = tmp_path / "plain.qdpx"
    not_zip.write_text("not a zip", encoding="utf-8")
    with pytest.raises(QdpxError):
        read_qdpx(not_zip, codes=CODES)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    project = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file://{secret}">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="x">
  <CodeBook><Codes><Code guid="{guid('code', 'D1')}" name="D1 政治和业务脱节" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="{guid('source', 'doc')}" name="doc"><PlainTextContent>abcdef &xxe;</PlainTextContent>
      <PlainTextSelection guid="{guid('selection', 'doc:0000')}" name="doc:0000" startPosition="0" endPosition="3">
        <Coding guid="{guid('coding', 'c')}"><CodeRef targetGUID="{guid('code', 'D1')}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>"""
    path = tmp_path / "xxe.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project)
    records = read_qdpx(path, codes=CODES)
    assert records == [{"passage_id": "doc:0000", "doc_id": "doc", "start": 0, "end": 3, "text": "abc",
                        "codes": ["D1"], "role": "other", "note": ""}]
    assert "SECRET" not in json.dumps(records)
    with zipfile.ZipFile(path, "w") as archive:  # an external entity in an attribute is refused
        archive.writestr("project.qde", project.replace('name="doc"', 'name="&xxe;"'))
    with pytest.raises(QdpxError, match="not well-formed"):
        read_qdpx(path, codes=CODES)


def test_source_text_that_is_not_utf8_is_an_error(qdpx: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.qdpx"
    with zipfile.ZipFile(qdpx) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("sources/"):
                data = "机关党建".encode("gb18030") + data
            target.writestr(item, data)
    with pytest.raises(QdpxError, match="not UTF-8"):
        read_qdpx(broken, codes=CODES)


def test_units_are_cases_holding_their_documents(qdpx: Path, tables) -> None:
    project = _project(qdpx)
    cases = {c.get("name"): c for c in project.iterfind("q:Cases/q:Case", NS)}
    units = tables["units"]
    assert set(cases) == set(units.unit)
    variables = {v.get("guid"): v.get("name") for v in project.iterfind("q:Variables/q:Variable", NS)}
    for row in units.itertuples():
        case = cases[row.unit]
        assert case.get("guid") == guid("case", row.unit)
        refs = [r.get("targetGUID") for r in case.iterfind("q:SourceRef", NS)]
        assert refs == [guid("source", d) for d in row.doc_ids]
        values = {variables[v.find("q:VariableRef", NS).get("targetGUID")]: v for v in case.iterfind("q:VariableValue", NS)}
        assert int(values["文档数"].findtext("q:IntegerValue", namespaces=NS)) == len(row.doc_ids)
        assert values["kind"].findtext("q:TextValue", namespaces=NS)


def test_no_absolute_paths_and_no_memo_on_every_coding(qdpx: Path, tables) -> None:
    with zipfile.ZipFile(qdpx) as archive:
        raw = archive.read("project.qde").decode("utf-8")
    for path in tables["documents"].source_path.dropna():
        assert str(Path(path).parent) not in raw
        assert Path(path).name in raw
    assert "lzp passage_id:" not in raw
    project = _project(qdpx)
    passage_ids = set(tables["passages"].passage_id)
    memos = [s.get("name") for s in project.iter(f"{{{NAMESPACE}}}PlainTextSelection")
             if s.find("q:Description", NS) is not None]
    assert memos and not passage_ids & set(memos)  # only figures carry a description
    source = project.find("q:Sources/q:TextSource[@name='planted']", NS)
    variables = {v.get("guid"): v.get("name") for v in project.iterfind("q:Variables/q:Variable", NS)}
    values = {variables[v.find("q:VariableRef", NS).get("targetGUID")]: v.findtext("q:TextValue", namespaces=NS)
              for v in source.iterfind("q:VariableValue", NS)}
    passages = tables["passages"].set_index("passage_id")
    planted_tags = tables["tags"][tables["tags"].doc_id == "planted"].passage_id
    lines = values["段落编号"].splitlines()
    assert lines == [f"{passages.start[p]}-{passages.end[p]} {p}" for p in sorted(planted_tags, key=lambda p: (passages.start[p], passages.end[p], p))]


def test_verdicts_are_coded_on_evidence_and_noted_per_requirement(qdpx: Path, tables) -> None:
    project = _project(qdpx)
    group = project.find("q:CodeBook/q:Codes/q:Code[@name='要求落实']", NS)
    assert [c.get("name") for c in group.findall("q:Code", NS)] == ["evidenced 已落实", "mentioned 仅提及", "no evidence 无证据"]
    codings: dict[str, set[str]] = {}
    for selection in project.iter(f"{{{NAMESPACE}}}PlainTextSelection"):
        codings[selection.get("name")] = {c.find("q:CodeRef", NS).get("targetGUID") for c in selection.findall("q:Coding", NS)}
    matches = tables["matches"]
    for match in matches[matches.status == "evidenced"].itertuples():
        assert guid("verdict", "evidenced") in codings[match.evidence_passage_ids[0]]
    evidenced = set(matches[matches.status == "evidenced"].requirement_id)
    for requirement_id in tables["requirements"].requirement_id:
        gap = guid("verdict", "no evidence") in codings[requirement_id]
        assert gap == (requirement_id not in evidenced), requirement_id
    notes = {n.get("guid"): n.findtext("q:PlainTextContent", namespaces=NS) for n in project.iterfind("q:Notes/q:Note", NS)}
    assert len(notes) == len(tables["requirements"])
    first = tables["requirements"].requirement_id.iloc[0]
    note = notes[guid("note", first)]
    for unit in tables["units"].unit:
        assert unit in note
    assert read_qdpx(qdpx, codes=CODES)  # verdict selections are not imported as passages


def test_renamed_codes_are_recognised_by_guid(qdpx: Path, tables, tmp_path: Path) -> None:
    def edit(project: etree._Element) -> None:
        for code in project.iter(f"{{{NAMESPACE}}}Code"):
            if code.get("guid") == guid("code", "D2"):
                code.set("name", "两张皮问题")  # an analyst's own label, no code id in it
            if code.get("guid") == guid("role", "problem"):
                code.set("name", "存在问题")

    edited = _rewrite(qdpx, tmp_path / "renamed.qdpx", edit)
    records = {r["passage_id"]: r for r in read_qdpx(edited, codes=CODES)}
    tags = tables["tags"]
    assert (tags.codes.map(lambda c: "D2" in c)).any()
    for row in tags.itertuples():
        assert records[row.passage_id]["codes"] == sorted(row.codes)
        assert records[row.passage_id]["role"] == row.role


def test_initiatives_and_figures_are_coded(qdpx: Path, tables) -> None:
    project = _project(qdpx)
    coded: dict[str, set[str]] = {}
    for selection in project.iter(f"{{{NAMESPACE}}}PlainTextSelection"):
        coded[selection.get("name")] = {c.find("q:CodeRef", NS).get("targetGUID") for c in selection.findall("q:Coding", NS)}
    assert set(tables["initiatives"].passage_id)
    for passage_id in tables["initiatives"].passage_id:
        assert guid("result", "initiative") in coded[passage_id]
    percent = tables["figures"][tables["figures"].surface == "15.4％"].iloc[0]
    assert coded[percent.figure_id] == {guid("result", "figure")}
    selection = project.find(f".//q:PlainTextSelection[@name='{percent.figure_id}']", NS)
    assert "对象：干部" in selection.findtext("q:Description", namespaces=NS)
