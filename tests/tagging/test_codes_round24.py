"""Precision of 学用融合 (M3), 目标融合 (M4) and 机制融合 (M5).

M3: a 主题党日 counts as study only where the sentence speaks of study (学习、党课、理论、研讨、读书、
中心组、组织生活); a 主题党日 described as a platform of 教育 in general is not M3.
M4: going to the front line to inspect or supervise (深入一线督导/检查/调研) is oversight, not members
performing inside the business work.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    ("支部利用主题党日组织党员学习新修订的党章。", "主题党日是凝聚党员、开展教育的重要平台。", "M3"),
    ("党员干部深入一线，帮助企业解决用工难题。", "局领导带队深入一线督导安全生产整改情况。", "M4"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
