"""Snapshots of the main screens (pytest-textual-snapshot; SVGs in __snapshots__/).

What varies between runs is fixed first: the vault's temp path is masked on screen, and the
cases get fixed references and times (set through a real vault transaction, audited).
Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.evidence.store import store_bytes
from cybercase.tui.settings import AppSettings
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, settle

SIZE = (100, 30)
FIXED_TIME = "2026-03-02T08:15:00.000000Z"

Snap = Callable[..., bool]


@pytest.fixture(autouse=True)
def _fixed_activity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Last activity comes from the audit log, whose times cannot be fixed (entries are
    immutable): the pictures show each case's own fixed updated_at instead."""
    monkeypatch.setattr("cybercase.tui.dashboard.screen.last_activity",
                        lambda vault, status="open": {})
    monkeypatch.setattr("cybercase.tui.widgets.case_overview.case_last_activity",
                        lambda vault, ref: "")  # the overview's, the same rule


@pytest.fixture
def snap_vault(vault_dir: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
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
        await pilot.press("ctrl+s")  # an empty title: the core's message in place
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


@pytest.fixture
def snap_case_file(snap_vault: Path) -> Path:
    """Case 2026-001 with people and three evidence items at fixed times.

    The items are inserted as ingest would store them (content through store_bytes, one
    audited transaction) but with fixed times, which ingest itself always takes from the
    clock; nothing here changes how the app reads them.
    """
    vault = Vault.open(snap_vault, USER, PASSPHRASE)
    try:
        ref = "2026-001"
        add_person(vault, ref, "Sanne de Vries", "pupil", role="bullied", group="7b")
        add_person(vault, ref, "Tim [bold]", "pupil", role="bully", group="7b",
                   sg_role="leader")
        add_person(vault, ref, "Mother of Sanne", "parent")
        add_person(vault, ref, "Juf Ellen", "staff", role="teacher")
        case_id = vault.conn.execute("SELECT id FROM cases WHERE ref = ?", (ref,)).fetchone()[0]
        with vault.transaction() as tx:
            for n, (name, mime, stated) in enumerate((
                ("chat 1.png", "image/png", {"description": "Removed from the group [x]"}),
                ("chat 2.png", "image/png", {"description": "Laughing emojis"}),
                ("story.mp4", "video/mp4", {"platform": "Instagram"}),
            ), start=1):
                data = f"snapshot item {n}".encode()
                blob = store_bytes(tx, data)
                tx.execute(
                    "INSERT INTO evidence_items(case_id, blob_id, sha256, size, mime,"
                    " original_name, original_name_raw, extension, source_path, file_mtime,"
                    " ingested_at, ingested_by, flags, stated)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (case_id, blob.id, blob.sha256, blob.size, mime, name, name.encode(),
                     Path(name).suffix, f"/media/usb/{name}", FIXED_TIME, FIXED_TIME, USER,
                     json.dumps(["extension says .png, content is text"] if n == 2 else []),
                     json.dumps(stated)))
            tx.audit("test.fixture", f"case {ref}", {"note": "snapshot evidence"}, case_ref=ref)
    finally:
        vault.close()
    return snap_vault


async def open_case_tab(pilot: Pilot[Any], tab: str) -> None:
    await unlocked(pilot)
    await pilot.press("enter")  # 2026-001
    await pilot.pause()
    pilot.app.screen.show_tab(tab)  # type: ignore[attr-defined]
    await settle(pilot)


def test_people_pane(snap_compare: Snap, snap_case_file: Path, app_factory: AppFactory) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_case_tab(pilot, "people")

    assert snap_compare(app_factory(snap_case_file), terminal_size=SIZE, run_before=run)


def test_evidence_pane(
    snap_compare: Snap, snap_case_file: Path, app_factory: AppFactory
) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_case_tab(pilot, "evidence")
        await pilot.press("down")  # the flagged item: its metadata on the right
        await pilot.pause()

    assert snap_compare(app_factory(snap_case_file), terminal_size=(120, 30), run_before=run)
