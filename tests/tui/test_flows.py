"""The app's flows under Pilot, on real vaults (real SQLCipher files, real Argon2id)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.text import Text
from textual.widgets import Input, Select, TabbedContent

from cybercase.cases.cases import list_cases
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.new_case import NewCaseModal
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.screens.create_vault import CreateVaultScreen, RecoveryKeyModal
from cybercase.tui.screens.help import HelpModal
from cybercase.tui.screens.unlock import UnlockScreen
from cybercase.tui.widgets.case_overview import CaseOverview
from cybercase.tui.widgets.case_table import CaseTable
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault import Vault
from tests.tui.conftest import (
    PASSPHRASE,
    SIZE,
    AppFactory,
    Unlock,
    discard,
    screen_text,
    settle,
    widget_text,
)


async def test_unlock_right_passphrase_shows_dashboard(
    tui_vault: Path, app_factory: AppFactory
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert app.vault is None
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.vault is not None and app.vault.user == "anna"
        table = app.screen.query_one(CaseTable)
        assert table.row_count == 2
        # user text is shown as typed, never interpreted as markup
        cells = [table.cell(i, "title") for i in range(table.row_count)]
        assert Text("you [/] idiot [bold]") in cells


async def test_wrong_passphrase_says_so_in_place_and_allows_retry(
    tui_vault: Path, app_factory: AppFactory
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        field = screen.query_one("#passphrase", Input)
        field.value = "not the passphrase at all"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert app.vault is None
        message = screen.query_one(ErrorLine).message
        assert "wrong passphrase" in message
        assert field.value == "" and not field.disabled and field.has_focus
        # retry with the right one
        await pilot.press(*PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_empty_passphrase_is_refused_without_unlocking(
    tui_vault: Path, app_factory: AppFactory
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.query_one(ErrorLine).message == "Type your passphrase."


async def test_new_case_validates_in_place_then_creates(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, NewCaseModal)
        await pilot.click("#create")  # empty title: the core's message, in place
        await pilot.pause()
        assert app.screen is modal
        assert "the title is empty" in modal.query_one(ErrorLine).message
        await pilot.click("#title")
        await pilot.press(*"Fake account [red]x[/red]")
        modal.query_one("#group", Input).value = "8a"
        modal.query_one("#phase", Select).value = 3
        await pilot.click("#create")
        await settle(pilot)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        table = dashboard.query_one(CaseTable)
        assert table.row_count == 3
        assert app.vault is not None
        created = [c for c in list_cases(app.vault) if c.group == "8a"]
        assert [(c.title, c.phase) for c in created] == [("Fake account [red]x[/red]", 3)]
        assert table.selected_ref == created[0].ref  # the cursor is on the new case


async def test_new_case_cancel_changes_nothing(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Half typed")
        await discard(pilot)  # typed: it asks first
        assert isinstance(app.screen, DashboardScreen)
        assert app.vault is not None and len(list_cases(app.vault)) == 2


async def test_open_case_shows_overview_and_back(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        table = app.screen.query_one(CaseTable)
        ref = table.selected_ref
        assert ref is not None
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        assert screen.case.ref == ref
        assert screen.query_one(TabbedContent).active == "pane-overview"
        overview = screen.query_one(CaseOverview)
        shown = widget_text(overview)
        assert ref in shown and "WhatsApp group 7b" in shown and "7b" in shown
        assert "Phase 2: " in shown  # the phase with its name from the case's protocol
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_lock_key_closes_vault_and_removes_data_screens(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        vault = app.vault
        assert vault is not None
        await pilot.press("enter")  # open a case
        await pilot.pause()
        await pilot.press("n")  # not on the case screen: nothing
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.vault is None
        assert isinstance(app.screen, UnlockScreen)
        assert len(app.screen_stack) == 2  # the app's blank base screen and the unlock screen
        assert not app.query("CaseTable, CaseOverview")
        assert not any(isinstance(s, (DashboardScreen, CaseScreen)) for s in app.screen_stack)
        # the connection really is closed
        try:
            vault.conn.execute("SELECT 1")
        except Exception:
            pass
        else:
            raise AssertionError("the vault connection is still open after locking")
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")  # and it opens again, on the case that was open
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen) and app.vault is not None


async def test_idle_time_locks(tui_vault: Path, app_factory: AppFactory) -> None:
    app = app_factory(tui_vault, idle_seconds=0.5)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")

        def idle_locked() -> bool:  # the notice proves it was unlocked, then locked idle
            return any("without activity" in n.message for n in app._notifications)

        unlocked_seen = False
        for _ in range(400):  # at most 20 s on a loaded machine; usually about 1 s
            await asyncio.sleep(0.05)
            unlocked_seen = unlocked_seen or app.vault is not None
            if idle_locked():
                break
        await pilot.pause()
        assert idle_locked(), (unlocked_seen, app.screen_stack)
        assert app.vault is None
        assert isinstance(app.screen, UnlockScreen)
        assert not any(isinstance(s, DashboardScreen) for s in app.screen_stack)


async def test_missing_vault_offers_to_create_one(
    vault_dir: Path, app_factory: AppFactory
) -> None:
    app = app_factory(vault_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CreateVaultScreen)
        screen.query_one("#user", Input).value = "bram"
        screen.query_one("#school", Input).value = "De Regenboog"
        screen.query_one("#passphrase", Input).value = "long enough passphrase"
        screen.query_one("#passphrase2", Input).value = "a different passphrase"
        screen.query_one("#passphrase2", Input).focus()
        await pilot.press("enter")  # enter in the last field submits the form
        await pilot.pause()
        assert "differ" in screen.query_one(ErrorLine).message
        assert not vault_dir.exists()
        screen.query_one("#passphrase2", Input).value = "long enough passphrase"
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, RecoveryKeyModal)
        key = modal.recovery_key
        assert len(key) == 64
        await pilot.click("#done")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    # the vault is real: the recovery key shown opens it
    Vault.open(vault_dir, "recovery", key).close()
    Vault.open(vault_dir, "bram", "long enough passphrase").close()


async def test_help_lists_keys_of_the_screen(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        text = screen_text(app.screen)
        assert "New case" in text and "Lock" in text and "Quit" in text
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
