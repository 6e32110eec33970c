"""The stable `lzp tag` contract: ids preserved, one line out per line in, noisy text normalised."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import MODEL_PATH
from pipeline.tagging.tagger import Tagger
from tests.support import project_codebook

LINES = [
    {"id": "a-1", "doc": "a", "text": "中共某县委组织部关于推动机关党建和业务工作深度融合的意见"},
    {"id": "a-2", "doc": "a", "text": "一、把讲政治的要求落实到业务工作中。"},
    {"id": "a-3", "doc": "a", "text": "既要防止重業務輕政治現象，又要防止游離於業務工作之外搞空頭政治。"},
    {"id": "a-4", "doc": "a", "text": "機(jī)關(guān)X建要落实一岗双责，推行同考核同评价。"},
    {"id": "b-1", "doc": "b", "text": "有的党员干部认为X建是软任务，重业务轻X建。"},
    {"id": "b-2", "doc": "b", "text": ""},
]


@pytest.mark.parametrize("mode", ["rules", "combined"])
def test_tag_contract(tmp_path: Path, mode: str) -> None:
    if mode != "rules" and not MODEL_PATH.exists():
        pytest.fail("models/tagger.skops is missing: run `make train`")
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in LINES), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["tag", "--in", str(source), "--out", str(target), "--mode", mode])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == [line["id"] for line in LINES]
    for record in out:
        assert set(record) == {"id", "codes", "role", "scores", "evidence"}
        assert record["role"] in {"requirement", "recommendation", "practice", "problem", "cause", "other"}
    by_id = {o["id"]: o for o in out}
    assert "D1" in by_id["a-3"]["codes"]  # traditional script normalised before matching
    assert "M5" in by_id["a-4"]["codes"]  # pinyin and censored X建 normalised
    assert "D2" in by_id["b-1"]["codes"]
    assert by_id["b-2"]["codes"] == []
    evidence_texts = [e.get("text", "") for e in by_id["a-3"]["evidence"]]
    assert any("重业务轻政治" in text for text in evidence_texts) or mode == "combined"


def test_bad_input_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "没有id"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["tag", "--in", str(source), "--out", str(tmp_path / "o.jsonl"), "--mode", "rules"])
    assert result.exit_code == 2
    assert "needs 'id'" in result.output


def test_tag_reports_progress_by_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.tagging import io

    monkeypatch.setattr(io, "BATCH_PASSAGES", 2)  # documents a (4 lines) and b (2 lines): two batches
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in LINES) + "\n\n", encoding="utf-8")
    seen: list[int] = []
    count = io.tag_jsonl(source, tmp_path / "out.jsonl", tagger=Tagger(project_codebook()), mode="rules",
                         progress=seen.append)
    assert io.count_lines(source) == count == len(LINES)
    assert seen == [4, 6]
