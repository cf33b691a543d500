"""Typed form dialogs: fields, the core's one-line error in place, OK / Cancel.

A :class:`FormModal` subclass yields its fields in :meth:`fields` and calls the core in
:meth:`submit`; a ``CybercaseError`` from the core (bad date, empty name, not allowed)
shows on the dialog's error line and the dialog stays open with what was typed. Whatever
``submit`` returns is the dialog's result (``None`` for Cancel).

The app never blocks on the vault: see :mod:`cybercase.tui.widgets.saving`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, TextArea

from cybercase.core.i18n import get_language, t
from cybercase.core.termsafe import safe
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.frame import FormKeys, foot, save_label
from cybercase.tui.widgets.saving import SavingModal
from cybercase.vault.versions import Seen, check, unchanged

T = TypeVar("T")


def named(item: object) -> str:
    """A protocol entry's name in the app's language (``name_nl`` / ``name_en``)."""
    attr = "name_nl" if get_language() == "nl" else "name_en"
    return str(getattr(item, attr, "") or getattr(item, "key", ""))


def options(pairs: Sequence[tuple[str, object]]) -> list[tuple[Text, object]]:
    """Select options with plain-text labels (labels may be user or protocol text)."""
    return [(Text(safe(label)), value) for label, value in pairs]


class FormModal(FormKeys, SavingModal[T | None]):
    """The fields scroll, the error line and the buttons stay at the bottom; Enter goes to
    the next field, ctrl+s saves, Escape/Cancel ask before dropping changes (frame.py)."""

    BINDINGS: ClassVar[list[BindingType]] = FormKeys.FORM_BINDINGS
    TITLE_KEY = ""
    SUBMIT_KEY = "form.save"
    DIALOG_ID = "form"
    FIRST_FOCUS = ""  # a selector; default: the first field
    # the edited record's version when the form opened: a save over a colleague's newer
    # change is refused (the core's one line; what was typed stays)
    expect: Seen | None = None
    # False for a dialog that only asks what to do (the work runs after it, in a worker)
    WRITES = True

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id=self.DIALOG_ID, can_focus=False):
            yield Label(self.form_title(), classes="form-title", markup=False)
            yield from self.fields()
            with foot():
                yield ErrorLine(id="error")
                with Horizontal(classes="buttons"):
                    yield Button(save_label(self.SUBMIT_KEY), variant="primary", id="submit")
                    yield Button(t("form.cancel"), id="cancel")

    def form_title(self) -> str:
        return t(self.TITLE_KEY)

    def fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # (Textual also runs a subclass's own on_mount; this one runs after it)
        self.call_after_refresh(self.remember_values)  # what "unchanged" means
        # focusing before the first layout scrolls the form to put the field at its top,
        # hiding the title and the field's label at 80x24: back to the top once laid out
        self.call_after_refresh(self._show_top)
        if self.FIRST_FOCUS:
            self.query_one(self.FIRST_FOCUS).focus()
            return
        for widget in self.query("Input, Select, TextArea, SelectionList, Checkbox"):
            if widget.focusable:
                widget.focus()
                break

    def _show_top(self) -> None:
        dialog = self.query_one(f"#{self.DIALOG_ID}")
        focused = self.focused
        room = dialog.scrollable_content_region.height
        if focused is None or focused.virtual_region.bottom <= room:
            dialog.scroll_home(animate=False)

    def submit(self) -> T:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.query_one("#error", ErrorLine).show(message)

    def enter_submits(self, field: Input) -> bool:
        """Whether the form handles enter in ``field`` (next field, or save in a one-field
        form); False where the dialog gives it its own meaning (e.g. a path field)."""
        return True

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if self.enter_submits(event.input):
            self.enter_in(event.input)

    def save_form(self) -> None:
        self._submit()

    # --- saving: never blocks the app on the vault (widgets/saving.py) --------------------

    def _attempt(self) -> T:
        """``submit`` with the record-collision check (in the save's lock and thread)."""
        with unchanged(self.expect):
            if self.expect is not None:
                check(self.vault.conn, final=False)
            return self.submit()

    @on(Button.Pressed, "#submit")
    def _submit(self) -> None:
        self.save(self._attempt, writes=self.WRITES)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.saving:  # a save under way ends within its bounded wait
            self.close_form()

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
