"""The evidence details of a chat export under Pilot: messages, participants, first and
last day, and the ambiguity of its dates (real vault, real ingest, Dutch and English)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cybercase.cases.cases import create_case
from cybercase.evidence.chat import set_date_order
from cybercase.evidence.ingest import ingest
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.widgets.virtual_table import VirtualTable
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, open_tab, settle, vault_of, widget_text

SIZE = (140, 40)
CHAT = (
    "20-11-2026 14:30 - Berichten en oproepen zijn end-to-end versleuteld.\n"
    "20-11-2026 14:32 - Daan: jij stinkt\n"
    "21-11-2026 08:01 - Sem: hoezo\n"
    "22-11-2026 09:15 - Daan: zomaar\n"
)
AMBIGUOUS = "01/02/2026, 10:00 - Daan: a\n03/04/2026, 11:00 - Sem: b\n"


@pytest.fixture
def chat_vault(vault_dir: Path, tmp_path: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "WhatsApp 7b", "7b", 2)
        (tmp_path / "WhatsApp-chat met 7B.txt").write_text(CHAT, encoding="utf-8")
        (tmp_path / "ambiguous.txt").write_text(AMBIGUOUS, encoding="utf-8")
        ingest(vault, case.ref, [str(tmp_path / "WhatsApp-chat met 7B.txt"),
                                 str(tmp_path / "ambiguous.txt")], workers=0)
    finally:
        vault.close()
    return vault_dir


async def _meta(pilot: Any, pane: EvidencePane, row: int) -> str:
    table = pane.query_one(VirtualTable)
    table.cursor_row = row
    await settle(pilot)
    return " ".join(widget_text(pane.query_one("#evidence-meta")).split())


async def test_details_summarise_a_chat_export(chat_vault: Path, app_factory: AppFactory,
                                               unlock: Unlock) -> None:
    app = app_factory(chat_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        pane = screen.query_one(EvidencePane)
        meta = await _meta(pilot, pane, 0)
        assert "chat export: 3 messages, 2 participants, 2026-11-20 – 2026-11-22" in meta
        assert "date order dmy (proven by the dates)" in meta
        meta = await _meta(pilot, pane, 1)
        assert "chat export: 2 messages, 2 participants, dates unknown" in meta
        assert "day and month cannot be told apart" in meta
        set_date_order(vault_of(pilot), 2, "dmy")
        await _meta(pilot, pane, 0)
        meta = await _meta(pilot, pane, 1)
        assert "2026-02-01 – 2026-04-03" in meta and f"chosen by {USER}" in meta
