"""Recall of 理念融合 (M1), 队伍融合 (M6) and 党建工作和中心工作脱节 (D2).

D2: party building neglected beside the business — 一手硬、一手软 written with punctuation; party work done only for
its own sake (为党建而…); party work hollowed out or pushed to the margin (虚化、弱化、边缘化); no time or energy left
for it; the business valued highly and party building lowly; party work that cannot be joined with the business
work, or that is at odds with it (党建与审判之间的矛盾); the business used as an excuse; concern for party building
that stays on the lips; a secretary at home in the business but hollow in party work.
D2 with M1 (boundary rule 3, awareness problems): the awareness of party building still short (认识还不到位); a
skewed reading of what integration means; no self-driven will to run party work; 不愿抓 / 不大抓; party work kept
off the agenda; party work held to be a soft target or dispensable; integration not given its due weight; too
little planning around the central work, party building too weak to lead the business; a one-sided view of it.
M1: party work and business said to be one, not opposed; their relationship not yet sorted out; outdated ideas of
party work; work organised on an idea of party building; the first or shared responsibility for integration;
awareness of integration that stays on the lips; the view that splits party work from the business; party work
and business described as a relationship of mutual support; party work held to be 虚功 (also D2); awareness of party
work still to be raised; the 两张皮 mindset between party work and business (not 学用两张皮, which is D3).
M6: secretaries and committee members expected to know the business (精本行、业务精); secretaries strong in the
business but weak in party work; 头雁工程 / 头雁队伍 and “双强” secretaries; party and business cadres exchanging
posts; full-time deputy secretaries and committee members staffed (or part-time, missing); quality-raising
programmes for secretaries and party-affairs cadres.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D2: party building neglected beside the business
    ("有的支部抓业务和抓党建“一手硬、一手软”。", "发展经济这一手硬了，生态保护这一手也要硬。", "D2"),
    ("有的支部只为党建工作而开展活动。", "有的支部专门为老党员开展活动。", "D2"),
    ("一些单位的党建工作存在虚化、弱化的现象。", "一些单位的上级监督存在虚化、弱化的现象。", "D2"),
    ("支部书记身兼数职，没有时间和精力去抓党建。", "支部书记身兼数职，没有时间和精力去参加培训。", "D2"),
    ("一些单位对业务重视程度高、对党建重视程度低。", "一些单位对业务重视程度高、对安全重视程度低。", "D2"),
    ("有的党支部开展党建活动，不能有效地与业务工作结合起来。",
     "有的干部开展读书活动，不能有效地与业务工作结合起来。", "D2"),
    ("一些党组织的党建工作难以真正与业务工作相辅相成。", "一些单位的宣传工作难以真正与业务工作相辅相成。", "D2"),
    ("切实解决好党建活动与审判工作之间的矛盾。", "切实解决好案件多与人员少之间的矛盾。", "D2"),
    ("一些党员以业务工作太忙为借口，很少参加支部活动。", "一些党员以家里事多为借口，很少参加支部活动。", "D2"),
    ("坚决杜绝重视党建工作停留在口头上的问题。", "坚决杜绝重视安全工作停留在口头上的问题。", "D2"),
    ("不少支部书记是抓业务的行家里手，但抓党务却较“虚”。", "不少支部书记是抓业务的行家里手，抓党务也很在行。", "D2"),
    # D2 (with M1): awareness problems
    ("一些干部对党建工作的认识还不到位。", "一些干部对安全生产的认识还不到位。", "D2"),
    ("对融合内涵的解读存在偏差。", "对政策内涵的解读存在偏差。", "D2"),
    ("一些负责人缺乏抓党建的思想自觉。", "一些负责人缺乏抓安全的思想自觉。", "D2"),
    ("有的负责人对党建工作“不大抓”。", "有的负责人对群众小事“不愿管”。", "D2"),
    ("有的单位没有将党建工作列入重要议事日程。", "有的单位没有将安全工作列入重要议事日程。", "D2"),
    ("有的人认为经营是硬任务，党建工作则是“软指标”。", "有的人认为经营是硬指标，环保工作则是“软指标”。", "D2"),
    ("有的企业把思想政治工作看作是一项可有可无的工作。", "有的企业把安全培训看作是一项可有可无的工作。", "D2"),
    ("两者的融合却没有得到应有重视。", "两者的协调却没有得到应有重视。", "D2"),
    ("一支部围绕中心工作谋划还不够。", "一支部宣传工作谋划还不够。", "D2"),
    ("二支部党建引领业务不足。", "二支部宣传引领舆论不足。", "D2"),
    ("一些领导片面认为基层党建也是一片大好。", "一些领导片面认为经济形势也是一片大好。", "D2"),
    # M1: the idea and awareness of integration
    ("党建工作和业务工作不是对立的，而是统一的。", "党建和业务不是对立的。", "M1"),
    ("党建工作和业务工作相互融合、互为促进的关系还没有理顺。", "上下级之间相互配合的关系还没有理顺。", "M1"),
    ("一些支部抓党建的思路陈旧、理念落后。", "企业管理理念陈旧、思路落后。", "M1"),
    ("按照以党建促发展的理念优化组织设置。", "按照精简高效的理念优化组织设置。", "M1"),
    ("党委书记要切实担负起推动党建和业务融合的第一责任。", "党委书记要切实担负起安全生产的第一责任。", "M1"),
    ("部分干部对党建与业务融合的认识还停留在口头上。", "部分干部对垃圾分类的认识还停留在口头上。", "M1"),
    ("党建工作与业务工作相互割裂的认识仍然存在。", "理论与实践相互割裂的认识仍然存在。", "M1"),
    ("党建工作与业务工作是相互促进、相得益彰的关系。", "工作与生活是相互促进、相得益彰的关系。", "M1"),
    ("部分党员干部存在“党建是虚功、业务是实绩”的观念。", "部分干部存在“宣传是虚功、招商是实绩”的观念。", "M1"),
    ("对党建工作重要性的认识有待提高。", "对安全工作重要性的认识有待提高。", "M1"),
    ("党建工作与业务工作“两张皮”的观念仍未根除。", "学用“两张皮”的观念仍未根除。", "M1"),
    ("部分党员干部存在“党建是虚功、业务是实绩”的观念。", "部分干部存在“宣传是虚功、招商是实绩”的观念。", "D2"),
    # M6: secretaries who know the business
    ("支部书记要懂全局、精本行、善管理。", "青年干部要懂全局、精本行、善管理。", "M6"),
    ("不少支部书记是抓业务的行家里手，但抓党务却较“虚”。", "不少科长是抓业务的行家里手，但抓宣传却较“虚”。", "M6"),
    ("该县启动实施“头雁工程”。", "雁群飞行靠头雁。", "M6"),
    ("各支部普遍配备了“双强”书记。", "这是一支“双强”球队。", "M6"),
    # M6: exchange between party and business posts; full-time deputy secretaries and committee members staffed
    ("实行党建和业务干部岗位互换。", "实行财务和业务人员岗位互换。", "M6"),
    ("机关党委专职副书记配备不到位。", "州委两新工委专职副书记主持会议。", "M6"),
    ("支部委员多为兼职，精力有限。", "工会委员多为兼职，精力有限。", "M6"),
    ("实施党支部书记素质提升工程。", "实施青年干部素质提升工程。", "M6"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
