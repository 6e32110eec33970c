"""Near-miss wordings for M2, M3, M4, M5 and D6 (codebook round 7).

Every sentence here is written for these tests. Each change has near misses that must not fire
and cases that must still fire: community volunteering, public-welfare activities, a rules'
purpose clause and study leadership are no 目标融合 without the business; the procedure of a plain
party-building assessment, study duties and business-management instruments are no 机制融合;
business lectures, skills drills, law study and a bare 研讨 are no 学用融合; recited 两个维护
formulas and business 工作闭环 are no 导向融合; D6 needs party-building assessment, not any party
organ near an assessment word.
"""

from __future__ import annotations

import pytest

from pipeline.tagging.rules import RuleMatcher

# --- M4: volunteering, public-welfare days, purpose clauses and study leadership --------------

@pytest.mark.parametrize("text", [
    "支部在职党员到居住地社区报到，领办志愿服务项目，亮身份、比奉献。",
    "党员们走访慰问了小区里的困难老人，开展一对一结对帮扶。",
    "在职党员不仅要在单位发挥先锋模范作用，也要在社区发挥先锋模范作用。",
    "支部组织党员到敬老院开展爱心帮扶活动，发挥党员先锋模范作用。",
    "机关党支部组织党员开展植树护绿活动，发挥党员带头作用。",
    "为充分发挥党支部的战斗堡垒作用和党员的先锋模范作用，形成奖惩分明的考核机制，特制定本办法。",
    "各级党组织书记带头学思践悟、督学促学，发挥示范引领作用。",
    "工会组织开展“三八”妇女节主题实践活动。",
])
def test_volunteering_purpose_clauses_and_study_leaders_are_not_m4(matcher: RuleMatcher, text: str) -> None:
    assert "M4" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "社区党委组织党员志愿者参与疫情防控，发挥先锋模范作用。",
    "驻村工作队党员带头发展特色产业，发挥先锋模范作用。",
    "为推动重点项目建设，公司党委在项目一线成立党员突击队，特制定本方案。",
    "在疫情防控一线，党员突击队冲锋在前。",
    "机关党委以主题实践活动为载体，推动党员立足岗位作贡献。",
])
def test_members_in_the_business_are_still_m4(matcher: RuleMatcher, text: str) -> None:
    assert "M4" in matcher.codes(text)


# --- M5: study duties and business management without party work -------------------

@pytest.mark.parametrize("text", [
    "采取日常考评和年终考评相结合的方式，对各支部党建工作情况实施定性评价与定量考核。",
    "制定各基层党组织党建工作考核实施细则。",
])
def test_party_building_assessment_stays_m5(matcher: RuleMatcher, text: str) -> None:
    # The annotated sets code the assessment of party work itself as 机制融合, business named or not.
    assert "M5" in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "镇党委履行主体责任，书记扛起第一责任人职责，全年召开理论学习中心组学习会12次。",
    "对学习主题、内容和效果跟踪问效。",
    "完善重点项目督查督办机制，确保按期完工。",
    "对重点工作实行清单化管理，挂图作战、销号管理。",
    "实行周安排、月调度、季通报，推动重点工作落实。",
    "完善绩效考核办法，考核结果与绩效工资挂钩。",
    "建立矛盾纠纷排查化解长效机制。",
    "县委常委会议研究部署了防汛工作，要求各地压实责任。",
])
def test_study_duties_and_business_management_are_not_m5(matcher: RuleMatcher, text: str) -> None:
    assert "M5" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "党建考核结果与绩效工资挂钩，作为评先评优的重要依据。",
    "把党建工作纳入年度综合考核，与业务工作同部署同考核。",
    "进一步健全完善机关党建考核评价机制。",
    "建立党建工作长效机制，推动党建与业务融合常态化。",
    "推行党支部书记抓党建述职评议考核。",
    "对落实一岗双责情况开展专项督查。",
    "压实党建工作责任，推动党建与业务工作同部署。",
])
def test_assessment_linked_to_the_business_is_still_m5(matcher: RuleMatcher, text: str) -> None:
    assert "M5" in matcher.codes(text)


# --- M3: business lectures, skills drills, law study, a bare 研讨 -----------------------------

@pytest.mark.parametrize("text", [
    "干部通过业务大讲堂充电补钙，切实将学习成果转化为推动发展的新动能。",
    "窗口人员开展业务技能大练兵，以学促干。",
    "局机关组织干部职工集中学习《民法典》。",
    "举办财务知识讲座，将所学运用到实际工作中。",
    "通过专题研讨，大家对优化营商环境提出了意见建议。",
    "召开专题会议，集中学习了市场监管新规。",
    "科室专题学习了《安全生产法》。",
    "组织业务骨干开展案例教学和情景模拟演练。",
])
def test_business_learning_is_not_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "要求政府系统干部加强理论学习，提高业务能力。",
    "支部通过三会一课组织党员学习党章党规，把所学运用到业务工作中。",
    "中心组围绕主题教育开展专题研讨，交流学习心得。",
    "局党组以中心组学习带动业务大讲堂，把党的创新理论学习成果转化为工作成效。",
    "支部组织党员专题学习《中国共产党纪律处分条例》，结合岗位谈体会。",
    "组织党员干部开展案例教学，用党的创新理论指导业务。",
])
def test_party_study_linked_to_work_is_still_m3(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)


# --- M2: recited formulas and business 工作闭环 -----------------------------------------------

@pytest.mark.parametrize("text", [
    "全体党员要增强四个意识、坚定四个自信、做到两个维护。",
    "旗帜鲜明讲政治是我们党的鲜明品格。",
    "会议审议通过了年度工作要点，研究部署重点任务，形成工作闭环。",
])
def test_recited_formulas_and_management_loops_are_not_m2(matcher: RuleMatcher, text: str) -> None:
    assert "M2" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "全局上下要以实际行动践行两个维护，推动各项业务工作落地见效。",
    "旗帜鲜明讲政治，把政治要求落实到业务工作中。",
    "对总书记重要指示批示建立贯彻落实台账，形成工作闭环。",
    "党组会议把学习总书记重要讲话精神作为第一议题。",
])
def test_political_requirements_in_the_work_are_still_m2(matcher: RuleMatcher, text: str) -> None:
    assert "M2" in matcher.codes(text)


# --- D6: party-building assessment, not any party organ --------------------------------------

@pytest.mark.parametrize("text", [
    "一些党员存在干好干坏一个样的思想，工作积极性不高。",
    "党委对巡察发现问题的整改结果运用不够。",
    "党委(党组)在干部年度考核中奖惩不分明。",
])
def test_general_assessment_talk_is_not_d6(matcher: RuleMatcher, text: str) -> None:
    assert "D6" not in matcher.codes(text)


@pytest.mark.parametrize("text", [
    "党建考核结果没有与干部选拔任用挂钩。",
    "对党支部的考核结果运用不够，干好干坏一个样。",
    "考评体系不统一，先进支部和先进处室分开评定。",
])
def test_party_building_assessment_gaps_are_still_d6(matcher: RuleMatcher, text: str) -> None:
    assert "D6" in matcher.codes(text)
