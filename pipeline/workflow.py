"""The workflows: analyse a set of paths, tag a JSON-lines file, train, evaluate.

This is the one module that composes the stages (ingest → normalise/structure → segment → tagging
→ gap → reports). Each workflow loads one codebook and at most one model, passes them down, and
writes only where its caller says. The CLI parses arguments, calls these functions, renders
progress and turns :class:`~pipeline.errors.LzpError` into exit codes.

From Python::

    from pipeline import workflow
    run = workflow.analyse([Path("reports")], out=Path("results"), policy=(Path("reports/意见.pdf"),))
    run.analysis.matches[:3]
"""

from __future__ import annotations

import fcntl
import json
import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from pipeline import __version__, config
from pipeline.cache import CACHE_FOLDER, FILES_FOLDER, EntryStore, IngestCache, carry_over
from pipeline.corpus import Corpus, discover, ingest, read_metadata_manifest, write_corpus
from pipeline.errors import ModelError, UsageError
from pipeline.gap import evaluate as gap_evaluation
from pipeline.gap.analysis import Analysis, analyze
from pipeline.gap.matching import load_calibration
from pipeline.gap.review import ReviewImport, read_review, write_pairs
from pipeline.reports.publish import write_report_parts, write_reports
from pipeline.reports.qdpx import import_qdpx, write_qdpx
from pipeline.reports.render import RUN_FILE
from pipeline.reports.stats import write_stats
from pipeline.reports.store import write_store
from pipeline.reports.tables import write_tables
from pipeline.storage import write_text_atomic
from pipeline.tagging.cache import TAGS_FOLDER, TagCache, tagging_fingerprint
from pipeline.tagging.codebook import Codebook, load_codebook
from pipeline.tagging.evaluate import SystemScores, leave_one_document_out, render_markdown, source_of
from pipeline.tagging.io import tag_jsonl
from pipeline.tagging.tagger import Tagger, group_by_document, load_gold

log = logging.getLogger("lzp")

RULES_ONLY_NOTE = "本次分析仅使用规则标注：{reason}。"


@dataclass(frozen=True)
class TaggerChoice:
    """The tagger a workflow runs with, and why (``note`` is empty for the trained model)."""

    tagger: Tagger
    mode: str  # "combined" or "rules"
    model_path: Path | None
    note: str = ""


@dataclass
class AnalysisRun:
    """What :func:`analyse` produced."""

    corpus: Corpus
    analysis: Analysis
    tagger: TaggerChoice
    codebook_path: Path
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def units(self) -> dict[str, dict[str, int]]:
        """Per unit: counts of verdicts by status and of figures."""
        doc_units = {doc_id: unit for unit, doc_ids in self.analysis.units.items() for doc_id in doc_ids}
        totals = {unit: {"evidenced": 0, "mentioned": 0, "no evidence": 0, "figures": 0}
                  for unit in self.analysis.units}
        for match in self.analysis.matches:
            totals.setdefault(match.unit, {"evidenced": 0, "mentioned": 0, "no evidence": 0, "figures": 0})
            totals[match.unit][match.status] += 1
        for figure in self.analysis.figures:
            unit = doc_units.get(figure.doc_id)
            if unit in totals:
                totals[unit]["figures"] += 1
        return totals


# --- loading ---------------------------------------------------------------------------------------


def load_project_codebook(path: Path | None = None) -> Codebook:
    """The codebook at ``path`` (default: the project codebook)."""
    return load_codebook(Path(path) if path is not None else config.CODEBOOK_PATH)


def _is_project_codebook(path: Path | None) -> bool:
    return path is None or Path(path).resolve() == config.CODEBOOK_PATH.resolve()


def choose_tagger(codebook: Codebook, *, codebook_path: Path | None = None,
                  model_path: Path | None = None) -> TaggerChoice:
    """The trained tagger for ``codebook``, or its rule tagger with the reason why.

    A model named explicitly must load and fit the codebook (else :class:`ModelError`); the shipped
    model is used only with the project codebook, and a missing or unusable shipped model falls
    back to rules with a logged warning.
    """
    if model_path is not None:
        model_path = Path(model_path)
        return TaggerChoice(Tagger.load(model_path, codebook), "combined", model_path)
    if not _is_project_codebook(codebook_path):
        reason = f"没有为编码表 {Path(codebook_path).name} 训练的模型（可用 lzp train --codebook … 训练后以 --model 指定）"
        log.warning("no model for codebook %s: tagging with rules only", codebook_path)
        return TaggerChoice(Tagger(codebook), "rules", None, RULES_ONLY_NOTE.format(reason=reason))
    try:
        return TaggerChoice(Tagger.load(config.MODEL_PATH, codebook), "combined", config.MODEL_PATH)
    except ModelError as error:
        log.warning("%s; tagging with rules only", error)
        return TaggerChoice(Tagger(codebook), "rules", None,
                            RULES_ONLY_NOTE.format(reason=f"模型不可用（{error}）"))


# --- analyse ---------------------------------------------------------------------------------------


@dataclass
class OutputFolder:
    """Where a run writes: ``stage`` while it runs; ``final`` once it succeeded. ``log_path`` is where
    the run's log ends up (the failed-run folder when it did not succeed)."""

    final: Path
    stage: Path
    failed: Path
    succeeded: bool = False

    @property
    def log_path(self) -> Path:
        folder = self.final if self.succeeded else self.failed if not self.stage.exists() else self.stage
        return folder / config.LOG_FILE_NAME


@contextmanager
def output_folder(out: Path) -> Iterator[OutputFolder]:
    """Write a run into a staging folder beside ``out`` that replaces ``out`` only when complete.

    One run at a time per folder: a second run into the same ``out`` is a :class:`UsageError`. Left-overs
    of a killed run (staging folders, temporary files) are removed first. A run that fails leaves
    ``out`` as it was and keeps what it wrote, its log included, in ``<out>.failed/``. The cache of
    ``out`` (``out/cache``) is carried into the staging folder (hard links), so that the run can reuse it.
    """
    out = Path(out).absolute()
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file: name a folder")
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create the output folder {out}: {error.strerror}") from error
    if not os.access(parent, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK | os.X_OK)):
        raise UsageError(f"cannot write to {out}: permission denied")
    lock_path = parent / f".{out.name}.lzp-lock"
    handle = lock_path.open("w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise UsageError(f"another lzp run is writing to {out}: wait for it to finish") from None
    try:
        for leftover in [*parent.glob(f".{out.name}.staging-*"), *parent.glob(f".{out.name}.old-*")]:
            shutil.rmtree(leftover, ignore_errors=True)
        if out.is_dir():
            for temporary in out.rglob(".*.tmp"):
                temporary.unlink(missing_ok=True)
        folder = OutputFolder(final=out, stage=parent / f".{out.name}.staging-{os.getpid()}",
                              failed=parent / f"{out.name}.failed")
        folder.stage.mkdir()
        carry_over(out / CACHE_FOLDER, folder.stage / CACHE_FOLDER)
        try:
            yield folder
        except BaseException:
            shutil.rmtree(folder.failed, ignore_errors=True)
            os.replace(folder.stage, folder.failed)
            raise
        old = parent / f".{out.name}.old-{os.getpid()}"
        if out.exists():
            os.replace(out, old)
        os.replace(folder.stage, out)
        folder.succeeded = True
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(folder.failed, ignore_errors=True)
    finally:
        lock_path.unlink(missing_ok=True)
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


# Below this a worker cannot even hold its own libraries: every file would fail.
MIN_MEMORY_BYTES = 256 * 2**20


def check_limits(*, timeout: float, max_bytes: int, max_memory: int | None = config.DEFAULT_MAX_MEMORY_BYTES) -> None:
    """Per-file limits that make sense, or a :class:`UsageError` naming the option."""
    if not timeout > 0:
        raise UsageError(f"--timeout must be a positive number of seconds, not {timeout:g}")
    if max_bytes <= 0:
        raise UsageError("--max-mb must be a positive number of megabytes")
    if max_memory is not None and max_memory < MIN_MEMORY_BYTES:
        raise UsageError(f"--max-memory-mb must be at least {MIN_MEMORY_BYTES // 2**20} (the worker itself needs "
                         f"about that much), not {max_memory // 2**20}")


def check_request(paths: Sequence[Path], *, policy: Sequence[Path] = (), manifest: Path | None = None,
                  timeout: float, max_bytes: int, max_memory: int | None = config.DEFAULT_MAX_MEMORY_BYTES) -> None:
    """Everything a run needs, checked before anything is read or written: a :class:`UsageError`
    naming the first problem."""
    check_limits(timeout=timeout, max_bytes=max_bytes, max_memory=max_memory)
    for path in paths:
        if not os.path.lexists(path):
            raise UsageError(f"no such file or folder: {path}")
    _with_policies(paths, policy)
    if manifest is not None:
        read_metadata_manifest(Path(manifest))


def _with_policies(paths: Sequence[Path], policy: Sequence[Path]) -> list[Path]:
    """The inputs plus every named policy file that lies outside them (it is read as the yardstick)."""
    inputs = [Path(path) for path in paths]
    for path in policy:
        if not Path(path).is_file():
            raise UsageError(f"--policy {path}: no such file")
        resolved = Path(path).resolve()
        inside = any(resolved == p.resolve() or p.resolve() in resolved.parents for p in inputs)
        if not inside:
            inputs.append(Path(path))
    return inputs


def count_inputs(paths: Sequence[Path]) -> int:
    """How many input files ``paths`` expand to (for a progress bar)."""
    found = discover(list(paths))
    return len(found.files) + len(found.rejected)


def analyse(
    paths: Sequence[Path],
    *,
    out: Path,
    codebook_path: Path | None = None,
    model_path: Path | None = None,
    policy: Sequence[Path] = (),
    manifest: Path | None = None,
    timeout: float = config.DEFAULT_TIMEOUT_SECONDS,
    max_bytes: int = config.DEFAULT_MAX_FILE_BYTES,
    max_memory: int | None = config.DEFAULT_MAX_MEMORY_BYTES,
    scheduler: str | None = None,
    follow_links: bool = False,
    title: str | None = None,
    on_file: Callable[[Path, Any], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    cache: bool = True,
) -> AnalysisRun:
    """Ingest ``paths``, tag, match against the policy's requirements and write every output to ``out``:
    ``tables/*.parquet``, ``lzp.duckdb``, ``corpus.qdpx``, the reports and, last, ``run.json``.

    Everything the run needs is checked before ingest starts (limits, the manifest, the policy files;
    a policy outside the input folders is read as the yardstick). ``title`` names the analysis in the
    ``.qdpx`` project (default: the folder name of ``out``).

    Files whose ingest result ``out/cache`` holds are not read again (see :mod:`pipeline.cache`), and
    documents whose tags it holds for this codebook and model are not tagged again
    (:mod:`pipeline.tagging.cache`); ``cache=False`` reads and tags everything (and stores the fresh
    results for the next run).
    """
    check_limits(timeout=timeout, max_bytes=max_bytes, max_memory=max_memory)
    timer = StageTimer(on_stage)
    codebook = load_project_codebook(codebook_path)
    choice = choose_tagger(codebook, codebook_path=codebook_path, model_path=model_path)
    metadata = read_metadata_manifest(Path(manifest)) if manifest else None
    inputs = _with_policies(paths, policy)
    timer("ingest")
    corpus = ingest(inputs, timeout=timeout, max_bytes=max_bytes, max_memory=max_memory, metadata=metadata,
                    on_file=on_file, scheduler=scheduler, follow_links=follow_links, prefer=tuple(policy),
                    cache=IngestCache(Path(out) / CACHE_FOLDER / FILES_FOLDER, read=cache))
    tags = EntryStore(Path(out) / CACHE_FOLDER / TAGS_FOLDER, read=cache)
    fingerprint = tagging_fingerprint(Path(codebook_path) if codebook_path else config.CODEBOOK_PATH, choice.model_path)
    analysis = analyse_corpus(corpus, tagger=choice, policy=policy, on_stage=timer, scheduler=scheduler,
                              tag_cache=TagCache(tags, fingerprint=fingerprint))
    tags.prune()
    run = AnalysisRun(corpus=analysis.corpus, analysis=analysis, tagger=choice,
                      codebook_path=Path(codebook_path) if codebook_path else config.CODEBOOK_PATH)
    timer("write")
    run.outputs.update(write_tables(analysis, out, store=False))  # the DuckDB store: with the outputs
    project_name = f"lzp: {title or Path(out).resolve().name}"
    write_run_info(run, out)  # the reports show its notes and errors
    run.outputs.update(write_outputs(out, codebook=codebook, project_name=project_name,
                                     parallel=len(analysis.corpus.passages) >= PARALLEL_WRITE_MIN_PASSAGES))
    run.outputs["run"] = write_run_info(run, out)  # rewritten last: its presence marks a complete run
    timer.done()
    return run


class StageTimer:
    """Called with each stage's name as it starts: passes it on to ``on_stage`` (a progress display)
    and logs how long the previous stage took (``stage <name> <seconds> s`` in ``lzp.log``, at INFO)."""

    def __init__(self, on_stage: Callable[[str], None] | None = None) -> None:
        self.on_stage = on_stage
        self.seconds: dict[str, float] = {}
        self._current: tuple[str, float] | None = None

    def __call__(self, name: str) -> None:
        self.done()
        self._current = (name, time.perf_counter())
        if self.on_stage is not None and name != "ingest":
            self.on_stage(name)

    def done(self) -> None:
        if self._current is not None:
            name, began = self._current
            self.seconds[name] = round(time.perf_counter() - began, 3)
            log.info("stage %s %.3f s", name, self.seconds[name])
            self._current = None


# Report groups written side by side, longest first: the Excel workbook alone about equals the others.
REPORT_GROUPS: tuple[tuple[str, ...], ...] = (("excel",), ("html", "markdown", "word"))
# Below this many passages the outputs are written one after the other (starting processes costs more).
PARALLEL_WRITE_MIN_PASSAGES = 5_000


def write_outputs(out: Path, *, codebook: Codebook, project_name: str, parallel: bool) -> dict[str, Path]:
    """The DuckDB store, the QDA project, the text statistics and the reports of an analysis directory
    whose tables are written.

    With ``parallel`` (and more than one core) they are written side by side in worker processes: the
    Excel workbook (which does not show the statistics) from the start beside the statistics, the other
    report groups of :data:`REPORT_GROUPS` (which show them) once the statistics are written, the QDA
    project and the DuckDB store in the gaps; this process only waits, so its memory does not grow
    with what they build. The files are the same either way.
    """
    workers = min(len(REPORT_GROUPS), os.cpu_count() or 1)
    if not parallel or workers < 2:
        outputs = write_store(out)
        outputs["qdpx"] = write_qdpx(out, codebook=codebook, project_name=project_name)
        outputs.update(write_stats(out))  # the reports show the statistics
        outputs.update(write_reports(out))
        return outputs
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
        first, *others = REPORT_GROUPS
        reports = [pool.submit(write_report_parts, out, first, tidy=True)]
        stats = pool.submit(write_stats, out)
        outputs = dict(stats.result())
        reports += [pool.submit(write_report_parts, out, group, tidy=False) for group in others]
        qdpx = pool.submit(partial(write_qdpx, codebook=codebook, project_name=project_name), out)
        store = pool.submit(write_store, out)
        outputs.update(store.result())
        outputs["qdpx"] = qdpx.result()
        for group in reports:
            outputs.update(group.result())
    return outputs


def analyse_corpus(corpus: Corpus, *, tagger: TaggerChoice | None = None, policy: Sequence[Path] = (),
                   on_stage: Callable[[str], None] | None = None, scheduler: str | None = None,
                   tag_cache: TagCache | None = None) -> Analysis:
    """The gap analysis of an ingested corpus with the given tagger (default: the shipped one) and the
    saved matching threshold; tagging and matching run where ``scheduler`` says, the documents
    ``tag_cache`` holds are not tagged again (see :func:`analyze`)."""
    choice = tagger or choose_tagger(load_project_codebook())
    return analyze(corpus, tagger=choice.tagger, tagger_mode=choice.mode, policy_paths=tuple(policy),
                   calibration=load_calibration(config.MATCHING_PATH), on_stage=on_stage, scheduler=scheduler,
                   tag_cache=tag_cache)


def write_run_info(run: AnalysisRun, out: Path) -> Path:
    """``out/run.json``: which codebook and tagger produced the analysis, and what it holds."""
    info = {
        "lzp_version": __version__,
        "codebook": run.codebook_path.name,
        "codebook_title": run.analysis.codebook.title,
        "tagger_mode": run.tagger.mode,
        "tagger_note": run.tagger.note,
        "errors": run.analysis.errors,
        "warnings": run.corpus.warnings,
        "model": run.tagger.model_path.name if run.tagger.model_path else None,
        "n_files": len(run.corpus.manifest),
        "n_documents": len(run.corpus.documents),
        "n_requirements": len(run.analysis.requirements),
        "n_units": len(run.analysis.units),
    }
    return write_text_atomic(out / RUN_FILE, json.dumps(info, ensure_ascii=False, indent=2) + "\n")


def ingest_only(paths: Sequence[Path], *, out: Path, timeout: float = config.DEFAULT_TIMEOUT_SECONDS,
                max_bytes: int = config.DEFAULT_MAX_FILE_BYTES,
                max_memory: int | None = config.DEFAULT_MAX_MEMORY_BYTES, scheduler: str | None = None,
                follow_links: bool = False, on_file: Callable[[Path, Any], None] | None = None,
                cache: bool = True) -> Corpus:
    """Ingest ``paths`` and write documents, passages, sections and the manifest to ``out``; the ingest
    cache ``out/cache`` as in :func:`analyse`."""
    check_limits(timeout=timeout, max_bytes=max_bytes, max_memory=max_memory)
    corpus = ingest(list(paths), timeout=timeout, max_bytes=max_bytes, max_memory=max_memory, on_file=on_file,
                    scheduler=scheduler, follow_links=follow_links,
                    cache=IngestCache(Path(out) / CACHE_FOLDER / FILES_FOLDER, read=cache))
    write_corpus(corpus, out)
    return corpus


def _notify(callback: Callable[[str], None] | None, name: str) -> None:
    if callback is not None:
        callback(name)


# --- tag -------------------------------------------------------------------------------------------


def tag_file(input_path: Path, output_path: Path, *, mode: str = "combined", codebook_path: Path | None = None,
             model_path: Path | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Tag a JSON-lines file of ``{id, doc, text}`` (see :func:`pipeline.tagging.io.tag_jsonl`)."""
    if mode not in {"rules", "model", "combined"}:
        raise UsageError(f"unknown mode {mode!r}; choose rules, model or combined")
    codebook = load_project_codebook(codebook_path)
    if mode == "rules":
        tagger = Tagger(codebook)
    else:
        tagger = Tagger.load(Path(model_path) if model_path else config.MODEL_PATH, codebook)
    return tag_jsonl(input_path, output_path, tagger=tagger, mode=mode, progress=progress)


# --- train and evaluate ----------------------------------------------------------------------------


def train(
    *,
    gold_path: Path = config.GOLD_PATH,
    codebook_path: Path | None = None,
    model_path: Path = config.MODEL_PATH,
    matching_path: Path | None = None,
    card_path: Path | None = None,
    evaluation_report: Path = config.EVALUATION_REPORT_PATH,
    pairs: Sequence[Path] = (),
) -> Path:
    """Train the tagger on ``gold_path`` and save it to ``model_path`` with its model card.

    For the project codebook the matching calibration is refitted on the labelled pairs (and the
    reviewed pairs in ``pairs``, written by ``lzp review import``) and saved too (``matching_path``,
    default ``models/matching.json``).
    """
    codebook = load_project_codebook(codebook_path)
    gold = load_gold(Path(gold_path), codebook)
    written = _written_for(codebook_path, codebook)
    tagger = Tagger(codebook).fit(group_by_document(gold), extra=group_by_document(written))
    tagger.save(Path(model_path))
    if _is_project_codebook(codebook_path):
        calibrate_matching(codebook, path=matching_path or config.MATCHING_PATH, pairs=pairs)
    card = card_path or Path(model_path).parent / "README.md"
    thresholds = ", ".join(f"{code} {value:.2f}" for code, value in tagger.thresholds.items())
    write_text_atomic(card, MODEL_CARD.format(
        n_passages=len(gold), n_documents=tagger.metadata["n_documents"], thresholds=thresholds,
        n_written=len(written),
        role_weight=tagger.role_rule_weight, evaluation=_evaluation_summary(evaluation_report),
    ))
    return Path(model_path)


def _evaluation_summary(report: Path) -> str:
    if not report.exists():
        return "Run `make evaluate` for held-out figures."
    lines = report.read_text(encoding="utf-8").splitlines()
    start = lines.index("### Summary") if "### Summary" in lines else 0
    table = [line for line in lines[start + 1:start + 10] if line.startswith("|")]
    return "\n".join(["Held-out (leave-one-document-out) figures from `docs/evaluation.md`:", "", *table])


def evaluate(
    *,
    gold_path: Path = config.GOLD_PATH,
    codebook_path: Path | None = None,
    report_path: Path = config.EVALUATION_REPORT_PATH,
    progress: Callable[[str], None] | None = None,
) -> dict[str, SystemScores]:
    """Tagger (leave-one-document-out), and for the project codebook requirement matching and figures,
    in one Markdown report at ``report_path``."""
    codebook = load_project_codebook(codebook_path)
    gold = load_gold(Path(gold_path), codebook)
    written = _written_for(codebook_path, codebook)
    results = leave_one_document_out(gold, codebook=codebook, extra_training=written, progress=progress)
    by_source = leave_one_document_out(gold, codebook=codebook, extra_training=written, group_of=source_of,
                                       progress=progress)
    report = render_markdown(results, gold, codebook, by_source=by_source, n_written=len(written))
    if _is_project_codebook(codebook_path):
        _notify(progress, "matching and figures")
        analysis = sample_analysis(codebook)
        matching = gap_evaluation.evaluate_matching(analysis, path=config.MATCHES_PATH)
        figures = gap_evaluation.evaluate_figures(analysis.corpus, analysis.figures, path=config.FIGURES_PATH)
        report += "\n" + gap_evaluation.render_markdown(matching, figures)
    write_text_atomic(Path(report_path), report)
    return results


def _written_for(codebook_path: Path | None, codebook: Codebook) -> list:
    """The project's sentences written for training, for the project codebook only."""
    if not _is_project_codebook(codebook_path) or not config.WRITTEN_PATH.exists():
        return []
    return load_gold(config.WRITTEN_PATH, codebook)


def sample_analysis(codebook: Codebook) -> Analysis:
    """The sample corpus analysed with the rule tagger only, so that no learned component trained on
    these passages enters the matching and figure figures."""
    return analyze(ingest([config.SAMPLE_DIR]), tagger=Tagger(codebook), tagger_mode="rules")


def calibrate_matching(codebook: Codebook, *, path: Path, pairs: Sequence[Path] = ()) -> float:
    """Fit the matching calibration on all labelled pairs (and reviewed ones) and save it to ``path``;
    returns its threshold."""
    extra = [json.loads(line) for source in pairs for line in Path(source).read_text(encoding="utf-8").splitlines()
             if line.strip()]
    scores = gap_evaluation.evaluate_matching(sample_analysis(codebook), path=config.MATCHES_PATH, extra=extra)
    gap_evaluation.save_calibration(scores.final_calibration, path)
    return scores.final_threshold


def import_review(workbook: Path, out: Path, *, analysis_dir: Path | None = None) -> ReviewImport:
    """Labelled pairs from the 复核 column of a reviewed ``lzp.xlsx``, added to ``out``."""
    workbook = Path(workbook)
    found = read_review(workbook, Path(analysis_dir) if analysis_dir else workbook.parent)
    write_pairs(found.pairs, Path(out))
    return found


def import_qda(qdpx: Path, out: Path, *, codebook_path: Path | None = None) -> int:
    """Codes and roles of a reviewed ``.qdpx`` as gold-format JSON lines (codes of the codebook only)."""
    return import_qdpx(Path(qdpx), Path(out), codebook=load_project_codebook(codebook_path))


MODEL_CARD = """# models/tagger.skops — model card

**What it is.** The learned half of lzp's codebook tagger: a scikit-learn pipeline that predicts the
codes D1–D6 / M1–M6 of a passage (one-vs-rest logistic regression, sigmoid-calibrated where a code has
enough positives) and its role (multinomial logistic regression), combined with the rule tagger
(`corpora/codebook.yaml`) by per-code thresholds. Saved with skops; loading trusts only scikit-learn,
NumPy/SciPy and lzp's own estimator types. The codebook is not inside the file: it is given back at
load, and a model refuses a codebook with other codes.

**Data.** `corpora/annotations/gold.jsonl`: {n_passages} passages of {n_documents} documents of the
sample corpus, annotated following `docs/annotation-guide.md`; and {n_written} sentences the project
wrote for training in the registers units write in (`corpora/annotations/written.jsonl`), never used
to report accuracy.

**Features.** Character 1–2-grams (TF-IDF), jieba content words with the domain dictionary, rule hit
counts per code for the passage and for its enclosing headings (weighted ×2), the rule role tagger's
scores of the passage in its context and of its nearest heading alone, document type, the section hint
of the nearest heading (做法 / 问题 / 原因 / 对策 …), heading and policy flags.

**Combination.** Code score = 0.5 × rule hit + 0.5 × model probability, kept when ≥ the code's
threshold ({thresholds}). Role = argmax(model probability + {role_weight} × rule role): the model
overrides the rule role only where it is that much more confident of another role (the weight was
chosen on real documents outside the sample, where lower weights lost and 1, the rule role always
deciding, kept fewer roles right). Thresholds are tuned by leave-one-document-out on the training
documents, from 0.5 up: the model may veto a rule hit but never adds a code on its own (on real text
outside the sample such additions were more often wrong than right); a threshold other than 0.5 (where
a rule hit decides) is kept only if it gains 0.02 F1 there.

**Metrics.** {evaluation}

**Limits.** Eight documents from five sources: figures have wide uncertainty, rare codes (D1, D6)
have few examples. Retrain (`make train`) after adding annotations to the gold file. The codebook's
terms and role cues were written with the sample corpus in view, so held-out figures on these same
documents overstate what to expect on new ones; see `docs/evaluation.md`.
"""
