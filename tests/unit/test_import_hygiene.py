"""Boundaries as failing tests: the core never imports textual; only vault/ imports sqlcipher3."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "cybercase"


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_tui_imports_textual() -> None:
    offenders = [
        str(p.relative_to(SRC)) for p in _modules()
        if "tui" not in p.relative_to(SRC).parts
        and _imports(p) & {"textual", "textual_image"}
    ]
    assert offenders == []


def test_only_vault_imports_sqlcipher() -> None:
    offenders = [
        str(p.relative_to(SRC)) for p in _modules()
        if p.relative_to(SRC).parts[0] != "vault" and "sqlcipher3" in _imports(p)
    ]
    assert offenders == []


def test_core_never_imports_click() -> None:
    faces = {"cli", "tui", "__main__.py"}
    offenders = [
        str(p.relative_to(SRC)) for p in _modules()
        if p.relative_to(SRC).parts[0] not in faces and "click" in _imports(p)
    ]
    assert offenders == []


def test_importing_the_core_loads_no_textual() -> None:
    names = []
    for p in _modules():
        rel = p.relative_to(SRC)
        if rel.parts[0] in {"tui", "__main__.py"}:
            continue
        parts = ["cybercase", *rel.with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'textual_image')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
