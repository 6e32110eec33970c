"""Legacy formats through LibreOffice: missing converter, and a real conversion when installed."""

from __future__ import annotations

import pytest

from pipeline.errors import ConverterMissingError
from pipeline.ingest import office, read_file


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".rtf", ".odt"])
def test_converter_missing(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(ConverterMissingError) as info:
        read_file(path)
    assert "LibreOffice" in info.value.reason
    assert "apt-get install" in info.value.reason


@pytest.mark.skipif(office.find_converter() is None, reason="LibreOffice (soffice) not installed")
def test_rtf_conversion(tmp_path):
    path = tmp_path / "note.rtf"
    path.write_text(r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Party building and business work.\par Second line.\par}")
    extraction = read_file(path)
    assert "Party building and business work." in extraction.text
    assert extraction.metadata["converted_with"] == "LibreOffice"
    assert extraction.metadata["format"] == "rtf"

