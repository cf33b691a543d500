"""Yearly figures in the app: a table and bars per dimension, small counts hidden, no names."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.dashboard.stats import StatsScreen
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, settle, widget_text


async def test_stats_screen_shows_counts_bars_and_hides_small_ones(
    vault_dir: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        for group, count in (("7b", 6), ("8a", 7), ("6a", 2)):
            for n in range(count):
                ref = create_case(vault, f"Group chat {n}", group).ref
        add_person(vault, ref, "Sanne de Vries", "pupil", role="bullied")
    finally:
        vault.close()
    app = app_factory(vault_dir)
    async with app.run_test(size=(120, 60)) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, DashboardScreen)
        app.screen.query_one("#cases").focus()
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        shown = widget_text(screen.query_one("#figures"))
        assert "15 cases opened in" in shown
        rows = {line.split()[0]: line for line in shown.splitlines() if line.strip()[:2] in
                ("7b", "8a", "6a")}
        assert " 7 " in rows["8a"] and "█" in rows["8a"]
        # hidden counts get no bar either: 2 shows as <5, and 6 as x (else 15 - 7 - 6 = 2)
        assert "<5" in rows["6a"] and "█" not in rows["6a"]
        assert " x " in rows["7b"] and "█" not in rows["7b"]
        assert "Sanne" not in shown and "Group chat" not in shown
        year = screen.query_one("#year", Input)
        year.value = "20x6"
        year.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "is not a year" in widget_text(screen.query_one("#stats-error"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
