"""党建考核和奖惩脱节 (D6) and 机制融合 (M5) in the words of assessment: party-building assessment whose content is not
sound, whose sanctions are weak (约束作用有限, 无法作出惩罚措施, 效果大打折扣), secretaries' reports and the comments on
them (逐一点评, 现场打分测评, 汇报抓党建工作情况), inspections of party-building work, party-building leading groups and
party results used in appraisal and awards. Assessment of a business or of cadres without party work gets neither code:
a company's performance plan, a civil servant's annual assessment, the incentives of party-affairs cadres (M6), result use
after an audit or an inspection tour. Linking assessment to awards is M5; it is D6 too only where the disconnect is named
(boundary rule 4: 考核奖励力度太弱 = D6 + M5). Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D6: unsound content, weak sanctions of party-building assessment
    ("党建考核指标的设置不尽合理，部分任务无法完成。", "商场考核指标的设置不尽合理，部分任务无法完成。", "D6"),
    ("党建考核对后进支部的惩戒作用不明显。", "环保考核对排污企业的惩戒作用不明显。", "D6"),
    ("对党建考核垫底的支部，上级缺少有效的惩戒措施。", "对卫生考核垫底的商户，市场缺少有效的惩戒措施。", "D6"),
    ("评分一再放宽，党建考评的权威性大打折扣。", "评分一再放宽，歌唱比赛的权威性大打折扣。", "D6"),
    ("支部党建考核排名靠后也不扣分，干好干坏一个样。", "以党建引领干部担当作为，改变干与不干一个样的状况。", "D6"),
    # D6: party-building results that change nothing, party and business assessment run apart
    ("党建工作好坏与个人收入不挂钩。", "天气好坏与个人收入不挂钩。", "D6"),
    ("党建考评与业务考评各搞一套。", "招生考试与毕业考试各搞一套。", "D6"),
    ("业务考核是硬杠杠，党建考核是软约束。", "业务考核是硬杠杠，出勤考核是软约束。", "D6"),
    ("年终考核偏重业务指标，党建工作所占比重小。", "年终考核偏重业务指标，安全工作所占比重小。", "D6"),
    ("党建工作做得好的支部得不到表彰。", "卫生工作做得好的科室得不到表彰。", "D6"),
    # M5: secretaries' reports and the comments on them
    ("党工委书记对各村书记的工作逐一点评。", "评委对每位选手的表演逐一点评。", "M5"),
    ("党员代表为每名支部书记投票测评。", "观众代表为每名参赛歌手投票测评。", "M5"),
    ("支部书记每半年向党总支报告一次党建工作。", "车间主任每半年向厂长报告一次生产工作。", "M5"),
    # M5: leading groups, inspections, result use, party results in appraisal
    ("县里设立了党的建设工作领导小组，书记任组长。", "县里设立了防汛抗旱工作领导小组，县长任组长。", "M5"),
    ("党组每季度听取一次党建工作汇报。", "局长每季度听取一次财务工作汇报。", "M5"),
    ("机关党委每季度对各支部党建工作开展一次检查。", "质监站每季度对各工地安全工作开展一次检查。", "M5"),
    ("注重结果运用。", "注重结果导向。", "M5"),
    ("支部党员积分排名与年度评先评优挂钩。", "销售人员业绩排名与年度奖金挂钩。", "M5"),
    ("把支部党建工作落实情况作为年度评价的重要依据。", "把各班组安全生产落实情况作为年度评价的重要依据。", "M5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


@pytest.mark.parametrize("sentence", [
    "公司每季度组织部门经理向总经理述职，述职结果与奖金挂钩。",
    "销售部门的考核指标过于单一，考核方式以回款为主。",
    "各部门之间考核标准不统一，打分尺度宽严不一。",
    "财务人员与销售人员分开考核，办法由人事部制定。",
    "新员工试用期满进行考核，建立健全考核机制。",
])
def test_business_performance_assessment_gets_neither_code(matcher: RuleMatcher, sentence: str) -> None:
    codes = matcher.codes(sentence)
    assert "D6" not in codes
    assert "M5" not in codes


def test_a_short_heading_on_a_split_assessment_system_stays_d6(matcher: RuleMatcher) -> None:
    # The same words as the business sentence above, as a heading of a problem list, name the disconnect.
    assert "D6" in matcher.codes("（二）考评体系不统一。")
    assert "D6" in matcher.codes("（三）考核导向有偏差。")
    assert "D6" not in matcher.codes("考核导向有偏差，重显绩轻潜绩。")


def test_civil_servant_assessment_is_no_mechanism(matcher: RuleMatcher) -> None:
    assert "M5" not in matcher.codes("公务员平时考核与年度考核一并进行，同时开展目标责任制考核。")
    assert "M5" in matcher.codes("机关党建考核与公务员年度考核一并进行。")
    assert "M5" not in matcher.codes("干部选拔任用工作中，建立健全考察考核机制。")


def test_cadre_assessment_of_political_quality_is_no_d6(matcher: RuleMatcher) -> None:
    assert "D6" not in matcher.codes("干部考核中政治素质难以量化，考核结果运用不够。")
    # Cadres judged by the business alone while their political record is ignored stays D6.
    assert "D6" in matcher.codes("有的单位评价干部只看业务实绩，不看政治表现。")


def test_incentives_of_party_affairs_cadres_are_m6_not_d6(matcher: RuleMatcher) -> None:
    codes = matcher.codes("专职党务干部考核激励机制不健全，评先评优中常常吃亏。")
    assert "D6" not in codes
    assert "M6" in codes
    assert "D6" in matcher.codes("党务干部反映，党建考核对后进支部的惩戒作用不明显。")


def test_result_use_after_an_inspection_tour_is_no_d6(matcher: RuleMatcher) -> None:
    codes = matcher.codes("巡察整改结果运用不够，个别党组织书记履责不力。")
    assert "D6" not in codes
    assert "M5" not in codes


def test_linking_assessment_is_m5_and_naming_the_disconnect_adds_d6(matcher: RuleMatcher) -> None:
    # A requirement to link assessment with awards is a mechanism only.
    linked = matcher.codes("党建考核结果不仅与评先评优挂钩，还与绩效奖金挂钩。")
    assert "M5" in linked
    assert "D6" not in linked
    assert "D6" not in matcher.codes("党建考核得分未达到九十分的，支部不参加评先。")
    # The missing link named as a problem is the disconnect and the measure (boundary rule 4).
    missing = matcher.codes("党建考核结果没有与干部选拔任用挂钩。")
    assert {"D6", "M5"} <= missing
    weak = matcher.codes("党建考核的奖励力度太弱。")
    assert {"D6", "M5"} <= weak


def test_the_purpose_clause_of_an_assessment_rule_is_no_mechanism(matcher: RuleMatcher) -> None:
    assert "M5" not in matcher.codes("为规范机关党建工作考核，特制定本办法。")
    assert "M5" in matcher.codes("机关党委每年对各支部开展党建工作考核。")
