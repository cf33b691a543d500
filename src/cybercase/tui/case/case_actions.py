"""The case file's own actions on the overview: the triage, the intake fields (how the
case was reported, its summary and group), closing the case, a follow-up in the agenda,
and a read-only view of the protocol the case follows.

Every dialog calls the core in ``submit``; the core's one-line error (an unknown channel, a
date that is not a date, a changed value without its reason, a closed case) shows in
place and nothing is stored. User text is shown as plain text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static, TextArea

from cybercase.cases.cases import (
    TRIAGE_CRITERIA,
    Case,
    case_protocol,
    close_case,
    set_intake,
    triage,
)
from cybercase.core.dutchdates import app_day
from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import get_language, localize, t
from cybercase.protocol.schema import Protocol
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.agenda_table import when_text
from cybercase.tui.widgets.forms import FormModal, label, named, options
from cybercase.vault import Vault
from cybercase.vault.versions import seen
from cybercase.views.agenda import FOLLOW_UP_KINDS, AgendaItem, add_follow_up, agenda, today

# --- what the overview shows beside the case table ------------------------------------------


def _yes_no(value: bool | int | None) -> str:
    if value is None:
        return t("triage.unknown")
    return t("triage.yes") if value else t("triage.no")


def triage_text(vault: Vault, case: Case) -> Text:
    """The triage with its three criteria and note ('' when none was recorded)."""
    if not case.triage:
        return Text("")
    try:
        protocol: Protocol | None = case_protocol(vault, case)
    except CybercaseError:
        protocol = None
    outcome = case.triage
    criteria: dict[str, str] = {key: key for key in TRIAGE_CRITERIA}
    if protocol is not None:
        outcome = next((named(o) for o in protocol.triage_outcomes if o.key == case.triage),
                       case.triage)
        criteria.update({c.key: named(c) for c in protocol.triage_criteria})
    text = Text()
    text.append(t("triage.section") + ": ", style="bold")
    text.append(outcome)
    if case.triage_at:
        text.append("  " + t("triage.by", when=shown_moment(case.triage_at),
                             who=case.triage_by or ""), style="dim")
    text.append("\n")
    values = {"intent": case.triage_intent, "repetition": case.triage_repetition,
              "power": case.triage_power}
    for key in TRIAGE_CRITERIA:
        text.append(f"  {_yes_no(values[key])}", style="bold")
        text.append(f"  {criteria[key]}\n")
    if case.triage_note:
        text.append("  ")
        text.append(case.triage_note, style="italic")
        text.append("\n")
    return text


def case_agenda(vault: Vault, case: Case) -> list[AgendaItem]:
    """What is due in this case (the agenda's items, overdue first)."""
    return [item for item in agenda(vault) if item.case_ref == case.ref]


def due_text(items: list[AgendaItem]) -> Text:
    text = Text()
    if not items:
        text.append(t("followup.none"), style="dim")
        return text
    day = today()
    for item in items:
        text.append(app_day(item.due, get_language()) + "  ", style="bold")  # as the agenda
        text.append_text(when_text(item.due, day))
        text.append("  ")
        text.append(localize(item.what).replace("\n", " "))
        text.append("\n")
    return text


# --- triage ---------------------------------------------------------------------------------


@dataclass
class TriageResult:
    outcome: str
    warnings: list[str]


class TriageModal(FormModal[TriageResult]):
    """The triage: bullying, teasing, conflict or incident, with the three criteria."""

    TITLE_KEY = "triage.title"
    DIALOG_ID = "triage"
    DEFAULT_CSS = """
    TriageModal #note { height: 5; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case
        self.expect = seen("case", case)

    def fields(self) -> ComposeResult:
        protocol = case_protocol(self.vault, self.case)
        yield label("triage.field.outcome")
        yield Select(options([(named(o), o.key) for o in protocol.triage_outcomes]),
                     id="outcome", prompt=t("form.choose"),
                     value=self.case.triage or Select.NULL)
        yield Static("", id="outcome-hint", classes="hint")
        current = {"intent": self.case.triage_intent,
                   "repetition": self.case.triage_repetition,
                   "power": self.case.triage_power}
        names = {c.key: named(c) for c in protocol.triage_criteria}
        for key in TRIAGE_CRITERIA:
            yield Label(Text(names.get(key, key)), markup=False)
            value = current[key]
            yield Select(options([(t("triage.yes"), "yes"), (t("triage.no"), "no")]),
                         id=f"crit-{key}", prompt=t("triage.unknown"),
                         value=Select.NULL if value is None else ("yes" if value else "no"))
        yield label("triage.field.note")
        yield TextArea(self.case.triage_note or "", id="note", soft_wrap=True)

    def on_mount(self) -> None:
        self._describe()

    @on(Select.Changed, "#outcome")
    def _describe(self) -> None:
        """What the chosen outcome means, in the protocol's words."""
        key = self.choice("#outcome")
        hint = self.query_one("#outcome-hint", Static)
        protocol = case_protocol(self.vault, self.case)
        found = next((o for o in protocol.triage_outcomes if o.key == key), None)
        if found is None:
            hint.update("")
            return
        hint.update(Text(found.text_nl if get_language() == "nl" else found.text_en))

    def submit(self) -> TriageResult:
        outcome = self.choice("#outcome")
        if outcome is None:
            raise UsageError(t("triage.choose"))
        criteria: dict[str, bool | None] = {}
        for key in TRIAGE_CRITERIA:
            value = self.choice(f"#crit-{key}")
            criteria[key] = None if value is None else value == "yes"
        warnings = triage(self.vault, self.case.ref, str(outcome), criteria,
                          self.optional("#note"))
        return TriageResult(str(outcome), warnings)


# --- intake fields --------------------------------------------------------------------------


def _changed(typed: str, current: str | None) -> str | None:
    """The typed value when it differs from the recorded one, else None (no change).

    A recorded value cleared in the form goes to the core as "" so its message says why
    that cannot be stored."""
    if typed.strip() == (current or "").strip():
        return None
    return typed


class EditCaseModal(FormModal[Case]):
    """How the case was reported, its summary and group. The core keeps an overwritten
    value in the correction history and asks for the reason."""

    TITLE_KEY = "caseedit.title"
    DIALOG_ID = "edit-case"
    DEFAULT_CSS = """
    EditCaseModal #summary { height: 6; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case
        self.expect = seen("case", case)

    def form_title(self) -> str:
        return t("caseedit.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        protocol = case_protocol(self.vault, self.case)
        yield Static(Text(t("caseedit.hint")), classes="hint")
        yield label("caseedit.field.summary")
        yield TextArea(self.case.summary or "", id="summary", soft_wrap=True)
        yield label("caseedit.field.reported_by")
        yield Input(self.case.reported_by or "", id="reported_by", max_length=200)
        yield label("caseedit.field.channel")
        yield Select(options([(named(c), c.key) for c in protocol.channels]), id="channel",
                     prompt=t("form.none"), value=self.case.channel or Select.NULL)
        yield label("caseedit.field.reported_on")
        yield Input(self.case.reported_on or "", id="reported_on",
                    placeholder=t("form.date_placeholder"), max_length=30)
        yield label("caseedit.field.group")
        yield Input(self.case.group or "", id="group", max_length=40)
        yield label("caseedit.field.reason")
        yield Input(id="reason", max_length=500, placeholder=t("caseedit.reason_placeholder"))

    def submit(self) -> Case:
        c = self.case
        channel = self.choice("#channel")
        changes = {
            "summary": _changed(self.text("#summary"), c.summary),
            "reported_by": _changed(self.text("#reported_by"), c.reported_by),
            "channel": None if channel is None or channel == c.channel else str(channel),
            "reported_on": _changed(self.text("#reported_on"), c.reported_on),
            "group": _changed(self.text("#group"), c.group),
        }
        if all(v is None for v in changes.values()):
            raise UsageError(t("caseedit.nothing"))
        return set_intake(self.vault, c.ref, reason=self.optional("#reason"), **changes)


# --- close ----------------------------------------------------------------------------------


class CloseCaseModal(FormModal[Case]):
    """Close the case with its outcome; typing the reference confirms (the core has no way
    back: a closed case cannot change)."""

    TITLE_KEY = "close.title"
    SUBMIT_KEY = "close.submit"
    DIALOG_ID = "close-case"
    DEFAULT_CSS = """
    CloseCaseModal #outcome { height: 5; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case
        self.expect = seen("case", case)

    def form_title(self) -> str:
        return t("close.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("close.hint")), classes="hint")
        yield label("close.field.outcome")
        yield TextArea("", id="outcome", soft_wrap=True)
        yield label("close.field.confirm", ref=self.case.ref)
        yield Input(id="confirm", max_length=40, placeholder=self.case.ref)

    def submit(self) -> Case:
        if self.text("#confirm").strip() != self.case.ref:
            raise UsageError(t("close.confirm_mismatch", ref=self.case.ref))
        return close_case(self.vault, self.case.ref, self.text("#outcome"))


# --- follow-up ------------------------------------------------------------------------------


@dataclass
class FollowUp:
    id: int
    due: str
    what: str


class FollowUpModal(FormModal[FollowUp]):
    """A follow-up or monitoring term of the coordinator's own, in the agenda."""

    TITLE_KEY = "followup.title"
    DIALOG_ID = "follow-up"
    FIRST_FOCUS = "#due"

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def form_title(self) -> str:
        return t("followup.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        yield label("followup.field.kind")
        yield Select(options([(t(f"followup.kind.{k}"), k) for k in FOLLOW_UP_KINDS]),
                     value=FOLLOW_UP_KINDS[0], allow_blank=False, id="kind")
        yield label("followup.field.due")
        yield Input(id="due", placeholder=t("form.date_placeholder"), max_length=30)
        yield label("followup.field.what")
        yield Input(id="what", max_length=300)

    def submit(self) -> FollowUp:
        kind = self.choice("#kind")
        due, what = self.text("#due"), self.text("#what")
        did = add_follow_up(self.vault, self.case.ref, due, what, str(kind))
        return FollowUp(did, due.strip(), what.strip())
