"""A table that renders only the rows on screen and fetches them a page at a time.

Textual's DataTable keeps every row (and measures every cell): with 10,000 rows its first
paint takes over a second on a school laptop. ``VirtualTable`` asks a :class:`RowSource`
for the number of rows and for the rows of one page when they come into view, so painting
and moving the cursor cost the same for 50 rows and for 50,000.

Cells are rich ``Text``: user data is never parsed as markup. Messages go up
(:class:`VirtualTable.Highlighted` when the cursor moves, :class:`VirtualTable.Selected` on
enter or a click on the cursor row); the owner changes the source with :meth:`set_source`
or re-reads it with :meth:`reload`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, Literal, Protocol, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cybercase.tui.termsafe import safe_text

T = TypeVar("T")

GAP = 2  # spaces between columns
MIN_FLEX = 8  # the least a flexible column gets


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # already translated
    width: int | None = None  # None: share what the fixed columns leave
    justify: Literal["left", "right"] = "left"
    grow: int = 1  # a flexible column's part of what is left (a file name: 2)


@dataclass(frozen=True)
class Row:
    key: object  # what the owner needs back (an id, a case reference)
    cells: tuple[Text, ...]


class RowSource(Protocol):
    """Where the rows come from: a count, and the rows of ``[start, stop)``."""

    def count(self) -> int: ...

    def rows(self, start: int, stop: int) -> Sequence[Row]: ...


class ListSource(Generic[T]):
    """Rows from a list already in memory, formatted only when they come into view."""

    def __init__(self, items: Sequence[T], to_row: Callable[[T], Row]) -> None:
        self.items = items
        self.to_row = to_row

    def count(self) -> int:
        return len(self.items)

    def rows(self, start: int, stop: int) -> list[Row]:
        return [self.to_row(item) for item in self.items[start:stop]]


class EmptySource:
    def count(self) -> int:
        return 0

    def rows(self, start: int, stop: int) -> list[Row]:
        return []


class VirtualTable(ScrollView, can_focus=True):
    """One header line, then one line per row; a row cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home,ctrl+home", "first", show=False),
        Binding("end,ctrl+end", "last", show=False),
        Binding("enter", "select", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--even-row",
        "virtual-table--empty",
    }

    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .virtual-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .virtual-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .virtual-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        & > .virtual-table--empty {
            color: $text-muted;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .virtual-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    PAGE = 200  # rows fetched at once
    PAGES_KEPT = 16

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        def __init__(self, table: VirtualTable, index: int, key: object) -> None:
            super().__init__()
            self.table = table
            self.index = index
            self.key = key

        @property
        def control(self) -> VirtualTable:
            return self.table

    class Selected(Message):
        def __init__(self, table: VirtualTable, index: int, key: object) -> None:
            super().__init__()
            self.table = table
            self.index = index
            self.key = key

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(
        self, columns: Sequence[Column], source: RowSource | None = None, *,
        empty_text: str = "", zebra: bool = True, id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = list(columns)
        self.source: RowSource = source or EmptySource()
        self.empty_text = empty_text
        self.zebra = zebra
        self._count = 0
        self._pages: OrderedDict[int, Sequence[Row]] = OrderedDict()
        self._widths: list[int] = []
        self._count = self.source.count()

    # --- data -------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return self._count

    def set_source(self, source: RowSource, cursor: int = 0) -> None:
        self.source = source
        self.reload(cursor)

    def reload(self, cursor: int | None = None) -> None:
        """Count again and forget cached pages (after the data changed)."""
        self._pages.clear()
        self._count = self.source.count()
        self._update_virtual_size()
        target = self.cursor_row if cursor is None else cursor
        self.cursor_row = max(0, min(target, self._count - 1))
        self.refresh()

    def row(self, index: int) -> Row | None:
        """The row at ``index`` (fetched with its page when not cached)."""
        if not 0 <= index < self._count:
            return None
        number, offset = divmod(index, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self.source.rows(number * self.PAGE, (number + 1) * self.PAGE)
            self._pages[number] = page
            while len(self._pages) > self.PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    @property
    def cursor_key(self) -> object | None:
        row = self.row(self.cursor_row)
        return None if row is None else row.key

    def cell(self, index: int, column: str) -> Text | None:
        row = self.row(index)
        if row is None:
            return None
        keys = [c.key for c in self.columns]
        return row.cells[keys.index(column)]

    def move_to_key(self, key: object) -> bool:
        """Put the cursor on the row with ``key`` (searches the rows; for small tables)."""
        for index in range(self._count):
            row = self.row(index)
            if row is not None and row.key == key:
                self.cursor_row = index
                return True
        return False

    # --- geometry ---------------------------------------------------------------------

    def _compute_widths(self, available: int) -> list[int]:
        fixed = sum(c.width or 0 for c in self.columns)
        flex = [c for c in self.columns if c.width is None]
        gaps = GAP * max(0, len(self.columns) - 1)
        left = max(0, available - fixed - gaps)
        parts = sum(c.grow for c in flex) or 1
        return [c.width if c.width is not None else max(MIN_FLEX, left * c.grow // parts)
                for c in self.columns]

    def _update_virtual_size(self) -> None:
        self._widths = self._compute_widths(self.scrollable_content_region.width)
        width = sum(self._widths) + GAP * max(0, len(self._widths) - 1)
        self.virtual_size = Size(width, self._count + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()
        self._scroll_to_cursor()

    def on_mount(self) -> None:
        self._update_virtual_size()

    # --- painting ---------------------------------------------------------------------

    def _line_text(self, cells: Sequence[Text]) -> Text:
        line = Text(no_wrap=True, end="")
        for n, (column, width) in enumerate(zip(self.columns, self._widths, strict=False)):
            cell = safe_text(cells[n]).copy() if n < len(cells) else Text("")
            cell.no_wrap = True
            cell.truncate(width, overflow="ellipsis")
            pad = width - cell.cell_len
            if column.justify == "right":
                line.append(" " * pad)
                line.append_text(cell)
            else:
                line.append_text(cell)
                line.append(" " * pad)
            if n < len(self.columns) - 1:
                line.append(" " * GAP)
        return line

    def _strip(self, text: Text, style: Style, post: bool = False) -> Strip:
        segments = list(text.render(self.app.console, end=""))
        if post:
            segments = list(Segment.apply_style(segments, post_style=style))
        else:
            segments = list(Segment.apply_style(segments, style=style))
        scroll_x = int(self.scroll_x)
        width = self.scrollable_content_region.width
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, style)

    def render_line(self, y: int) -> Strip:
        if not self._widths:
            self._update_virtual_size()
        base = self.rich_style
        if y == 0:
            header = self.get_component_rich_style("virtual-table--header")
            labels = tuple(Text(c.label) for c in self.columns)
            return self._strip(self._line_text(labels), base + header)
        if self._count == 0:
            if y == 1 and self.empty_text:
                muted = self.get_component_rich_style("virtual-table--empty")
                return self._strip(Text(self.empty_text, no_wrap=True), base + muted)
            return Strip.blank(self.scrollable_content_region.width, base)
        index = int(self.scroll_y) + y - 1
        row = self.row(index)
        if row is None:
            return Strip.blank(self.scrollable_content_region.width, base)
        if index == self.cursor_row:
            cursor = self.get_component_rich_style("virtual-table--cursor")
            return self._strip(self._line_text(row.cells), base + cursor, post=True)
        style = base
        if self.zebra and index % 2 == 0:
            style = base + self.get_component_rich_style("virtual-table--even-row")
        return self._strip(self._line_text(row.cells), style)

    # --- cursor -----------------------------------------------------------------------

    @property
    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = int(self.scroll_y)
        visible = self._visible_rows
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, self._count - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        top = int(self.scroll_y)
        self._scroll_to_cursor()
        if int(self.scroll_y) == top:
            # no scroll: repaint the two rows whose look changed (line = row + header)
            self.refresh_line(old + 1)
            self.refresh_line(new + 1)
        else:
            self.refresh()
        row = self.row(new)
        if row is not None:
            self.post_message(self.Highlighted(self, new, row.key))

    def action_cursor(self, delta: int) -> None:
        self.cursor_row = self.cursor_row + delta

    def action_page(self, direction: int) -> None:
        step = self._visible_rows * direction
        self.scroll_to(y=int(self.scroll_y) + step, animate=False, immediate=True)
        self.cursor_row = self.cursor_row + step

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = self._count - 1

    def action_select(self) -> None:
        row = self.row(self.cursor_row)
        if row is not None:
            self.post_message(self.Selected(self, self.cursor_row, row.key))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = int(self.scroll_y) + offset.y - 1
        if not 0 <= index < self._count:
            return
        if index == self.cursor_row or event.chain > 1:
            self.cursor_row = index
            self.action_select()
        else:
            self.cursor_row = index
