"""Recall of 目标融合 (M4) and 机制融合 (M5).

M4: members urged to become models of the business (争当…标兵) with a longer list of qualities before the noun;
members or branches measured by 争先创优; the architecture of party organisations adjusted to the business
(按业务设置党组织);
party building that serves residents; branches that drive the local economy or villagers' income.
M5: two-way appraisal (上评下、下评上) and the 述职 format in which secretaries report and delegates appraise
(书记述、代表评); supervising the discharge of responsibility (督责, 履责必清); term goals set for party
organisations (目标责任); rewards and penalties weighed and paid out (重奖惩、奖惩兑现);
supervision of members' pledges (承诺督导); assessment contents that are too many or too detailed (boundary
rule 4: the problem names the instrument); duties or targets of party and business cadres bound together
(职责联定、目标捆绑).
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M4: members and branches in the business work
    ("号召全体党员争当技术过硬、服务周到、作风扎实的标兵。", "号召全体职工争取早日完成年度检修任务。", "M4"),
    ("把党员争先创优的表现作为年度评价的重要内容。", "把各科室争取的项目经费作为年度评价的重要内容。", "M4"),
    ("医院按照学科群对党组织架构进行了优化调整。", "医院按照学科群对科室架构进行了优化调整。", "M4"),
    ("社区党建牢牢扎根网格，用心用情服务居民。", "物业公司扎根小区，用心用情服务业主。", "M4"),
    ("村党支部牵头成立合作社，带动村民增收。", "村里的种植大户牵头成立合作社，带动村民增收。", "M4"),
    # M5: appraisal, supervision of responsibilities, term goals
    ("年底评比实行上评下、下评上，两种结果相互印证。", "会上先由上级讲话，再由下级汇报。", "M5"),
    ("评议会采取书记述、代表评的方式进行。", "联欢会采取职工演、家属看的方式进行。", "M5"),
    ("各单位要做到履责必清、督责必严。", "各单位要做到账目必清、门禁必严。", "M5"),
    ("明确各党支部的任期目标和年度任务。", "明确各项目组的工期目标和年度任务。", "M5"),
    ("评议结果出来后，坚持重奖惩、树导向。", "比赛结果出来后，坚持重团结、讲风格。", "M5"),
    ("机关党委聚焦承诺督导，每季度回访一次。", "机关食堂聚焦菜品质量，每季度回访一次。", "M5"),
    ("推行支部委员与业务骨干职责联定。", "推行支部委员与业务骨干定期交流。", "M5"),
    ("机关党务干部普遍反映，考核内容过多，填表占去大量时间。", "机关党务干部普遍反映，会议内容过多，填表占去大量时间。", "M5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
