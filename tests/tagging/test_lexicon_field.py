"""Field wording of the codebook: how units write about each measure and disconnect, and how the
discourse decides a passage's role. Every sentence here is written for the test."""

import pytest

from pipeline.tagging.rules import PassageContext, RoleRules, RuleMatcher, _enclosing_hint, build_contexts
from tests.support import project_codebook

REPORT = PassageContext(doc_type="调研报告", policy=False, position=10)
POLICY = PassageContext(doc_type="意见", policy=True, position=10)
OPENING = "本报告根据近期座谈和问卷情况整理，分析了本系统党建与业务融合的现状、问题、原因并提出建议。"


@pytest.fixture(scope="module")
def roles() -> RoleRules:
    return RoleRules(project_codebook())


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # study and training are M3, also when they are the problem
        ("有的支部党员学习形式单一，多是灌输式、照本宣科，党员普遍感到学而无用。", {"M3", "D3"}),
        ("党员教育培训课程设置不够合理，培训内容千篇一律，师资力量也比较薄弱。", {"M3", "D4"}),
        ("局党组坚持理论学习中心组专题研讨，推动以学促干。", {"M3"}),
        ("今年以来共举办党员干部集中轮训班四期，组织到党性教育基地开展现场教学。", {"M3"}),
        # party-affairs staff
        ("有的单位党务干部多为兼职，不少人不愿做党务工作，党务岗位缺乏吸引力。", {"M6"}),
        ("推行党支部书记由业务骨干担任，探索党务干部与业务干部交叉任职。", {"M6"}),
        # carriers inside the business work
        ("各支部在项目一线组建党员突击队，推行党员积分管理和设岗定责。", {"M4"}),
        ("机关党员下沉企业开展双报到双服务，亮身份、践承诺，帮助解决生产经营难题。", {"M4"}),
        # mechanisms
        ("建立问题清单和任务清单，实行季度点评、年终述职。", {"M5"}),
        # disconnects
        ("有的单位讲政治停留在喊口号、装样子，业务工作中政治要求落实不到位。", {"D1"}),
        ("个别处室重痕迹轻实效，台账泛滥，以表态代替落实。", {"D5"}),
        ("党建考核在绩效考核中权重偏低，干好干坏一个样，考核结果运用不充分。", {"D6"}),
        ("有的支部活动不接地气，没有摸清群众的真实需求，吸引力不强。", {"D4"}),
        ("一些单位党建工作被边缘化，党建与业务融合度不高。", {"D2"}),
        ("要引导干部正确认识党建和业务相辅相成、互为依托的关系。", {"M1"}),
    ],
)
def test_field_wording_gets_its_codes(matcher: RuleMatcher, text: str, codes: set[str]) -> None:
    assert codes <= matcher.codes(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # generic integration talk gets no code at all (boundary rule 1)
        ("推动党建和业务深度融合是新时代机关党建的必然要求。", None),
        ("各单位要推进党建工作与业务工作互融共进、同频共振。", None),
        # political boilerplate is not yet 导向融合
        ("全体干部要不断提高政治判断力、政治领悟力、政治执行力。", "M2"),
        # D1 needs politics: formalism without 政治 is not D1
        ("有的处室只喊口号、装样子，工作不落地。", "D1"),
        # volunteering apart from the business work is not 目标融合
        ("周末组织青年干部参加社区志愿服务活动。", "M4"),
        # an ordinary hand-over between offices is no disconnect
        ("两个科室之间的工作交接还需要进一步理顺。", None),
        # a listed disconnect name inside the list of six stays D3 only
        ("防止学和用脱节、供和需脱节。", "M3"),
    ],
)
def test_precision_guards(matcher: RuleMatcher, text: str, absent: str | None) -> None:
    codes = matcher.codes(text)
    if absent is None:
        assert codes == set()
    else:
        assert absent not in codes


def test_patterns_stay_inside_a_clause(matcher: RuleMatcher) -> None:
    # 学习 and 脱节 in different sentences must not make a study–work disconnect
    assert "D3" not in matcher.codes("本周组织了集中学习。会后发现两个科室的数据口径脱节。")


def _role_in_document(roles: RoleRules, texts: list[str]) -> str:
    contexts = build_contexts(texts)
    return roles.role(texts[-1], contexts[-1])


def test_a_problem_with_daozhi_stays_a_problem(roles: RoleRules) -> None:
    text = "有的支部学习形式单一，导致党员参学积极性不高。"
    assert roles.role(text, REPORT) == "problem"
    assert _role_in_document(roles, [OPENING, "二、存在的主要问题", text]) == "problem"


def test_explanations_are_causes(roles: RoleRules) -> None:
    assert roles.role("究其原因，主要是部分领导干部对党建工作重视不够。", REPORT) == "cause"
    assert roles.role("由于党务干部多为兼职，精力难以保证，党建工作往往被挤压。", REPORT) == "cause"
    # a shortcoming listed under a 原因 heading explains the problem
    assert _role_in_document(roles, [OPENING, "三、原因分析", "一些党组织书记统筹能力不强，精力分配不均。"]) == "cause"


def test_a_mixed_heading_leaves_the_role_to_the_wording(roles: RoleRules) -> None:
    texts = [OPENING, "二、存在的问题及原因", "有的单位学用脱节现象依然存在。"]
    assert build_contexts(texts)[-1].section_hint == ""
    assert _role_in_document(roles, texts) == "problem"


def test_section_labels_outrank_content_headings() -> None:
    assert _enclosing_hint(["二、存在的主要问题", "（二）工作思路还不清晰"]) == "problem"
    assert _enclosing_hint(["一、主要做法", "（三）建立长效机制，强化措施保障，推动工作提质增效"]) == "practice"
    assert _enclosing_hint(["背景动因", "（一）思维模式固化，导致认识有差距，工作谋划各定各的调"]) == "cause"
    assert _enclosing_hint(["二、存在问题及原因分析"]) == ""
    assert _enclosing_hint(["三、对策建议", "（一）抓实经验做法的总结推广"]) == "recommendation"


def test_practice_is_not_advice(roles: RoleRules) -> None:
    assert roles.role("近年来，局机关党委先后组建党员突击队12支，推动了重点项目落地。", REPORT) == "practice"
    texts = [OPENING, "一、主要做法", "（一）强化制度保障，完善考核措施", "建立季度点评制度，把党建工作纳入处室年度考核。"]
    assert _role_in_document(roles, texts) == "practice"


def test_plans_and_advice_are_recommendations(roles: RoleRules) -> None:
    assert roles.role("下一步，我们将进一步完善党务干部双向交流机制。", REPORT) == "recommendation"
    assert roles.role("各支部要把党建工作同业务工作一起谋划、一起部署。", REPORT) == "recommendation"
    assert roles.role("各部门要建立党建工作责任清单。", POLICY) == "requirement"


def test_quotations_and_significance_are_other(roles: RoleRules) -> None:
    texts = [OPENING, "四、对策建议", "习近平总书记强调，“要处理好党建和业务的关系。”"]
    assert _role_in_document(roles, texts) == "other"
    assert roles.role("这一探索对于破解“两张皮”问题具有重要意义。", REPORT) == "other"


def test_every_codebook_example_gets_its_code(matcher: RuleMatcher) -> None:
    codebook = project_codebook()
    missing = [(code, text) for code, entry in codebook.codes.items() for text in entry.examples
               if code not in matcher.codes(text)]
    assert not missing


@pytest.mark.parametrize(
    ("title", "policy"),
    [
        ("关于加强机关党务干部队伍建设的实施方案", True),
        ("在全市机关党建工作推进会上的讲话", True),
        ("市直机关工委召开党建与业务融合推进会", True),
        ("关于机关党建与业务融合情况的调研报告", False),
        ("推进党建和业务融合的几点体会", False),
    ],
)
def test_yardsticks_are_read_from_the_title(title: str, policy: bool) -> None:
    texts = [title, "正文第一句说明背景和目的，篇幅足够长，用来让正文开始，并不包含任何规范性用语。"]
    assert build_contexts(texts)[-1].policy is policy


def test_in_a_yardstick_only_what_is_told_as_done_is_practice(roles: RoleRules) -> None:
    assert roles.role("建立党建工作联席会议制度，每季度召开一次。", POLICY) == "requirement"
    assert roles.role("近年来，全市已累计选派党建指导员120名。", POLICY) == "practice"


def test_the_centres_doings_are_context_not_practice(roles: RoleRules) -> None:
    assert roles.role("党的十八大以来，党中央高度重视机关党建，先后印发了一系列文件。", REPORT) == "other"
    assert roles.role("近年来，局党委先后印发了三项制度，推动了党建责任落实。", REPORT) == "practice"


def test_routine_actions_read_as_practice(roles: RoleRules) -> None:
    assert roles.role("依托党员活动室搭建学习平台，每季度邀请业务骨干授课。", REPORT) == "practice"


def test_subjective_and_objective_reasons_are_causes(roles: RoleRules) -> None:
    assert roles.role("从主观上看，一些领导干部对党建工作重视不够。", REPORT) == "cause"
    assert roles.role("客观上，党建工作成效难以量化，考核难度较大。", REPORT) == "cause"
