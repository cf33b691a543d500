"""The table of cases on the dashboard (virtual: 5,000 cases paint as fast as 5).

Cells are rich Text: user text is never markup. Keyed by the case reference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text

from cybercase.cases.cases import Case
from cybercase.core.dutchdates import app_moment
from cybercase.core.i18n import get_language, t
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def title_text(case: Case) -> Text:
    """The title; a closed case's dimmed and marked (the list may hold closed cases)."""
    if case.status == "open":
        return Text(case.title, overflow="ellipsis", no_wrap=True)
    text = Text(f"({t('dash.closed_mark')}) ", style="dim italic", overflow="ellipsis",
                no_wrap=True)
    text.append(case.title, style="dim")
    return text


class CaseTable(VirtualTable):
    """One row per case, keyed by the case reference."""

    # the title takes what the other columns leave (titles run to 200 characters)
    ACTIVITY_WIDTH = 25  # "30 september 2026, 11:46" (core.dutchdates.app_moment)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self.catalogue_columns(), id=id, empty_text=t("dash.empty"))
        self._refs: list[str] = []

    @classmethod
    def catalogue_columns(cls) -> list[Column]:
        return [
            Column("ref", t("dash.col.ref"), 9),
            Column("phase", t("dash.col.phase"), 5, "right"),
            Column("title", t("dash.col.title")),
            Column("group", t("dash.col.group"), 6),
            Column("activity", t("dash.col.activity"), cls.ACTIVITY_WIDTH),
        ]

    def show_cases(self, cases: Sequence[Case], activity: Mapping[str, str] | None = None,
                   select: str | None = None) -> None:
        seen = activity or {}

        def to_row(case: Case) -> Row:
            when = seen.get(case.ref) or case.updated_at
            return Row(case.ref, (
                Text(case.ref),
                Text(str(case.phase), justify="right"),
                title_text(case),
                Text(case.group or ""),
                Text(app_moment(when, get_language())),
            ))

        self._refs = [c.ref for c in cases]
        cursor = self._refs.index(select) if select in self._refs else self.cursor_row
        self.set_source(ListSource(list(cases), to_row), cursor=cursor)

    @property
    def selected_ref(self) -> str | None:
        key = self.cursor_key
        return None if key is None else str(key)

    def select_ref(self, ref: str) -> None:
        if ref in self._refs:
            self.cursor_row = self._refs.index(ref)
