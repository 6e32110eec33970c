"""The learned part of the tagger: scikit-learn pipelines over text, rule and context features.

Features (one ``ColumnTransformer``): character 1–2-grams, jieba content words, rule hit counts of the
passage and of its enclosing headings (weighted ×2, so that the linear models lean on the codebook
and learn where to depart from it), the rule role tagger's scores of the passage in its context and
of its nearest heading alone, document type and section hint. Codes are
predicted one-vs-rest with logistic regression (sigmoid-calibrated where a code has enough
positives), the role with a multinomial logistic regression.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from pipeline.errors import ModelError
from pipeline.segment import content_words
from pipeline.tagging.codebook import ROLES, Codebook
from pipeline.tagging.rules import PassageContext, matcher_for, nearest_heading, role_rules_for

FRAME_COLUMNS = ["text", "heading", "doc_type", "section_hint", "policy", "is_heading", "position", "voice", "spoken",
                 "is_title", "lead"]
MIN_POSITIVES_FOR_CALIBRATION = 9
RULE_FEATURE_WEIGHT = 2.0
# The context the rule role tagger reads, all of it: the features are the scores the rule tagger gave the
# same passage (shared with it through the role rules' memo). A model saved with fewer of these columns
# passes those only, and the others get the defaults of ROLE_CUE_DEFAULTS.
ROLE_CUE_COLUMNS = ["text", "heading", "doc_type", "section_hint", "policy", "is_heading", "position", "voice", "spoken",
                    "is_title", "lead"]
ROLE_CUE_DEFAULTS = {"heading": "", "voice": "none", "spoken": 0.0, "is_title": 0.0, "lead": 0.0}


def to_frame(texts: Sequence[str], contexts: Sequence[PassageContext]) -> pd.DataFrame:
    """The model's input table: one row per passage.

    Text columns are plain Python objects: the feature extractors iterate them row by row, which
    is several times slower over pandas' Arrow-backed string arrays.
    """
    return pd.DataFrame(
        {
            "text": pd.Series(list(texts), dtype=object),
            "heading": pd.Series([c.heading for c in contexts], dtype=object),
            "doc_type": pd.Series([c.doc_type for c in contexts], dtype=object),
            "section_hint": pd.Series([c.section_hint or "none" for c in contexts], dtype=object),
            "policy": [float(c.policy) for c in contexts],
            "is_heading": [float(c.is_heading) for c in contexts],
            "position": [c.position for c in contexts],
            "voice": pd.Series([c.voice or "none" for c in contexts], dtype=object),
            "spoken": [float(c.spoken) for c in contexts],
            "is_title": [float(c.is_title) for c in contexts],
            "lead": [float(c.lead) for c in contexts],
        },
        columns=FRAME_COLUMNS,
    )


def _required(codebook: Codebook | None, owner: object) -> Codebook:
    if codebook is None:
        raise ModelError(f"{type(owner).__name__} has no codebook: pass codebook=… (Tagger.load does this for "
                         "a saved model)")
    return codebook


class RuleCodeFeatures(BaseEstimator, TransformerMixin):
    """Per-code rule hit counts (log-scaled) of one text column, from the given codebook."""

    def __init__(self, column: str = "text", codebook: Codebook | None = None) -> None:
        self.column = column
        self.codebook = codebook

    def fit(self, frame: pd.DataFrame, y: object = None) -> RuleCodeFeatures:
        self.codes_ = _required(self.codebook, self).code_ids
        return self

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        matcher = matcher_for(_required(self.codebook, self))
        column = frame[self.column] if isinstance(frame, pd.DataFrame) else pd.Series(frame)
        return np.log1p(np.array([matcher.features(text) for text in column], dtype=float))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        codes = getattr(self, "codes_", None) or _required(self.codebook, self).code_ids
        return np.array([f"rule_{self.column}_{code}" for code in codes], dtype=object)


class RoleCueFeatures(BaseEstimator, TransformerMixin):
    """Role-cue scores of the rule role tagger, in the passage's whole context (heading, genre, section hint …)."""

    def __init__(self, codebook: Codebook | None = None) -> None:
        self.codebook = codebook

    def fit(self, frame: pd.DataFrame, y: object = None) -> RoleCueFeatures:
        return self

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        rules = role_rules_for(_required(self.codebook, self))
        rows = []
        present = [column for column in ROLE_CUE_COLUMNS if column in frame.columns]
        table = frame[present].assign(**{k: v for k, v in ROLE_CUE_DEFAULTS.items() if k not in frame.columns})
        for text, heading, doc_type, hint, policy, is_heading, position, voice, spoken, is_title, lead in table[
            ROLE_CUE_COLUMNS
        ].itertuples(index=False):
            context = PassageContext(heading or "", doc_type, bool(policy), bool(is_heading),
                                     "" if hint == "none" else hint, int(position),
                                     voice="" if voice == "none" else voice, spoken=bool(spoken),
                                     is_title=bool(is_title), lead=bool(lead))
            rows.append(rules.features(text, context))
        return np.array(rows, dtype=float)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"role_cue_{role}" for role in ROLES], dtype=object)


class HeadingRoleCues(BaseEstimator, TransformerMixin):
    """Role-cue scores of the nearest enclosing heading, read without context: a heading such as
    "（一）思维模式上固化，导致认识有差距" announces causes below it even where the section-hint
    words (原因, 对策 …) are absent."""

    def __init__(self, codebook: Codebook | None = None) -> None:
        self.codebook = codebook

    def fit(self, frame: pd.DataFrame, y: object = None) -> HeadingRoleCues:
        return self

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        rules = role_rules_for(_required(self.codebook, self))
        # The default context: no genre, no section hint; position 0, so that a heading under 60
        # characters also gets the opening-line bonus of "other".
        neutral = PassageContext()
        rows = []
        for heading in frame["heading"]:
            nearest = nearest_heading(heading)
            rows.append(rules.features(nearest, neutral) if nearest else [0.0] * len(ROLES))
        return np.array(rows, dtype=float)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"heading_role_cue_{role}" for role in ROLES], dtype=object)


class CalibratedLinear(BaseEstimator, ClassifierMixin):
    """Logistic regression, sigmoid-calibrated by 3-fold CV when each class has enough examples."""

    def __init__(self, C: float = 4.0, min_positives: int = MIN_POSITIVES_FOR_CALIBRATION) -> None:
        self.C = C
        self.min_positives = min_positives

    def fit(self, X: object, y: np.ndarray) -> CalibratedLinear:
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        base = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear")
        counts = np.bincount(y.astype(int)) if len(self.classes_) > 1 else np.array([len(y)])
        if len(self.classes_) > 1 and counts.min() >= self.min_positives:
            self.estimator_ = CalibratedClassifierCV(base, method="sigmoid", cv=3, ensemble=False).fit(X, y)
        else:
            self.estimator_ = base.fit(X, y) if len(self.classes_) > 1 else None
        return self

    def predict_proba(self, X: object) -> np.ndarray:
        if self.estimator_ is None:
            n = X.shape[0]
            return np.tile([1.0, 0.0] if self.classes_[0] == 0 else [0.0, 1.0], (n, 1))
        return self.estimator_.predict_proba(X)

    def predict(self, X: object) -> np.ndarray:
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)

    @property
    def coef_(self) -> np.ndarray:
        """Coefficients of the (first) underlying linear model, for explanations."""
        estimator = self.estimator_
        if estimator is None:
            return np.zeros((1, 0))
        if isinstance(estimator, CalibratedClassifierCV):
            return np.mean([c.estimator.coef_ for c in estimator.calibrated_classifiers_], axis=0)
        return estimator.coef_


def feature_union(codebook: Codebook) -> ColumnTransformer:
    """The shared feature extractor of the code and role models."""
    return ColumnTransformer(
        [
            ("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                                      max_features=12000, dtype=np.float32), "text"),
            ("words", TfidfVectorizer(tokenizer=content_words, token_pattern=None, lowercase=False,
                                      sublinear_tf=True, min_df=2, max_features=4000, dtype=np.float32), "text"),
            ("rules", RuleCodeFeatures("text", codebook), ["text"]),
            ("heading_rules", RuleCodeFeatures("heading", codebook), ["heading"]),
            ("role_cues", RoleCueFeatures(codebook), ROLE_CUE_COLUMNS),
            ("heading_role_cues", HeadingRoleCues(codebook), ["heading"]),
            ("context", OneHotEncoder(handle_unknown="ignore"), ["doc_type", "section_hint"]),
            ("flags", "passthrough", ["policy", "is_heading"]),
        ],
        transformer_weights={"rules": RULE_FEATURE_WEIGHT, "heading_rules": RULE_FEATURE_WEIGHT},
    )


def code_model(codebook: Codebook) -> Pipeline:
    """Multi-label code model: features → one-vs-rest calibrated logistic regression."""
    return Pipeline([("features", feature_union(codebook)), ("classifier", OneVsRestClassifier(CalibratedLinear()))])


def set_codebook(model: Pipeline, codebook: Codebook | None) -> Pipeline:
    """Give (or, with None before saving, take away) the codebook of every rule-feature transformer,
    both the template and the fitted copies of the ColumnTransformer."""
    features = model.named_steps["features"]
    for _, transformer, _ in [*features.transformers, *getattr(features, "transformers_", [])]:
        if isinstance(transformer, (RuleCodeFeatures, RoleCueFeatures, HeadingRoleCues)):
            transformer.codebook = codebook
    return model


def role_classifier() -> LogisticRegression:
    """Role model, applied to the code model's features (computed once per document)."""
    return LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
