"""The table of cases on the dashboard. Cells are rich Text: user text is never markup."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from rich.text import Text
from textual.widgets import DataTable

from cybercase.cases.cases import Case
from cybercase.i18n import t
from cybercase.timeutil import local_display


class CaseTable(DataTable[Text]):
    """One row per case, keyed by the case reference."""

    # the title early but of bounded width (titles run to 200 characters)
    COLUMNS = ("ref", "phase", "title", "group", "status", "activity")
    TITLE_WIDTH = 44

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_columns_from_catalogue()

    def add_columns_from_catalogue(self) -> None:
        self.clear(columns=True)
        for name in self.COLUMNS:
            width = self.TITLE_WIDTH if name == "title" else None
            self.add_column(t(f"dash.col.{name}"), key=name, width=width)

    def show_cases(self, cases: Sequence[Case]) -> None:
        self.clear()
        for case in cases:
            self.add_row(
                Text(case.ref),
                Text(str(case.phase), justify="right"),
                Text(case.title, overflow="ellipsis", no_wrap=True),
                Text(case.group or ""),
                Text(t(f"status.{case.status}")),
                Text(local_display(case.updated_at)),
                key=case.ref,
            )

    @property
    def selected_ref(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return None if row_key.value is None else str(row_key.value)

    def select_ref(self, ref: str) -> None:
        with suppress(KeyError):  # RowDoesNotExist is a KeyError
            self.move_cursor(row=self.get_row_index(ref))
