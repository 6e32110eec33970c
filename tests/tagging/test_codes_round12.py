"""学用融合 without its look-alikes, and the wordings of 学和用脱节, 供和需脱节, 理念融合 and 导向融合 that recur in study
reports, training surveys and party-building summaries. The title of a study report (…中心组学习情况汇报, …学习情况进行督查),
theory study named only as one item in a list of other party-building tasks, study counted beside business exams, and
political-theory study named in a study problem without a study instrument are not M3; a bare 政治机关 used as a noun is not
M2. Training content far from the work, low training effect, old training modes and 填鸭式 teaching are D3; a gap between
what is provided and what members need is D4; a right understanding of party building (正确的党建认识) is M1; keeping the right political
direction and the 第一时间传达学习…第一时间研究部署 chain are M2. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M3: titles, lists, business exams, study problems without an instrument
    ("局党组理论学习中心组开展专题学习，围绕优化营商环境交流研讨。", "市税务局党委理论学习中心组2024年度学习情况报告", "M3"),
    ("县委宣传部对乡镇理论学习中心组的学习档案逐一查看，督促学用结合。", "县委宣传部对乡镇理论学习中心组学习情况进行督查", "M3"),
    ("支部抓好理论武装，组织党员带着窗口难题学、结合审批业务学。", "今年重点抓好理论武装、作风建设、阵地建设和群团工作。", "M3"),
    ("全年组织专题学习8次，结合党课研讨如何把理论用于征管实践。", "全年组织专题学习8次，开展业务知识考试2次。", "M3"),
    ("政治理论学习抓得不紧，支部集中学习常被业务会议挤占。", "有的干部政治理论学习不深不透，满足于读过了事。", "M3"),
    # M3: wordings it gets
    ("集团党委推动理论学习走深走实，把学习成果用在项目建设上。", "集团推动项目建设走深走实，把资金用在关键环节上。", "M3"),
    ("检查组查看了理论学习中心小组的学习记录。", "检查组查看了食品安全工作小组的检查记录。", "M3"),
    # M2
    ("各科室要强化政治机关意识，把讲政治落实到审批服务中。", "该处室去年由军队政治机关移交地方管理。", "M2"),
    ("严格执行请示报告制度，牢牢把握正确的政治方向。", "严格执行财务报销制度，牢牢把握正确的资金流向。", "M2"),
    ("坚持第一时间传达学习、第一时间研究部署上级要求。", "坚持第一时间受理投诉、第一时间反馈处理结果。", "M2"),
    # D3
    ("调查发现，培训内容与基层实际工作存在较大距离。", "调查发现，新建站点与居民小区存在较大距离。", "D3"),
    ("当前干部教育培训工作效益不高。", "当前部分企业的经营效益不高。", "D3"),
    ("有的单位培训模式陈旧，仍以念稿为主。", "有的车间设备陈旧，仍以手工为主。", "D3"),
    ("党课仍是填鸭式灌输，党员听得昏昏欲睡。", "食堂改进了菜品，党员吃得心满意足。", "D3"),
    # D4
    ("党员教育内容与党员实际需求存在较大差距。", "党员教育内容与上级部署保持高度一致。", "D4"),
    # M1
    ("企业要具备正确的党建认识。", "企业要具备正确的市场认识。", "M1"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_a_report_title_loses_only_the_study_code(matcher: RuleMatcher) -> None:
    # A title that names the two skins keeps D2; only the study code is dropped from a report title.
    codes = matcher.codes("破解机关党建与业务“两张皮”暨理论学习中心组学习情况汇报")
    assert "M3" not in codes
    assert "D2" in codes


def test_a_numbered_heading_about_a_study_report_keeps_m3(matcher: RuleMatcher) -> None:
    # Section headings carry codes; only unnumbered title lines are report titles.
    assert "M3" in matcher.codes("（二）理论学习中心组学习情况汇报")


def test_theory_study_in_a_list_keeps_m3_when_tied_to_the_work(matcher: RuleMatcher) -> None:
    assert "M3" in matcher.codes("抓好理论学习、作风建设和队伍建设，推动理论学习与业务工作相结合。")


def test_a_training_gap_with_needs_is_both_study_and_supply(matcher: RuleMatcher) -> None:
    codes = matcher.codes("培训内容与岗位实际需要存在较大差距。")
    assert {"D3", "D4"} <= codes


def test_political_organ_building_stays_m2(matcher: RuleMatcher) -> None:
    assert "M2" in matcher.codes("扎实推进县级税务局政治机关建设。")
