import copy
from pathlib import Path

import pytest
import yaml

from pipeline.errors import CodebookError
from pipeline.tagging.codebook import CODEBOOK_PATH, CODES, ROLES, load_codebook, parse_codebook


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))


def test_project_codebook_is_valid() -> None:
    codebook = load_codebook()
    assert set(codebook.codes) == set(CODES) and set(codebook.roles) == set(ROLES)
    assert codebook.name("D2") == "党建工作和中心工作脱节"
    assert codebook.mapping["D1"] == ("M2",)
    assert codebook.instrument_rules and codebook.awareness_triggers


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["codes"].pop("D3"), r"missing code\(s\) D3"),
        (lambda d: d["codes"]["M5"].update(patterns=["(unclosed"]), r"codes\.M5\.patterns\[0\].*invalid regular"),
        (lambda d: d["codes"]["D1"].update(group="measure"), r"codes\.D1\.group"),
        (lambda d: d["codes"]["M2"].update(terms=[]), r"codes\.M2\.terms: must not be empty"),
        (lambda d: d["codes"].update(X9=d["codes"]["D1"]), r"codes\.X9: unknown code"),
        (lambda d: d["mapping"].update(D2=["M9"]), r"mapping\.D2: unknown code"),
        (lambda d: d["roles"].pop("cause"), r"missing role\(s\) cause"),
    ],
)
def test_validation_errors_name_the_bad_entry(raw: dict, mutate, message: str) -> None:
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(CodebookError, match=message):
        parse_codebook(data)


def test_load_reports_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "codebook.yaml"
    bad.write_text("codes: [unclosed", encoding="utf-8")
    with pytest.raises(CodebookError, match="not valid YAML"):
        load_codebook(bad)
