"""The app's commands in the palette, in the current language: navigation, the
administration sections, settings, and every open case by name. The open case's own
actions are the case screen's (``case/commands.py``, ``CaseScreen.COMMANDS``)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Protocol, cast

from cybercase.cases.cases import list_cases
from cybercase.core.i18n import LANGUAGES, t
from cybercase.tui.palette import Command, CommandList
from cybercase.vault import Vault


class PaletteApp(Protocol):
    """What the app's commands ask of the app (it implements this; no import of it)."""

    vault: Vault | None

    async def action_dashboard(self) -> None: ...
    async def action_search(self) -> None: ...
    async def action_new_case(self) -> None: ...
    def action_stats(self) -> None: ...
    async def action_privacy(self) -> None: ...
    def action_find_account(self, value: str = "") -> None: ...
    async def action_lock(self) -> None: ...
    def action_admin(self, section: str = "") -> None: ...
    def action_settings(self) -> None: ...
    def action_help(self) -> None: ...
    async def action_quit(self) -> None: ...
    def set_theme(self, theme: str) -> None: ...
    def set_language(self, language: str) -> None: ...
    def open_case(self, ref: str, tab: str | None = None) -> None: ...

# The administration screen's sections, each a palette entry of its own (the same list as
# admin/screen.py SECTIONS: a test holds them equal; the admin screen loads on first use).
ADMIN_SECTIONS = ("users", "verify", "audit", "backup", "bundle", "keys", "protocol",
                  "exports", "school")


def app_commands(app: PaletteApp) -> Iterator[Command]:
    """What the palette offers everywhere: the app's actions, then (when unlocked) each
    open case."""
    unlocked = app.vault is not None
    if unlocked:
        yield Command(t("cmd.dashboard"), t("cmd.dashboard.help"), app.action_dashboard)
        yield Command(t("cmd.search"), t("cmd.search.help"), app.action_search)
        yield Command(t("cmd.new_case"), t("cmd.new_case.help"), app.action_new_case)
        yield Command(t("cmd.stats"), t("cmd.stats.help"), app.action_stats)
        yield Command(t("cmd.privacy"), t("cmd.privacy.help"), app.action_privacy)
        yield Command(t("cmd.find_account"), t("cmd.find_account.help"),
                      app.action_find_account)
        yield Command(t("cmd.lock"), t("cmd.lock.help"), app.action_lock)
        yield Command(t("cmd.admin"), t("cmd.admin.help"), app.action_admin)
        for section in ADMIN_SECTIONS:
            yield Command(t(f"cmd.admin.{section}"), t("cmd.admin.help"),
                          partial(app.action_admin, section))
    yield Command(t("cmd.settings"), t("cmd.settings.help"), app.action_settings)
    yield Command(t("cmd.help"), t("cmd.help.help"), app.action_help)
    yield Command(t("cmd.theme_light"), t("cmd.theme.help"), partial(app.set_theme, "light"))
    yield Command(t("cmd.theme_dark"), t("cmd.theme.help"), partial(app.set_theme, "dark"))
    for code, name in LANGUAGES.items():
        yield Command(t("cmd.language", name=name), t("cmd.language.help"),
                      partial(app.set_language, code))
    yield Command(t("cmd.quit"), t("cmd.quit.help"), app.action_quit)
    if unlocked and app.vault is not None:
        for case in list_cases(app.vault, status="open"):
            yield Command(t("cmd.open_case", ref=case.ref), t("cmd.open_case.help"),
                          partial(app.open_case, case.ref), detail=case.title)


class CybercaseCommands(CommandList):
    def commands(self) -> Iterator[Command]:
        return app_commands(cast(PaletteApp, self.app))
