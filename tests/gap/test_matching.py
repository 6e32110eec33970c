"""Statuses on crafted units: one implements a requirement, one only promises it, one never mentions it."""


import pytest

from pipeline import config
from pipeline.corpus import ingest
from pipeline.gap.analysis import analyze
from pipeline.gap.matching import load_calibration
from pipeline.tagging.tagger import Tagger
from tests.support import project_codebook

POLICY = """中共某县委组织部

某组〔2022〕3号

关于推动机关党建和业务工作深度融合的意见

(2022年5月6日)

为推动机关党建和业务工作深度融合，现提出如下意见：

一、完善融合发展机制。领导班子成员要认真履行“一岗双责”，既抓业务工作也抓分管范围内的党建工作。

二、发挥党员先锋模范作用。各单位要创建党员先锋岗、设定党员责任区，推动党员立足本职、担当尽责。

三、建强党务干部队伍。推动机关专职党务干部与行政、业务干部之间双向交流，促进党务干部懂业务。
"""
IMPLEMENTS = """县交通运输局机关党建工作经验材料

近年来，县交通运输局党组坚持围绕中心抓党建，取得了明显成效。

主要做法

（一）压实责任。局领导班子成员全面履行“一岗双责”，既抓业务工作又抓分管科室党建工作，年内开展督导12次。
（二）设岗定责。在12个窗口创建了党员先锋岗，设定党员责任区8个，党员立足本职、担当尽责。
"""
PROMISES = """县水利局关于机关党建工作的思考

下一步工作打算

（一）要认真履行“一岗双责”，领导班子成员既要抓业务工作，也要抓分管范围内的党建工作。
（二）要推动专职党务干部与业务干部之间双向交流。
"""
SILENT = """县统计局工作总结

今年以来，县统计局全面完成了经济普查任务。

主要做法

（一）完成经济普查入户登记工作，录入数据二十万条。
（二）开展统计执法检查，规范统计数据质量。
"""


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("units")
    for name, text in {"policy.txt": POLICY, "implements.txt": IMPLEMENTS, "promises.txt": PROMISES,
                       "silent.txt": SILENT}.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "path,kind,unit,date\npolicy.txt,policy,县委组织部,2022-05-06\nimplements.txt,report,县交通运输局,\n"
        "promises.txt,report,县水利局,\nsilent.txt,report,县统计局,\n", encoding="utf-8")
    return analyze(ingest([folder]), tagger=Tagger(project_codebook()), tagger_mode="rules",
                   calibration=load_calibration(config.MATCHING_PATH))



def status(analysis, unit: str, term: str) -> str:
    (requirement,) = [r for r in analysis.requirements if term in r.text]
    (match,) = [m for m in analysis.matches if m.unit == unit and m.requirement_id == requirement.requirement_id]
    return match.status


def test_requirements_come_from_the_policy(crafted) -> None:
    assert {r.requirement_id.split(" §")[0] for r in crafted.requirements} == {"某组〔2022〕3号"}
    assert {r.section_path.split(".")[0] for r in crafted.requirements} == {"1", "2", "3"}


def test_a_unit_that_implements_is_evidenced(crafted) -> None:
    assert status(crafted, "县交通运输局", "一岗双责") == "evidenced"
    assert status(crafted, "县交通运输局", "党员先锋岗") == "evidenced"


def test_a_unit_that_only_promises_is_mentioned(crafted) -> None:
    assert status(crafted, "县水利局", "一岗双责") == "mentioned"
    assert status(crafted, "县水利局", "双向交流") == "mentioned"


def test_a_unit_that_never_mentions_has_no_evidence(crafted) -> None:
    for term in ("一岗双责", "党员先锋岗", "双向交流"):
        assert status(crafted, "县统计局", term) == "no evidence"


def test_evidence_quotes_belong_to_the_unit(crafted) -> None:
    docs = {unit: set(doc_ids) for unit, doc_ids in crafted.units.items()}
    passage_docs = {p.passage_id: p.doc_id for p in crafted.corpus.passages}
    for match in crafted.matches:
        assert len(match.evidence) <= 3
        for passage_id, score, _role in match.evidence:
            assert passage_docs[passage_id] in docs[match.unit]
            assert 0 < score <= 1


# --- the instrument gate, mentions, confidence -------------------------------------------------------

from pipeline.gap.matching import DEFAULT_CALIBRATION, Matcher, UnitPassage, is_bare_heading  # noqa: E402
from pipeline.gap.requirements import Requirement, instrument_of  # noqa: E402


def requirement(text: str, rid: str = "某组〔2022〕3号 §1.1") -> Requirement:
    instrument, families = instrument_of(text)
    return Requirement(rid, "policy", "policy:0001", "1", "", 0, len(text), text, ("M5",), (), "", instrument, families)


def passage(text: str, role: str = "practice", pid: str = "unit:0001", heading: bool = False) -> UnitPassage:
    return UnitPassage(pid, "unit", text, role, ("M5",), heading)


def verdicts(requirements: list[Requirement], passages: list[UnitPassage]) -> dict[str, str]:
    matcher = Matcher(calibration=DEFAULT_CALIBRATION).fit([r.text for r in requirements] + [p.text for p in passages])
    return {m.requirement_id: m.status for m in matcher.match_unit("unit", requirements, passages)}


def test_a_shared_topic_word_is_not_evidence() -> None:
    rank = requirement("各机关党委副书记、机关纪委书记按本部门内设机构正职或副职干部配备。")
    visit = passage("组织机关纪委书记、纪检委员到革命纪念馆开展主题教育活动，共40人参加。")
    assert verdicts([rank], [visit])[rank.requirement_id] == "no evidence"
    staffed = passage("全县32个单位的机关纪委书记均已按内设机构正职干部配备到位。")
    assert verdicts([rank], [staffed])[rank.requirement_id] == "evidenced"


def test_evidence_written_in_the_units_own_words() -> None:
    together = requirement("建立健全机关党建和业务工作一起谋划、一起部署、一起落实、一起检查的运行机制。")
    done = passage("今年以来，各单位党建工作与业务工作同步部署、同步考核，年终一并讲评。")
    assert verdicts([together], [done])[together.requirement_id] == "evidenced"
    models = requirement("加强典型引路，总结推广融合发展的典型。", "某组〔2022〕3号 §2.1")
    chosen = passage("坚持选树典型、示范带动，去年命名了8个机关党建示范点。")
    assert verdicts([models], [chosen])[models.requirement_id] == "evidenced"


def test_a_passage_evidences_only_the_requirements_whose_instrument_it_names() -> None:
    talks = requirement("认真执行“六必谈”制度，支部书记要经常同党员谈心谈话。", "某组〔2022〕3号 §4.1")
    staffing = requirement("配强专职党务干部、激活兼职党务干部。", "某组〔2022〕3号 §6.1")
    training = requirement("加大对党支部书记和党务干部的培训力度。", "某组〔2022〕3号 §6.2")
    stars = passage("开展支部评星定级，复核五星级党支部60个，对未达标支部建立书记联系制度。", pid="unit:0001")
    course = passage("去年以来举办党支部书记、党务干部培训班4期，培训260人次。", pid="unit:0002")
    result = verdicts([talks, staffing, training], [stars, course])
    assert result[talks.requirement_id] == "no evidence"
    assert result[staffing.requirement_id] == "no evidence"
    assert result[training.requirement_id] == "evidenced"


def test_mentions_come_from_recommendations_and_problems_only() -> None:
    exchange = requirement("推动机关专职党务干部与业务干部之间双向交流。")
    background = passage("双向交流是干部工作的一项长期制度。", role="other")
    reported = passage("下一步要建立党务干部与业务干部双向交流机制，每年交流一批。", role="recommendation")
    missing = passage("一些单位党务干部与业务干部双向交流几乎没有开展。", role="problem")
    assert verdicts([exchange], [background])[exchange.requirement_id] == "no evidence"
    assert verdicts([exchange], [reported])[exchange.requirement_id] == "mentioned"
    assert verdicts([exchange], [missing])[exchange.requirement_id] == "mentioned"


def test_a_bare_heading_neither_evidences_nor_mentions() -> None:
    lead = requirement("充分发挥党支部在业务工作中的政治引领作用，推行党员先锋岗。")
    heading = passage("二要强化政治引领。", role="recommendation")
    assert is_bare_heading(heading)
    assert not is_bare_heading(passage("（一）要认真履行“一岗双责”，领导班子成员既要抓业务工作，也要抓分管科室的党建工作。",
                                       heading=True))
    assert verdicts([lead], [heading])[lead.requirement_id] == "no evidence"


def test_every_verdict_carries_a_probability_and_a_review_flag() -> None:
    exchange = requirement("推动机关专职党务干部与业务干部之间双向交流。")
    thin = passage("开展双向交流。")
    matcher = Matcher(calibration=DEFAULT_CALIBRATION).fit([exchange.text, thin.text])
    (match,) = matcher.match_unit("unit", [exchange], [thin])
    assert 0.0 <= match.probability <= 1.0
    if match.status == "evidenced":
        assert match.needs_review  # one short passage
    (silent,) = matcher.match_unit("unit", [exchange], [passage("完成年度经济普查入户登记。")])
    assert silent.status == "no evidence" and 0.5 < silent.probability <= 1.0


# --- the sample: verdicts for 县直机关工委 (003) against the opinion (000) ------------------------------


@pytest.fixture(scope="module")
def sample():
    from pipeline import config

    return analyze(ingest([config.SAMPLE_DIR]), tagger=Tagger(project_codebook()), tagger_mode="rules",
                   calibration=load_calibration(config.MATCHING_PATH))


def sample_match(analysis, term: str, unit: str = "县直机关工委"):
    (req,) = [r for r in analysis.requirements if term in r.text]
    (match,) = [m for m in analysis.matches if m.unit == unit and m.requirement_id == req.requirement_id]
    return match


def test_sample_rank_of_the_discipline_secretary_is_not_evidenced_by_a_visit(sample) -> None:
    match = sample_match(sample, "正职或副职干部配备")
    assert match.status != "evidenced"
    assert all("纪念馆" not in text for text in _evidence_texts(sample, match))


def test_sample_six_talks_not_evidenced_by_star_rating(sample) -> None:
    match = sample_match(sample, "六必谈")
    assert match.status == "mentioned"  # 谈心谈话 only in the countermeasures
    assert all("评星定级" not in text for text in _evidence_texts(sample, match))


def test_sample_staffing_not_evidenced_by_training(sample) -> None:
    match = sample_match(sample, "配强专职党务干部")
    assert match.status == "mentioned"  # 应配尽配 is a problem, 配备比例 a recommendation
    assert all("培训" not in text for text in _evidence_texts(sample, match))


def test_sample_four_togethers_evidenced_by_synchronous_deployment(sample) -> None:
    match = sample_match(sample, "一起谋划")
    assert match.status == "evidenced"
    assert any("同步部署" in text for text in _evidence_texts(sample, match))


def test_sample_models_evidenced_by_selecting_models(sample) -> None:
    match = sample_match(sample, "典型引路")
    assert match.status == "evidenced"


def test_sample_mentions_rest_on_recommendations_and_problems_not_headings(sample) -> None:
    roles = {p.passage_id: sample.tags[p.passage_id].role for p in sample.corpus.passages if p.passage_id in sample.tags}
    texts = {p.passage_id: p.text for p in sample.corpus.passages}
    for match in sample.matches:
        if match.status == "mentioned":
            for passage_id, _, _ in match.evidence:
                assert roles[passage_id] not in {"other", "practice"}
                assert texts[passage_id] != "二要强化政治引领。"


def test_sample_no_slogan_requirements(sample) -> None:
    texts = [r.text for r in sample.requirements]
    assert not any(text.startswith("确保不折不扣") for text in texts)
    assert not any(text.startswith("推动机关党建和业务工作真正融合") for text in texts)
    assert all(r.instrument for r in sample.requirements)


def _evidence_texts(analysis, match) -> list[str]:
    texts = {p.passage_id: p.text for p in analysis.corpus.passages}
    return [texts[passage_id] for passage_id, _, _ in match.evidence]


from pipeline.gap.matching import TermIndex  # noqa: E402


def test_term_index_finds_what_substring_search_finds():
    terms = ["党建", "党建引领", "建引", "业务", "融合发展", "谈心谈话", "不在文中"]
    texts = ["以党建引领业务融合发展", "开展谈心谈话", "", "党党建建"]
    index = TermIndex(terms)
    for text in texts:
        assert index.found(text) == {term for term in terms if term in text}


def test_term_index_with_an_empty_term_or_no_terms():
    assert TermIndex(["", "学习"]).found("开展学习") == {"", "学习"}
    assert TermIndex([""]).found("任何文字") == {""}
    assert TermIndex([]).found("任何文字") == set()


def test_matcher_travels_without_its_term_index():
    import copy

    passages = [UnitPassage("u:1", "u", "支部书记每季度开展谈心谈话。", "practice", ("M4",), False)]
    requirement = Requirement("r1", "p", "p:1", "一", "一", 0, 10, "要经常开展谈心谈话", ("M4",), ("谈心谈话",))
    matcher = Matcher().fit(["支部书记每季度开展谈心谈话。", "要经常开展谈心谈话"])
    before = matcher.features([requirement], passages)
    assert matcher._term_index is not None
    shipped = copy.deepcopy(matcher)  # as a worker process receives it: the same state
    assert shipped._term_index is None
    assert (shipped.features([requirement], passages) == before).all()
