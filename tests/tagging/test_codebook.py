import copy
from pathlib import Path

import pytest
import yaml

from pipeline.config import CODEBOOK_PATH
from pipeline.errors import CodebookError
from pipeline.tagging.codebook import ROLES, load_codebook, parse_codebook

CODES = ("D1", "D2", "D3", "D4", "D5", "D6", "M1", "M2", "M3", "M4", "M5", "M6")


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))


def test_project_codebook_is_valid() -> None:
    codebook = load_codebook(CODEBOOK_PATH)
    assert set(codebook.codes) == set(CODES) and set(codebook.roles) == set(ROLES)
    assert codebook.name("D2") == "党建工作和中心工作脱节"
    assert codebook.mapping["D1"] == ("M2",)
    assert codebook.instrument_rules and codebook.awareness_triggers


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["codes"].pop("D3"), r"mapping\.D3: keys must be codes of a problem group"),
        (lambda d: d["codes"]["M5"].update(patterns=["(unclosed"]), r"codes\.M5\.patterns\[0\].*invalid regular"),
        (lambda d: d["codes"]["D1"].update(group="problems"), r"codes\.D1\.group: 'problems' is not a group"),
        (lambda d: d["groups"]["measure"].update(kind="action"), r"groups\.measure\.kind"),
        (lambda d: d["groups"]["measure"].update(colour="green"), r"groups\.measure: colour 'green'"),
        (lambda d: d["codes"]["M2"].update(terms=[]), r"codes\.M2\.terms: must not be empty"),
        (lambda d: d["codes"].update({"9 bad": d["codes"]["D1"]}), r"codes\.9 bad: a code id"),
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
