"""DOCX reader: document order, tables, numbering labels, text boxes, bad archives."""

from __future__ import annotations

import zipfile

import pytest

from pipeline.archive import check_zip_archive
from pipeline.errors import CorruptFileError, EncryptedFileError, ZipBombError
from pipeline.ingest import read_file
from pipeline.ingest.docx import chinese_number, format_number, read_docx

QUZHOU_HEADINGS = [
    "一、牢固树立机关党建和业务工作融合发展的理念。",
    "二、把讲政治的要求落实到业务工作中。",
    "三、充分发挥党支部在推动业务工作中的战斗堡垒作用。",
    "四、把思想政治工作贯穿业务工作全过程。",
    "五、完善机关党建和业务工作融合发展机制。",
    "六、建设精通党务、熟悉业务的党务干部队伍。",
]


def test_quzhou_docx(fixtures_dir):
    extraction = read_file(fixtures_dir / "quzhou-opinion.docx")
    texts = [b.text for b in extraction.blocks]
    assert texts[0] == "中共曲周县委组织部"
    assert texts[1] == "曲组〔2021〕2号"
    for heading in QUZHOU_HEADINGS:
        assert sum(t.startswith(heading) for t in texts) == 1, heading
    starts = [next(i for i, t in enumerate(texts) if t.startswith(h)) for h in QUZHOU_HEADINGS]
    assert starts == sorted(starts)
    assert [b.paragraph for b in extraction.blocks] == list(range(1, len(texts) + 1))
    assert all(b.page is None and b.text.strip() for b in extraction.blocks)


def test_experience_compilation(fixtures_dir):
    extraction = read_file(fixtures_dir / "experience-compilation.docx")
    text = extraction.text
    positions = [text.index(f"第{n}篇") for n in "一二三四五"]
    assert positions == sorted(positions)
    assert "（一）思维模式上固化" in text


# --- crafted documents ---------------------------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
V_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'
WPS_NS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'

ABSTRACT_NUM = f"""
<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _number(paragraph, ilvl, num_id="90"):
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _text_box_run(text):
    from docx.oxml import parse_xml

    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f"<w:r {W_NS} {MC_NS} {V_NS} {WPS_NS}><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


@pytest.fixture
def crafted(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.core_properties.title = "关于推动机关党建和业务工作融合的意见"
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT_NUM))
    numbering.append(parse_xml(NUM))
    document.sections[0].header.paragraphs[0].text = "页眉文字不应出现"
    document.sections[0].footer.paragraphs[0].text = "页脚文字不应出现"

    document.add_paragraph("标题段落")
    _number(document.add_paragraph("总体要求"), 0)
    _number(document.add_paragraph("指导思想"), 1)
    _number(document.add_paragraph("第一项"), 2)
    _number(document.add_paragraph("第二项"), 2)
    _number(document.add_paragraph("圆点项目"), 3)
    _number(document.add_paragraph("目标任务"), 1)
    _number(document.add_paragraph("第一项新"), 2)
    _number(document.add_paragraph("主要措施"), 0)
    document.add_paragraph("清单第一条", style="List Number")
    document.add_paragraph("")

    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "单位", "问题", "措施"
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "县直机关"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "两张皮"
    table.cell(2, 1).text, table.cell(2, 2).text = "考核", "融合"

    anchor = document.add_paragraph("锚定段落")
    anchor._p.append(_text_box_run("文本框里的内容"))
    document.add_paragraph("结尾段落")

    # A content control (w:sdt) around a paragraph at body level.
    sdt = parse_xml(
        f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, sdt)
    path = tmp_path / "crafted.docx"
    document.save(str(path))
    return path


def test_crafted_document(crafted):
    extraction = read_file(crafted)
    texts = [b.text for b in extraction.blocks]
    assert texts == [
        "标题段落",
        "一、总体要求",
        "（一）指导思想",
        "1. 第一项",
        "2. 第二项",
        "圆点项目",
        "（二）目标任务",
        "1. 第一项新",
        "二、主要措施",
        "1. 清单第一条",
        "单位\t问题\t措施",
        "县直机关\t两张皮",
        "考核\t融合",
        "锚定段落",
        "文本框里的内容",
        "结尾段落",
        "控件里的段落",
    ]
    assert extraction.warnings == ("1 text boxes extracted",)
    assert extraction.metadata["title"] == "关于推动机关党建和业务工作融合的意见"
    assert "页眉" not in extraction.text and "页脚" not in extraction.text
    assert [b.paragraph for b in extraction.blocks] == list(range(1, len(texts) + 1))


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (13, "chineseCountingThousand", "十三"),
        (21, "chineseCounting", "二十一"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "ideographTraditional", "丁"),
        (12, "decimalFullWidth", "１２"),
        (4, "lowerRoman", "iv"),
        (28, "upperLetter", "BB"),
        (7, "somethingNew", "7"),
    ],
)
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 99, 100, 101, 110)] == [
        "一", "九", "十", "十一", "二十", "九十九", "一百", "一百零一", "一百一十",
    ]


# --- bad archives --------------------------------------------------------------------------------


def test_zip_bomb_named_docx(tmp_path):
    # A member of 1 MB of zeros whose central-directory entry declares 3 GB: the guard must refuse it
    # from the declared sizes alone, before anything is inflated.
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (1 << 20))
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 1)  # second central-directory entry
    data[entry + 24 : entry + 28] = (3_000_000_000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size == 3_000_000_000
    with pytest.raises(ZipBombError) as info:
        read_file(path)
    assert info.value.reason == "archive expands beyond the size limit (2861 MB > 500 MB)"


def test_high_compression_ratio(tmp_path):
    path = tmp_path / "ratio.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (20 << 20))
    with pytest.raises(ZipBombError) as info:
        check_zip_archive(path, max_uncompressed=100 << 20)
    assert "compression ratio" in info.value.reason
    with pytest.raises(ZipBombError):
        read_docx(path, max_uncompressed=10 << 20)


def test_non_zip_named_docx(tmp_path):
    path = tmp_path / "plain.docx"
    path.write_text("这不是一个 Word 文件", encoding="utf-8")
    with pytest.raises(CorruptFileError) as info:
        read_file(path)
    assert info.value.reason == "corrupt .docx (not a zip archive)"


def test_zip_without_document_part(tmp_path):
    path = tmp_path / "empty-zip.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(CorruptFileError) as info:
        read_file(path)
    assert info.value.reason.startswith("corrupt .docx (")


def test_truncated_docx(fixtures_dir, tmp_path):
    data = (fixtures_dir / "quzhou-opinion.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError):
        read_file(path)


def test_password_protected_docx(tmp_path):
    # Encrypted OOXML is an OLE compound file holding an "EncryptedPackage" stream.
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    with pytest.raises(EncryptedFileError) as info:
        read_file(path)
    assert info.value.reason == "encrypted"


def test_legacy_doc_named_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(CorruptFileError) as info:
        read_file(path)
    assert "legacy Word" in info.value.reason
