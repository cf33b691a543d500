"""People and roles: pupils, parents, staff; add a person, change a pupil's roles."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static

from cybercase.cases.cases import Case, case_protocol
from cybercase.cases.people import (
    KINDS,
    Person,
    add_person,
    links,
    list_people,
    sees_care,
    set_roles,
)
from cybercase.core.i18n import t
from cybercase.protocol.schema import Protocol
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import CaseChanged, CasePane
from cybercase.tui.case.people_actions import LinkParentModal, SchoolNoteModal, links_text
from cybercase.tui.case.pickers import role_options
from cybercase.tui.case.privacy_dialogs import (
    CorrectModal,
    corrected_notice,
    person_detail,
    person_values,
)
from cybercase.tui.case.subject_dialogs import (
    SubjectExportModal,
    SubjectExportRequest,
    SubjectExportRunModal,
    SubjectRequestModal,
)
from cybercase.tui.widgets.forms import FormModal, label, named, options
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable
from cybercase.vault.versions import seen


def role_name(protocol: Protocol, person: Person) -> str:
    if person.role is None:
        return ""
    for shown, key in role_options(protocol, person.kind):
        if key == person.role:
            return shown
    return person.role


def sg_name(protocol: Protocol, key: str | None) -> str:
    for role in protocol.support_group_roles:
        if role.key == key:
            return named(role)
    return key or ""


class PeoplePane(CasePane):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add", "key.add_person"),
        tbinding("e", "roles", "key.change_role"),
        tbinding("c", "correct", "key.correct", show=False),
        tbinding("s", "subject_request", "key.subject_request", show=False),
        tbinding("o", "subject_export", "key.subject_export", show=False),
        tbinding("n", "note", "key.school_note"),
        tbinding("l", "link", "key.link_parent", show=False),
    ]
    DEFAULT_CSS = """
    PeoplePane #people-table { height: 1fr; min-height: 5; }
    PeoplePane #people-side { height: auto; max-height: 45%; }
    PeoplePane #people-detail { height: auto; }
    """

    def compose(self) -> ComposeResult:
        self.people: dict[int, Person] = {}
        self.links: list[tuple[int, int]] = []
        yield self.problem_line()
        yield VirtualTable(self._columns(), id="people-table", empty_text=t("people.empty"))
        with VerticalScroll(id="people-side"):
            yield Static("", id="people-detail")

    def _columns(self) -> list[Column]:
        columns = [
            Column("id", t("people.col.id"), 4, "right"),
            Column("name", t("people.col.name")),
            Column("kind", t("people.col.kind"), 10),
            Column("role", t("people.col.role"), 18),
            Column("group", t("people.col.group"), 7),
            Column("age", t("people.col.age"), 5, "right"),
        ]
        if sees_care(self.vault):
            columns.append(Column("sg_role", t("people.col.sg_role"), 16))
        return columns

    def load(self) -> None:
        protocol = case_protocol(self.vault, self.case)
        care = sees_care(self.vault)
        people = list_people(self.vault, self.case)

        def to_row(p: Person) -> Row:
            age = p.age()
            cells = [Text(str(p.id)), Text(p.name), Text(t(f"people.kind.{p.kind}")),
                     Text(role_name(protocol, p)), Text(p.group or ""),
                     Text("" if age is None else str(age))]
            if care:
                cells.append(Text(sg_name(protocol, p.sg_role)))
            return Row(p.id, tuple(cells))

        table = self.query_one(VirtualTable)
        self.people = {p.id: p for p in people}
        self.links = links(self.vault, self.case)
        table.set_source(ListSource(people, to_row), cursor=table.cursor_row)
        self.show_detail(table.cursor_key)

    @on(VirtualTable.Highlighted, "#people-table")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self.show_detail(event.key)

    def show_detail(self, key: object) -> None:
        """The highlighted person's correction history, access requests and the parents
        or children linked to them."""
        person = self.people.get(key) if isinstance(key, int) else None
        detail = Text()
        if person is not None:
            detail = person_detail(self.vault, person)
            linked = links_text(list(self.people.values()), self.links, person.id)
            if linked:
                detail.append("\n")
                detail.append_text(linked)
        self.query_one("#people-detail", Static).update(detail)
        pupil = person is not None and person.kind == "pupil"
        if pupil != self.pupil_selected:
            self.pupil_selected = pupil
            self.refresh_bindings()

    pupil_selected = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Access requests are for pupils: their keys show while a pupil is selected."""
        if action in ("subject_request", "subject_export"):
            return self.pupil_selected
        return True

    def selected_person(self) -> Person | None:
        key = self.query_one(VirtualTable).cursor_key
        return self.people.get(key) if isinstance(key, int) else None

    def action_note(self) -> None:
        """The school-system note of the selected pupil (the core refuses other people)."""
        person = self.selected_person()
        if person is not None:
            self.app.push_screen(SchoolNoteModal(self.case, person))

    def action_link(self) -> None:
        self.open_dialog(LinkParentModal(self.case, self.selected_person()),
                         lambda pair: t("people.linked", parent=pair[0].name,
                                        pupil=pair[1].name))

    def action_correct(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        what = t("correct.what_person", id=person.id, name=person.name)
        modal = CorrectModal(self.case, "person", person.id, what, person_values(person),
                             person.kind)
        modal.expect = seen("person", person)
        self.open_dialog(modal, corrected_notice)

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def action_subject_request(self) -> None:
        person = self.selected_person()
        if person is not None:
            self.open_dialog(SubjectRequestModal(person),
                             lambda r: t("subject.registered", id=r["id"], due=r["due_on"]))

    def action_subject_export(self) -> None:
        """The export for the parents: where to and which evidence, then the worker."""
        person = self.selected_person()
        if person is None:
            return

        def chosen(request: SubjectExportRequest | None) -> None:
            if request is not None:
                self.app.push_screen(SubjectExportRunModal(person, request), written)

        def written(result: object) -> None:
            if result is not None:  # the request is answered; the audit log has entries
                self.post_message(CaseChanged())

        self.app.push_screen(SubjectExportModal(self.case, person), chosen)

    def action_add(self) -> None:
        self.open_dialog(AddPersonModal(self.case),
                         lambda p: t("people.added", name=p.name, id=p.id))

    def action_roles(self) -> None:
        key = self.query_one(VirtualTable).cursor_key
        if not isinstance(key, int):
            return
        person = next(p for p in list_people(self.vault, self.case) if p.id == key)
        self.open_dialog(RolesModal(self.case, person),
                         lambda p: t("people.roles_changed", name=p.name))

    @on(VirtualTable.Selected)
    def _selected(self) -> None:
        self.action_roles()


class AddPersonModal(FormModal[Person]):
    TITLE_KEY = "people.add.title"
    DIALOG_ID = "add-person"

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def fields(self) -> ComposeResult:
        protocol = case_protocol(self.vault, self.case)
        yield label("people.field.name")
        yield Input(id="name", max_length=120)
        yield label("people.field.kind")
        yield Select(options([(t(f"people.kind.{k}"), k) for k in KINDS]), value="pupil",
                     allow_blank=False, id="kind")
        yield label("people.field.role")
        yield Select(options(role_options(protocol, "pupil")), id="role",
                     prompt=t("form.none"))
        yield label("people.field.group")
        yield Input(id="group", max_length=40)
        yield label("people.field.born")
        yield Input(id="born", placeholder=t("form.date_placeholder"), max_length=30)
        if sees_care(self.vault):
            yield label("people.field.sg_role")
            yield Select(options([(named(r), r.key) for r in protocol.support_group_roles]),
                         id="sg_role", prompt=t("form.none"))
        yield label("people.field.phone")
        yield Input(id="phone", max_length=40, placeholder="06-12345678", disabled=True)
        yield label("people.field.email")
        yield Input(id="email", max_length=254, disabled=True)

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        protocol = case_protocol(self.vault, self.case)
        kind = str(event.value)
        self.query_one("#role", Select).set_options(options(role_options(protocol, kind)))
        for widget in self.query("#sg_role"):
            widget.disabled = kind != "pupil"
        for widget in self.query("#phone, #email"):  # a child is reached via its parents
            widget.disabled = kind == "pupil"

    def submit(self) -> Person:
        kind = self.choice("#kind")
        role = self.choice("#role")
        sg_role = self.choice("#sg_role") if self.query("#sg_role") else None
        return add_person(
            self.vault, self.case.ref, self.text("#name"), str(kind),
            role=None if role is None else str(role), group=self.optional("#group"),
            born=self.optional("#born"),
            sg_role=None if sg_role is None or kind != "pupil" else str(sg_role),
            phone=None if kind == "pupil" else self.optional("#phone"),
            email=None if kind == "pupil" else self.optional("#email"),
        )


class RolesModal(FormModal[Person]):
    TITLE_KEY = "people.roles.title"
    DIALOG_ID = "roles"

    def __init__(self, case: Case, person: Person) -> None:
        super().__init__()
        self.case = case
        self.person = person
        self.expect = seen("person", person)

    def form_title(self) -> str:
        return t("people.roles.title", name=self.person.name)

    def fields(self) -> ComposeResult:
        protocol = case_protocol(self.vault, self.case)
        yield label("people.field.role")
        current = self.person.role if self.person.kind == "pupil" else None
        yield Select(options(role_options(protocol, "pupil")), id="role",
                     prompt=t("form.unchanged"),
                     value=current if current is not None else Select.NULL)
        if sees_care(self.vault):
            yield label("people.field.sg_role")
            yield Select(options([(named(r), r.key) for r in protocol.support_group_roles]),
                         id="sg_role", prompt=t("form.unchanged"),
                         value=self.person.sg_role or Select.NULL)
        yield label("people.roles.reason")
        yield Input(id="reason", max_length=500, placeholder=t("people.roles.reason_hint"))

    def submit(self) -> Person:
        role = self.choice("#role")
        sg_role = self.choice("#sg_role") if self.query("#sg_role") else None
        if role == self.person.role:
            role = None
        if sg_role == self.person.sg_role:
            sg_role = None
        return set_roles(self.vault, self.person.id,
                         role=None if role is None else str(role),
                         sg_role=None if sg_role is None else str(sg_role),
                         reason=self.optional("#reason"))
