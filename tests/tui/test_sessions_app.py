"""Several coordinators at once, seen from the app: who else has the vault open is on the
dashboard; each unlock is a session with its own record and audit entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from cybercase.cases.cases import get_case, set_intake
from cybercase.tui.case.case_actions import EditCaseModal
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.vault.sessions import open_sessions, register
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import (
    SIZE,
    AppFactory,
    Unlock,
    discard,
    error_of,
    open_tab,
    submit,
    vault_of,
    widget_text,
)


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


async def test_a_colleagues_newer_change_refuses_the_save_and_keeps_the_form(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, unlock, "overview")
        await pilot.press("e")  # edit the case: the form shows it as it is now
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, EditCaseModal)
        modal.query_one("#summary", TextArea).load_text("Anna's careful summary")
        modal.query_one("#group", Input).value = "7c"

        # meanwhile a colleague, on another connection, changes the same case
        with Vault.open(tui_vault, USER, PASSPHRASE) as colleague:
            ref = modal.case.ref
            set_intake(colleague, ref, summary="Bob's summary", reason="talked to mother")

        await submit(pilot)
        assert app.screen is modal  # the form stays, with what was typed
        line = error_of(pilot)
        assert line.startswith("This case was changed by someone else after this form was "
                               "opened; nothing was saved")
        assert modal.query_one("#summary", TextArea).text == "Anna's careful summary"
        assert modal.query_one("#group", Input).value == "7c"
        case = get_case(vault_of(pilot), ref)
        assert (case.summary, case.group) == ("Bob's summary", "7b")  # nothing lost

        # closing the form and reading the case again (r), the edit goes through
        await discard(pilot)  # the filled form asks first
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, EditCaseModal)
        assert modal.query_one("#summary", TextArea).text == "Bob's summary"
        modal.query_one("#group", Input).value = "7c"
        modal.query_one("#reason", Input).value = "moved to 7c"
        await submit(pilot)
        assert not isinstance(app.screen, EditCaseModal), error_of(pilot)
        assert get_case(vault_of(pilot), ref).group == "7c"
