"""Typed form dialogs: fields, the core's one-line error in place, OK / Cancel.

A :class:`FormModal` subclass yields its fields in :meth:`fields` and calls the core in
:meth:`submit`; a ``CybercaseError`` from the core (bad date, empty name, not allowed)
shows on the dialog's error line and the dialog stays open with what was typed. Whatever
``submit`` returns is the dialog's result (``None`` for Cancel).

The app never blocks on the vault: a save runs at once only when the write lock is free;
when another writer has it (an ingest in a worker, another program), the save waits for it
in a thread worker, at most ``CYBERCASE_LOCK_WAIT`` seconds, and then says in one line that
the vault is busy (nothing was saved; what was typed stays).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, TextArea
from textual.worker import Worker, WorkerState

from cybercase.core.termsafe import safe
from cybercase.errors import CybercaseError, VaultBusy
from cybercase.i18n import get_language, t
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault.versions import EditConflict, Seen, check, unchanged

T = TypeVar("T")

SAVE_GROUP = "form-save"


def busy(error: CybercaseError) -> bool:
    """Another writer has the vault (not: a colleague changed the record meanwhile)."""
    return isinstance(error, VaultBusy) and not isinstance(error, EditConflict)


def named(item: object) -> str:
    """A protocol entry's name in the app's language (``name_nl`` / ``name_en``)."""
    attr = "name_nl" if get_language() == "nl" else "name_en"
    return str(getattr(item, attr, "") or getattr(item, "key", ""))


def options(pairs: Sequence[tuple[str, object]]) -> list[tuple[Text, object]]:
    """Select options with plain-text labels (labels may be user or protocol text)."""
    return [(Text(safe(label)), value) for label, value in pairs]


class FormModal(VaultModal[T | None]):
    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "cancel", "key.cancel")]
    TITLE_KEY = ""
    SUBMIT_KEY = "form.save"
    DIALOG_ID = "form"
    FIRST_FOCUS = ""  # a selector; default: the first field
    # the edited record's version when the form opened: a save over a colleague's newer
    # change is refused (the core's one line; what was typed stays)
    expect: Seen | None = None
    # False for a dialog that only asks what to do (the work runs after it, in a worker)
    WRITES = True
    saving = False  # a save waits for the vault in a worker

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id=self.DIALOG_ID):
            yield Label(self.form_title(), classes="form-title", markup=False)
            yield from self.fields()
            yield ErrorLine(id="error")
            with Horizontal(classes="buttons"):
                yield Button(t(self.SUBMIT_KEY), variant="primary", id="submit")
                yield Button(t("form.cancel"), id="cancel")

    def form_title(self) -> str:
        return t(self.TITLE_KEY)

    def fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # (Textual also runs a subclass's own on_mount; this one runs after it)
        if self.FIRST_FOCUS:
            self.query_one(self.FIRST_FOCUS).focus()
            return
        for widget in self.query("Input, Select, TextArea, SelectionList, Checkbox"):
            if widget.focusable:
                widget.focus()
                break

    def submit(self) -> T:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.query_one("#error", ErrorLine).show(message)

    def enter_submits(self, field: Input) -> bool:
        """Whether enter in ``field`` submits the form (override for e.g. a path field)."""
        return True

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if self.enter_submits(event.input):
            self._submit()

    # --- saving: never blocks the app on the vault ----------------------------------------

    def _save(self, wait: float | None) -> T:
        """``submit`` with the record-collision check, holding the write lock (waiting at
        most ``wait`` seconds for it) so that all of the save's transactions go in."""
        with unchanged(self.expect):
            if not self.WRITES:
                return self._checked_submit()
            with self.vault.holding_lock(wait):
                return self._checked_submit()

    def _checked_submit(self) -> T:
        if self.expect is not None:
            check(self.vault.conn, final=False)
        return self.submit()

    @on(Button.Pressed, "#submit")
    def _submit(self) -> None:
        """Save at once when the vault is free (a few milliseconds); when another writer
        (an ingest, an export, another program) has it, wait for it in a thread worker, a
        bounded time, while the app goes on."""
        if self.saving:
            return
        try:
            result = self._save(wait=0)
        except CybercaseError as exc:
            if busy(exc):
                self._save_in_worker()
            else:
                self.show_error(exc.message)
            return
        self.dismiss(result)

    def _save_in_worker(self) -> None:
        self.saving = True
        self.show_error(t("form.waiting"))
        self.run_worker(partial(self._save, None), thread=True, exclusive=True,
                        group=SAVE_GROUP, exit_on_error=False)

    @on(Worker.StateChanged)
    def _saved(self, event: Worker.StateChanged) -> None:
        if event.worker.group != SAVE_GROUP or event.state not in (
                WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        self.saving = False
        error = event.worker.error
        if event.state == WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif isinstance(error, CybercaseError):
            self.show_error(t("form.vault_busy") if busy(error) else error.message)
        elif error is not None:
            self.show_error("")
            self.cyber.show_error(error)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.saving:  # a save under way ends within its bounded wait
            self.dismiss(None)

    # --- reading fields -----------------------------------------------------------------

    def text(self, selector: str) -> str:
        """An Input's or a TextArea's text, as typed."""
        widget = self.query_one(selector)
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def optional(self, selector: str) -> str | None:
        value = self.text(selector)
        return value if value.strip() else None

    def choice(self, selector: str) -> object | None:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value


def label(key: str, **kw: object) -> Label:
    return Label(t(key, **kw), markup=False)
