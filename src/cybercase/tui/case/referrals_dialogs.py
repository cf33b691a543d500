"""Dialogs of the referrals tab: a takedown referral added or updated, and its request
text to copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.worker import Worker, WorkerState

from cybercase.cases.cases import Case
from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import LANGUAGES, t
from cybercase.cyber import accounts as accounts_core
from cybercase.cyber import referrals as referrals_core
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.pickers import (
    EvidencePicker,
    account_selection,
    choose,
    size_dialog,
)
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.vault.versions import seen

T = TypeVar("T")

# --- takedown referrals -------------------------------------------------------------------


def url_lines(text: str) -> list[str]:
    """One URL a line (blank lines and surrounding spaces ignored)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


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
        yield Input(id="sent", max_length=30, placeholder=t("referrals.sent_placeholder"))
        yield label("referrals.field.reference")
        yield Input(id="reference", max_length=200)
        yield label("referrals.field.follow_up")
        yield Input(id="follow_up", max_length=30,
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
            yield Input(id="sent", max_length=30, placeholder=t("form.date_placeholder"))
        yield label("referrals.field.answer_on")
        yield Input(id="on", max_length=30, placeholder=t("referrals.answer_placeholder"))
        yield label("referrals.field.reference")
        yield Input(r.their_reference or "", id="reference", max_length=200)
        yield label("referrals.field.follow_up")
        yield Input(r.follow_up_on if r.follow_up_open and r.follow_up_on else "",
                    id="follow_up", max_length=30, placeholder=t("form.date_placeholder"))
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
    RequestTextModal #pdf-row { height: auto; margin: 1 0 0 0; }
    RequestTextModal #pdf-row Input { width: 1fr; }
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
            with Horizontal(id="pdf-row"):  # the same notice as a PDF letter
                yield Input(str(Path.home() / t("referrals.pdf.file", ref=self.referral.case,
                                                 id=self.referral.id)),
                            id="pdf-path", max_length=4096)
                yield Button(t("referrals.pdf.save"), id="save-pdf")
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

    @on(Button.Pressed, "#save-pdf")
    def save_pdf(self) -> None:
        if self.current is None:
            return
        path = Path(self.query_one("#pdf-path", Input).value.strip()).expanduser()
        name = self.query_one("#name", Input).value.strip() or None
        email = self.query_one("#email", Input).value.strip() or None
        self._write_pdf(path, str(self.query_one("#lang", Select).value), name, email)

    @work(thread=True, exclusive=True, group="letter", exit_on_error=False)
    def _write_pdf(self, path: Path, lang: str, name: str | None, email: str | None) -> Path:
        from cybercase.documents.referral_letter import write_letter

        with self.vault.sibling() as vault:  # not on the app's connection
            return write_letter(vault, self.referral.id, path, lang, name=name, email=email)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "letter" or not self.is_attached:
            return
        error = self.query_one("#error", ErrorLine)
        if event.state == WorkerState.SUCCESS:
            error.clear()
            self.notify(t("referrals.pdf.saved", path=str(event.worker.result)), markup=False)
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            failure = event.worker.error
            error.show(failure.message if isinstance(failure, CybercaseError) else str(failure))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
