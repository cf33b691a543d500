"""The main screens at 80x24 (usable) and 120x40 (comfortable), in Dutch (issue 20, item 1).

Same fixed vaults as test_snapshots.py. Update after an intended change with
``pytest tests/tui/test_size_snapshots.py --snapshot-update`` and look at the SVGs first.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from cybercase.demo.chatshots import chat_png
from cybercase.evidence.store import store_bytes
from cybercase.tui.case import timeline as timeline_pane
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.case.screen import CASE_PANES, CaseScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.viewer.image_screen import ImageViewerScreen
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import AppFactory, settle, wait_until
from tests.tui.test_snapshots import (  # noqa: F401  (fixtures)
    FIXED_TIME,
    Snap,
    _fixed_activity,
    snap_case_file,
    snap_vault,
    steady,
    unlocked,
)

SIZES = [(80, 24), (120, 40)]
DUTCH = AppSettings(language="nl")


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_at(snap_compare: Snap, snap_vault: Path, app_factory: AppFactory,  # noqa: F811
                      size: tuple[int, int]) -> None:
    assert snap_compare(app_factory(snap_vault, settings=DUTCH), terminal_size=size,
                        run_before=unlocked)


async def _case_tab(pilot: Pilot[Any], tab: str) -> None:
    await unlocked(pilot)
    pilot.app.open_case("2026-001", tab)  # type: ignore[attr-defined]
    await settle(pilot)
    assert isinstance(pilot.app.screen, CaseScreen)
    steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_case_overview_at(snap_compare: Snap, snap_case_file: Path,  # noqa: F811
                          app_factory: AppFactory, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await _case_tab(pilot, "overview")

    assert snap_compare(app_factory(snap_case_file, settings=DUTCH), terminal_size=size,
                        run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_evidence_tab_at(snap_compare: Snap, snap_case_file: Path,  # noqa: F811
                         app_factory: AppFactory, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await _case_tab(pilot, "evidence")

    assert snap_compare(app_factory(snap_case_file, settings=DUTCH), terminal_size=size,
                        run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_admin_at(snap_compare: Snap, snap_vault: Path, app_factory: AppFactory,  # noqa: F811
                  size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await unlocked(pilot)
        pilot.app.action_admin("school")  # type: ignore[attr-defined]
        await settle(pilot)
        steady(pilot)

    assert snap_compare(app_factory(snap_vault, settings=DUTCH), terminal_size=size,
                        run_before=run)


# every other tab of the case screen (overview and evidence above)
OTHER_TABS = [pane_id for pane_id, _key, _factory in CASE_PANES
              if pane_id not in ("overview", "evidence")]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("tab", OTHER_TABS)
def test_case_tab_at(snap_compare: Snap, snap_case_file: Path,  # noqa: F811
                     app_factory: AppFactory, tab: str, size: tuple[int, int],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    if tab == "audit":  # the log's own entries, at a fixed time (their times cannot be set)
        real = timeline_pane.visible_entries
        monkeypatch.setattr(timeline_pane, "visible_entries", lambda vault, ref: [
            replace(entry, ts=FIXED_TIME) for entry in real(vault, ref)])

    async def run(pilot: Pilot[Any]) -> None:
        await _case_tab(pilot, tab)

    assert snap_compare(app_factory(snap_case_file, settings=DUTCH), terminal_size=size,
                        run_before=run)


@pytest.fixture
def snap_image_file(snap_vault: Path) -> Path:  # noqa: F811
    """Case 2026-003 with one real screenshot (Pillow-drawn, the same bytes every run),
    stored as ingest would store it but at a fixed time (as snap_case_file does)."""
    vault = Vault.open(snap_vault, USER, PASSPHRASE)
    try:
        ref = "2026-003"
        case_id = vault.conn.execute("SELECT id FROM cases WHERE ref = ?", (ref,)).fetchone()[0]
        data = chat_png()
        with vault.transaction() as tx:
            blob = store_bytes(tx, data)
            tx.execute(
                "INSERT INTO evidence_items(case_id, blob_id, sha256, size, mime,"
                " original_name, original_name_raw, extension, source_path, file_mtime,"
                " ingested_at, ingested_by, flags, stated)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (case_id, blob.id, blob.sha256, blob.size, "image/png", "IMG_0412.PNG",
                 b"IMG_0412.PNG", ".png", "/media/usb/IMG_0412.PNG", FIXED_TIME, FIXED_TIME,
                 USER, "[]", json.dumps({"description": "Groepsapp 7b"})))
            tx.audit("test.fixture", f"case {ref}", {"note": "snapshot image"}, case_ref=ref)
    finally:
        vault.close()
    return snap_vault


@pytest.mark.parametrize("size", SIZES)
def test_image_viewer_at(snap_compare: Snap, snap_image_file: Path,
                         app_factory: AppFactory, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await unlocked(pilot)
        pilot.app.open_case("2026-003", "evidence")  # type: ignore[attr-defined]
        await settle(pilot)
        table = pilot.app.screen.query_one(EvidencePane).query_one(VirtualTable)
        table.focus()
        table.cursor_row = 0
        await pilot.press("o")
        await settle(pilot)
        viewer = pilot.app.screen
        assert isinstance(viewer, ImageViewerScreen), viewer
        await wait_until(pilot, lambda: viewer.view is not None, "the image decoded")
        await settle(pilot)
        steady(pilot)

    assert snap_compare(app_factory(snap_image_file, settings=DUTCH), terminal_size=size,
                        run_before=run)
