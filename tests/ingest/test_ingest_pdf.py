"""PDF reader: text per page, page furniture removed, encrypted/corrupt files, OCR fallback."""

from __future__ import annotations

import re
import time

import pytest

from pipeline import config
from pipeline.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from pipeline.ingest import pdf as pdf_reader
from pipeline.ingest import read_file
from pipeline.ingest.pdf import cid_ratio, is_page_number, strip_running_lines

SECTION_HEADINGS = [
    "牢固树",  # 一、牢固树立… (立 is ⽴ in the PDF)
    "把讲政治的要求落实到业务",
    "充分发挥党",
    "把思想政治",
    "完善机关党建和业务",
    "建设精通党务",
]


@pytest.fixture(scope="module")
def quzhou(fixtures_dir):
    return read_file(fixtures_dir / "quzhou-opinion.pdf")


def test_text_and_pages(quzhou):
    text = quzhou.text
    # 工 may come out as the Kangxi radical ⼯ (U+2F2F): normalisation is a later step.
    assert re.search("机关党建和业务[工⼯]作", text)
    assert "曲组〔2021〕2号" in text
    assert "中共曲周县委组织部" in text
    for heading in SECTION_HEADINGS:
        assert heading in text
    assert [b.page for b in quzhou.blocks] == [1, 2, 3, 4, 5]
    assert quzhou.metadata["n_pages"] == "5"
    assert "title" not in quzhou.metadata  # "quzhou-opinion.html" is a file name, not a title
    assert quzhou.warnings == ()


def test_page_numbers_removed(quzhou):
    for block in quzhou.blocks:
        for line in block.text.splitlines():
            assert not is_page_number(line), line
    assert "— 1 —" not in quzhou.text
    assert not re.search(r"^\W*\d+\W*$", quzhou.text, re.MULTILINE)


def test_no_spaces_inserted_between_cjk(quzhou):
    # The only CJK–space–CJK spots are real gaps of the layout (the source title has "业务 工作").
    gaps = re.findall(r"[\u2e80-\u9fff] [\u2e80-\u9fff]", quzhou.text)
    assert len(gaps) <= 2


def test_pdfminer_is_quiet(fixtures_dir, capsys):
    # pdfminer's warnings may reach the log file (the CLI sends them there), never the terminal.
    read_file(fixtures_dir / "quzhou-opinion.pdf")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_encrypted_pdf(fixtures_dir, tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(fixtures_dir / "quzhou-opinion.pdf"))
    writer.encrypt("pw")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    with pytest.raises(EncryptedFileError) as info:
        read_file(path)
    assert info.value.reason == "encrypted"


def test_owner_password_only_is_readable(fixtures_dir, tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(fixtures_dir / "quzhou-opinion.pdf"))
    writer.encrypt("", owner_password="owner")
    path = tmp_path / "owner.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    assert "曲组〔2021〕2号" in read_file(path).text


def test_truncated_pdf(fixtures_dir, tmp_path):
    data = (fixtures_dir / "quzhou-opinion.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError) as info:
        read_file(path)
    assert info.value.reason == "corrupt or truncated PDF (unexpected end of file)"


def test_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"this is not a PDF at all\n" * 20)
    with pytest.raises(CorruptFileError) as info:
        read_file(path)
    assert info.value.reason.startswith("corrupt PDF (")


def _ascii_pdf(path, pages):
    from fpdf import FPDF

    document = FPDF()
    document.set_font("Helvetica", size=12)
    for lines in pages:
        document.add_page()
        for line in lines:
            document.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    document.output(str(path))


def test_running_header_and_page_numbers(tmp_path):
    path = tmp_path / "report.pdf"
    bodies = [["Opening words.", "First part."], ["Second part.", "More detail."], ["Third part.", "Closing words."]]
    _ascii_pdf(
        path,
        [[f"County Work Committee Report, page {n}", *body, f"- {n} -"] for n, body in enumerate(bodies, start=1)],
    )
    extraction = read_file(path)
    assert [b.text.splitlines() for b in extraction.blocks] == bodies


@pytest.mark.parametrize(
    ("line", "expected"),
    [("— 1 —", True), ("- 2 -", True), ("第 3 页", True), ("第3页 共10页", True), ("12", True), ("3/10", True),
     ("一1一", True), ("—2—", True), ("2021年3月24日", False), ("一、牢固树立", False), ("第一篇", False)],
)
def test_page_number_lines(line, expected):
    assert is_page_number(line) is expected


def test_running_lines_need_half_the_pages():
    pages = [["Header 1", "a", "x"], ["Header 2", "b", "y"], ["Other", "c", "z"], ["Header 4", "d", "w"]]
    assert strip_running_lines(pages) == [["a", "x"], ["b", "y"], ["Other", "c", "z"], ["d", "w"]]
    assert strip_running_lines([["only", "page"]]) == [["only", "page"]]


class _FakePage:
    chars = [object()]

    def __init__(self, text):
        self.text = text

    def dedupe_chars(self):
        return self

    def extract_text(self):
        return self.text

    def extract_text_lines(self):
        # every line in its own font size, so geometry never joins them
        return [
            {"text": line, "x0": 0.0, "x1": 10.0, "chars": [{"size": 10.0 + index}]}
            for index, line in enumerate(self.text.splitlines())
        ]


def _line(text: str, x0: float, x1: float, size: float = 16.0) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "chars": [{"size": size}]}


def test_join_wrapped_lines_uses_geometry():
    lines = [
        _line("中共曲周县委组织部 中共曲周县委县直机关⼯委", 88, 513, 20),
        _line("关于破解“两张⽪”问题推动机关党建和业务 ⼯", 88, 513, 20),
        _line("作深度融合的意⻅", 221, 381, 20),  # centred last line of the title
        _line("为深⼊贯彻落实习近平总书记在中央和国家机关党的建", 117, 501),  # indented first line
        _line("设⼯作会议上的重要讲话精神，按照中央、省委、市委有关", 85, 501),
        _line("党建和业务⼯作深度融合提出如下意⻅：", 85, 373),  # short: the paragraph ends
        _line("⼀、牢固树⽴机关党建和业务⼯作融合发展的理念。机", 117, 501),  # indented: new paragraph
        _line("— 1 —", 283, 319, 12),
    ]
    assert pdf_reader.join_wrapped_lines(lines) == [
        "中共曲周县委组织部 中共曲周县委县直机关⼯委关于破解“两张⽪”问题推动机关党建和业务 ⼯作深度融合的意⻅",
        "为深⼊贯彻落实习近平总书记在中央和国家机关党的建设⼯作会议上的重要讲话精神，按照中央、省委、市委有关"
        "党建和业务⼯作深度融合提出如下意⻅：",
        "⼀、牢固树⽴机关党建和业务⼯作融合发展的理念。机",
        "— 1 —",
    ]


def test_cid_garbage_measured_and_removed():
    text = "(cid:12)(cid:345)正文\n第二行(cid:7)"
    assert cid_ratio(text) == pytest.approx(24 / 29)
    assert cid_ratio("正文") == 0.0
    warnings: list[str] = []
    lines = pdf_reader._page_lines(_FakePage(text), 3, warnings)
    assert lines == ["正文", "第二行"]
    assert warnings == ["page 3: 83% unmapped glyphs (cid)"]
    warnings.clear()
    pdf_reader._page_lines(_FakePage("正文" * 100 + "(cid:1)"), 1, warnings)
    assert cid_ratio("正文" * 100 + "(cid:1)") < config.CID_GARBAGE_WARN_RATIO and warnings == []


def test_scanned_pdf_without_ocr(fixtures_dir, monkeypatch):
    monkeypatch.setattr(pdf_reader, "get_ocr_engine", lambda: None)
    with pytest.raises(NoTextLayerError) as info:
        read_file(fixtures_dir / "quzhou-opinion-scanned.pdf")
    assert info.value.reason == "no text layer"


@pytest.mark.slow
def test_scanned_pdf_with_ocr(fixtures_dir):
    if pdf_reader.get_ocr_engine() is None:
        pytest.skip("rapidocr_onnxruntime not installed")
    started = time.monotonic()
    extraction = read_file(fixtures_dir / "quzhou-opinion-scanned.pdf")
    elapsed = time.monotonic() - started
    assert extraction.warnings == ("page 1: no text layer, OCR used", "page 2: no text layer, OCR used")
    assert [b.page for b in extraction.blocks] == [1, 2]
    assert extraction.metadata["ocr_pages"] == "1,2"
    text = extraction.text
    assert "中共曲周县委组织部" in text
    assert "两张皮" in text
    assert "机关党建和业务工作" in text
    assert not any(is_page_number(line) for line in text.splitlines())
    assert elapsed < 60
