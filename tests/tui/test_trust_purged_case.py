"""Issue #14: a case the app shows is purged by another program; the app must not freeze."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from cybercase.cases.cases import close_case, list_cases
from cybercase.privacy import retention
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import SIZE, AppFactory, Unlock, open_tab, settle


def _purge_elsewhere(vault_dir: Path, ref: str) -> None:
    other = Vault.open(vault_dir, USER, PASSPHRASE)
    try:
        close_case(other, ref, "solved")
        retention.set_retention(other, 0)
        assert retention.purge(other, yes=True).receipts
    finally:
        other.close()


async def test_a_case_purged_by_another_program(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        ref = screen.case.ref
        _purge_elsewhere(tui_vault, ref)
        notices: list[Any] = []
        real_notify = app.notify
        def notify(message: str, **kw: Any) -> None:
            notices.append(message)
            real_notify(message, **kw)

        app.notify = notify  # type: ignore[method-assign]
        await asyncio.wait_for(pilot.press("r"), 20)
        await settle(pilot)
        await asyncio.wait_for(pilot.press("]"), 20)
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen), app.screen
        assert any(ref in str(n) for n in notices), notices
        assert ref not in [c.ref for c in list_cases(app.vault)]  # type: ignore[arg-type]
        await asyncio.wait_for(pilot.press("ctrl+q"), 20)
        await pilot.pause()
    assert app.return_code in (0, None)


