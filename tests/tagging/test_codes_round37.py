"""Precision of 学用融合 (M3) and 队伍融合 (M6) on training, personnel and party-affairs-team wording.

M6: 党务干部 or 党务工作者 named in passing — a definition of who they are, a sentence that only mentions them — is no
team measure; the team measure needs selection, staffing, training, exchange, ability or shortcomings. A heading or
line on the significance of a team (…的重要意义, …发挥着重要作用) is framing and gets no M6. A 复合型人才 is the
team measure only where party work is part of the mix, and 选优配强 of leadership teams in general is cadre work,
not the party-affairs team. Secretaries' training is M6 also where the training is written first and the
secretaries after it (举办…培训班，组织…党支部书记…), and business cadres sent to a political department to be
trained there (到政治部挂职锻炼) are the exchange between party and business posts.
M3: secretaries' training that teaches the business (土地流转, 产业发展) by field teaching is M6 only; M3 needs theory,
party history or 党性 in its content. Counts of training in general (各类培训班、参训人次、课程) get no M3 without
politics or theory in the passage or in its heading or title. Politics or theory threaded through business training
(政治理论贯穿业务培训) is M3.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M6: a bare mention of party-affairs cadres is not the team measure
    ("不少党务干部对业务流程不熟悉，难以找准融合切入点。", "党务干部是党的组织路线的执行者和传播者。", "M6"),
    ("二、加强党务干部队伍建设的主要做法", "二、加强党务干部队伍建设的重要意义", "M6"),
    # M6: 复合型 only with party work in the mix
    ("注重培养既懂党务又懂经营的复合型干部。", "帮助青年干警成长为精通征管和数据分析的复合型人才。", "M6"),
    # M6: 选优配强 of party posts, not of leadership teams in general
    ("选优配强社区党组织书记，实现应配尽配。", "选优配强各乡镇领导班子，优化年龄结构。", "M6"),
    # M6: secretaries' training written training-first; rotation into the political department
    ("镇党委举办产业发展专题培训班，组织各村党支部书记赴外地观摩。",
     "镇农办举办产业发展专题培训班，组织各村种植大户赴外地观摩。", "M6"),
    ("选派三名审判业务骨干到政治部挂职锻炼。", "选派三名审判业务骨干到执行局挂职锻炼。", "M6"),
    # M3: secretaries' training on the business is no study measure; theory in it is
    ("村党组织书记培训班安排了党史专题课和现场教学。",
     "区委组织部举办村党组织书记培训班，采取现场教学方式讲授土地流转政策。", "M3"),
    # M3: counts of training in general need politics or theory
    ("两年来共举办各类培训班12期，其中理论培训4期。",
     "两年来共举办各类培训班12期、参训960人次，课程覆盖征管和纳税服务。", "M3"),
    # M3: politics or theory threaded through business training
    ("将政治理论贯穿业务培训全过程。", "将案例分析贯穿业务培训全过程。", "M3"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_mentoring_in_the_business_is_no_team_measure(matcher: RuleMatcher) -> None:
    assert "M6" in matcher.codes("新老党务工作者之间的传帮带没有跟上。")
    assert "M6" not in matcher.codes("安排年轻干警拜老检察官为师，通过传帮带尽快熟悉办案流程。")


def test_an_office_named_service_centre_is_no_target_measure(matcher: RuleMatcher) -> None:
    assert "M4" in matcher.codes("机关党支部在服务中心上下功夫，把支部建在重点项目上。")
    assert "M4" not in matcher.codes("镇农业服务中心负责人和各村党组织书记参加了培训。")
