"""The dashboard: the open cases (later also the agenda and search)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label, Static

from cybercase.cases.cases import Case, list_cases
from cybercase.i18n import t
from cybercase.tui.bindings import tbinding
from cybercase.tui.screens.base import VaultScreen
from cybercase.tui.screens.new_case import NewCaseModal
from cybercase.tui.widgets.banner import DemoBanner
from cybercase.tui.widgets.case_table import CaseTable


class DashboardScreen(VaultScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("n", "new_case", "key.new_case"),
        tbinding("r", "refresh", "key.refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        if self.cyber.demo:
            yield DemoBanner()
        with Vertical(id="dashboard"):
            # Extension point: the agenda (overdue first) and search go above the cases.
            yield Label(t("dash.title"), classes="section-title")
            yield Static("", id="case-count", classes="hint")
            yield CaseTable(id="cases")
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.query_one(CaseTable).focus()

    def load(self, select: str | None = None) -> None:
        cases: list[Case] = list_cases(self.vault, status="open")
        table = self.query_one(CaseTable)
        table.show_cases(cases)
        count = self.query_one("#case-count", Static)
        count.update(Text(t("dash.count", count=len(cases)) if cases else t("dash.empty")))
        if select:
            table.select_ref(select)

    def action_refresh(self) -> None:
        self.load(self.query_one(CaseTable).selected_ref)

    def action_new_case(self) -> None:
        def created(case: Case | None) -> None:
            if case is None:
                return
            self.load(select=case.ref)
            self.notify(t("dash.created", ref=case.ref), markup=False)

        self.app.push_screen(NewCaseModal(), created)

    # enter (or a click on the selected row) selects a row in the DataTable
    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.cyber.open_case(str(event.row_key.value))
