"""A chat screenshot as a conversation: the messages read from its OCR text
(``ocr.read_messages``), in the conversation view of a chat export, labelled as derived.

The same view and keys as a chat export (``/`` search within, ``n``/``N``), with what
differs said on the screen: every message's OCR confidence after its head, the sent side
named as the phone's owner, day separators as shown. Key messages belong to the messages
of a chat export stored in the vault; an OCR reading is made on the fly, so ``m`` says
that and marks nothing. A screenshot has no dates to jump to (``g`` says so).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Input, Static

from cybercase.core.folding import contains
from cybercase.core.i18n import localize, t
from cybercase.evidence import get_item
from cybercase.evidence.chat import Message
from cybercase.evidence.ocr import ShotMessage, read_messages
from cybercase.tui.termsafe import safe_text
from cybercase.tui.viewer.conversation import ConversationView, MessageSource
from cybercase.tui.viewer.conversation_base import ConversationBase


def as_message(m: ShotMessage) -> Message:
    """A message read from a screenshot in the shape the conversation view shows."""
    text = f"── {m.text} ──" if m.kind == "day" else m.text
    if m.system:
        sender = None
    elif m.sender:
        sender = m.sender
    else:
        sender = t("viewer.shot_sent") if m.side == "sent" else t("viewer.shot_received")
    return Message(m.n, 0, sender, m.shown_time or "?", None, None, None, text, m.system,
                   None, None)


class ShotConversationScreen(ConversationBase):
    """The conversation read from screenshot ``item_id`` (see the module text)."""

    def __init__(self, item_id: int, highlight: str = "") -> None:
        super().__init__(item_id, 1, highlight)
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        item = get_item(self.vault, self.item_id)
        conversation = read_messages(self.vault, item.id)
        self.title = t("viewer.shot_title", id=item.id)
        yield Header()
        head = Text(f"#{item.id} ", style="bold")
        head.append_text(safe_text(item.original_name))
        notes: dict[int, str] = {}
        if conversation is None:
            head.append("\n" + t("viewer.shot_no_reading"), style="yellow")
        else:
            self.messages = [as_message(m) for m in conversation.messages]
            count = sum(1 for m in conversation.messages if not m.system)
            head.append("  " + t("viewer.shot_head", messages=count), style="dim")
            head.append("\n⚠ " + localize(conversation.label), style="yellow")
            notes = {m.n: t("viewer.shot_conf", conf=f"{m.confidence:.0f}")
                     for m in conversation.messages
                     if m.confidence is not None and not m.system}
        yield Static(head, id="chat-head")
        messages = self.messages
        source = MessageSource(len(messages),
                               lambda first, n: messages[first - 1:first - 1 + n])
        view = ConversationView(source, id="chat-view")
        view.highlight = self.search_text
        view.notes = notes
        yield view
        yield Input(id="chat-ask")
        yield Footer(compact=True)

    def action_find(self, direction: int, from_cursor: bool = True) -> None:
        if not self.search_text:
            self.action_ask("search")
            return
        view = self.query_one(ConversationView)
        after = view.cursor if from_cursor else view.cursor - 1
        order = self.messages[after:] if direction > 0 else reversed(self.messages[:after - 1])
        for m in order:
            if contains(m.text, self.search_text) or contains(m.sender or "", self.search_text):
                view.go_to(m.n)
                return
        view.refresh()
        self._status(t("viewer.not_found"))

    def action_ask(self, what: str) -> None:
        if what == "date":
            self._status(t("viewer.shot_no_dates"))
            return
        super().action_ask(what)

    def action_mark(self) -> None:
        self.notify(t("viewer.shot_no_keys"), markup=False)

    def action_unmark(self) -> None:
        self.action_mark()

    def action_link_sender(self) -> None:
        self.action_mark()
