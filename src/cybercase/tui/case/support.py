"""The support group (No Blame): meetings with participants and action points (care data).

Only roles with ``care.read`` see this pane's content; others get the core's one line.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from cybercase.cases.cases import Case, case_protocol
from cybercase.cases.people import Person, list_people
from cybercase.cases.supportgroup import MeetingResult, meeting_count, record_meeting, state
from cybercase.core.dutchdates import typed_day
from cybercase.core.i18n import get_language, localize, t
from cybercase.core.roles import allowed
from cybercase.core.timeutil import local_today
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import CasePane
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.forms import FormModal, label, named, options
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def step_name(meeting: dict[str, Any]) -> str:
    return str(meeting["name_nl"] if get_language() == "nl" else meeting["name_en"])


class SupportGroupPane(CasePane):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add", "key.add_meeting"),
    ]
    DEFAULT_CSS = """
    SupportGroupPane #meetings-table { height: 1fr; }
    SupportGroupPane #meeting-detail { height: auto; max-height: 12; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield Static("", id="sg-status", classes="pane-hint")
        yield VirtualTable([
            Column("held_on", t("sg.col.held_on"), 17),
            Column("step", t("sg.col.step")),
            Column("led_by", t("sg.col.led_by"), 14),
            Column("people", t("sg.col.people"), 10, "right"),
            Column("decision", t("sg.col.decision"), 12),
            Column("todo", t("sg.col.still_to_inform"), 22),
        ], id="meetings-table", empty_text=t("sg.empty"))
        yield Static("", id="meeting-detail")

    def load(self) -> None:
        table = self.query_one(VirtualTable)
        if not allowed(self.vault.role, "care.read"):
            # not "no meetings yet": they exist, this role may not read them
            count = meeting_count(self.vault, self.case)
            hidden = t("sg.hidden_for_role", n=count)
            table.empty_text = hidden if count else t("sg.none_for_role")
            self.query_one("#sg-status", Static).update(Text(hidden if count else ""))
            table.set_source(ListSource([], lambda m: Row(0, ())))
            self.vault.require("care.read")  # the role's reason on the problem line
        data = state(self.vault, self.case)
        self.people = {p.id: p for p in list_people(self.vault, self.case)}
        self.meetings = {m["id"]: m for m in data["meetings"]}
        status = t(f"sg.status.{data['status']}") if data["status"] else t("sg.status.none")
        open_evals = [e for e in data["evaluations"] if not e["done_at"]]
        line = Text(t("sg.status", status=status))
        for evaluation in open_evals:
            line.append("\n" + t("sg.evaluation_due", due=shown_moment(evaluation["due"])))
        self.query_one("#sg-status", Static).update(line)
        # whom to inform, by the names of the case's protocol ("IB'er"), not its keys
        staff = {r.key: named(r) for r in case_protocol(self.vault, self.case).staff_roles}

        def to_row(m: dict[str, Any]) -> Row:
            return Row(m["id"], (
                Text(shown_moment(m["held_on"])), Text(f"{m['step']} · {step_name(m)}"),
                Text(m["led_by"] or ""), Text(str(len(m["participants"]))),
                Text(m["decision"] or ""),
                Text(", ".join(staff.get(w, w) for w in m["still_to_inform"]))))

        table.set_source(ListSource(data["meetings"], to_row), cursor=table.cursor_row)
        self._detail(table.cursor_key)

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self._detail(event.key)

    def _person_name(self, pid: int) -> str:
        person = self.people.get(pid)
        return person.name if person else f"#{pid}"

    def _detail(self, key: object) -> None:
        meeting = getattr(self, "meetings", {}).get(key)
        box = self.query_one("#meeting-detail", Static)
        if meeting is None:
            box.update("")
            return
        text = Text()
        text.append(t("sg.participants") + ": ", style="bold")
        text.append(", ".join(self._person_name(p) for p in meeting["participants"]) or "—")
        for action in meeting["actions"]:
            text.append("\n• ")
            text.append(self._person_name(action["person_id"]), style="bold")
            text.append(": " + action["text"])
        if meeting["notes"]:
            text.append("\n" + t("sg.notes") + ": ", style="bold")
            text.append(meeting["notes"])
        if meeting["still_to_inform"]:
            staff = {r.key: named(r)
                     for r in case_protocol(self.vault, self.case).staff_roles}
            text.append("\n" + t("sg.col.still_to_inform") + ": ", style="bold")
            text.append(", ".join(staff.get(w, w) for w in meeting["still_to_inform"]))
        box.update(text)

    def action_add(self) -> None:
        def done(result: MeetingResult) -> str:
            for warning in result.warnings:
                self.notify(localize(warning), severity="warning", markup=False)
            for item in result.scheduled:
                self.notify(t("sg.scheduled", due=item["due"]), markup=False)
            return t("sg.recorded")

        self.open_dialog(MeetingModal(self.case), done)


class MeetingModal(FormModal[MeetingResult]):
    TITLE_KEY = "sg.add.title"
    DIALOG_ID = "add-meeting"
    DEFAULT_CSS = """
    MeetingModal .dialog { width: 90; }
    MeetingModal .pupil-row { height: auto; }
    MeetingModal .pupil-row Checkbox { width: 28; }
    MeetingModal .pupil-row Input { width: 1fr; }
    MeetingModal #notes { height: 5; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def fields(self) -> ComposeResult:
        protocol = case_protocol(self.vault, self.case)
        self.pupils: list[Person] = [p for p in list_people(self.vault, self.case)
                                     if p.kind == "pupil"]
        yield label("sg.field.step")
        yield Select(options([(f"{s.key} · {named(s)}", s.key) for s in protocol.steps]),
                     value=protocol.steps[0].key, allow_blank=False, id="step")
        yield label("sg.field.held_on")
        yield Input(typed_day(local_today()), id="held_on", max_length=30,
                    placeholder=t("form.date_placeholder"))
        yield label("sg.field.led_by")
        yield Input(id="led_by", max_length=120)
        yield label("sg.field.decision")
        yield Select([], id="decision", prompt=t("form.none"))
        yield label("sg.field.pupils")
        with Vertical(id="pupils"):
            if not self.pupils:
                yield Static(Text(t("sg.no_pupils")), classes="hint")
            for pupil in self.pupils:
                with Horizontal(classes="pupil-row"):
                    yield Checkbox(Text(pupil.name), id=f"in-{pupil.id}")
                    yield Input(id=f"action-{pupil.id}", max_length=500,
                                placeholder=t("sg.action_placeholder"))
        yield label("sg.field.notes")
        yield TextArea(id="notes")

    def on_mount(self) -> None:
        self._step_changed()

    @on(Select.Changed, "#step")
    def _step_changed(self) -> None:
        protocol = case_protocol(self.vault, self.case)
        step = protocol.step(str(self.choice("#step")))
        decision = self.query_one("#decision", Select)
        decision.set_options(options([(t(f"sg.decision.{d}"), d) for d in step.decisions]))
        decision.disabled = not step.decisions

    @on(Input.Changed, ".pupil-row Input")
    def _typed_action(self, event: Input.Changed) -> None:
        # an action point means the pupil took part
        pid = (event.input.id or "").removeprefix("action-")
        if event.value.strip():
            self.query_one(f"#in-{pid}", Checkbox).value = True

    def submit(self) -> MeetingResult:
        participants: list[int] = []
        actions: list[tuple[int, str]] = []
        for pupil in self.pupils:
            action = self.text(f"#action-{pupil.id}").strip()
            if self.query_one(f"#in-{pupil.id}", Checkbox).value or action:
                participants.append(pupil.id)
            if action:
                actions.append((pupil.id, action))
        decision = self.choice("#decision")
        return record_meeting(
            self.vault, self.case.ref, str(self.choice("#step")), self.text("#held_on"),
            participants=participants, actions=actions, notes=self.optional("#notes"),
            led_by=self.optional("#led_by"),
            decision=None if decision is None else str(decision),
        )
