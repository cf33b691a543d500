"""A tab bar that wraps onto a second line instead of scrolling.

The case screen has a dozen tabs; Textual's own tab bar scrolls sideways once they do not
fit, hiding some of them at 80-120 columns. This strip lays the labels out itself, line by
line, so every tab stays visible; a click on a label or the keys of the screen (``[``,
``]``, ``1``-``9``) choose one. It only shows and reports: the screen keeps the
TabbedContent (with its own bar hidden) as the one place the active tab lives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


@dataclass(frozen=True)
class _Placed:
    tab_id: str
    line: int
    start: int
    end: int


class TabStrip(Widget):
    """Labels ``(tab id, label function)``; the label is asked for at every render so a
    language switch shows at once."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tab-strip--tab", "tab-strip--active", "tab-strip--number",
    }
    DEFAULT_CSS = """
    TabStrip {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    TabStrip > .tab-strip--tab { color: $text-muted; }
    TabStrip > .tab-strip--active { color: $text; background: $accent 40%; text-style: bold; }
    TabStrip > .tab-strip--number { color: $text-disabled; }
    """

    active: reactive[str] = reactive("", layout=True)

    class Chosen(Message):
        def __init__(self, tab_id: str) -> None:
            super().__init__()
            self.tab_id = tab_id

    def __init__(self, tabs: Sequence[tuple[str, Callable[[], str]]], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._tabs = list(tabs)
        self._placed: list[_Placed] = []

    def _cells(self) -> list[tuple[str, str, str]]:
        """(tab id, number shown, label) per tab; numbers 1-9 match the screen's keys."""
        return [(tab_id, str(n) if n <= 9 else "", label())
                for n, (tab_id, label) in enumerate(self._tabs, start=1)]

    def _layout(self, width: int) -> list[list[tuple[str, str, str]]]:
        lines: list[list[tuple[str, str, str]]] = [[]]
        used = 0
        for cell in self._cells():
            size = _size(cell)
            if lines[-1] and used + size > width:
                lines.append([])
                used = 0
            lines[-1].append(cell)
            used += size
        return lines

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self._layout(max(width, 1)))

    def render(self) -> Text:
        width = max(self.content_size.width, 1)
        tab_style = self.get_component_rich_style("tab-strip--tab")
        active_style = self.get_component_rich_style("tab-strip--active")
        number_style = self.get_component_rich_style("tab-strip--number")
        text = Text(no_wrap=True, overflow="crop", end="")
        placed: list[_Placed] = []
        for row, cells in enumerate(self._layout(width)):
            if row:
                text.append("\n")
            column = 0
            for tab_id, number, label in cells:
                style = active_style if tab_id == self.active else tab_style
                start = column
                text.append(" ", style)
                if number:
                    text.append(number, number_style + Style(bgcolor=style.bgcolor)
                                if tab_id == self.active else number_style)
                    text.append(" ", style)
                text.append(label, style)  # label text is ours (message catalogue)
                text.append(" ", style)
                column += _size((tab_id, number, label)) - 1
                text.append(" ")
                column += 1
                placed.append(_Placed(tab_id, row, start, column - 1))
        self._placed = placed
        return text

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for place in self._placed:
            if place.line == event.y and place.start <= x < place.end:
                event.stop()
                self.post_message(self.Chosen(place.tab_id))
                return


def _size(cell: tuple[str, str, str]) -> int:
    """Cells a tab takes, with the gap after it."""
    _tab_id, number, label = cell
    return cell_len(label) + (len(number) + 1 if number else 0) + 3


__all__ = ["TabStrip"]
