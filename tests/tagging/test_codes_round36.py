"""Recall of 目标融合 (M4), 理念融合 (M1) and 党建考核和奖惩脱节 (D6) in the way experience reports and news write them.

M4: members and branches at work inside the business — a member or branch as the lead goose (领头羊) or the motor
(红色引擎, 红色动能); members who stay at the front (驻守/奋战在一线), party groups embedded in trial or work units;
members who take the lead in a task (带头承担, 牵头攻关, 领办项目), fight through the hard part (攻坚克难), show their
post and results (亮岗位、亮业绩), wear a badge at the post (挂牌上岗), take orders from the served (接单, 领单), serve
the people their unit serves (为纳税人提供…, 为居民解难题), or pair with new staff; models who emerge or are publicised
(涌现出优秀共产党员, 先进事迹报告会, 树典型, 树标兵); the flag at the front; the party work that gets the central
task done; 关键时刻冲得上; party service desks and party doctors; branches of the residential block (小区党支部); the
yearly task handed down to each member; a members' role that does not show (混同于一般群众, 看不到支部的身影); a
共产党员服务队 of a utility is not held to the volunteering gate, while a members' team that sweeps a stairwell still is.
M1: party work seen from a height (站在…高度认识…党建) or treated as one whole with the business; 思想根基 is the idea of
integration only next to the integration it grounds.
D6: party scores that weigh little, change nothing or do not tell branches apart, results not used in selection or
cut off from awards, party and cadre assessment run as two systems, no assessment rules or no means to hold lagging
branches to account, good party work left without reward, a branch-building incentive mechanism that is incomplete.
D2 and M1: party work valued on the surface only (表面重视多、实质重视少), held to be someone else's business, to bring no
results or to weigh on the work (认为党建…无关, 出不了成绩); party work and the business as one thing's two sides
(一体两面) is M1.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M4: the lead, the motor, the front
    ("村里的老党员成了种植户眼中的领头羊。", "村里的种植大户成了农户眼中的领头羊。", "M4"),
    ("把支部打造成推动征管改革的红色引擎。", "把新能源产业打造成推动县域经济的绿色引擎。", "M4"),
    ("八名党员长期驻守在防汛抢险一线。", "八名民兵长期驻守在防汛抢险一线。", "M4"),
    ("院里将党小组嵌入到每个办案团队。", "院里将书记员嵌入到每个办案团队。", "M4"),
    ("党员干警在执行攻坚月中发挥着关键作用。", "志愿者在执行攻坚月中发挥着关键作用。", "M4"),
    ("要求各支部委员在急难任务中发挥模范作用。", "要求各车间在节能任务中发挥带动作用。", "M4"),
    # M4: taking the lead in a task, fighting through, showing the post
    ("党员教师带头承担毕业班教学任务。", "骨干教师带头承担毕业班教学任务。", "M4"),
    ("组织党员骨干在设备改造中攻坚克难。", "组织技术骨干在设备改造中攻坚克难。", "M4"),
    ("开展党员亮岗位、亮业绩活动。", "开展科室晒数据、比指标活动。", "M4"),
    ("窗口党员一律挂牌上岗。", "窗口人员一律挂牌上岗。", "M4"),
    ("社区推行居民点单、支部接单的办法。", "商场推行顾客下单、仓库接单的办法。", "M4"),
    ("党支部主动领办结对社区的停车难改造项目。", "物业公司主动承接结对社区的停车难改造项目。", "M4"),
    ("支部书记带领党员连夜抢修供水管网。", "车间主任带领职工连夜抢修供水管网。", "M4"),
    ("由党员技术骨干结对帮带新进员工。", "由老师傅结对帮带新进员工。", "M4"),
    ("鼓励党员在本职岗位上争创一流业绩。", "鼓励职工在本职岗位上争创一流业绩。", "M4"),
    ("抢修现场，“我是党员，我先上”成了大家的口头禅。", "抢修现场，“我是班长，我先上”成了大家的口头禅。", "M4"),
    ("支部党员做到关键时刻冲得上、危难关头豁得出。", "这支球队做到关键时刻稳得住、逆境之中打得出。", "M4"),
    # M4: serving those the unit serves
    ("窗口党员每天为缴费人提供延时办理服务。", "窗口人员每天为缴费人提供延时办理服务。", "M4"),
    ("税务所党员为企业解难题、办实事四百余件。", "税务所窗口人员为企业解难题、办实事四百余件。", "M4"),
    ("大厅设立党员服务专窗，为老人提供帮办服务。", "大厅设立爱心专窗，为老人提供帮办服务。", "M4"),
    ("组织党员医生下乡义诊三十次。", "组织医学院学生下乡义诊三十次。", "M4"),
    ("机关支部与园区企业结成对子，帮助解决用工难题。", "机关支部与社区支部结成对子，定期开展交流座谈。", "M4"),
    ("全村评出党员示范户十五户。", "全村评出文明示范户十五户。", "M4"),
    # M4: models who emerge and are publicised, the flag at the front, the task done
    ("活动开展以来，全局涌现出一批优秀共产党员。", "活动开展以来，全局涌现出一批业务能手。", "M4"),
    ("举办先进事迹报告会三场。", "举办新产品推介会三场。", "M4"),
    ("支部坚持树标兵、立榜样，带动职工比学赶超。", "车间坚持比技能、赛效率，带动职工比学赶超。", "M4"),
    ("让党旗在抗洪一线高高飘扬。", "让国旗在校园上空高高飘扬。", "M4"),
    ("以党建引领推动全年征收任务提前完成。", "以技术改造推动全年生产任务提前完成。", "M4"),
    ("为完成年度中心任务提供坚强组织保证。", "为完成年度采购任务提供资金保证。", "M4"),
    ("每逢迎峰度夏，共产党员服务队总是冲在前。", "每逢关键比赛，这名前锋总是冲在前。", "M4"),
    ("车间着力提高党员的号召力。", "车间着力提高班组长的号召力。", "M4"),
    ("区税务局精心培育“税心向党”党建工作品牌。", "区税务局精心培育“便民办税”服务工作亮点。", "M4"),
    # M4: the living unit, the post, the task handed down, the role that does not show
    ("每个小区都成立了小区党支部，由物业经理担任支部委员。", "每个小区都成立了业主委员会，由物业经理列席会议。", "M4"),
    ("要求党员既当服务标兵，又当业务上的行家。", "要求新人既当服务标兵，又当业务上的行家。", "M4"),
    ("党员楼长每周走访独居老人。", "社区网格员每周走访独居老人。", "M4"),
    ("窗口桌牌上一律标注“共产党员”字样。", "窗口桌牌上一律标注“首问负责”字样。", "M4"),
    ("项目部党员主动放弃休假，坚守施工现场。", "项目部技术员主动放弃休假，坚守施工现场。", "M4"),
    ("支部把年度征收任务分解到每名党员。", "科室把年度征收任务分解到每名专管员。", "M4"),
    ("党员的先锋作用没有充分显现。", "新设备的节能作用没有充分显现。", "M4"),
    ("个别党员混同于一般群众，看不出身份。", "个别新职工混同于临时访客，看不出身份。", "M4"),
    ("支部战斗力不强，在执行攻坚中看不到支部的身影。", "车间执行力不强，在质量攻坚中看不到班组的配合。", "M4"),
    ("在抢险任务面前，党员干部带头冲锋。", "在抢险任务面前，消防队员奋勇冲锋。", "M4"),
    ("支部组织青年党员成立课题攻关小组。", "学院组织青年教师成立课题研究小组。", "M4"),
    ("各党小组认领所在片区的积案清理事项。", "各审判组承接所在片区的积案清理事项。", "M4"),
    ("举办“身边的榜样”事迹分享会。", "举办“身边的风景”摄影分享会。", "M4"),
    ("在抢修工地上，一名党员就是一面旗帜。", "在抢修工地上，一台吊车就是一个帮手。", "M4"),
    # M1: a height, one whole
    ("站在服务全局的高度，重新认识和定位机关党建工作。", "站在服务全局的高度，重新认识和定位园区产业布局。", "M1"),
    ("局党组始终把党建与业务工作看作一个整体来抓。", "局党组始终把安全与生产工作看作一个整体来抓。", "M1"),
    ("在支部书记看来，党建和征管本是一件事的两个方面。", "在会计看来，收入和支出本是一件事的两个方面。", "M1"),
    # D2 and M1: the mindset that party work is someone else's, useless or a burden
    ("有的窗口负责人认为党建工作是额外负担。", "有的窗口负责人认为周末值班是额外负担。", "M1"),
    ("个别班子成员认为抓党建出不了成绩，对支部活动不上心。", "个别班子成员认为抓宣传出不了成绩，对展板布置不上心。", "D2"),
    # D6: weight, use, awards, accountability, incentives
    ("年度考核中党建指标只占5分，对科室排名几乎没有影响。", "年度考核中考勤指标只占5分，对科室排名几乎没有影响。", "D6"),
    ("党建考核结果没有在干部选拔中体现。", "业务技能考核结果已在岗位调整中体现。", "D6"),
    ("党员积分结果与评先评优脱钩，党员参与积极性不高。", "党员积分结果与评先评优紧密挂钩。", "D6"),
    ("对党建工作落后的支部缺乏有效的问责手段。", "对党建工作落后的支部由机关党委约谈。", "D6"),
    ("目前支部建设的激励措施还很乏力。", "目前技能培训的激励措施还很乏力。", "D6"),
    ("党建工作的考核奖惩办法至今尚未建立。", "食堂管理的考核奖惩办法至今尚未建立。", "D6"),
    ("党建考核与干部年度考核各搞一套，结果互不采信。", "安全检查与质量检查各搞一套，结果互不采信。", "D6"),
    ("支部书记抓党建的成效没有作为提拔使用的依据。", "科室主任抓营收的成效已经作为绩效分配的依据。", "D6"),
    ("对党建工作突出的支部缺少表彰激励。", "对党建工作突出的支部给予通报表扬。", "D6"),
    ("各支部党建考核得分普遍偏高，拉不开差距。", "各车间安全考核得分普遍偏高，拉不开差距。", "D6"),
    ("党建考核指标与业务考核指标没有统一设计。", "党建考核指标与业务考核指标实行统一设计。", "D6"),
    ("党建工作在全院绩效方案里的占比不足4%。", "考勤工作在全院绩效方案里的占比不足4%。", "D6"),
    ("两年来党建考核在综合考评里分量很轻。", "两年来体能测试在综合考评里分量很轻。", "D6"),
    ("医院的党建评价同医师职称考评相互脱节。", "医院的服务评价同医师职称考评相互衔接。", "D6"),
    ("县公司的党建考核和生产考核由两个部门各管一头，标准不一、结果不通。", "县公司的安全考核和质量考核由两个部门各管一头，标准不一、结果不通。", "D6"),
    ("支部党建考核里，干得好和干得差区别不大。", "这台新机床干得快和干得慢区别不大。", "D6"),
    ("支部党建做得再好，年终评优还是只看业务。", "宣传报道做得再好，年终评优还是只看业务。", "D6"),
    # D2 and M1: regard that stays on the surface
    ("个别科室负责人抓党建表面重视多、实质重视少。", "个别家长抓体育锻炼表面重视多、实质重视少。", "D2"),
    ("个别科室负责人抓党建表面重视多、实质重视少。", "个别家长抓体育锻炼表面重视多、实质重视少。", "M1"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_a_utility_members_service_team_is_not_held_to_the_volunteering_gate(matcher: RuleMatcher) -> None:
    assert "M4" in matcher.codes("国网某县供电公司组建共产党员服务队。")
    assert "M4" in matcher.codes("城南共产党员服务队下设四个分队、一百二十名队员。")
    # a members' team that sweeps the stairwell or visits the old people is still volunteering
    assert "M4" not in matcher.codes("机关党员服务队到小区清理楼道杂物。")
    assert "M4" not in matcher.codes("组织党员到敬老院慰问老人。")


def test_the_ideas_ground_is_the_integration_measure_only_next_to_the_integration(matcher: RuleMatcher) -> None:
    assert "M1" in matcher.codes("筑牢融合发展的思想根基，推动党建与业务深度融合。")
    listed = "检察院以强化政治引领、筑牢思想根基、锤炼过硬作风为抓手，推动党建与业务深度融合。"
    assert "M1" not in matcher.codes(listed)
