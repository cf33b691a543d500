"""Dialogs for the cyber work of a case (issue 5 in the app): online accounts and who is
behind them, takedown referrals and their request text, police records, parent smartphone
agreements and their form to sign.

Each dialog calls the core in ``submit``; the core's one-line error (a bad URL, a date that
is not a date, a role that may not do this) shows in place and nothing is stored
(:class:`~cybercase.tui.screens.forms.FormModal`). Names and other user text are shown as
plain text, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Select, SelectionList, Static

from cybercase.cases.cases import Case
from cybercase.cases.people import Person, list_people
from cybercase.cyber import accounts as accounts_core
from cybercase.errors import UsageError
from cybercase.evidence.items import Item, count_items, page_items, parse_id
from cybercase.i18n import t
from cybercase.tui.screens.forms import FormModal, label, options
from cybercase.vault import Vault

RECENT_EVIDENCE = 200  # the newest items offered for linking; older ones are typed by number


# --- labels shared by the panes and the dialogs -------------------------------------------


def person_label(person: Person) -> str:
    """``Tim (pupil, 7b, 11)``: enough to tell two people with one name apart."""
    bits = [t(f"people.kind.{person.kind}")]
    if person.group:
        bits.append(person.group)
    age = person.age()
    if age is not None:
        bits.append(t("cyber.age", age=age))
    return f"{person.name} ({', '.join(bits)})"


def people_options(people: Iterable[Person],
                   pupils_only: bool = False) -> list[tuple[Text, object]]:
    """Pupils first, then parents and staff (unless ``pupils_only``)."""
    chosen = [p for p in people if p.kind == "pupil" or not pupils_only]
    chosen.sort(key=lambda p: (p.kind != "pupil", p.id))
    return options([(person_label(p), p.id) for p in chosen])


def evidence_label(item: Item) -> Text:
    text = Text(f"#{item.id} ", style="bold")
    text.append(item.original_name)
    description = str(item.stated.get("description") or "").replace("\n", " ")
    if description:
        text.append(" · " + description, style="dim")
    if item.withdrawn:
        text.append(" (" + t("evidence.state.withdrawn") + ")", style="dim")
    return text


def account_label(acc: accounts_core.Account) -> str:
    return t("accounts.label", handle=acc.handle, platform=acc.platform)


def choose(message_key: str) -> UsageError:
    """A form's own one-line error (nothing chosen), shown in place like the core's."""
    return UsageError(t(message_key))


# --- evidence of the case, to link -------------------------------------------------------


class EvidencePicker(Vertical):
    """The case's newest evidence items to tick; with more items, a field for the numbers
    of older ones (a case may hold 50,000 items: they are never all listed)."""

    DEFAULT_CSS = """
    EvidencePicker { height: auto; }
    EvidencePicker SelectionList { height: auto; max-height: 8; }
    EvidencePicker .hint { margin: 0; }
    """

    def __init__(self, vault: Vault, ref: str, exclude: Iterable[int] = (), *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        skip = set(exclude)
        total = count_items(vault, ref)
        start = max(0, total - RECENT_EVIDENCE)
        newest = page_items(vault, ref, start, RECENT_EVIDENCE)
        self.items = [i for i in reversed(newest) if i.id not in skip]
        self.more = start > 0

    def compose(self) -> ComposeResult:
        if not self.items and not self.more:
            yield Static(Text(t("cyber.evidence.none")), classes="hint")
            return
        if self.items:
            yield SelectionList[int](*((evidence_label(i), i.id) for i in self.items),
                                     classes="evidence-list")
        if self.more:
            yield Input(classes="evidence-ids", placeholder=t("cyber.evidence.more"))

    def selected(self) -> list[int]:
        """The ticked items, then the numbers typed (a typed number that is not a number is
        a one-line error; one of another case is refused by the core)."""
        chosen: list[int] = []
        for found in self.query(SelectionList):
            chosen += [int(v) for v in found.selected]
        for field in self.query(Input):
            for word in re.split(r"[\s,;]+", field.value.strip()):
                if word:
                    number = parse_id(word.lstrip("#"))
                    if number not in chosen:
                        chosen.append(number)
        return chosen


# --- accounts -----------------------------------------------------------------------------


class AddAccountModal(FormModal[accounts_core.Account]):
    TITLE_KEY = "accounts.add.title"
    DIALOG_ID = "add-account"
    DEFAULT_CSS = """
    AddAccountModal .dialog { width: 90; }
    AddAccountModal Checkbox { margin: 1 0 0 0; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def fields(self) -> ComposeResult:
        people = list_people(self.vault, self.case)
        yield label("accounts.field.platform")
        yield Input(id="platform", max_length=80, placeholder=t("accounts.platform_placeholder"))
        yield label("accounts.field.handle")
        yield Input(id="handle", max_length=200, placeholder=t("accounts.handle_placeholder"))
        yield label("accounts.field.display_name")
        yield Input(id="display_name", max_length=200)
        yield label("accounts.field.profile_url")
        yield Input(id="profile_url", max_length=2000, placeholder="https://")
        yield label("accounts.field.email")
        yield Input(id="email", max_length=254)
        yield label("accounts.field.phone")
        yield Input(id="phone", max_length=40, placeholder=t("accounts.phone_placeholder"))
        yield Checkbox(t("accounts.field.fake"), id="fake")
        yield label("accounts.field.impersonates")
        yield Input(id="impersonates", max_length=200,
                    placeholder=t("accounts.impersonates_placeholder"))
        yield label("accounts.field.impersonates_person")
        yield Select(people_options(people), id="impersonates_person", prompt=t("form.none"))
        yield label("accounts.field.notes")
        yield Input(id="notes", max_length=2000)
        yield label("accounts.field.evidence")
        yield EvidencePicker(self.vault, self.case.ref, id="evidence")

    def submit(self) -> accounts_core.Account:
        person = self.choice("#impersonates_person")
        return accounts_core.add_account(
            self.vault, self.case.ref, self.text("#platform"), self.text("#handle"),
            display_name=self.optional("#display_name"),
            profile_url=self.optional("#profile_url"), email=self.optional("#email"),
            phone=self.optional("#phone"), fake=self.query_one("#fake", Checkbox).value,
            impersonates=self.optional("#impersonates"),
            impersonates_person=None if person is None else int(str(person)),
            notes=self.optional("#notes"),
            evidence=self.query_one(EvidencePicker).selected(),
        )


@dataclass
class Attributed:
    attribution: accounts_core.Attribution
    warnings: list[str]


class AttributeModal(FormModal[Attributed]):
    DIALOG_ID = "attribute"

    def __init__(self, case: Case, account: accounts_core.Account) -> None:
        super().__init__()
        self.case = case
        self.account = account

    def form_title(self) -> str:
        return t("accounts.attribute.title", account=account_label(self.account))

    def fields(self) -> ComposeResult:
        current = self.account.current
        if current is not None:
            yield Static(Text(t("accounts.attribute.current",
                                status=t(f"accounts.status.{current.status}"),
                                person=current.person)), classes="hint")
        yield Static(Text(t("accounts.attribute.hint")), classes="hint")
        yield label("accounts.field.person")
        yield Select(people_options(list_people(self.vault, self.case)), id="person",
                     prompt=t("form.choose"),
                     value=current.person_id if current is not None else Select.NULL)
        yield label("accounts.field.status")
        yield Select(options([(t(f"accounts.status.{s}"), s) for s in accounts_core.STATUSES]),
                     id="status", prompt=t("form.choose"))
        yield label("accounts.field.basis")
        yield Select(options([(t(f"accounts.basis.{b}"), b) for b in accounts_core.BASES]),
                     id="basis", prompt=t("form.choose"))
        yield label("accounts.field.note")
        yield Input(id="note", max_length=1000, placeholder=t("accounts.note_placeholder"))

    def submit(self) -> Attributed:
        person = self.choice("#person")
        if person is None:
            raise choose("accounts.choose_person")
        status = self.choice("#status")
        if status is None:
            raise choose("accounts.choose_status")
        basis = self.choice("#basis")
        if basis is None:
            raise choose("accounts.choose_basis")
        made, warnings = accounts_core.attribute(
            self.vault, self.account.id, int(str(person)), str(status), str(basis),
            self.optional("#note"))
        return Attributed(made, warnings)


class LinkEvidenceModal(FormModal[list[int]]):
    DIALOG_ID = "link-evidence"
    SUBMIT_KEY = "accounts.link.submit"

    def __init__(self, case: Case, account: accounts_core.Account) -> None:
        super().__init__()
        self.case = case
        self.account = account

    def form_title(self) -> str:
        return t("accounts.link.title", account=account_label(self.account))

    def fields(self) -> ComposeResult:
        if self.account.evidence:
            yield Static(Text(t("accounts.link.already", items=", ".join(
                f"#{i}" for i in self.account.evidence))), classes="hint")
        yield EvidencePicker(self.vault, self.case.ref, self.account.evidence, id="evidence")

    def submit(self) -> list[int]:
        chosen = self.query_one(EvidencePicker).selected()
        if not chosen:
            raise choose("cyber.evidence.choose")
        return accounts_core.link_evidence(self.vault, self.account.id, chosen)


__all__ = [
    "AddAccountModal",
    "AttributeModal",
    "Attributed",
    "EvidencePicker",
    "LinkEvidenceModal",
    "account_label",
    "evidence_label",
    "people_options",
    "person_label",
]

