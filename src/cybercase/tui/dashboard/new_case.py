"""The "new case" dialog: a typed ModalScreen that returns the created Case (or None)."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from cybercase.cases.cases import Case, create_case
from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import get_language, t
from cybercase.protocol.store import current
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.frame import FormKeys, foot, save_label
from cybercase.tui.widgets.saving import SavingModal

PHASES = range(1, 7)


class NewCaseModal(FormKeys, SavingModal[Case | None]):
    BINDINGS: ClassVar[list[BindingType]] = FormKeys.FORM_BINDINGS

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="new-case", can_focus=False):
            yield Label(t("newcase.title"), classes="form-title")
            yield Label(t("newcase.case_title"))
            yield Input(placeholder=t("newcase.case_title.placeholder"), id="title")
            yield Label(t("newcase.group"))
            yield Input(id="group", max_length=40)
            yield Label(t("newcase.phase"))
            yield Select(
                [(Text(t("newcase.phase_option", phase=p, name=name)), p)
                 for p, name in self.phase_names()],
                value=1, allow_blank=False, id="phase",
            )
            with foot():
                yield ErrorLine(id="error")
                with Horizontal(classes="buttons"):
                    yield Button(save_label("newcase.create"), variant="primary", id="create")
                    yield Button(t("newcase.cancel"), id="cancel")

    def phase_names(self) -> list[tuple[int, str]]:
        """"Fase 2: Pesten vastgesteld": the phases of the protocol a new case follows."""
        try:
            phases = current(self.vault).phases
        except CybercaseError:
            return [(p, "") for p in PHASES]
        dutch = get_language() == "nl"
        return [(p.number, p.name_nl if dutch else p.name_en) for p in phases]

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self.call_after_refresh(self.remember_values)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        self.enter_in(event.input)

    def save_form(self) -> None:
        self.create()

    @on(Button.Pressed, "#create")
    def create(self) -> None:
        title = self.query_one("#title", Input).value
        group = self.query_one("#group", Input).value
        phase = self.query_one("#phase", Select).value
        # the core validates; its one-line message shows here, in place (saving.py)
        self.save(partial(create_case, self.vault, title, group or None,
                          phase if isinstance(phase, int) else 1))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.saving:
            self.close_form()
