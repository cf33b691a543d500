"""Several coordinators at once, seen from the app: who else has the vault open is on the
dashboard; each unlock is a session with its own record and audit entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.tui.screens.dashboard import DashboardScreen
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.vault.sessions import open_sessions, register
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import SIZE, AppFactory, Unlock, vault_of, widget_text


async def test_the_dashboard_shows_who_else_has_the_vault_open(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Vault.open(tui_vault, USER, PASSPHRASE)
    monkeypatch.setenv("SSH_CONNECTION", "192.0.2.7 51234 192.0.2.1 22")
    theirs = register(other)  # a colleague's session, over SSH
    monkeypatch.delenv("SSH_CONNECTION")
    try:
        app = app_factory(tui_vault)
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot)
            screen = app.screen
            assert isinstance(screen, DashboardScreen)
            line = widget_text(screen.query_one("#others"))
            assert "Also open: anna (since" in line and "over SSH" in line, line
            assert screen.query_one("#others").display
            assert app.session is not None
            assert {s.id for s in open_sessions(tui_vault)} == {theirs.id, app.session.id}
            opened = [e for e in entries(vault_of(pilot).conn) if e.action == "session.open"]
            assert [e.details["via"] for e in opened if e.details] == ["ssh", "local"]
            assert opened[0].details is not None
            assert opened[0].details["client"] == "192.0.2.7 51234"

            theirs.close()  # the colleague leaves
            screen.show_others()
            await pilot.pause()
            assert not screen.query_one("#others").display
            own = app.session.id
            await app.lock()
            await pilot.pause()
            assert own not in {s.id for s in open_sessions(tui_vault)}  # locking ends it
    finally:
        theirs.close()
        other.close()
