"""notebooks/01-exploration.ipynb: it is stored clean and runs top to bottom on a fresh analysis."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from pipeline import config

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK = NOTEBOOKS_DIR / "01-exploration.ipynb"
KERNEL_NAME = "python3"


@pytest.fixture(scope="module")
def analysis_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What ``lzp analyze --out DIR`` writes for the sample corpus, built once for this module."""
    from pipeline.corpus import ingest
    from pipeline.reports.tables import write_tables
    from pipeline.workflow import analyse_corpus

    out = tmp_path_factory.mktemp("analysis")
    write_tables(analyse_corpus(ingest([config.SAMPLE_DIR])), out)
    assert (out / "lzp.duckdb").is_file()
    return out


@pytest.fixture
def venv_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A ``python3`` kernel spec that runs this interpreter (the venv's), whatever else is installed.

    The spec lives in a temporary JUPYTER_PATH entry, which takes precedence over the venv's,
    the user's and the system's kernel specs; nothing is installed anywhere else. Runtime files
    and the IPython profile also go to tmp_path, so no user configuration is read or written.
    """
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (lzp test venv)",
        "language": "python",
        "metadata": {"debugger": False},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # let ipykernel pick its inline backend
    resolved = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert resolved.argv[0] == sys.executable, f"{KERNEL_NAME} kernel resolves to {resolved.resource_dir}"
    return KERNEL_NAME


def test_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == KERNEL_NAME
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code_cells, "the notebook has no code cells"
    dirty = [cell.get("id", index) for index, cell in enumerate(code_cells)
             if cell.outputs or cell.execution_count is not None]
    assert not dirty, f"cells stored with outputs or execution counts: {dirty} (clear them before saving)"
    first = code_cells[0].source
    assert 'os.environ.get("LZP_ANALYSIS_DIR")' in first and '"../out"' not in first
    assert 'os.environ.get("LZP_KWIC_TERM", "一岗双责")' in first


@pytest.mark.slow
def test_notebook_runs_on_the_sample_analysis(
    analysis_dir: Path, venv_kernel: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LZP_ANALYSIS_DIR", str(analysis_dir))
    monkeypatch.delenv("LZP_KWIC_TERM", raising=False)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, kernel_name=venv_kernel, timeout=600,
                            resources={"metadata": {"path": str(NOTEBOOKS_DIR)}})
    client.execute()  # raises CellExecutionError, with the cell's traceback, if a cell raises

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    errors = [f"{output.ename}: {output.evalue}" for output in outputs if output.output_type == "error"]
    assert not errors, errors
    stderr = "".join(output.text for output in outputs if output.output_type == "stream" and output.name == "stderr")
    assert "Glyph" not in stderr, stderr
    stdout = "".join(output.text for output in outputs if output.output_type == "stream" and output.name == "stdout")
    assert "sanity checks passed" in stdout
    assert "occurrences of 一岗双责" in stdout
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(images) >= 5, f"expected the five charts, got {len(images)} images"
    assert any("image/svg+xml" in output.get("data", {}) for output in outputs), "no co-occurrence network"


def test_notebook_finds_its_analysis_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import re

    first = next(cell for cell in nbformat.read(NOTEBOOK, as_version=4).cells if cell.cell_type == "code").source
    source = re.search(r"^def analysis_dir\(\).*?(?=^\S)", first, re.S | re.M).group(0)
    namespace: dict = {"os": os, "Path": Path}
    exec(source, namespace)  # the notebook's own lookup, run outside a kernel
    find = namespace["analysis_dir"]
    monkeypatch.delenv("LZP_ANALYSIS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert find() == tmp_path / "out"
    (tmp_path / "lzp.duckdb").write_bytes(b"")
    assert find() == tmp_path
    monkeypatch.setenv("LZP_ANALYSIS_DIR", "/elsewhere")
    assert find() == Path("/elsewhere")
