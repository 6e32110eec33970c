"""Arguments, activities and the times: a condition stated as what it takes (只有…才能…) argues a point and is no
advice, unless the sentence also words a norm (要, 必须); under a section of countermeasures the section still decides.
In a report, members taken somewhere or spoken to in the course of an activity (来到…, 实地考察中…, 为全体党员讲…) are
practice though told without 了; the place described is not. How the times change a field (…发生了深刻变化, …的重要性
日益凸显) is background, a change a unit brought about is practice. Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_ESSAY = [
    "关于社区党建与服务融合的几点思考",
    "社区是党联系群众的最后一公里。",
]


def test_what_it_takes_is_no_advice(roles: RoleRules) -> None:
    texts = _ESSAY + ["只有党员真正沉到网格里，社区服务才能赢得居民的信任。"]
    assert document_roles(roles, texts)[2] == "other"


def test_what_it_takes_for_a_sector_is_no_advice(roles: RoleRules) -> None:
    texts = _ESSAY + ["对于街道而言，只有把党建和治理拧成一股绳，才能让群众的急难愁盼及时得到回应。"]
    assert document_roles(roles, texts)[2] == "other"


def test_what_it_takes_worded_as_a_norm_stays_advice(roles: RoleRules) -> None:
    texts = _ESSAY + ["只有党员真正沉到网格里，社区服务才能赢得信任，为此必须建立党员包片联户制度。"]
    assert document_roles(roles, texts)[2] == "recommendation"


def test_what_it_takes_under_countermeasures_stays_advice(roles: RoleRules) -> None:
    texts = _ESSAY + [
        "三、推动社区党建与服务融合的对策建议",
        "（一）压实党员联户责任",
        "只有党员真正沉到网格里，社区服务才能赢得居民的信任。",
    ]
    assert document_roles(roles, texts)[4] == "recommendation"


_STORY = [
    "某街道机关支部主题党日活动纪实",
    "今年以来，支部已先后举办主题党日活动6次。",
    "上月，支部组织党员参观了区档案馆。",
    "党员们在馆内重温了入党誓词。",
]


def test_members_taken_to_a_place_is_practice(roles: RoleRules) -> None:
    texts = _STORY + ["党员们来到幸福里社区，挨家挨户为独居老人检查燃气灶。"]
    assert document_roles(roles, texts)[4] == "practice"


def test_a_talk_given_to_the_members_is_practice(roles: RoleRules) -> None:
    texts = _STORY + ["老支书为全体党员讲述当年修建水渠的往事。"]
    assert document_roles(roles, texts)[4] == "practice"


def test_a_visit_on_site_is_practice(roles: RoleRules) -> None:
    texts = _STORY + ["实地考察中，党员们沿着河道查看排污口的位置；"]
    assert document_roles(roles, texts)[4] == "practice"


def test_a_place_named_without_the_members_taken_there_stays_other(roles: RoleRules) -> None:
    texts = _STORY + ["幸福里社区的居民大多是退休职工。"]
    assert document_roles(roles, texts)[4] == "other"


_BACKGROUND = [
    "关于县域医共体党建工作的调研报告",
    "县委组织部于今年三月开展了专题调研。",
    "调研组走访了5家乡镇卫生院。",
]


def test_how_the_times_change_a_field_is_background(roles: RoleRules) -> None:
    texts = _BACKGROUND + ["近年来，随着医共体改革的不断推进，乡镇卫生院的运行环境发生了深刻变化。"]
    assert document_roles(roles, texts)[3] == "other"


def test_how_a_place_has_changed_over_the_years_is_background(roles: RoleRules) -> None:
    texts = _BACKGROUND + ["近年来，村民的居住环境和出行条件都发生了很大变化。"]
    assert document_roles(roles, texts)[3] == "other"


def test_a_change_the_unit_brought_about_stays_practice(roles: RoleRules) -> None:
    texts = _BACKGROUND + ["近年来，该院党委推行党员责任区，全院服务面貌发生了明显变化。"]
    assert document_roles(roles, texts)[3] == "practice"
