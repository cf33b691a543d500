"""The agenda on the dashboard: everything due across open cases, overdue first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from cybercase.core.dutchdates import app_day
from cybercase.core.i18n import get_language, localize, t
from cybercase.tui.bindings import localize_bindings, tbinding
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable
from cybercase.views.agenda import AgendaItem

MAX_LINES = 6  # the agenda's height on the dashboard, more scrolls


def when_text(due: date, today: date) -> Text:
    days = (due - today).days
    if days < 0:
        late = t("agenda.overdue_one") if days == -1 else t("agenda.overdue", n=-days)
        return Text(late, style="bold red")
    if days == 0:
        return Text(t("agenda.today"), style="bold yellow")
    if days == 1:
        return Text(t("agenda.tomorrow"))
    return Text(t("agenda.in_days", n=days))


class AgendaTable(VirtualTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("d", "mark_done", "key.agenda_done"),
    ]

    class MarkDone(Message):
        """Mark the highlighted item done (the screen asks and calls the core)."""

        def __init__(self, item: AgendaItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        self.items: list[AgendaItem] = []
        super().__init__([
            Column("due", t("agenda.col.due"), 11),
            Column("when", t("agenda.col.when"), 16),
            Column("case", t("agenda.col.case"), 9),
            Column("what", t("agenda.col.what")),
        ], id=id, empty_text=t("agenda.empty"), zebra=False)
        localize_bindings(self)

    def show_items(self, items: Sequence[AgendaItem], today: date) -> None:
        def to_row(item: AgendaItem) -> Row:
            return Row(item.case_ref, (Text(app_day(item.due, get_language())),
                                       when_text(item.due, today),
                                       Text(item.case_ref), Text(localize(item.what))))

        self.items = list(items)
        self.set_source(ListSource(self.items, to_row), cursor=self.cursor_row)
        self.styles.height = min(max(len(items), 1), MAX_LINES) + 1

    @property
    def selected_item(self) -> AgendaItem | None:
        index = self.cursor_row
        return self.items[index] if 0 <= index < len(self.items) else None

    def action_mark_done(self) -> None:
        item = self.selected_item
        if item is not None:
            self.post_message(self.MarkDone(item))
