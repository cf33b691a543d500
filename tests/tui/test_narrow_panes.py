"""Below 110 columns a pane's details go under its table (issue 20: at 80x24 the accounts
table showed "Era" and "bev" for its attribution columns and cut every handle)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.core.i18n import t
from cybercase.cyber.accounts import add_account
from cybercase.tui.case.accounts import AccountsPane
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.settings import AppSettings
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import AppFactory, Unlock, open_tab
from tests.tui.test_cyber_panes import REF, cyber_vault  # noqa: F401  (the fixture)
from tests.tui.walk import screen_lines


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_accounts_table_keeps_its_columns_whole_at_80_columns(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock,  # noqa: F811
    size: tuple[int, int],
) -> None:
    vault = Vault.open(cyber_vault, USER, PASSPHRASE)
    try:
        add_account(vault, REF, "WhatsApp", "0612345678")
    finally:
        vault.close()
    app = app_factory(cyber_vault, settings=AppSettings(language="nl"))
    async with app.run_test(size=size) as pilot:
        screen = await open_tab(pilot, unlock, "accounts")
        pane = screen.query_one(AccountsPane)
        narrow = size[0] < AccountsPane.NARROW
        assert pane.has_class("-narrow") is narrow
        assert screen.query_one(EvidencePane).has_class("-narrow") is narrow
        lines = screen_lines(pilot)
        header = t("accounts.col.attribution")
        assert any(header in line for line in lines), lines  # not "Era"
        assert any("WhatsApp" in line and "0612345678" in line for line in lines), lines
        table = pane.query_one("#accounts-table")
        side = pane.query_one("#account-side")
        if narrow:  # the details under the table, both the pane's whole width
            assert side.region.y >= table.region.bottom
            assert table.region.width >= size[0] - 4
        else:
            assert side.region.x >= table.region.right
