"""Precision of 目标融合 (M4).

M4: going to the front line to inspect or supervise (深入一线督导/检查/调研) is oversight, not members
performing inside the business work.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    ("党员干部深入一线，帮助企业解决用工难题。", "局领导带队深入一线督导安全生产整改情况。", "M4"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
