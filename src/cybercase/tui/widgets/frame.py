"""What every form dialog shares, whatever runs its save (issue 20, items 1 and 2).

- The frame: the fields scroll; the error line and the buttons are docked at the bottom of
  the dialog (``foot``), so they stay on screen at 80x24 however long the form is.
- Enter in a field moves to the next field (a form with one text field saves on Enter);
  ctrl+s saves from anywhere in the form (the save button says so).
- Escape and Cancel ask before throwing typed changes away (:class:`DiscardModal`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from cybercase.core.i18n import t
from cybercase.tui.bindings import tbinding

# the fields whose values make a form "changed"
FIELDS = "Input, TextArea, Select, Checkbox, SelectionList"
SAVE_KEY = "ctrl+s"


def save_label(message_key: str) -> str:
    """The save button's text with its key: "Opslaan (ctrl+s)"."""
    return t("form.with_key", label=t(message_key), shortcut=SAVE_KEY)


class FormFoot(Vertical):
    """The foot of a form: docked, and last in the focus order.

    Textual orders the focus by where widgets sit in their container, and a docked foot
    sits at the bottom of the dialog's *view*: at 80x24, above the fields still scrolled
    out of sight, so Tab went from the third field to Save and skipped the rest (issue 20)."""

    @property
    def _focus_sort_key(self) -> tuple[int, int]:
        return sys.maxsize, 0

    def on_resize(self, event: events.Resize) -> None:
        """The foot grew (an error line appeared): keep the field in hand above it, or the
        message would cover the field it is about (issue 20, the walk at 80x24)."""
        focused = self.screen.focused
        if focused is not None and self not in focused.ancestors_with_self:
            self.call_after_refresh(keep_above, self, focused)


def keep_above(foot: Widget, widget: Widget) -> None:
    """Scroll the form so that ``widget`` is wholly above its docked ``foot``."""
    scroll = foot.parent
    if foot in widget.ancestors_with_self or not isinstance(scroll, ScrollableContainer):
        return
    if not (widget.region.area and foot.region.area):  # not laid out yet
        return
    hidden = widget.region.bottom - foot.region.y
    if hidden > 0:
        scroll.scroll_relative(y=hidden, animate=False)


@contextmanager
def foot() -> Iterator[Vertical]:
    """The dialog's bottom: docked, so the error line and the buttons are always shown."""
    with FormFoot(classes="form-foot") as box:
        yield box


def value_of(widget: Widget) -> object:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input | Select | Checkbox):
        return widget.value
    if isinstance(widget, SelectionList):
        return tuple(widget.selected)
    return None


class DiscardModal(ModalScreen[bool]):
    """"Throw away what you typed?": True to discard, False (Escape) to go back."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "back", "key.back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="discard"):
            yield Label(t("form.discard.title"), classes="form-title", markup=False)
            yield Static(Text(t("form.discard.text")), classes="discard-text")
            with Horizontal(classes="buttons"):
                yield Button(t("form.discard.back"), variant="primary", id="back")
                yield Button(t("form.discard.discard"), variant="error", id="discard-changes")

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#discard-changes")
    def _discard(self) -> None:
        self.dismiss(True)


class FormKeys:
    """Mixin for a form dialog (a ModalScreen): the keys and the unsaved-changes check.

    The dialog calls :meth:`remember_values` once its fields hold their starting values
    (done after the first refresh), runs :meth:`save_form` on ctrl+s, and closes with
    :meth:`close_form` (asks first when something changed)."""

    FORM_BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("escape", "cancel", "key.cancel"),
        tbinding(SAVE_KEY, "save_form", "key.save", priority=True),
    ]
    _start: dict[str, object] | None = None

    def _fields(self) -> list[Widget]:
        node: Any = self
        return [w for w in node.query(FIELDS) if w.id]

    def remember_values(self) -> None:
        self._start = {w.id or "": value_of(w) for w in self._fields()}

    def changed(self) -> bool:
        if self._start is None:
            return False
        return any(self._start.get(w.id or "", value_of(w)) != value_of(w)
                   for w in self._fields())

    def save_form(self) -> None:
        raise NotImplementedError

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Textual scrolls a focused field into the dialog's view, but not from under the
        docked foot: scroll on until it is above the buttons (Tab never stops on a field
        that cannot be seen)."""
        node: Any = self
        node.call_after_refresh(self._above_foot, event.widget)

    def _above_foot(self, widget: Widget) -> None:
        node: Any = self
        for foot in node.query(".form-foot"):
            keep_above(foot, widget)

    def action_save_form(self) -> None:
        self.save_form()

    def close_form(self) -> None:
        node: Any = self
        if not self.changed():
            node.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                node.dismiss(None)

        node.app.push_screen(DiscardModal(), answered)

    def enter_in(self, field: Input) -> None:
        """Enter in ``field``: the next field, or save when it is the form's only text
        field (a confirmation, a path)."""
        node: Any = self
        texts = [w for w in node.query("Input, TextArea") if w.focusable]
        if texts == [field]:
            self.save_form()
        else:
            node.focus_next()


__all__ = ["FIELDS", "DiscardModal", "FormKeys", "foot", "save_label"]
