"""spaCy integration: the tagger as a pipeline component (``nlp.add_pipe("lzp_tagger")``).

The component tags a Doc as one passage and sets ``doc._.codes``, ``doc._.role``, ``doc._.scores``
and ``doc._.evidence``; rule evidence becomes ``doc.spans["lzp_evidence"]`` labelled by code.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.tagging.tagger import MODEL_PATH, Tagger

for _name, _default in (("codes", None), ("role", None), ("scores", None), ("evidence", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class CodebookTagger:
    """Sets codes, role, scores and evidence on a Doc; ``mode`` is rules, model or combined."""

    def __init__(self, tagger: Tagger, *, mode: str = "combined") -> None:
        self.tagger = tagger
        self.mode = mode

    def __call__(self, doc: Doc) -> Doc:
        (result,) = self.tagger.tag_document([doc.text], mode=self.mode)
        doc._.codes, doc._.role = result.codes, result.role
        doc._.scores, doc._.evidence = result.scores, result.evidence
        spans = []
        for item in result.evidence:
            if "start" in item and item["end"] > item["start"]:
                span = doc.char_span(item["start"], item["end"], label=item["code"], alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["lzp_evidence"] = spans
        return doc


@Language.factory("lzp_tagger", default_config={"mode": "combined", "model_path": str(MODEL_PATH)})
def make_codebook_tagger(nlp: Language, name: str, mode: str, model_path: str) -> CodebookTagger:
    tagger = Tagger() if mode == "rules" else Tagger.load(__import__("pathlib").Path(model_path))
    return CodebookTagger(tagger, mode=mode)
