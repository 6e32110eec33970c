"""Folders as units really send them: every input gets one manifest row, nothing outside leaks.

Each test builds its folder in a temporary directory with sentences written for the test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.corpus import ingest, normalise_date, read_metadata_manifest
from pipeline.errors import UsageError

REPORT = "关于推进机关党建和业务融合的经验材料\n局党组建立一岗双责责任清单，每季度同步部署党建和业务工作。\n"
OTHER = "关于党员教育培训的调研报告\n问卷显示，62％的党员认为培训内容千篇一律。\n"


def _rows(corpus) -> dict[str, object]:
    return {Path(row.path).name: row for row in corpus.manifest}


def test_the_same_report_filed_twice_is_read_once(tmp_path: Path) -> None:
    for unit in ("unitA", "unitB"):
        (tmp_path / unit).mkdir()
        (tmp_path / unit / "报告.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "报告(1).txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "报告（1）.txt").write_text(OTHER, encoding="utf-8")
    corpus = ingest([tmp_path])
    assert len(corpus.manifest) == 4
    ids = [d.doc_id for d in corpus.documents]
    assert len(ids) == len(set(ids)) == 2
    copies = [row for row in corpus.manifest if row.reason.startswith("identical to")]
    assert len(copies) == 2 and all(row.status == "warning" and row.n_documents == 0 for row in copies)
    passage_ids = [p.passage_id for p in corpus.passages]
    assert len(passage_ids) == len(set(passage_ids))


def test_names_with_the_same_stem_but_other_content_keep_distinct_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "报告.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "报告.txt").write_text(OTHER, encoding="utf-8")
    corpus = ingest([tmp_path])
    assert {row.status for row in corpus.manifest} == {"ok"}
    assert len({d.doc_id for d in corpus.documents}) == 2


@pytest.mark.skipif(os.name != "posix", reason="bytes file names are a POSIX matter")
def test_a_file_name_that_is_not_utf8_is_recorded_with_escaped_bytes(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), "报告".encode("gbk") + b".txt")
    with open(raw, "wb") as handle:
        handle.write(REPORT.encode("utf-8"))
    (tmp_path / "正常.txt").write_text(OTHER, encoding="utf-8")
    corpus = ingest([tmp_path])
    assert len(corpus.manifest) == 2 and {row.status for row in corpus.manifest} == {"ok"}
    escaped = [row.path for row in corpus.manifest if "\\x" in row.path]
    assert escaped and escaped[0].endswith("\\xb1\\xa8\\xb8\\xe6.txt")
    escaped[0].encode("utf-8")  # every writer downstream can take it


def test_links_out_of_the_folder_are_not_read(tmp_path: Path) -> None:
    inside = tmp_path / "in"
    inside.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (inside / "report.txt").write_text(REPORT, encoding="utf-8")
    (inside / "passwd.txt").symlink_to(outside)
    (inside / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (inside / "zero.txt").symlink_to("/dev/zero")
    (inside / "again.txt").symlink_to(inside / "report.txt")  # inside the folder: read (and kept once)
    os.mkfifo(inside / "pipe.txt")
    corpus = ingest([inside])
    rows = _rows(corpus)
    assert set(rows) == {"report.txt", "passwd.txt", "dangling.txt", "zero.txt", "again.txt", "pipe.txt"}
    assert rows["passwd.txt"].status == "failed" and "outside the input folders" in rows["passwd.txt"].reason
    assert rows["dangling.txt"].status == "failed" and "broken link" in rows["dangling.txt"].reason
    assert rows["zero.txt"].status == "failed"
    assert rows["pipe.txt"].status == "failed" and "FIFO" in rows["pipe.txt"].reason
    assert all("root:x" not in d.text for d in corpus.documents)
    followed = ingest([inside], follow_links=True)
    assert any("root:x" in d.text for d in followed.documents)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_gets_a_row(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "report.txt").write_text(REPORT, encoding="utf-8")
    locked.chmod(0)
    try:
        corpus = ingest([tmp_path])
    finally:
        locked.chmod(0o755)
    assert any("unreadable folder" in row.reason for row in corpus.manifest)


def test_an_empty_folder_is_a_warning(tmp_path: Path) -> None:
    corpus = ingest([tmp_path])
    assert corpus.manifest == [] and any("no input files" in w for w in corpus.warnings)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_a_manifest_saved_by_excel_is_read_in_any_common_encoding(tmp_path: Path, encoding: str) -> None:
    manifest = tmp_path / "清单.csv"
    manifest.write_text("path,kind,unit,date\r\n报告.txt,report,县交通运输局,2023/12/2\r\n", encoding=encoding)
    entries = read_metadata_manifest(manifest)
    assert entries["报告.txt"].unit == "县交通运输局"
    assert entries["报告.txt"].date == "2023-12-02"


def test_manifest_rows_naming_missing_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,kind,unit\nreport.txt,report,甲局\nghost.txt,report,乙局\n",
                                           encoding="utf-8")
    corpus = ingest([tmp_path])
    assert any("ghost.txt" in warning for warning in corpus.warnings)


def test_dates_are_normalised_and_nonsense_is_a_usage_error() -> None:
    assert normalise_date("2023年12月2日", where="m") == "2023-12-02"
    assert normalise_date("2023.1.05", where="m") == "2023-01-05"
    assert normalise_date("", where="m") is None
    with pytest.raises(UsageError, match="not a date"):
        normalise_date("下周一", where="m")


# --- the output folder ---------------------------------------------------------------------------

POLICY = "关于推动机关党建和业务工作深度融合的意见\n一、健全机制\n各单位要建立党建与业务同部署、同考核机制。\n"


def _analyze(folder: Path, out: Path, *extra: str):
    from typer.testing import CliRunner

    from pipeline.cli import app

    return CliRunner().invoke(app, ["analyze", str(folder), "--policy", str(folder / "意见.txt"),
                                    "--out", str(out), "--quiet", *extra])


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "意见.txt").write_text(POLICY, encoding="utf-8")
    (folder / "报告.txt").write_text(REPORT, encoding="utf-8")
    return folder


def test_a_second_run_into_the_same_folder_is_refused(small_folder: Path, tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    with (tmp_path / ".out.lzp-lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = _analyze(small_folder, out)
    assert result.exit_code == 2
    assert "another lzp run" in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_a_rerun_replaces_the_folder_and_cleans_up_a_killed_run(small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _analyze(small_folder, out).exit_code == 0
    (out / "reports" / "stale-page.html").write_text("old", encoding="utf-8")
    (out / ".lzp.xlsx.abc123.tmp").write_text("partial", encoding="utf-8")
    (tmp_path / ".out.staging-999999").mkdir()  # what a killed run leaves
    result = _analyze(small_folder, out)
    assert result.exit_code == 0, result.output
    assert not (out / "reports" / "stale-page.html").exists()
    assert not list(out.rglob("*.tmp")) and not (tmp_path / ".out.staging-999999").exists()
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["n_files"] == 2
    newest = max(p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p.name != "lzp.log")
    assert (out / "run.json").stat().st_mtime_ns == newest  # written last


def test_a_failed_run_leaves_the_previous_output_untouched(small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _analyze(small_folder, out).exit_code == 0
    before = sorted(p.name for p in out.rglob("*"))
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["analyze", str(small_folder / "报告.txt"), "--out", str(out), "--quiet"])
    assert result.exit_code == 2 and "no policy document" in result.output
    assert sorted(p.name for p in out.rglob("*")) == before
    assert "(details: " in result.output and (tmp_path / "out.failed" / "lzp.log").is_file()


@pytest.mark.parametrize(("options", "message"), [
    (["--max-mb", "0"], "--max-mb"), (["--timeout", "0"], "--timeout"), (["--max-memory-mb", "0"], "--max-memory-mb"),
    (["--manifest", "/nonexistent/manifest.csv"], "no such manifest"),
])
def test_nonsensical_options_are_one_line_usage_errors(small_folder: Path, tmp_path: Path, options: list[str],
                                                       message: str) -> None:
    result = _analyze(small_folder, tmp_path / "out", *options)
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_out_naming_a_file_is_a_usage_error(small_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    result = _analyze(small_folder, target)
    assert result.exit_code == 2 and "is a file" in result.output and target.read_text(encoding="utf-8") == "x"


def test_a_policy_outside_the_input_folders_is_read_as_the_yardstick(small_folder: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    elsewhere = tmp_path / "yardstick"
    elsewhere.mkdir()
    (small_folder / "意见.txt").rename(elsewhere / "意见.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(small_folder), "--policy", str(elsewhere / "意见.txt"),
                                      "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["n_requirements"] >= 1


def test_the_log_records_every_file_and_warning(small_folder: Path, tmp_path: Path) -> None:
    (small_folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "out"
    assert _analyze(small_folder, out).exit_code == 0
    log = (out / "lzp.log").read_text(encoding="utf-8")
    for name in ("意见.txt", "报告.txt", "broken.pdf"):
        assert name in log
    assert "INFO" in log


# --- compilations ----------------------------------------------------------------------------------


def _compilation() -> str:
    body = "局党组建立一岗双责责任清单，每季度同步部署党建和业务工作，年底同步考核。" * 8
    return ("机关党建文集\n编者按：本书收录各单位的经验材料。\n上编\n"
            f"第一篇：县交通运输局经验材料\n{body}\n第二篇：县水利局经验材料\n{body}\n"
            f"下编\n第一篇：县统计局调研报告\n{body}\n第二篇：县财政局心得体会\n{body}\n")


def test_a_compilation_whose_numbering_restarts_keeps_every_article_and_all_text() -> None:
    from pipeline.structure import split_articles

    text = _compilation()
    articles = split_articles(text)
    assert [a.title for a in articles] == ["", "县交通运输局经验材料", "县水利局经验材料", "县统计局调研报告",
                                          "县财政局心得体会"]
    assert "".join(text[a.start:a.end] for a in articles) == text  # nothing dropped, nothing repeated
    assert len({a.number for a in articles}) == len(articles)


def test_repeated_article_numbers_never_lose_text(tmp_path: Path) -> None:
    from pipeline.structure import split_articles

    part = "第一篇：某单位材料\n" + "开展主题党日活动，党员先锋岗覆盖全部窗口。" * 30 + "\n"
    text = part * 50
    articles = split_articles(text)
    assert len(articles) == 50
    assert sum(a.end - a.start for a in articles) == len(text)
    (tmp_path / "文集.txt").write_text(_compilation(), encoding="utf-8")
    corpus = ingest([tmp_path])
    ids = [d.doc_id for d in corpus.documents]
    assert len(ids) == len(set(ids)) == 5
    assert corpus.manifest[0].status in {"ok", "warning"}


# --- hostile HTML ----------------------------------------------------------------------------------


def test_a_declared_python_codec_is_not_used_to_decode(tmp_path: Path) -> None:
    body = "<p>局党组建立一岗双责责任清单，每季度同步部署党建和业务工作。</p>" * 3
    page = f'<html><head><meta charset="unicode_escape"><title>经验材料</title></head><body>{body}</body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("utf-8"))
    corpus = ingest([tmp_path])
    text = "".join(d.text for d in corpus.documents)
    assert text.count("一岗双责") == 3


def test_billion_laughs_in_html_leaves_no_entity_debris(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1 if i else "lol"}">' for i in range(10))
    body = "<p>局党组建立一岗双责责任清单，每季度同步部署党建和业务工作。&lol9;</p>" * 3
    page = f"<!DOCTYPE html [{entities}]><html><head><title>材料</title></head><body>{body}</body></html>"
    (tmp_path / "laughs.html").write_text(page, encoding="utf-8")
    corpus = ingest([tmp_path])
    (row,) = corpus.manifest
    text = "".join(d.text for d in corpus.documents)
    assert "一岗双责" in text and "&lol" not in text and "]>" not in text
    assert "entity definitions" in row.reason


def test_a_page_of_site_furniture_says_why_it_has_no_text(tmp_path: Path) -> None:
    page = ("<html><body><div class='nav'>首页</div><p>分享到</p><p>责任编辑：张三</p>"
            "<div class='footer'>版权所有</div></body></html>")
    (tmp_path / "furniture.html").write_text(page, encoding="utf-8")
    (row,) = ingest([tmp_path]).manifest
    assert row.status == "failed" and row.reason.startswith("no extractable text:")


def _long_report(tmp_path: Path, *, repeats: int) -> Path:
    """A plain-text report that reads in a blink but takes a while to normalise and structure."""
    path = tmp_path / "汇编.txt"
    path.write_text((REPORT + OTHER) * repeats, encoding="utf-8")
    return path


def test_the_time_limit_covers_normalising_and_structuring(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # About 4 MB: reading it takes about a third of the limit, normalising and structuring twice the limit.
    _long_report(folder, repeats=40_000)
    (folder / "报告.txt").write_text(REPORT, encoding="utf-8")
    corpus = ingest([folder], timeout=1.5)
    rows = _rows(corpus)
    assert rows["汇编.txt"].status == "failed" and rows["汇编.txt"].reason == "time limit exceeded (1.5 s)"
    assert rows["报告.txt"].status == "ok"  # the next file gets a fresh worker


def test_the_memory_limit_covers_normalising_and_structuring(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _long_report(folder, repeats=60_000)
    (folder / "报告.txt").write_text(REPORT, encoding="utf-8")
    corpus = ingest([folder], max_memory=300 * 2**20)
    rows = _rows(corpus)
    assert rows["汇编.txt"].status == "failed" and rows["汇编.txt"].reason == "memory limit exceeded (300 MB)"
    assert rows["报告.txt"].status == "ok"
