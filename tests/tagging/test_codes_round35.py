"""Recall of the integration measures 学用融合 (M3), 目标融合 (M4), 机制融合 (M5), 队伍融合 (M6) and the precision of
导向融合 (M2).

M3: a line on training or study quality (培训内容, 师资, 课程, 培训方式, 学习形式 …) whose own words do not name party or
cadre education takes that object from the passage's enclosing headings or from the document's title (a gate with
``context``); a lecturer who talks while the learners listen; training run as a tour or a holiday; education and
study carriers; the branch's own study joined with the business study of the unit.
M4: vanguard posts (先锋岗) outside the youth league's; members' areas of responsibility; members who take on the
hard tasks or win merit in the central work; the party badge worn and membership shown at the post; brand wordings
(树品牌, 品牌调研, 品牌培育) where the passage, its headings or its title speak of the party.
M2: politics joined with the business, and politics seen through the business; a document's name or a publicity
line does not carry the measure; ritual formulas in a framing sentence (紧密团结在…, 高举…旗帜, …为指导) need the
unit's work.
M3 also: 业务+理论 joint study; a theme day on which members explain new policies of the business; 学习教育 lacking
focus or appeal.
M4 also: members chosen as 党员之星.
M5: performance management that enforces party responsibility; talks with secretaries whose party work ranks last;
monthly or quarterly reports on party work; the assessment of branch work; the mechanisms of the cadre pipeline
(双培养) are the team measure, not M5.
M6: the party organisation and the management entering each other; business cadres placed in party posts to be
trained; branch committee members chosen from the business backbone; secretaries sent to learn on the job or
competing in skills.
Every sentence here is written for the test."""

import copy

import pytest
import yaml

from pipeline.config import CODEBOOK_PATH
from pipeline.errors import CodebookError
from pipeline.tagging.codebook import parse_codebook
from pipeline.tagging.rules import RuleMatcher, build_contexts

# (kept: a sentence that must get the code, near-miss: a sentence that must not get it, code)
PAIRS = [
    # M3: study joined with the business study, the way training is given
    ("分局把支部思想建设与征管业务学习结合起来，每季度安排一次案例交流。",
     "分局把支部组织建设与征管队伍建设结合起来，每季度安排一次工作交流。", "M3"),
    ("不少培训班仍是讲师讲、学员听，缺少互动。", "不少培训班仍是教练示范、学员跟练，缺少讲解。", "M3"),
    ("针对职工分散的实际，创新党支部教育载体，开设工地微课堂。",
     "针对居民分散的实际，创新安全宣传载体，开设楼道警示角。", "M3"),
    ("二支部每周开展一次“业务+理论”双学活动。", "二车间每周开展一次“安全+技能”比武活动。", "M3"),
    ("主题党日由党员轮流讲解新修订的社保政策。", "主题党日由党员轮流到小区清理楼道杂物。", "M3"),
    ("学习教育针对性不强，没有区分在岗党员和流动党员。", "普法宣传活动针对性不强，没有区分城镇居民和农村居民。", "M3"),
    # M4: posts, areas, hard tasks, membership shown
    ("各标段设立先锋岗，由骨干党员牵头攻关。", "团委在各车间设立青年先锋岗。", "M4"),
    ("各支部划定责任区，党员包片负责隐患巡查。", "社区划定卫生责任区，各户负责门前清扫。", "M4"),
    ("引导党员在抢修保供、急难任务中勇挑重担。", "引导青年在抢修保供、急难任务中勇挑重担。", "M4"),
    ("发动党员干警在执行攻坚中建功立业。", "发动青年干警在执行攻坚中建功立业。", "M4"),
    ("办税厅工作人员上岗一律佩戴党徽。", "办税厅工作人员上岗一律佩戴工牌。", "M4"),
    ("窗口桌牌上注明党员身份，接受群众监督。", "窗口桌牌上注明岗位职责，接受群众监督。", "M4"),
    ("年底评选“党员之星”八名。", "年底评选“服务之星”八名。", "M4"),
    # M2: politics joined with the business
    ("市检察院持续推进政治与业务深度融合。", "市检察院持续推进科技与业务深度融合。", "M2"),
    ("各庭室开展“透过业务看政治”专题研讨。", "各庭室开展“透过数据看趋势”专题研讨。", "M2"),
    # M5: performance management that enforces party responsibility
    ("市税务局以绩效管理为抓手，压实全面从严治党主体责任。", "县税务局严格落实全面从严治党主体责任，持续改进作风。", "M5"),
    ("对党建工作排名靠后的支部书记由机关党委进行约谈。", "对安全检查排名靠后的车间主任由分管领导进行约谈。", "M5"),
    ("各党小组每月通报一次党员积分情况。", "各车间每月通报一次产品合格率情况。", "M5"),
    ("局机关实行支部工作半年考评。", "团委实行团支部工作半年考评。", "M5"),
    # M6: the party organisation and the management entering each other
    ("园区企业普遍实现党组织与经营管理层相互介入。", "园区企业普遍实现工会与经营管理层相互沟通。", "M6"),
    ("每年选派两名业务骨干到机关党委挂职锻炼。", "每年选派两名业务骨干到省级医院进修学习。", "M6"),
    ("注重从技术骨干中选拔支部委员。", "注重从技术骨干中选拔班组长。", "M6"),
    ("组织支部书记到先进单位跟班学习一周。", "组织新入职会计到先进单位跟班学习一周。", "M6"),
]


@pytest.mark.parametrize(("kept", "near_miss", "code"), PAIRS)
def test_wording_gets_code_and_near_miss_does_not(matcher: RuleMatcher, kept: str, near_miss: str, code: str) -> None:
    assert code in matcher.codes(kept)
    assert code not in matcher.codes(near_miss)


def test_names_and_publicity_of_a_political_activity_are_not_the_measure(matcher: RuleMatcher) -> None:
    assert "M2" in matcher.codes("全院持续推进政治与业务深度融合，把政治要求落到每一个案件中。")
    assert "M2" not in matcher.codes("院党组印发《关于推进政治与业务深度融合的工作指引》。")
    assert "M2" not in matcher.codes("院网站专栏共刊发“透过业务看政治”简报信息四十余条。")


def test_ritual_formulas_in_a_framing_sentence_need_the_units_work(matcher: RuleMatcher) -> None:
    framing = "全县党员干部紧密团结在党中央周围，高举伟大旗帜，坚决做到“两个维护”。"
    assert "M2" not in matcher.codes(framing)
    assert "M2" in matcher.codes("全局党员干部坚决做到“两个维护”，把党中央部署落实到每一项征管业务中。")
    # outside a framing sentence the formula keeps its measure (the unit's own obligation)
    assert "M2" in matcher.codes("全体党员干部始终在政治上同党中央保持高度一致。")


def test_a_talent_pipeline_mechanism_is_the_team_measure_not_a_mechanism_of_integration(matcher: RuleMatcher) -> None:
    pipeline = matcher.codes("医院健全完善“双培养”机制，把业务骨干培养成党员。")
    assert "M6" in pipeline and "M5" not in pipeline
    assert "M5" in matcher.codes("医院健全完善党建与业务同考核机制，年终统一打分。")


def coded(matcher: RuleMatcher, texts: list[str]) -> list[set[str]]:
    return [matcher.tag(text, context)[0] for text, context in zip(texts, build_contexts(texts), strict=True)]


TRAINING_LINES = ["（二）存在的主要问题", "师资力量不足，课程设置随意，内容多年不更新。",
                  "培训方式单一，大多是集中听讲，培训效果不明显。"]


@pytest.mark.parametrize(("title", "expected"), [
    ("关于全县党员教育培训工作的调研报告", True),
    ("关于全县干部教育培训工作情况的调查", True),
    ("关于全县驾驶员安全培训工作的调研报告", False),
    ("关于全县农技推广人员培训工作的调研报告", False),
])
def test_a_training_line_takes_its_object_from_the_title(matcher: RuleMatcher, title: str, expected: bool) -> None:
    codes = coded(matcher, [title, *TRAINING_LINES])
    assert ("M3" in codes[2]) is expected
    assert ("M3" in codes[3]) is expected


def test_a_study_quality_line_takes_its_instrument_from_its_heading(matcher: RuleMatcher) -> None:
    lines = ["支部工作情况报告", "一、党员集中学习存在的不足", "学习形式单一，大多是念念文件、读读材料。",
             "二、窗口服务存在的不足", "服务形式单一，大多是被动等待群众上门。"]
    codes = coded(matcher, lines)
    assert {"D3", "M3"} <= codes[2]
    assert "M3" not in codes[4]
    # the line alone, without the heading, stays a study-quality problem only
    alone = matcher.codes("学习形式单一，大多是念念文件、读读材料。")
    assert "D3" in alone and "M3" not in alone


def test_brand_wording_counts_where_the_title_speaks_of_the_party(matcher: RuleMatcher) -> None:
    party = coded(matcher, ["第三党支部“一支部一品牌”创建工作汇报", "一、立足窗口挖掘优势“树”品牌",
                            "围绕办税服务开展品牌专题调研，梳理服务亮点。"])
    market = coded(matcher, ["公司二〇二四年市场营销工作汇报", "一、立足区域挖掘优势“树”品牌",
                             "围绕主打产品开展品牌专题调研，梳理卖点。"])
    assert "M4" in party[1] and "M4" in party[2]
    assert "M4" not in market[1] and "M4" not in market[2]


def test_a_gate_context_is_read_from_the_codebook_and_checked() -> None:
    raw = yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))
    assert any(gate.context is not None for gate in parse_codebook(copy.deepcopy(raw)).object_gates)
    rules = next(rule for rule in raw["boundary_rules"] if "gates" in rule)
    rules["gates"].append({"codes": ["M3"], "requires": "党", "context": "(unclosed"})
    with pytest.raises(CodebookError, match=r"gates\[\d+\]\.context"):
        parse_codebook(raw)
