"""队伍融合, 理念融合, 导向融合 and 党建考核和奖惩脱节 in the wordings of cadre-team reports, awareness problems and
appraisal commentary.

M6: party-affairs knowledge lacking or trained, secretaries not familiar with party work or holding business posts,
cadres doing party work full or part time, party-organisation team members trained, secretaries short of energy
for party work; a two-way exchange of cadres in general (not between party-affairs and business posts) is not M6.
M1: party and business work equated, the awareness to rely on the party organisation weak, the secretary's duty
declined, the link between party and business affairs cut.
M2: study at every meeting (逢会必学) and the rule that political theory comes first.
D6: party and government affairs separated in the appraisal of cadres; assessment told as a practice stays M5.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M6: the party-affairs cadre force and its shortcomings
    ("不少新任书记党务知识比较欠缺，开展组织生活心里没底。", "不少新任科长业务知识比较欠缺，开展窗口服务心里没底。", "M6"),
    ("个别支部书记不熟悉党务，会议记录也不规范。", "个别窗口人员不熟悉政策，登记材料也不规范。", "M6"),
    ("局机关把党务知识纳入年度培训计划。", "局机关把保密知识纳入年度培训计划。", "M6"),
    ("这些同志参加政工培训较少。", "这些同志参加技能培训较少。", "M6"),
    ("有的书记兼副所长，主要精力放在业务上。", "有的科员兼统计员，主要精力放在报表上。", "M6"),
    ("说到底，是兼了太多行政之职。", "这项安排兼顾了业务职能。", "M6"),
    ("单位选拔骨干专职从事党务工作。", "单位选拔骨干专职从事信访工作。", "M6"),
    ("组织社区党组织班子成员参加集中轮训。", "组织社区物业公司员工参加集中轮训。", "M6"),
    ("支部书记精力有限，党建工作常常顾不上。", "窗口人员精力有限，咨询电话常常顾不上。", "M6"),
    # M1: awareness of the party/business relation
    ("有的科室把党建工作和业务工作混为一谈。", "有的科室把统计工作和财务工作混为一谈。", "M1"),
    ("一些部门依靠党组织推动工作的意识不强。", "一些部门依靠信息化推动工作的意识不强。", "M1"),
    ("个别书记不愿承担抓党建的责任。", "个别科员不愿承担值班登记的责任。", "M1"),
    ("座谈中常常割裂党务、业务之间的联系。", "座谈中常常割裂理论、实践之间的联系。", "M1"),
    # M2: the first item of every meeting
    ("支部坚持逢会必学，先学习再议事。", "支部坚持逢会必到，先签到再议事。", "M2"),
    ("严格执行政治理论首要学习制度。", "严格执行财务报销审批制度。", "M2"),
    # D6: party and government affairs separated in appraisal
    ("在干部考察中，存在分离党务和政务的倾向。", "在干部考察中，存在重视基层经历的倾向。", "D6"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_general_cadre_exchange_is_not_m6(matcher: RuleMatcher) -> None:
    # The gate: a two-way exchange counts for M6 only between party-affairs and business or administrative posts.
    assert "M6" not in matcher.codes("省里推行中青年干部双向交流任职计划。")
    assert "M6" in matcher.codes("推动专职党务干部与业务干部双向交流。")


def test_assessment_told_as_a_practice_is_m5_not_d6(matcher: RuleMatcher) -> None:
    # A guard: linking the party-building assessment to rewards is the measure, not the disconnect.
    codes = matcher.codes("局党组把党建考核结果与评先评优、干部选拔任用挂钩。")
    assert "M5" in codes
    assert "D6" not in codes
