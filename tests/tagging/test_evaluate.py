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
