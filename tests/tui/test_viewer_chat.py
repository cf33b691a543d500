"""The conversation view under Pilot on a generated 40,000-message export (real vault,
real ingest): the first page shows, End jumps to the last message, search finds a word,
a date jumps to its first message, a message marked as key shows in the timeline at the
time it was sent, and at 80x24 the sender, time and text of a message are on screen."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Select

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.evidence.chat.keymsg import key_messages
from cybercase.evidence.ingest import ingest
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.case.timeline import TimelinePane
from cybercase.tui.keyguard import GRACE
from cybercase.tui.settings import AppSettings
from cybercase.tui.viewer.chat_screen import ConversationScreen
from cybercase.tui.viewer.conversation import ConversationView
from cybercase.tui.viewer.keymsg_dialogs import LinkSenderModal
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.views.timeline import timeline
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import (
    AppFactory,
    Unlock,
    open_tab,
    settle,
    submit,
    vault_of,
    wait_until,
    widget_text,
)

COUNT = 40_000
START = datetime(2026, 9, 1, 8, 0)
STEP = timedelta(seconds=30)
NEEDLE = 20_000  # the one message holding "naaldhakje"
NAMES = ("Daan", "Sem", "Noor")


def make_export(path: Path, count: int = COUNT) -> None:
    lines = []
    for i in range(1, count + 1):
        moment = START + STEP * (i - 1)
        text = f"bericht {i} van de groep"
        if i == NEEDLE:
            text = "hier staat een naaldhakje"
        if i % 97 == 0:
            text += "\nen een tweede regel"
        lines.append(f"{moment:%d-%m-%Y %H:%M} - {NAMES[i % 3]}: {text}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def big_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 40,000-message vault, built once for this module (the import is the slow part)."""
    tmp = tmp_path_factory.mktemp("big-chat")
    vault, _ = new_vault(tmp / "vault", USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "WhatsApp 7b", "7b", 2)
        add_person(vault, case.ref, "Noor Bakker", "pupil", group="7b")
        path = tmp / "WhatsApp-chat met 7B.txt"
        make_export(path)
        [result] = ingest(vault, case.ref, [str(path)], workers=0)
        assert result.status == "stored", result
    finally:
        vault.close()
    return tmp / "vault"


@pytest.fixture
def big_chat(big_template: Path, vault_dir: Path) -> Path:
    """A copy of the module's closed vault for one test (what it changes stays there)."""
    shutil.copytree(big_template, vault_dir)
    return vault_dir


async def _open(pilot: Any, unlock: Unlock) -> tuple[ConversationScreen, ConversationView]:
    screen = await open_tab(pilot, unlock, "evidence")
    screen.query_one(EvidencePane).focus_main()
    await pilot.press("o")
    await settle(pilot)
    chat = pilot.app.screen
    assert isinstance(chat, ConversationScreen), chat
    return chat, chat.query_one(ConversationView)


async def test_conversation_of_40000_messages(big_chat: Path, app_factory: AppFactory,
                                              unlock: Unlock) -> None:
    app = app_factory(big_chat)
    async with app.run_test(size=(120, 40)) as pilot:
        _chat, view = await _open(pilot, unlock)
        shown = widget_text(view)
        assert "bericht 1 van de groep" in shown and "Sem" in shown
        assert "dinsdag 1 september 2026" in shown or "Tuesday 1 September 2026" in shown
        assert "bericht 30 van" not in shown  # only what fits is there
        assert "message 1 of 40,000" in view.text()

        await pilot.press("end")
        await pilot.pause()
        assert view.cursor == COUNT
        assert f"bericht {COUNT} van de groep" in widget_text(view)

        await pilot.press("home", "slash")
        await pilot.press(*"naaldhakje", "enter")
        await pilot.pause()
        assert view.cursor == NEEDLE
        assert "hier staat een naaldhakje" in widget_text(view)
        await pilot.pause(GRACE)  # a letter right after typing in a field is taken as stray
        await pilot.press("n")  # no further hit: the cursor stays
        await pilot.pause()
        assert view.cursor == NEEDLE
        assert "not found" in view.text()

        await pilot.press("g", *"10-09-2026", "enter")
        await pilot.pause()
        first = int((datetime(2026, 9, 10) - START) / STEP) + 1
        assert view.cursor == first and view.top == first
        assert "donderdag 10 september 2026" in widget_text(view) \
            or "Thursday 10 September 2026" in widget_text(view)

        # mark the needle as key: it appears in the timeline when it was sent
        view.go_to(NEEDLE)
        await pilot.pause(GRACE)  # the date was typed in a field just now
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"eerste dreiging")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConversationScreen)
        assert "★" in widget_text(view)
        vault = vault_of(pilot)
        [key] = key_messages(vault, "2026-001")
        assert (key.n, key.note) == (NEEDLE, "eerste dreiging")
        sent = START + STEP * (NEEDLE - 1)
        [event] = [e for e in timeline(vault, "2026-001") if e.kind == "key_message"]
        assert event.when.startswith((sent - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))

        # who "Noor" is: linked to a person of the case, shown beside the name
        await pilot.press("l")
        await settle(pilot)
        modal = pilot.app.screen
        assert isinstance(modal, LinkSenderModal)
        modal.query_one("#target", Select).value = ("person", 1)
        await submit(pilot)
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConversationScreen)
        assert "Noor (Noor Bakker)" in widget_text(view)

        await pilot.press("escape")
        await pilot.pause()
        case_screen = pilot.app.screen
        assert isinstance(case_screen, CaseScreen)
        case_screen.show_tab("timeline")
        await settle(pilot)
        table = case_screen.query_one(TimelinePane).query_one(VirtualTable)
        await wait_until(pilot, lambda: table.row_count > 0, "the timeline")
        rows = [table.row(i) for i in range(table.row_count)]
        texts = [" ".join(c.plain for c in r.cells) for r in rows if r is not None]
        assert not [x for x in texts if "key_message" in x]  # the kind in words
        [line] = [x for x in texts if "kernbericht" in x or "key message" in x]
        assert "Noor (Noor Bakker)" in line and "eerste dreiging" in line
        assert any(d in line for d in ("2026-09-08", "8 September 2026", "08-09-2026")), line
        opened = next(i for i, x in enumerate(texts) if "zaak geopend" in x or "case opened" in x)
        assert texts.index(line) < opened  # sent in September, before the case was opened


async def test_conversation_at_80x24(big_chat: Path, app_factory: AppFactory,
                                     unlock: Unlock) -> None:
    app = app_factory(big_chat, settings=AppSettings(language="nl"))
    async with app.run_test(size=(80, 24)) as pilot:
        _chat, view = await _open(pilot, unlock)
        await pilot.press("down", "down")
        await pilot.pause()
        assert view.cursor == 3
        shown = widget_text(view)
        assert "Noor" in shown and "08:01" in shown and "bericht 3 van de groep" in shown
        assert "bericht 3 van 40.000" in view.text()
        assert "dinsdag 1 september 2026" in view.text()
        for _ in range(12):
            await pilot.press("down")
        await pilot.pause()
        assert view.cursor == 15 and "bericht 15 van de groep" in widget_text(view)
