"""Ingest of whole batches: the seed corpus, the real-format fixtures, bad files and the manifest."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from rapidfuzz.distance import Levenshtein

from pipeline.corpus import Corpus, ingest, read_metadata_manifest, write_corpus
from pipeline.errors import UsageError

HAN = re.compile(r"[\u4e00-\u9fff]")
RADICALS = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")


def han_only(text: str) -> str:
    return "".join(HAN.findall(text))


FRONT_MATTER_ALLOWANCE = 60  # Han characters of site chrome a web copy may carry before the article


def character_error_rate(hypothesis: str, reference: str) -> float:
    """Levenshtein distance over the Chinese characters, relative to the reference length.

    A web-copy seed may open with site chrome (site name, channel, 时间/来源 lines) that a real-format
    rendition keeps out of the article; the reference starts where the hypothesis starts if that is
    within the first ``FRONT_MATTER_ALLOWANCE`` characters.
    """
    reference, hypothesis = han_only(reference), han_only(hypothesis)
    offset = reference.find(hypothesis[:12], 0, FRONT_MATTER_ALLOWANCE + 12)
    if 0 < offset <= FRONT_MATTER_ALLOWANCE:
        reference = reference[offset:]
    return Levenshtein.distance(hypothesis, reference) / max(1, len(reference))


def test_character_error_rate() -> None:
    assert character_error_rate("机关党建", "机关党建") == 0
    assert character_error_rate("机关党", "机关党建") == 0.25
    assert character_error_rate("破解两张皮问题", "河南机关党建网破解两张皮问题") == 0


@pytest.fixture(scope="module")
def seed_corpus(seeds_dir: Path) -> Corpus:
    return ingest([seeds_dir])


@pytest.fixture(scope="module")
def fixture_corpus(fixtures_dir: Path) -> Corpus:
    return ingest([fixtures_dir])


def by_source(corpus: Corpus, name: str) -> list:
    return [d for d in corpus.documents if Path(d.source_path).name.startswith(name)]


def test_seeds_give_nine_documents(seed_corpus: Corpus) -> None:
    assert len(seed_corpus.manifest) == 5
    assert len(seed_corpus.documents) == 9
    articles = by_source(seed_corpus, "001")
    assert [d.article for d in articles] == [1, 2, 3, 4, 5]
    assert articles[1].duplicate_of == articles[0].doc_id
    assert [d.duplicate_of for d in seed_corpus.documents].count(None) == 8


def test_opinion_front_matter_and_sections(seed_corpus: Corpus) -> None:
    (opinion,) = by_source(seed_corpus, "000")
    assert opinion.doc_number == "曲组〔2021〕2号"
    assert opinion.date == "2021-03-24"
    assert opinion.doc_type == "意见"
    assert [s.path_str for s in opinion.sections if s.level == 1] == ["1", "2", "3", "4", "5", "6"]
    assert "机关党建和业务工作“两张皮”问题" in opinion.text
    assert "**" not in opinion.text and "#" not in opinion.text
    assert "机关党\n" not in opinion.text


def test_web_noise_is_removed(seed_corpus: Corpus) -> None:
    (henan,) = by_source(seed_corpus, "002")
    assert not re.search(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]", henan.text)
    assert "機" not in henan.text and "黨" not in henan.text and "机关党建" in henan.text
    (county,) = by_source(seed_corpus, "003")
    assert "##paid" not in county.text
    (report,) = by_source(seed_corpus, "004")
    assert report.truncated
    assert "省略" not in report.text and "正式会员" not in report.text and "未完" not in report.text


def test_passages_are_offsets_into_the_normalised_text(seed_corpus: Corpus) -> None:
    for document in seed_corpus.documents:
        assert document.passages, document.doc_id
        for passage in document.passages:
            assert document.text[passage.start:passage.end] == passage.text
        assert all(p.paragraph is not None for p in document.passages), document.doc_id
        starts = [p.start for p in document.passages]
        assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("fixture", "seed"),
    [
        ("quzhou-opinion.pdf", "000"),
        ("quzhou-opinion.docx", "000"),
        ("henan-qa.html", "002"),
        ("county-exploration-gb18030.txt", "003"),
        ("experience-compilation.docx", "001"),
    ],
)
def test_fixture_text_matches_the_seed(fixture_corpus: Corpus, seed_corpus: Corpus, fixture: str, seed: str) -> None:
    ingested = "".join(d.text for d in by_source(fixture_corpus, fixture))
    reference = "".join(d.text for d in by_source(seed_corpus, seed))
    assert ingested
    assert character_error_rate(ingested, reference) <= 0.01
    assert not RADICALS.search(ingested)


def test_fixture_structure(fixture_corpus: Corpus) -> None:
    for name in ("quzhou-opinion.pdf", "quzhou-opinion.docx"):
        (opinion,) = by_source(fixture_corpus, name)
        assert opinion.doc_number == "曲组〔2021〕2号", name
        assert [s.path_str for s in opinion.sections if s.level == 1] == ["1", "2", "3", "4", "5", "6"], name
    (pdf,) = by_source(fixture_corpus, "quzhou-opinion.pdf")
    assert {p.page for p in pdf.passages} >= {1, 2}
    assert not re.search(r"—\s*\d+\s*—", pdf.text)
    compilation = by_source(fixture_corpus, "experience-compilation.docx")
    assert len(compilation) == 5 and compilation[1].duplicate_of == compilation[0].doc_id


def test_scanned_pdf_is_ocr_text_or_a_warning(fixture_corpus: Corpus) -> None:
    (row,) = [r for r in fixture_corpus.manifest if r.path.endswith("quzhou-opinion-scanned.pdf")]
    assert row.status == "warning"
    scanned = by_source(fixture_corpus, "quzhou-opinion-scanned.pdf")
    if scanned:
        assert "OCR" in row.reason
        assert "两张皮" in scanned[0].text
    else:
        assert row.reason == "no text layer"


def _bad_files(folder: Path, fixtures_dir: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(fixtures_dir / "quzhou-opinion.pdf").pages[:1]:
        writer.add_page(page)
    writer.encrypt("secret")
    with (folder / "encrypted.pdf").open("wb") as handle:
        writer.write(handle)
    data = (fixtures_dir / "quzhou-opinion.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with zipfile.ZipFile(folder / "bomb.docx", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024), compresslevel=9)
        archive.writestr("[Content_Types].xml", b"<Types/>")
    (folder / "notes.xyz").write_text("无人认识的格式", encoding="utf-8")
    (folder / "good.txt").write_text("关于加强机关党建的通知\n\n一、落实一岗双责。各单位要推行党员先锋岗。\n", encoding="gb18030")


def test_every_file_gets_one_manifest_row_and_the_batch_continues(tmp_path: Path, fixtures_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _bad_files(folder, fixtures_dir)
    corpus = ingest([folder], timeout=30)
    rows = {Path(r.path).name: r for r in corpus.manifest}
    assert sorted(rows) == sorted(p.name for p in folder.iterdir())
    assert rows["good.txt"].status == "ok" and rows["good.txt"].n_documents == 1
    assert rows["encrypted.pdf"].status == "failed" and rows["encrypted.pdf"].reason == "encrypted"
    expected_failures = {"truncated.pdf", "empty.txt", "binary.txt", "bomb.docx", "notes.xyz"}
    for name in expected_failures:
        assert rows[name].status == "failed", (name, rows[name])
        assert rows[name].reason, name
    assert "zip bomb" in rows["bomb.docx"].reason
    assert "unsupported format" in rows["notes.xyz"].reason
    assert [d.title for d in corpus.documents] == ["关于加强机关党建的通知"]


def test_write_corpus_is_atomic_and_complete(tmp_path: Path, seed_corpus: Corpus) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.parquet").write_text("stale")
    write_corpus(seed_corpus, out)
    assert sorted(p.name for p in out.iterdir()) == [
        "documents.parquet", "manifest.csv", "passages.parquet", "sections.parquet",
    ]
    documents = pd.read_parquet(out / "documents.parquet")
    required = {"doc_id", "source_path", "title", "doc_type", "issuer", "doc_number", "date", "unit",
                "duplicate_of", "truncated", "text"}
    assert required <= set(documents.columns)
    assert len(documents) == 9
    passages = pd.read_parquet(out / "passages.parquet")
    assert {"passage_id", "doc_id", "section_path", "start", "end", "text", "page"} <= set(passages.columns)
    assert passages.passage_id.is_unique
    manifest = pd.read_csv(out / "manifest.csv")
    assert list(manifest.columns) == ["path", "sha256", "status", "reason", "n_documents", "n_chars", "seconds"]


def test_metadata_manifest_is_read_not_ingested(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("县委组织部关于某事的意见\n\n一、要落实一岗双责。\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,kind,unit,date\na.txt,policy,县委组织部,2021-03-24\n",
                                           encoding="utf-8")
    corpus = ingest([tmp_path])
    assert [Path(r.path).name for r in corpus.manifest] == ["a.txt"]
    (document,) = corpus.documents
    assert (document.kind, document.unit) == ("policy", "县委组织部")


def test_bad_metadata_manifest_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("path,kind\na.txt,memo\n", encoding="utf-8")
    with pytest.raises(UsageError, match="kind must be"):
        read_metadata_manifest(tmp_path / "manifest.csv")


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_dask_gives_the_same_corpus(seed_corpus: Corpus, seeds_dir: Path, scheduler: str) -> None:
    parallel = ingest([seeds_dir], scheduler=scheduler)
    assert [r.path for r in parallel.manifest] == [r.path for r in seed_corpus.manifest]
    assert [(d.doc_id, d.duplicate_of, d.text) for d in parallel.documents] == [
        (d.doc_id, d.duplicate_of, d.text) for d in seed_corpus.documents
    ]


def test_same_file_names_in_two_folders_get_distinct_ids(tmp_path: Path) -> None:
    for folder, text in (("a", "甲单位的经验材料。\n\n开展了活动。"), ("b", "乙单位的经验材料。\n\n建立了制度。")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    ids = [d.doc_id for d in ingest([tmp_path]).documents]
    assert len(ids) == len(set(ids)) == 2 and all(i.startswith("report-") for i in ids)


def test_legacy_word_file_through_libreoffice(tmp_path: Path, fixtures_dir: Path, seed_corpus: Corpus) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed (make office)")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(fixtures_dir / "quzhou-opinion.docx")],
                   check=True, capture_output=True, timeout=180)
    corpus = ingest([tmp_path / "quzhou-opinion.doc"])
    (row,) = corpus.manifest
    assert row.status == "ok", row
    (document,) = corpus.documents
    assert document.doc_number == "曲组〔2021〕2号"
    (seed,) = by_source(seed_corpus, "000")
    assert character_error_rate(document.text, seed.text) <= 0.01
