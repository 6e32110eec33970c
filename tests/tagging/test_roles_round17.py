"""Arguments and advice: a condition stated as what it takes (只有…才能…) argues a point and is no advice, unless the
sentence also words a norm (要, 必须); under a section of countermeasures the section still decides. Every sentence
here is written for the test."""

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
