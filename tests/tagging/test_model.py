"""The model's role-cue features are the rule role tagger's scores of the same passage in the same context."""

from dataclasses import replace

import numpy as np
import pytest

from pipeline.tagging.model import ROLE_CUE_COLUMNS, RoleCueFeatures, to_frame
from pipeline.tagging.rules import build_contexts, role_rules_for
from pipeline.workflow import load_project_codebook

NEWS = [
    "5月12日，某区税务局机关党委召开党建与业务融合推进会。",
    "会议要求，各党支部要把党建工作与税收征管工作同谋划、同部署、同考核。",
    "一、主要做法",
    "（一）建立联席会议制度",
    "局党委每季度听取一次各支部党建和业务工作情况汇报。",
    "二、存在的问题",
    "有的支部仍然存在重业务轻党建的倾向。",
]


@pytest.fixture(scope="module")
def codebook():
    return load_project_codebook()


def test_features_equal_the_rule_scores_in_the_whole_context(codebook):
    contexts = build_contexts(NEWS)
    assert any(c.heading for c in contexts)  # the check covers passages under a heading
    rules = role_rules_for(codebook)
    features = RoleCueFeatures(codebook).transform(to_frame(NEWS, contexts))
    expected = np.array([rules.features(text, context) for text, context in zip(NEWS, contexts, strict=True)])
    np.testing.assert_array_equal(features, expected)


def test_the_heading_and_the_lead_reach_the_features(codebook):
    text = NEWS[1]
    (context,) = build_contexts([text])
    rules = role_rules_for(codebook)
    as_lead = replace(context, lead=True)
    assert rules.features(text, as_lead) != rules.features(text, context)  # the lead changes the scores
    frame = to_frame([text, text], [context, as_lead])
    first, second = RoleCueFeatures(codebook).transform(frame)
    assert list(first) == rules.features(text, context)
    assert list(second) == rules.features(text, as_lead)


def test_a_frame_without_the_newer_columns_reads_their_defaults(codebook):
    contexts = build_contexts(NEWS)
    frame = to_frame(NEWS, contexts).drop(columns=["heading", "lead", "voice", "spoken", "is_title"])
    assert set(ROLE_CUE_COLUMNS) - set(frame.columns) == {"heading", "lead", "voice", "spoken", "is_title"}
    rules = role_rules_for(codebook)
    bare = [replace(c, heading="", lead=False, voice="", spoken=False, is_title=False) for c in contexts]
    expected = np.array([rules.features(text, context) for text, context in zip(NEWS, bare, strict=True)])
    np.testing.assert_array_equal(RoleCueFeatures(codebook).transform(frame), expected)


def _role_with_model_probabilities(tagger, text, probabilities):
    """The combined role of ``text`` when the model gives it ``probabilities`` (role → probability)."""
    from pipeline.tagging.tagger import ROLES

    row = np.array([[probabilities.get(role, 0.0) for role in ROLES]])
    tagger._model_role_probs = lambda texts, contexts, features=None: np.repeat(row, len(texts), axis=0)
    return tagger.tag_document([text])[0].role


def test_a_confident_model_overrides_the_rule_role_and_a_hesitant_one_does_not(codebook):
    from pipeline import config
    from pipeline.tagging.tagger import Tagger

    tagger = Tagger.load(config.MODEL_PATH, codebook)
    text = "局党委每季度听取一次各支部党建和业务工作情况汇报。"
    rule_role = Tagger(codebook).tag_document([text], mode="rules")[0].role
    other = "other" if rule_role != "other" else "practice"
    margin = tagger.role_rule_weight
    assert margin < 1.0  # the model's probability (at most 1) can outweigh the rule role
    assert _role_with_model_probabilities(tagger, text, {other: min(1.0, margin + 0.1)}) == other
    assert _role_with_model_probabilities(tagger, text, {other: margin - 0.1}) == rule_role


def test_the_model_may_veto_a_rule_hit_but_never_adds_a_code_alone(codebook):
    from pipeline import config
    from pipeline.tagging.tagger import COMBINED_THRESHOLD_GRID, Tagger, _best_threshold

    # Combined scores 0.5 × rule hit + 0.5 × model probability: 0.4 is a model-only score.
    scores, gold = np.array([0.9, 0.4, 0.4, 0.1]), np.array([1, 1, 1, 0])
    assert _best_threshold(scores, gold) < 0.5  # the open grid would let the model add these codes
    assert _best_threshold(scores, gold, grid=COMBINED_THRESHOLD_GRID) == 0.5
    assert min(Tagger.load(config.MODEL_PATH, codebook).thresholds.values()) >= 0.5
