"""The benchmark's scaled corpus: the originals plus shuffled copies of the same size, none a duplicate."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import bench


@pytest.mark.skipif(not bench.POLITICAL_DIR.is_dir(), reason="the political corpus is not beside the project")
def test_a_scaled_corpus_holds_the_originals_and_distinct_copies_of_their_size(tmp_path: Path) -> None:
    folder, policy = bench.political_corpus(tmp_path / "x2", 2)
    originals = sorted(p for p in folder.glob("*.txt") if "-x" not in p.name)
    copies = sorted(folder.glob("*-x1.txt"))
    assert policy in originals and len(originals) == len(copies) > 50
    original_chars = sum(len(p.read_text(encoding="utf-8")) for p in originals)
    copy_chars = sum(len(p.read_text(encoding="utf-8")) for p in copies)
    assert 0.9 * original_chars <= copy_chars <= 1.1 * original_chars
    texts = {p.read_text(encoding="utf-8") for p in originals}
    assert not any(p.read_text(encoding="utf-8") in texts for p in copies)


def test_stage_seconds_are_read_from_the_log(tmp_path: Path) -> None:
    log = tmp_path / "lzp.log"
    log.write_text("2026-01-01 INFO lzp: stage tag 1.250 s\n2026-01-01 INFO lzp: stage write 0.500 s\n", encoding="utf-8")
    assert bench._stage_seconds(log) == {"tag": 1.25, "write": 0.5}
