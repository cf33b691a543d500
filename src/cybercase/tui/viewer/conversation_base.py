"""What the two conversation screens share (a chat export's, chat_screen.py; a
screenshot's read by OCR, shot_screen.py): the keys, the head, the view and the field
that asks for a search text or a date, and the status line's passing remarks."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Input

from cybercase.core.i18n import t
from cybercase.tui.bindings import tbinding
from cybercase.tui.viewer.conversation import ConversationView
from cybercase.tui.widgets.base import AppAccess


class ConversationBase(AppAccess, Screen[None]):
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
    ConversationBase #chat-head { height: auto; max-height: 3; padding: 0 1;
        background: $boost; }
    ConversationBase #chat-ask { display: none; }
    ConversationBase #chat-ask.-shown { display: block; }
    """

    def __init__(self, item_id: int, start: int = 1, highlight: str = "") -> None:
        super().__init__()
        self.item_id = item_id
        self.start = start
        self.search_text = highlight
        self.asking = ""

    def on_mount(self) -> None:
        view = self.query_one(ConversationView)
        view.focus()
        self.call_after_refresh(view.go_to, self.start, at_top=self.start > 1)

    def _status(self, note: str) -> None:
        """A passing remark in the view's status line (its last line)."""
        view = self.query_one(ConversationView)
        view.note = note
        view.refresh()

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

    def action_close(self) -> None:
        if self.asking:
            self._close_ask()
            return
        self.dismiss(None)

    # --- what each screen does its own way -----------------------------------------------

    def action_find(self, direction: int, from_cursor: bool = True) -> None:
        raise NotImplementedError

    def jump_to_date(self, value: str) -> None:
        raise NotImplementedError

    def action_mark(self) -> None:
        raise NotImplementedError

    def action_unmark(self) -> None:
        raise NotImplementedError

    def action_link_sender(self) -> None:
        raise NotImplementedError
