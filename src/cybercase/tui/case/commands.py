"""Palette commands for the cyber work of the open case: add an account, a referral, a
police record, a smartphone agreement. Offered while a case screen is on top (under the
palette); each shows the pane's tab and opens its dialog."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette

from cybercase.i18n import t
from cybercase.tui.case.base import CasePane
from cybercase.tui.case.screen import CaseScreen

if TYPE_CHECKING:
    from cybercase.tui.app import CybercaseApp
    from cybercase.tui.commands import Command

# (pane id, pane action, command name key, command help key)
CYBER_ACTIONS = (
    ("accounts", "add", "cmd.add_account", "cmd.add_account.help"),
    ("referrals", "add", "cmd.add_referral", "cmd.add_referral.help"),
    ("police", "add", "cmd.add_police", "cmd.add_police.help"),
    ("agreements", "add", "cmd.add_agreement", "cmd.add_agreement.help"),
)


def open_case_screen(app: CybercaseApp) -> CaseScreen | None:
    """The case screen the palette was opened on (None when a dialog is on top of it)."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, CaseScreen):
            return screen
        if not isinstance(screen, CommandPalette):
            return None
    return None


def run_pane_action(screen: CaseScreen, pane_id: str, action: str) -> None:
    if not screen.is_attached:
        return
    screen.show_tab(pane_id)
    found = screen.query_one(f"#pane-{pane_id}").query(CasePane)
    if found:
        getattr(found.first(), f"action_{action}")()


def cyber_commands(app: CybercaseApp) -> Iterator[Command]:
    from cybercase.tui.commands import Command

    screen = open_case_screen(app) if app.vault is not None else None
    if screen is None:
        return
    for pane_id, action, name, help_key in CYBER_ACTIONS:
        yield Command(t(name, ref=screen.case.ref), t(help_key),
                      partial(run_pane_action, screen, pane_id, action))
