"""Figure extraction: frequencies, thresholds, section numbers, quoted deadlines, plans, names and counts that
restate a list. Every sentence was written for this check; each expected list is in reading order."""

from __future__ import annotations

import pytest

from pipeline.gap.figures import extract_figures

CASES: tuple[tuple[str, tuple[tuple[float, str], ...]], ...] = (
    # a count right after 每 + period is a frequency or quota
    ("机关各党支部以每周四下午为固定学习时间，以每月1天为主题党日。", ()),
    ("党小组每周1次集中学习，党支部每季度1次专题研讨。", ()),
    # a bound on a rate or score that picks out a group
    ("测评得分低于80分的科室要限期整改。", ()),
    ("群众满意率不到70%的单位，取消年度评优资格。", ()),
    ("参学率在90%以上的党支部有14个。", ((14, "个"),)),
    ("满意度低于85%的窗口占比为6.3%。", ((6.3, "%"),)),
    ("党员出勤率超过95%的支部，年底予以通报表扬。", ()),
    # dotted section numbers opening a heading
    ("3.2项目实施保障", ()),
    ("2.1人员配备与分工", ()),
    ("5.4名单公示与复核", ()),
    # a deadline quoted from a plan
    ("《实施方案》提出“到2026年，党员教育培训覆盖率达到100%”。", ()),
    ("文件明确：“到2025年底，建成示范党支部30个”。", ()),
    # plans and next steps
    ("计划年内培训党务干部200人次。", ()),
    ("明年将新建党员活动室8处。", ()),
    ("全年发展党员的指导性计划为25名。", ()),
    # names, the same day, branch names
    ("千名干部进千企活动启动以来，走访企业326家。", ((326, "家"),)),
    ("党员们约定每季度在同一天开展志愿服务。", ()),
    ("机关三支部书记介绍了支部工作情况。", ()),
    # a count restating the list just before it
    ("局机关设有办公室、业务科和财务科三个科室党小组，共有党员27名。", ((27, "名"),)),
    ("组建了宣讲队、帮扶队和护河队等3支党员服务队伍。", ()),
    # pages offering their texts, and 句
    ("以下是整理的党支部工作总结范文5篇", ()),
    ("这里整理了机关党建调研文章4篇，欢迎阅读！", ()),
    ("书记在讲评中共引用了12句古诗词。", ((12, "句"),)),
    # an age bracket next to an average age, and counted nouns told what to do
    ("支部党员平均年龄38岁，35岁以下青年党员占42%。", ((38, "岁"), (42, "%"))),
    ("结对的两个支部要定期开展联合主题党日。", ()),
    ("三个党小组必须在月底前完成学习任务。", ()),
    # a percentage counted by a Chinese numeral is a slogan
    ("全面实现“三个100%”工作目标。", ()),
    ("力求做到两个100%，即参学率和覆盖率都达标。", ()),
)

# Behaviour these rules must keep (they passed before the rules were added).
GUARDS: tuple[tuple[str, tuple[tuple[float, str], ...]], ...] = (
    ("各支部平均每月开展组织生活1.5次。", ((1.5, "次"),)),
    ("党员人均每年参加集中培训32学时。", ((32, "学时"),)),
    ("全局党员中，有不足两成的人参加过党务培训。", ((20, "%"),)),
    ("1.2万名机关党员参加了线上答题。", ((1.2, "万名"),)),
    ("截至2024年底，全区已建成示范党支部30个。", ((30, "个"),)),
    ("按照年初计划，全年共培训党务干部210人次。", ((210, "人次"),)),
    ("走访了东村、西村等12个村。", ((12, "个"),)),
    ("先后举办支部书记、党务干部等培训班2期，培训180余人次。", ((2, "期"), (180, "人次"))),
    ("机关下设4个党支部、2个党小组。", ((4, "个"), (2, "个"))),
    ("问题解决率达到97%以上，群众满意。", ((97, "%"),)),
    ("两个支部因组织生活不规范被约谈。", ((2, "个"),)),
    ("排查出12个主要问题，已整改10个。", ((12, "个"), (10, "个"))),
)


def _extracted(sentence: str) -> tuple[tuple[float | None, str], ...]:
    return tuple((None if f.value is None else round(f.value, 2), f.unit_of_measure) for f in extract_figures(sentence))


def _expected(expected: tuple[tuple[float, str], ...]) -> tuple[tuple[float, str], ...]:
    return tuple((round(float(value), 2), measure) for value, measure in expected)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_round2_sentence(sentence: str, expected: tuple[tuple[float, str], ...]) -> None:
    assert _extracted(sentence) == _expected(expected)


@pytest.mark.parametrize(("sentence", "expected"), GUARDS, ids=[str(i) for i in range(len(GUARDS))])
def test_round2_guard(sentence: str, expected: tuple[tuple[float, str], ...]) -> None:
    assert _extracted(sentence) == _expected(expected)
