"""The app in Dutch shows the core's messages in Dutch: the unlock screen's error, a
validation message in a dialog, the agenda on the dashboard and the timeline pane."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.cases.supportgroup import record_meeting
from cybercase.tui.case.people import AddPersonModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.screens.unlock import UnlockScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.agenda_table import AgendaTable
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import VirtualTable
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, settle, widget_text

SIZE = (120, 36)
DUTCH = AppSettings(language="nl")


@pytest.fixture
def sg_vault(vault_dir: Path) -> Path:
    """One case with a support-group meeting (step 2), so an evaluation is due."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "WhatsApp groep 7b", "7b", 2)
        tim = add_person(vault, case.ref, "Tim", "pupil", role="bully", group="7b")
        record_meeting(vault, case.ref, "2", "2026-01-05", participants=[tim.id],
                       actions=[(tim.id, "zegt sorry")])
    finally:
        vault.close()
    return vault_dir


async def test_wrong_passphrase_in_dutch(sg_vault: Path, app_factory: AppFactory) -> None:
    app = app_factory(sg_vault, settings=DUTCH)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        screen.query_one("#passphrase", Input).value = "not the passphrase at all"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and app.vault is None
        assert screen.query_one(ErrorLine).message == (
            "verkeerde wachtwoordzin voor 'anna': probeer het opnieuw")


async def test_agenda_timeline_and_a_dialog_error_in_dutch(
    sg_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(sg_vault, settings=DUTCH)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        agenda = widget_text(app.screen.query_one(AgendaTable))
        assert "supportgroep: evaluatie na stap 2 (De supportgroep)" in agenda
        assert "support group" not in agenda
        await pilot.press("enter")  # open the case
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        screen.show_tab("timeline")
        await settle(pilot)
        timeline = widget_text(screen.query_one("#timeline-table", VirtualTable))
        assert "zaak geopend in fase 2" in timeline
        assert "supportgroep stap 2: De supportgroep" in timeline
        assert "case opened" not in timeline
        screen.show_tab("people")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddPersonModal)
        modal.query_one("#submit", Button).press()
        await pilot.pause()
        assert app.screen is modal
        assert modal.query_one("#error", ErrorLine).message == "de naam is leeg: vul de naam in"
