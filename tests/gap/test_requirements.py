"""Requirement items: one per obligation, with actor, instrument and section path; no slogans; speeches too."""

import logging

import pytest

from pipeline.gap.requirements import (
    extract_requirements,
    instrument_of,
    is_slogan,
    key_terms,
    missing_requirements_message,
    speech_paths,
    split_actor,
    split_obligations,
)
from tests.support import project_codebook

SIX_TALKS = (
    "认真执行“六必谈”制度，支部书记和班子成员要经常同党员干部谈心谈话，做到岗位调整时必谈，受到奖励或批评时必谈，"
    "工作受挫时必谈，同事间有矛盾时必谈，群众反映强烈时必谈，出现违纪苗头时必谈。"
)


def pieces(sentence: str) -> list[str]:
    return [sentence[start:end] for start, end in split_obligations(sentence)]


def test_a_list_of_occasions_is_one_item() -> None:
    items = pieces(SIX_TALKS)
    assert len(items) == 1
    assert items[0].count("时必谈") == 6
    assert instrument_of(items[0])[1][0] == "heart_talks"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # purpose and result clauses stay with the obligation they serve
        ("班子成员要履行“一岗双责”，既抓业务也抓分管科室的党建工作，做到两手抓、两手硬。", 1),
        ("落实机关党委书记由本单位主要负责人担任的要求，实现党建、业务“一肩挑”。", 1),
        ("推动专职党务干部与业务干部之间双向交流，促进党务干部懂业务、业务干部懂党务。", 1),
        ("健全决策部署落实的工作机制，形成督办、报告、问效的工作闭环，确保不折不扣贯彻落实。", 1),
        # a new obligation with an instrument of its own opens a new item
        ("配强专职党务干部，推动党务干部和业务干部双向交流。", 2),
        ("领导班子成员要履行“一岗双责”，支部书记要经常同党员谈心谈话。", 2),
    ],
)
def test_obligations_split_at_new_instruments(sentence: str, expected: int) -> None:
    assert len(pieces(sentence)) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "确保不折不扣贯彻落实。",
        "推动机关党建和业务工作真正融合、深度融合、全面融合。",
        "机关党委要履职尽责、狠抓落实",
        "让我们坚定信心、真抓实干，推动全县机关党建和业务工作深度融合！",
    ],
)
def test_slogans_are_not_items(clause: str) -> None:
    assert is_slogan(clause)
    assert pieces(clause) == []


def test_concrete_obligations_are_not_slogans() -> None:
    assert not is_slogan("各单位要在服务窗口设立党员先锋岗")
    assert not is_slogan("着眼提高党员干部理论素养和工作本领")


def test_actor_is_the_subject_before_the_modal() -> None:
    assert split_actor("领导班子成员要认真履行“一岗双责”")[0] == "领导班子成员"
    assert split_actor("各部门党组（党委）要认真履行主体责任")[0] == "各部门党组"
    assert split_actor("定期开展谈心谈话")[0] == ""


def test_instrument_is_the_family_or_the_verb_phrase() -> None:
    name, families = instrument_of("推动党务干部与业务干部双向交流，促进党务干部懂业务")
    assert families == ("two_way_exchange",)  # the purpose clause (懂业务) lends no family
    assert "双向交流" in name
    phrase, none = instrument_of("要着眼提高党员干部理论素养")
    assert none == () and phrase.startswith("着眼提高")


def test_key_terms_skip_generic_words() -> None:
    terms = key_terms("领导班子成员要认真履行“一岗双责”，既抓业务工作也抓分管范围内的党建工作", project_codebook())
    assert "一岗双责" in terms
    assert "业务工作" not in terms and "党建工作" not in terms


SPEECH = [  # (text, outline path, is_heading) as the outline gives them: points close with their paragraph
    ("同志们：", "", False),
    ("下面，我讲两点意见。", "", False),
    ("习近平总书记强调，要坚持党建工作和业务工作一起谋划、一起部署。", "", False),
    ("过去一年，各单位坚持围绕中心抓党建，推动机关党建取得了新成效。", "", False),
    ("第一，要把责任扛在肩上。", "1", True),
    ("各单位党组要认真履行机关党建主体责任，党组书记要当好第一责任人。", "", False),
    ("领导班子成员要落实“一岗双责”，既管业务也管分管科室的党建。", "", False),
    ("第二，要创新工作载体。", "2", True),
    ("一是坚持党建和业务同谋划、同部署、同考核。", "1", True),
    ("年初制定计划时，要把党建任务和业务任务一并研究。", "", False),
    ("二是深化党员先锋岗创建。", "2", True),
    ("各窗口单位要设立党员先锋岗，组织党员亮身份。", "2", False),
    ("同志们，让我们坚定信心、真抓实干，推动党建和业务真正融合、深度融合！", "", False),
]


def test_speech_points_give_section_paths() -> None:
    paths = speech_paths(SPEECH)
    assert paths == ["", "", "", "", "1", "1", "1", "2", "2.1", "2.1", "2.2", "2.2", "2.2"]


def _extract(passages, roles=None):
    return extract_requirements(
        doc_id="speech", doc_label="讲话",
        passages=[(f"speech:{i:04d}", i * 100, text, path, heading) for i, (text, path, heading) in enumerate(passages)],
        roles=roles or ["recommendation"] * len(passages),
        codes=[()] * len(passages), section_titles={}, codebook=project_codebook(), rule_codes=lambda text: set(),
    )


def test_a_speech_yields_its_obligations_and_not_its_slogans() -> None:
    items = _extract(SPEECH)
    texts = [item.text for item in items]
    assert any("主体责任" in text for text in texts)
    assert any("一岗双责" in text for text in texts)
    assert any(text.startswith("一是坚持党建和业务同谋划") for text in texts)
    assert any("党员先锋岗" in text for text in texts)
    assert not any("真正融合" in text or "坚定信心" in text or "我讲两点意见" in text for text in texts)
    assert not any("一起谋划" in text or "新成效" in text for text in texts)  # a quotation, an account
    by_text = {item.text[:6]: item for item in items}
    assert by_text["领导班子成员"].actor == "领导班子成员"
    assert by_text["领导班子成员"].instrument_families[0] == "one_post_two_duties"
    assert by_text["领导班子成员"].requirement_id.startswith("讲话 §1.")
    assert by_text["一是坚持党建"].section_path == "2.1"
    assert by_text["一是坚持党建"].section_title.startswith("要创新工作载体")


def test_no_requirement_is_an_error(caplog: pytest.LogCaptureFixture) -> None:
    statements = [("今年机关党建工作取得了新成效。", "", False), ("各单位交流发言很好。", "", False)]
    with caplog.at_level(logging.ERROR, logger="lzp"):
        items = _extract(statements, roles=["practice", "other"])
    assert items == []
    assert any(record.levelno == logging.ERROR and "no requirement" in record.getMessage() for record in caplog.records)
    assert "讲话" in missing_requirements_message("讲话")


WORK_PLAN = [  # a 工作要点: task headings, targets without modals, numbered points
    ("2024年机关党建工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，推动党建和业务深度融合。", "", False),
    ("一、强化理论武装", "1", True),
    ("（一）落实“第一议题”制度。", "1.1", True),
    ("各单位党组会议把学习最新重要讲话作为第一议题，全年组织中心组集体学习不少于12次。", "1.1", False),
    ("（二）规范组织生活。", "1.2", True),
    ("严格执行“三会一课”制度，不得以业务会代替组织生活。", "1.2", False),
    ("二、深化融合机制", "2", True),
    ("1.党建述职评议考核与年度业务考核同步开展，考核结果作为评先评优的重要依据。", "2.1", True),
    ("2.我们必须坚决防止党建和业务“两张皮”，确保各项任务落到实处。", "2.2", True),
]


def test_a_work_plan_yields_its_tasks() -> None:
    items = _extract(WORK_PLAN, roles=["other", "other", "recommendation", "practice", "recommendation",
                                       "recommendation", "recommendation", "recommendation", "recommendation"])
    texts = [item.text for item in items]
    assert any(text.startswith("各单位党组会议把学习") for text in texts)  # a target stated without a modal
    assert not any(text == "落实“第一议题”制度。" for text in texts)  # the heading its sentence covers
    assert any(text.startswith("党建述职评议考核与年度业务考核同步开展") for text in texts)  # a numbered point
    assert any("三会一课" in text for text in texts) and any(text.startswith("不得") for text in texts)
    assert not any("总体要求" in text or "两张皮" in text for text in texts)
    assert {item.section_path for item in items} == {"1.1", "1.2", "2.1"}
