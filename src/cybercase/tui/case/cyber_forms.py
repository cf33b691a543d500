"""Dialogs for the cyber work of a case (issue 5 in the app): online accounts and who is
behind them, takedown referrals and their request text, police records, parent smartphone
agreements and their form to sign.

Each dialog calls the core in ``submit``; the core's one-line error (a bad URL, a date that
is not a date, a role that may not do this) shows in place and nothing is stored
(:class:`~cybercase.tui.widgets.forms.FormModal`). Names and other user text are shown as
plain text, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from cybercase.cases.cases import Case
from cybercase.cases.people import Person, list_people
from cybercase.cyber import accounts as accounts_core
from cybercase.cyber import agreements as agreements_core
from cybercase.cyber import police as police_core
from cybercase.cyber import referrals as referrals_core
from cybercase.errors import CybercaseError, UsageError
from cybercase.evidence.items import Item, count_items, page_items, parse_id
from cybercase.i18n import LANGUAGES, t
from cybercase.timeutil import local_display, local_today
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.vault import Vault
from cybercase.vault.versions import seen

T = TypeVar("T")

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


def size_dialog(screen: VaultModal[Any], width: int | str,
                height: int | str | None = None) -> None:
    """Size the dialog box (the app's stylesheet sets .dialog and wins over DEFAULT_CSS)."""
    box = screen.query_one(".dialog")
    box.styles.width = width
    if height is not None:
        box.styles.height = height


def choose(message_key: str) -> UsageError:
    """A form's own one-line error (nothing chosen), shown in place like the core's."""
    return UsageError(t(message_key))


def choose_value(message_key: str, value: str) -> UsageError:
    return UsageError(t(message_key, value=value))


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
        self.total = total

    def compose(self) -> ComposeResult:
        if not self.items and not self.more:
            key = "cyber.evidence.all_linked" if self.total else "cyber.evidence.none"
            yield Static(Text(t(key)), classes="hint")
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
                    try:
                        number = parse_id(word.lstrip("#"))
                    except UsageError:
                        raise choose_value("cyber.evidence.bad_number", word) from None
                    if number not in chosen:
                        chosen.append(number)
        return chosen


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



# --- takedown referrals -------------------------------------------------------------------


def url_lines(text: str) -> list[str]:
    """One URL a line (blank lines and surrounding spaces ignored)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def account_selection(vault: Vault, ref: str, chosen: Iterable[int] = ()) -> ComposeResult:
    """The case's accounts to tick (nothing when the case has none)."""
    found = accounts_core.list_accounts(vault, ref)
    if not found:
        return
    ticked = set(chosen)
    yield SelectionList[int](*((Text(account_label(a)), a.id, a.id in ticked) for a in found),
                             id="accounts", classes="account-list")


@dataclass
class Saved(Generic[T]):
    """What a dialog stored, with the core's warnings to show after saving."""

    value: T
    warnings: list[str]


class AddReferralModal(FormModal[Saved[referrals_core.Referral]]):
    TITLE_KEY = "referrals.add.title"
    DIALOG_ID = "add-referral"
    DEFAULT_CSS = """
    AddReferralModal #urls { height: 4; }
    AddReferralModal #what, AddReferralModal #why { height: 3; }
    AddReferralModal .account-list { height: auto; max-height: 5; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def on_mount(self) -> None:
        size_dialog(self, 96)

    def fields(self) -> ComposeResult:
        yield label("referrals.field.channel")
        yield Select(options([(t(f"referrals.channel.{c}"), c)
                              for c in referrals_core.CHANNELS]),
                     id="channel", prompt=t("form.choose"))
        yield label("referrals.field.platform")
        yield Input(id="platform", max_length=80,
                    placeholder=t("accounts.platform_placeholder"))
        yield label("referrals.field.urls")
        yield TextArea(id="urls")
        yield label("referrals.field.what")
        yield TextArea(id="what")
        yield label("referrals.field.why")
        yield TextArea(id="why")
        if accounts_core.list_accounts(self.vault, self.case.ref):
            yield label("referrals.field.accounts")
            yield from account_selection(self.vault, self.case.ref)
        yield label("referrals.field.evidence")
        yield Static(Text(t("referrals.capture_first")), classes="hint")
        yield EvidencePicker(self.vault, self.case.ref, id="evidence")
        yield label("referrals.field.sent")
        yield Input(id="sent", max_length=10, placeholder=t("referrals.sent_placeholder"))
        yield label("referrals.field.reference")
        yield Input(id="reference", max_length=200)
        yield label("referrals.field.follow_up")
        yield Input(id="follow_up", max_length=10,
                    placeholder=t("referrals.follow_up_placeholder"))

    def submit(self) -> Saved[referrals_core.Referral]:
        channel = self.choice("#channel")
        if channel is None:
            raise choose("referrals.choose_channel")
        accounts = [int(v) for v in self.query_one("#accounts", SelectionList).selected] \
            if self.query("#accounts") else []
        made, warnings = referrals_core.add_referral(
            self.vault, self.case.ref, str(channel), url_lines(self.text("#urls")),
            platform=self.optional("#platform"), what=self.optional("#what"),
            why=self.optional("#why"), evidence=self.query_one(EvidencePicker).selected(),
            accounts=accounts, sent_on=self.optional("#sent"),
            reference=self.optional("#reference"), follow_up=self.optional("#follow_up"),
        )
        return Saved(made, warnings)


class UpdateReferralModal(FormModal[Saved[referrals_core.Referral]]):
    DIALOG_ID = "update-referral"
    DEFAULT_CSS = """
    UpdateReferralModal #what, UpdateReferralModal #why { height: 3; }
    """

    def __init__(self, case: Case, referral: referrals_core.Referral) -> None:
        super().__init__()
        self.case = case
        self.referral = referral
        self.expect = seen("referral", referral)

    def form_title(self) -> str:
        return t("referrals.update.title", id=self.referral.id)

    def on_mount(self) -> None:
        size_dialog(self, 96)

    def fields(self) -> ComposeResult:
        r = self.referral
        yield Static(Text(t("referrals.update.now", status=t(f"referrals.status.{r.status}"),
                            channel=t(f"referrals.channel.{r.channel}"))), classes="hint")
        yield label("referrals.field.status")
        yield Select(options([(t(f"referrals.status.{s}"), s) for s in referrals_core.STATUSES
                              if s != "draft"]), id="status", prompt=t("form.unchanged"))
        if r.sent_on is None:
            yield label("referrals.field.sent")
            yield Input(id="sent", max_length=10, placeholder=t("form.date_placeholder"))
        yield label("referrals.field.answer_on")
        yield Input(id="on", max_length=10, placeholder=t("referrals.answer_placeholder"))
        yield label("referrals.field.reference")
        yield Input(r.their_reference or "", id="reference", max_length=200)
        yield label("referrals.field.follow_up")
        yield Input(r.follow_up_on if r.follow_up_open and r.follow_up_on else "",
                    id="follow_up", max_length=10, placeholder=t("form.date_placeholder"))
        yield label("referrals.field.evidence")
        yield EvidencePicker(self.vault, self.case.ref, r.evidence, id="evidence")
        yield label("referrals.field.what")
        yield TextArea(r.harm_what or "", id="what")
        yield label("referrals.field.why")
        yield TextArea(r.harm_why or "", id="why")
        yield label("referrals.field.note")
        yield Input(id="note", max_length=1000)

    def _changed(self, selector: str, before: str | None) -> str | None:
        """The field's text when it differs from what was stored (else None: unchanged)."""
        value = self.text(selector).strip()
        return value if value and value != (before or "") else None

    def submit(self) -> Saved[referrals_core.Referral]:
        r = self.referral
        status = self.choice("#status")
        follow_before = r.follow_up_on if r.follow_up_open else None
        kwargs: dict[str, Any] = {
            "status": None if status is None else str(status),
            "sent_on": self.optional("#sent") if self.query("#sent") else None,
            "reference": self._changed("#reference", r.their_reference),
            "follow_up": self._changed("#follow_up", follow_before),
            "evidence": self.query_one(EvidencePicker).selected(),
            "what": self._changed("#what", r.harm_what),
            "why": self._changed("#why", r.harm_why),
            "on": self.optional("#on"), "note": self.optional("#note"),
        }
        if not any(v for k, v in kwargs.items() if k != "on"):
            raise choose("referrals.nothing")
        made, warnings = referrals_core.update_referral(self.vault, r.id, **kwargs)
        return Saved(made, warnings)


class RequestTextModal(VaultModal[None]):
    """The DSA art. 16 notice, in Dutch or English, to copy and paste into a platform's
    form or an e-mail. Reading it changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    RequestTextModal #text-options { height: auto; }
    RequestTextModal #text-options Vertical { width: 1fr; height: auto; margin-right: 1; }
    RequestTextModal #text-options #lang-box { width: 20; }
    RequestTextModal #request-text { height: 1fr; min-height: 8; margin: 1 0 0 0; }
    """

    def __init__(self, referral: referrals_core.Referral, lang: str) -> None:
        super().__init__()
        self.referral = referral
        self.lang = lang if lang in referrals_core.TEXT else "en"
        self.current: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="request-text-dialog"):
            yield Label(t("referrals.text.title", id=self.referral.id), classes="form-title",
                        markup=False)
            yield Static(Text(t("referrals.text.hint")), classes="hint")
            with Horizontal(id="text-options"):
                with Vertical(id="lang-box"):
                    yield label("referrals.text.lang")
                    yield Select(options([(LANGUAGES[code], code)
                                          for code in referrals_core.TEXT]),
                                 value=self.lang, allow_blank=False, id="lang")
                with Vertical():
                    yield label("referrals.text.name")
                    yield Input(id="name", max_length=120)
                with Vertical():
                    yield label("referrals.text.email")
                    yield Input(id="email", max_length=254)
            yield ErrorLine(id="error")
            yield TextArea("", id="request-text", read_only=True, soft_wrap=True)
            with Horizontal(classes="buttons"):
                yield Button(t("referrals.text.copy"), variant="primary", id="copy")
                yield Button(t("help.close"), id="close")

    def on_mount(self) -> None:
        size_dialog(self, 110, "92%")
        self.render_text()
        self.query_one("#copy", Button).focus()

    @on(Select.Changed, "#lang")
    @on(Input.Changed)
    def render_text(self) -> None:
        lang = self.query_one("#lang", Select).value
        name = self.query_one("#name", Input).value.strip() or None
        email = self.query_one("#email", Input).value.strip() or None
        error = self.query_one("#error", ErrorLine)
        try:
            text = referrals_core.request_text(self.vault, self.referral.id, str(lang),
                                               name=name, email=email)
        except CybercaseError as exc:
            self.current = None
            error.show(exc.message)
        else:
            self.current = text
            error.clear()
            self.query_one("#request-text", TextArea).load_text(text)
        self.query_one("#copy", Button).disabled = self.current is None

    @on(Button.Pressed, "#copy")
    def copy(self) -> None:
        if self.current is None:
            return
        self.app.copy_to_clipboard(self.current)
        self.notify(t("referrals.text.copied"), markup=False)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


# --- police -------------------------------------------------------------------------------


def case_exports(vault: Vault, ref: str) -> list[tuple[str, int]]:
    """The bundles exported for case ``ref``: (label, export id), newest first."""
    vault.require("case.read")
    return [(t("police.export_option", id=i, kind=kind, file=name, when=local_display(at)), i)
            for i, kind, name, at in vault.conn.execute(
                "SELECT id, kind, file_name, created_at FROM exports WHERE case_ref = ?"
                " ORDER BY id DESC", (ref,))]


class AddPoliceModal(FormModal[police_core.Report]):
    TITLE_KEY = "police.add.title"
    DIALOG_ID = "add-police"
    DEFAULT_CSS = """
    AddPoliceModal #suspects { height: auto; max-height: 7; }
    AddPoliceModal .account-list { height: auto; max-height: 5; }
    AddPoliceModal #sexual-hint { border: round $error; padding: 0 1; display: none; }
    AddPoliceModal #sexual-hint.-shown { display: block; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def on_mount(self) -> None:
        size_dialog(self, 96)

    def fields(self) -> ComposeResult:
        pupils = [p for p in list_people(self.vault, self.case) if p.kind == "pupil"]
        yield label("police.field.kind")
        yield Select(options([(t(f"police.kind.{k}"), k) for k in police_core.KINDS]),
                     id="kind", prompt=t("form.choose"))
        yield label("police.field.offence")
        yield Select(options([(t(f"police.offence.{o}"), o) for o in police_core.OFFENCES]),
                     id="offence", prompt=t("form.choose"))
        yield Static(Text(t("minor.guidance")), id="sexual-hint")
        yield label("police.field.offence_note")
        yield Input(id="offence_note", max_length=300)
        yield label("police.field.victim")
        yield Select(people_options(pupils), id="victim", prompt=t("form.none"))
        yield label("police.field.suspects")
        if pupils:
            yield SelectionList[int](*((Text(person_label(p)), p.id) for p in pupils),
                                     id="suspects")
        else:
            yield Static(Text(t("sg.no_pupils")), classes="hint")
        if accounts_core.list_accounts(self.vault, self.case.ref):
            yield label("police.field.accounts")
            yield from account_selection(self.vault, self.case.ref)
        yield label("police.field.reported_on")
        yield Input(local_today().isoformat(), id="reported_on", max_length=10,
                    placeholder=t("form.date_placeholder"))
        yield label("police.field.offence_on")
        yield Input(id="offence_on", max_length=10, placeholder=t("form.date_placeholder"))
        yield label("police.field.appointment")
        yield Input(id="appointment", max_length=16,
                    placeholder=t("police.appointment_placeholder"))
        yield label("police.field.reference")
        yield Input(id="reference", max_length=100)
        yield label("police.field.export")
        yield Select(options(case_exports(self.vault, self.case.ref)), id="export",
                     prompt=t("form.none"))
        yield label("police.field.filed_by")
        yield Input(id="filed_by", max_length=200, placeholder=t("police.filed_by_placeholder"))
        yield label("police.field.notes")
        yield Input(id="notes", max_length=3000)

    @on(Select.Changed, "#offence")
    def _offence(self, event: Select.Changed) -> None:
        self.query_one("#sexual-hint").set_class(event.value == "sexual_images", "-shown")

    def submit(self) -> police_core.Report:
        kind = self.choice("#kind")
        if kind is None:
            raise choose("police.choose_kind")
        offence = self.choice("#offence")
        if offence is None:
            raise choose("police.choose_offence")
        victim = self.choice("#victim")
        export = self.choice("#export")
        suspects = [int(v) for v in self.query_one("#suspects", SelectionList).selected] \
            if self.query("#suspects") else []
        accounts = [int(v) for v in self.query_one("#accounts", SelectionList).selected] \
            if self.query("#accounts") else []
        return police_core.add_report(
            self.vault, self.case.ref, str(kind), str(offence),
            victim=None if victim is None else int(str(victim)), suspects=suspects,
            accounts=accounts, reported_on=self.optional("#reported_on"),
            offence_on=self.optional("#offence_on"),
            appointment=self.optional("#appointment"), reference=self.optional("#reference"),
            export_id=None if export is None else int(str(export)),
            filed_by=self.optional("#filed_by"), offence_note=self.optional("#offence_note"),
            notes=self.optional("#notes"),
        )


class UpdatePoliceModal(FormModal[police_core.Report]):
    DIALOG_ID = "update-police"

    def __init__(self, case: Case, report: police_core.Report) -> None:
        super().__init__()
        self.case = case
        self.report = report
        self.expect = seen("police", report)

    def form_title(self) -> str:
        return t("police.update.title", id=self.report.id)

    def fields(self) -> ComposeResult:
        r = self.report
        yield label("police.field.reference")
        yield Input(r.police_reference or "", id="reference", max_length=100)
        yield label("police.field.appointment")
        yield Input(r.appointment_on or "", id="appointment", max_length=16,
                    placeholder=t("police.appointment_placeholder"))
        yield label("police.field.export")
        exports = case_exports(self.vault, self.case.ref)
        known = {i for _, i in exports}
        yield Select(options(exports), id="export", prompt=t("form.unchanged"),
                     value=r.export_id if r.export_id in known else Select.NULL)
        yield label("police.field.notes")
        yield Input(r.notes or "", id="notes", max_length=3000)

    def submit(self) -> police_core.Report:
        r = self.report

        def changed(selector: str, before: str | None) -> str | None:
            value = self.text(selector).strip()
            return value if value and value != (before or "") else None

        export = self.choice("#export")
        export_id = None if export is None or export == r.export_id else int(str(export))
        kwargs: dict[str, Any] = {
            "reference": changed("#reference", r.police_reference),
            "appointment": changed("#appointment", r.appointment_on),
            "export_id": export_id, "notes": changed("#notes", r.notes),
        }
        if all(v is None for v in kwargs.values()):
            raise choose("police.nothing")
        return police_core.update_report(self.vault, r.id, **kwargs)


# --- smartphone agreements ----------------------------------------------------------------


class AddAgreementModal(FormModal[agreements_core.Agreement]):
    TITLE_KEY = "agreements.add.title"
    DIALOG_ID = "add-agreement"

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def on_mount(self) -> None:
        size_dialog(self, 84)

    def fields(self) -> ComposeResult:
        pupils = [p for p in list_people(self.vault, self.case) if p.kind == "pupil"]
        yield Static(Text(t("agreements.add.hint")), classes="hint")
        yield label("agreements.field.pupil")
        yield Select(people_options(pupils), id="pupil", prompt=t("form.choose"))
        yield label("agreements.field.parents")
        yield Input(id="parents", max_length=300, placeholder=t("agreements.parents_placeholder"))
        yield label("agreements.field.review")
        yield Input(id="review", max_length=10, placeholder=t("form.date_placeholder"))
        yield label("agreements.field.agreed")
        yield Input(id="agreed", max_length=10, placeholder=t("agreements.agreed_placeholder"))
        yield label("agreements.field.template")
        yield Input(id="template", max_length=4096,
                    placeholder=t("agreements.template_placeholder"))

    def submit(self) -> agreements_core.Agreement:
        pupil = self.choice("#pupil")
        if pupil is None:
            raise choose("agreements.choose_pupil")
        template = self.optional("#template")
        return agreements_core.add_agreement(
            self.vault, self.case.ref, int(str(pupil)), self.text("#parents"),
            self.text("#review"), agreed_on=self.optional("#agreed"),
            template_file=Path(template.strip()).expanduser() if template else None,
        )


class AgreementModal(FormModal[agreements_core.Agreement]):
    """A dialog about one agreement (its number in the title)."""

    TITLE_KEY = ""

    def __init__(self, agreement: agreements_core.Agreement) -> None:
        super().__init__()
        self.agreement = agreement
        self.expect = seen("agreement", agreement)

    def form_title(self) -> str:
        return t(self.TITLE_KEY, id=self.agreement.id, pupil=self.agreement.pupil)


class AddPointModal(AgreementModal):
    TITLE_KEY = "agreements.point.add_title"
    DIALOG_ID = "add-point"

    def fields(self) -> ComposeResult:
        yield Static(Text(t("agreements.point.hint")), classes="hint")
        yield label("agreements.field.point_nl")
        yield Input(id="text_nl", max_length=agreements_core.MAX_POINT)
        yield label("agreements.field.point_en")
        yield Input(id="text_en", max_length=agreements_core.MAX_POINT)

    def submit(self) -> agreements_core.Agreement:
        return agreements_core.add_point(self.vault, self.agreement.id, self.text("#text_nl"),
                                         self.optional("#text_en"))


class RemovePointModal(AgreementModal):
    TITLE_KEY = "agreements.point.remove_title"
    DIALOG_ID = "remove-point"
    SUBMIT_KEY = "agreements.point.remove"

    def fields(self) -> ComposeResult:
        yield label("agreements.field.point")
        yield Select(options([(f"{p['n']}. {p['nl']}", p["n"]) for p in self.agreement.points]),
                     id="point", prompt=t("form.choose"))

    def submit(self) -> agreements_core.Agreement:
        point = self.choice("#point")
        if point is None:
            raise choose("agreements.choose_point")
        return agreements_core.remove_point(self.vault, self.agreement.id, int(str(point)))


class ReviewModal(AgreementModal):
    TITLE_KEY = "agreements.review.title"
    DIALOG_ID = "review-agreement"
    DEFAULT_CSS = """
    ReviewModal #outcome { height: 5; }
    ReviewModal Checkbox { margin: 1 0 0 0; }
    """

    def fields(self) -> ComposeResult:
        yield label("agreements.field.reviewed_on")
        yield Input(local_today().isoformat(), id="reviewed_on", max_length=10,
                    placeholder=t("form.date_placeholder"))
        yield label("agreements.field.outcome")
        yield TextArea(id="outcome")
        yield label("agreements.field.next_review")
        yield Input(id="next_review", max_length=10, placeholder=t("form.date_placeholder"))
        yield Checkbox(t("agreements.field.end"), id="end")

    def submit(self) -> agreements_core.Agreement:
        return agreements_core.review(
            self.vault, self.agreement.id, self.text("#reviewed_on"), self.text("#outcome"),
            next_review=self.optional("#next_review"),
            end=self.query_one("#end", Checkbox).value)


class AgreementStatusModal(AgreementModal):
    TITLE_KEY = "agreements.status.title"
    DIALOG_ID = "agreement-status"

    def fields(self) -> ComposeResult:
        yield Static(Text(t("agreements.status.now",
                            status=t(f"agreements.status.{self.agreement.status}"))),
                     classes="hint")
        yield label("agreements.field.status")
        yield Select(options([(t(f"agreements.status.{s}"), s) for s in ("agreed", "ended")]),
                     id="status", prompt=t("form.choose"))
        yield label("agreements.field.status_on")
        yield Input(local_today().isoformat(), id="on", max_length=10,
                    placeholder=t("form.date_placeholder"))

    def submit(self) -> agreements_core.Agreement:
        status = self.choice("#status")
        if status is None:
            raise choose("agreements.choose_status")
        return agreements_core.set_status(self.vault, self.agreement.id, str(status),
                                          self.optional("#on"))


@dataclass
class PdfRequest:
    agreement_id: int
    path: Path
    replace: bool


class SavePdfModal(FormModal[PdfRequest]):
    """Where to save the form: never over an existing file unless that is confirmed."""

    DIALOG_ID = "save-pdf"
    SUBMIT_KEY = "agreements.pdf.save"
    FIRST_FOCUS = "#path"
    DEFAULT_CSS = """
    SavePdfModal #replace { display: none; margin: 1 0 0 0; }
    SavePdfModal #replace.-shown { display: block; }
    """

    def __init__(self, agreement: agreements_core.Agreement, folder: Path | None = None) -> None:
        super().__init__()
        self.agreement = agreement
        self.folder = folder or Path.home()

    def form_title(self) -> str:
        return t("agreements.pdf.title", id=self.agreement.id, pupil=self.agreement.pupil)

    def on_mount(self) -> None:
        size_dialog(self, 90)

    def fields(self) -> ComposeResult:
        name = t("agreements.pdf.file", ref=self.agreement.case, id=self.agreement.id)
        yield Static(Text(t("agreements.pdf.hint")), classes="hint")
        yield label("agreements.field.path")
        yield Input(str(self.folder / name), id="path", max_length=4096)
        yield Checkbox(t("agreements.pdf.replace"), id="replace")

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        # a confirmation is for one file: typing another path asks again
        replace = self.query_one("#replace", Checkbox)
        replace.value = False
        replace.remove_class("-shown")

    def submit(self) -> PdfRequest:
        typed = self.text("#path").strip()
        if not typed:
            raise choose("agreements.pdf.no_path")
        path = Path(typed).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not path.parent.is_dir():
            raise UsageError(t("agreements.pdf.no_dir", path=str(path.parent)))
        replace = self.query_one("#replace", Checkbox)
        if path.is_dir():
            raise UsageError(t("agreements.pdf.is_dir", path=str(path)))
        if (path.exists() or path.is_symlink()) and not replace.value:
            replace.add_class("-shown")
            raise UsageError(t("agreements.pdf.exists", path=str(path)))
        return PdfRequest(self.agreement.id, path, replace.value)
