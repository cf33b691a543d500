"""The app's package keeps its shape: no import circle inside ``tui/`` (imports only for
type checking aside, lazy imports inside functions included), no module over 400 lines,
and no SQL (the core reads and writes the vault; the app asks it)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import cybercase

TUI = Path(cybercase.__file__).parent / "tui"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(TUI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(path: Path, modules: set[str]) -> set[str]:
    """The tui modules ``path`` imports at run time (anywhere in the file)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in modules:
                    found.add(sub)
                elif node.module in modules:
                    found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in TUI.rglob("*.py")}
    modules = set(paths)
    # importing a.b.c runs a/__init__ and a/b/__init__ too, but those hold no imports here
    return {name: imports(path, modules) - {name} for name, path in paths.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return found


def test_the_checker_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circle_inside_tui() -> None:
    edges = graph()
    assert len(edges) > 50  # the scan sees the package
    assert cycles(edges) == []


def test_screens_do_not_import_the_app() -> None:
    edges = graph()
    assert [m for m, deps in edges.items() if "cybercase.tui.app" in deps] == []


def test_no_tui_module_over_400_lines() -> None:
    long = {str(p.relative_to(TUI)): n for p in TUI.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


SQL = re.compile(r"""\.execute\(|["'](?:SELECT|INSERT|UPDATE|DELETE)\s""")


def test_no_sql_in_tui() -> None:
    found = [f"{p.relative_to(TUI)}:{n}" for p in TUI.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if SQL.search(line)]
    assert found == []
