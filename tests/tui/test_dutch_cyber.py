"""The Dutch app shows the core's cyber and privacy texts in Dutch: the police lines on a
record, the agenda's referral/agreement items, the yearly figures, and a core error in a
dialog. Real vaults; the English CLI texts are covered by the unit tests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.core.timeutil import local_today
from cybercase.cyber import agreements, police, referrals
from cybercase.tui.case.police import PolicePane
from cybercase.tui.case.police_dialogs import AddPoliceModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.dashboard.stats import StatsScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.agenda_table import AgendaTable
from cybercase.tui.widgets.error_line import ErrorLine
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, settle, widget_text

SIZE = (120, 48)
REF = "2026-001"


@pytest.fixture
def dutch_vault(vault_dir: Path) -> Path:
    """Case 2026-001: a pupil of 10 suspected in a melding of smaad, a referral to Instagram
    waiting for an answer, a smartphone agreement to review; nine more cases for figures."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        ref = create_case(vault, "Group chat 7b", "7b", 3).ref
        assert ref == REF
        today = local_today()
        victim = add_person(vault, ref, "Sanne", "pupil",
                            born=date(today.year - 11, 1, 1).isoformat()).id
        tim = add_person(vault, ref, "Tim", "pupil",
                         born=date(today.year - 10, 1, 1).isoformat()).id
        police.add_report(vault, ref, "melding", "smaad", victim=victim, suspects=[tim])
        referrals.add_referral(vault, ref, "platform", ["https://instagram.com/p/1"],
                               platform="Instagram",
                               sent_on=(today - timedelta(days=9)).isoformat())
        agreements.add_agreement(vault, ref, victim, "mother",
                                 (today + timedelta(days=20)).isoformat())
        for n in range(4):  # five cases in phase 3 with a melding of smaad, five in phase 1
            other = create_case(vault, f"Case {n}", None, 3).ref
            police.add_report(vault, other, "melding", "smaad")
        for n in range(5):
            create_case(vault, f"Case {n}", None, 1)
    finally:
        vault.close()
    return vault_dir


async def test_dutch_app_shows_core_texts_in_dutch(
    dutch_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(dutch_vault, settings=AppSettings(language="nl"))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        shown = widget_text(dashboard.query_one(AgendaTable))
        assert "verwijderverzoek 1 (Instagram, verstuurd): kijk of er antwoord is" in shown
        assert "smartphoneafspraak 1 evalueren (Sanne)" in shown
        assert "check the answer" not in shown

        # the yearly figures: the core's words in Dutch
        dashboard.query_one("#cases").focus()
        await pilot.press("s")
        await settle(pilot)
        stats = app.screen
        assert isinstance(stats, StatsScreen)
        figures = widget_text(stats.query_one("#figures"))
        assert "fase 1" in figures and "fase 3" in figures and "nog open" in figures
        assert "(niets vastgelegd)" in figures and "smaad" in figures
        assert "phase" not in figures and "(none recorded)" not in figures
        year = stats.query_one("#year", Input)
        year.value = "20x6"
        year.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "is geen jaartal" in widget_text(stats.query_one("#stats-error"))
        await pilot.press("escape")
        await pilot.pause()

        # the police record: the core's lines on age and who can file, in Dutch
        app.open_case(REF)  # type: ignore[attr-defined]
        await pilot.pause()
        case = app.screen
        assert isinstance(case, CaseScreen)
        case.show_tab("police")
        await settle(pilot)
        pane = case.query_one(PolicePane)
        detail = str(pane.query_one("#police-detail").render())
        today = local_today().isoformat()
        assert f"Tim: 10 op {today}: jonger dan 12, kan niet worden vervolgd" in detail
        assert "smaad is een klachtdelict" in detail
        assert "een melding is geen aangifte" in detail
        assert "cannot be prosecuted" not in detail and "complaint" not in detail

        # a core error in a dialog: in place, in Dutch
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddPoliceModal)
        modal.query_one("#kind", Select).value = "aangifte"
        modal.query_one("#offence", Select).value = "belediging"
        modal.query_one("#offence_on", Input).value = "2099-01-01"
        modal.query_one("#submit").press()  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.screen is modal
        line = modal.query_one("#error", ErrorLine).message
        assert line == "de datum van het feit 2099-01-01 ligt in de toekomst: controleer de " \
                       "datum", line
        assert len(police.list_reports(app.vault, REF)) == 1  # type: ignore[attr-defined]


async def test_dutch_export_dialog_says_the_core_refusal_in_dutch(
    dutch_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    from cybercase.tui.case.export import ExportModal

    taken = tmp_path / "taken.zip"
    taken.write_bytes(b"already here")
    app = app_factory(dutch_vault, settings=AppSettings(language="nl"))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.open_case(REF)  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("x")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportModal)
        modal.query_one("#out", Input).value = str(taken)
        await pilot.press("ctrl+s")  # (enter goes to the next field)
        await pilot.pause()
        assert app.screen is modal
        line = modal.query_one("#error", ErrorLine).message
        assert line == f"{taken} bestaat al: kies een andere naam", line
        assert taken.read_bytes() == b"already here"
