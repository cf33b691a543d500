"""Who was informed (directeur, IB'er, IVP, parents, ...), when and how; add one."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input, Select

from cybercase.cases.cases import Case, case_protocol
from cybercase.cases.people import list_people
from cybercase.cases.supportgroup import PARENTS, informed_list, record_informed
from cybercase.core.dutchdates import app_moment, typed_day
from cybercase.core.i18n import get_language, t
from cybercase.core.timeutil import local_today
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import CasePane
from cybercase.tui.widgets.forms import FormModal, label, named, options
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def person_options(vault: Any, case: Case) -> list[tuple[str, object]]:
    """The parents and staff members of the case: *which* person was informed."""
    return [(f"{p.name} ({t(f'people.kind.{p.kind}')})", p.id)
            for p in list_people(vault, case) if p.kind in ("parent", "staff")]


def who_options(vault: Any, case: Case) -> list[tuple[str, object]]:
    protocol = case_protocol(vault, case)
    return [*((named(r), r.key) for r in protocol.staff_roles), (t("informed.parents"), PARENTS)]


def dutch_or_iso(day: str) -> str:
    """A stored day as the app shows it ("3 december 2026")."""
    return app_moment(day, get_language())


class InformedPane(CasePane):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add", "key.add_informed"),
    ]

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield VirtualTable([
            Column("on", t("informed.col.on"), 17),
            Column("who", t("informed.col.who"), 28),
            Column("how", t("informed.col.how"), 18),
            Column("note", t("informed.col.note")),
            Column("by", t("informed.col.by"), 15),
        ], id="informed-table", empty_text=t("informed.empty"))

    def load(self) -> None:
        names = dict((str(k), label) for label, k in who_options(self.vault, self.case))
        people = {p.id: p.name for p in list_people(self.vault, self.case)}
        rows = informed_list(self.vault, self.case)

        def whom(i: dict[str, Any]) -> str:
            role = names.get(i["who"], i["who"])
            person = people.get(i["person_id"]) if i["person_id"] else None
            return f"{person} ({role})" if person else role

        def to_row(i: dict[str, Any]) -> Row:
            return Row(i["id"], (Text(dutch_or_iso(i["on"])), Text(whom(i)),
                                 Text(i["how"]), Text((i["note"] or "").replace("\n", " ")),
                                 Text(i["recorded_by"])))

        self.query_one(VirtualTable).set_source(ListSource(rows, to_row))

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def action_add(self) -> None:
        self.open_dialog(InformedModal(self.case), lambda _id: t("informed.added"))


class InformedModal(FormModal[int]):
    TITLE_KEY = "informed.add.title"
    DIALOG_ID = "add-informed"

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def fields(self) -> ComposeResult:
        yield label("informed.field.person")
        yield Select(options(person_options(self.vault, self.case)), id="person",
                     prompt=t("informed.person_none"))
        yield label("informed.field.who")
        yield Select(options(who_options(self.vault, self.case)), id="who",
                     prompt=t("informed.who_from_person"))
        yield label("informed.field.on")
        yield Input(typed_day(local_today()), id="on", max_length=30,
                    placeholder=t("form.date_placeholder"))
        yield label("informed.field.how")
        yield Input(id="how", max_length=200, placeholder=t("informed.how_placeholder"))
        yield label("informed.field.note")
        yield Input(id="note", max_length=1000)

    def submit(self) -> int:
        who = self.choice("#who")
        person = self.choice("#person")
        return record_informed(self.vault, self.case.ref, None if who is None else str(who),
                               self.text("#on"), self.text("#how"),
                               person_id=None if person is None else int(str(person)),
                               note=self.optional("#note"))
