"""The app under Pilot never draws untrusted text raw (issue 14, item 2).

An evidence file named with an OSC 52 sequence (writes the clipboard), a C1 CSI and a bidi
override is ingested; the evidence table, the item's details, the timeline, the audit view,
an error line and a notification are drawn; what the app would write to the terminal for
the whole screen must hold none of those characters, and the name shows escaped.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from rich.console import Console
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from cybercase.cases.cases import create_case
from cybercase.evidence.ingest import ingest
from cybercase.tui.app import CybercaseApp
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import VirtualTable
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, settle, widget_text

SIZE = (160, 40)
OSC52 = "\x1b]52;c;aGVsbG8=\x07"
NAME = f"shot{OSC52}\x9b2J\u202egnp.png"
RAW = ("\x1b]52", "\x9b", "\u202e", "\x07", "\x1b[2J")


def terminal_output(app: CybercaseApp) -> str:
    """What the app writes to the terminal to draw its whole screen now."""
    update = app.screen._compositor.render_update(full=True)
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      width=app.size.width, height=app.size.height, legacy_windows=False)
    return update.render_segments(console)


def assert_nothing_raw(app: CybercaseApp) -> str:
    out = terminal_output(app)
    for sequence in RAW:
        assert sequence not in out, (sequence, out)
    assert "]52;c;aGVsbG8=" in out  # the name is there, only harmless
    return out


@pytest.fixture
def evil_vault(vault_dir: Path, tmp_path: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Fake Instagram account", "8a", 2)
        src = tmp_path / "in"
        src.mkdir()
        Image.new("RGB", (64, 48), (200, 30, 30)).save(src / NAME, "PNG")
        raw = os.fsdecode(os.fsencode(src) + b"/raw\x9b[31m.png")
        Image.new("RGB", (64, 48), (30, 30, 200)).save(raw, "PNG")
        ingest(vault, case.ref, [str(src)], workers=0)
    finally:
        vault.close()
    return vault_dir


async def case_tab(pilot: Pilot[Any], unlock: Unlock, tab: str) -> CaseScreen:
    await unlock(pilot)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    screen.show_tab(tab)
    await settle(pilot)
    return screen


async def test_evidence_table_and_details_show_the_name_escaped(
    evil_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evil_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await case_tab(pilot, unlock, "evidence")
        pane = screen.query_one(EvidencePane)
        table = pane.query_one(VirtualTable)
        assert table.row_count == 2
        shown = widget_text(table)
        assert "shot\\x1b]52;c;aGVsbG8=\\x9b2J\\u" in shown  # (rich itself drops BEL)
        assert "raw\\x9b[31m.png" in shown
        for row in range(2):
            table.cursor_row = row
            await pilot.pause()
            meta = " ".join(widget_text(pane.query_one("#evidence-meta")).split())
            assert "\\x1b]52" in meta or "raw\\x9b[31m.png" in meta
            assert_nothing_raw(app)


@pytest.mark.parametrize("tab", ["timeline", "audit"])
async def test_timeline_and_audit_view_draw_nothing_raw(
    evil_vault: Path, app_factory: AppFactory, unlock: Unlock, tab: str
) -> None:
    app = app_factory(evil_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await case_tab(pilot, unlock, tab)
        table = screen.query_one(f"#{tab}-table", VirtualTable)
        assert table.row_count >= 2
        seen = ""
        for row in range(table.row_count):  # the audit view: the details line too
            table.cursor_row = row
            await pilot.pause()
            out = terminal_output(app)
            for sequence in RAW:
                assert sequence not in out, (sequence, out)
            seen += out
        if tab == "audit":  # the ingest entries name the files
            assert "]52;c;aGVsbG8=" in seen and "\\x1b]52" in widget_text(table)


async def test_error_lines_notifications_and_any_other_widget(
    evil_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evil_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await case_tab(pilot, unlock, "evidence")
        line = ErrorLine(id="t-error")
        plain = Static(Text(f"any widget: {OSC52}\x9b2J\u202e"), id="t-plain")
        await screen.mount(line, plain)
        line.show(f"there is no file /tmp/{NAME}: check the path")
        app.notify(f"Saved to /tmp/{NAME}", title=f"t{OSC52}")
        await pilot.pause()
        await pilot.pause()
        assert "\\x1b]52" in line.message
        out = assert_nothing_raw(app)
        # the last guard: a widget that never escaped its text draws it without the
        # control characters, nothing else lost
        assert "any widget: ]52;c;aGVsbG8=2J" in widget_text(plain)
        assert out
