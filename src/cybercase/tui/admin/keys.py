"""Administration: a new recovery key, and rotating the master key (rekey)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import (
    Button,
    Label,
    Static,
)

from cybercase.core.i18n import t
from cybercase.tui.admin.dialogs import (
    ConfirmWorkModal,
)
from cybercase.tui.admin.section import AdminSection
from cybercase.tui.screens.create_vault import RecoveryKeyModal
from cybercase.tui.widgets.error_line import ErrorLine


class KeysSection(AdminSection):
    def compose(self) -> ComposeResult:
        yield Label(t("admin.keys.recovery_title"), classes="section-title")
        yield Static(Text(t("admin.keys.recovery_hint")), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.keys.recovery_run"), id="new-recovery")
        yield Label(t("admin.keys.rekey_title"), classes="section-title")
        yield Static(Text(t("admin.keys.rekey_hint")), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.keys.rekey_run"), variant="error", id="rekey")
        yield Static("", id="keys-result", classes="verdict")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one("#new-recovery", Button).focus()

    @on(Button.Pressed, "#new-recovery")
    def action_recovery_key(self) -> None:
        def made(key: str | None) -> None:
            if key is not None:
                self.query_one("#keys-result", Static).update(
                    Text(t("admin.keys.recovery_done"), style="green"))
                self.app.push_screen(RecoveryKeyModal(key))

        self.app.push_screen(ConfirmWorkModal(
            t("admin.keys.recovery_title"), t("admin.keys.recovery_confirm"),
            t("admin.keys.recovery_run"), self.vault.new_recovery_key), made)

    @on(Button.Pressed, "#rekey")
    def action_rekey(self) -> None:
        vault = self.vault

        def job() -> bool:
            vault.rekey()
            return True

        def done(result: bool | None) -> None:
            if result:
                self.query_one("#keys-result", Static).update(
                    Text(t("admin.keys.rekey_done"), style="green"))
                self.notify(t("admin.keys.rekey_done"), markup=False)

        self.app.push_screen(ConfirmWorkModal(
            t("admin.keys.rekey_title"), t("admin.keys.rekey_confirm"),
            t("admin.keys.rekey_run"), job, word=t("admin.keys.rekey_word")), done)
