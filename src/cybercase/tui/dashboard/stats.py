"""Yearly figures without names (AVG): a table per dimension with a bar for each count.

The figures come from the core (``cybercase.privacy.stats``), which already hides small
counts ("<5") and the cells that would give them away ("x"); this screen only draws them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Input, Label, Static

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import CATALOGUES, localize, t
from cybercase.privacy.stats import stats
from cybercase.tui.widgets.base import VaultScreen
from cybercase.views.agenda import today

BAR_WIDTH = 30


def value_text(dimension: str, value: object) -> str:
    """A value in the app's language: the core's words (Msg), police offences by name."""
    if dimension == "police_offence" and f"police.offence.{value}" in CATALOGUES["en"]:
        return t(f"police.offence.{value}")
    return localize(value)


def render_figures(figures: dict[str, Any]) -> Group:
    """One table per dimension: value, count and a bar (no bar for a hidden count)."""
    parts: list[Any] = [Text(t("stats.summary", year=figures["year"],
                                 n=figures["cases"]), style="bold")]
    for name, rows in figures["dimensions"].items():
        numbers = [r["count"] for r in rows if isinstance(r["count"], int)]
        top = max(numbers, default=0) or 1
        table = Table(title=Text(t(f"stats.dim.{name}", default=name), style="bold"),
                      title_justify="left", show_edge=False, pad_edge=False)
        table.add_column(t("stats.col.value"), no_wrap=True)
        table.add_column(t("stats.col.count"), justify="right")
        table.add_column("", no_wrap=True, min_width=BAR_WIDTH)
        for row in rows:
            count = row["count"]
            shown = isinstance(count, int) and count > 0
            bar = "█" * max(1, round(BAR_WIDTH * count / top)) if shown else ""
            table.add_row(Text(value_text(name, row["value"])), Text(str(count)),
                          Text(bar, style="cyan"))
        parts.append(Text(""))
        parts.append(table)
    parts.append(Text(""))
    parts.append(Text(localize(figures["rule"]), style="dim"))
    return Group(*parts)


class StatsScreen(VaultScreen):
    DEFAULT_CSS = """
    StatsScreen #year { width: 12; }
    StatsScreen #stats-body { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", show=False)]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="section-head"):
            yield Label(t("stats.title"), classes="section-title")
            yield Input(str(today().year), id="year", max_length=4,
                        placeholder=t("stats.year"))
        yield Static("", id="stats-error", classes="error")
        with VerticalScroll(id="stats-body"):
            yield Static("", id="figures")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show(self.query_one("#year", Input).value)

    @on(Input.Submitted, "#year")
    def _year(self, event: Input.Submitted) -> None:
        self.show(event.value)

    def show(self, year: str) -> None:
        error = self.query_one("#stats-error", Static)
        try:
            figures = stats(self.vault, year)
        except CybercaseError as exc:
            error.update(Text(localize(exc.message)))
            return
        error.update("")
        self.figures = figures
        self.query_one("#figures", Static).update(render_figures(figures))
