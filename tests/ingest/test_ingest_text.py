"""Plain-text reader: strict decoding, one block per line."""

from __future__ import annotations

import codecs
import os

import pytest

from pipeline.errors import DecodingError, EmptyFileError
from pipeline.ingest import read_file
from pipeline.ingest.text import decode_bytes, rare_share, read_text

SIMPLIFIED = "关于深化机关党建与业务共融共促的探索与思考\n县直机关单位是政治机关，政治属性是第一属性。\n"
TRADITIONAL = (
    "機關黨建和業務工作深度融合的意見\n問：《意見》出臺的背景和意義是什麼？\n"
    "答：機關黨的建設是機關建設的根本保證，黨建和業務工作「兩張皮」問題，長期制約著機關黨的建設質量提升。\n"
)


def test_gb18030_fixture(fixtures_dir):
    extraction = read_file(fixtures_dir / "county-exploration-gb18030.txt")
    assert extraction.metadata["encoding"] == "gb18030"
    assert "关于深化机关党建与业务共融共促的探索与思考" in extraction.text
    assert "##paidbegin##" in extraction.text  # markers are the normaliser's business
    assert [b.paragraph for b in extraction.blocks] == list(range(1, len(extraction.blocks) + 1))


def test_blocks_are_lines_with_line_numbers(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# 标题\r\n\r\n第一段\n第二段\n", encoding="utf-8")
    extraction = read_text(path)
    assert [(b.paragraph, b.text) for b in extraction.blocks] == [(1, "# 标题"), (2, ""), (3, "第一段"), (4, "第二段")]
    assert extraction.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize(
    ("encoding", "text", "expected"),
    [
        ("gbk", SIMPLIFIED, "gb18030"),
        ("gb18030", TRADITIONAL, "gb18030"),
        ("big5", TRADITIONAL, "big5"),
        ("utf-8", TRADITIONAL, "utf-8"),
    ],
)
def test_legacy_encodings(tmp_path, encoding, text, expected):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    extraction = read_file(path)
    assert extraction.text == text.rstrip("\n")
    assert extraction.metadata["encoding"] == expected


def test_big5_is_not_taken_for_gb18030_garbage():
    data = TRADITIONAL.encode("big5")
    garbage = data.decode("gb18030")  # succeeds, but is nonsense
    assert rare_share(garbage) > 0.5
    assert rare_share(TRADITIONAL) < 0.05
    assert decode_bytes(data) == (TRADITIONAL, "big5")


@pytest.mark.parametrize(
    ("bom_codec", "label"),
    [("utf-16", None), ("utf-16-be", "utf-16-be"), ("utf-32", None), ("utf-8-sig", "utf-8-sig")],
)
def test_unicode_with_bom(tmp_path, bom_codec, label):
    if bom_codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be")
    else:
        data = SIMPLIFIED.encode(bom_codec)
    path = tmp_path / "u.txt"
    path.write_bytes(data)
    extraction = read_file(path)
    assert extraction.text == SIMPLIFIED.rstrip("\n")
    assert extraction.blocks[0].text == "关于深化机关党建与业务共融共促的探索与思考"  # BOM not in the text
    assert extraction.metadata["encoding"].startswith("utf-")
    if label:
        assert extraction.metadata["encoding"] == label


def test_utf16_without_bom_is_binary(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes(SIMPLIFIED.encode("utf-16-le"))
    with pytest.raises(DecodingError) as info:
        read_file(path)
    assert info.value.reason == "binary file, not text"


def test_random_bytes_named_txt(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(os.urandom(4096) + b"\x00\x00\x00")
    with pytest.raises(DecodingError) as info:
        read_file(path)
    assert info.value.reason == "binary file, not text"


def test_control_characters_without_nul_are_binary(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes(range(1, 32)) * 20 + "正文".encode())
    with pytest.raises(DecodingError) as info:
        read_file(path)
    assert info.value.reason == "binary file, not text"


def test_undecodable(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfd abc \x81\x20 \xfe\xff"[2:] + b"\x80\x80\xff")
    with pytest.raises(DecodingError) as info:
        read_file(path)
    assert info.value.reason == DecodingError.reason


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError) as info:
        read_file(path)
    assert info.value.reason == "empty file (0 bytes)"


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n\t\n", encoding="utf-8")
    with pytest.raises(EmptyFileError) as info:
        read_file(path)
    assert info.value.reason == "no extractable text"
