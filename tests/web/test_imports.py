"""Imports point down: no module-level import cycles, and the web layer imports no feature app.

Read from the source (module-level imports only, ``TYPE_CHECKING`` blocks aside), so the
test is exact and fast: a cycle fails here before it fails as "partially initialized module"
in whichever process happens to import the wrong module first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import vodarr

PACKAGE = Path(vodarr.__file__).parent
FEATURES = (
    "vodarr.accounts",
    "vodarr.catalog",
    "vodarr.downloads",
    "vodarr.demo",
    "vodarr.watchlist",
    "vodarr.monitoring",
    "vodarr.notifications",
    "vodarr.variants",
    "vodarr.api",
    "vodarr.webhooks",
    "vodarr.mediaservers",
    "vodarr.metrics",
)
# `vodarr serve`, the composition root that starts every part, lives in vodarr.ops.


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(path: Path) -> set[str]:
    """Modules ``path`` imports when it is imported (not inside functions or TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in ast.walk(node) if not isinstance(node, ast.FunctionDef | ast.ClassDef) else []:
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.add(child.module)
                found.update(f"{child.module}.{alias.name}" for alias in child.names)
    return {name for name in found if name.startswith("vodarr")}


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    return {
        name: {target for target in top_level_imports(path) if target in modules} - {name}
        for name, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            # Importing a package's submodule runs the package's __init__ first, not a cycle.
            if node.startswith(target + "."):
                continue
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_module_imports_itself_through_a_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_the_web_layer_imports_no_feature_app() -> None:
    graph = import_graph()
    offenders = {
        name: sorted(t for t in targets if t.startswith(FEATURES))
        for name, targets in graph.items()
        if name == "vodarr.web" or name.startswith("vodarr.web.")  # not vodarr.webhooks
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"vodarr.a": {"vodarr.b"}, "vodarr.b": {"vodarr.c"}, "vodarr.c": {"vodarr.a"}}
    assert find_cycle(graph) == ["vodarr.a", "vodarr.b", "vodarr.c", "vodarr.a"]
    assert find_cycle({"vodarr.a": {"vodarr.b"}, "vodarr.b": set()}) is None
