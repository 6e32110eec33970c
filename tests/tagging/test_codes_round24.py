"""Precision of 学用融合 (M3), 目标融合 (M4) and 机制融合 (M5).

M3: attending study in general (参加学习、参加理论学习) is a bare mention of study; attending a named format (参加党课、
参加培训、参加读书班) still counts.
M4: going to the front line to inspect or supervise (深入一线督导/检查/调研) is oversight, not members
performing inside the business work.
M5: an assessment or a responsibility system that belongs to another object — the ideology or clean-government
responsibility system joined to a party-building word by 和/与, the assessment of a 学习型党组织 (study, M3) —
is not the party-building assessment of M5.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    ("全体党员按时参加了支部组织的党课。", "各支部党员参加理论学习的出勤情况每月通报一次。", "M3"),
    ("党员干部深入一线，帮助企业解决用工难题。", "局领导带队深入一线督导安全生产整改情况。", "M4"),
    ("把党建工作责任制和意识形态工作责任制一并落实到位。", "将理论学习纳入年度党建工作要点和意识形态工作责任制。", "M5"),
    ("机关党委印发了基层党组织建设考核办法。", "学校印发了学习型党组织建设考核办法。", "M5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
