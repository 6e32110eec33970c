"""Leave-one-document-out evaluation of the tagger on the gold annotations.

For each document, the model is trained (and its thresholds tuned, by an inner leave-one-document-
out) on the other documents only, then the held-out document is tagged. Scores pool the held-out
predictions of all folds. Four systems are compared: a plain keyword baseline (codebook terms as
substrings; role = the cue class with most hits), rules only, model only and combined.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from pipeline.tagging.codebook import ROLES, Codebook
from pipeline.tagging.rules import RoleRules, RuleMatcher
from pipeline.tagging.tagger import GoldPassage, Tagger, group_by_document

SYSTEMS = ("keyword baseline", "rules only", "model only", "combined")


@dataclass
class SystemScores:
    """Pooled held-out scores of one system."""

    per_code: dict[str, tuple[float, float, float, int]]  # precision, recall, f1, support
    macro_f1: float
    micro_f1: float
    role_accuracy: float
    code_confusions: list[tuple[str, str, int]]
    role_confusions: list[tuple[str, str, int]]
    predicted_codes: list[set[str]] = field(default_factory=list)  # held-out, in gold order
    predicted_roles: list[str] = field(default_factory=list)
    passages: list[GoldPassage] = field(default_factory=list)  # the gold passages, in the same order


def _prf(predicted: list[set[str]], gold: list[set[str]], code: str) -> tuple[float, float, float, int]:
    tp = sum(1 for p, g in zip(predicted, gold, strict=True) if code in p and code in g)
    fp = sum(1 for p, g in zip(predicted, gold, strict=True) if code in p and code not in g)
    fn = sum(1 for p, g in zip(predicted, gold, strict=True) if code not in p and code in g)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def score(predicted_codes: list[set[str]], predicted_roles: list[str], gold: list[GoldPassage], *,
          codes: tuple[str, ...]) -> SystemScores:
    """Per-code, macro and micro scores over ``codes`` (the codebook's), role accuracy, confusions."""
    gold_codes = [set(p.codes) for p in gold]
    per_code = {code: _prf(predicted_codes, gold_codes, code) for code in codes}
    tp = sum(len(p & g) for p, g in zip(predicted_codes, gold_codes, strict=True))
    fp = sum(len(p - g) for p, g in zip(predicted_codes, gold_codes, strict=True))
    fn = sum(len(g - p) for p, g in zip(predicted_codes, gold_codes, strict=True))
    micro = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    macro = float(np.mean([f1 for _, _, f1, _ in per_code.values()]))
    accuracy = float(np.mean([p == g.role for p, g in zip(predicted_roles, gold, strict=True)]))
    confusions: Counter[tuple[str, str]] = Counter()
    for predicted, actual in zip(predicted_codes, gold_codes, strict=True):
        for missing in actual - predicted:
            for extra in predicted - actual or {"(none)"}:
                confusions[(missing, extra)] += 1
        for extra in predicted - actual:
            if not actual - predicted:
                confusions[("(none)", extra)] += 1
    role_confusions = Counter((g.role, p) for p, g in zip(predicted_roles, gold, strict=True) if p != g.role)
    return SystemScores(
        per_code, macro, micro, accuracy,
        [(a, b, n) for (a, b), n in confusions.most_common(8)],
        [(a, b, n) for (a, b), n in role_confusions.most_common(6)],
        list(predicted_codes), list(predicted_roles), list(gold),
    )


BOOTSTRAP_SAMPLES = 2000


@dataclass(frozen=True)
class Difference:
    """Combined minus another system, with a 95 % interval from resampling whole documents."""

    metric: str
    observed: float
    low: float
    high: float
    share_above_zero: float


def paired_bootstrap(a: SystemScores, b: SystemScores, *, samples: int = BOOTSTRAP_SAMPLES,
                     seed: int = 0) -> list[Difference]:
    """Macro-F1 and role-accuracy differences ``a - b`` with a paired bootstrap over documents.

    Documents, not passages, are drawn with replacement (passages of one document are not
    independent); both systems are scored on the same draw. ``share_above_zero`` is the share of
    draws in which ``a`` is strictly ahead.
    """
    if [p.passage_id for p in a.passages] != [p.passage_id for p in b.passages] or not a.passages:
        raise ValueError("both systems must be scored on the same passages, in the same order")
    gold = a.passages
    codes = tuple(a.per_code)
    truth = np.array([[code in p.codes for code in codes] for p in gold])
    documents = sorted({p.doc_id for p in gold})
    rows = [np.array([i for i, p in enumerate(gold) if p.doc_id == doc]) for doc in documents]

    def arrays(system: SystemScores) -> tuple[np.ndarray, np.ndarray]:
        predicted = np.array([[code in row for code in codes] for row in system.predicted_codes])
        return predicted, np.array([r == p.role for r, p in zip(system.predicted_roles, gold, strict=True)])

    def metrics(predicted: np.ndarray, correct: np.ndarray, index: np.ndarray) -> np.ndarray:
        p, g = predicted[index], truth[index]
        tp = (p & g).sum(axis=0)
        denominator = p.sum(axis=0) + g.sum(axis=0)
        f1 = np.divide(2 * tp, denominator, out=np.zeros(len(codes)), where=tp > 0)
        return np.array([f1.mean(), correct[index].mean()])

    first, second = arrays(a), arrays(b)
    everything = np.arange(len(gold))
    observed = metrics(*first, everything) - metrics(*second, everything)
    rng = np.random.default_rng(seed)
    draws = np.empty((samples, 2))
    for n in range(samples):
        index = np.concatenate([rows[k] for k in rng.integers(0, len(documents), size=len(documents))])
        draws[n] = metrics(*first, index) - metrics(*second, index)
    return [
        Difference(name, float(observed[k]), float(np.percentile(draws[:, k], 2.5)),
                   float(np.percentile(draws[:, k], 97.5)), float(np.mean(draws[:, k] > 1e-12)))
        for k, name in enumerate(("macro-F1", "role accuracy"))
    ]


def _keyword_baseline(codebook: Codebook) -> Callable[[list[str]], tuple[list[set[str]], list[str]]]:
    matcher = RuleMatcher(codebook)
    cues = RoleRules(codebook)._cues

    def predict(texts: list[str]) -> tuple[list[set[str]], list[str]]:
        codes = [{hit.code for hit in matcher.keyword_hits(text)} for text in texts]
        roles = []
        for text in texts:
            counts = {role: len(cue.findall(text)) if cue is not None else 0 for role, cue in cues.items()}
            best = max(ROLES, key=lambda role: counts[role])
            roles.append(best if counts[best] else "other")
        return codes, roles

    return predict


def source_of(doc_id: str) -> str:
    """The source file of a gold document: the articles ``…-a2`` of one compilation share it."""
    return doc_id.rsplit("-a", 1)[0] if doc_id.rsplit("-a", 1)[-1].isdigit() else doc_id


def leave_one_document_out(gold: list[GoldPassage], *, codebook: Codebook,
                           extra_training: list[GoldPassage] = (),
                           group_of: Callable[[str], str] | None = None,
                           progress: Callable[[str], None] | None = None) -> dict[str, SystemScores]:
    """Scores of every system, pooled over held-out documents.

    ``group_of`` maps a document id to its fold (default: each document its own fold;
    :func:`source_of` holds out all articles of one source file together). ``extra_training``
    passages (sentences written for training) join every training fold and are never scored.
    """
    extra = group_by_document(extra_training)
    documents = group_by_document(gold)
    fold_of = group_of or (lambda doc_id: doc_id)
    folds: dict[str, list[str]] = {}
    for doc_id in sorted(documents):
        folds.setdefault(fold_of(doc_id), []).append(doc_id)
    predictions: dict[str, tuple[list[set[str]], list[str]]] = {system: ([], []) for system in SYSTEMS}
    ordered_gold: list[GoldPassage] = []
    baseline = _keyword_baseline(codebook)
    rules_tagger = Tagger(codebook)
    for fold, held_out in folds.items():
        if progress is not None:
            progress(fold)
        train = {name: passages for name, passages in documents.items() if name not in held_out}
        trained = Tagger(codebook).fit(train, extra=extra)
        for doc_id in held_out:
            texts = [p.text for p in documents[doc_id]]
            ordered_gold.extend(documents[doc_id])
            codes, roles = baseline(texts)
            predictions["keyword baseline"][0].extend(codes)
            predictions["keyword baseline"][1].extend(roles)
            for system, tagger, mode in (("rules only", rules_tagger, "rules"), ("model only", trained, "model"),
                                         ("combined", trained, "combined")):
                results = tagger.tag_document(texts, mode=mode)
                predictions[system][0].extend(set(r.codes) for r in results)
                predictions[system][1].extend(r.role for r in results)
    return {system: score(codes, roles, ordered_gold, codes=codebook.code_ids)
            for system, (codes, roles) in predictions.items()}


def render_markdown(results: dict[str, SystemScores], gold: list[GoldPassage], codebook: Codebook, *,
                    by_source: dict[str, SystemScores] | None = None, n_written: int = 0) -> str:
    """The evaluation report (``docs/evaluation.md``); ``by_source``: the leave-one-source-out scores."""
    documents = group_by_document(gold)
    code_counts = Counter(code for p in gold for code in p.codes)
    role_counts = Counter(p.role for p in gold)
    lines = [
        "# Evaluation",
        "",
        "Tagger, requirement matching and figure extraction, measured against the hand labels in "
        "`corpora/annotations/`.",
        "",
        "## Tagger",
        "",
        "Produced by `make evaluate` (`lzp evaluate`) on `corpora/annotations/gold.jsonl`: "
        f"{len(gold)} passages in {len(documents)} documents (the near-duplicate article is excluded).",
        "",
        "Method: leave-one-document-out. For each document the model is trained, and its per-code thresholds "
        "tuned by an inner leave-one-document-out, on the other documents only; the "
        "held-out document is then tagged. Figures pool the held-out predictions of all folds. No figure "
        "here is computed on training data.",
        "",
        "### Summary",
        "",
        f"| system | macro-F1 ({len(codebook.codes)} codes) | micro-F1 | role accuracy |",
        "|---|---:|---:|---:|",
    ]
    for system in SYSTEMS:
        s = results[system]
        lines.append(f"| {system} | {s.macro_f1:.3f} | {s.micro_f1:.3f} | {s.role_accuracy:.3f} |")
    lines += ["", "### Is combined ahead?", "",
              "Combined minus each other system, with a 95 % interval from a paired bootstrap that redraws "
              f"whole documents ({BOOTSTRAP_SAMPLES} draws, fixed seed); \"ahead in\" is the share of draws in "
              "which combined is strictly ahead. An interval that straddles 0 means the data cannot tell the "
              "two apart.", "",
              "| compared with | metric | difference | 95 % interval | ahead in |", "|---|---|---:|---:|---:|"]
    for system in SYSTEMS[:-1]:
        for diff in paired_bootstrap(results["combined"], results[system]):
            lines.append(f"| {system} | {diff.metric} | {diff.observed:+.4f} | [{diff.low:+.3f}, {diff.high:+.3f}] "
                         f"| {diff.share_above_zero:.0%} |")
    lines += ["", "### Per code (F1; precision / recall in brackets)", "",
              "| code | support | " + " | ".join(SYSTEMS) + " |", "|---|---:|" + "---:|" * len(SYSTEMS)]
    for code in codebook.code_ids:
        cells = []
        for system in SYSTEMS:
            p, r, f, _ = results[system].per_code[code]
            cells.append(f"{f:.2f} ({p:.2f}/{r:.2f})")
        lines.append(f"| {code} {codebook.name(code)} | {code_counts[code]} | " + " | ".join(cells) + " |")
    combined = results["combined"]
    lines += ["", "### Most frequent confusions (combined)", "",
              "Codes: gold code missed → code predicted instead (`(none)` = nothing predicted / no gold code).", "",
              "| gold | predicted | passages |", "|---|---|---:|"]
    lines += [f"| {a} | {b} | {n} |" for a, b, n in combined.code_confusions]
    lines += ["", "Roles:", "", "| gold role | predicted role | passages |", "|---|---|---:|"]
    lines += [f"| {a} | {b} | {n} |" for a, b, n in combined.role_confusions]
    lines += [
        "", "### Caveats", "",
        "- The codebook (`corpora/codebook.yaml`: terms, patterns, role cues, section hints) was written "
        "with these same sample documents in view, and the gold annotators worked with the codebook in hand. "
        "Rules-only and combined figures are therefore optimistic: leave-one-document-out holds out "
        "documents from the *model*, not from the people who wrote the rules. The codebook's wider field "
        "vocabulary and the discourse rules for roles were written from public documents outside the "
        "sample, and the code terms, their masks and object gates and the role rules were refined against "
        "the errors of development sets of real documents labelled from the domain brief (kept outside the "
        "project: their texts are other people's). Expect markedly lower figures on new documents than "
        "here.",
        "- The gold follows the domain brief's convention that 党建与业务 两张皮 named as something to solve "
        "(破解“两张皮”) is D2; 35 sample passages were relabelled to it when the rule was added.",
        "- With eight documents, one passage moves a rare code's F1 a lot ("
        + ", ".join(f"{code} has {code_counts[code]} gold passages"
                    for code in sorted(codebook.code_ids, key=lambda c: code_counts[c])[:2]) + ").",
        "- The learned model alone is weak on this little data; its value is in adding codes the rules miss, "
        "not in replacing the rules. The role is the rule role: on real documents outside the sample every "
        "weighting that let the model override it lowered role accuracy. Combined and rules-only differ by "
        "a passage or two: see the bootstrap intervals above before reading a ranking into them.",
        "- The model's feature set (character 1–2-grams, rule features weighted ×2, heading role cues) was "
        "chosen among eight variants by held-out figures on this sample, so the choice itself adds a little "
        "optimism.",
    ]
    if by_source is not None:
        sources = sorted({source_of(p.doc_id) for p in gold})
        lines += ["", "### Leave one source out", "",
                  f"The same systems with every article of one source file held out together ({len(sources)} "
                  "folds: the compilation's five articles, two of them near-duplicates, never straddle training "
                  "and test).", "",
                  f"| system | macro-F1 ({len(codebook.codes)} codes) | micro-F1 | role accuracy |", "|---|---:|---:|---:|"]
        for system in SYSTEMS:
            s = by_source[system]
            lines.append(f"| {system} | {s.macro_f1:.3f} | {s.micro_f1:.3f} | {s.role_accuracy:.3f} |")
        lines += ["", "| code | rules only | combined |", "|---|---:|---:|"]
        for code in codebook.code_ids:
            cells = []
            for system in ("rules only", "combined"):
                p, r, f, _ = by_source[system].per_code[code]
                cells.append(f"{f:.2f} ({p:.2f}/{r:.2f})")
            lines.append(f"| {code} | " + " | ".join(cells) + " |")
    if n_written:
        lines += ["", "### Sentences written for training", "",
                  f"Every training fold (and the shipped model) also learns from {n_written} sentences the project "
                  "wrote itself (`corpora/annotations/written.jsonl`, marked `written_for_training`). They are "
                  "never scored: every figure above is on held-out sample documents only."]
    lines += ["", "### Gold set", "", "| code | passages |", "|---|---:|"]
    lines += [f"| {code} | {code_counts[code]} |" for code in codebook.code_ids]
    lines += ["", "| role | passages |", "|---|---:|"]
    lines += [f"| {role} | {role_counts[role]} |" for role in ROLES]
    return "\n".join(lines) + "\n"
