"""The app's flows under Pilot, on real vaults."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, AppFactory, Unlock, settle
from textual.widgets import Input

from cybercase.tui.screens.dashboard import DashboardScreen
from cybercase.tui.screens.unlock import UnlockScreen
from cybercase.tui.widgets.case_table import CaseTable
from cybercase.tui.widgets.error_line import ErrorLine


async def test_unlock_right_passphrase_shows_dashboard(
    tui_vault: Path, app_factory: AppFactory, passphrase: str
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        app.screen.query_one("#passphrase", Input).value = passphrase
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.vault is not None and app.vault.user == "anna"
        table = app.screen.query_one(CaseTable)
        assert table.row_count == 2
