"""目标融合, 机制融合 and 队伍融合 in the wordings of assessment news, study reports and unit profiles.

M5: a superior's comments on the secretaries' 述职, the quality of the 述职 itself, 书记抓、抓书记, and
party-building results left without a hard measure are mechanisms; a cadre's personal 述职 and 测评 in a
leadership-team assessment are not party work, and an incentive mechanism meant to raise study zeal is not
a mechanism of integration.
M4: members' public pledges and one-to-one visits are members at work; 服务型党组织 named in a significance
line, and the stock definition of the grassroots organisation as a 战斗堡垒, are not.
M6: a village reserve pool of talent and party-affairs cadres who do not know the business are the team
measure (a company's reserve pool is not); party-affairs cadres who only speak for others, or who are counted
in a unit's profile, are not.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M5: comments on the secretaries' 述职, its quality, 书记抓、抓书记
    ("区委书记对五位街道党工委书记的点评切中要害。", "区委书记对五位街道党工委书记的发言很满意。", "M5"),
    ("述职结束后，县委书记进行点评，指出各支部的短板。", "述职结束后，县委书记进行总结，部署下一阶段任务。", "M5"),
    ("各支部要进一步提升述职质量。", "各支部要进一步提升窗口服务质量。", "M5"),
    ("机关工委坚持书记抓、抓书记的工作思路。", "机关工委坚持书记带头讲党课的工作思路。", "M5"),
    # M5: party-building results with no hard measure in the assessment (rule 4: the instrument is named)
    ("干部考察时，党建工作实绩缺乏量化标准，只写几句评语。", "干部考察时，招商引资实绩缺乏量化标准，只写几句评语。", "M5"),
    # M5: a cadre's personal 述职 in a leadership-team assessment
    ("考察组通过支部书记述职、民主测评等环节，了解基层党建工作成效。",
     "考察组通过个人述职、民主测评等环节，了解领导班子和领导干部的表现。", "M5"),
    # M5: incentives for study zeal
    ("完善激励机制，把党建考核结果与评先评优挂钩。", "通过完善激励机制等手段，激发党员的学习热情。", "M5"),
    # M4: significance lines and the stock definition
    ("各支部围绕窗口业务建设服务型党组织，办好群众身边事。",
     "加强服务型党组织建设，是新时期做好群众工作的必然要求。", "M4"),
    ("要把每个业务科室的支部都建成坚强战斗堡垒。", "党的基层组织是团结带领广大群众贯彻落实党的各项方针政策和工作部署的战斗堡垒。", "M4"),
    # M4: members' public pledges and one-to-one visits
    ("各支部把每名党员的年度承诺亮在墙上，接受群众监督。", "各支部把每名党员的年度体检安排在周末，不影响窗口服务。", "M4"),
    ("每名党员结合所在科室的年度目标任务，从业务工作、廉洁自律、服务群众、学习提高、遵规守纪五个方面逐条作出承诺。",
     "每名党员结合所在科室的年度目标任务，从业务工作、廉洁自律、服务群众、学习提高、遵规守纪五个方面逐条作出分析。", "M4"),
    ("开展党员“一对一”走访困难企业活动。", "开展干部“一对一”走访困难企业活动。", "M4"),
    # M6: speakers and head counts
    # M6: a reserve pool of village talent, party-affairs cadres who do not know the business
    ("各村普遍建立后备人才库，把返乡青年纳入党组织培养视野。", "公司建立中层管理岗位后备人才库，每年评估一次。", "M6"),
    ("（二）党务工作人员专业不熟悉，抓党建办法不多。", "（二）新进业务人员专业不熟悉，办案效率不高。", "M6"),
    ("不少单位专职党务干部配备不足。", "不少党务干部普遍反映，检查材料太多太杂。", "M6"),
    ("全局为12个党支部配齐了专职党务工作者。", "全局共有党支部12个、党务工作者30名。", "M6"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_party_affairs_cadres_as_speakers_keep_m6_when_the_team_is_the_topic(matcher: RuleMatcher) -> None:
    # A guard for the speaker gate: what they report about their own team is still the team measure.
    assert "M6" in matcher.codes("基层党务干部普遍反映，培训机会少、晋升渠道窄。")
