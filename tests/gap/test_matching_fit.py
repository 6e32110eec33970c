"""The matcher fitted from document frequencies counted batch by batch is the matcher fitted on all
texts at once."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from pipeline.gap.matching import Matcher, document_frequencies

TEXTS = [
    "市税务局党委推行“党建+征管”工作法，把支部建在征管一线。",
    "街道党工委组织党员下沉社区，结对帮扶困难群众四十二户。",
    "个别支部仍存在党建与业务“两张皮”现象，考核指标各管一摊。",
    "",
    "医院党委将医德医风纳入科室绩效考核，党员带头开展义诊。",
    "各支部要把党建与业务同谋划、同部署、同考核。",
    "村党支部领办合作社，带动集体经济增收十五万元。",
    "支部建在征管一线，党员亮身份、作表率。",
]


def test_frequencies_counted_in_batches_fit_the_same_matcher_as_all_texts_at_once() -> None:
    whole = Matcher().fit(TEXTS)
    frequencies = document_frequencies(TEXTS[:3])
    frequencies.update(document_frequencies(TEXTS[3:]))
    assert frequencies["支部"] == 3  # once per text that names it, not once per occurrence
    batched = Matcher().fit_frequencies(frequencies, len(TEXTS))
    assert batched.vectorizer.vocabulary_ == whole.vectorizer.vocabulary_
    assert np.array_equal(batched.vectorizer.idf_, whole.vectorizer.idf_)
    probe = ["党员下沉社区开展义诊", "征管一线的支部考核", "无关的句子"]
    expected = whole.vectorizer.transform(probe)
    assert (batched.vectorizer.transform(probe) != expected).nnz == 0
    travelled = pickle.loads(pickle.dumps(batched))  # as a worker process receives it
    assert (travelled.vectorizer.transform(probe) != expected).nnz == 0


def test_no_term_at_all_is_the_vectorizers_own_error() -> None:
    with pytest.raises(ValueError, match="empty vocabulary"):
        Matcher().fit_frequencies(document_frequencies(["", "  "]), 2)
