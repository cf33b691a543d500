"""The dashboard: the agenda (overdue first), search, and the open cases."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input, Label, Static
from textual.worker import Worker, WorkerState

from cybercase.cases.cases import Case, list_cases
from cybercase.core.i18n import t
from cybercase.core.timeutil import AMSTERDAM, from_iso, local_today
from cybercase.tui.bindings import tbinding
from cybercase.tui.dashboard.new_case import NewCaseModal
from cybercase.tui.errors import describe
from cybercase.tui.viewer.hits import hit_row, open_hit_or_case
from cybercase.tui.widgets.agenda_table import AgendaTable
from cybercase.tui.widgets.banner import DemoBanner
from cybercase.tui.widgets.base import VaultScreen
from cybercase.tui.widgets.case_table import CaseTable
from cybercase.tui.widgets.virtual_table import Column, ListSource, VirtualTable
from cybercase.vault.sessions import open_sessions
from cybercase.views.activity import last_activity
from cybercase.views.agenda import agenda, today
from cybercase.views.search import MIN_QUERY, Hit, search

OTHERS_EVERY = 10.0  # seconds between looks at who else has the vault open

def _since(stamp: str) -> str:
    """A session's start, short: the time today, the date and time before."""
    local = from_iso(stamp).astimezone(AMSTERDAM)
    return f"{local:%H:%M}" if local.date() == local_today() else f"{local:%Y-%m-%d %H:%M}"


class SearchBox(Input):
    """Escape leaves the search (and clears it) instead of leaving the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", show=False)]

    def action_leave(self) -> None:
        self.value = ""
        self.screen.query_one(CaseTable).focus()


class DashboardScreen(VaultScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("n", "new_case", "key.new_case"),
        tbinding("slash", "search", "key.search", key_display="/", show=False),
        tbinding("r", "refresh", "key.refresh", show=False),
        tbinding("s", "stats", "key.stats", show=False),
        tbinding("p", "privacy", "key.privacy"),
        # the app's F2/F3 keys are shown here only: the case panes need the footer's room
        tbinding("a", "toggle_closed", "key.toggle_closed", show=False),
        tbinding("f2", "settings", "key.settings"),
        tbinding("f3", "admin", "key.admin"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        if self.cyber.demo:
            yield DemoBanner()
        with Vertical(id="dashboard"):
            yield Static("", id="others", classes="hint")  # shown while others are in
            with Horizontal(id="agenda-head", classes="section-head"):
                yield Label(t("agenda.title"), classes="section-title")
                yield Static("", id="agenda-count", classes="hint")
            yield AgendaTable(id="agenda")
            yield SearchBox(placeholder=t("search.placeholder"), id="search")
            yield VirtualTable([
                Column("kind", t("search.col.kind"), 12),
                Column("case", t("search.col.case"), 9),
                Column("label", t("search.col.found")),
            ], id="search-results", empty_text=t("search.none"))
            with Horizontal(classes="section-head"):
                yield Label(t("dash.title_all" if self.show_closed else "dash.title"),
                            id="cases-title", classes="section-title")
                yield Static("", id="case-count", classes="hint")
            yield CaseTable(id="cases")
        yield Footer(compact=True)

    _resumed_once = False
    show_closed = False  # the case list: open cases, or closed ones too (key a)

    def on_mount(self) -> None:
        self.query_one("#search-results").display = False
        self.query_one("#others").display = False
        self.load()
        self.query_one(CaseTable).focus()
        self.set_interval(OTHERS_EVERY, self.show_others)

    def show_others(self) -> None:
        """Who else has the vault open (their user and since when), e.g. over SSH."""
        app = self.cyber
        if app.vault is None or not self.is_attached:
            return
        own = app.session.id if app.session is not None else None
        others = open_sessions(app.vault.path, exclude=own)
        line = t("remote.others", list=", ".join(
            t("remote.other", user=s.user, since=_since(s.since),
              via=t("remote.via_ssh") if s.via == "ssh" else "")
            for s in others)) if others else ""
        others_line = self.query_one("#others", Static)
        others_line.update(Text(line))
        others_line.display = bool(line)

    def load(self, select: str | None = None) -> None:
        vault = self.vault
        cases: list[Case] = list_cases(vault, status=None if self.show_closed else "open")
        table = self.query_one(CaseTable)
        table.show_cases(cases, last_activity(vault), select=select)
        self.query_one("#cases-title", Label).update(
            t("dash.title_all" if self.show_closed else "dash.title"))
        closed = sum(1 for c in cases if c.status != "open")
        count = self.query_one("#case-count", Static)
        if self.show_closed:
            count.update(Text(t("dash.count_all", cases=t("count.cases", n=len(cases)),
                                 closed=closed)))
        else:
            count.update(Text(t("dash.count", n=len(cases))))
        day = today()
        items = agenda(vault)
        self.query_one(AgendaTable).show_items(items, day)
        overdue = sum(1 for i in items if i.due < day)
        self.query_one("#agenda-count", Static).update(
            Text(t("agenda.count", n=len(items), overdue=overdue) if items else ""))
        self.show_others()

    def on_screen_resume(self) -> None:
        # back from a case: its changes show in the agenda and the last activity (the
        # first resume follows the mount, which has just loaded)
        if not self._resumed_once:
            self._resumed_once = True
            return
        if self.is_mounted and self.cyber.vault is not None:
            self.load(self.query_one(CaseTable).selected_ref)

    def action_toggle_closed(self) -> None:
        self.show_closed = not self.show_closed
        self.load(self.query_one(CaseTable).selected_ref)

    def action_stats(self) -> None:
        self.cyber.action_stats()

    async def action_privacy(self) -> None:
        await self.cyber.action_privacy()

    def action_settings(self) -> None:
        self.cyber.action_settings()

    def action_admin(self) -> None:
        self.cyber.action_admin()

    def action_refresh(self) -> None:
        self.load(self.query_one(CaseTable).selected_ref)

    def action_new_case(self) -> None:
        def created(case: Case | None) -> None:
            if case is None:
                return
            self.load(select=case.ref)
            self.notify(t("dash.created", ref=case.ref), markup=False)

        self.app.push_screen(NewCaseModal(), created)

    # --- search ---------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        results = self.query_one("#search-results", VirtualTable)
        if len(event.value.strip()) < MIN_QUERY:
            results.display = False
            return
        self._search(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        results = self.query_one("#search-results", VirtualTable)
        if results.display and results.row_count:
            results.focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, text: str) -> tuple[str, list[Hit]]:
        return text, search(self.vault, text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search" or not self.is_attached:
            return
        results = self.query_one("#search-results", VirtualTable)
        if event.state == WorkerState.SUCCESS:
            text, hits = event.worker.result  # type: ignore[misc]
            if text != self.query_one("#search", Input).value:
                return  # typed on meanwhile
            results.empty_text = t("search.none")
            results.set_source(ListSource(hits, hit_row))
            results.styles.height = min(max(len(hits), 1), 8) + 1
            results.display = True
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            results.set_source(ListSource([], hit_row))
            results.empty_text = describe(event.worker.error)
            results.display = True

    # --- opening ----------------------------------------------------------------------------

    @on(VirtualTable.Selected, "#cases, #agenda")
    def _case_selected(self, event: VirtualTable.Selected) -> None:
        if event.key is not None:
            self.cyber.open_case(str(event.key))

    @on(AgendaTable.MarkDone)
    def _mark_done(self, message: AgendaTable.MarkDone) -> None:
        from cybercase.tui.dashboard.agenda_done import MarkDoneModal, stored_id

        due_id = stored_id(message.item)
        if due_id is None:
            self.notify(t("agenda.not_markable"), severity="warning", markup=False)
            return

        def done(result: int | None) -> None:
            if result is not None:
                self.load(self.query_one(CaseTable).selected_ref)
                self.notify(t("agenda.done.done"), markup=False)

        self.app.push_screen(MarkDoneModal(message.item, due_id), done)

    @on(VirtualTable.Selected, "#search-results")
    def _hit_selected(self, event: VirtualTable.Selected) -> None:
        hit = event.key
        if isinstance(hit, Hit):
            open_hit_or_case(self.cyber, self.vault, hit, self.query_one("#search", Input).value)
