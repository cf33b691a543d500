"""Snapshot of the accounts pane (pytest-textual-snapshot; SVG in __snapshots__/).

Built on the shared snapshot case file (fixed references and times). The attribution
history is append-only (a trigger refuses to change it), so the accounts and attributions are
made with the core while the clock reads the fixed time. Update after
an intended change with ``pytest tests/tui/test_cyber_snapshots.py --snapshot-update`` and
look at the SVG before committing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from cybercase.cases.cases import get_case
from cybercase.cases.people import list_people
from cybercase.core import timeutil
from cybercase.cyber.accounts import add_account, attribute
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import AppFactory
from tests.tui.test_snapshots import (  # noqa: F401  (fixtures used by name)
    FIXED_TIME,
    Snap,
    open_case_tab,
    snap_case_file,
    snap_vault,
)


@pytest.fixture
def snap_accounts(snap_case_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """Case 2026-001: an impersonation account (suspected, then confirmed; also in case
    2026-003) and a plain one, made at the fixed time."""
    vault = Vault.open(snap_case_file, USER, PASSPHRASE)
    try:
        with monkeypatch.context() as clock:
            clock.setattr(timeutil, "now_utc", lambda: timeutil.from_iso(FIXED_TIME))
            people = {p.name: p.id for p in list_people(vault, get_case(vault, "2026-001"))}
            fake = add_account(vault, "2026-001", "Instagram", "@juf_ellen_fake",
                               display_name="Juf Ellen [b]",
                               profile_url="https://instagram.com/juf_ellen_fake",
                               impersonates="teacher of 7b",
                               impersonates_person=people["Juf Ellen"], evidence=[1, 2])
            attribute(vault, fake.id, people["Tim [bold]"], "suspected", "pupil_statement",
                      "Sanne saw the app on his phone")
            attribute(vault, fake.id, people["Tim [bold]"], "confirmed", "admission")
            add_account(vault, "2026-001", "TikTok", "@tim.7b", phone="06-12345678")
            add_account(vault, "2026-003", "Instagram", "@Juf_Ellen_Fake")
    finally:
        vault.close()
    return snap_case_file


def test_accounts_pane(snap_compare: Snap, snap_accounts: Path,
                       app_factory: AppFactory) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_case_tab(pilot, "accounts")

    assert snap_compare(app_factory(snap_accounts), terminal_size=(120, 32), run_before=run)
