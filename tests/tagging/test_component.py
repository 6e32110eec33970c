"""The tagger as a spaCy component on the jieba-segmented zh pipeline."""

import spacy

from pipeline.segment import chinese_nlp
from pipeline.tagging import component  # noqa: F401  (registers the factory)


def test_domain_terms_are_single_tokens_in_the_doc_container() -> None:
    doc = chinese_nlp()("领导班子成员要认真履行一岗双责，设立党员先锋岗。")
    tokens = [token.text for token in doc]
    assert "一岗双责" in tokens and "党员先锋岗" in tokens


def test_component_sets_codes_role_and_evidence_spans() -> None:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("lzp_tagger", config={"mode": "rules"})
    doc = nlp("有的单位存在重业务轻党建现象，党建与业务未同谋划同部署。")
    assert {"D2", "M5"} <= set(doc._.codes)
    assert doc._.role in {"problem", "cause"}
    labels = {span.label_ for span in doc.spans["lzp_evidence"]}
    assert "D2" in labels
    assert any("重业务轻党建" in span.text for span in doc.spans["lzp_evidence"])
