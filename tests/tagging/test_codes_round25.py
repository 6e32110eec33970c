"""Recall of 导向融合 (M2), 队伍融合 (M6) and 学和用脱节 (D3).

M2 (boundary rule 4: a problem that names the measure): weak political awareness (“四个意识”不强), the central
decisions carried out half-heartedly (落实党中央决策部署不坚决), 讲政治 left on the surface or in words.
M6: a team of organisation workers, branch leaders or village heads built (打造一支…组织工作/带头人队伍).
D3: what was learnt not turned into practice (没能把所学…运用到); training followed by the old ways (学了…却还是用老办法); theory and problems as two layers; study
that only skims the content and cannot guide the work (学习只是知道…却不能).
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M2: political requirements not carried into the work
    ("个别科室“四个意识”不强，对上级部署理解不深。", "个别科室服务意识不强，对群众诉求理解不深。", "M2"),
    ("一些单位执行中央决策部署不够坚决。", "一些单位执行公司年度预算不够坚决。", "M2"),
    ("少数领导讲政治停留在口头，没有落到具体工作中。", "少数领导讲安全停留在口头，没有落到具体工作中。", "M2"),
    # M6: the branch committee and the team of party workers
    ("公司党委锻造了一支能打胜仗的基层政工队伍。", "公司工会锻造了一支能打胜仗的职工篮球队伍。", "M6"),
    ("镇党委着力打造一支懂经营、善治理的村级带头人队伍。", "镇政府着力打造一支懂经营、善治理的招商服务队伍。", "M6"),
    ("几年来带出了一支敢打硬仗的组织工作队伍。", "几年来带出了一支敢打硬仗的抢修队伍。", "M6"),
    # D3: study not turned into practice
    ("一些干部没能把所学理论运用到解决群众难题上。", "一些车间没能把新购设备运用到生产线上。", "D3"),
    ("不少学员学了新方法，回单位后却还是用老办法。", "不少司机换了新车辆，跑长途却还是用老路线。", "D3"),
    ("辅导讲课时理论与问题两张皮，听者难有收获。", "辅导讲课时理论与问题结合紧密，听者颇有收获。", "D3"),
    ("对新规的学习只是知道了大概，却不能用来指导办案。", "对新规的宣传只是知道了大概，却不能用来指导办案。", "D3"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
