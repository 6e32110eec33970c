"""学用融合 and 机制融合 in the wordings of unit plans, meeting news and experience reports (codebook round 27).

M3: a study slogan that opens with 学理论 (学理论、强党性 …) names theory study.
M5: a report on duty that joins 述职 with 述责 or 述廉 is 述职评议; in event news that never speaks of the
business, the 一述一评 way of reviewing secretaries' reports still counts.
M4: serving the central work (服务……中心工作) with a few words between, as 服务中心 is.
Not a measure: the preamble of a plan or notice (为……，现就……作出如下安排：) and the title line of a plan or a
set of measures (……工作计划, ……实施方案, ……考核评价办法) only name what follows; a 主题实践活动 on a
business theme without a party or business object is not 目标融合.
Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from pipeline.tagging.rules import RuleMatcher
from pipeline.tagging.tagger import Tagger
from pipeline.workflow import load_project_codebook

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M3: study slogans
    ("支部每月的党员大会都围绕“学理论、强本领”来开。", "支部每月的例会都围绕“抓安全、强本领”来开。", "M3"),
    ("车间党小组坚持学理论、议难题、促生产。", "车间班组坚持查隐患、议难题、促生产。", "M3"),
    # M5: reports on duty
    ("年底，各科室负责人在职工大会上述职述责。", "年底，各科室负责人在职工大会上交流心得。", "M5"),
    ("局班子成员逐一述职述责。", "局班子成员逐一发言表态。", "M5"),
    # the preamble of a plan names what follows (the near miss is the preamble)
    ("各党支部要按月落实“三会一课”。", "为进一步规范各支部“三会一课”，现就有关事项作出如下安排：", "M3"),
    ("今年的工作计划把党员先锋岗创建列为重点。", "为推动党员先锋岗创建，现就有关事项通知如下：", "M4"),
    ("局党委年底对各支部开展党建工作考核。", "为做好年度党建工作考核，现就有关事项通知如下：", "M5"),
    # the title line of a plan or of a set of measures
    ("各支部认真落实三会一课工作计划。", "某中学2025年三会一课工作计划", "M3"),
    ("局党委严格执行党建工作考核评价办法。", "党建工作考核评价办法", "M5"),
    # M4: serving the central work with words in between
    ("支部把服务全院医疗中心工作作为活动主线。", "支部把全院医疗中心工作情况作为学习材料。", "M4"),
    ("以服务教育教学中心工作为导向开展组织生活。", "以教育教学中心工作的安排为依据调整课表。", "M4"),
    # 主题实践活动 needs a party or business object
    ("党支部开展“党员亮身份”主题实践活动。", "法院组织“公正司法、优质服务”主题实践活动。", "M4"),
]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(load_project_codebook())


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def _codes(tagger: Tagger, texts: list[str]) -> list[set[str]]:
    return [set(result.codes) for result in tagger.tag_document(texts, mode="rules")]


def test_one_report_one_review_counts_in_event_news(tagger: Tagger) -> None:
    # Event news that never names the business keeps M5 only for what names its object: 一述一评 does.
    news = ["3月5日，某局召开支部书记年终会议。", "局党组书记采取“一述一评”的方式逐一点评。"]
    assert "M5" in _codes(tagger, news)[1]
    plain = ["3月5日，某局召开支部书记年终会议。", "局党组书记采取“一问一答”的方式逐一点评。"]
    assert "M5" not in _codes(tagger, plain)[1]


def test_the_title_gate_leaves_numbered_headings_alone(matcher: RuleMatcher) -> None:
    # The title line of a plan names no measure; a numbered heading of the same wording keeps its own code.
    assert "M3" not in matcher.codes("某街道党工委2025年度三会一课实施方案")
    assert "M3" in matcher.codes("二、三会一课工作计划")
