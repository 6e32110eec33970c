"""学用融合 as party-member study, education and training, and what is not study at all; 党建考核和奖惩脱节 kept
to the link between party-building assessment and reward. Party-member and cadre training (party schools, trainees,
teachers, attendance, study-work conflicts, training classes and plans), theory study named as such, theory turned
into results or taken to heart, and study set against practice get M3; a party day spent on a contest or
volunteering, skills training with no party content, school and student topics, learning from other units'
experience and 学习强国 scores do not. Grading of study or training that names no party-building assessment and no
reward is not D6. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M3: party-member and cadre training
    ("一些县级党校全年不办培训班，调训计划落空。", "一些驾校全年不办培训班，招生计划落空。", "M3"),
    ("师资力量不足，教员知识结构老化。", "医院护理力量不足，设备结构老化。", "M3"),
    ("学员到课率低，培训效果差。", "门店客流量低，促销效果差。", "M3"),
    ("不少机关工学矛盾突出，干部参训率不高。", "不少机关加班较多，干部休假率不高。", "M3"),
    ("干部教育培训课程设置不够合理。", "中小学校课程设置不够合理。", "M3"),
    ("集体备课之后，支部党员共同学、专家辅导学、领导带头学。", "集体备课之后，学校老师共同研究教案。", "M3"),
    ("会议式学习较多，党员人在心不在。", "会议较多，干部疲于奔命。", "M3"),
    # M3: theory study named, turned into results, taken to heart, study set against practice
    ("支部要加强党员的理论学习。", "支部要加强党员的日常管理。", "M3"),
    ("局机关组织党员学习党史。", "局机关组织职工学习消防知识。", "M3"),
    ("把党的创新理论转化为推动发展的实际成效。", "把科研成果转化为推动发展的实际成效。", "M3"),
    ("推动党的理论入脑入心。", "推动安全意识入脑入心。", "M3"),
    ("只学习不实践，学了也是白学。", "只说不做，说了也是白说。", "M3"),
    ("有的支部学习教育不够扎实。", "有的支部台账资料不够扎实。", "M3"),
    # M3 near-misses that name study words outside party study
    ("支部开展主题党日，集中学习党章。", "支部开展主题党日，组织党员参加趣味运动会。", "M3"),
    ("组织党员参加理论培训。", "组织党员参加消防安全培训。", "M3"),
    ("党员干部参加专题培训班，学习党的创新理论。", "党员干部参加专题培训班，提高业务水平。", "M3"),
    ("机关党委组织党员开展学习研讨。", "组织开展交流活动，学习兄弟单位经验。", "M3"),
    ("支部组织党员在学习强国平台学习党史。", "通报了上月学习强国积分排名情况。", "M3"),
    ("学校党委理论学习中心组开展专题学习。", "学校加强学生思想政治教育，课程设置不断优化。", "M3"),
    # D6: assessment and reward, not the grading of study
    ("党建考核结果没有与干部评先评优挂钩。", "党员学习考核制度不健全，学习情况难以量化。", "D6"),
    ("党建工作考核评价机制不健全，奖惩力度不够。", "党员教育培训考核方式单一，缺乏跟踪评估。", "D6"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_a_party_day_on_volunteering_or_a_contest_is_not_study(matcher: RuleMatcher) -> None:
    assert "M3" not in matcher.codes("各支部开展主题党日活动，评选出三个优秀案例。")
    assert "M3" in matcher.codes("各支部开展主题党日活动，集中学习《党章》，交流心得体会。")


def test_student_study_of_party_history_is_a_school_topic(matcher: RuleMatcher) -> None:
    assert "M3" not in matcher.codes("学校组织学生学习党史故事。")
    assert "M3" in matcher.codes("学校党委组织教职工党员学习党史。")


def test_skills_training_tied_to_study_of_theory_keeps_the_study(matcher: RuleMatcher) -> None:
    assert "M3" in matcher.codes("把政治理论学习和业务知识培训结合起来，做到学用结合。")
    assert "M3" not in matcher.codes("组织开展业务知识培训，提升窗口人员办事技能。")


def test_a_study_assessment_linked_to_promotion_is_still_an_assessment_link(matcher: RuleMatcher) -> None:
    assert "D6" in matcher.codes("党建考核结果没有与学习培训、职务晋升挂钩。")
    assert "D6" not in matcher.codes("学员考试考核办法不完善，试题陈旧。")


def test_lack_of_focus_outside_party_supply_is_not_supply_out_of_step_with_need(matcher: RuleMatcher) -> None:
    assert "D4" not in matcher.codes("纪检组的监督标准缺乏针对性和可操作性。")
    assert "D4" not in matcher.codes("企业研发人员创新意识不足。")
    assert "D4" in matcher.codes("支部活动针对性不强，党员参与不积极。")
    assert "D4" in matcher.codes("（二）活动针对性不强")
