"""Roles at the boundary of cause, problem and other, read from discourse structure: the harm that a shortcoming
just described does (这种现象不仅…还…), shortcomings named by what fails to happen (得不到落实) or by a softening,
and explanations announced by their angle (主观上/客观上) or as factors interwoven.
Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles


def test_the_harm_of_a_shortcoming_just_described_is_part_of_the_problem(roles: RoleRules) -> None:
    texts = [
        "关于街道党建工作的调研报告",
        "街道共有社区党组织12个，党员860名。",
        "调研组走访了其中的8个社区。",
        "一些社区每逢检查便集中补写会议记录，台账越做越厚。",
        "这种做法不仅占用了社区干部大量时间，还损害了组织生活的严肃性。",
        "此类现象不仅浪费基层精力，也削弱了群众对支部的信任。",
    ]
    assert document_roles(roles, texts)[4:] == ["problem", "problem"]


def test_a_practice_that_helps_is_no_problem(roles: RoleRules) -> None:
    texts = [
        "某街道党工委经验材料",
        "去年以来，街道党工委推行网格党小组制度，共划分网格42个。",
        "这种做法不仅提高了服务效率，还拉近了党员与居民的距离。",
    ]
    assert document_roles(roles, texts)[2] != "problem"


def test_what_fails_to_happen_or_softens_is_a_shortcoming(roles: RoleRules) -> None:
    texts = [
        "关于机关内部监督情况的调研报告",
        "（一）监督责任得不到落实",
        "三是同级监督软化。",
    ]
    assert document_roles(roles, texts)[1:] == ["problem", "problem"]


def test_an_explanation_by_its_angle_or_by_interwoven_factors_is_a_cause(roles: RoleRules) -> None:
    texts = [
        "关于基层文件过多现象的思考",
        "文件过多不是偶然出现的，而是多种因素交织叠加的结果。",
        "客观上看，上级部门职能交叉，一项任务往往由几个部门分别发文。",
    ]
    assert document_roles(roles, texts)[1:] == ["cause", "cause"]
