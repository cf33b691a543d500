"""The cyber panes under Pilot: accounts and attribution, takedown referrals with their
request text, police records, smartphone agreements with their PDF form. Real vaults and a
real image; every change goes through the core and errors show in the dialog, in place."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, Select, SelectionList

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.cyber.accounts import add_account, list_accounts
from cybercase.evidence.ingest import Stated, ingest
from cybercase.timeutil import local_today
from cybercase.tui.panes.accounts import AccountsPane
from cybercase.tui.screens.case import CaseScreen
from cybercase.tui.screens.cyber_forms import AddAccountModal, AttributeModal, LinkEvidenceModal
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import AppFactory, Unlock, settle, widget_text

SIZE = (120, 40)
REF = "2026-001"  # the first case a new vault opens


def years_ago(years: int, days: int = 0) -> str:
    today = local_today()
    born = date(today.year - years, today.month, 28 if today.day > 28 else today.day)
    return date.fromordinal(born.toordinal() - days).isoformat()


@pytest.fixture
def cyber_vault(vault_dir: Path, tmp_path: Path) -> Path:
    """Case 2026-001 with three pupils (one of them 10), a parent and a screenshot; case
    2026-002 has the account @juf_ellen_fake already."""
    vault, _ = Vault.create(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Fake Instagram account of juf Ellen", "7b", 3)
        assert case.ref == REF
        add_person(vault, REF, "Sanne [bold]", "pupil", role="bullied", group="7b",
                   born=years_ago(12, 40))
        add_person(vault, REF, "Tim", "pupil", role="bully", group="7b", born=years_ago(10))
        add_person(vault, REF, "Daan", "pupil", role="follower", group="7b",
                   born=years_ago(13))
        add_person(vault, REF, "Mother of Sanne", "parent")
        shot = tmp_path / "story.png"
        Image.new("RGB", (64, 48), (200, 30, 30)).save(shot, "PNG")
        ingest(vault, REF, [str(shot)], Stated(description="story posted at night"),
               workers=0)
        other = create_case(vault, "Group 8a", "8a", 2)
        add_account(vault, other.ref, "Instagram", "@Juf_Ellen_Fake")
        vault.add_user("ict1", "ict", PASSPHRASE)
    finally:
        vault.close()
    return vault_dir


async def open_tab(pilot: Pilot[Any], unlock: Unlock, tab: str) -> CaseScreen:
    await unlock(pilot)
    pilot.app.open_case(REF)  # type: ignore[attr-defined]
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    screen.show_tab(tab)
    await settle(pilot)
    return screen


def vault_of(pilot: Pilot[Any]) -> Vault:
    vault = pilot.app.vault  # type: ignore[attr-defined]
    assert isinstance(vault, Vault)
    return vault


async def submit(pilot: Pilot[Any]) -> None:
    pilot.app.screen.query_one("#submit", Button).press()
    await pilot.pause()


def error_of(pilot: Pilot[Any]) -> str:
    return pilot.app.screen.query_one("#error", ErrorLine).message


def plain(widget: Any) -> str:
    """A Static's whole text, unwrapped."""
    return str(widget.render())


def notices(pilot: Pilot[Any]) -> list[str]:
    return [n.message for n in pilot.app._notifications]


def person_id(vault: Vault, name: str) -> int:
    row = vault.conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
    return int(row[0])


# --- accounts -----------------------------------------------------------------------------


async def test_account_with_a_bad_url_is_refused_in_place(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(cyber_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "accounts")
        pane = screen.query_one(AccountsPane)
        assert pane.query_one(VirtualTable).has_focus
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddAccountModal)
        modal.query_one("#platform", Input).value = "Instagram"
        modal.query_one("#handle", Input).value = "@juf_ellen_fake"
        modal.query_one("#profile_url", Input).value = "instagram/juf_ellen_fake"
        await submit(pilot)
        assert app.screen is modal
        assert "is not a web address" in error_of(pilot)
        modal.query_one("#profile_url", Input).value = "https://instagram.com/juf_ellen_fake"
        modal.query_one("#phone", Input).value = "12345"
        await submit(pilot)
        assert app.screen is modal and "is not a phone number" in error_of(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert list_accounts(vault_of(pilot), REF) == []  # nothing stored


async def test_impersonation_account_attributed_suspected_then_confirmed(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(cyber_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "accounts")
        pane = screen.query_one(AccountsPane)
        table = pane.query_one(VirtualTable)
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddAccountModal)
        modal.query_one("#platform", Input).value = "Instagram"
        modal.query_one("#handle", Input).value = "@juf_ellen_fake"
        modal.query_one("#display_name", Input).value = "Juf Ellen [b]"
        modal.query_one("#profile_url", Input).value = "https://instagram.com/juf_ellen_fake"
        modal.query_one("#impersonates", Input).value = "teacher of 7b"
        evidence = modal.query_one(SelectionList)
        evidence.select_all()
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        (acc,) = list_accounts(vault_of(pilot), REF)
        assert acc.fake and acc.impersonates == "teacher of 7b" and len(acc.evidence) == 1
        # the same handle in the other case: said after saving, and marked in the table
        assert any("also appears in case 2026-002" in m for m in notices(pilot))
        assert table.row_count == 1
        assert str(table.cell(0, "fake")) == "posing"
        assert str(table.cell(0, "also_in")) == "2026-002"
        detail = plain(pane.query_one("#account-detail"))
        assert "Juf Ellen [b]" in detail and "FAKE ACCOUNT" in detail
        assert "story.png" in detail and "Nobody attributed yet" in detail

        tim = person_id(vault_of(pilot), "Tim")
        for status, basis in (("suspected", "pupil_statement"), ("confirmed", "ict_trace")):
            await pilot.press("t")
            await pilot.pause()
            modal = app.screen
            assert isinstance(modal, AttributeModal)
            if status == "suspected":
                await submit(pilot)  # nobody chosen: said in place
                assert app.screen is modal and "Choose the person" in error_of(pilot)
                modal.query_one("#person", Select).value = tim
            else:
                assert modal.query_one("#person", Select).value == tim  # the current one
            modal.query_one("#status", Select).value = status
            modal.query_one("#basis", Select).value = basis
            await submit(pilot)
            await settle(pilot)
            assert app.screen is screen
        (acc,) = list_accounts(vault_of(pilot), REF)
        assert [(a.status, a.basis) for a in acc.attributions] == [
            ("suspected", "pupil_statement"), ("confirmed", "ict_trace")]
        assert str(table.cell(0, "attribution")) == "confirmed: Tim"
        detail = plain(pane.query_one("#account-detail"))
        assert "suspected: Tim · pupil's statement" in detail
        assert "confirmed: Tim · ICT trace" in detail


async def test_ict_links_evidence_and_viewer_is_refused_plainly(
    cyber_vault: Path, app_factory: AppFactory, tmp_path: Path
) -> None:
    vault = Vault.open(cyber_vault, USER, PASSPHRASE)
    try:
        add_account(vault, REF, "TikTok", "@tim_7b")
        vault.add_user("viewer1", "viewer", PASSPHRASE)
    finally:
        vault.close()
    for user in ("ict1", "viewer1"):
        app = app_factory(cyber_vault)
        async with app.run_test(size=SIZE) as pilot:
            app.screen.query_one("#user", Select).value = user
            app.screen.query_one("#passphrase", Input).value = PASSPHRASE
            await pilot.press("enter")
            await settle(pilot)
            app.open_case(REF)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CaseScreen)
            screen.show_tab("accounts")
            await settle(pilot)
            if user == "ict1":  # ict does the tracing: link the account to the screenshot
                await pilot.press("l")
                await pilot.pause()
                modal = app.screen
                assert isinstance(modal, LinkEvidenceModal)
                await submit(pilot)
                assert "Choose at least one evidence item" in error_of(pilot)
                modal.query_one(SelectionList).select_all()
                await submit(pilot)
                await settle(pilot)
                assert app.screen is screen
                (acc,) = list_accounts(vault_of(pilot), REF)
                assert len(acc.evidence) == 1
                assert any("linked to #1" in m for m in notices(pilot))
                assert "#1 story.png" in plain(screen.query_one("#account-detail"))
            else:  # a viewer reads along; adding is refused with the core's line
                await pilot.press("a")
                await pilot.pause()
                modal = app.screen
                assert isinstance(modal, AddAccountModal)
                modal.query_one("#platform", Input).value = "TikTok"
                modal.query_one("#handle", Input).value = "@other"
                await submit(pilot)
                assert app.screen is modal
                assert "may not do this (accounts.write)" in error_of(pilot)

async def test_accounts_pane_in_dutch(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(cyber_vault, settings=AppSettings(language="nl"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "accounts")
        table = screen.query_one(AccountsPane).query_one(VirtualTable)
        assert "Nog geen accounts" in widget_text(table)
        await pilot.press("a")
        await pilot.pause()
        assert "Een online account toevoegen" in widget_text(app.screen.query_one(".form-title"))
        assert isinstance(app.screen.query_one("#fake", Checkbox), Checkbox)
