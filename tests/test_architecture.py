"""The package's import graph: stages import only downwards, and no module imports itself back.

Every ``import``/``from … import`` of a ``pipeline`` module is read with :mod:`ast`, wherever it
stands (module level or inside a function), so a circle hidden by a function-level import fails too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

# Lower layers never import higher ones. Within a layer, imports are allowed but must not form a circle.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("pipeline", "pipeline.config", "pipeline.errors", "pipeline.records", "pipeline.storage", "pipeline.labels",
     "pipeline.archive", "pipeline.engine"),
    ("pipeline.ingest",),
    ("pipeline.normalize", "pipeline.segment", "pipeline.structure", "pipeline.dedup"),
    ("pipeline.cache", "pipeline.documents", "pipeline.corpus"),
    ("pipeline.tagging",),
    ("pipeline.gap",),
    ("pipeline.reports",),
    ("pipeline.workflow", "pipeline.bench"),
    ("pipeline.cli",),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    best, rank = -1, None
    for index, members in enumerate(LAYERS):
        for member in members:
            if (module == member or module.startswith(member + ".")) and len(member) > best:
                best, rank = len(member), index
    if rank is None:
        raise AssertionError(f"{module} has no layer: add it to LAYERS in {Path(__file__).name}")
    return rank


def imports_of(path: Path) -> set[str]:
    """The pipeline modules ``path`` imports (``from pipeline.x import y`` counts y when it is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("pipeline"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            if not base.startswith("pipeline"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return {name for name in found if name != here}


MODULES = {module_name(path) for path in PACKAGE.rglob("*.py")}
GRAPH = {module_name(path): imports_of(path) for path in PACKAGE.rglob("*.py")}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_downwards(module: str) -> None:
    upward = sorted(target for target in GRAPH[module] if layer_of(target) > layer_of(module))
    assert not upward, f"{module} imports a later stage: {upward}"


def test_no_import_circle() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH.get(module, ())):
            target = target if target in GRAPH else target.rpartition(".")[0]
            # a package's __init__ importing its own submodules is how packages expose them
            if module == target.rpartition(".")[0] and module in GRAPH and target.startswith(module + "."):
                continue
            if state.get(target) == 1:
                circle = stack[stack.index(target):] + [target]
                raise AssertionError("import circle: " + " → ".join(circle))
            if state.get(target) is None and target in GRAPH:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


def test_the_checker_sees_a_function_level_circle(tmp_path: Path) -> None:
    """The walk reads imports inside functions (the kind that hide circles at import time)."""
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from pipeline.reports import excel\n", encoding="utf-8")
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert names == ["pipeline.reports"]
