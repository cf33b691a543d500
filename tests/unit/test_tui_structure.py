"""The app's package keeps its shape beyond what tests/unit/test_import_hygiene.py checks for
every package (no import circle, no module over 400 lines): the screens reach the app through
a Protocol, never by importing it, and the app holds no SQL (the core reads and writes the
vault; the app asks it)."""

from __future__ import annotations

import re
from pathlib import Path

import cybercase
from tests.unit.test_import_hygiene import _graph

TUI = Path(cybercase.__file__).parent / "tui"


def test_screens_do_not_import_the_app() -> None:
    graph = _graph()
    importers = graph.find_modules_that_directly_import("cybercase.tui.app")
    assert len([m for m in graph.modules if m.startswith("cybercase.tui.")]) > 50
    assert sorted(m for m in importers if m.startswith("cybercase.tui.")) == []


SQL = re.compile(r"""\.execute\(|["'](?:SELECT|INSERT|UPDATE|DELETE)\s""")


def test_no_sql_in_tui() -> None:
    found = [f"{p.relative_to(TUI)}:{n}" for p in TUI.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if SQL.search(line)]
    assert found == []
