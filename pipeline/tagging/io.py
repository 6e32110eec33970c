"""File-level entry points of the tagging stage: the JSON-lines tag contract, training, evaluation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from pipeline import config
from pipeline.errors import UsageError
from pipeline.storage import atomic_path, write_text_atomic
from pipeline.tagging.evaluate import SystemScores, leave_one_document_out, render_markdown
from pipeline.tagging.tagger import MODEL_PATH, Tagger, group_by_document, load_gold


def _read_lines(path: Path) -> Iterator[dict]:
    if not path.exists():
        raise UsageError(f"no such file: {path}")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{path}:{number}: not JSON ({error.msg})") from error
            if not isinstance(record, dict) or "id" not in record or "text" not in record:
                raise UsageError(f"{path}:{number}: each line needs 'id' and 'text'")
            yield record


def count_lines(path: Path) -> int:
    """Non-blank lines of a JSON-lines file (the passages a tag run will process)."""
    if not path.exists():
        raise UsageError(f"no such file: {path}")
    with path.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def tag_jsonl(input_path: Path, output_path: Path, *, mode: str = "combined", model_path: Path = MODEL_PATH,
              progress: Callable[[int], None] | None = None) -> int:
    """Tag ``{"id", "doc", "text"}`` lines; write one ``{"id", "codes", "role", "scores", "evidence"}`` per line.

    ``progress`` is called with the number of passages tagged after each batch.
    """
    tagger = Tagger() if mode == "rules" else Tagger.load(model_path)
    count = 0
    documents = (list(group) for _, group in groupby(_read_lines(input_path), key=lambda record: record.get("doc")))
    with atomic_path(output_path) as temporary, temporary.open("w", encoding="utf-8") as out:
        for batch in _batches(documents, size=BATCH_PASSAGES):
            tagged = tagger.tag_documents([[str(r["text"]) for r in records] for records in batch], mode=mode)
            for records, results in zip(batch, tagged, strict=True):
                for record, result in zip(records, results, strict=True):
                    out.write(json.dumps({"id": record["id"], "codes": result.codes, "role": result.role,
                                          "scores": result.scores, "evidence": result.evidence},
                                         ensure_ascii=False) + "\n")
                    count += 1
            if progress is not None:
                progress(count)
    return count


BATCH_PASSAGES = 2000  # documents are tagged in batches of about this many passages


def _batches(documents: Iterator[list[dict]], *, size: int) -> Iterator[list[list[dict]]]:
    batch: list[list[dict]] = []
    total = 0
    for records in documents:
        batch.append(records)
        total += len(records)
        if total >= size:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def train(gold_path: Path, model_path: Path = MODEL_PATH) -> Path:
    """Train on all gold documents, save the model and refresh its model card."""
    gold = load_gold(gold_path)
    tagger = Tagger().fit(group_by_document(gold))
    tagger.save(model_path)
    calibrate_matching()
    card = model_path.parent / "README.md"
    thresholds = ", ".join(f"{code} {value:.2f}" for code, value in tagger.thresholds.items())
    write_text_atomic(card, MODEL_CARD.format(
        n_passages=len(gold), n_documents=tagger.metadata["n_documents"], thresholds=thresholds,
        role_weight=tagger.role_rule_weight, evaluation=_evaluation_summary(),
    ))
    return model_path


def _evaluation_summary() -> str:
    report = config.DOCS_DIR / "evaluation.md"
    if not report.exists():
        return "Run `make evaluate` for held-out figures."
    lines = report.read_text(encoding="utf-8").splitlines()
    start = lines.index("### Summary") if "### Summary" in lines else 0
    table = [line for line in lines[start + 1:start + 10] if line.startswith("|")]
    return "\n".join(["Held-out (leave-one-document-out) figures from `docs/evaluation.md`:", "", *table])


def evaluate(gold_path: Path, report_path: Path, *,
             progress: Callable[[str], None] | None = None) -> dict[str, SystemScores]:
    """Tagger (leave-one-document-out), requirement matching and figures → one Markdown report."""
    from pipeline.gap import evaluate as gap_evaluation

    gold = load_gold(gold_path)
    results = leave_one_document_out(gold, progress=progress)
    if progress is not None:
        progress("matching and figures")
    analysis = _sample_analysis()
    matching = gap_evaluation.evaluate_matching(analysis)
    figures = gap_evaluation.evaluate_figures(analysis.corpus, analysis.figures)
    write_text_atomic(report_path, render_markdown(results, gold) + "\n" + gap_evaluation.render_markdown(matching, figures))
    return results


def _sample_analysis() -> Any:
    """The sample corpus analysed with the rule tagger only, so that no learned component trained on
    these passages enters the matching and figure figures."""
    from pipeline.corpus import ingest
    from pipeline.gap.analysis import analyze

    return analyze(ingest([config.SAMPLE_DIR]), tagger=Tagger(), tagger_mode="rules")


def calibrate_matching() -> float:
    """Choose the matching threshold on all labelled pairs and save it to ``models/matching.json``."""
    from pipeline.gap import evaluate as gap_evaluation

    analysis = _sample_analysis()
    scores = gap_evaluation.evaluate_matching(analysis)
    gap_evaluation.save_threshold(scores.final_threshold)
    return scores.final_threshold


MODEL_CARD = """# models/tagger.skops — model card

**What it is.** The learned half of lzp's codebook tagger: a scikit-learn pipeline that predicts the
codes D1–D6 / M1–M6 of a passage (one-vs-rest logistic regression, sigmoid-calibrated where a code has
enough positives) and its role (multinomial logistic regression), combined with the rule tagger
(`corpora/codebook.yaml`) by per-code thresholds. Saved with skops; loading trusts only scikit-learn,
NumPy/SciPy and lzp's own estimator types.

**Data.** `corpora/annotations/gold.jsonl`: {n_passages} passages of {n_documents} documents of the
sample corpus, annotated following `docs/annotation-guide.md`.

**Features.** Character 1–2-grams (TF-IDF), jieba content words with the domain dictionary, rule hit
counts per code for the passage and for its enclosing headings (weighted ×2), role-cue scores of the
passage and of its nearest heading, document type, the section hint of the nearest heading
(做法 / 问题 / 原因 / 对策 …), heading and policy flags.

**Combination.** Code score = 0.5 × rule hit + 0.5 × model probability, kept when ≥ the code's
threshold ({thresholds}). Role = argmax(model probability + {role_weight} × rule role).
Thresholds and the role weight are tuned by leave-one-document-out on the training documents; a
threshold other than 0.5 (where a rule hit decides) is kept only if it gains 0.02 F1 there.

**Metrics.** {evaluation}

**Limits.** Eight documents from five sources: figures have wide uncertainty, rare codes (D1, D6)
have few examples. Retrain (`make train`) after adding annotations to the gold file. The codebook's
terms and role cues were written with the sample corpus in view, so held-out figures on these same
documents overstate what to expect on new ones; see `docs/evaluation.md`.
"""
