"""Wordings of formalism, awareness problems, study joined to work, party-building responsibility, party
staff and unmet needs that real documents use, each with a near-miss that must not get the code; and the
boundary that generic study-quality words are 学用融合 only where a study instrument is named.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D5: trace-keeping turned into an end in itself, photos and records kept for the inspectors
    ("有的支部把“痕迹管理”搞异化了，活动还没开展先想着留资料。", "支部规范党建台账管理，会议记录按月归档。", "D5"),
    ("一组织学习，有的党员就忙着拍照存档，留待上级检查。", "支部组织党员参观红色教育基地，并拍摄了专题片。", "D5"),
    ("有的单位搞“形式党建”，展板做得漂亮，活动却不见人。", "有的单位党建展板内容陈旧，需要及时更新。", "D5"),
    ("有的党组落实上级部署只是机械转发文件。", "办公室及时转发上级党建工作文件并抓好落实。", "D5"),
    ("一些支部把走访群众变成打卡，照片发到群里就算完成。", "党员通过学习平台每天打卡学习党的理论。", "D5"),
    ("有的支部“三会一课”走了样，制度上墙却不上心。", "支部严格落实“三会一课”制度，按时召开支委会。", "D5"),
    ("个别单位以检查为中心，把工作成效等同于台账厚度。", "检查组查阅了支部的会议记录和学习台账。", "D5"),
    # D3: study done to get it over with, its effect ignored
    ("有的党员应付地学，只求完成任务。", "有的党员坚持每天自学一小时。", "D3"),
    ("支部学习过于注重签到记录，忽视学习的实际效果。", "支部注重学习的实际效果，每次学习后开展研讨。", "D3"),
    ("有的干部学习满足于学文件、听辅导，不求甚解。", "有的干部学习先读原文，再联系工作写体会。", "D3"),
    # M3: theory study joined to the work, not the same words in a problem
    ("引导党员把理论学习与日常工作紧密结合。", "理论学习与日常工作结合不紧，党员感到学了用不上。", "M3"),
    ("要把所学理论转化为解决实际问题的能力。", "有的干部所学理论不能转化为解决实际问题的能力。", "M3"),
    ("支部把集中学习与业务研讨结合起来，防止学用脱节。", "有的干部学用脱节，遇到新问题还是凭老经验。", "M3"),
    ("局党组坚持以理论为指导谋划全年工作。", "局里以干代学的现象比较普遍，学习效果不佳。", "M3"),
    # D2 and M1: party building thought of as something that may or may not be done
    ("有的负责人认为党建工作就是发展党员，抓与不抓对业务影响不大。", "支部本年度发展党员两名，党员队伍不断壮大。", "D2"),
    ("有的负责人认为党建工作就是发展党员，抓与不抓对业务影响不大。", "支部本年度发展党员两名，党员队伍不断壮大。", "M1"),
    # M1: the relation of party building and business named
    ("局党组引导干部摆正党建与业务的关系。", "局党组理顺了机关与下属单位的关系。", "M1"),
    ("各支部牢固树立党建引领的理念，抓党建从业务出发。", "各科室牢固树立安全生产的理念，严防事故发生。", "M1"),
    # M5: party-building responsibility signed, reported and checked
    ("各支部书记每年与机关党委签订党建工作目标责任书。", "各科室每年与局办公室签订安全生产目标责任书。", "M5"),
    ("年底组织支部书记开展抓党建述职。", "年底组织各科室负责人开展业务工作汇报。", "M5"),
    # M6: party staff who are too few, or only part-timers
    ("机关党建工作力量薄弱，支部工作常常难以正常开展。", "机关后勤保障力量薄弱，车辆调度比较紧张。", "M6"),
    ("不少单位的党务工作由业务科室人员兼任。", "不少单位的窗口咨询由业务科室人员兼任。", "M6"),
    # D5: rectification done on paper only; D3: study that stays on the surface
    ("巡察整改中要杜绝纸面整改、虚假整改。", "巡察反馈的问题已全部完成整改并销号。", "D5"),
    ("支部要防止学习流于表面，带着问题学。", "支部学习从原文读起，逐段讨论。", "D3"),
    # D2 and M5: party-building responsibility not carried out
    ("个别党委书记对机关党建不过问，党建工作责任落实不到位。", "个别处室安全生产责任落实不到位，被通报批评。", "M5"),
    ("个别党委书记对机关党建不过问，党建工作责任落实不到位。", "个别处室安全生产责任落实不到位，被通报批评。", "D2"),
    # M5: secretaries report on their party work and are assessed
    ("年初召开党支部书记述职评议会。", "年初召开全局业务工作务虚会。", "M5"),
    # M4: models that show the way
    ("局机关党委充分发挥示范党支部的示范引领作用。", "局机关党委组织各支部开展年度工作总结。", "M4"),
    # D4: the branch's party work has little variety or new ideas
    ("对机关党建的创新想法不多，党建工作形式不够丰富。", "对机关党建的创新想法很多，党建工作形式丰富多样。", "D4"),
    # M1: party building and business as one whole; M2: politics carried into the work; D3: study kept loosely
    ("局党组强调党建工作与业务工作密不可分。", "局党组强调窗口服务与后台审批密不可分。", "M1"),
    ("把讲政治贯穿于税收业务全过程。", "把安全生产贯穿于税收业务全过程。", "M2"),
    ("有的支部理论学习抓得不紧，时断时续。", "有的支部业务培训安排得很紧，一周两次。", "D3"),
    # D4: what the branch offers does not meet what members need
    ("一些支部活动未能结合党员的实际需求，参与的人越来越少。", "支部活动紧密结合党员实际需求，参与的人越来越多。", "D4"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept), (kept, code)
    assert code not in matcher.codes(near_miss), (near_miss, code)


@pytest.mark.parametrize(
    "text",
    [
        "支部学习形式单一，多是领导念稿、党员记笔记。",  # the branch's own study is an instrument
        "中心组学习存在以干代学的现象。",
        "更要改进学习方式，提高学习效果。",  # a recommendation about study, no problem named
    ],
)
def test_study_words_keep_m3_with_an_instrument_or_as_advice(matcher: RuleMatcher, text: str) -> None:
    assert "M3" in matcher.codes(text)
