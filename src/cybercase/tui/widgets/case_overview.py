"""A case's overview: what the case file holds today (grows with the core)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cybercase.cases.cases import Case
from cybercase.i18n import t
from cybercase.timeutil import local_display


def overview_table(case: Case) -> Table:
    none = t("case.none")
    rows: list[tuple[str, str]] = [
        (t("case.ref"), case.ref),
        (t("case.case_title"), case.title),
        (t("case.group"), case.group or none),
        (t("case.phase"), str(case.phase)),
        (t("case.status"), t(f"status.{case.status}")),
        (t("case.created"), t("case.opened_by", when=local_display(case.created_at),
                              who=case.created_by)),
        (t("case.updated"), local_display(case.updated_at)),
    ]
    if case.closed_at:
        rows.append((t("case.closed"), local_display(case.closed_at)))
    if case.outcome:
        rows.append((t("case.outcome"), case.outcome))
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for label, value in rows:
        table.add_row(Text(label), Text(value))
    return table


class CaseOverview(Static):
    DEFAULT_CSS = """
    CaseOverview { padding: 1 2; height: auto; }
    """

    def __init__(self, case: Case, *, id: str | None = None) -> None:
        super().__init__(overview_table(case), id=id, markup=False)
        self.case = case

    def show_case(self, case: Case) -> None:
        self.case = case
        self.update(overview_table(case))
