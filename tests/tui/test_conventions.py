"""Settings (language, theme, auto-lock), the command palette, the demo, error display."""

from __future__ import annotations

import json
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Footer, Input, Select

from cybercase.core.i18n import get_language
from cybercase.demo import DEMO_PASSPHRASE, create_demo_vault
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.screens.settings import SettingsModal
from cybercase.tui.screens.unlock import UnlockScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.banner import DemoBanner
from cybercase.tui.widgets.error_line import ErrorLine
from tests.tui.conftest import (
    SIZE,
    AppFactory,
    Unlock,
    palette_search,
    screen_text,
    settle,
    widget_text,
)


def footer_descriptions(app: object) -> set[str]:
    from textual.app import App

    assert isinstance(app, App)
    return {b.description for _, b, enabled, _ in app.screen.active_bindings.values()
            if b.show and enabled}


async def test_settings_switch_language_theme_and_autolock_at_runtime(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert "New" in footer_descriptions(app)  # the short form: the footer is one line
        assert app.theme == "textual-dark"
        await pilot.press("f2")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, SettingsModal)
        modal.query_one("#autolock", Input).value = "0"
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is modal  # refused in place
        assert "1 to 240" in modal.query_one(ErrorLine).message
        modal.query_one("#language", Select).value = "nl"
        modal.query_one("#theme", Select).value = "light"
        autolock = modal.query_one("#autolock", Input)
        autolock.value = "3"
        autolock.focus()
        await pilot.press("enter")  # enter in the field saves too
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert get_language() == "nl"
        assert app.theme == "textual-light"
        assert app.idle_seconds == 180
        # the footer and the screen speak Dutch now
        assert {"Nieuw", "Op slot", "Opdrachten"} <= footer_descriptions(app)
        assert "Open zaken" in screen_text(app.screen)
        assert app.screen.query_one(Footer)
    saved = json.loads((tmp_path / "app.json").read_text())
    assert saved == {"language": "nl", "theme": "light", "auto_lock_minutes": 3}


async def test_settings_file_is_read_at_start(
    tui_vault: Path, app_factory: AppFactory, tmp_path: Path
) -> None:
    settings_file = tmp_path / "app.json"
    settings_file.write_text(json.dumps({"language": "nl", "theme": "light",
                                         "auto_lock_minutes": 5}))
    app = app_factory(tui_vault, settings=None, settings_file=settings_file)
    async with app.run_test(size=SIZE):
        assert get_language() == "nl"
        assert app.theme == "textual-light"
        assert app.idle_seconds == 300
        assert "De kluis ontgrendelen" in screen_text(app.screen)
        # (quit is in the help and the palette: the footers fit 80 columns, issue 20)
        assert "Opdrachten" in footer_descriptions(app)
        assert "Vergrendelen" not in footer_descriptions(app)  # nothing to lock yet


async def test_damaged_settings_file_falls_back_to_defaults(
    tui_vault: Path, app_factory: AppFactory, tmp_path: Path, monkeypatch: object
) -> None:
    settings_file = tmp_path / "app.json"
    settings_file.write_text("{not json")
    app = app_factory(tui_vault, settings=None, settings_file=settings_file)
    async with app.run_test(size=SIZE):
        assert app.settings == AppSettings.defaults()


async def test_command_palette_opens_a_case_by_its_title(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await palette_search(pilot, "idiot")
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        assert screen.case.title == "you [/] idiot [bold]"


async def test_command_palette_locks(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_search(pilot, "lock the vault")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.vault is None
        assert isinstance(app.screen, UnlockScreen)


async def test_errors_show_as_one_line_notification(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.open_case("2099-999")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        messages = [n.message for n in app._notifications]
        assert any("there is no case '2099-999'" in m for m in messages), messages


async def test_demo_unlocks_itself_shows_passphrase_and_relocks_properly(
    vault_dir: Path, app_factory: AppFactory
) -> None:
    create_demo_vault(vault_dir).close()
    app = app_factory(vault_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert DEMO_PASSPHRASE in widget_text(app.screen.query_one(DemoBanner))
        assert app.screen.query_one("CaseTable").row_count >= 5  # type: ignore[attr-defined]
        await pilot.press("ctrl+l")
        await settle(pilot)
        # after locking, the demo asks like any vault (its passphrase still on screen)
        assert app.vault is None
        assert isinstance(app.screen, UnlockScreen)
        assert DEMO_PASSPHRASE in screen_text(app.screen)
