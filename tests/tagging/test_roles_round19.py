"""What a unit did against what a kind of thing is: the place a thing holds in a system (…在…体系中占据重要地位), what
its working hinges on (…取决于…), and the part it plays in a field (在…等方面发挥积极的作用; 对…起到支撑性作用) are
context, not what a unit did, while the same wordings told as done (起到了…作用), with a count, or set as a norm (要…) are
not context. A report's opening bare item ending a sentence (强化阵地保障。) tells what was done, while the same words as a
title or as a statement of what a thing is stay front matter. How a study was made (本次调研通过入户走访、问卷调查等方式…;
成立…课题组) is context, while a community's own survey of its residents is practice. Every sentence here is written for
the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_ESSAY = [
    "浅谈社区议事制度的几点思考",
    "社区议事制度关系到基层治理的根基。",
    "做好社区议事工作，需要把握好几个关系。",
    "议事和服务不是两回事。",
]


def test_the_place_a_system_holds_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["从制度功能看，社区议事制度在基层治理的组织、协商、监督等制度链条中占据重要地位，其有效运行对化解邻里矛盾起到支撑性作用。"]
    assert document_roles(roles, texts)[4] == "other"


def test_what_a_rule_hinges_on_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["社区公约的正确理解和实施取决于居民群众的参与程度。"]
    assert document_roles(roles, texts)[4] == "other"


def test_the_part_a_kind_of_service_plays_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["当前，楼栋志愿服务方兴未艾，在开展邻里互助、调解邻里纠纷、维护小区环境等方面发挥积极的作用。"]
    assert document_roles(roles, texts)[4] == "other"


def test_the_part_played_told_as_done_is_not_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["今年以来，社区楼栋志愿服务队在关爱独居老人方面起到了重要作用，累计走访126户。"]
    assert document_roles(roles, texts)[4] != "other"


def test_the_part_to_be_played_is_advice(roles: RoleRules) -> None:
    texts = _ESSAY + ["要让楼栋志愿服务在关爱独居老人方面发挥积极作用。"]
    assert document_roles(roles, texts)[4] == "recommendation"


_REPORT_TAIL = [
    "街道党工委整合辖区闲置用房，建成了三处党群服务站。",
    "今年以来，服务站累计接待居民2300余人次。",
    "各社区党委先后组织了十二场议事协商会。",
    "辖区党员认领了四十余项微心愿。",
]


def test_a_reports_opening_item_of_what_was_done_is_practice(roles: RoleRules) -> None:
    texts = ["强化阵地保障。"] + _REPORT_TAIL
    assert document_roles(roles, texts)[0] == "practice"


def test_a_reports_opening_title_stays_other(roles: RoleRules) -> None:
    texts = ["强化阵地保障"] + _REPORT_TAIL
    assert document_roles(roles, texts)[0] == "other"


def test_a_reports_opening_statement_of_what_a_thing_is_stays_other(roles: RoleRules) -> None:
    texts = ["强化阵地保障是做好服务的前提。"] + _REPORT_TAIL
    assert document_roles(roles, texts)[0] == "other"


_STUDY = [
    "关于社区党组织服务居民情况的调研报告",
    "社区是党联系群众的最后一公里。",
]


def test_a_studys_method_is_context(roles: RoleRules) -> None:
    texts = _STUDY + ["本次调研覆盖了老旧小区、新建商品房小区和村改居社区，通过入户走访、问卷调查等方式，收集了居民意见。"]
    assert document_roles(roles, texts)[2] == "other"


def test_a_studys_team_set_up_is_context(roles: RoleRules) -> None:
    texts = _STUDY + ["今年三月，区委组织部成立社区服务效能课题组，以问卷调查、召开座谈会等形式，对全区社区开展了摸底。"]
    assert document_roles(roles, texts)[2] == "other"


def test_a_communitys_own_survey_of_residents_stays_practice(roles: RoleRules) -> None:
    texts = _STUDY + ["今年以来，社区党委先后召开居民议事会12场，发放满意度问卷800份。"]
    assert document_roles(roles, texts)[2] == "practice"


def test_what_is_vital_for_a_purpose_is_context(roles: RoleRules) -> None:
    texts = _ESSAY + ["为了保证社区公约得到有效执行，建立健全居民监督机制至关重要。"]
    assert document_roles(roles, texts)[4] == "other"
