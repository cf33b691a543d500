"""The unlock screen: user, passphrase; Argon2id runs in a thread worker."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, LoadingIndicator, Select, Static
from textual.worker import Worker, WorkerState

from cybercase.core.i18n import t
from cybercase.tui.errors import describe
from cybercase.tui.widgets.banner import DemoBanner
from cybercase.tui.widgets.base import AppAccess
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault import Vault
from cybercase.vault.keyslots import RECOVERY
from cybercase.vault.sessions import OpenSession, register


class Unlocked(Message):
    """The vault is open (posted by the unlock and create screens; the app routes)."""

    def __init__(
        self, vault: Vault, recovery_key: str | None = None,
        session: OpenSession | None = None,
    ) -> None:
        super().__init__()
        self.vault = vault
        self.recovery_key = recovery_key
        self.session = session


class UnlockScreen(AppAccess, Screen[None]):
    """Shows no decrypted data; what it unlocks goes to the app in an Unlocked message."""

    def __init__(
        self, vault_dir: Path, *, user: str | None = None, passphrase: str | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.vault_dir = vault_dir
        self.demo = demo
        self._preset_user = user
        self._preset_passphrase = passphrase
        self._users: list[str] = []
        self._load_error = ""
        try:
            self._users = Vault.users(vault_dir)
        except Exception as exc:  # a damaged key file: say so here, in place
            self._load_error = describe(exc)

    def compose(self) -> ComposeResult:
        yield Header()
        if self.demo:
            yield DemoBanner()
        # (the scroll itself takes no focus: Tab goes from field to field, each shown)
        with VerticalScroll(classes="form-scroll", can_focus=False), \
                Vertical(id="unlock-box", classes="form-box"):
            yield Label(t("unlock.title"), classes="form-title")
            yield Static(Text(t("unlock.vault", path=str(self.vault_dir))), classes="hint",
                         id="vault-path")
            yield Label(t("unlock.user"))
            options = [(Text(u), u) for u in self._users]
            options.append((Text(t("unlock.recovery")), RECOVERY))
            default = self._preset_user or (self._users[0] if self._users else RECOVERY)
            yield Select(options, value=default, allow_blank=False, id="user")
            yield Label(self._secret_label(default), id="passphrase-label")
            yield Input(password=True, id="passphrase", value=self._preset_passphrase or "")
            yield Button(t("unlock.button"), variant="primary", id="unlock")
            yield LoadingIndicator(id="busy")
            yield ErrorLine(id="error")
        yield Footer(compact=True)

    @staticmethod
    def _secret_label(user: object) -> str:
        """The recovery key is asked for as such, not as a passphrase."""
        return t("unlock.recovery_key" if user == RECOVERY else "unlock.passphrase")

    @on(Select.Changed, "#user")
    def _user_changed(self, event: Select.Changed) -> None:
        self.query_one("#passphrase-label", Label).update(self._secret_label(event.value))

    def on_mount(self) -> None:
        self.query_one("#busy").display = False
        if self._load_error:
            self.query_one(ErrorLine).show(self._load_error)
            self.query_one("#unlock", Button).disabled = True
            return
        self.query_one("#passphrase", Input).focus()
        if self._preset_passphrase:
            self.submit()

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#unlock")
    def submit(self) -> None:
        if self.query_one("#unlock", Button).disabled:
            return
        error = self.query_one(ErrorLine)
        user = self.query_one("#user", Select).value
        passphrase = self.query_one("#passphrase", Input).value
        if not isinstance(user, str):
            error.show(t("unlock.choose_user"))
            return
        if not passphrase:
            error.show(t("unlock.empty_recovery" if user == RECOVERY else "unlock.empty"))
            return
        error.clear()
        self._set_busy(True)
        self._unlock(user, passphrase)

    def _set_busy(self, busy: bool) -> None:
        self.query_one("#busy").display = busy
        for widget in (self.query_one("#unlock", Button), self.query_one("#passphrase", Input),
                       self.query_one("#user", Select)):
            widget.disabled = busy

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def _unlock(self, user: str, passphrase: str) -> tuple[Vault, OpenSession]:
        vault = Vault.open(self.vault_dir, user, passphrase)
        try:
            # the session's record (who has the vault open) and its unlock in the audit
            # log, with the SSH client's address when there is one
            return vault, register(vault)
        except BaseException:
            vault.close()
            raise

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "unlock":
            return
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            assert isinstance(result, tuple)
            vault, session = result
            assert isinstance(vault, Vault) and isinstance(session, OpenSession)
            if not self.is_attached or self.app.screen is not self:
                session.close()
                vault.close()  # the screen went away meanwhile (quit or lock)
                return
            self.post_message(Unlocked(vault, session=session))
        elif event.state == WorkerState.ERROR:
            self._set_busy(False)
            assert event.worker.error is not None
            self.query_one(ErrorLine).show(describe(event.worker.error))
            passphrase = self.query_one("#passphrase", Input)
            passphrase.value = ""
            passphrase.focus()
