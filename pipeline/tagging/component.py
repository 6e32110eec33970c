"""spaCy integration: the tagger as a pipeline component (``nlp.add_pipe("lzp_tagger")``).

The component tags a Doc as one passage and sets ``doc._.codes``, ``doc._.role``, ``doc._.scores``
and ``doc._.evidence``; rule evidence becomes ``doc.spans["lzp_evidence"]`` labelled by code.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import config
from pipeline.tagging.codebook import load_codebook
from pipeline.tagging.tagger import Tagger

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


@Language.factory("lzp_tagger", default_config={"mode": "combined", "model_path": str(config.MODEL_PATH),
                                                "codebook_path": str(config.CODEBOOK_PATH)})
def make_codebook_tagger(nlp: Language, name: str, mode: str, model_path: str, codebook_path: str) -> CodebookTagger:
    """spaCy's factory: the codebook and model are named in the pipeline config (``nlp.add_pipe("lzp_tagger",
    config={"codebook_path": …, "model_path": …})``) and loaded once here."""
    codebook = load_codebook(Path(codebook_path))
    tagger = Tagger(codebook) if mode == "rules" else Tagger.load(Path(model_path), codebook)
    return CodebookTagger(tagger, mode=mode)
