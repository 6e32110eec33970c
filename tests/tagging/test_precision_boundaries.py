"""Measure and disconnect words used in passing, or without the object the measure is about, get no code
(codebook boundary rules words_in_passing and measure_needs_object). Each narrowed wording has a sentence
that keeps its code and a near-miss that must not get it. Every sentence here is written for the test."""

import copy

import pytest
import yaml

from pipeline.config import CODEBOOK_PATH
from pipeline.errors import CodebookError
from pipeline.tagging.codebook import parse_codebook
from pipeline.tagging.rules import RuleMatcher
from tests.support import project_codebook

# (kept: a sentence that must keep the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # D6 is party-building assessment cut off from rewards, not cadre assessment in general
    ("党建考核干好干坏一个样，支部书记抓党建的劲头不足。", "单位绩效考核干好干坏一个样，年轻干部积极性不高。", "D6"),
    ("有的单位党建考核指标设置不科学，难以量化。", "窗口服务考核指标设置不科学，群众意见较大。", "D6"),
    # 两手抓 / 政绩观 / 政治站位 are the idea of integration only where party work is the subject
    ("局党组坚持党建和业务两手抓、两手硬。", "全市坚持疫情防控和经济社会发展两手抓。", "M1"),
    ("引导班子成员树立抓好党建是最大政绩的政绩观。", "有的干部政绩观出现偏差，热衷于铺摊子上项目。", "M1"),
    ("处室负责人提高政治站位，把抓党建促业务放在心上。", "全体人员要提高政治站位，坚决完成防汛救灾任务。", "M1"),
    # a well-known slogan quoted as the reason for integration is generic talk (boundary rule 1)
    ("局党组重新明确机关党建的职责定位。", "文章开篇引用“只有围绕中心、建设队伍、服务群众，党建工作才能找准定位”一语。", "M1"),
    # training and teachers are 学用融合 only for party or theory study
    ("组织全体党员到党校参加理论培训。", "两局共享网络培训项目和兼职师资库，提升征管业务能力。", "M3"),
    ("把学习新党章作为新党员入党后的必修课。", "讲规矩是每名窗口工作人员的必修课。", "M3"),
    # a campaign named as a time frame, studying a meeting's spirit as a political act, volunteer work
    ("开展主题教育，组织党员集中学习党的创新理论。", "主题教育期间，局党委主要负责人带队到基层调研。", "M3"),
    ("认真学习贯彻全会精神，结合审批业务开展专题研讨。", "各支部组织党员认真学习贯彻全会精神，坚决拥护党中央的决定。", "M3"),
    ("支部开展主题党日，集中学习新修订的党章。", "支部开展志愿服务主题党日，清扫小区卫生死角。", "M3"),
    ("支部坚持每月集中学习一次党的理论。", "持续强化党员教育管理监督。", "M3"),
    # a study system is 学用融合, not an integration mechanism
    ("建立健全党建与业务同考核的制度。", "一些单位制定了党员每周固定学习日等制度。", "M5"),
    # 战斗堡垒 in a definition of the branch, and the 机关 mission slogan, are no carrier in the business
    ("党支部在抢险一线充分发挥战斗堡垒作用。", "机关党支部是党在机关中的基础组织，是团结带领党员的战斗堡垒。", "M4"),
    ("机关党委深入开展服务中心工作的主题实践。", "机关党建的根本任务是服务中心、建设队伍。", "M4"),
    ("机关党委深入开展服务中心工作的主题实践。", "有的机关党委对服务中心和建设队伍的职责认识模糊。", "M4"),
    # 进企业 is not inside 促进企业; serving firms needs party members in it
    ("党员干部走进企业，帮助解决融资难题。", "努力促进企业党建与企业发展有效联动。", "M4"),
    ("机关支部与园区企业开展党建联建，共同推动产业发展。", "两地税务局签订党建共建协议，拉开区域协调发展序幕。", "M4"),
    # 对标对表 is 导向融合 against the centre's decisions
    ("各处室对标对表党中央决策部署，逐项抓好落实。", "集团对标对表党内有关法规，规范完成支部换届。", "M2"),
    # cadre assessment in general, and a campaign's rectification lists, are no integration mechanism
    ("把党建工作纳入干部年度考核，实行同考核同评价。", "完善领导干部政绩考核评价体系，实现考准考实。", "M5"),
    ("把考核结果与干部的使用挂钩。", "完善领导干部政绩考核评价体系，实现考准考实。", "M5"),
    ("建立党建与业务同部署的问题清单，逐项销号。", "主题教育中查摆的问题要建立问题清单，逐项整改销号。", "M5"),
    # 思想认识 is the idea of integration only where party work or integration is the subject
    ("引导干部提高对党建和业务融合的思想认识。", "学习的根本目的在于思想认识的提升。", "M1"),
    ("二是要提高站位。", "全体人员要提高政治站位，坚决完成防汛救灾任务。", "M1"),
    ("（一）深化思想认识", "通过学习交流，大家统一了思想认识，增强了干事信心。", "M1"),
    # the campaign as an occasion or frame, not the study itself
    ("开展主题教育，组织党员集中学习党的创新理论。", "要把这项要求贯穿主题教育始终，形成闭环。", "M3"),
    # formalism denied, or an attitude that party building is formalism, is not formalism
    ("有的支部搞形式主义，会议记录照抄照搬。", "强调深入学习理论，这绝非形式主义的表态。", "D5"),
    ("个别支部活动走过场，流于形式。", "有的干部认为抓党建是搞形式主义，能不开会就不开会。", "D5"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_narrowed_wording_keeps_its_code_and_skips_the_near_miss(matcher: RuleMatcher, kept: str,
                                                                 near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_the_six_disconnects_names_for_assessment_stay_d6_without_party_words(matcher: RuleMatcher) -> None:
    # 考评体系不统一 / 分开评定 are the assessment disconnect itself (domain brief, D6 typical wording)
    assert "D6" in matcher.codes("（五）考评体系不统一。")
    assert "D6" in matcher.codes("把先进处室和优秀公务员分开评定。")
    assert "D6" in matcher.codes("（三）考评导向上偏差，各处室各做各的事。")


def test_an_attitude_that_party_building_is_formalism_is_an_awareness_problem(matcher: RuleMatcher) -> None:
    assert {"D2", "M1"} <= matcher.codes("有的干部认为抓党建是搞形式主义，能不开会就不开会。")


def test_a_keyword_line_gets_no_code(matcher: RuleMatcher) -> None:
    assert matcher.codes("关键词：机关党建；两张皮；考核结果运用；党务干部") == set()
    assert matcher.codes("〔关键词〕模范机关；党建品牌") == set()
    assert "D2" in matcher.codes("党建与业务“两张皮”问题在一些单位依然存在。")


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))


def _rule(data: dict, rule_id: str) -> dict:
    return next(rule for rule in data["boundary_rules"] if rule["id"] == rule_id)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: _rule(d, "words_in_passing")["masks"].append({"codes": ["M9"], "pattern": "x"}),
         r"words_in_passing\.masks\[\d+\]\.codes: unknown code"),
        (lambda d: _rule(d, "words_in_passing")["masks"].append({"codes": ["M3"], "pattern": "(unclosed"}),
         r"words_in_passing\.masks\[\d+\].*invalid regular"),
        (lambda d: _rule(d, "measure_needs_object")["gates"].append({"codes": ["D6"]}),
         r"measure_needs_object\.gates\[\d+\]: must be a mapping with 'codes', 'requires'"),
        (lambda d: _rule(d, "measure_needs_object")["gates"].append({"codes": [], "requires": "党"}),
         r"measure_needs_object\.gates\[\d+\]\.codes: must name at least one code"),
        (lambda d: _rule(d, "measure_needs_object")["gates"].append({"codes": ["M5"], "requires": "党",
                                                                     "within": "(unclosed"}),
         r"measure_needs_object\.gates\[\d+\]\.within.*invalid regular"),
    ],
)
def test_masks_and_gates_are_validated(raw: dict, mutate, message: str) -> None:
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(CodebookError, match=message):
        parse_codebook(data)


def test_masks_and_gates_are_loaded(matcher: RuleMatcher) -> None:
    codebook = project_codebook()
    assert codebook.masks and codebook.object_gates
    assert any("D6" in gate.codes and gate.when is not None for gate in codebook.object_gates)


def test_reluctance_to_study_is_the_study_disconnect(matcher: RuleMatcher) -> None:
    assert "D3" in matcher.codes("个别党员在理论学习中存在怠学、厌学现象。")
    assert "D3" not in matcher.codes("个别学生存在厌食现象。")
