"""Dialogs of the administration screen: users (add, remove, passphrase) and typed
confirmations (rekey).

Each dialog checks what it can before any work starts, with the core's own checks
(``check_user_name``, ``check_passphrase``), then runs the core in a thread worker with a
spinner: deriving a key for a new passphrase (Argon2id) takes a noticeable moment. The
core's one-line refusal (the last coordinator, yourself, not allowed) shows in place and
the dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, LoadingIndicator, Select, Static
from textual.worker import Worker, WorkerState

from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import t
from cybercase.core.roles import ROLES
from cybercase.tui.errors import describe, expected_error
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.frame import FormKeys, foot, save_label
from cybercase.vault.keyslots import check_passphrase
from cybercase.vault.vault import check_user_name

T = TypeVar("T")

GROUP = "admin-dialog"


def role_options() -> list[tuple[Text, str]]:
    return [(Text(t(f"admin.role.{role}")), role) for role in ROLES]


def check_new_passphrase(first: str, second: str) -> None:
    """The core's rule for a passphrase, then that both fields agree."""
    check_passphrase(first)
    if first != second:
        raise UsageError(t("create.mismatch"))


class WorkModal(FormKeys, VaultModal[T | None], Generic[T]):
    """A typed dialog whose OK runs a piece of core work in a thread worker.

    A subclass yields its fields in :meth:`fields` and returns the work from
    :meth:`prepare` (raise ``CybercaseError`` for a message in place, nothing started).
    The work's result is the dialog's result; Cancel gives ``None``.
    """

    BINDINGS: ClassVar[list[BindingType]] = FormKeys.FORM_BINDINGS
    TITLE_KEY = ""
    SUBMIT_KEY = "form.save"
    DIALOG_ID = "admin-dialog"
    SUBMIT_VARIANT: ClassVar[Any] = "primary"

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id=self.DIALOG_ID, can_focus=False):
            yield Label(self.form_title(), classes="form-title", markup=False)
            yield from self.fields()
            with foot():
                yield LoadingIndicator(id="busy")
                yield ErrorLine(id="error")
                with Horizontal(classes="buttons"):
                    yield Button(self.submitlabel(), variant=self.SUBMIT_VARIANT, id="run")
                    yield Button(t("form.cancel"), id="cancel")

    def form_title(self) -> str:
        return t(self.TITLE_KEY)

    def submitlabel(self) -> str:
        return save_label(self.SUBMIT_KEY)

    def fields(self) -> ComposeResult:
        yield from ()

    def prepare(self) -> Callable[[], T]:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.query_one("#busy").display = False
        self.call_after_refresh(self.remember_values)
        for widget in self.query("Input, Select"):
            if widget.focusable:
                widget.focus()
                break

    @property
    def busy(self) -> bool:
        return bool(self.query_one("#busy").display)

    def _set_busy(self, busy: bool) -> None:
        self.query_one("#busy").display = busy
        for widget in self.query("Input, Select, Button"):
            widget.disabled = busy

    def show_error(self, message: str) -> None:
        self.query_one("#error", ErrorLine).show(message)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        self.enter_in(event.input)

    def save_form(self) -> None:
        self.run_form()

    @on(Button.Pressed, "#run")
    def run_form(self) -> None:
        if self.busy:
            return
        try:
            job = self.prepare()
        except CybercaseError as exc:
            self.show_error(exc.message)
            return
        self.query_one("#error", ErrorLine).clear()
        self._set_busy(True)
        self._work(job)

    @work(thread=True, exclusive=True, group=GROUP, exit_on_error=False)
    def _work(self, job: Callable[[], T]) -> T:
        return job()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != GROUP or not self.is_attached:
            return
        if event.state == WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            if expected_error(error) is None:
                self.cyber.show_error(error)
            self._set_busy(False)
            self.show_error(describe(error))
            self.after_error()

    def after_error(self) -> None:
        """After the core refused: put the focus where retyping starts."""

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.busy:
            return  # the work cannot be interrupted halfway
        self.close_form()

    # --- reading fields -----------------------------------------------------------------

    def text(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def choice(self, selector: str) -> object | None:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value


def label(key: str, **kw: object) -> Label:
    return Label(t(key, **kw), markup=False)


class AddUserModal(WorkModal[str]):
    """Name, role, passphrase twice; the result is the new user's name."""

    TITLE_KEY = "admin.users.add_title"
    SUBMIT_KEY = "admin.users.add_submit"
    DIALOG_ID = "add-user"

    def fields(self) -> ComposeResult:
        yield Static(Text(t("admin.users.add_hint")), classes="hint")
        yield label("admin.users.field.name")
        yield Input(id="name")
        yield label("admin.users.field.role")
        yield Select(role_options(), value="viewer", allow_blank=False, id="role")
        yield label("create.passphrase")
        yield Input(password=True, id="passphrase")
        yield label("create.passphrase2")
        yield Input(password=True, id="passphrase2")

    def prepare(self) -> Callable[[], str]:
        name = self.text("#name").strip()
        role = self.choice("#role")
        passphrase = self.text("#passphrase")
        check_user_name(name)
        if not isinstance(role, str):
            raise UsageError(t("admin.users.choose_role"))
        check_new_passphrase(passphrase, self.text("#passphrase2"))
        vault = self.vault

        def job() -> str:
            vault.add_user(name, role, passphrase)
            return name

        return job


class RemoveUserModal(WorkModal[str]):
    """Remove a user after their name is typed again; the result is the removed name."""

    TITLE_KEY = "admin.users.remove_title"
    SUBMIT_KEY = "admin.users.remove_submit"
    DIALOG_ID = "remove-user"
    SUBMIT_VARIANT = "error"

    def __init__(self, user: str) -> None:
        super().__init__()
        self.user = user

    def form_title(self) -> str:
        return t("admin.users.remove_title", name=self.user)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("admin.users.remove_hint", name=self.user)), classes="hint")
        yield label("admin.users.field.confirm", name=self.user)
        yield Input(id="confirm")

    def prepare(self) -> Callable[[], str]:
        if self.text("#confirm").strip() != self.user:
            raise UsageError(t("admin.users.confirm_mismatch", name=self.user))
        vault, name = self.vault, self.user

        def job() -> str:
            vault.remove_user(name)
            return name

        return job


class PassphraseModal(WorkModal[str]):
    """A new passphrase for yourself or (a coordinator) another user; the result is the
    user whose passphrase changed."""

    TITLE_KEY = "admin.users.passwd_title"
    SUBMIT_KEY = "admin.users.passwd_submit"
    DIALOG_ID = "passwd"

    def __init__(self, users: list[str], current: str) -> None:
        super().__init__()
        self.users = users
        self.current = current

    HINT_KEY = "admin.users.passwd_hint"

    def fields(self) -> ComposeResult:
        yield Static(Text(t(self.HINT_KEY)), classes="hint")
        yield label("admin.users.field.user")
        options = [(Text(name), name) for name in self.users]
        default = self.current if self.current in self.users else Select.NULL
        yield Select(options, value=default, id="user", prompt=t("form.choose"))
        yield label("create.passphrase")
        yield Input(password=True, id="passphrase")
        yield label("create.passphrase2")
        yield Input(password=True, id="passphrase2")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#passphrase", Input).focus()

    def prepare(self) -> Callable[[], str]:
        user = self.choice("#user")
        if not isinstance(user, str):
            raise UsageError(t("admin.users.choose_user"))
        passphrase = self.text("#passphrase")
        check_new_passphrase(passphrase, self.text("#passphrase2"))
        vault = self.vault

        def job() -> str:
            vault.change_passphrase(user, passphrase)
            return user

        return job


class ConfirmWorkModal(WorkModal[T]):
    """Runs ``job`` after a word is typed (or, without a word, after OK): rekey, a new
    recovery key."""

    DIALOG_ID = "confirm-work"

    def __init__(self, title: str, text: str, submit: str, job: Callable[[], T],
                 word: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text_shown = text
        self.submit_text = submit
        self.job = job
        self.word = word

    def form_title(self) -> str:
        return self.title_text

    def submitlabel(self) -> str:
        return self.submit_text

    def on_mount(self) -> None:
        super().on_mount()
        if not self.word:
            self.query_one("#cancel", Button).focus()

    def fields(self) -> ComposeResult:
        yield Static(Text(self.text_shown), classes="hint")
        if self.word:
            yield label("admin.confirm.type", word=self.word)
            yield Input(id="confirm")

    def prepare(self) -> Callable[[], T]:
        if self.word and self.text("#confirm").strip() != self.word:
            raise UsageError(t("admin.confirm.mismatch", word=self.word))
        return self.job


class NewPassphraseModal(PassphraseModal):
    """After unlocking with the recovery key: set a new passphrase for a user at once."""

    TITLE_KEY = "unlock.recovered_title"
    HINT_KEY = "unlock.recovered_hint"
    DIALOG_ID = "recovered-passwd"

    def __init__(self, users: list[str]) -> None:
        super().__init__(users, users[0] if users else "")
