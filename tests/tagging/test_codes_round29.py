"""政治和业务脱节, 学和用脱节, 供和需脱节 and 形式和内容脱节 in the wordings of self-examination materials,
inspection commentary and service reports; and two places where 党建工作和中心工作脱节 must not be read.

D1: politics reduced to something else (讲政治简单等同于…), business talked about without politics, political
requirements turned into slogans or left at meetings, politics and business on two lines, business pursued with
vigour while politics is weak, the political account not reckoned, political direction not held in the work.
D3: study and practice two different things, study without notable effect, theory not used to guide practice,
notes many and use little, study reduced to required hours, discussion read from a script.
D4: needs not sensed or grasped, one-size supply, needs of those served ignored, services designed behind closed
doors, resources misallocated, what is sent is not what people need, dishes served rather than ordered, activities
arranged without asking whether members need them, doing exactly what the level above sets, seldom fitting the
unit's own situation.
D5: things revert once the inspection has passed, inspection routes laid out in advance (and the remedy of
unannounced visits), research turned into a show, a perfunctory attitude, reduplicated-verb routines, a polished
facade, many meetings and few problems solved, fine materials and poor delivery, meetings counted as results.
D2 gates: a bare 结合不紧 and 两张皮 said of study need a party-building or business object.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D1: politics reduced, or kept apart from the business
    ("有的督查人员把看政治简单等同于看会议记录。", "有的督查人员把看现场简单等同于看会议记录。", "D1"),
    ("个别干部把讲政治片面理解为多开会。", "个别干部把讲效率片面理解为多加班。", "D1"),
    ("有的科长就业务谈业务，很少想到其中的政治要求。", "有的科长就业务谈业务，很少想到其中的安全要求。", "D1"),
    ("少数干部很少从政治的高度审视审批工作。", "少数干部很少从群众的角度审视审批工作。", "D1"),
    ("有的支部把政治要求当作口号，喊过就算。", "有的支部把安全要求当作底线，说到做到。", "D1"),
    ("政治建设停留在开会传达层面。", "服务建设延伸到窗口办理层面。", "D1"),
    ("一些单位政治建设与业务工作成了两条线。", "一些单位后勤保障与业务工作成了一条线。", "D1"),
    ("有的干部抓业务劲头足，讲政治意识弱。", "有的干部抓业务劲头足，讲方法意识强。", "D1"),
    ("个别领导只算经济账，不算政治账。", "个别领导只算眼前账，不算长远账。", "D1"),
    ("在业务工作中把握政治方向不够准。", "在业务工作中把握法律尺度很准。", "D1"),
    # D3: study and practice apart
    ("有的党员学的是一套，做的又是另一套。", "有的党员学的是新规，做的也是新规。", "D3"),
    ("支部理论学习实效不显著。", "支部帮扶工作实效显著。", "D3"),
    ("部分干部运用理论解决实际问题的意识较弱。", "部分干部运用软件处理数据的意识较强。", "D3"),
    ("不少人缺乏理论联系实际的习惯。", "不少人养成理论联系实际的习惯。", "D3"),
    ("有的同志学习笔记记得多，对照工作运用少。", "有的同志工作日志记得多，对照任务完成好。", "D3"),
    ("部分党员满足于完成规定学时。", "部分党员提前完成规定任务。", "D3"),
    ("中心组研讨时有人照稿念，谈不出体会。", "中心组研讨时有人带案例，谈出了体会。", "D3"),
    # D4: provision that misses the needs
    ("支部对党员的需求感知滞后。", "支部对党员的情况掌握及时。", "D4"),
    ("社区难以准确把握老年居民的实际需求。", "社区能够准确把握老年居民的实际需求。", "D4"),
    ("服务供给搞“一刀切”，不分对象。", "资金拨付讲规范，不分先后。", "D4"),
    ("有的支部组织活动忽视了年轻党员对技能培训的需求。", "有的支部组织活动兼顾了年轻党员对技能培训的需求。", "D4"),
    ("党群服务项目闭门造车，居民并不买账。", "党群服务项目公开征集，居民踊跃参与。", "D4"),
    ("慰问活动集中在节日，造成资源错配。", "慰问活动分散在全年，做到资源共享。", "D4"),
    ("送下去的不是群众需要的。", "送下去的都是群众需要的。", "D4"),
    ("服务群众“端菜”多、“点菜”少。", "服务群众“点菜”多、“端菜”少。", "D4"),
    ("党员教育与党员所需对接不够精准。", "党员教育与党员所需对接比较精准。", "D4"),
    ("支部安排活动时没有考虑党员是否需要。", "支部安排活动时没有遇到场地困难。", "D4"),
    ("上级布置多少就做多少，从不多想一步。", "上级布置的任务都按期完成，还多想了一步。", "D4"),
    ("有的科室很少结合本部门实际开展活动。", "有的科室经常邀请本部门老同志开展活动。", "D4"),
    # D5: form over substance
    ("督查组一走，有的单位就恢复了老样子。", "督查组一走，有的单位就制定了整改方案。", "D5"),
    ("检查过后又回到老样子，问题依旧。", "检查过后又召开会议，逐项整改。", "D5"),
    ("检查组应当不打招呼、不听汇报，直奔现场。", "检查组应当先打招呼、先听汇报，再去现场。", "D5"),
    ("调研线路是事先安排好的，看到的都是亮点。", "调研对象是随机抽取的，看到的都是常态。", "D5"),
    ("有的调研成了秀场，群众说不上话。", "有的调研成了惯例，群众说得上话。", "D5"),
    ("个别支部对组织生活抱着应付态度。", "个别支部对组织生活抱着认真态度。", "D5"),
    ("有的支部把工作简化为开开会、填填表。", "有的支部把工作细化为季度计划、月度清单。", "D5"),
    ("有的单位刷新展板、摆放绿植，营造出虚假繁荣的假象。", "有的单位刷新展板、摆放绿植，营造出整洁舒适的环境。", "D5"),
    ("会议开得多，解决问题少。", "会议开得少，解决问题多。", "D5"),
    ("材料写得很漂亮，落实却很差。", "材料写得很简洁，落实却很好。", "D5"),
    ("有的单位把开了多少会当作工作成绩。", "有的单位把解决了多少难题当作工作成绩。", "D5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_bare_loose_fit_without_party_building_is_not_d2(matcher: RuleMatcher) -> None:
    # 结合不紧 on its own: only with party building or the business named is it the two-skins disconnect.
    assert "D2" not in matcher.codes("理论与实际结合不紧密。")
    assert "D2" in matcher.codes("支部的党建工作与业务工作结合不紧密。")


def test_two_skins_of_study_is_not_d2(matcher: RuleMatcher) -> None:
    # 两张皮 said of study and practice is 学和用脱节; it stays D2 when party building or the business is named.
    codes = matcher.codes("学习与实践“两张皮”的问题依然存在。")
    assert "D2" not in codes
    assert "D3" in codes
    assert "D2" in matcher.codes("党建与业务“两张皮”的问题依然存在。")


def test_market_demand_is_not_a_supply_mismatch(matcher: RuleMatcher) -> None:
    # Grasping needs is D4 for those the party organisation serves, not for a firm's market.
    assert "D4" in matcher.codes("支部难以摸清青年职工的学习需求。")
    assert "D4" not in matcher.codes("企业难以把握市场需求的变化。")
