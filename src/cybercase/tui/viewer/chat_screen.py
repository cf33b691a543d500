"""The conversation view of a chat export, full screen: read, search within (``/``, then
``n``/``N``), jump to a date (``g``), mark key messages (``m``, ``x``), open a media
message's item (enter).

Opening it is one audited read of the export (``open_conversation``); the view then reads
pages of messages as they come on screen. A media message's item opens in the image
viewer when it is an image.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import t
from cybercase.core.timeutil import parse_date
from cybercase.evidence import get_item
from cybercase.evidence.chat import keymsg
from cybercase.evidence.chat.pages import (
    find_message,
    first_on_or_after,
    message_count,
    message_page,
    open_conversation,
)
from cybercase.evidence.chat.senders import sender_links
from cybercase.tui.bindings import tbinding
from cybercase.tui.termsafe import safe_text
from cybercase.tui.viewer.conversation import ConversationView, MessageSource
from cybercase.tui.viewer.keymsg_dialogs import (
    ChangeKeyModal,
    LinkSenderModal,
    MarkKeyModal,
    RemoveKeyModal,
)
from cybercase.tui.widgets.base import AppAccess

DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def typed_date(value: str) -> date:
    """A date as a Dutch reader types it (``10-9-2026``, ``10/09/2026``) or as ISO."""
    found = DUTCH_DATE.fullmatch(value.strip())
    if found:
        try:
            return date(int(found[3]), int(found[2]), int(found[1]))
        except ValueError:
            pass
    return parse_date(value, t("viewer.the_date"))


class ConversationScreen(AppAccess, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("escape", "close", "key.back"),
        tbinding("slash", "ask('search')", "viewer.key.search", key_display="/"),
        tbinding("n", "find(1)", "viewer.key.next"),
        tbinding("N", "find(-1)", "viewer.key.previous", key_display="N", show=False),
        tbinding("g", "ask('date')", "viewer.key.date", show=False),
        tbinding("m", "mark", "viewer.key.mark"),
        tbinding("x", "unmark", "viewer.key.unmark", show=False),
        tbinding("l", "link_sender", "viewer.key.link", show=False),
    ]
    DEFAULT_CSS = """
    ConversationScreen #chat-head { height: auto; max-height: 3; padding: 0 1;
        background: $boost; }
    ConversationScreen #chat-ask { display: none; }
    ConversationScreen #chat-ask.-shown { display: block; }
    """

    def __init__(self, item_id: int, start: int = 1, highlight: str = "") -> None:
        super().__init__()
        self.item_id = item_id
        self.start = start
        self.search_text = highlight
        self.asking = ""

    def compose(self) -> ComposeResult:
        item = get_item(self.vault, self.item_id)
        summary = open_conversation(self.vault, item.id)
        self.title = t("viewer.chat_title", id=item.id)
        yield Header()
        head = Text(f"#{item.id} ", style="bold")
        head.append_text(safe_text(item.original_name))
        if summary is not None:
            head.append("  " + t("viewer.chat_head", messages=summary.messages,
                                 participants=summary.participants), style="dim")
            if summary.ambiguous:
                head.append("\n⚠ " + t("chat.summary.ambiguous", id=item.id), style="yellow")
        yield Static(head, id="chat-head")
        count = message_count(self.vault, item.id)
        source = MessageSource(count, lambda first, n: message_page(self.vault, item.id,
                                                                    first, n))
        view = ConversationView(source, id="chat-view")
        view.highlight = self.search_text
        self._load_marks(view)
        yield view
        yield Input(id="chat-ask")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        view = self.query_one(ConversationView)
        view.focus()
        self.call_after_refresh(view.go_to, self.start, at_top=self.start > 1)

    def _load_marks(self, view: ConversationView) -> None:
        view.keys = set(keymsg.item_key_messages(self.vault, self.item_id))
        view.linked = {s: link.label for s, link in sender_links(self.vault,
                                                                  self.item_id).items()}

    def _status(self, note: str) -> None:
        """A passing remark in the view's status line (its last line)."""
        view = self.query_one(ConversationView)
        view.note = note
        view.refresh()

    # --- search and dates -----------------------------------------------------------------

    def action_ask(self, what: str) -> None:
        self.asking = what
        ask = self.query_one("#chat-ask", Input)
        ask.placeholder = t(f"viewer.ask_{what}")
        ask.value = self.search_text if what == "search" else ""
        ask.add_class("-shown")
        ask.focus()

    def _close_ask(self) -> None:
        ask = self.query_one("#chat-ask", Input)
        ask.remove_class("-shown")
        self.asking = ""
        self.query_one(ConversationView).focus()

    @on(Input.Submitted, "#chat-ask")
    def _asked(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        what = self.asking
        self._close_ask()
        if not value:
            return
        if what == "search":
            self.search_text = value
            view = self.query_one(ConversationView)
            view.highlight = value
            view.invalidate()
            self.action_find(1, from_cursor=False)
        else:
            self.jump_to_date(value)

    def jump_to_date(self, value: str) -> None:
        try:
            day = typed_date(value)
        except CybercaseError as exc:
            self._status(str(t("viewer.bad_date", value=value)) + f" ({exc.message})")
            return
        found = first_on_or_after(self.vault, self.item_id, day)
        if found is None:
            self._status(t("viewer.no_date", day=value))
            return
        self.query_one(ConversationView).go_to(found, at_top=True)

    def action_find(self, direction: int, from_cursor: bool = True) -> None:
        if not self.search_text:
            self.action_ask("search")
            return
        view = self.query_one(ConversationView)
        after = view.cursor if from_cursor else view.cursor - 1
        found = find_message(self.vault, self.item_id, self.search_text, after,
                             forward=direction > 0)
        if found is None:
            view.refresh()
            self._status(t("viewer.not_found"))
            return
        view.go_to(found)

    def action_close(self) -> None:
        if self.asking:
            self._close_ask()
            return
        self.dismiss(None)

    # --- key messages and media -----------------------------------------------------------

    def _after(self, done: Callable[[object], str]) -> Callable[[object | None], None]:
        def callback(result: object | None) -> None:
            if result is None:
                return
            view = self.query_one(ConversationView)
            self._load_marks(view)
            view.invalidate()
            self.notify(done(result), markup=False)
        return callback

    def action_mark(self) -> None:
        n = self.query_one(ConversationView).cursor
        existing = keymsg.item_key_messages(self.vault, self.item_id).get(n)
        if existing is None:
            self.app.push_screen(MarkKeyModal(self.item_id, n),
                                 self._after(lambda k: t("viewer.key_marked", n=n)))
        else:
            self.app.push_screen(ChangeKeyModal(existing),
                                 self._after(lambda k: t("viewer.key_changed", n=n)))

    def action_unmark(self) -> None:
        n = self.query_one(ConversationView).cursor
        existing = keymsg.item_key_messages(self.vault, self.item_id).get(n)
        if existing is not None:
            self.app.push_screen(RemoveKeyModal(existing),
                                 self._after(lambda k: t("viewer.key_removed", n=n)))

    def action_link_sender(self) -> None:
        view = self.query_one(ConversationView)
        message = view.source.get(view.cursor)
        if message is None or message.sender is None or message.system:
            return
        sender = message.sender
        self.app.push_screen(LinkSenderModal(self.item_id, sender),
                             self._after(lambda link: t("viewer.linked", sender=sender)))

    @on(ConversationView.Selected)
    def _selected(self, event: ConversationView.Selected) -> None:
        item_id = event.message.media_item
        if item_id is None:
            return
        item = get_item(self.vault, item_id)
        if item.mime.startswith("image/"):
            from cybercase.tui.viewer.image_screen import ImageViewerScreen

            self.app.push_screen(ImageViewerScreen(item.id))
        else:
            self.notify(t("viewer.media_not_image", id=item.id, mime=item.mime),
                        markup=False)
