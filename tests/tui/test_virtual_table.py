"""VirtualTable on its own: only the pages on screen are fetched, keys and clicks move the
cursor, cells are data (never markup)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from cybercase.tui.widgets.virtual_table import Column, Row, VirtualTable

ROWS = 50_000


class CountingSource:
    def __init__(self, n: int) -> None:
        self.n = n
        self.fetched: list[tuple[int, int]] = []

    def count(self) -> int:
        return self.n

    def rows(self, start: int, stop: int) -> list[Row]:
        self.fetched.append((start, stop))
        return [Row(i, (Text(str(i)), Text(f"row {i} [bold]x[/bold]")))
                for i in range(start, min(stop, self.n))]


class TableApp(App[None]):
    def __init__(self, source: CountingSource) -> None:
        super().__init__()
        self.source = source
        self.seen: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        yield VirtualTable([Column("n", "#", 6, "right"), Column("text", "Text")],
                           self.source, id="t")

    def on_virtual_table_highlighted(self, message: VirtualTable.Highlighted) -> None:
        self.seen.append(("highlighted", message.key))

    def on_virtual_table_selected(self, message: VirtualTable.Selected) -> None:
        self.seen.append(("selected", message.key))


async def test_fifty_thousand_rows_fetch_only_what_is_shown() -> None:
    source = CountingSource(ROWS)
    app = TableApp(source)
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(VirtualTable)
        table.focus()
        await pilot.pause()
        assert table.row_count == ROWS
        assert source.fetched == [(0, VirtualTable.PAGE)]
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == ROWS - 1 and table.cursor_key == ROWS - 1
        assert int(table.scroll_y) == ROWS + 1 - table.scrollable_content_region.height
        last_page = (ROWS - 1) // VirtualTable.PAGE * VirtualTable.PAGE
        assert (last_page, last_page + VirtualTable.PAGE) in source.fetched
        assert len(source.fetched) <= 3
        await pilot.press("home", "pagedown", "down", "up", "up")
        await pilot.pause()
        visible = table.scrollable_content_region.height - 1
        assert table.cursor_row == visible - 1
        # the header stays, rows are plain text
        lines = [s.text for s in table.render_lines(table.scrollable_content_region.reset_offset)]
        assert lines[0].split() == ["#", "Text"]
        top = int(table.scroll_y)
        assert f"row {top} [bold]x[/bold]" in lines[1]


async def test_click_moves_then_selects() -> None:
    app = TableApp(CountingSource(10))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.click("#t", offset=(3, 3))  # header is line 0: row 2
        await pilot.pause()
        table = app.query_one(VirtualTable)
        assert table.cursor_row == 2
        assert ("highlighted", 2) in app.seen and ("selected", 2) not in app.seen
        await pilot.click("#t", offset=(3, 3))
        await pilot.pause()
        assert ("selected", 2) in app.seen
        await pilot.click("#t", offset=(3, 15))  # below the last row: nothing
        await pilot.pause()
        assert table.cursor_row == 2


async def test_empty_source_shows_its_hint_and_reload_counts_again() -> None:
    source = CountingSource(0)
    app = TableApp(source)
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(VirtualTable)
        table.empty_text = "Nothing here"
        table.refresh()
        await pilot.pause()
        lines = [s.text for s in table.render_lines(table.scrollable_content_region.reset_offset)]
        assert "Nothing here" in lines[1]
        assert table.cursor_key is None
        source.n = 3
        table.reload()
        await pilot.pause()
        assert table.row_count == 3 and table.cursor_key == 0
