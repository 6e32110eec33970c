import pytest

from pipeline import config
from pipeline.tagging.evaluate import paired_bootstrap, score
from pipeline.tagging.tagger import GoldPassage, load_gold
from tests.support import project_codebook


@pytest.fixture(scope="module")
def gold() -> list[GoldPassage]:
    return load_gold(config.GOLD_PATH, project_codebook())


def _system(gold: list[GoldPassage], *, drop_every: int = 0, wrong_role_every: int = 0):
    codes = [set(p.codes) if not drop_every or i % drop_every else set() for i, p in enumerate(gold)]
    roles = [p.role if not wrong_role_every or i % wrong_role_every else "other" if p.role != "other" else "cause"
             for i, p in enumerate(gold)]
    return score(codes, roles, gold, codes=project_codebook().code_ids)


def test_scores_count_held_out_predictions(gold: list[GoldPassage]) -> None:
    perfect = _system(gold)
    assert perfect.macro_f1 == pytest.approx(1.0) and perfect.role_accuracy == pytest.approx(1.0)
    worse = _system(gold, drop_every=3, wrong_role_every=4)
    assert worse.macro_f1 < 0.9 and worse.role_accuracy == pytest.approx(0.75, abs=0.01)


def test_paired_bootstrap_difference_and_interval(gold: list[GoldPassage]) -> None:
    better, worse = _system(gold), _system(gold, drop_every=3, wrong_role_every=4)
    macro, role = paired_bootstrap(better, worse, samples=300)
    assert macro.observed == pytest.approx(better.macro_f1 - worse.macro_f1)
    assert role.observed == pytest.approx(better.role_accuracy - worse.role_accuracy)
    assert 0 < macro.low <= macro.observed <= macro.high
    assert macro.share_above_zero == 1.0 and role.share_above_zero == 1.0


def test_paired_bootstrap_of_a_system_with_itself_is_zero(gold: list[GoldPassage]) -> None:
    system = _system(gold, drop_every=5)
    for difference in paired_bootstrap(system, system, samples=200):
        assert difference.observed == difference.low == difference.high == 0.0
        assert difference.share_above_zero == 0.0


def test_paired_bootstrap_refuses_different_passages(gold: list[GoldPassage]) -> None:
    with pytest.raises(ValueError, match="same passages"):
        paired_bootstrap(_system(gold), score([set()] * 10, ["other"] * 10, gold[:10], codes=project_codebook().code_ids))


def test_source_of_groups_the_articles_of_one_compilation() -> None:
    from pipeline.tagging.evaluate import source_of

    assert source_of("001_32c03d63e01b0a73-a3") == "001_32c03d63e01b0a73"
    assert source_of("000_c4f700dea521b0cf") == "000_c4f700dea521b0cf"
    assert source_of("report-annual") == "report-annual"


def test_written_sentences_train_every_fold_and_are_never_scored() -> None:
    from pipeline.tagging.evaluate import leave_one_document_out, source_of

    def passage(doc: str, index: int, text: str, codes: tuple[str, ...], role: str) -> GoldPassage:
        return GoldPassage(f"{doc}:{index}", doc, text, codes, role)

    gold = [passage(doc, i, text, codes, role)
            for doc in ("s1-a1", "s1-a2", "s2", "s3")
            for i, (text, codes, role) in enumerate([("有的单位重业务轻党建。", ("D2",), "problem"),
                                                      ("局党组建立一岗双责责任清单。", ("M5",), "practice"),
                                                      ("背景介绍。", (), "other")])]
    written = [passage("written-001", i, text, codes, role)
               for i, (text, codes, role) in enumerate([("中心组专题学习三次。", ("M3",), "practice"),
                                                         ("培训内容千篇一律。", ("M3", "D4"), "problem")])]
    codebook = project_codebook()
    results = leave_one_document_out(gold, codebook=codebook, extra_training=written, group_of=source_of)
    scored = [p.passage_id for p in results["combined"].passages]
    assert sorted(scored) == sorted(p.passage_id for p in gold)
    assert not any(pid.startswith("written") for pid in scored)
