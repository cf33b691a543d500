"""Privacy dialogs of the case screen: rectification (correct a recorded fact, with its
history), who may see a case (restrict / lift), and parents' access requests (register,
export for the parents in a worker).

The core decides everything (``cybercase.privacy``); these dialogs gather what it needs,
show its one-line refusals in place, and render what it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import (
    Input,
    Select,
    SelectionList,
    Static,
)

from cybercase.cases import access
from cybercase.cases.cases import Case, case_protocol
from cybercase.cases.history import Correction
from cybercase.cases.people import Person, sees_care
from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.privacy.corrections import FIELDS, correct_many
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.forms import FormModal, label, named, options
from cybercase.vault import Vault
from cybercase.vault.versions import seen

if TYPE_CHECKING:  # the export's module brings the PDF library: loaded when used
    pass

# fields whose value is one of the protocol's keys: a Select instead of free text
CHOICE_FIELDS = {("person", "role"), ("person", "sg_role"), ("case", "channel")}
# fields that are dates (a placeholder says how to type them)
DATE_FIELDS = {("person", "born"), ("case", "reported_on")}


def field_name(field: str) -> str:
    """The name users know for a correctable field, in the app's language."""
    return t(f"correct.f.{field}")


def corrections_text(found: Sequence[Correction], *, title: bool = True,
                     show_object: bool = False) -> Text:
    """A correction history as plain Text: when, who, field: old → new, why."""
    text = Text()
    if not found:
        return text
    if title:
        text.append(t("correct.history") + "\n", style="bold underline")
    for c in found:
        text.append(f"{shown_moment(c.at)}  ", style="dim")
        text.append(c.by, style="bold")
        text.append("  ")
        if show_object:
            text.append(t(f"correct.object.{c.table}", id=c.row_id) + " · ")
        text.append(field_name(c.field) + ": ")
        text.append(c.old if c.old is not None else "—", style="strike")
        text.append(" → ")
        text.append(c.new if c.new is not None else "—", style="bold")
        text.append("\n    " + t("correct.why") + " ", style="dim")
        text.append(c.reason + "\n")
    return text


def person_values(person: Person) -> dict[str, str | None]:
    return {"name": person.name, "born": person.born, "group": person.group,
            "role": person.role, "sg_role": person.sg_role, "phone": person.phone,
            "email": person.email}


def account_values(account: Any) -> dict[str, str | None]:
    return {key: getattr(account, key) for key in FIELDS["account"]}


def case_values(case: Case) -> dict[str, str | None]:
    return {"title": case.title, "summary": case.summary, "reported_by": case.reported_by,
            "reported_on": case.reported_on, "channel": case.channel, "group": case.group,
            "outcome": case.outcome}


def evidence_values(stated: dict[str, Any]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for key in FIELDS["evidence"]:
        value = stated.get("offence_tags" if key == "tags" else key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out[key] = None if value in (None, "") else str(value)
    return out


class CorrectModal(FormModal[list[Correction]]):
    """Correct recorded facts of a person, the case, an evidence item or an account; a
    reason is required (the core says so in place when it is missing). Several fields in
    one go: what is typed for a field is kept when another field is chosen, and all the
    changed fields are saved together (``correct_many``: all or nothing)."""

    TITLE_KEY = "correct.title"
    SUBMIT_KEY = "correct.submit"
    DIALOG_ID = "correct"
    FIRST_FOCUS = "#field"

    def __init__(self, case: Case, kind: str, ident: str | int, what: str,
                 current: dict[str, str | None], person_kind: str | None = None) -> None:
        super().__init__()
        self.case = case
        self.kind = kind
        self.ident = ident
        self.what = what  # e.g. "person 5 · Sanne" (user text: plain label)
        self.current = current
        self.person_kind = person_kind
        self.pending: dict[str, str] = {}  # field -> the value typed for it
        self.shown: str | None = None  # the field the value widgets show
        if kind == "case":
            self.expect = seen("case", case)

    def form_title(self) -> str:
        return t("correct.title", what=self.what)

    def field_keys(self) -> list[str]:
        keys = list(FIELDS[self.kind])
        if self.kind == "person" and (self.person_kind != "pupil"
                                      or not sees_care(self.vault)):
            keys.remove("sg_role")
        if self.kind == "person" and self.person_kind == "pupil":
            keys = [k for k in keys if k not in ("phone", "email")]
        return keys

    def choices(self, field: str) -> list[tuple[str, object]]:
        from cybercase.tui.case.pickers import role_options

        protocol = case_protocol(self.vault, self.case)
        if field == "role":
            return role_options(protocol, self.person_kind or "pupil")
        if field == "sg_role":
            return [(named(r), r.key) for r in protocol.support_group_roles]
        return [(named(c), c.key) for c in protocol.channels]

    def fields(self) -> ComposeResult:
        yield Static(Text(t("correct.hint")), classes="hint")
        keys = self.field_keys()
        yield label("correct.field")
        yield Select(options([(field_name(k), k) for k in keys]), value=keys[0],
                     allow_blank=False, id="field")
        yield Static("", id="current", classes="hint")
        yield label("correct.value")
        yield Input(id="value", max_length=5000)
        yield Select([], id="choice", prompt=t("form.none"))
        yield Static("", id="pending", classes="hint")
        yield label("correct.reason")
        yield Input(id="reason", max_length=500, placeholder=t("correct.reason_placeholder"))

    def on_mount(self) -> None:
        self._show_field(self.field_keys()[0])

    @on(Select.Changed, "#field")
    def _field_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self._show_field(str(event.value))

    def _typed(self) -> str | None:
        """The value the widgets hold for the field shown (None: no choice made)."""
        if self.shown is None:
            return None
        if (self.kind, self.shown) in CHOICE_FIELDS:
            chosen = self.choice("#choice")
            return None if chosen is None else str(chosen)
        return self.text("#value")

    def _keep_typed(self) -> None:
        """Remember the shown field's value when it differs from what is recorded."""
        if self.shown is None:
            return
        typed = self._typed()
        old = self.current.get(self.shown)
        if typed is None or typed == (old or ""):
            self.pending.pop(self.shown, None)
        else:
            self.pending[self.shown] = typed
        names = ", ".join(field_name(k) for k in self.pending)
        self.query_one("#pending", Static).update(
            Text(t("correct.pending", fields=names)) if names else "")

    def _show_field(self, field: str) -> None:
        self._keep_typed()
        self.shown = field
        old = self.current.get(field)
        self.query_one("#current", Static).update(
            Text(t("correct.current", value=old if old not in (None, "") else "—")))
        value = self.query_one("#value", Input)
        choice = self.query_one("#choice", Select)
        is_choice = (self.kind, field) in CHOICE_FIELDS
        value.display = not is_choice
        choice.display = is_choice
        if is_choice:
            pairs = self.choices(field)
            choice.set_options(options(pairs))
            wanted = self.pending.get(field, old)
            if wanted is not None and any(v == wanted for _l, v in pairs):
                choice.value = wanted
        else:
            value.value = self.pending.get(field, old or "")
            value.placeholder = (t("form.date_placeholder")
                                 if (self.kind, field) in DATE_FIELDS else "")
        self.show_error("")

    def submit(self) -> list[Correction]:
        field = str(self.choice("#field"))
        if (self.kind, field) in CHOICE_FIELDS and self.choice("#choice") is None \
                and field not in self.pending and not self.pending:
            raise UsageError(t("correct.choose_value"))
        self._keep_typed()
        changes = dict(self.pending)
        if not changes:  # nothing differs: the core's line ("is already ...")
            typed = self._typed()
            changes = {field: typed if typed is not None else ""}
        return correct_many(self.vault, self.kind, self.ident, changes, self.text("#reason"))


def corrected_notice(done: Correction | list[Correction]) -> str:
    return "\n".join(
        t("correct.done", field=field_name(c.field), old=c.old if c.old is not None else "—",
          new=c.new if c.new is not None else "—")
        for c in (done if isinstance(done, list) else [done]))


def person_detail(vault: Vault, person: Person) -> Text:
    """Below the people table: the person's correction history and access requests."""
    from cybercase.cases.history import person_history
    from cybercase.privacy.requests import requests_for

    text = Text()
    text.append(f"#{person.id} ", style="bold")
    text.append(person.name + "\n", style="bold")
    if person.kind == "pupil":
        found = requests_for(vault, [person.id])
        if found:
            text.append(t("subject.requests") + "\n", style="bold underline")
        for r in found:
            text.append(t("subject.request_line", received=r["received_on"], due=r["due_on"]))
            if r["done_at"]:
                text.append("  " + t("subject.answered", when=shown_moment(r["done_at"])),
                            style="green")
            else:
                text.append("  " + t("subject.open"), style="yellow")
            text.append("\n")
    history = person_history(vault, person)
    if history:
        text.append_text(corrections_text(history))
    else:
        text.append(t("correct.none"), style="dim")
    return text


# --- who may see a case ------------------------------------------------------------------------


def access_text(vault: Vault, case: Case) -> Text:
    """One line for the overview: to whom the case is restricted, or that it is not."""
    users = access.restricted_to(vault, case.id)
    if not users:
        return Text(t("restrict.open"), style="dim")
    text = Text(t("restrict.shown") + " ", style="bold yellow")
    text.append(", ".join(users))
    return text


class RestrictModal(FormModal[list[str]]):
    """Choose the users who may see the case (at least one coordinator: the core checks)."""

    TITLE_KEY = "restrict.title"
    SUBMIT_KEY = "restrict.submit"
    DIALOG_ID = "restrict"
    DEFAULT_CSS = """
    RestrictModal #users { height: auto; max-height: 12; }
    RestrictModal #self-warning { color: $warning; height: auto; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def form_title(self) -> str:
        return t("restrict.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        current = access.restricted_to(self.vault, self.case.id) or [self.vault.user]
        yield Static(Text(t("restrict.hint")), classes="hint")
        yield label("restrict.users")
        yield SelectionList[str](
            *((Text(t("restrict.user", name=u["name"], role=t(f"role.{u['role']}"))),
               u["name"], u["name"] in current) for u in self.vault.list_users()),
            id="users")
        yield Static("", id="self-warning")

    def on_mount(self) -> None:
        self._warn()

    @on(SelectionList.SelectedChanged, "#users")
    def _warn(self) -> None:
        chosen = self.query_one("#users", SelectionList).selected
        outside = bool(chosen) and self.vault.user not in chosen
        self.query_one("#self-warning", Static).update(
            Text(t("restrict.self_warning", user=self.vault.user)) if outside else "")

    def submit(self) -> list[str]:
        chosen = [str(n) for n in self.query_one("#users", SelectionList).selected]
        return access.restrict(self.vault, self.case.ref, chosen)


class UnrestrictModal(FormModal[bool]):
    """Lift the case's access list (every user sees it again, within their role)."""

    TITLE_KEY = "unrestrict.title"
    SUBMIT_KEY = "unrestrict.submit"
    DIALOG_ID = "unrestrict"
    FIRST_FOCUS = "#submit"

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref

    def form_title(self) -> str:
        return t("unrestrict.title", ref=self.ref)

    def fields(self) -> ComposeResult:
        users = access.restricted_to_ref(self.vault, self.ref)
        yield Static(Text(t("unrestrict.hint", users=", ".join(users) or "—")),
                     classes="hint")

    def submit(self) -> bool:
        access.unrestrict(self.vault, self.ref)
        return True
