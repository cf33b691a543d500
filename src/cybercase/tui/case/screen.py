"""One case: tabs of panes, listed in CASE_PANES (id, title key, factory); the case's
actions in the command palette (``COMMANDS``: case/commands.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.widget import Widget
from textual.widgets import Footer, Header, TabbedContent, TabPane

from cybercase.cases.cases import Case, get_case
from cybercase.core.errors import NotFound, PermissionDenied
from cybercase.core.i18n import t
from cybercase.export.bundle import ExportResult
from cybercase.tui.bindings import tbinding
from cybercase.tui.case import commands
from cybercase.tui.case.accounts import AccountsPane
from cybercase.tui.case.agreements import AgreementsPane
from cybercase.tui.case.base import CaseChanged, CasePane
from cybercase.tui.case.checklist import ChecklistPane
from cybercase.tui.case.commands import CaseCommands
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.case.export import ExportModal, ExportRequest, ExportRunModal
from cybercase.tui.case.informed import InformedPane
from cybercase.tui.case.overview import OverviewPane
from cybercase.tui.case.people import PeoplePane
from cybercase.tui.case.police import PolicePane
from cybercase.tui.case.referrals import ReferralsPane
from cybercase.tui.case.support import SupportGroupPane
from cybercase.tui.case.timeline import AuditPane, TimelinePane
from cybercase.tui.paste import pasted_paths
from cybercase.tui.widgets.banner import DemoBanner
from cybercase.tui.widgets.base import VaultScreen
from cybercase.tui.widgets.tab_strip import TabStrip
from cybercase.vault import Vault

# Every tab, in order: (pane id, title message key, factory); a new tab is added here
# (nothing appends itself). Each factory builds its widget from the open vault and the
# current Case. A CasePane gets set_case() after every change of the case
# file and activate() when its tab is chosen; any other widget is composed again on
# refresh and on a language switch.
PaneFactory = Callable[[Vault, Case], Widget]
CASE_PANES: list[tuple[str, str, PaneFactory]] = [
    ("overview", "case.tab.overview", lambda vault, case: OverviewPane(case)),
    ("people", "case.tab.people", lambda vault, case: PeoplePane(case)),
    ("checklist", "case.tab.checklist", lambda vault, case: ChecklistPane(case)),
    ("informed", "case.tab.informed", lambda vault, case: InformedPane(case)),
    ("support", "case.tab.support", lambda vault, case: SupportGroupPane(case)),
    ("evidence", "case.tab.evidence", lambda vault, case: EvidencePane(case)),
    ("accounts", "case.tab.accounts", lambda vault, case: AccountsPane(case)),
    ("referrals", "case.tab.referrals", lambda vault, case: ReferralsPane(case)),
    ("police", "case.tab.police", lambda vault, case: PolicePane(case)),
    ("agreements", "case.tab.agreements", lambda vault, case: AgreementsPane(case)),
    ("timeline", "case.tab.timeline", lambda vault, case: TimelinePane(case)),
    ("audit", "case.tab.audit", lambda vault, case: AuditPane(case)),
]


class CaseScreen(VaultScreen):
    # the case's actions in the palette (beside the app's own commands)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {CaseCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("escape", "back", "key.back"),
        tbinding("r", "refresh", "key.refresh", show=False),
        tbinding("x", "export", "key.export", show=False),  # the palette and help have it
        tbinding("right_square_bracket", "next_tab(1)", "key.next_tab", key_display="]",
                 show=False),
        tbinding("left_square_bracket", "next_tab(-1)", "key.previous_tab", key_display="[",
                 show=False),
        *(tbinding(str(n), f"tab_number({n})", "key.tab_number", show=False)
          for n in range(1, 10)),
    ]

    def __init__(self, case: Case, tab: str | None = None) -> None:
        super().__init__()
        self.case = case
        self._first_tab = tab

    def compose(self) -> ComposeResult:
        self.title = t("case.title", ref=self.case.ref)
        yield Header()
        if self.cyber.demo:
            yield DemoBanner()
        first = f"pane-{self._first_tab or 'overview'}"
        strip = TabStrip([(f"pane-{pane_id}", partial(t, title_key))
                          for pane_id, title_key, _factory in CASE_PANES], id="case-tab-strip")
        strip.active = first
        yield strip
        with TabbedContent(id="case-tabs", initial=first):
            for pane_id, title_key, factory in CASE_PANES:
                with TabPane(t(title_key), id=f"pane-{pane_id}"):
                    yield factory(self.vault, self.case)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # the first tab's keys belong in the footer from the start
        self.call_after_refresh(self._activate_current)

    def _activate_current(self) -> None:
        pane = self.active_pane()
        if pane is not None:
            pane.activate()

    # --- panes ------------------------------------------------------------------------

    def panes(self) -> list[CasePane]:
        return list(self.query(CasePane))

    def active_pane(self) -> CasePane | None:
        active = self.query_one(TabbedContent).active_pane
        if active is None:
            return None
        found = active.query(CasePane)
        return found.first() if found else None

    def current_tab(self) -> str:
        """The open tab's pane id ("evidence")."""
        return str(self.query_one(TabbedContent).active).removeprefix("pane-")

    def show_tab(self, pane_id: str) -> None:
        self.query_one(TabbedContent).active = f"pane-{pane_id}"

    def pane_action(self, pane_id: str, action: str) -> None:
        """Show a pane and run one of its actions (the command palette's case entries);
        no pane id: one of the screen's own actions."""
        if not pane_id:
            self.call_after_refresh(self.run_action, action)
            return
        self.show_tab(pane_id)
        pane = self.query_one(f"#pane-{pane_id}").query(CasePane).first()
        self.call_after_refresh(pane.run_action, action)

    @on(TabStrip.Chosen)
    def _tab_chosen(self, event: TabStrip.Chosen) -> None:
        self.query_one(TabbedContent).active = event.tab_id

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.query_one(TabStrip).active = self.query_one(TabbedContent).active
        pane = self.active_pane()
        if pane is not None:
            pane.activate()

    @on(CaseChanged)
    def _case_changed(self, message: CaseChanged) -> None:
        message.stop()
        if message.notice:
            self.notify(message.notice, markup=False)
        self.reload_panes()

    def reload_panes(self) -> None:
        try:
            self.case = get_case(self.vault, self.case.ref)
        except (NotFound, PermissionDenied):
            # purged or restricted by another program meanwhile: say so, back to the list
            self.app.notify(t("case.vanished", ref=self.case.ref), severity="warning",
                            markup=False)
            self.dismiss(None)
            return
        active = self.active_pane()
        for pane in self.panes():
            pane.set_case(self.case, visible=pane is active)

    def on_paste(self, event: events.Paste) -> None:
        """Files dropped or pasted onto the window: the ingest dialog, with their paths."""
        paths = pasted_paths(event.text)
        if not paths:
            return
        event.stop()
        self.show_tab("evidence")
        self.query_one(EvidencePane).action_ingest(paths)

    # --- actions ----------------------------------------------------------------------

    def action_next_tab(self, step: int) -> None:
        ids = [f"pane-{pane_id}" for pane_id, _key, _factory in CASE_PANES]
        tabs = self.query_one(TabbedContent)
        current = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(current + step) % len(ids)]

    def action_tab_number(self, number: int) -> None:
        if 1 <= number <= len(CASE_PANES):
            self.show_tab(CASE_PANES[number - 1][0])

    def action_back(self) -> None:
        self.dismiss(None)

    def action_refresh(self) -> None:
        self.reload_panes()

    def action_export(self, folder: Path | None = None) -> None:
        """The police evidence bundle: where to, then the export with progress."""

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.app.push_screen(ExportRunModal(self.case, request), exported)

        def exported(result: ExportResult | None) -> None:
            if result is not None:
                self.reload_panes()  # the audit log and timeline have new entries

        self.app.push_screen(ExportModal(self.case, folder), chosen)


if TYPE_CHECKING:  # the screen is what its palette commands ask of it (checked by mypy)
    def _asked_of_the_screen(screen: CaseScreen) -> commands.CaseScreen:
        return screen
