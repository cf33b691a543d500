"""The case's timeline (by when things happened) and its audit log (read-only).

Both can be long (a case with thousands of evidence items): they load when their tab is
first shown, in a thread worker, into a VirtualTable that formats only the rows on screen.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from cybercase.core.i18n import localize, t
from cybercase.privacy.auditview import visible_entries
from cybercase.tui.case.base import CasePane
from cybercase.tui.termsafe import safe_text
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.labels import audit_action, event_kind
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable
from cybercase.vault.audit import AuditEntry
from cybercase.views.timeline import Event, timeline


def when_text(when: str) -> str:
    """"3 december 2026, 08:43"; a day-only event as "3 december 2026"."""
    return shown_moment(when)


class ThreadedPane(CasePane):
    """Loads its rows in a thread worker; the table shows "loading" meanwhile."""

    LAZY = True

    def load(self) -> None:
        table = self.query_one(VirtualTable)
        table.empty_text = t("pane.loading")
        table.refresh()
        self._fetch_rows()

    @work(thread=True, exclusive=True, group="pane-load", exit_on_error=False)
    def _fetch_rows(self) -> list[Any]:
        return self.fetch()

    def fetch(self) -> list[Any]:
        raise NotImplementedError

    def to_row(self, item: Any) -> Row:
        raise NotImplementedError

    def empty_text(self) -> str:
        return ""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "pane-load":
            return
        table = self.query_one(VirtualTable)
        if event.state == WorkerState.SUCCESS:
            rows = event.worker.result
            assert isinstance(rows, list)
            table.empty_text = self.empty_text()
            table.set_source(ListSource(rows, self.to_row), cursor=table.cursor_row)
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            table.empty_text = ""
            table.refresh()
            self.show_failure(event.worker.error)

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()


class TimelinePane(ThreadedPane):
    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield VirtualTable([
            Column("when", t("timeline.col.when"), 25),  # "30 september 2026, 08:43"
            Column("kind", t("timeline.col.kind"), 13),
            Column("what", t("timeline.col.what")),
            Column("by", t("timeline.col.by"), 10),
        ], id="timeline-table")

    def fetch(self) -> list[Any]:
        return timeline(self.vault, self.case.ref)

    def empty_text(self) -> str:
        return t("timeline.empty")

    def to_row(self, event: Event) -> Row:
        return Row(None, (Text(when_text(event.when)), Text(event_kind(event.kind)),
                          Text(localize(event.what)), Text(event.by or "")))


class AuditPane(ThreadedPane):
    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield VirtualTable([
            Column("seq", "#", 6, "right"),
            Column("ts", t("audit.col.when"), 25),
            Column("actor", t("audit.col.who"), 10),
            Column("action", t("audit.col.action"), 18),
            Column("object", t("audit.col.object"), 20),
            Column("details", t("audit.col.details")),
        ], id="audit-table")
        yield Static("", id="audit-detail", classes="pane-hint")

    def fetch(self) -> list[Any]:
        # details only for coordinators, restricted cases respected (issue 9)
        return list(reversed(visible_entries(self.vault, self.case.ref)))

    def empty_text(self) -> str:
        return t("audit.empty")

    @staticmethod
    def details_text(entry: AuditEntry) -> str:
        if entry.details is None:
            return t("audit.erased")
        return ", ".join(f"{k}={v}" for k, v in entry.details.items()
                         if v not in (None, "", [], {}))

    def to_row(self, entry: AuditEntry) -> Row:
        details = self.details_text(entry)
        return Row(entry, (Text(str(entry.seq)), Text(shown_moment(entry.ts)),
                           Text(entry.actor), Text(audit_action(entry.action)),
                           Text(entry.object), Text(details)))

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        entry = event.key
        if isinstance(entry, AuditEntry):
            line = Text(f"#{entry.seq} {audit_action(entry.action)} {entry.object}: ", style="bold")
            line.append(self.details_text(entry), style="")
            self.query_one("#audit-detail", Static).update(safe_text(line))
