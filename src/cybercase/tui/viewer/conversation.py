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
from functools import lru_cache
from typing import ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message as TextualMessage
from textual.strip import Strip
from textual.widget import Widget

from cybercase.core.folding import spans
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


def number(n: int) -> str:
    """``40.000`` in Dutch, ``40,000`` in English."""
    from babel.numbers import format_decimal

    return str(format_decimal(n, locale=get_language()))


def day_label(day: str) -> str:
    """``donderdag 3 december 2026`` / ``Thursday 3 December 2026``."""
    return _day_label(day, get_language())


@lru_cache(maxsize=512)
def _day_label(day: str, language: str) -> str:
    from datetime import date

    from babel.dates import format_date

    return str(format_date(date.fromisoformat(day), "EEEE d MMMM y", locale=language))


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

    class Selected(TextualMessage):
        def __init__(self, view: ConversationView, message: Message) -> None:
            super().__init__()
            self.view = view
            self.message = message

    def __init__(self, source: MessageSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.top = 1
        self.cursor = 1
        self.highlight = ""  # the search text, marked in the messages
        self.keys: set[int] = set()  # numbers of key messages (a star beside them)
        self.linked: dict[str, str] = {}  # sender as shown -> who it was linked to
        self.notes: dict[int, str] = {}  # message number -> a note after its head (OCR %)
        self._last_shown = 1
        self.note = ""  # a passing remark in the status line ("not found")
        self._frame: list[Strip] = []
        self._strips: dict[int, list[Strip]] = {}  # message number -> its strips
        self._strips_key: tuple[int, Style] | None = None
        self._cache: dict[int, list[Text]] = {}  # message number -> its lines (not chosen)
        self._cache_width = 0

    def invalidate(self) -> None:
        """Forget the laid-out messages (after the search text, marks or links change)."""
        self._cache.clear()
        self._strips.clear()
        self.refresh()

    def _laid_out(self, n: int) -> list[Text]:
        """Message ``n`` laid out (not chosen); cached, so scrolling lays out only what
        comes into view. Its height is the same chosen or not."""
        if self._cache_width != self.size.width:
            self._cache.clear()
            self._strips.clear()
            self._cache_width = self.size.width
        lines = self._cache.get(n)
        if lines is None:
            message = self.source.get(n)
            lines = [] if message is None else \
                self._lines(message, self.source.get(n - 1), False)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[n] = lines
        return lines

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
        if message.n in self.notes:
            head.append(f"  {self.notes[message.n]}", style="dim italic")
        if message.n in self.keys:
            head.append("  ★ " + t("viewer.key_mark"), style="bold yellow")
        lines.append(head)
        body = safe_text(message.text, multiline=True)
        if self.highlight:
            for start, end in spans(body.plain, self.highlight):  # folded as search is
                body.stylize("black on yellow", start, end)
        for part in body.wrap(_console(self), width):
            lines.append(Text.assemble(bar, part))
        if message.media:
            media = safe_text(message.media).plain
            note = t("viewer.media_opens", name=media) if message.media_item \
                else t("viewer.media_missing", name=media)
            lines.append(Text.assemble(bar, Text("📎 " + note, style="italic")))
        lines.append(Text(""))
        return lines

    # --- painting (the Line API: one strip per screen line, nothing else laid out) -------

    def _area(self) -> int:
        """Lines for messages: all but the last, which is the status line."""
        return max(1, self.size.height - 1)

    def status(self) -> Text:
        message = self.source.get(self.cursor)
        parts = [t("viewer.chat_position", pos=number(self.cursor),
                   total=number(self.source.count))]
        if message is not None and message.time:
            parts.append(day_label(message.time[:10]))
        if self.highlight:
            parts.append(t("viewer.chat_searching", text=self.highlight))
        if self.note:
            parts.append(self.note)
        return Text(" · ".join(parts), style="dim", no_wrap=True)

    def _build_frame(self) -> list[Text]:
        """The screen's lines as text: the messages from ``top``, then the status line."""
        return [line for _n, line in self._frame_lines()]

    def _frame_lines(self) -> list[tuple[int, Text]]:
        """(message number or 0 for lines of no cached message, line) for each line."""
        height = self._area()
        out: list[tuple[int, Text]] = []
        n = self.top
        while len(out) < height and n <= self.source.count:
            if n == self.cursor:
                message = self.source.get(n)
                if message is None:
                    break
                out.extend((0, line) for line in
                           self._lines(message, self.source.get(n - 1), True))
            else:
                out.extend((n, line) for line in self._laid_out(n))
            self._last_shown = n
            n += 1
        if not out:
            out.append((0, Text(t("viewer.chat_empty"), style="dim")))
        out = out[:height]
        out.extend((0, Text("")) for _ in range(height - len(out)))
        out.append((0, self.status()))
        return out

    def render_lines(self, crop: Region) -> list[Strip]:
        base = self.rich_style
        width = self.size.width
        if self._strips_key != (width, base):
            self._strips.clear()
            self._strips_key = (width, base)
        frame: list[Strip] = []
        seen: dict[int, int] = {}
        for n, line in self._frame_lines():
            if n:
                strips = self._strips.get(n)
                if strips is None:
                    strips = [self._strip(x, base, width) for x in self._laid_out(n)]
                    if len(self._strips) > 4096:
                        self._strips.clear()
                    self._strips[n] = strips
                index = seen.get(n, 0)
                seen[n] = index + 1
                frame.append(strips[index])
            else:
                frame.append(self._strip(line, base, width))
        self._frame = frame
        return super().render_lines(crop)

    def _strip(self, line: Text, base: Style, width: int) -> Strip:
        segments = line.render(self.app.console, end="")
        return Strip(Segment.apply_style(segments, style=base)).crop_extend(0, width, base)

    def render_line(self, y: int) -> Strip:
        if y >= len(self._frame):
            return Strip.blank(self.size.width, self.rich_style)
        return self._frame[y]

    def text(self) -> str:
        """What the view shows, as plain lines (for tests and the benchmark)."""
        return "\n".join(line.plain.rstrip() for line in self._build_frame())

    def _fits(self, top: int, last: int) -> bool:
        """Whether messages ``top``..``last`` fit on the screen whole."""
        used = 0
        for n in range(top, last + 1):
            used += len(self._laid_out(n))
            if used > self._area():
                return False
        return True

    def _top_for_bottom(self, last: int) -> int:
        """The first message to show so that ``last`` ends at the bottom of the screen."""
        used = len(self._laid_out(last))
        top = last
        while top > 1:
            used += len(self._laid_out(top - 1))
            if used > self._area():
                break
            top -= 1
        return top

    # --- moving ---------------------------------------------------------------------------

    def go_to(self, n: int, *, at_top: bool = False) -> None:
        """Choose message ``n`` and scroll so it shows (at the top when asked)."""
        n = max(1, min(n, max(self.source.count, 1)))
        if at_top or n < self.top:
            self.top = n
        elif not self._fits(self.top, n):
            # as many messages above it as still fit, so it sits at the bottom
            self.top = self._top_for_bottom(n)
        self.cursor = n
        self.note = ""
        self.refresh()

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
