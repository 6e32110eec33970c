"""Precision of the measure codes: words that name an instrument without carrying the measure.

M3: a training course for party-affairs cadres is the team measure (M6), not theory study, unless the course is
said to teach theory or party history; 主题教育 named only as a campaign whose effect, original aim or problems are weighed
is not the learning measure unless its study side is named; a reading club (读书会) of a library or a trade union
is not party study; relating study to one's work (联系学习与工作实际) is.
M2: making theory study a political task, or political loyalty as the fruit of theory study, is study (M3), not
bringing political requirements into the business.
M4: 先进典型 is the target/carrier measure only when models are chosen, publicised or set to lead; people who
merely are models are not.
M5: the responsibility system for party building named in a significance line (是…必然要求/重要抓手, 提供了遵循)
or in a paper title (…问题研究) is not the mechanism unless the line names how it is enforced; the yearly
democratic appraisal of party members (民主评议党员) is organisational life, not the appraisal of secretaries'
reports.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M3: training for party-affairs cadres
    ("区委组织部举办了党务工作者理论培训班。", "区委组织部举办了首期培训——基层党务工作者培训。", "M3"),
    # M3: the campaign weighed, not the study
    ("主题教育的实际效果，要看理论学习成果是否转化为工作成效。", "这些问题影响了主题教育的实际效果。", "M3"),
    # M3: a reading club counts only with party, theory or study words; linking study to the work at hand
    ("机关党支部开展读书会活动，交流学习党史的体会。", "图书馆开展读书会活动，吸引市民参加。", "M3"),
    ("研讨时，大家紧密联系学习与工作实际，逐一发言。", "研讨时，大家紧密联系家庭与工作实际，逐一发言。", "M3"),
    # M2: study made a political task
    ("把贯彻落实党中央决策部署作为政治任务，融入业务工作全过程。", "始终把学懂弄通党的创新理论作为政治任务。", "M2"),
    ("坚持以政治忠诚为根本，把党中央决策部署落实到业务工作各环节。", "通过开展理论学习和专题研讨，全面筑牢政治忠诚。", "M2"),
    # M4: models chosen and set to lead vs people who are models
    ("选树一批党员先进典型，发挥示范带动作用。", "参会人员中有不少是各行业的先进典型人物。", "M4"),
    # M5: the responsibility system in a significance line or a title
    ("落实机关党建工作责任制，是推进全面从严治党的必然要求，要把党建考核结果与评先评优挂钩。",
     "落实机关党建工作责任制，是推进全面从严治党的必然要求，是改进机关作风的重要抓手。", "M5"),
    ("落实基层党建工作责任制的做法", "落实基层党建工作责任制问题研究", "M5"),
    # M5: the yearly appraisal of members (organisational life) vs secretaries appraised on their report
    ("党组织书记年底要述职，接受党员民主评议。", "今年各村党组织统一开展民主评议党员工作。", "M5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_course_for_members_and_party_affairs_cadres_keeps_the_learning_measure(matcher: RuleMatcher) -> None:
    # guard: the party-affairs training gate must not take M3 from a course that also trains party members
    assert "M3" in matcher.codes("举办全县党员和党务干部培训班。")
