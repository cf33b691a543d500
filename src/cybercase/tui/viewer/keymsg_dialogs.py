"""The dialogs of key messages: mark one with a note, change the note (with a reason),
take the mark away (with a reason). The core checks and audits; errors show in place."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from cybercase.core.i18n import t
from cybercase.evidence.chat.keymsg import KeyMessage, change_note, mark_key, remove_key
from cybercase.tui.widgets.forms import FormModal, label


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
