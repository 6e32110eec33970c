"""目标融合 (M4) and 机制融合 (M5) on unseen wordings.

M4: a branch's or party organisation's role in the work named as held back or not seen (影响了支部作用发挥,
不见支部作用, 党组织在…中的作用不明显 — boundary rule 4: the problem names the instrument); brands and
vehicles taken in hand (亮品牌, 抓载体, 品牌建设 that rallies or drives the work).
M5: the institutional frame of the work (制度框架, 从制度设计上…党建/融合).
M5: a responsibility wording that only states the purpose of a text or an event (为进一步…履行第一责任人职责,
落实…责任制的有效途径) is not a mechanism unless the sentence names an instrument (考核, 述职, 清单, 机制…).
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M4: the role of branches and organisations named as held back or unseen
    ("由于支部委员多为兼职，精力有限，影响了支部作用发挥。", "由于仓库位置偏远，运输不便，影响了物资供应效率。", "M4"),
    ("群众反映只见科长忙碌，不见支部作用。", "群众反映只见科长忙碌，不见窗口人员。", "M4"),
    ("部分村党组织在带领群众发展产业中的作用不明显。", "部分村合作社在带领群众发展产业中的收益不明显。", "M4"),
    # M4: brands and vehicles taken in hand
    ("抓载体强服务，抓品牌促提升。", "抓安全强管理，抓质量促提升。", "M4"),
    ("街道以品牌建设凝聚发展合力，各社区各展所长。", "街道以道路建设改善出行条件，各社区各展所长。", "M4"),
    ("立足窗口职能，亮品牌、树形象。", "立足窗口职能，优流程、提效率。", "M4"),
    # M5: the institutional frame of the work
    ("跨部门协作的制度框架尚不健全，配合主要靠临时协调。", "跨部门协作的办公场地尚不健全，配合主要靠临时协调。", "M5"),
    ("要从制度设计上推动党建与业务相互促进。", "要从版面设计上推动标题与正文相互呼应。", "M5"),
]

# (kept: a purpose clause that names an instrument, near-miss: a purpose clause with the responsibility wording only)
PURPOSE = [
    ("为进一步落实支部书记抓党建第一责任人职责，镇党委组织开展年度述职评议。",
     "为进一步提高支部书记抓党建工作水平，认真履行好第一责任人职责，推动从严治党向基层延伸。"),
    ("为进一步压实党建工作责任制，区委建立书记抓党建问题清单。",
     "为深入探索新形势下落实党委书记抓党建责任制的有效途径，决定开展示范点创建活动。"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


@pytest.mark.parametrize(("kept", "near_miss"), PURPOSE)
def test_responsibility_in_a_purpose_clause_needs_an_instrument(matcher: RuleMatcher, kept: str, near_miss: str) -> None:
    assert "M5" in matcher.codes(kept)
    assert "M5" not in matcher.codes(near_miss)
