"""The case at a glance: intake and triage, the phase with its history; change the phase."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from cybercase.cases.cases import Case, case_protocol
from cybercase.cases.phases import PhaseChange, change_phase, history
from cybercase.i18n import get_language, localize, t
from cybercase.timeutil import local_display
from cybercase.tui.bindings import tbinding
from cybercase.tui.panes.base import CasePane
from cybercase.tui.screens.forms import FormModal, label, named, options
from cybercase.tui.widgets.case_overview import CaseOverview, overview_table, phase_text
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


class OverviewPane(CasePane):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("p", "phase", "key.change_phase"),
    ]
    DEFAULT_CSS = """
    OverviewPane #phase-history { height: auto; max-height: 10; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        with VerticalScroll(id="overview-scroll"):
            yield CaseOverview(self.vault, self.case, id="overview-body")
            yield Label(t("phase.history"), classes="section-title")
            yield VirtualTable([
                Column("at", t("phase.col.at"), 32),
                Column("change", t("phase.col.change"), 8),
                Column("by", t("phase.col.by"), 12),
                Column("reason", t("phase.col.reason")),
            ], id="phase-history", zebra=False)

    def load(self) -> None:
        self.query_one(CaseOverview).update(
            overview_table(self.case, phase_text(self.vault, self.case)))
        changes = history(self.vault, self.case)

        def to_row(c: PhaseChange) -> Row:
            change = f"{c.from_phase} → {c.to_phase}" if c.from_phase else f"→ {c.to_phase}"
            return Row(c.at, (Text(local_display(c.at)), Text(change), Text(c.by),
                              Text(localize(c.reason))))

        table = self.query_one("#phase-history", VirtualTable)
        table.set_source(ListSource(list(reversed(changes)), to_row))
        table.styles.height = min(len(changes), 8) + 1

    def focus_main(self) -> None:
        self.query_one("#phase-history", VirtualTable).focus()

    def action_phase(self) -> None:
        self.open_dialog(PhaseModal(self.case),
                         lambda c: t("phase.changed", frm=c.from_phase, to=c.to_phase))


class PhaseModal(FormModal[PhaseChange]):
    TITLE_KEY = "phase.title"
    DIALOG_ID = "phase-change"
    FIRST_FOCUS = "#reason"

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def fields(self) -> ComposeResult:
        protocol = case_protocol(self.vault, self.case)
        yield Static(Text(t("phase.current", phase=phase_text(self.vault, self.case))),
                     classes="hint")
        current = protocol.phase(self.case.phase)
        escalate = current.escalate_nl if get_language() == "nl" else current.escalate_en
        if escalate:
            yield Static(Text(t("phase.escalate_when", when=escalate)), classes="hint")
        yield label("phase.field.phase")
        choices = [(f"{p.number} · {named(p)}", p.number) for p in protocol.phases]
        following = min(self.case.phase + 1, max(p.number for p in protocol.phases))
        yield Select(options(choices), value=following, allow_blank=False, id="phase")
        yield label("phase.field.reason")
        yield Input(id="reason", max_length=500, placeholder=t("phase.reason_placeholder"))

    def submit(self) -> PhaseChange:
        phase = self.choice("#phase")
        return change_phase(self.vault, self.case.ref, int(str(phase)), self.text("#reason"))
