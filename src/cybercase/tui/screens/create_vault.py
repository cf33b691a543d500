"""Make a new vault when there is none: user, school, passphrase twice; recovery key once."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, LoadingIndicator, Static
from textual.worker import Worker, WorkerState

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import t
from cybercase.tui.errors import describe
from cybercase.tui.screens.unlock import Unlocked, UnlockScreen
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.base import AppAccess, PlainModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault import Vault
from cybercase.vault.keyslots import check_passphrase
from cybercase.vault.vault import check_user_name


class CreateVaultScreen(AppAccess, Screen[None]):
    def __init__(self, vault_dir: Path) -> None:
        super().__init__()
        self.vault_dir = vault_dir

    def compose(self) -> ComposeResult:
        yield Header()
        # (the scroll itself takes no focus: Tab goes from field to field, each shown)
        with VerticalScroll(classes="form-scroll", can_focus=False), \
                Vertical(id="create-box", classes="form-box"):
            yield Label(t("create.title"), classes="form-title")
            yield Static(Text(t("unlock.missing", path=str(self.vault_dir))), classes="hint",
                         id="vault-path")
            yield Static(Text(t("create.intro")), classes="hint")
            yield Label(t("create.user"))
            yield Input(id="user")
            yield Label(t("create.school"))
            yield Input(id="school")
            yield Label(t("create.passphrase"))
            yield Input(password=True, id="passphrase")
            yield Label(t("create.passphrase2"))
            yield Input(password=True, id="passphrase2")
            yield Button(t("create.button"), variant="primary", id="create")
            yield LoadingIndicator(id="busy")
            yield ErrorLine(id="error")
            yield Static(Text(t("restore.offer")), classes="hint restore-offer")
            yield Button(t("restore.button"), id="restore")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#busy").display = False
        self.query_one("#user", Input).focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "passphrase2":
            self.submit()
        else:
            self.focus_next()

    @on(Button.Pressed, "#create")
    def submit(self) -> None:
        error = self.query_one(ErrorLine)
        user = self.query_one("#user", Input).value.strip()
        school = self.query_one("#school", Input).value.strip()
        first = self.query_one("#passphrase", Input).value
        second = self.query_one("#passphrase2", Input).value
        try:  # the core's own checks, so the message is the same as the CLI's
            check_user_name(user)
            check_passphrase(first)
        except CybercaseError as exc:
            error.show(exc.message)
            return
        if first != second:
            error.show(t("create.mismatch"))
            return
        error.clear()
        self._set_busy(True)
        self._create(user, first, school)

    def _set_busy(self, busy: bool) -> None:
        self.query_one("#busy").display = busy
        for widget in self.query("Input, Button"):
            widget.disabled = busy

    @work(thread=True, exclusive=True, group="create", exit_on_error=False)
    def _create(self, user: str, passphrase: str, school: str) -> tuple[Vault, str]:
        return Vault.create(self.vault_dir, user, passphrase, school)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "create":
            return
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            assert isinstance(result, tuple)
            vault, recovery_key = result
            self.post_message(Unlocked(vault, recovery_key=recovery_key))
        elif event.state == WorkerState.ERROR:
            self._set_busy(False)
            assert event.worker.error is not None
            self.query_one(ErrorLine).show(describe(event.worker.error))


    @on(Button.Pressed, "#restore")
    def restore_backup(self) -> None:
        """Restore a backup into this (empty) vault folder, then unlock it."""
        from cybercase.tui.screens.restore import RestoreModal

        def restored(info: dict[str, str] | None) -> None:
            if info is None:
                return
            self.app.switch_screen(UnlockScreen(self.vault_dir))
            made = info.get("created_at")
            self.notify(t("restore.done", when=shown_moment(made) if made else "?",
                          by=info.get("created_by", "?")), markup=False, timeout=15)

        self.app.push_screen(RestoreModal(self.vault_dir), restored)


class RecoveryKeyModal(PlainModal[None]):
    """Shows the new vault's recovery key once."""

    def __init__(self, recovery_key: str) -> None:
        super().__init__()
        self.recovery_key = recovery_key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("recovery.title"), classes="form-title")
            yield Static(Text(t("recovery.text")), classes="hint")
            yield Static(Text(self.recovery_key, style="bold"), id="recovery-key")
            with Horizontal(classes="buttons"):
                yield Button(t("recovery.done"), variant="primary", id="done")

    def on_mount(self) -> None:
        self.query_one("#done", Button).focus()

    @on(Button.Pressed, "#done")
    def done(self) -> None:
        self.recovery_key = ""
        self.dismiss(None)
