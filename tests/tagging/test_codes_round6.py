"""More wordings of the weaker codes as reports, speeches and papers put them: political standing and political
capacity said to fall short, politics left out when cadres are judged, party-building given little weight or no
link in assessment, what is offered not fitting what is needed, study not put to use, party-building kept out of
the unit's agenda or thought of as soft, and decisions from above carried out selectively. Each wording comes with
a near-miss that must not get the code, and the boundary cases: a floor on party-building's weight is not a low
weight, and 针对性/实际 in a sentence about study is study not linked to work (D3), not supply out of step with need.
Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import RuleMatcher

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D1: political standing and capacity short, politics left out of decisions and of judging cadres
    ("个别科室负责人政治站位“标杆”立得不牢，贯彻上级要求时紧时松。", "个别科室负责人业务标杆立得很牢，贯彻上级要求一丝不苟。", "D1"),
    ("少数干部政治站位模糊，遇事先算部门的小账。", "少数干部提高政治站位，遇事先算全局的大账。", "D1"),
    ("有的班子成员政治判断力、政治执行力还有待提升。", "有的班子成员统筹协调能力还有待提升。", "D1"),
    ("推进项目时只盯着投资额，对其中的政治要求思考不深、把握不准。", "推进项目时紧盯投资额，对其中的技术要求研究透彻。", "D1"),
    ("选用干部时只看业务能力，忽视干部的政治表现。", "选用干部时既看业务能力，也看干部的政治表现。", "D1"),
    ("有的同志不把政治规矩当回事，随意议论大政方针。", "有的同志把政治规矩记在心上，从不随意议论。", "D1"),
    ("有的干部政治纪律意识淡薄，说话随意。", "有的干部安全生产意识淡薄，操作随意。", "D1"),
    ("个别处室对政治风险不敏感，发稿把关不严。", "个别处室对市场风险很敏感，合同把关严格。", "D1"),
    ("一些部门政治把关不严，出现了导向偏差。", "一些部门质量把关不严，出现了产品瑕疵。", "D1"),
    # D3: study not put to use, study kept to reading
    ("有的党员理论学得不少，却不能很好地运用到实际工作中。", "有的党员理论学得扎实，能很好地运用到实际工作中。", "D3"),
    ("支部学习成果转化不明显，工作面貌变化不大。", "支部科研成果转化明显，产值增长较快。", "D3"),
    ("有的干部只满足于看文件、读标题。", "有的干部每天认真研读文件原文。", "D3"),
    ("运用党的创新理论解决实际问题的能力还不强。", "运用信息技术解决实际问题的能力明显提高。", "D3"),
    ("有的干部对政治理论学习不以为然。", "有的干部对政治理论学习十分投入。", "D3"),
    ("支部虽然组织了学习活动，但这些活动往往流于形式。", "支部组织的学习活动紧扣业务，讨论热烈。", "D3"),
    # D4: what is offered does not fit what is needed
    ("上面强调什么就抓什么，缺乏结合本单位实际的思考。", "上级部署的任务，支部结合本单位实际逐项细化。", "D4"),
    ("有的支部组织生活内容与党员期待存在差距。", "有的支部组织生活内容与党员期待高度契合。", "D4"),
    ("一些党课内容陈旧，党员听了没有收获。", "一些党课内容新颖，党员听了很有收获。", "D4"),
    ("有的支部照搬外地经验，简单套用别人的做法。", "有的支部学习外地经验，结合自身特点改进做法。", "D4"),
    ("一些党组织摸不准党员群众的需求，活动冷冷清清。", "一些党组织摸清了党员群众的需求，活动红红火火。", "D4"),
    # D6: party-building weighs little in assessment, is not counted or not linked
    ("在年度目标考核中，党建工作分值权重很低。", "在年度目标考核中，党建工作分值权重大幅提高。", "D6"),
    ("干部绩效奖励没有与党建工作考核情况挂钩。", "干部绩效奖励已与党建工作考核情况挂钩。", "D6"),
    ("对支部的党建工作绩效没有量化指标，只作定性描述。", "对支部的党建工作绩效设置了量化指标，逐项打分。", "D6"),
    ("党建工作尚未纳入部门绩效考核。", "党建工作已全面纳入部门绩效考核。", "D6"),
    ("评价和使用干部时，只凭业务实绩，忽视政治表现。", "评价和使用干部时，既看业务实绩，也看政治表现。", "D6"),
    ("党建工作成效的好坏对评先评优影响不大。", "党建工作成效直接决定评先评优的结果。", "D6"),
    # M1: party-building kept off the agenda, thought of as soft, its importance not seen
    ("有的人认为经营指标是硬任务，党建工作则是软指标。", "有的人认为经营指标是硬任务，安全指标也是硬任务。", "M1"),
    ("有的单位没有将党建工作列入重要议事日程。", "有的单位没有将设备更新列入重要议事日程。", "M1"),
    ("一些领导片面认为本单位党建工作已经做得很好。", "一些领导认为本单位的设备已经很先进。", "M1"),
    ("不少负责人没有认识到基层党组织弱化的情况依然存在。", "不少负责人没有看到设备老化的情况依然存在。", "M1"),
    ("企业把思想政治工作看作可有可无的事。", "企业把技术攻关看作头等大事。", "M1"),
    ("一些负责人对抓党建“不愿抓”，心思全在业务上。", "一些负责人对抓生产很用心，心思全在业务上。", "M1"),
    ("有的业务骨干存在重业务、轻党建的思想。", "有的业务骨干存在怕吃苦、图安逸的思想。", "M1"),
    ("有的科室把党建与业务对立起来。", "有的科室把预算与决算衔接起来。", "M1"),
    ("党建工作不受部分职工重视。", "安全培训很受部分职工重视。", "M1"),
    ("各部门对融合的内涵理解存在偏差。", "各部门对新规的条文理解基本一致。", "M1"),
    ("部门之间在资源投入上难以形成共识。", "部门之间在资源投入上已经形成合力。", "M1"),
    # M2: decisions carried out selectively; decisions not carried into the work
    ("个别部门对重大决策部署搞选择性执行。", "个别部门对重大决策部署逐项抓好执行。", "M2"),
    ("部门贯彻执行存在“温差”，越往下越弱。", "部门气温监测存在温差，越往北越低。", "M2"),
    ("要健全党中央决策部署落实机制。", "要健全物资采购管理机制。", "M2"),
    ("要把党中央决策部署落实到各项业务工作中。", "要把年度工作计划分解到各个科室。", "M2"),
    # further wordings: the relation named with words between, a task of one department, the same footing
    ("要正确认识党建和业务相互促进的关系。", "要正确认识投资和消费相互促进的关系。", "M1"),
    ("部分干部存在党建是党务部门的事的看法。", "部分干部存在安全是安监部门的事的看法。", "M1"),
    ("局党组把抓好党建作为分内之事。", "局党组把招商引资作为头等大事。", "M1"),
    ("一些党组书记抓党建的主体责任意识不强。", "一些企业负责人安全生产的主体责任意识不强。", "M1"),
    ("要在思想上把党建和业务统一起来。", "要在思想上把安全和效益统一起来。", "M1"),
    ("要把党建工作摆在与业务工作同等的位置。", "要把环保工作摆在与生产工作同等的位置。", "M1"),
    # M2: instructions and decisions carried into the business; business work as political work
    ("把总书记重要指示批示精神落实到审批业务各环节。", "把上级业务培训精神落实到审批业务各环节。", "M2"),
    ("对重要指示批示建立落实台账，跟踪问效。", "对重点项目建立进度台账，跟踪问效。", "M2"),
    ("局党组坚决贯彻落实党中央决策部署，推动各项业务工作。", "局党组坚决落实年度工作计划，推动各项业务工作。", "M2"),
    ("要在业务工作中体现政治担当。", "要在业务工作中体现专业水准。", "M2"),
    ("窗口审批工作也是政治工作。", "窗口审批工作也是技术工作。", "M2"),
    # D3, D4, D6: study cut off from the work; needs met imprecisely, no point of contact; separate assessments
    ("一些干部理论学习与业务工作脱钩。", "一些干部理论学习与业务工作挂钩。", "D3"),
    ("党员教育内容与岗位需求对接不精准。", "党员教育内容与岗位需求对接精准。", "D4"),
    ("党建工作没有找准与业务工作的结合点。", "党建工作找准了与业务工作的结合点。", "D4"),
    ("党建考核和业务考核各成体系、互不衔接。", "党建考核和业务考核统一部署、相互衔接。", "D6"),
    ("支部党建考核得分与绩效奖金没有关联。", "支部党建考核得分与绩效奖金直接关联。", "D6"),
    ("基层党建的隐性绩效难以度量。", "基层党建的隐性绩效逐项量化。", "D6"),
    ("基层党建激励措施过于单一。", "基层党建激励措施丰富多样。", "D6"),
    # political requirements of party building carried into the business; the place of party building seen
    ("要把党建工作的政治要求落实到业务工作之中。", "要把安全生产的技术要求落实到业务工作之中。", "M2"),
    ("有的负责人对新时代党的建设总要求还把握不准。", "有的负责人对新版财务制度总要求还把握不准。", "M1"),
    ("离开党建引领的业务工作，就是无源之水。", "离开资金保障的项目建设，就是无源之水。", "M1"),
    ("要站在全局的高度认识和加强党的建设。", "要站在全局的高度认识和加强财务管理。", "M1"),
    ("要让党员认识到自己是党建的主体和责任人。", "要让职工认识到自己是安全的第一道防线。", "M1"),
    ("有的支部组织学习只忙着拍照存档。", "有的支部组织学习后及时交流心得。", "D3"),
    ("党建述职评议中重述职轻整改的问题突出。", "党建述职评议中述职和整改并重。", "D6"),
    ("各支部党建考核指标同质化，缺乏区分度。", "各支部党建考核指标各有侧重，区分度高。", "D6"),
    ("有的支部不能有效结合工作实际剖析问题。", "有的支部能够紧密结合工作实际剖析问题。", "D4"),
    ("有的科室谋划业务时不善借党建之力。", "有的科室谋划业务时善借外部专家之力。", "M1"),
    ("多数党员干部成了党建工作的旁观者。", "多数党员干部成了党建工作的参与者。", "M1"),
    ("个别党员政治意识、大局意识、核心意识、看齐意识不强。", "个别党员安全意识、质量意识、成本意识、服务意识不强。", "D1"),
    ("有的支部政治建设抓得不实。", "有的支部阵地建设抓得很实。", "D1"),
    ("少数干部政治立场不够坚定。", "少数干部工作作风不够扎实。", "D1"),
    ("以政治上的加强推动业务上的提升。", "以技术上的改进推动业务上的提升。", "M2"),
    ("坚持以政治引领业务发展。", "坚持以创新引领业务发展。", "M2"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept), (kept, code)
    assert code not in matcher.codes(near_miss), (near_miss, code)


def test_a_floor_on_party_building_weight_is_not_a_low_weight(matcher: RuleMatcher) -> None:
    assert "D6" not in matcher.codes("把党建工作纳入年度目标考核，党建考核权重不低于百分之二十。")
    assert "D6" in matcher.codes("年度目标考核中党建考核权重偏低，只占百分之三。")


def test_a_share_below_a_figure_is_a_low_weight(matcher: RuleMatcher) -> None:
    assert "D6" in matcher.codes("部门年度考核中党建工作占比不到5%。")
    assert "D6" not in matcher.codes("部门年度考核中党建工作占比提高到30%。")


def test_practice_and_needs_in_a_sentence_on_study_are_study_not_linked_to_work(matcher: RuleMatcher) -> None:
    study = matcher.codes("有的党员理论学习针对性不强，学习不联系工作实际。")
    assert "D3" in study and "D4" not in study
    offer = matcher.codes("有的支部学习培训针对性不强，不联系党员实际需求。")
    assert "D4" in offer


def test_staff_numbers_short_of_the_work_are_not_supply_out_of_step_with_need(matcher: RuleMatcher) -> None:
    assert "D4" not in matcher.codes("党务人员的数量不能满足工作需要。")
    assert "D4" in matcher.codes("支部活动不能满足党员多样化的需要。")


def test_politics_ignored_when_judging_cadres_is_political_without_a_party_word(matcher: RuleMatcher) -> None:
    codes = matcher.codes("有的单位在评价和使用干部的过程中，只凭业务能力和经济效益，忽视干部的政治表现。")
    assert {"D1", "D6"} <= codes
    assert "D6" not in matcher.codes("有的单位在评价和使用干部的过程中，只凭业务能力和经济效益，忽视干部的身体状况。")


def test_incentives_for_party_affairs_staff_are_about_the_staff_not_the_assessment(matcher: RuleMatcher) -> None:
    codes = matcher.codes("对党务干部的激励措施过于单一。")
    assert "M6" in codes and "D6" not in codes
