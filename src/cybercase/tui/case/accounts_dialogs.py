"""Dialogs of the accounts tab: add an account, attribute it to a person, link evidence."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import (
    Checkbox,
    Input,
    Select,
    Static,
)

from cybercase.cases.cases import Case
from cybercase.cases.people import list_people
from cybercase.core.i18n import t
from cybercase.cyber import accounts as accounts_core
from cybercase.tui.case.pickers import (
    EvidencePicker,
    account_label,
    choose,
    people_options,
    size_dialog,
)
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.vault.versions import seen

# --- accounts -----------------------------------------------------------------------------


class AddAccountModal(FormModal[accounts_core.Account]):
    TITLE_KEY = "accounts.add.title"
    DIALOG_ID = "add-account"
    DEFAULT_CSS = """
    AddAccountModal Checkbox { margin: 1 0 0 0; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def on_mount(self) -> None:
        size_dialog(self, 90)

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
        self.expect = seen("account", account)

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
