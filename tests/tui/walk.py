"""A walk through the whole app on the demo vault: every main screen, every case tab, every
case dialog, the administration's sections, figures, privacy, help, settings and the
palette. Each stop is handed to a visitor (what the screen shows, as text lines)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen

from cybercase.tui.admin.screen import SECTIONS
from cybercase.tui.case.commands import CASE_ACTIONS, CYBER_ACTIONS
from cybercase.tui.case.screen import CASE_PANES, CaseScreen
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.widgets.frame import DiscardModal
from tests.tui.conftest import palette_search, settle

Visit = Callable[[str, Screen[Any]], Awaitable[None]]


def screen_lines(pilot: Pilot[Any]) -> list[str]:
    """What the terminal shows, line by line (the whole screen, dialogs over it)."""
    strips = pilot.app.screen._compositor.render_strips()
    return [strip.text.rstrip() for strip in strips]


async def back_to(pilot: Pilot[Any], screen: Screen[Any]) -> None:
    """Close dialogs (throwing away what a dialog may have filled in itself)."""
    for _ in range(6):
        if pilot.app.screen is screen:
            return
        if isinstance(pilot.app.screen, DiscardModal):
            pilot.app.screen.dismiss(True)
        elif isinstance(pilot.app.screen, ModalScreen):
            pilot.app.screen.dismiss(None)
        await settle(pilot)


async def walk_case(pilot: Pilot[Any], ref: str, visit: Visit, *, dialogs: bool,
                    asked: list[str]) -> None:
    app: Any = pilot.app
    app.open_case(ref)
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, CaseScreen)
    for pane_id, _key, _factory in CASE_PANES:
        screen.show_tab(pane_id)
        await settle(pilot)
        await visit(f"{ref} tab {pane_id}", screen)
    if dialogs:
        actions = [(pane, action) for _k, pane, action in CASE_ACTIONS if action != "export"]
        actions += [(pane, action) for pane, action, _n, _h in CYBER_ACTIONS]
        for pane_id, action in actions:
            screen.pane_action(pane_id, action)
            await settle(pilot)
            if app.screen is not screen:
                name = f"{ref} dialog {pane_id}.{action}"
                await visit(name, app.screen)
                if not isinstance(app.screen, ModalScreen) or app.screen is screen:
                    continue
                await pilot.press("escape")  # nothing typed: it closes without asking
                await settle(pilot)
                if isinstance(app.screen, DiscardModal):
                    asked.append(name)
            await back_to(pilot, screen)
    await back_to(pilot, screen)
    screen.dismiss(None)
    await settle(pilot)


async def walk(pilot: Pilot[Any], visit: Visit, *, cases: tuple[str, ...],
               dialogs_in: str) -> list[str]:
    """Unlocked, on the dashboard: visit everything. The dialogs that asked "throw away
    your changes?" although nothing was typed in them."""
    asked: list[str] = []
    app: Any = pilot.app
    dashboard = app.screen
    assert isinstance(dashboard, DashboardScreen)
    await visit("dashboard", dashboard)
    for ref in cases:
        await walk_case(pilot, ref, visit, dialogs=ref == dialogs_in, asked=asked)
    app.action_stats()
    await settle(pilot)
    await visit("figures", app.screen)
    if app.screen is not dashboard:
        app.screen.dismiss(None)
        await settle(pilot)
    await app.action_privacy()
    await settle(pilot)
    await visit("privacy", app.screen)
    app.screen.dismiss(None)
    await settle(pilot)
    for section_id, _key, _factory in SECTIONS:
        app.action_admin(section_id)
        await settle(pilot)
        await visit(f"admin {section_id}", app.screen)
        app.screen.dismiss(None)
        await settle(pilot)
    for action, name in ((app.action_help, "help"), (app.action_settings, "settings")):
        action()
        await settle(pilot)
        await visit(name, app.screen)
        await back_to(pilot, dashboard)
    await pilot.press("ctrl+p")
    await settle(pilot)
    await visit("palette", app.screen)
    await palette_search(pilot, "qqqzx")
    await pilot.pause(0.8)  # "no matches" shows after half a second
    await visit("palette, nothing found", app.screen)
    await pilot.press("escape")
    await settle(pilot)
    return asked
