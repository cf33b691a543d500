"""Keys typed before a dialog has mounted (issue 20): they go to the dialog's first field,
never to the screen below it (where a letter is a shortcut)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input

from cybercase.tui.case.accounts_dialogs import AddAccountModal
from cybercase.tui.case.case_actions import FollowUpModal
from cybercase.tui.case.people import AddPersonModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.new_case import NewCaseModal
from cybercase.tui.dashboard.screen import DashboardScreen
from tests.tui.conftest import AppFactory, Unlock, open_tab, settle
from tests.tui.test_panes import case_vault  # noqa: F401  (the fixture)

SIZE = (100, 32)


def burst(app: App[None], keys: str) -> None:
    """Post the keys all at once, as a terminal delivers fast typing (Pilot's press waits
    for the app between keys, which hides the race)."""
    for key in keys:
        app.post_message(events.Key("space" if key == " " else key, key))


@pytest.mark.parametrize(("tab", "keys", "dialog", "field"), [
    # "e" on the people tab opens the roles of the person under the cursor,
    # "n" a school-system note
    ("people", "aSem en Noor", AddPersonModal, "#name"),
    # "t" attributes an account, "f" finds one, "l" links evidence
    ("accounts", "atiktok fl", AddAccountModal, "#platform"),
    # the dialog puts the focus on its second field (the date), not its first (a list):
    # the "3" must not go to the list while the focus moves
    ("overview", "f31-12-2026", FollowUpModal, "#due"),
])
async def test_a_name_typed_at_once_after_the_key_lands_in_the_dialog(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock,  # noqa: F811
    tab: str, keys: str, dialog: type, field: str,
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, tab)
        burst(app, keys)
        await settle(pilot)
        modal = app.screen
        # nothing else opened: the dialog sits right on the case screen
        assert isinstance(modal, dialog), app.screen_stack
        assert app.screen_stack[-2] is screen and isinstance(screen, CaseScreen)
        assert modal.query_one(field, Input).value == keys[1:]


async def test_a_new_case_title_typed_at_once_on_the_dashboard(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock  # noqa: F811
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        dashboard = app.screen
        burst(app, "npesten")  # "p" privacy, "s" figures, "e" ..., "n" new case
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, NewCaseModal), app.screen_stack
        assert app.screen_stack[-2] is dashboard and isinstance(dashboard, DashboardScreen)
        assert modal.query_one("#title", Input).value == "pesten"


async def test_keys_after_closing_a_dialog_go_to_the_screen_below(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock  # noqa: F811
) -> None:
    """The line works both ways: Escape closes the empty dialog, and the "n" right after
    it is the dashboard's shortcut again (it opens the dialog anew), not lost."""
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        burst(app, "n")
        await settle(pilot)
        first = app.screen
        assert isinstance(first, NewCaseModal)
        app.post_message(events.Key("escape", None))
        burst(app, "nab")
        await settle(pilot)
        assert isinstance(app.screen, NewCaseModal) and app.screen is not first
        assert isinstance(app.screen_stack[-2], DashboardScreen)
        assert app.screen.query_one("#title", Input).value == "ab"
