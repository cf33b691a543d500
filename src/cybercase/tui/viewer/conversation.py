"""A chat export as a conversation: bubbles with sender and time, a line for each new day,
and only what is on screen is rendered.

The widget knows a position, not a list: ``top`` (the first message on screen) and
``cursor`` (the chosen one), both message numbers from 1. Each paint asks a
:class:`MessageSource` for the few pages it shows (a small cache keeps them), so a
40,000-message export paints and scrolls as fast as a short one. User text is rich
``Text`` made safe for the terminal, never markup.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Callable
from typing import ClassVar

from rich.console import Console, RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message as TextualMessage
from textual.reactive import reactive
from textual.widget import Widget

from cybercase.core.i18n import get_language, t
from cybercase.evidence.chat import Message
from cybercase.tui.termsafe import safe_text

PAGE = 64  # messages per page read from the core
PAGES_KEPT = 16
BUBBLE_MAX = 72  # the widest a bubble gets (characters)
SENDER_COLOURS = ("cyan", "green", "magenta", "yellow", "blue", "bright_red",
                  "bright_cyan", "bright_green")


class MessageSource:
    """Messages a page at a time: ``count`` and ``fetch(first, count)`` (numbers from 1)."""

    def __init__(self, count: int, fetch: Callable[[int, int], list[Message]]) -> None:
        self.count = count
        self._fetch = fetch
        self._pages: OrderedDict[int, dict[int, Message]] = OrderedDict()

    def get(self, n: int) -> Message | None:
        if not 1 <= n <= self.count:
            return None
        page = (n - 1) // PAGE
        found = self._pages.get(page)
        if found is None:
            found = {m.n: m for m in self._fetch(page * PAGE + 1, PAGE)}
            self._pages[page] = found
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return found.get(n)

    def clear(self) -> None:
        self._pages.clear()


def day_of(message: Message | None) -> str | None:
    return message.time[:10] if message is not None and message.time else None


def day_label(day: str) -> str:
    """``donderdag 3 december 2026`` / ``Thursday 3 December 2026``."""
    from datetime import date

    from babel.dates import format_date

    return str(format_date(date.fromisoformat(day), "EEEE d MMMM y", locale=get_language()))


def sender_style(sender: str | None) -> Style:
    colour = SENDER_COLOURS[zlib.crc32((sender or "").encode()) % len(SENDER_COLOURS)]
    return Style(color=colour, bold=True)


class ConversationView(Widget, can_focus=True):
    """The messages of one export, from ``top`` down, as far as the screen reaches."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", show=False),
        Binding("up,k", "move(-1)", show=False),
        Binding("pagedown,space", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("enter", "select", show=False),
    ]
    DEFAULT_CSS = """
    ConversationView { height: 1fr; padding: 0 1; }
    """

    cursor: reactive[int] = reactive(1, layout=False)

    class Moved(TextualMessage):
        def __init__(self, view: ConversationView, n: int) -> None:
            super().__init__()
            self.view = view
            self.n = n

    class Selected(TextualMessage):
        def __init__(self, view: ConversationView, message: Message) -> None:
            super().__init__()
            self.view = view
            self.message = message

    def __init__(self, source: MessageSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.top = 1
        self.highlight = ""  # the search text, marked in the messages
        self.keys: set[int] = set()  # numbers of key messages (a star beside them)
        self.linked: dict[str, str] = {}  # sender as shown -> who it was linked to
        self._last_shown = 1

    # --- layout of one message ------------------------------------------------------------

    def _bubble_width(self) -> int:
        return max(20, min(BUBBLE_MAX, self.size.width - 4))

    def _lines(self, message: Message, previous: Message | None, chosen: bool) -> list[Text]:
        width = self._bubble_width()
        lines: list[Text] = []
        day = day_of(message)
        if day and day != day_of(previous):
            label = f" {day_label(day)} "
            lines.append(Text(label.center(max(self.size.width - 2, len(label)), "─"),
                              style="dim"))
        bar = Text("▌ ", style="reverse bold" if chosen else "dim")
        if message.system:
            body = safe_text(message.text, multiline=True)
            body.stylize("italic dim")
            for part in body.wrap(_console(self), width):
                lines.append(Text("  ") + part)
            return lines
        head = Text()
        head.append_text(bar)
        sender = message.sender or "?"
        head.append(safe_text(sender).plain, style=sender_style(message.sender))
        if message.sender in self.linked:
            head.append(f" ({safe_text(self.linked[message.sender]).plain})", style="dim")
        clock = message.time[11:16] if message.time else f"[{message.shown_time}]"
        head.append(f"  {clock}", style="dim")
        head.append(f"  #{message.n}", style="dim")
        if message.n in self.keys:
            head.append("  ★ " + t("viewer.key_mark"), style="bold yellow")
        lines.append(head)
        body = safe_text(message.text, multiline=True)
        if self.highlight:
            body.highlight_words([self.highlight], style="black on yellow",
                                 case_sensitive=False)
        for part in body.wrap(_console(self), width):
            lines.append(Text.assemble(bar, part))
        if message.media:
            media = safe_text(message.media).plain
            note = t("viewer.media_opens", name=media) if message.media_item \
                else t("viewer.media_missing", name=media)
            lines.append(Text.assemble(bar, Text("📎 " + note, style="italic")))
        lines.append(Text(""))
        return lines

    # --- painting -------------------------------------------------------------------------

    def render(self) -> RenderableType:
        height = self.size.height
        out: list[Text] = []
        n = self.top
        previous = self.source.get(n - 1)
        while len(out) < height and n <= self.source.count:
            message = self.source.get(n)
            if message is None:
                break
            out.extend(self._lines(message, previous, n == self.cursor))
            previous = message
            self._last_shown = n
            n += 1
        if not out:
            return Text(t("viewer.chat_empty"), style="dim")
        return Text("\n").join(out[:height])

    def _fits(self, top: int, last: int) -> bool:
        """Whether messages ``top``..``last`` fit on the screen whole."""
        used = 0
        previous = self.source.get(top - 1)
        for n in range(top, last + 1):
            message = self.source.get(n)
            if message is None:
                return True
            used += len(self._lines(message, previous, False))
            previous = message
            if used > self.size.height:
                return False
        return True

    # --- moving ---------------------------------------------------------------------------

    def go_to(self, n: int, *, at_top: bool = False) -> None:
        """Choose message ``n`` and scroll so it shows (at the top when asked)."""
        n = max(1, min(n, max(self.source.count, 1)))
        if at_top or n < self.top:
            self.top = n
        elif not self._fits(self.top, n):
            top = n
            # as many messages above it as still fit, so it sits at the bottom
            while top > 1 and self._fits(top - 1, n):
                top -= 1
            self.top = top
        self.cursor = n
        self.refresh()

    def watch_cursor(self, n: int) -> None:
        self.post_message(self.Moved(self, n))

    def action_move(self, delta: int) -> None:
        self.go_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        span = max(1, self._last_shown - self.top)
        if direction > 0:
            self.top = min(self.top + span, max(self.source.count, 1))
            self.go_to(self.top, at_top=True)
        else:
            self.go_to(max(1, self.top - span), at_top=True)

    def action_first(self) -> None:
        self.go_to(1, at_top=True)

    def action_last(self) -> None:
        self.go_to(self.source.count)

    def action_select(self) -> None:
        message = self.source.get(self.cursor)
        if message is not None:
            self.post_message(self.Selected(self, message))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        if self.top < self.source.count:
            self.top += 1
            self.cursor = max(self.cursor, self.top)
            self.refresh()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        if self.top > 1:
            self.top -= 1
            self.cursor = min(self.cursor, self._last_shown)
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.go_to(self.cursor)


def _console(widget: Widget) -> Console:
    return widget.app.console
