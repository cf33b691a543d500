"""The protocol's bookkeeping in the app (issue #20, items 3 and 5): the ict role told
that meetings exist but are hidden, phase names in the new-case dialog, the overview's
last activity the same as the dashboard's, Dutch dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.cases.supportgroup import record_meeting
from cybercase.core.dutchdates import app_moment
from cybercase.core.i18n import set_language
from cybercase.tui.case.support import SupportGroupPane
from cybercase.tui.dashboard.new_case import NewCaseModal
from cybercase.tui.widgets.case_overview import CaseOverview
from cybercase.tui.widgets.case_table import CaseTable
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.views.activity import last_activity
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, open_tab, settle, vault_of, widget_text

SIZE = (120, 40)


@pytest.fixture
def sg_vault(vault_dir: Path) -> Path:
    """One case with two support-group meetings and an ict user."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "WhatsApp group 7b", "7b", 2)
        add_person(vault, case.ref, "Sanne", "pupil", role="bullied", group="7b")
        tim = add_person(vault, case.ref, "Tim", "pupil", role="bully", group="7b")
        record_meeting(vault, case.ref, "1", "2026-11-02")
        record_meeting(vault, case.ref, "2", "2026-11-04", participants=[tim.id],
                       actions=[(tim.id, "says hello")])
        vault.add_user("ict1", "ict", PASSPHRASE)
    finally:
        vault.close()
    return vault_dir


async def test_ict_is_told_meetings_exist_but_are_hidden(
        sg_vault: Path, app_factory: AppFactory, unlock: Unlock) -> None:
    app = app_factory(sg_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "support", user="ict1")
        pane = screen.query_one(SupportGroupPane)
        table = pane.query_one(VirtualTable)
        assert table.row_count == 0
        assert table.empty_text == "2 meetings (not visible for your role)"
        assert "No meetings yet" not in widget_text(table)
        assert "2 meetings (not visible" in widget_text(pane.query_one("#sg-status"))
        assert "care.read" in pane.query_one("#pane-problem", ErrorLine).message


async def test_ict_sees_the_dutch_count(
        sg_vault: Path, app_factory: AppFactory, unlock: Unlock) -> None:
    set_language("nl")
    app = app_factory(sg_vault)
    app.settings.language = "nl"  # type: ignore[attr-defined]
    async with app.run_test(size=SIZE) as pilot:
        set_language("nl")
        screen = await open_tab(pilot, unlock, "support", user="ict1")
        table = screen.query_one(SupportGroupPane).query_one(VirtualTable)
        assert table.empty_text == "2 bijeenkomsten (niet zichtbaar voor uw rol)"


async def test_new_case_dialog_names_the_phases(
        sg_vault: Path, app_factory: AppFactory, unlock: Unlock) -> None:
    app = app_factory(sg_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        modal = NewCaseModal()
        app.push_screen(modal)
        await settle(pilot)
        select = modal.query_one("#phase", Select)
        labels = [str(prompt) for prompt, _value in select._options]
        assert "Phase 2: Bullying established" in labels
        assert len(labels) == 6
        assert all(x.startswith(f"Phase {n}: ") and len(x) > len("Phase 1: ")
                   for n, x in enumerate(labels, 1))


async def test_overview_and_dashboard_agree_on_last_activity(
        sg_vault: Path, app_factory: AppFactory, unlock: Unlock) -> None:
    app = app_factory(sg_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        vault = vault_of(pilot)
        table = app.screen.query_one(CaseTable)
        ref = table.selected_ref
        assert ref is not None
        when = app_moment(last_activity(vault)[ref], "en")
        assert when in widget_text(table)
        await pilot.press("enter")
        await settle(pilot)
        overview = app.screen.query_one(CaseOverview)
        shown = widget_text(overview)
        assert when in shown
        assert "CET" not in shown and "UTC" not in shown


@pytest.fixture
def closed_vault(vault_dir: Path) -> Path:
    """Two cases: 2026-001 closed, 2026-002 open."""
    from cybercase.cases.cases import close_case

    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        first = create_case(vault, "WhatsApp group 7b", "7b", 2)
        close_case(vault, first.ref, "stopped after step 3")
        create_case(vault, "Opened twice", "7b", 1)
    finally:
        vault.close()
    return vault_dir


async def test_reopen_and_void_from_the_overview(
        closed_vault: Path, app_factory: AppFactory, unlock: Unlock) -> None:
    from textual.widgets import Input, TextArea

    from cybercase.cases.cases import get_case, list_cases
    from cybercase.tui.case.lifecycle_dialogs import ReopenModal, VoidModal
    from tests.tui.conftest import error_of, submit

    app = app_factory(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview", ref="2026-001")
        await pilot.press("R")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ReopenModal)
        await submit(pilot)
        assert app.screen is modal and "reason" in error_of(pilot)
        modal.query_one("#reason", TextArea).load_text("new messages in the group")
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        case = get_case(vault_of(pilot), "2026-001")
        assert (case.status, case.reopen_reason) == ("open", "new messages in the group")
        assert "new messages in the group" in widget_text(screen.query_one(CaseOverview))
        app.open_case("2026-002")  # type: ignore[attr-defined]
        await settle(pilot)
        second = app.screen
        second.show_tab("overview")  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("V")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, VoidModal)
        modal.query_one("#reason", TextArea).load_text("a second case for one report")
        modal.query_one("#confirm", Input).value = "2026-001"
        await submit(pilot)
        assert app.screen is modal and "Type the case reference 2026-002" in error_of(pilot)
        modal.query_one("#confirm", Input).value = "2026-002"
        await submit(pilot)
        await settle(pilot)
        vault = vault_of(pilot)
        assert get_case(vault, "2026-002").voided
        assert [c.ref for c in list_cases(vault)] == ["2026-001"]


async def test_overview_names_phases_and_shows_the_suggested_phase(
        vault_dir: Path, app_factory: AppFactory, unlock: Unlock) -> None:
    from cybercase.cases.cases import triage
    from cybercase.cases.phases import change_phase

    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "WhatsApp group 7b", "7b", 1)
        triage(vault, case.ref, "pesten", {"intent": True, "repetition": True, "power": True})
    finally:
        vault.close()
    app = app_factory(vault_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        shown = widget_text(screen.query_one("#overview-triage"))
        assert "The protocol suggests Phase 2: Bullying established" in shown
        assert "Phase 1: " in widget_text(screen.query_one(CaseOverview))
        change_phase(vault_of(pilot), case.ref, 2, "triage: bullying")
        screen.reload_panes()
        await settle(pilot)
        assert "suggests" not in widget_text(screen.query_one("#overview-triage"))
        history = widget_text(screen.query_one("#phase-history"))
        assert "1 → Phase 2: Bullying established" in history


async def test_still_to_inform_by_protocol_names_and_dates_the_dutch_way(
        sg_vault: Path, app_factory: AppFactory, unlock: Unlock) -> None:
    app = app_factory(sg_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "support")
        pane = screen.query_one(SupportGroupPane)
        table = pane.query_one(VirtualTable)
        table.cursor_row = 1  # the step-2 meeting
        await pilot.pause()
        detail = " ".join(widget_text(pane.query_one("#meeting-detail")).split())
        assert "Still to inform:" in detail
        assert "care coordinator (IB'er)" in detail  # the protocol's names, not its keys
        assert "ib, ivp" not in detail
        assert "4 November 2026" in widget_text(table)  # held on, the reader's way
