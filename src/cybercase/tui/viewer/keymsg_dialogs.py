"""The dialogs of key messages: mark one with a note, change the note (with a reason),
take the mark away (with a reason); link a sender name to a person or an account. The
core checks and audits; errors show in place."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from cybercase.cases.cases import get_case
from cybercase.cases.people import list_people
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, t
from cybercase.core.roles import allowed
from cybercase.cyber.accounts import list_accounts
from cybercase.evidence import get_item
from cybercase.evidence.chat.keymsg import KeyMessage, change_note, mark_key, remove_key
from cybercase.evidence.chat.senders import SenderLink, link_sender
from cybercase.tui.widgets.forms import FormModal, label, options


class MarkKeyModal(FormModal[KeyMessage]):
    DIALOG_ID = "mark-key"
    SUBMIT_KEY = "viewer.key_submit"
    FIRST_FOCUS = "#note"

    def __init__(self, item_id: int, n: int) -> None:
        super().__init__()
        self.item_id = item_id
        self.n = n

    def form_title(self) -> str:
        return t("viewer.key_title", n=self.n, id=self.item_id)

    def fields(self) -> ComposeResult:
        yield label("viewer.key_note")
        yield Input(id="note", max_length=5000)

    def submit(self) -> KeyMessage:
        return mark_key(self.vault, self.item_id, self.n, self.text("#note"))


class ChangeKeyModal(FormModal[KeyMessage]):
    DIALOG_ID = "change-key"
    FIRST_FOCUS = "#note"

    def __init__(self, key: KeyMessage) -> None:
        super().__init__()
        self.key = key

    def form_title(self) -> str:
        return t("viewer.key_change_title", n=self.key.n, id=self.key.item_id)

    def fields(self) -> ComposeResult:
        yield label("viewer.key_note")
        yield Input(self.key.note, id="note", max_length=5000)
        yield label("viewer.key_reason")
        yield Input(id="reason", max_length=500)

    def submit(self) -> KeyMessage:
        return change_note(self.vault, self.key.id, self.text("#note"), self.text("#reason"))


class RemoveKeyModal(FormModal[KeyMessage]):
    DIALOG_ID = "remove-key"
    SUBMIT_KEY = "viewer.key_remove_submit"
    FIRST_FOCUS = "#reason"

    def __init__(self, key: KeyMessage) -> None:
        super().__init__()
        self.key = key

    def form_title(self) -> str:
        return t("viewer.key_remove_title", n=self.key.n, id=self.key.item_id)

    def fields(self) -> ComposeResult:
        yield Static(Text(self.key.note), classes="hint")
        yield label("viewer.key_reason")
        yield Input(id="reason", max_length=500)

    def submit(self) -> KeyMessage:
        return remove_key(self.vault, self.key.id, self.text("#reason"))


class LinkSenderModal(FormModal[SenderLink]):
    """Who is behind a sender name as shown: a person or an account of the case."""

    DIALOG_ID = "link-sender"
    SUBMIT_KEY = "viewer.link_submit"
    FIRST_FOCUS = "#target"

    def __init__(self, item_id: int, sender: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.sender = sender

    def form_title(self) -> str:
        return t("viewer.link_title", sender=self.sender, id=self.item_id)

    def fields(self) -> ComposeResult:
        item = get_item(self.vault, self.item_id)
        case = get_case(self.vault, item.case)
        pairs: list[tuple[str, object]] = [
            (f"{p.name} ({t(f'people.kind.{p.kind}')})", ("person", p.id))
            for p in list_people(self.vault, case)]
        if allowed(self.vault.role, "accounts.read"):
            pairs += [(f"{a.platform}: {a.handle}", ("account", a.id))
                      for a in list_accounts(self.vault, case.ref)]
        yield label("viewer.link_target")
        yield Select(options(pairs), id="target", prompt=t("form.none"))

    def submit(self) -> SenderLink:
        chosen = self.choice("#target")
        if not isinstance(chosen, tuple):
            raise UsageError(msg("sender.error.one_target"))
        kind, ident = chosen
        if kind == "person":
            return link_sender(self.vault, self.item_id, self.sender, person_id=ident)
        return link_sender(self.vault, self.item_id, self.sender, account_id=ident)
