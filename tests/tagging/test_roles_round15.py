"""Who required it, what a text faces, and what may be done: a named speaker's norm told in news (会上，某某要求…要…;
同时，她要求…要…) is a requirement set there, and so is the prescription right after it (要结合…), while an item told
after it, the General Secretary quoted and a report's own genre are not; a shortcoming faced (…也面临着一场深刻的危机;
仍面临两大困境) and a weakness laid bare (这也暴露出…的弊端) are observed, while a challenge faced as a task (面临新的挑战),
a difficulty named as a noun (面临的困难) and one faced beside what was achieved (取得了…，也面临…) are not; what falls short in manner
(整改不精准, 整改不彻底) is observed, unless told of the nation or set as a norm; what may be
done (可以利用…, 可建立…) is advice in a report, while what can be used (其中可利用的…) is none; in an advising text a
verb with its result (找准…, 挂好“倒车档”) opens a bare imperative, which as the title stays other.
Every sentence here is written for the test."""

from pipeline.tagging.rules import RoleRules
from tests.support import document_roles

_NEWS = [
    "某街道机关党支部开展集中学习",
    "5月8日，某街道机关党支部开展集中学习，支部全体党员参加。",
    "支部书记领学了有关文件。",
]
_ESSAY = [
    "浅谈社区党建的几点思考",
    "社区党建关系到党的执政根基。",
    "做好社区党建，需要把握好几个关系。",
    "党建和服务不是两回事。",
]


def test_a_named_speakers_norm_in_news_is_a_requirement(roles: RoleRules) -> None:
    texts = _NEWS + ["会上，王伟要求全体党员要把学习成果用到为民服务中去。"]
    assert document_roles(roles, texts)[3] == "requirement"


def test_a_speaker_named_by_pronoun_sets_a_requirement(roles: RoleRules) -> None:
    texts = _NEWS + ["同时，她要求各网格员要按时走访辖区独居老人。"]
    assert document_roles(roles, texts)[3] == "requirement"


def test_a_speakers_norm_after_a_long_statement_is_a_requirement(roles: RoleRules) -> None:
    texts = _NEWS + ["他指出，为民服务是社区工作的根本，事关群众切身利益，与会党员要把走访工作放在心上。"]
    assert document_roles(roles, texts)[3] == "requirement"


def test_what_a_speaker_told_without_a_norm_is_no_requirement(roles: RoleRules) -> None:
    texts = _NEWS + ["会上，王伟介绍了社区网格服务的做法。"]
    assert document_roles(roles, texts)[3] != "requirement"


def test_the_general_secretary_quoted_in_news_is_no_requirement(roles: RoleRules) -> None:
    texts = _NEWS + ["习近平总书记强调，要把为民服务作为根本宗旨。"]
    assert document_roles(roles, texts)[3] != "requirement"


def test_a_shortcoming_faced_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["然而，在推行过程中，这项制度也面临着一场深刻的危机。"]
    assert document_roles(roles, texts)[4] == "problem"


def test_a_plight_still_faced_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["当前，老旧小区党建仍面临两大困境。"]
    assert document_roles(roles, texts)[4] == "problem"


def test_a_challenge_faced_as_a_task_is_no_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["在新形势下，社区党建面临新的挑战和机遇。"]
    assert document_roles(roles, texts)[4] != "problem"


def test_a_difficulty_named_as_a_noun_is_no_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["为了解社区党建面临的困难问题，课题组走访了五个社区。"]
    assert document_roles(roles, texts)[4] != "problem"


def test_what_may_be_used_is_advice(roles: RoleRules) -> None:
    texts = _ESSAY + ["我们可以利用社区的活动室，开展党员教育和便民服务。"]
    assert document_roles(roles, texts)[4] == "recommendation"


def test_a_system_that_may_be_set_up_is_advice(roles: RoleRules) -> None:
    texts = _ESSAY + ["一方面，可建立党员联系群众的结对制度，在各小区推行网格包联。"]
    assert document_roles(roles, texts)[4] == "recommendation"


def test_what_can_be_used_of_a_place_is_no_advice(roles: RoleRules) -> None:
    texts = _ESSAY + ["社区共有场地六处，其中可利用的活动场地有三处。"]
    assert document_roles(roles, texts)[4] != "recommendation"


def test_a_prescription_right_after_a_speakers_norm_is_one_of_the_norms(roles: RoleRules) -> None:
    texts = _NEWS + ["会上，王伟要求全体党员要把学习成果用到为民服务中去。", "要结合社区实际，办好每月一次的党员夜校。"]
    assert document_roles(roles, texts)[4] == "requirement"


def test_an_item_after_a_speakers_norm_is_not_carried(roles: RoleRules) -> None:
    texts = _NEWS + ["会上，王伟要求全体党员要把学习成果用到为民服务中去。", "一是统一学习时间，保证学时到位。"]
    assert document_roles(roles, texts)[4] != "requirement"


def test_a_prescription_after_an_act_told_is_not_carried(roles: RoleRules) -> None:
    texts = _NEWS + ["要结合社区实际，办好每月一次的党员夜校。"]
    assert document_roles(roles, texts)[3] != "requirement"


_ADVICE = [
    "社区党建漫谈",
    "社区党建要贴近群众。",
    "支部要经常走访居民。",
    "党员要在服务中亮明身份。",
]


def test_a_verb_with_its_result_is_advice_in_an_advising_text(roles: RoleRules) -> None:
    texts = _ADVICE + ["找准居民关心的难点，让支部服务更贴心。"]
    assert document_roles(roles, texts)[4] == "recommendation"


def test_a_gear_put_in_is_advice_in_an_advising_text(roles: RoleRules) -> None:
    texts = _ADVICE + ["挂好“倒车档”，学会反思总结。"]
    assert document_roles(roles, texts)[4] == "recommendation"


def test_a_verb_with_its_result_as_the_title_is_no_advice(roles: RoleRules) -> None:
    texts = ["挂好学习“挡位”，让理论学习走深走实", *_ADVICE[1:]]
    assert document_roles(roles, texts)[0] == "other"


def test_a_weakness_laid_bare_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["这也暴露出社区网格管理的弊端。"]
    assert document_roles(roles, texts)[4] == "problem"


def test_a_shortcoming_faced_beside_what_was_achieved_is_no_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["近年来，社区党建取得了积极成效，也面临着一些新情况。"]
    assert document_roles(roles, texts)[4] != "problem"


def test_what_falls_short_in_manner_is_a_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["二是整改措施不精准，个别问题整改不彻底。"]
    assert document_roles(roles, texts)[4] == "problem"


def test_what_falls_short_nationwide_is_no_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["自改革开放以来，我国经济快速发展，但是区域发展不平衡。"]
    assert document_roles(roles, texts)[4] != "problem"


def test_what_must_not_fall_short_is_no_problem(roles: RoleRules) -> None:
    texts = _ESSAY + ["整改要做到问题解决不彻底不放手。"]
    assert document_roles(roles, texts)[4] != "problem"
