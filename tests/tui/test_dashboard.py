"""The dashboard under Pilot: agenda overdue first, open cases with last activity, search
across cases, people and evidence descriptions (opening the right tab)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, TabbedContent

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.core.dutchdates import app_moment
from cybercase.core.timeutil import local_today
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.widgets.agenda_table import AgendaTable
from cybercase.tui.widgets.case_table import CaseTable
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.views.agenda import add_follow_up
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import SIZE, AppFactory, Unlock, settle, widget_text


@pytest.fixture
def agenda_vault(vault_dir: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        a = create_case(vault, "WhatsApp group 7b", "7b", 2)
        b = create_case(vault, "Fake account [x]", "8a", 3)
        today = local_today()
        add_follow_up(vault, a.ref, (today + timedelta(days=5)).isoformat(),
                      "check in with parents")
        add_follow_up(vault, b.ref, (today - timedelta(days=3)).isoformat(), "review [agreement]")
        add_person(vault, b.ref, "Sanne de Vries", "pupil", role="bullied")
    finally:
        vault.close()
    return vault_dir


async def test_agenda_overdue_first_and_opens_its_case(
    agenda_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(agenda_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = app.screen
        agenda = screen.query_one(AgendaTable)
        assert agenda.row_count == 2
        assert str(agenda.cell(0, "what")) == "review [agreement]"
        assert str(agenda.cell(0, "when")) == "3 days overdue"
        assert str(agenda.cell(1, "when")) == "in 5 days"
        assert "2 due, 1 overdue" in widget_text(screen.query_one("#agenda-count"))
        agenda.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case.title == "Fake account [x]"


async def test_cases_show_last_activity(
    agenda_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(agenda_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        table = app.screen.query_one(CaseTable)
        assert table.row_count == 2
        activity = str(table.cell(1, "activity"))
        # the reader's way (issue #20): "3 December 2026, 08:43", no zone on the screen
        day = app_moment(local_today().isoformat(), "en")  # "3 December 2026"
        assert activity.startswith(day + ", ") and "UTC" not in activity


async def test_search_finds_a_person_and_opens_the_people_tab(
    agenda_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(agenda_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        results = screen.query_one("#search-results", VirtualTable)
        assert not results.display
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"vries")
        await settle(pilot)
        assert results.display and results.row_count == 1
        assert str(results.cell(0, "label")) == "Sanne de Vries"
        await pilot.press("enter", "enter")  # to the results, then open the hit
        await pilot.pause()
        case_screen = app.screen
        assert isinstance(case_screen, CaseScreen)
        assert case_screen.query_one(TabbedContent).active == "pane-people"


async def test_search_without_hits_and_escape(
    agenda_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(agenda_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = app.screen
        await pilot.press("slash", *"[/] nothing")
        await settle(pilot)
        results = screen.query_one("#search-results", VirtualTable)
        assert results.display and results.row_count == 0
        assert "Nothing found." in widget_text(results)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(CaseTable).has_focus
        assert not results.display


async def test_back_from_a_case_shows_its_changes(
    agenda_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(agenda_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        dashboard = app.screen
        agenda = dashboard.query_one(AgendaTable)
        assert agenda.row_count == 2
        await pilot.press("enter")
        await pilot.pause()
        vault = app.vault
        assert vault is not None and isinstance(app.screen, CaseScreen)
        add_follow_up(vault, app.screen.case.ref, local_today().isoformat(), "call the IB'er")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dashboard
        assert agenda.row_count == 3


def test_when_text_says_one_day_and_tomorrow_in_words() -> None:
    from datetime import date

    from cybercase.core.i18n import set_language
    from cybercase.tui.widgets.agenda_table import when_text

    today = date(2026, 11, 21)
    said = [str(when_text(date(2026, 11, d), today)) for d in (20, 21, 22, 19)]
    assert said == ["1 day overdue", "today", "tomorrow", "2 days overdue"]
    set_language("nl")
    try:
        said = [str(when_text(date(2026, 11, d), today)) for d in (20, 22, 28)]
        assert said == ["1 dag te laat", "morgen", "over 7 dagen"]
    finally:
        set_language("en")


async def test_closed_cases_can_be_listed_and_opened(
    vault_dir: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    from cybercase.cases.cases import close_case

    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        create_case(vault, "Open one", "7b", 1)
        done = create_case(vault, "Closed one [x]", "8a", 2)
        close_case(vault, done.ref, "resolved after talks")
    finally:
        vault.close()
    app = app_factory(vault_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        table = app.screen.query_one(CaseTable)
        assert table.row_count == 1 and "Closed one" not in widget_text(table)
        assert "a: closed cases too" in widget_text(app.screen.query_one("#case-count"))
        await pilot.press("a")
        await pilot.pause()
        assert table.row_count == 2
        shown = widget_text(table)
        assert "(closed) Closed one [x]" in shown
        assert "2 cases, 1 closed" in widget_text(app.screen.query_one("#case-count"))
        table.select_ref(done.ref)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen) and app.screen.case.status == "closed"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert table.row_count == 1
