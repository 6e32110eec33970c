"""Throughput benchmarks (``make bench``): each figure is measured in one run beside its baseline.

* ``normalize``: characters per second of the full normalisation chain on the sample corpus,
  against reading the same text with no normalisation (``str.splitlines``) as a floor.
* ``pdf``: seconds per page of lzp's PDF reader (dedupe, geometry re-joining, furniture removal)
  against pdfplumber's plain ``extract_text`` on the same file.
* ``ingest``: files and characters per second of a whole guarded batch over the sample corpus.
* ``tag``: passages per second of the combined tagger on 10,000 passages, against raw jieba, and of
  the whole ``lzp tag`` file path (JSON lines in and out).
* ``analyze``: the whole ``lzp analyze`` process on real official text (``../shared/corpora/political``)
  at 1×, 4× and 10× its size, against a whole process segmenting the same files with raw jieba, with
  the time of each stage and the peak memory.

Run ``python -m pipeline.bench [name ...]``; results are printed as a table and written to
``out/bench.json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from pipeline import config
from pipeline.storage import write_text_atomic

Result = dict[str, float | str]


def _best_of(function: Callable[[], object], *, repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        timings.append(time.perf_counter() - began)
    return min(timings)


def _sample_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(config.SAMPLE_DIR.glob("*.txt"))]


def bench_normalize() -> Result:
    """Characters per second of the whole normalisation chain on the sample corpus (×20), against
    ``str.splitlines`` over the same text as a floor."""
    from pipeline.normalize import normalize

    texts = _sample_texts() * 20
    characters = sum(len(text) for text in texts)
    normalize(texts[0])  # build lazy tables once
    baseline = _best_of(lambda: [text.splitlines() for text in texts])
    seconds = _best_of(lambda: [normalize(text) for text in texts], repeat=3)
    return {
        "characters": characters,
        "chars_per_second": round(characters / seconds),
        "baseline_chars_per_second": round(characters / baseline),
        "ratio_to_baseline": round(seconds / baseline, 1),
    }


def bench_pdf() -> Result:
    """Seconds per page of lzp's PDF reader against pdfplumber's plain ``extract_text`` on the fixture PDF."""
    import pdfplumber

    from pipeline.ingest.pdf import read_pdf

    path = config.FIXTURES_DIR / "quzhou-opinion.pdf"
    if not path.exists():
        return {"skipped": f"{path} not found"}

    def plain() -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
    baseline = _best_of(plain, repeat=3)
    seconds = _best_of(lambda: read_pdf(path), repeat=3)
    return {
        "pages": pages,
        "seconds_per_page": round(seconds / pages, 4),
        "pdfplumber_seconds_per_page": round(baseline / pages, 4),
        "ratio_to_pdfplumber": round(seconds / baseline, 2),
    }


def bench_ingest() -> Result:
    """Files and characters per second of a guarded ingest of the sample corpus (median of three)."""
    from pipeline.corpus import ingest

    ingest([config.SAMPLE_DIR])  # start the worker and import readers once
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        corpus = ingest([config.SAMPLE_DIR])
        runs.append(time.perf_counter() - began)
    seconds = statistics.median(runs)
    characters = sum(len(document.text) for document in corpus.documents)
    return {
        "files": len(corpus.manifest),
        "files_per_second": round(len(corpus.manifest) / seconds, 1),
        "chars_per_second": round(characters / seconds),
        "median_seconds": round(seconds, 3),
    }


REPEATS = 3


def bench_tag() -> Result:
    """Passages per second of the combined tagger on 10,000 distinct passages (sample passages with a
    copy number appended), single process, documents in batches as ``lzp tag`` runs them, against raw
    jieba segmentation (``jieba.lcut``) of the same passages, best of three runs each on passages no
    cache has seen; then the whole ``lzp tag`` path (``tag_jsonl``: read JSON lines, tag, write JSON
    lines) once on another 10,000 distinct passages, with and without loading the model."""
    import tempfile
    from pathlib import Path

    import jieba

    from pipeline import workflow
    from pipeline.corpus import ingest
    from pipeline.segment import jieba_tokenizer
    from pipeline.tagging.tagger import Tagger

    if not config.MODEL_PATH.exists():
        return {"skipped": "no trained model (make train)"}
    corpus = ingest([config.SAMPLE_DIR])
    documents = [[p.text for p in d.passages] for d in corpus.documents]
    target = 10_000

    def copies(first_copy: int) -> list[list[str]]:
        # Each copy of the sample gets a distinct closing clause, so that no cache sees a text twice.
        batches, total, copy = [], 0, first_copy
        while total < target:
            copy += 1
            for texts in documents:
                take = [f"{text}（{copy}）" for text in texts[: target - total]]
                if take:
                    batches.append(take)
                    total += len(take)
        return batches

    began = time.perf_counter()
    tagger = Tagger.load(config.MODEL_PATH, workflow.load_project_codebook())
    load_seconds = time.perf_counter() - began
    jieba_tokenizer()
    tagger.tag_document(["预热。"])
    baseline, seconds = float("inf"), float("inf")
    for repeat in range(REPEATS):  # best of three, each on passages no cache has seen
        batches = copies(100 * repeat)
        began = time.perf_counter()
        for texts in batches:
            for text in texts:
                jieba.lcut(text)
        baseline = min(baseline, time.perf_counter() - began)
        began = time.perf_counter()
        for start in range(0, len(batches), 40):  # as `lzp tag` does: documents in batches
            tagger.tag_documents(batches[start:start + 40])
        seconds = min(seconds, time.perf_counter() - began)
    with tempfile.TemporaryDirectory() as folder:
        source, tagged = Path(folder) / "passages.jsonl", Path(folder) / "tagged.jsonl"
        lines = [
            json.dumps({"id": f"d{d}-{i}", "doc": f"d{d}", "text": text}, ensure_ascii=False)
            for d, texts in enumerate(copies(1000)) for i, text in enumerate(texts)
        ]
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        began = time.perf_counter()
        count = workflow.tag_file(source, tagged)
        file_seconds = time.perf_counter() - began
    return {
        "passages": target,
        "passages_per_second": round(target / seconds),
        "jieba_passages_per_second": round(target / baseline),
        "ratio_to_jieba": round(seconds / baseline, 2),
        "tag_cli_passages_per_second": round(count / (file_seconds - load_seconds)),
        "tag_cli_with_model_load_passages_per_second": round(count / file_seconds),
        "model_load_seconds": round(load_seconds, 2),
    }


POLITICAL_DIR = Path(os.environ.get("LZP_POLITICAL_DIR", config.SHARED_DIR / "corpora" / "political"))
POLICY_NAME = "cpc_015.txt"  # the report to the 20th Congress: the yardstick of the benchmark analysis
SCALES = (1, 4, 10)
STAGES = ("ingest", "tag", "requirements", "match", "figures", "write")
JIEBA_SCRIPT = (
    "import pathlib, sys, jieba\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
    "    jieba.lcut(path.read_text(encoding='utf-8'))\n"
)


def political_corpus(folder: Path, scale: int) -> tuple[Path, Path] | None:
    """``scale`` × the political corpus as one text file per document in ``folder``: the original
    documents, then ``scale - 1`` copies made of the same paragraphs shuffled across documents (so that
    no copy is a near-duplicate of an original), each cut to the original documents' lengths. Returns
    the folder and the policy file, or None when the corpus is not there."""
    sources = sorted(POLITICAL_DIR.glob("*.jsonl"))
    if not sources:
        return None
    texts: list[tuple[str, str]] = []
    for source in sources:
        prefix = source.stem.split("_")[0]
        with source.open(encoding="utf-8") as handle:
            texts += [(f"{prefix}_{index:03d}", json.loads(line)["content"])
                      for index, line in enumerate(handle) if line.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    paragraphs = [part for _, text in texts for part in re.split(r"\n\s*\n", text) if part.strip()]
    for copy in range(1, scale):
        shuffled = paragraphs[:]
        random.Random(copy).shuffle(shuffled)
        position = 0
        for name, text in texts:
            taken, size = [], 0
            while size < len(text) and position < len(shuffled):
                taken.append(shuffled[position])
                size += len(shuffled[position])
                position += 1
            (folder / f"{name}-x{copy}.txt").write_text("\n\n".join(taken), encoding="utf-8")
    return folder, folder / POLICY_NAME


def _measure(command: list[str], *, interval: float = 0.1) -> tuple[float, int, int]:
    """Wall seconds of ``command``, the peak RSS of its main process and the peak RSS summed over its
    process tree (the guarded workers and the report writers included)."""
    import subprocess

    import psutil

    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(process.pid)
    peak_main = peak_tree = 0
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak_main = max(peak_main, watched.memory_info().rss)
            total = 0
            for member in [watched, *watched.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += member.memory_info().rss
            peak_tree = max(peak_tree, total)
        time.sleep(interval)
    seconds = time.perf_counter() - began
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])}… failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, peak_main, peak_tree


def _stage_seconds(log_path: Path) -> dict[str, float]:
    stages: dict[str, float] = {}
    for line in log_path.read_text(encoding="utf-8").splitlines():
        found = re.search(r"stage (\w+) ([\d.]+) s", line)
        if found:
            stages[found.group(1)] = round(float(found.group(2)), 2)
    return stages


def bench_analyze() -> Result:
    """The whole ``lzp analyze`` process (default settings: one guarded worker per core) on the political
    corpus (88 documents, 1.48 M characters) at 1×, 4× and 10×, against one process running ``jieba.lcut``
    over the same files, run right before it; ``ratio`` = jieba seconds / analyze seconds (≥ 1 means
    analyze is faster). Peak memory: RSS of the main process, and RSS summed over the process tree
    (the guarded workers and report writers included; shared pages counted in each). Stage seconds
    from ``lzp.log``: ingest (read, normalise, structure), tag, requirements, match, figures, write
    (tables, DuckDB, QDA project, statistics, reports). The 1× analysis is then run again into the
    same output folder, where its cache of read files and tags is warm."""
    import tempfile

    results: Result = {}
    with tempfile.TemporaryDirectory(prefix="lzp-bench-") as folder:
        for scale in SCALES:
            prepared = political_corpus(Path(folder) / f"x{scale}", scale)
            if prepared is None:
                return {"skipped": f"{POLITICAL_DIR} not found"}
            corpus, policy = prepared
            characters = sum(len(path.read_text(encoding="utf-8")) for path in corpus.glob("*.txt"))
            jieba_seconds, *_ = _measure([sys.executable, "-c", JIEBA_SCRIPT, str(corpus)])
            out = Path(folder) / f"out{scale}"
            seconds, main_rss, tree_rss = _measure([sys.executable, "-m", "pipeline.cli", "analyze", str(corpus),
                                                    "--policy", str(policy), "--out", str(out), "--quiet"])
            stages = _stage_seconds(out / config.LOG_FILE_NAME)
            results[f"x{scale}_characters"] = characters
            results[f"x{scale}_jieba_seconds"] = round(jieba_seconds, 2)
            results[f"x{scale}_analyze_seconds"] = round(seconds, 2)
            results[f"x{scale}_ratio"] = round(jieba_seconds / seconds, 3)
            results[f"x{scale}_peak_rss_mb"] = round(main_rss / 2**20)
            results[f"x{scale}_peak_tree_rss_mb"] = round(tree_rss / 2**20)
            results.update({f"x{scale}_{stage}_seconds": stages[stage] for stage in STAGES if stage in stages})
            if scale == SCALES[0]:  # the same analysis again into the same folder: its cache is warm
                seconds, main_rss, _ = _measure([sys.executable, "-m", "pipeline.cli", "analyze", str(corpus),
                                                 "--policy", str(policy), "--out", str(out), "--quiet"])
                results[f"x{scale}_rerun_seconds"] = round(seconds, 2)
                results[f"x{scale}_rerun_peak_rss_mb"] = round(main_rss / 2**20)
    if "x1_peak_rss_mb" in results and "x4_peak_rss_mb" in results:
        results["rss_growth_x4"] = round(results["x4_peak_rss_mb"] / results["x1_peak_rss_mb"], 2)
    return results


def _analyze_table(figures: Result) -> list[str]:
    """The ``analyze`` figures as one row per corpus size."""
    if not figures or "skipped" in figures:
        return []
    lines = [
        "",
        "## The whole analysis against raw jieba",
        "",
        "`lzp analyze` and `jieba.lcut` over the same files, each a whole process, on "
        "`../shared/corpora/political` (1×) and on copies made of its paragraphs shuffled across documents "
        "(4×, 10×). ratio = jieba seconds / analyze seconds (≥ 1: analyze is faster).",
        "",
        "| size | characters | jieba s | analyze s | ratio | peak RSS main (MB) | peak RSS all processes (MB) | "
        + " | ".join(f"{stage} s" for stage in STAGES) + " |",
        "|---" * (7 + len(STAGES)) + "|",
    ]
    for scale in SCALES:
        key = f"x{scale}"
        if f"{key}_analyze_seconds" not in figures:
            continue
        cells = [f"{scale}×", figures[f"{key}_characters"], figures[f"{key}_jieba_seconds"],
                 figures[f"{key}_analyze_seconds"], figures[f"{key}_ratio"], figures[f"{key}_peak_rss_mb"],
                 figures[f"{key}_peak_tree_rss_mb"], *(figures.get(f"{key}_{stage}_seconds", "") for stage in STAGES)]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    if "rss_growth_x4" in figures:
        lines += ["", f"Peak RSS of the main process at 4× over 1×: {figures['rss_growth_x4']}."]
    if "x1_rerun_seconds" in figures:
        lines += ["", f"The 1× analysis run again into the same output folder (its cache of read files and tags warm): "
                      f"{figures['x1_rerun_seconds']} s, peak RSS of the main process "
                      f"{figures['x1_rerun_peak_rss_mb']} MB."]
    return lines


# The whole-analysis benchmark runs last: its large runs leave the machine reclaiming memory for a
# while, which would slow the short benchmarks after it.
BENCHMARKS: dict[str, Callable[[], Result]] = {
    "tag": bench_tag,
    "normalize": bench_normalize,
    "pdf": bench_pdf,
    "ingest": bench_ingest,
    "analyze": bench_analyze,
}


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    console = Console()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    results: dict[str, Result] = {}
    table = Table(title="lzp bench", header_style="bold")
    table.add_column("benchmark")
    table.add_column("figures")
    for name in names:
        with console.status(f"running {name}…"):
            results[name] = BENCHMARKS[name]()
        table.add_row(name, ", ".join(f"{key}={value}" for key, value in results[name].items()))
    console.print(table)
    target = config.DEFAULT_OUT_DIR / "bench.json"
    write_text_atomic(target, json.dumps(results, ensure_ascii=False, indent=2))
    if set(names) == set(BENCHMARKS):
        load = (load_before, os.getloadavg()[0]) if load_before is not None else None
        write_text_atomic(config.DOCS_DIR / "benchmarks.md", render_markdown(results, load=load))
    console.print(f"written to {target}")
    return 0


def render_markdown(results: dict[str, Result], *, load: tuple[float, float] | None = None) -> str:
    """``docs/benchmarks.md``: the figures of one full ``make bench`` run and where they came from."""
    lines = [
        "# Benchmarks",
        "",
        "Produced by `make bench` (`python -m pipeline.bench`); every ratio compares two timings taken in "
        "the same run on the same input.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}"
        + (f"; load average (1 min) {load[0]:.2f} before the run, {load[1]:.2f} after it." if load else "."),
        "",
        "| benchmark | figures |",
        "|---|---|",
    ]
    lines += [f"| {name} | " + ", ".join(f"{key} = {value}" for key, value in figures.items()) + " |"
              for name, figures in results.items() if name != "analyze"]
    lines += _analyze_table(results.get("analyze", {}))
    lines += ["", "What each measures:", ""]
    lines += [f"- `{name}`: {' '.join((function.__doc__ or '').split())}" for name, function in BENCHMARKS.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
