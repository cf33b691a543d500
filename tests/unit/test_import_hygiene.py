"""Boundaries as failing tests.

The import rules (the layers; only tui/ imports textual, only cli/ imports click, only
vault/ imports sqlcipher3; the message catalogues import no domain code) are import-linter
contracts in pyproject.toml, checked here by running ``lint-imports``. The checks below
are what the contracts cannot express: no import cycle among modules, no private name
imported from another package, no module over 400 lines, and the core loading no
textual at run time.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "cybercase"


# data, not code: none left since the catalogues became locale/*.po files
DATA_MODULES: tuple[str, ...] = ()
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _dotted(path: Path) -> str:
    parts = ["cybercase", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_import_contracts_are_kept() -> None:
    """``lint-imports`` with the contracts of pyproject.toml (see docs/architecture.md)."""
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(no_cache=True))"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(
                        graph.find_modules_directly_imported_by(child) & modules))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("cybercase", exclude_type_checking_imports=True, cache_dir=None)


def test_no_import_cycles() -> None:
    """No module of src/ imports itself round a circle (imports inside functions count;
    imports under ``if TYPE_CHECKING`` do not)."""
    graph = _graph()
    cycles = _cycles(graph, set(graph.modules))
    assert cycles == []


def test_the_cycle_finder_sees_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c", "p.d"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    graph.add_import(importer="p.c", imported="p.d")
    assert _cycles(graph, set(graph.modules)) == [["p.a", "p.b", "p.c"]]


def _private_imports(path: Path) -> list[str]:
    """``from cybercase.x... import _name`` where x is another package than the file's."""
    own = _dotted(path).split(".")[:2]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                and node.module.startswith("cybercase.")):
            continue
        if node.module.split(".")[:2] == own:
            continue
        found += [f"{path.relative_to(SRC)}:{node.lineno} from {node.module} import {a.name}"
                  for a in node.names
                  if a.name.startswith("_") and not a.name.startswith("__")]
    return found


def test_no_private_names_imported_across_packages() -> None:
    offenders = [hit for p in _modules() for hit in _private_imports(p)]
    assert offenders == []


def test_the_private_name_scan_sees_what_it_must(tmp_path: Path) -> None:
    sample = SRC / "cli" / "_scan_sample_private.py"
    sample.write_text("from cybercase.documents.report import _Pdf, latin1\n"
                      "from cybercase.cli.common import _helper\n")
    try:
        assert [h.split(" ", 1)[1] for h in _private_imports(sample)] == [
            "from cybercase.documents.report import _Pdf"]
    finally:
        sample.unlink()


def test_no_module_over_400_lines() -> None:
    """Code modules stay readable; the data modules (catalogues) are the exception."""
    too_long = {
        str(p.relative_to(SRC)): n for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and not p.relative_to(SRC).as_posix().startswith(DATA_MODULES)
    }
    assert too_long == {}


def test_importing_the_core_loads_no_textual() -> None:
    """At run time too (the contracts see imports; this sees what importing loads)."""
    names = [_dotted(p) for p in _modules()
             if p.relative_to(SRC).parts[0] not in {"tui", "__main__.py"}]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'textual_image')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
