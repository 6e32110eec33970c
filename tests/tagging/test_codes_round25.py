"""Recall of 导向融合 (M2), 队伍融合 (M6) and 学和用脱节 (D3).

M6: a team of organisation workers, branch leaders or village heads built (打造一支…组织工作/带头人队伍).
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M6: the branch committee and the team of party workers
    ("公司党委锻造了一支能打胜仗的基层政工队伍。", "公司工会锻造了一支能打胜仗的职工篮球队伍。", "M6"),
    ("镇党委着力打造一支懂经营、善治理的村级带头人队伍。", "镇政府着力打造一支懂经营、善治理的招商服务队伍。", "M6"),
    ("几年来带出了一支敢打硬仗的组织工作队伍。", "几年来带出了一支敢打硬仗的抢修队伍。", "M6"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
