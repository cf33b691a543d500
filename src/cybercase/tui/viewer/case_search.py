"""Search inside one case (key ``f`` in the evidence tab): the same search as the
dashboard's box (views/search.py: names, descriptions, notes, the text read from images,
chat messages), limited to this case; a hit in an image's text or a chat message opens
it in its viewer, other hits open their tab of the case."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label
from textual.worker import Worker, WorkerState

from cybercase.core.i18n import t
from cybercase.tui.bindings import tbinding
from cybercase.tui.errors import describe
from cybercase.tui.viewer.hits import hit_row, open_hit_or_case
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.virtual_table import Column, ListSource, VirtualTable
from cybercase.views.search import MIN_QUERY, Hit, search


class CaseSearchModal(VaultModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    CaseSearchModal #case-search { width: 100; max-width: 100%; height: auto;
        max-height: 100%; }
    CaseSearchModal #case-hits { height: auto; max-height: 14; }
    """

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="case-search"):
            yield Label(t("viewer.case_search_title", ref=self.ref), classes="form-title",
                        markup=False)
            yield Input(placeholder=t("search.placeholder"), id="case-query")
            yield VirtualTable([
                Column("kind", t("search.col.kind"), 12),
                Column("case", t("search.col.case"), 9),
                Column("label", t("search.col.found")),
            ], id="case-hits", empty_text=t("search.none"))

    def on_mount(self) -> None:
        self.query_one("#case-query", Input).focus()

    @on(Input.Changed, "#case-query")
    def _changed(self, event: Input.Changed) -> None:
        if len(event.value.strip()) >= MIN_QUERY:
            self._search(event.value)

    @on(Input.Submitted, "#case-query")
    def _submitted(self) -> None:
        hits = self.query_one("#case-hits", VirtualTable)
        if hits.row_count:
            hits.focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, text: str) -> tuple[str, list[Hit]]:
        return text, search(self.vault, text, case=self.ref)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search" or not self.is_attached:
            return
        table = self.query_one("#case-hits", VirtualTable)
        if event.state == WorkerState.SUCCESS:
            text, hits = event.worker.result  # type: ignore[misc]
            if text != self.query_one("#case-query", Input).value:
                return  # typed on meanwhile
            table.empty_text = t("search.none")
            table.set_source(ListSource(hits, hit_row))
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            table.set_source(ListSource([], hit_row))
            table.empty_text = describe(event.worker.error)

    @on(VirtualTable.Selected, "#case-hits")
    def _selected(self, event: VirtualTable.Selected) -> None:
        hit = event.key
        if not isinstance(hit, Hit):
            return
        query = self.query_one("#case-query", Input).value
        self.dismiss(None)
        open_hit_or_case(self.cyber, self.vault, hit, query)

    def action_close(self) -> None:
        self.dismiss(None)
