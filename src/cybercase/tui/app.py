"""The full-screen app: a router between screens, plus the things that span them.

Screens live by feature in ``case/``, ``admin/``, ``dashboard/`` and ``screens/``, widgets
in ``widgets/``, layout in ``app.tcss`` (see the package's docstring). This module
decides which screen shows, holds the open Vault, locks (on a key and after idle time),
applies settings (language, theme), and is the one place that shows errors.

Build it with :func:`make_app` (the CLI and the tests both do); run it with :func:`run_app`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import BindingType
from textual.command import Provider

from cybercase.cases.cases import get_case
from cybercase.core.i18n import set_language, t
from cybercase.core.oslayer import WINDOWS
from cybercase.demo import DEMO_PASSPHRASE, DEMO_USER
from cybercase.tui.admin.dialogs import NewPassphraseModal
from cybercase.tui.app_base import TerminalApp
from cybercase.tui.bindings import localize_bindings, tbinding
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.commands import CybercaseCommands, PaletteApp
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.palette import Palette
from cybercase.tui.resume import Resume, resumed_case, where
from cybercase.tui.screens.create_vault import CreateVaultScreen, RecoveryKeyModal
from cybercase.tui.screens.help import HelpModal
from cybercase.tui.screens.settings import SettingsModal
from cybercase.tui.screens.unlock import Unlocked, UnlockScreen
from cybercase.tui.settings import THEMES, AppSettings, load_settings, save_settings
from cybercase.tui.termsafe import safe
from cybercase.tui.viewer.ocr_background import OcrBackground
from cybercase.tui.widgets.base import CaseApp, PlainModal
from cybercase.tui.widgets.frame import FormKeys
from cybercase.vault import Vault
from cybercase.vault.sessions import OpenSession, register
from cybercase.vault.vault import exists as vault_exists


class CybercaseApp(TerminalApp):
    CSS_PATH = "app.tcss"
    TITLE = "cybercase"
    # Only our provider: Textual's system commands are English-only and include saving an
    # SVG screenshot, which would put decrypted case data in a file.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        CybercaseCommands
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        # not in the footer (no room at 80 columns): in the help and the palette
        tbinding("ctrl+q", "quit", "key.quit", priority=True, show=False),
        tbinding("ctrl+l", "lock", "key.lock", priority=True),
        tbinding("ctrl+p", "command_palette", "key.palette", priority=True),
        tbinding("f1", "help", "key.help"),
        tbinding("question_mark", "help", "key.help", show=False),
        tbinding("f2", "settings", "key.settings", show=False),
        tbinding("f3", "admin", "key.admin", show=False),
    ]

    def __init__(
        self,
        vault_dir: Path,
        *,
        demo: bool = False,
        settings: AppSettings | None = None,
        settings_file: Path | None = None,
        idle_seconds: float | None = None,
        terminal: bool = False,
        ocr: bool = False,
    ) -> None:
        self.settings = settings or load_settings(settings_file)
        set_language(self.settings.language)
        driver_class = None
        if terminal and not WINDOWS:
            from cybercase.tui.driver import HangupDriver

            driver_class = HangupDriver
        super().__init__(driver_class=driver_class)
        self._terminal = terminal
        localize_bindings(self)
        self.vault_dir = vault_dir
        self.demo = demo
        self.vault: Vault | None = None
        self.session: OpenSession | None = None  # this app's record in the vault folder
        self._settings_file = settings_file
        self._idle_override = idle_seconds
        self._last_input = time.monotonic()
        self._demo_unlocked_once = False
        self._switching = False
        self._lock_warned = False
        # the case and tab that were open when the vault locked: shown again after unlock
        self._resume: Resume | None = None
        self.theme = THEMES[self.settings.theme]
        self.ocr = OcrBackground(self, enabled=ocr)  # reads text from images meanwhile

    # --- lifecycle --------------------------------------------------------------------

    def on_mount(self) -> None:
        self._show_locked()
        self.set_interval(min(5.0, self.idle_seconds / 4), self._check_idle)
        if self._terminal:
            self._catch_hangups()

    def on_unmount(self) -> None:
        self._close_vault()

    def input_ended(self) -> None:
        """The terminal is gone: nothing stays unlocked, and the app ends (exit 129)."""
        self._close_vault()
        self.exit(return_code=129)

    def _close_vault(self) -> None:
        self.ocr.stop()
        vault, self.vault = self.vault, None
        session, self.session = self.session, None
        if session is not None:
            session.close()
        if vault is not None:
            vault.close()

    def _show_locked(self) -> None:
        """Push the screen for a closed vault: unlock it, or create one."""
        if not vault_exists(self.vault_dir):
            self.push_screen(CreateVaultScreen(self.vault_dir))
        elif self.demo:
            # the demo unlocks itself once, at start; after locking it asks like any vault
            first = not self._demo_unlocked_once
            self._demo_unlocked_once = True
            self.push_screen(UnlockScreen(self.vault_dir, user=DEMO_USER, demo=True,
                                          passphrase=DEMO_PASSPHRASE if first else None))
        else:
            self.push_screen(UnlockScreen(self.vault_dir))

    async def on_unlocked(self, message: Unlocked) -> None:
        self.vault = message.vault
        try:
            self.session = message.session or register(message.vault)
        except Exception as exc:
            self._close_vault()
            self.show_error(exc)
            return
        # Locking must not run while the screens are being switched (on a loaded machine
        # the switch can outlast a short idle time): lock() waits for the switch.
        self._switching = True
        try:
            await self.switch_screen(DashboardScreen())
        finally:
            self._switching = False
            self._last_input = time.monotonic()
        # after the switch: setting it while the unlock screen's Header is being removed
        # lets Textual's title watcher run on a half-removed Header (NoMatches) under load
        self._set_sub_title()
        self.refresh_bindings()
        if message.recovery_key:
            self.push_screen(RecoveryKeyModal(message.recovery_key))
        elif message.vault.is_recovery:
            self.push_screen(NewPassphraseModal(Vault.users(self.vault_dir)))
        else:  # back to the case and tab that were open when the vault locked (same user)
            resume, self._resume = self._resume, None
            if (screen := resumed_case(message.vault, resume)) is not None:
                self.push_screen(screen)
        self.ocr.start(message.vault)

    # --- locking ----------------------------------------------------------------------

    @property
    def idle_seconds(self) -> float:
        if self._idle_override is not None:
            return self._idle_override
        return self.settings.auto_lock_minutes * 60.0

    @property
    def warn_seconds(self) -> float:
        """How long before the auto-lock the app warns: a minute (half a short test time)."""
        return min(60.0, self.idle_seconds / 2)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown
                      | events.MouseScrollUp | events.Paste):
            self._last_input = time.monotonic()
            if self._lock_warned:  # she is back: the warning goes
                self._lock_warned = False
                self.clear_notifications()
        await super().on_event(event)  # keys: in line, stray letters dropped (app_base)

    async def _check_idle(self) -> None:
        if self.vault is None:
            return
        idle = time.monotonic() - self._last_input
        if idle >= self.idle_seconds:
            await self.lock(t("app.locked_idle", minutes=self.settings.auto_lock_minutes))
        elif idle >= self.idle_seconds - self.warn_seconds and not self._lock_warned:
            self._lock_warned = True
            left = max(1, round(self.idle_seconds - idle))
            self.notify(t("app.lock_soon", n=left), title=t("app.lock_soon_title"),
                        severity="warning", timeout=self.warn_seconds, markup=False)

    async def lock(self, reason: str | None = None) -> None:
        """Close the vault and remove every screen that showed decrypted data."""
        if self.vault is None:
            return
        if self._switching:  # try again once the dashboard is in place
            self.call_later(self.lock, reason)
            return
        self._resume = where(self.screen_stack, self.vault)
        lost = any(isinstance(s, FormKeys) and s.changed() for s in self.screen_stack)
        self._close_vault()
        self._lock_warned = False
        self.clear_notifications()  # they may quote case titles
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        # after the screens are gone: a Header still mounting would fail to show it
        self.sub_title = ""
        self._show_locked()
        self.refresh_bindings()
        self.notify(reason or t("app.locked"), markup=False)
        if lost:  # she was warned a minute ahead; say what went
            self.notify(t("app.locked_form_lost"), severity="warning", markup=False)

    async def action_lock(self) -> None:
        await self.lock()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the lock key (footer, help) while there is nothing to lock."""
        return not (action in ("lock", "admin") and self.vault is None)

    # --- navigation -------------------------------------------------------------------

    def open_case(self, ref: str, tab: str | None = None) -> None:
        if self.vault is None:
            self.show_error(t("app.not_unlocked"))
            return
        try:
            case = get_case(self.vault, ref)
        except Exception as exc:
            self.show_error(exc)
            return
        self.push_screen(CaseScreen(case, tab=tab))

    async def action_dashboard(self) -> None:
        if self.vault is None:
            return
        while not isinstance(self.screen, DashboardScreen) and len(self.screen_stack) > 2:
            await self.pop_screen()

    def action_stats(self) -> None:
        if self.vault is None:
            return
        from cybercase.tui.dashboard.stats import StatsScreen

        self.push_screen(StatsScreen())

    async def action_privacy(self) -> None:
        """The Privacy screen (retention, purge, receipts), over the dashboard: a purge
        must not leave an open case screen behind."""
        if self.vault is None:
            return
        from cybercase.tui.dashboard.privacy import PrivacyScreen

        await self.action_dashboard()
        if isinstance(self.screen, DashboardScreen):
            self.push_screen(PrivacyScreen())

    async def action_search(self) -> None:
        if self.vault is None:
            return
        await self.action_dashboard()
        if isinstance(self.screen, DashboardScreen):
            self.screen.action_search()

    async def action_new_case(self) -> None:
        if self.vault is None:
            return
        await self.action_dashboard()
        if isinstance(self.screen, DashboardScreen):
            self.screen.action_new_case()

    def action_admin(self, section: str = "") -> None:
        """Vault administration: users, verify, audit log, backup, bundles, keys."""
        if self.vault is None:
            return
        from cybercase.tui.admin.screen import open_admin

        open_admin(self, section or None)

    def action_find_account(self, value: str = "") -> None:
        """Which cases know this account (a handle, an e-mail address, a phone number)."""
        if self.vault is None:
            return
        from cybercase.tui.case.account_find import find_account

        find_account(self, value)

    def action_command_palette(self) -> None:
        """Textual's palette, with its texts in the app's language."""
        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(Palette())

    def action_help(self) -> None:
        if isinstance(self.screen, HelpModal):
            return
        self.push_screen(HelpModal(self.screen))

    def action_settings(self) -> None:
        if isinstance(self.screen, SettingsModal):
            return

        def chosen(settings: AppSettings | None) -> None:
            if settings is not None:
                self.apply_settings(settings)
                self.notify(t("settings.saved"), markup=False)

        self.push_screen(SettingsModal(self.settings), chosen)

    # --- settings ---------------------------------------------------------------------

    def apply_settings(self, settings: AppSettings) -> None:
        language_changed = settings.language != self.settings.language
        self.settings = settings
        self.theme = THEMES[settings.theme]
        if language_changed:
            set_language(settings.language)
            self.call_later(self._relabel)
        try:
            save_settings(settings, self._settings_file)
        except OSError as exc:
            self.show_error(f"{exc.strerror}: {exc.filename}")

    def set_theme(self, theme: str) -> None:
        self.apply_settings(AppSettings(self.settings.language, theme,
                                        self.settings.auto_lock_minutes))

    def set_language(self, language: str) -> None:
        self.apply_settings(AppSettings(language, self.settings.theme,
                                        self.settings.auto_lock_minutes))

    def _set_sub_title(self) -> None:
        """School, user and role (in words, in the current language) of the open vault."""
        vault = self.vault
        if vault is not None:
            self.sub_title = safe(f"{vault.school} · {vault.user} ({t(f'role.{vault.role}')})")

    async def _relabel(self) -> None:
        """After a language switch: new footer descriptions, screens composed again."""
        self._set_sub_title()
        localize_bindings(self)
        for screen in self.screen_stack:
            localize_bindings(screen)
            if screen.is_attached and not isinstance(screen, PlainModal):
                await screen.recompose()
        self.refresh_bindings()


def make_app(
    vault_dir: Path,
    demo: bool = False,
    *,
    settings: AppSettings | None = None,
    settings_file: Path | None = None,
    idle_seconds: float | None = None,
    terminal: bool = False,
    ocr: bool = False,
) -> CybercaseApp:
    """Build the app (the CLI and the tests use this one factory). ``terminal``: it runs
    in a real terminal (a hang-up or the end of input closes the vault and stops it);
    ``ocr``: read text from images in the background while unlocked (the real app does;
    tests and benchmarks ask for it where they measure it)."""
    return CybercaseApp(vault_dir, demo=demo, settings=settings, settings_file=settings_file,
                        idle_seconds=idle_seconds, terminal=terminal, ocr=ocr)


def run_app(vault_dir: Path, demo: bool) -> None:
    """Run the app in this terminal until the user quits."""
    app = make_app(vault_dir, demo=demo, terminal=True, ocr=True)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)


if TYPE_CHECKING:  # the app is what its screens and palette ask of it (checked by mypy)
    def _asked_of_the_app(app: CybercaseApp) -> tuple[CaseApp, PaletteApp]:
        return app, app


__all__ = ["CybercaseApp", "make_app", "run_app"]
