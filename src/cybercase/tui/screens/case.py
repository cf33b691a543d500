"""One case: tabs of panes. Today the overview; later panes register in CASE_PANES."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Footer, Header, TabbedContent, TabPane

from cybercase.cases.cases import Case, get_case
from cybercase.i18n import t
from cybercase.tui.bindings import tbinding
from cybercase.tui.screens.base import VaultScreen
from cybercase.tui.widgets.banner import DemoBanner
from cybercase.tui.widgets.case_overview import CaseOverview
from cybercase.vault import Vault

# Extension point: (pane id, title message key, factory). A later pane (people, evidence,
# timeline, ...) appends here; each factory builds its widget from the open vault and the
# current Case, and the screen composes it again on refresh and on a language switch.
PaneFactory = Callable[[Vault, Case], Widget]
CASE_PANES: list[tuple[str, str, PaneFactory]] = [
    ("overview", "case.tab.overview",
     lambda vault, case: CaseOverview(vault, case, id="overview-body")),
]


class CaseScreen(VaultScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("escape", "back", "key.back"),
        tbinding("r", "refresh", "key.refresh"),
    ]

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def compose(self) -> ComposeResult:
        self.title = t("case.title", ref=self.case.ref)
        yield Header()
        if self.cyber.demo:
            yield DemoBanner()
        with TabbedContent(id="case-tabs"):
            for pane_id, title_key, factory in CASE_PANES:
                with TabPane(t(title_key), id=f"pane-{pane_id}"):
                    yield factory(self.vault, self.case)
        yield Footer()

    def action_back(self) -> None:
        self.dismiss(None)

    async def action_refresh(self) -> None:
        self.case = get_case(self.vault, self.case.ref)
        await self.recompose()
