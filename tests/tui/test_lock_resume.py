"""Locking and unlocking (issue 20, items 2 and 7): the auto-lock warns ahead and keeps
nothing decrypted after it; after unlocking the app is back on the case and tab; the
recovery-key login is labelled as such and asks for a new passphrase."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Input, Label, Select

from cybercase.cases.cases import create_case
from cybercase.tui.admin.dialogs import NewPassphraseModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.new_case import NewCaseModal
from cybercase.tui.screens.unlock import UnlockScreen
from cybercase.vault import Vault
from cybercase.vault.keyslots import RECOVERY
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import SIZE, AppFactory, Unlock, open_tab, settle, widget_text

NEW = "a brand new passphrase for anna"


async def test_auto_lock_warns_ahead_then_drops_the_filled_form(
    tui_vault: Path, app_factory: AppFactory
) -> None:
    app = app_factory(tui_vault, idle_seconds=3.0)  # warns 1.5 s ahead (half, < a minute)
    assert app.warn_seconds == 1.5
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewCaseModal)
        await pilot.press(*"takedown")  # a filled form

        def notices() -> list[str]:
            return [n.message for n in app._notifications]

        warned_while_open = False
        for _ in range(400):  # at most 20 s on a loaded machine
            await asyncio.sleep(0.05)
            if any("locks in" in m for m in notices()) and app.vault is not None:
                warned_while_open = True
            if app.vault is None:
                break
        await pilot.pause()
        assert warned_while_open, notices()
        assert app.vault is None and isinstance(app.screen, UnlockScreen)
        assert len(app.screen_stack) == 2  # nothing decrypted stays behind the lock screen
        assert any("was closed and nothing of it was kept" in m for m in notices()), notices()


async def test_a_key_before_the_lock_keeps_the_vault_open(
    tui_vault: Path, app_factory: AppFactory
) -> None:
    app = app_factory(tui_vault, idle_seconds=4.0)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(10):  # 5 s in all, a key every half second: never idle for 4 s
            await asyncio.sleep(0.5)
            await pilot.press("down")
        assert app.vault is not None


async def test_after_unlock_back_on_the_case_and_tab(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        ref = screen.case.ref
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.vault is None and isinstance(app.screen, UnlockScreen)
        await unlock_to_case(pilot)
        back = app.screen
        assert isinstance(back, CaseScreen)
        assert (back.case.ref, back.current_tab()) == (ref, "evidence")


async def unlock_to_case(pilot: Pilot[Any]) -> None:
    pilot.app.screen.query_one("#passphrase", Input).value = PASSPHRASE
    await pilot.press("enter")
    await settle(pilot)


async def test_recovery_login_is_labelled_and_asks_for_a_new_passphrase(
    vault_dir: Path, app_factory: AppFactory
) -> None:
    vault, recovery_key = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        create_case(vault, "WhatsApp group 7b", "7b", 2)
    finally:
        vault.close()
    app = app_factory(vault_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        label = screen.query_one("#passphrase-label", Label)
        assert widget_text(label) == "Passphrase"
        screen.query_one("#user", Select).value = RECOVERY
        await pilot.pause()
        assert widget_text(label) == "Recovery key"  # not "Passphrase"
        screen.query_one("#passphrase", Input).value = recovery_key
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, NewPassphraseModal)
        assert "Set a new passphrase" in widget_text(modal.query_one(".form-title"))
        assert modal.query_one("#user", Select).value == USER
        modal.query_one("#passphrase", Input).value = NEW
        modal.query_one("#passphrase2", Input).value = NEW
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert not isinstance(app.screen, NewPassphraseModal)
    with Vault.open(vault_dir, USER, NEW) as reopened:  # the new passphrase opens it
        assert reopened.user == USER
