"""Command-line interface: a thin layer over the library that turns errors into exit codes."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import click
import typer
import typer.core
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

# Arrow's default allocator keeps the memory of the tables it has written for reuse; the system allocator
# gives it back, which lowers the peak of an analysis by tens of megabytes (a user's own setting wins). Set
# before pyarrow is first imported, and inherited by the worker processes.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from pipeline import config, workflow  # noqa: E402
from pipeline.corpus import Corpus  # noqa: E402
from pipeline.errors import LzpError  # noqa: E402

# Help shows placeholders (FILE, FOLDER, PATH...), never Python types such as <list[Path]> or <bool>.
_TYPE_MARKERS = re.compile(r" ?<(?:list\[Path\]|list\[str\]|bool|path|str|int|float)>")


class _Command(typer.core.TyperCommand):
    def get_help(self, ctx: click.Context) -> str:
        return _TYPE_MARKERS.sub("", super().get_help(ctx))


class _Group(typer.core.TyperGroup):
    def get_help(self, ctx: click.Context) -> str:
        return _TYPE_MARKERS.sub("", super().get_help(ctx))


app = typer.Typer(
    name="lzp",
    help="Gap analysis of party-building and business-work integration (党建与业务融合) in Chinese documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_Group,
)

console = Console(stderr=True)


def _configure_logging(out_dir: Path) -> Path:
    """Send every log record (pdfminer's included) to ``out_dir/lzp.log``, nothing to the terminal."""
    out_dir.mkdir(parents=True, exist_ok=True)
    log_path = out_dir / config.LOG_FILE_NAME
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("pdfminer").setLevel(logging.WARNING)
    logging.captureWarnings(True)
    return log_path


def _fail(error: Exception, log_path: Path | None) -> None:
    where = f" (details: {log_path})" if log_path else ""
    message = " ".join(str(error).split())  # one line, whatever the message holds
    console.print(f"[bold red]error:[/] {message}{where}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=2)


@contextmanager
def _reported_errors(log_path: Path | Callable[[], Path | None] | None = None) -> Iterator[None]:
    """Turn the library's named errors into one readable line and exit code 2 (the error and its
    traceback go to the log)."""
    try:
        yield
    except LzpError as error:
        if logging.getLogger().handlers:  # once the log file is set up; before that only the line below
            logging.getLogger("lzp").error("%s", error, exc_info=True)
        _fail(error, log_path() if callable(log_path) else log_path)


def _summary_table(corpus: Corpus) -> Table:
    statuses = Counter(row.status for row in corpus.manifest)
    table = Table(title="lzp ingest", show_header=True, header_style="bold")
    table.add_column("files")
    table.add_column("ok", justify="right")
    table.add_column("warning", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("documents", justify="right")
    table.add_column("duplicates", justify="right")
    table.add_column("passages", justify="right")
    table.add_row(
        str(len(corpus.manifest)), str(statuses["ok"]), str(statuses["warning"]), str(statuses["failed"]),
        str(len(corpus.documents)), str(sum(1 for d in corpus.documents if d.duplicate_of)),
        str(len(corpus.passages)),
    )
    return table


DEFAULT_OUT = Path("out")  # relative: the folder `out` in the current working directory
PathsArgument = Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).",
                                                     metavar="PATH")]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output folder, relative to the current folder.",
                                         metavar="FOLDER")]
TimeoutOption = Annotated[float, typer.Option(
    help="Time limit in seconds for reading, normalising and structuring one file.", metavar="SECONDS")]
MaxSizeOption = Annotated[int, typer.Option("--max-mb", help="Per-file size limit in MB.", metavar="MB")]
MaxMemoryOption = Annotated[int, typer.Option(
    "--max-memory-mb", help="Memory limit in MB for reading, normalising and structuring one file.", metavar="MB")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="Run ingest (and, for analyze, tagging, matching and figures) on Dask: threads, processes, "
    "or a dask.distributed address tcp://host:8786.",
    metavar="SCHEDULER",
)]
FollowLinksOption = Annotated[bool, typer.Option(
    "--follow-links", help="Also read links whose target lies outside the input folders."
)]
CacheOption = Annotated[bool, typer.Option(
    "--cache/--no-cache",
    help="Reuse what an earlier run into OUT kept in OUT/cache (files read, documents tagged); --no-cache "
         "reads and tags everything again."
)]
CodebookOption = Annotated[Path | None, typer.Option(
    "--codebook", help="A codebook YAML with the project's schema (default: corpora/codebook.yaml; see docs/codebook.md).",
    metavar="FILE",
)]


def _progress(quiet: bool) -> Progress:
    return Progress(TextColumn("[bold]{task.description}[/]"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[name]}"), TimeElapsedColumn(), console=console, disable=quiet)


@app.command("ingest", cls=_Command)
def ingest_command(
    paths: PathsArgument,
    out: OutOption = DEFAULT_OUT,
    timeout: TimeoutOption = config.DEFAULT_TIMEOUT_SECONDS,
    max_mb: MaxSizeOption = config.DEFAULT_MAX_FILE_BYTES // (1024 * 1024),
    max_memory_mb: MaxMemoryOption = config.DEFAULT_MAX_MEMORY_BYTES // (1024 * 1024),
    quiet: QuietOption = False,
    scheduler: SchedulerOption = None,
    follow_links: FollowLinksOption = False,
    cache: CacheOption = True,
) -> None:
    """Read PDF, DOCX, HTML, TXT (and DOC/WPS/RTF/ODT via LibreOffice) into normalised documents.

    Writes documents.parquet, passages.parquet, sections.parquet and manifest.csv (one row per input
    file) to OUT. Exit code 0 whenever the batch ran, even if some files failed.

    Example: lzp ingest ~/reports --out ingested
    """
    folder: workflow.OutputFolder | None = None
    with _reported_errors(lambda: folder.log_path if folder else None):
        workflow.check_request(paths, timeout=timeout, max_bytes=max_mb * 1024 * 1024,
                               max_memory=max_memory_mb * 1024 * 1024)
        with workflow.output_folder(out) as folder, _progress(quiet) as progress:
            _configure_logging(folder.stage)
            task = progress.add_task("ingest", total=workflow.count_inputs(paths), name="")
            corpus = workflow.ingest_only(
                paths, out=folder.stage, timeout=timeout, max_bytes=max_mb * 1024 * 1024,
                max_memory=max_memory_mb * 1024 * 1024, scheduler=scheduler,
                follow_links=follow_links, cache=cache,
                on_file=lambda path, _row: progress.update(task, advance=1, name=path.name))
    _print_warnings(corpus.warnings)
    if not quiet:
        console.print(_summary_table(corpus))
        console.print(f"wrote {out}/documents.parquet, passages.parquet, manifest.csv; log: {folder.log_path}")


def _print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)


@app.command("analyze", cls=_Command)
def analyze_command(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders; default: the sample corpus.",
                                                        metavar="PATH")] = None,
    out: OutOption = DEFAULT_OUT,
    policy: Annotated[list[Path] | None, typer.Option(
        "--policy", help="The policy document(s) that give the requirements (default: kind=policy in the manifest); "
                         "repeat for several.", metavar="FILE"
    )] = None,
    manifest: Annotated[Path | None, typer.Option(
        "--manifest", help="CSV with columns path, kind, unit, date for your own folder.", metavar="FILE"
    )] = None,
    timeout: TimeoutOption = config.DEFAULT_TIMEOUT_SECONDS,
    max_mb: MaxSizeOption = config.DEFAULT_MAX_FILE_BYTES // (1024 * 1024),
    max_memory_mb: MaxMemoryOption = config.DEFAULT_MAX_MEMORY_BYTES // (1024 * 1024),
    quiet: QuietOption = False,
    scheduler: SchedulerOption = None,
    codebook: CodebookOption = None,
    model: Annotated[Path | None, typer.Option(
        "--model", help="A tagger trained for the codebook (default: the shipped model with the project codebook; "
                        "rules only for another codebook).", metavar="FILE"
    )] = None,
    follow_links: FollowLinksOption = False,
    cache: CacheOption = True,
) -> None:
    """Run ingest → tag → gap analysis and write every output to OUT.

    With no paths it analyses the sample corpus with its manifest's policy document.

    \b
    Outputs in OUT:
      reports/index.html         overview, the gap first (opens offline)
      reports/<unit>.html, .md   one page per unit; <document title>.html per document
      reports/总报告.docx         Word briefing; reports/<unit>.docx per unit
      lzp.xlsx                   overview, 匹配 review sheet, one sheet per table (prints on A4)
      corpus.qdpx                REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder
      lzp.duckdb, tables/*.parquet   every table and view, for SQL, pandas, the notebook
      run.json, lzp.log          codebook and tagger used; the run's log
      cache/                     what each file became and its tags, reused by the next run into OUT
    Text statistics (word frequencies, collocations): lzp stats OUT.

    Example: lzp analyze ~/reports --policy ~/reports/意见.pdf --out results
    """
    inputs = list(paths or [config.SAMPLE_DIR])
    folder: workflow.OutputFolder | None = None
    with _reported_errors(lambda: folder.log_path if folder else None):
        workflow.check_request(inputs, policy=tuple(policy or ()), manifest=manifest, timeout=timeout,
                               max_bytes=max_mb * 1024 * 1024,
                               max_memory=max_memory_mb * 1024 * 1024)
        with workflow.output_folder(out) as folder, _progress(quiet) as progress:
            _configure_logging(folder.stage)
            task = progress.add_task("ingest", total=workflow.count_inputs(inputs), name="")
            stages = progress.add_task("analyse", total=5, name="")
            run = workflow.analyse(
                inputs, out=folder.stage, codebook_path=codebook, model_path=model, policy=tuple(policy or ()),
                manifest=manifest, timeout=timeout, max_bytes=max_mb * 1024 * 1024,
                max_memory=max_memory_mb * 1024 * 1024, scheduler=scheduler,
                follow_links=follow_links, title=folder.final.name, cache=cache,
                on_file=lambda path, _row: progress.update(task, advance=1, name=path.name),
                on_stage=lambda name: progress.update(stages, advance=1, name=name),
            )
    for error in run.analysis.errors:
        console.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    _print_warnings([*run.corpus.warnings, *([run.tagger.note] if run.tagger.note else [])])
    if not quiet:
        console.print(_summary_table(run.corpus))
        console.print(_gap_table(run))
        console.print(f"report: {(out / 'reports' / 'index.html').resolve().as_uri()}")
        console.print(f"also: {out / 'reports' / '总报告.docx'}, {out / 'lzp.xlsx'}, {out / 'corpus.qdpx'}, "
                      f"{out / 'lzp.duckdb'}, {out / 'tables'}; log: {folder.log_path}")


def _gap_table(run: workflow.AnalysisRun) -> Table:
    table = Table(title=f"requirements: {len(run.analysis.requirements)} · tagger: {run.tagger.mode}",
                  header_style="bold")
    for column in ("unit", "evidenced", "mentioned", "no evidence", "figures"):
        table.add_column(column)
    for unit, counts in run.units.items():
        table.add_row(unit, *(str(counts[key]) for key in ("evidenced", "mentioned", "no evidence", "figures")))
    return table


@app.command("tag", cls=_Command)
def tag_command(
    input_path: Annotated[Path, typer.Option("--in", help="JSON lines {id, doc, text}; a doc's lines in order.",
                                             metavar="FILE")],
    output_path: Annotated[Path, typer.Option("--out", help="JSON lines {id, codes, role, scores, evidence}.",
                                              metavar="FILE")],
    mode: Annotated[str, typer.Option(help="combined, rules or model.", metavar="MODE")] = "combined",
    model: Annotated[Path, typer.Option(help="Trained tagger (skops).", metavar="FILE")] = config.MODEL_PATH,
    codebook: CodebookOption = None,
) -> None:
    """Tag passages with codes D1–D6/M1–M6 and a role, using the shipped model (no training).

    Input text may be traditional, carry pinyin brackets or censored words; it is normalised as
    ingest does. Earlier lines of the same doc give the heading context.

    Example: lzp tag --in passages.jsonl --out tagged.jsonl
    """
    from pipeline.tagging.io import count_lines

    with _reported_errors():
        total = count_lines(input_path)
        with Progress(TextColumn("[bold]tag[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("tag", total=total)
            count = workflow.tag_file(input_path, output_path, mode=mode, codebook_path=codebook, model_path=model,
                                      progress=lambda done: progress.update(task, completed=done))
    console.print(f"tagged {count} passages → {output_path}")


@app.command("train", cls=_Command)
def train_command(
    gold: Annotated[Path, typer.Option(help="Gold annotations (JSON lines).", metavar="FILE")] = config.GOLD_PATH,
    model: Annotated[Path, typer.Option(help="Where to write the model.", metavar="FILE")] = config.MODEL_PATH,
    codebook: CodebookOption = None,
    pairs: Annotated[list[Path] | None, typer.Option(
        "--pairs", help="Reviewed verdicts (from `lzp review import`) to recalibrate the matching on.",
        metavar="FILE")] = None,
) -> None:
    """Train the tagger on the gold annotations and write the model and its model card beside it.

    Example: lzp train --codebook my-codebook.yaml --gold my-gold.jsonl --model my-tagger.skops
    """
    with _reported_errors():
        with console.status("training…"):
            path = workflow.train(gold_path=gold, codebook_path=codebook, model_path=model, pairs=tuple(pairs or ()))
    console.print(f"model written to {path}")


@app.command("evaluate", cls=_Command)
def evaluate_command(
    gold: Annotated[Path, typer.Option(help="Gold annotations (JSON lines).", metavar="FILE")] = config.GOLD_PATH,
    report: Annotated[Path, typer.Option(help="Markdown report.", metavar="FILE")] = config.EVALUATION_REPORT_PATH,
    codebook: CodebookOption = None,
) -> None:
    """Leave-one-document-out evaluation of keyword baseline, rules, model and combined tagger.

    Example: lzp evaluate
    """
    with _reported_errors():
        with Progress(TextColumn("[bold]evaluate[/] held out: {task.fields[name]}"), TimeElapsedColumn(),
                      console=console) as progress:
            task = progress.add_task("evaluate", name="")
            results = workflow.evaluate(gold_path=gold, codebook_path=codebook, report_path=report,
                                        progress=lambda name: progress.update(task, name=name))
    table = Table(title="leave-one-document-out", header_style="bold")
    for column in ("system", "macro-F1", "micro-F1", "role accuracy"):
        table.add_column(column)
    for system, scores in results.items():
        table.add_row(system, f"{scores.macro_f1:.3f}", f"{scores.micro_f1:.3f}", f"{scores.role_accuracy:.3f}")
    console.print(table)
    console.print(f"report written to {report}")


@app.command("stats", cls=_Command)
def stats_command(
    out: Annotated[Path, typer.Argument(help="An analysis folder written by `lzp analyze`.", metavar="FOLDER")]
    = DEFAULT_OUT,
    keyword: Annotated[list[str] | None, typer.Option(
        "--keyword", "-k", help="A word to show in context (repeat for several; default: the most frequent words).",
        metavar="WORD",
    )] = None,
) -> None:
    """Word frequencies per unit, keyword in context, collocations and a co-occurrence network.

    Words come from the domain dictionary with stopwords removed. Writes OUT/tables/word_frequencies,
    kwic, collocations, cooccurrence (.parquet), OUT/stats.xlsx and OUT/reports/共现网络.svg; the
    HTML report shows them after the next `lzp analyze` or report rewrite.

    Example: lzp stats results --keyword 两张皮 --keyword 一岗双责
    """
    from pipeline.reports.stats import write_stats

    with _reported_errors():
        with console.status("counting words…"):
            written = write_stats(out, keywords=tuple(keyword or ()))
    console.print(f"wrote {written['excel']}, {written['network']} and {len(written) - 2} tables in {out / 'tables'}")


review_app = typer.Typer(help="The review loop: verdicts marked right or wrong in the Excel workbook.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")


@review_app.command("import", cls=_Command)
def review_import_command(
    workbook: Annotated[Path, typer.Argument(help="A reviewed lzp.xlsx (the 复核 column of sheet 匹配).",
                                             metavar="FILE")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Labelled pairs (JSON lines) to add to.",
                                      metavar="FILE")] = Path("reviewed-pairs.jsonl"),
    analysis: Annotated[Path | None, typer.Option(
        help="The analysis folder that wrote the workbook (default: the workbook's folder).", metavar="FOLDER")] = None,
) -> None:
    """Turn reviewed verdicts into labelled requirement–passage pairs for `lzp train --pairs`.

    Example: lzp review import out/lzp.xlsx --out reviewed-pairs.jsonl && lzp train --pairs reviewed-pairs.jsonl
    """
    with _reported_errors():
        found = workflow.import_review(workbook, out, analysis_dir=analysis)
    console.print(f"{len(found.pairs)} labelled pairs → {out}" + (f"; {len(found.skipped)} rows without a pair"
                                                               if found.skipped else ""))


@app.command("import-qdpx", cls=_Command)
def import_qdpx_command(
    qdpx: Annotated[Path, typer.Argument(help="A REFI-QDA project (.qdpx), e.g. corrected in QualCoder.",
                                                metavar="FILE")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Gold-format JSON lines to write.",
                                         metavar="FILE")] = Path("imported.jsonl"),
    codebook: CodebookOption = None,
) -> None:
    """Read codes and roles back from a .qdpx into gold-format annotations for `lzp train`.

    Example: lzp import-qdpx results/corpus.qdpx --out corrected.jsonl
    """
    with _reported_errors():
        count = workflow.import_qda(qdpx, out, codebook_path=codebook)
    console.print(f"imported {count} coded passages → {out}")


def main() -> None:  # pragma: no cover - entry point for python -m
    app()
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
