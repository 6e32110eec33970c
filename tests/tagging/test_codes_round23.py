"""Recall of 形式和内容脱节 (D5) and 理念融合 (M1).

D5: party life or rituals dismissed as mere procedure (只是走程序); an activity that must not end up as a mere
form (成为一种形式); slogan-style implementation (口号式); implementation that differs inside and out (表里不一);
work done only to satisfy superiors, inspections or appraisals (应付上级/督查/评比).
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D5: formalism, form without content
    ("个别党员觉得每月的组织生活只是走程序，参不参加都一样。", "报销手续需要按规定走程序，由财务科审核。", "D5"),
    ("要精心设计每次主题党日，不让活动沦为一种形式。", "主题党日可以采用参观、研讨、志愿服务等多种形式。", "D5"),
    ("有的单位对上级部署搞口号式落实，会后就没有了动静。", "有的单位把上级部署分解为任务清单，会后逐项跟进。", "D5"),
    ("少数基层党组织落实整改表里不一。", "少数基层党组织落实整改进度不一。", "D5"),
    ("个别科室为了应付上级，临时拼凑了几份总结。", "个别科室为了配合上级，临时抽调了几名人员。", "D5"),
    ("有的单位应付督查，把没做的工作写成已完成。", "有的单位配合督查，把没做的工作列入计划。", "D5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
