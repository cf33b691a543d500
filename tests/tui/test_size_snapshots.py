"""The main screens at 80x24 (usable) and 120x40 (comfortable), in Dutch (issue 20, item 1).

Same fixed vaults as test_snapshots.py. Update after an intended change with
``pytest tests/tui/test_size_snapshots.py --snapshot-update`` and look at the SVGs first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.settings import AppSettings
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_snapshots import (  # noqa: F401  (fixtures)
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
