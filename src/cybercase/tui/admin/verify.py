"""Administration: verify the vault (key file, pages, audit chain, every evidence hash)
in a worker, with a line per thing checked and per problem.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import (
    Button,
    LoadingIndicator,
    Static,
)

from cybercase.core.i18n import CATALOGUES, localize, t
from cybercase.tui.admin.section import BusySection
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import (
    Column,
    EmptySource,
    ListSource,
    Row,
    VirtualTable,
)
from cybercase.views.verify import Report, verify_vault


def checked_text(key: str, count: int) -> str:
    """One count of what ``verify`` looked at, in words (unknown kinds by their key)."""
    name = f"admin.verify.count.{key}"
    if name in CATALOGUES["en"]:
        return t(name, n=count)
    return f"{count} {key.replace('_', ' ')}"


def report_rows(report: Report) -> list[Row]:
    """A line per thing checked, then a line per problem (as ``cybercase verify``)."""
    rows = [Row(key, (Text(t("admin.verify.checked"), style="green"),
                      Text(checked_text(key, count))))
            for key, count in report.checked.items()]
    rows.extend(Row(None, (Text(t("admin.verify.problem"), style="bold red"),
                           Text(localize(problem))))
                for problem in report.problems)
    return rows


def verdict_text(report: Report) -> Text:
    if report.ok:
        return Text(t("admin.verify.ok"), style="bold green")
    return Text(t("admin.verify.failed", n=len(report.problems)), style="bold red")

class VerifySection(BusySection):
    BINDINGS: ClassVar[list[BindingType]] = [tbinding("v", "verify", "key.verify")]
    GROUP = "admin-verify"
    report: Report | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.verify.hint")), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.verify.run"), variant="primary", id="run-verify")
        yield LoadingIndicator(id="busy")
        yield Static("", id="verify-verdict", classes="verdict")
        yield VirtualTable([
            Column("result", t("admin.verify.col.result"), 14),
            Column("what", t("admin.verify.col.what")),
        ], id="verify-table", empty_text=t("admin.verify.none_yet"), zebra=False)
        yield Static("", id="verify-detail", classes="detail")
        yield ErrorLine(id="problem")

    @on(VirtualTable.Highlighted, "#verify-table")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        """The whole line of the highlighted row (long problems are cut in the table)."""
        row = self.query_one(VirtualTable).row(event.index)
        self.query_one("#verify-detail", Static).update(
            Text(row.cells[1].plain) if row is not None else "")

    def focus_main(self) -> None:
        table = self.query_one(VirtualTable)
        if table.row_count:
            table.focus()
        else:
            self.query_one("#run-verify", Button).focus()

    @on(Button.Pressed, "#run-verify")
    def action_verify(self) -> None:
        if not self.start():
            return
        self.query_one("#verify-verdict", Static).update(Text(t("admin.verify.running")))
        table = self.query_one(VirtualTable)
        table.set_source(EmptySource())
        self._verify()

    @work(thread=True, exclusive=True, group="admin-verify", exit_on_error=False)
    def _verify(self) -> Report:
        with self.vault.sibling() as vault:  # re-reads every item: not on the app's connection
            return verify_vault(vault)

    def finished(self, result: Any) -> None:
        assert isinstance(result, Report)
        self.report = result
        self.query_one("#verify-verdict", Static).update(verdict_text(result))
        table = self.query_one(VirtualTable)
        rows = report_rows(result)
        # the first problem first: it is what the coordinator needs to read
        first = len(result.checked) if result.problems else 0
        table.set_source(ListSource(rows, lambda row: row), cursor=first)
        table.focus()

    def failed(self) -> None:
        self.query_one("#verify-verdict", Static).update("")
