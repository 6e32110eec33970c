"""Recall of 形式和内容脱节 (D5): formalism in meetings and inspections.

D5: a review meeting turned into a meeting of praise or a meeting held to get it over with (开成表彰会、开成应付会);
criticism, inspections, appraisals or surveys that only scratch the surface (批评隔靴搔痒、检查蜻蜓点水、考核一带而过).
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    ("个别支部的组织生活会开成了表彰会，谁都不提问题。", "年底的职工大会开成了一次温暖的团拜。", "D5"),
    ("有的支部把专题会议开成应付会，草草收场。", "有的支部把专题会议开成研讨会，大家畅所欲言。", "D5"),
    ("相互批评时隔靴搔痒，只谈成绩不谈问题。", "冬天皮肤干燥，隔着衣服搔痒也不管用。", "D5"),
    ("上级来检查往往蜻蜓点水，看看展板就走。", "夏日的池塘边，常能看到蜻蜓点水。", "D5"),
    ("年终考核时对薄弱环节一带而过，没有深究。", "讲解员对展厅的历史一带而过，重点介绍新馆。", "D5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)
