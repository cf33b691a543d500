"""The case at a glance: intake and triage, the phase with its history; change the phase."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from cybercase.cases import access
from cybercase.cases.cases import Case, case_protocol, suggested_phase
from cybercase.cases.phases import PhaseChange, change_phase, history
from cybercase.core.dutchdates import app_moment
from cybercase.core.i18n import get_language, localize, t
from cybercase.privacy import corrections
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import CaseChanged, CasePane
from cybercase.tui.case.case_actions import (
    CloseCaseModal,
    EditCaseModal,
    FollowUpModal,
    TriageModal,
    TriageResult,
    case_agenda,
    due_text,
    triage_text,
)
from cybercase.tui.case.lifecycle_dialogs import ReopenModal, VoidModal
from cybercase.tui.case.privacy_dialogs import (
    CorrectModal,
    RestrictModal,
    UnrestrictModal,
    access_text,
    case_values,
    corrected_notice,
    corrections_text,
)
from cybercase.tui.case.protocol_view import ProtocolModal
from cybercase.tui.widgets.case_overview import CaseOverview, overview_table, phase_text
from cybercase.tui.widgets.forms import FormModal, label, named, options
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable
from cybercase.vault.versions import seen


class OverviewPane(CasePane):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("p", "phase", "key.change_phase"),
        tbinding("c", "correct", "key.correct", show=False),
        tbinding("b", "restrict", "key.restrict", show=False),
        tbinding("u", "unrestrict", "key.unrestrict"),
        tbinding("t", "triage", "key.triage"),
        tbinding("e", "edit", "key.edit_case", show=False),
        tbinding("f", "follow_up", "key.add_follow_up"),
        tbinding("C", "close_case", "key.close_case", key_display="C", show=False),
        tbinding("R", "reopen", "key.reopen_case", key_display="R", show=False),
        tbinding("V", "void", "key.void_case", key_display="V", show=False),
        tbinding("o", "protocol", "key.protocol", show=False),
    ]
    DEFAULT_CSS = """
    OverviewPane #phase-history { height: auto; max-height: 10; }
    OverviewPane #overview-triage { padding: 0 2; height: auto; }
    OverviewPane #overview-due { padding: 0 2; height: auto; }
    OverviewPane #case-corrections { height: auto; padding: 0 0 1 0; }
    OverviewPane #access-line { height: auto; padding: 0 2; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        with VerticalScroll(id="overview-scroll"):
            yield CaseOverview(self.vault, self.case, id="overview-body")
            yield Static("", id="access-line")
            yield Static("", id="overview-triage")
            yield Label(t("followup.section"), classes="section-title")
            yield Static("", id="overview-due")
            yield Label(t("phase.history"), classes="section-title")
            yield VirtualTable([
                Column("at", t("phase.col.at"), 25),
                Column("change", t("phase.col.change"), 34),
                Column("by", t("phase.col.by"), 12),
                Column("reason", t("phase.col.reason")),
            ], id="phase-history", zebra=False)
            yield Static("", id="case-corrections")

    def load(self) -> None:
        self.query_one(CaseOverview).update(
            overview_table(self.vault, self.case))
        self.query_one("#access-line", Static).update(access_text(self.vault, self.case))
        restricted = bool(access.restricted_to(self.vault, self.case.id))
        if restricted != self.restricted:
            self.restricted = restricted
            self.refresh_bindings()
        triage = self.query_one("#overview-triage", Static)
        shown = triage_text(self.vault, self.case)
        suggested = suggested_phase(self.vault, self.case)
        if suggested is not None:  # the protocol's phase for this triage outcome
            shown.append("\n" + t("triage.suggested_phase",
                                   phase=phase_text(self.vault, self.case, suggested)),
                         style="bold")
        triage.update(shown)
        triage.display = bool(self.case.triage)
        self.query_one("#overview-due", Static).update(
            due_text(case_agenda(self.vault, self.case)))
        changes = history(self.vault, self.case)

        def to_row(c: PhaseChange) -> Row:
            to = phase_text(self.vault, self.case, c.to_phase)
            change = f"{c.from_phase} → {to}" if c.from_phase else f"→ {to}"
            return Row(c.at, (Text(app_moment(c.at, get_language())), Text(change), Text(c.by),
                              Text(localize(c.reason))))

        table = self.query_one("#phase-history", VirtualTable)
        table.set_source(ListSource(list(reversed(changes)), to_row))
        table.styles.height = min(len(changes), 8) + 1

        self.query_one("#case-corrections", Static).update(
            corrections_text(corrections.case_history(self.vault, self.case), show_object=True))

    def focus_main(self) -> None:
        # the overview itself: it opens at its top (title, phase, triage) and the arrow
        # keys scroll it; focusing the phase history at its bottom scrolled the top out
        # of sight at 80x24 (issue 20). Tab reaches the history.
        self.query_one("#overview-scroll", VerticalScroll).focus()

    def action_correct(self) -> None:
        what = t("correct.what_case", ref=self.case.ref)
        self.open_dialog(CorrectModal(self.case, "case", self.case.ref, what,
                                      case_values(self.case)), corrected_notice)

    restricted = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The key to lift a restriction shows only while the case is restricted."""
        return self.restricted if action == "unrestrict" else True

    def action_restrict(self) -> None:
        def done(users: list[str] | None) -> None:
            if users is None:
                return
            notice = t("restrict.done", ref=self.case.ref, users=", ".join(users))
            if self.vault.user in users:
                self.post_message(CaseChanged(notice))
                return
            # the core hides the case from a coordinator who is not on its list: leave it
            # (a coordinator can still lift it on the Privacy screen; that is logged)
            self.notify(notice + " " + t("restrict.left"), markup=False)
            self.screen.dismiss(None)

        self.app.push_screen(RestrictModal(self.case), done)

    def action_unrestrict(self) -> None:
        self.open_dialog(UnrestrictModal(self.case.ref),
                         lambda _done: t("unrestrict.done", ref=self.case.ref))

    def action_phase(self) -> None:
        self.open_dialog(PhaseModal(self.case),
                         lambda c: t("phase.changed", frm=c.from_phase, to=c.to_phase))


    def action_triage(self) -> None:
        def done(result: TriageResult) -> str:
            for warning in result.warnings:
                self.notify(localize(warning), severity="warning", timeout=12, markup=False)
            return t("triage.saved", ref=self.case.ref)

        self.open_dialog(TriageModal(self.case), done)

    def action_edit(self) -> None:
        self.open_dialog(EditCaseModal(self.case), lambda c: t("caseedit.saved", ref=c.ref))

    def action_close_case(self) -> None:
        self.open_dialog(CloseCaseModal(self.case), lambda c: t("close.done", ref=c.ref))

    def action_reopen(self) -> None:
        self.open_dialog(ReopenModal(self.case), lambda c: t("reopen.done", ref=c.ref))

    def action_void(self) -> None:
        self.open_dialog(VoidModal(self.case), lambda c: t("void.done", ref=c.ref))

    def action_follow_up(self) -> None:
        self.open_dialog(FollowUpModal(self.case),
                         lambda f: t("followup.added", due=f.due, what=f.what))

    def action_protocol(self) -> None:
        self.app.push_screen(ProtocolModal(self.case))


class PhaseModal(FormModal[PhaseChange]):
    TITLE_KEY = "phase.title"
    DIALOG_ID = "phase-change"
    FIRST_FOCUS = "#reason"

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case
        self.expect = seen("case", case)

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
