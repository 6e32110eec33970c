"""Further wordings of the disconnects and measures as unit reports, papers and speeches write them (party
building "grasped" only in name, traces kept instead of results, supply of training out of step with need,
members taking the lead in projects, party-affairs staff and posts), each with a near-miss that must not get
the code; study-quality words that need a study instrument before they count as 学用融合; a 主题党日 held as
service, and a public service hall, which are not the measures their words suggest.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D2: party building said to matter and then left aside; not fitting the unit's work
    ("有的单位对党建工作说起来重要、抓起来次要。", "有的单位对安全工作说起来容易、抓起来困难。", "D2"),
    ("一些科室党建工作与业务工作契合度不高。", "一些科室的新系统与旧设备契合度不高。", "D2"),
    ("有的村党建活动与乡村治理实践相脱节。", "有的村的规划设计与乡村治理实践相适应。", "D2"),
    # D3: study results not turned into ability; study not thorough
    ("支部理论学习成果未能真正转化为推动工作的本领。", "支部把理论学习成果真正转化为推动工作的本领。", "D3"),
    ("有的党员学习教育不够扎实。", "有的党员学习教育扎实深入。", "D3"),
    # D4: what is offered does not match what is needed; secretaries without the skill to lead party work
    ("支部教育供给与党员需求失衡。", "支部教育供给与党员需求相匹配。", "D4"),
    ("部分培训内容与岗位职责关联度低。", "部分培训内容与岗位职责关联度高。", "D4"),
    ("一些党组织书记不会抓党建，办法不多。", "一些党组织书记善于抓党建，办法很多。", "D4"),
    ("支部的党建活动与党员实际需求结合不紧。", "支部的党建活动与党员实际需求结合紧密。", "D4"),
    ("干部教育培训存在供需错配。", "干部教育培训存在经费短缺。", "D4"),
    ("一些支部书记欠缺创新意识，活动停留在传统模式。", "一些支部书记富有创新意识，活动形式新颖。", "D4"),
    ("有的党务干部对党建新情况研究不够。", "有的党务干部对党建新情况研究深入。", "D4"),
    # D5: traces instead of results, passing documents on, noise without effect, self-examination in name only
    ("有的单位重痕不重绩，资料做得很厚。", "有的单位重实干重实绩，资料简洁。", "D5"),
    ("有的党组织对上级文件只当传声筒。", "有的党组织对上级文件逐条研究落实。", "D5"),
    ("个别支部形式上轰轰烈烈，实际成效不大。", "个别支部活动开展得轰轰烈烈，群众评价很高。", "D5"),
    ("有的支部凡事都要留痕，干部疲于填表。", "支部按规定做好会议记录，做到有据可查。", "D5"),
    ("有的部门重布置轻落实，任务停在会上。", "有的部门既重布置又抓落实。", "D5"),
    # M1: the relation of party building and the unit's cause; ideas changed; party building put first
    ("局党组引导干部处理好党的建设与事业发展的关系。", "局党组引导干部处理好工作与家庭的关系。", "M1"),
    ("引导党员干部转变观念，把党建和业务一起抓。", "引导群众转变观念，积极发展特色种植。", "M1"),
    ("局党组把党建工作摆在突出位置。", "局党组把安全生产摆在突出位置。", "M1"),
    ("部门间对融合的价值认知存在分歧。", "部门间对预算分配存在分歧。", "M1"),
    ("有的干部认为党建工作比较虚，抓不抓一个样。", "有的干部认为信息系统比较旧，换不换一个样。", "M1"),
    ("有的干部认为党务工作与业务工作沾不上边。", "有的干部认为财务工作与后勤工作沾不上边。", "D2"),
    # M2: judging things politically; building a political organ
    ("要善于从政治上辨是非、干工作。", "要善于从技术上辨真伪、干工作。", "M2"),
    ("着力建设政治机关，做到对党忠诚。", "着力建设服务型机关，做到高效便民。", "M2"),
    # M4: members at work inside the business; the organisation follows the business
    ("支部搭建党员发挥作用的平台，让党员在项目中当先锋。", "支部搭建职工交流的平台，让职工在项目中提建议。", "M4"),
    ("项目组党员集智攻关，攻克了技术难题。", "项目组成员集体讨论，攻克了技术难题。", "M4"),
    ("新建生产车间在组建时即设立党小组。", "新建生产车间在组建时即设立安全小组。", "M4"),
    ("坚持业务开展到哪里，党组织就建立到哪里。", "坚持业务开展到哪里，服务就跟到哪里。", "M4"),
    ("街道党工委统筹资源服务中心工作。", "群众可到街道政务服务中心办理社保。", "M4"),
    # M5: secretaries report on their party work; mechanisms renewed
    ("听取各党委书记抓党建工作述职。", "听取各科室负责人年度工作汇报。", "M5"),
    ("探索党建与业务融合的机制创新。", "探索产品研发的机制创新。", "M5"),
    # M6: party-affairs posts, staff and leadership held together
    ("大多数支部不设专职党务工作干部。", "大多数科室不设专职统计工作人员。", "M6"),
    ("党委书记与董事长由同一人担任。", "副总经理与财务总监由同一人担任。", "M6"),
    ("基层党务工作机构设置滞后。", "基层档案工作机构设置滞后。", "M6"),
    ("村党支部书记队伍年龄偏大、文化偏低。", "村卫生室医生队伍年龄偏大、文化偏低。", "M6"),
    ("基层党务工作运行欠规范，体制机制不适应。", "基层档案工作运行欠规范，体制机制不适应。", "M6"),
    ("有的干部重干轻学，忙于事务。", "有的干部边干边学，忙而不乱。", "D3"),
    ("部分党员学习热情不高，学习时间难以保证。", "部分党员学习热情很高，每天坚持自学。", "D3"),
    ("有的干部以工作忙为由，没时间参加支部学习。", "有的干部工作虽忙，仍按时参加支部学习。", "D3"),
    ("一些单位文件满天飞，落实却不见动静。", "一些单位文件精简，落实跟踪到位。", "D5"),
    ("党务干部出口窄、晋升难，岗位吸引力不强。", "技术干部出口窄、晋升难，岗位吸引力不强。", "M6"),
    # words that sit a little apart in real sentences: two qualities not strong, a political height, a role unclear
    ("支部党员教育的针对性和实效性不强。", "支部党员教育的针对性和实效性明显增强。", "D4"),
    ("各支部党建工作特色不鲜明，千人一面。", "各支部党建工作特色鲜明，各有亮点。", "D4"),
    ("要从讲政治的高度来看待机关业务工作。", "要从全局的高度来看待机关业务工作。", "M2"),
    ("一些机关党组织职责定位不准，只管发展党员。", "一些机关党组织职责清楚，分工明确。", "M1"),
    ("有的党员干部理论学习不深不透。", "有的党员干部理论学习深入透彻。", "D3"),
    ("有的支部活动仪式化，走完程序就算完成。", "有的支部扎扎实实办实事，活动有实效。", "D5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept), (kept, code)
    assert code not in matcher.codes(near_miss), (near_miss, code)


def test_reading_documents_aloud_is_study_of_poor_quality_and_a_measure_only_with_an_instrument(
        matcher: RuleMatcher) -> None:
    bare = matcher.codes("有的党员学习只是念念文件、读读报纸。")
    assert "D3" in bare and "M3" not in bare
    assert {"D3", "M3"} <= matcher.codes("支部集中学习只是念念文件、读读报纸。")


def test_a_theme_day_held_as_service_is_not_study(matcher: RuleMatcher) -> None:
    service = matcher.codes("支部开展主题党日活动，与社区党支部联建共建服务群众。")
    assert "M3" not in service and "M4" in service
    assert "M3" in matcher.codes("支部开展主题党日活动，集体学习党章。")


def test_party_committee_and_government_together_do_not_make_assessment_a_party_matter(matcher: RuleMatcher) -> None:
    assert "D6" not in matcher.codes("各级党委政府对基层的考核，干好干坏一个样。")
    assert "D6" in matcher.codes("有的机关党委对支部的考核，干好干坏一个样。")


def test_study_as_the_first_words_of_a_political_formula_is_not_study(matcher: RuleMatcher) -> None:
    assert "M3" not in matcher.codes("各支部坚持把学习贯彻党的二十大精神放在首位。")
    assert "M3" in matcher.codes("各支部坚持把学习与业务研讨结合起来。")


def test_responsibility_in_an_inspection_rectification_is_not_an_integration_mechanism(matcher: RuleMatcher) -> None:
    assert "M5" not in matcher.codes("局党组对照巡察反馈意见，认真履行主体责任，逐项抓好整改。")
    assert "M5" in matcher.codes("局党组对照巡察反馈意见，认真履行党建与业务融合的主体责任。")


def test_a_public_pledge_inside_a_responsibility_pact_is_the_pact_not_members_at_work(matcher: RuleMatcher) -> None:
    codes = matcher.codes("各支部书记每年签订党建工作目标责任书，并进行公开承诺。")
    assert "M5" in codes and "M4" not in codes
    assert "M4" in matcher.codes("窗口党员佩戴党员徽章，进行公开承诺。")


def test_reporting_to_the_party_committee_is_a_report_on_party_work(matcher: RuleMatcher) -> None:
    assert "M5" in matcher.codes("述职对象向镇党委进行述职，接受干部职工评议。")
    assert "M5" not in matcher.codes("项目负责人向镇政府汇报工程进度。")
