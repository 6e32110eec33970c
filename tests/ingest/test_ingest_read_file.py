"""read_file: checks before dispatch, registry."""

from __future__ import annotations

import pytest

from pipeline.errors import EmptyFileError, FileTooLargeError, MissingFileError, UnsupportedFormatError
from pipeline.ingest import READERS, SUPPORTED_SUFFIXES, read_file, register_reader, unregister_reader
from pipeline.records import Extraction, TextBlock


def test_registry():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc", ".wps", ".rtf", ".odt"} <= SUPPORTED_SUFFIXES
    assert set(SUPPORTED_SUFFIXES) <= set(READERS)


def test_suffix_is_case_insensitive(tmp_path):
    path = tmp_path / "UPPER.TXT"
    path.write_text("正文", encoding="utf-8")
    assert read_file(path).text == "正文"


def test_missing_and_directory(tmp_path):
    with pytest.raises(MissingFileError) as info:
        read_file(tmp_path / "nope.txt")
    assert info.value.reason == "file not found"
    with pytest.raises(MissingFileError) as info:
        read_file(tmp_path)
    assert info.value.reason == "not a regular file"


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(FileTooLargeError) as info:
        read_file(path, max_bytes=1024)
    assert info.value.reason == "file too large (2.0 KB > 1.0 KB limit)"


def test_unsupported(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(UnsupportedFormatError) as info:
        read_file(path)
    assert info.value.reason == "unsupported format: .xlsx"
    noext = tmp_path / "README"
    noext.write_text("x")
    with pytest.raises(UnsupportedFormatError) as info:
        read_file(noext)
    assert info.value.reason == "unsupported format: (no suffix)"


def _blank_reader(path):
    return Extraction(blocks=(TextBlock(text="  ", paragraph=1),))


def test_register_and_empty_extraction(tmp_path):
    register_reader("blank", _blank_reader)
    try:
        path = tmp_path / "x.blank"
        path.write_text("content")
        with pytest.raises(EmptyFileError) as info:
            read_file(path)
        assert info.value.reason == "no extractable text"
    finally:
        unregister_reader(".blank")
    assert ".blank" not in READERS
