"""The school and its contact person in the administration screen: read from and saved
to the vault's settings (checked in the core), a bad phone number refused in place."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, Static

from cybercase.tui.admin.school import SchoolSection
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.vault.settings import get_settings
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import SIZE, AppFactory, Unlock, settle, widget_text


async def test_school_settings_saved_in_the_core_and_checked(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.action_admin("school")
        await settle(pilot)
        section = app.screen.query_one(SchoolSection)
        assert section.query_one("#school-school", Input).value == "OBS De Pirouette"
        section.query_one("#school-contact_name", Input).value = "Nguyễn Thị Hồng"
        section.query_one("#school-phone", Input).value = "call me"
        section.query_one("#school-save", Button).press()
        await settle(pilot)
        problem = widget_text(section.query_one("#problem"))
        assert "is not a telephone number" in problem
        section.query_one("#school-phone", Input).value = "030 123 4567"
        section.query_one("#school-email", Input).value = "zorg@pirouette.nl"
        section.query_one("#school-save", Button).press()
        await settle(pilot)
        assert "Saved" in widget_text(section.query_one("#school-result", Static))
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:
        settings = get_settings(vault)
        assert (settings.contact_name, settings.phone, settings.email) == (
            "Nguyễn Thị Hồng", "030 123 4567", "zorg@pirouette.nl")
        assert [e.action for e in entries(vault.conn)].count("settings.set") == 1
