"""Snapshots of the main screens (pytest-textual-snapshot; SVGs in __snapshots__/).

What varies between runs is fixed first: the vault's temp path is masked on screen, and the
cases get fixed references and times (set through a real vault transaction, audited).
Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from cybercase.cases.cases import create_case
from cybercase.tui.settings import AppSettings
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import AppFactory, settle

SIZE = (100, 30)
FIXED_TIME = "2026-03-02T08:15:00.000000Z"

Snap = Callable[..., bool]


@pytest.fixture
def snap_vault(vault_dir: Path) -> Path:
    vault, _ = Vault.create(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        for title, group, phase in (
            ("WhatsApp group 7b: pupil removed and mocked", "7b", 2),
            ("you [/] idiot [bold]", None, 1),
            ("Fake Instagram account posing as a teacher", "8a", 4),
        ):
            create_case(vault, title, group, phase)
        with vault.transaction() as tx:  # fixed refs and times, so the pictures are stable
            for n, (case_id,) in enumerate(
                vault.conn.execute("SELECT id FROM cases ORDER BY id").fetchall(), start=1
            ):
                tx.execute("UPDATE cases SET ref = ?, created_at = ?, updated_at = ?"
                           " WHERE id = ?", (f"2026-{n:03d}", FIXED_TIME, FIXED_TIME, case_id))
            tx.execute("UPDATE phase_changes SET at = ?", (FIXED_TIME,))
            tx.audit("test.fixture", "cases", {"note": "fixed refs and times for snapshots"})
    finally:
        vault.close()
    return vault_dir


def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursor: a picture must not depend on when it was taken."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def mask_path(pilot: Pilot[Any]) -> None:
    for widget in pilot.app.screen.query("#vault-path"):
        assert isinstance(widget, Static)
        widget.update(Text("Vault: /path/to/vault"))
    steady(pilot)


async def unlocked(pilot: Pilot[Any]) -> None:
    pilot.app.screen.query_one("#passphrase", Input).value = PASSPHRASE
    await pilot.press("enter")
    await settle(pilot)


def test_unlock_screen(snap_compare: Snap, snap_vault: Path, app_factory: AppFactory) -> None:
    assert snap_compare(app_factory(snap_vault), terminal_size=SIZE, run_before=mask_path)


def test_unlock_screen_wrong_passphrase(
    snap_compare: Snap, snap_vault: Path, app_factory: AppFactory
) -> None:
    async def wrong(pilot: Pilot[Any]) -> None:
        mask_path(pilot)
        pilot.app.screen.query_one("#passphrase", Input).value = "not the passphrase"
        await pilot.press("enter")
        await settle(pilot)
        steady(pilot)

    assert snap_compare(app_factory(snap_vault), terminal_size=SIZE, run_before=wrong)


def test_create_vault_screen(
    snap_compare: Snap, vault_dir: Path, app_factory: AppFactory
) -> None:
    assert snap_compare(app_factory(vault_dir), terminal_size=(100, 40), run_before=mask_path)


def test_dashboard(snap_compare: Snap, snap_vault: Path, app_factory: AppFactory) -> None:
    assert snap_compare(app_factory(snap_vault), terminal_size=SIZE, run_before=unlocked)


def test_dashboard_in_dutch_light(
    snap_compare: Snap, snap_vault: Path, app_factory: AppFactory
) -> None:
    app = app_factory(snap_vault, settings=AppSettings(language="nl", theme="light"))
    assert snap_compare(app, terminal_size=SIZE, run_before=unlocked)


def test_new_case_dialog_with_error(
    snap_compare: Snap, snap_vault: Path, app_factory: AppFactory
) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await unlocked(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")  # an empty title: the core's message in place
        await pilot.pause()
        steady(pilot)

    assert snap_compare(app_factory(snap_vault), terminal_size=(100, 36), run_before=run)


def test_case_overview(snap_compare: Snap, snap_vault: Path, app_factory: AppFactory) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await unlocked(pilot)
        await pilot.press("down", "enter")  # the case with markup-like text in its title
        await pilot.pause()

    assert snap_compare(app_factory(snap_vault), terminal_size=SIZE, run_before=run)


def test_help(snap_compare: Snap, snap_vault: Path, app_factory: AppFactory) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await unlocked(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app_factory(snap_vault), terminal_size=(100, 36), run_before=run)


def test_settings(snap_compare: Snap, snap_vault: Path, app_factory: AppFactory) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await unlocked(pilot)
        await pilot.press("f2")
        await pilot.pause()
        steady(pilot)

    assert snap_compare(app_factory(snap_vault), terminal_size=SIZE, run_before=run)
