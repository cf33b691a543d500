"""Administration: the audit log, filtered by case and user, with the chain checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import (
    Button,
    Input,
    Label,
    LoadingIndicator,
    Static,
)

from cybercase.core.i18n import localize, t
from cybercase.privacy.auditview import audit_log, chain_state
from cybercase.tui.admin.section import BusySection
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.labels import audit_action
from cybercase.tui.widgets.virtual_table import (
    Column,
    EmptySource,
    ListSource,
    Row,
    VirtualTable,
)


@dataclass
class AuditView:
    rows: list[dict[str, Any]]  # newest first
    chain_problems: list[str] | None  # None: not checked this time
    total: int


def audit_row(entry: dict[str, Any]) -> Row:
    return Row(entry, (Text(str(entry["seq"])), Text(entry["local_time"]), Text(entry["user"]),
                       Text(audit_action(entry["action"])), Text(entry["object"]),
                       Text(entry["case"] or "")))


def audit_details(entry: dict[str, Any]) -> Text:
    action = audit_action(entry["action"])
    line = Text(f"#{entry['seq']} {action} {entry['object']}: ", style="bold")
    if entry["details_erased"]:
        line.append(t("audit.erased"), style="")
    elif entry["details"] is None:
        line.append(t("admin.audit.details_hidden"), style="")
    else:
        line.append(", ".join(f"{k}={v}" for k, v in sorted(entry["details"].items())
                              if v not in (None, "", [], {})), style="")
    return line


def chain_text(problems: list[str], total: int) -> Text:
    if not problems:
        return Text(t("admin.audit.chain_ok", n=total), style="green")
    return Text(t("admin.audit.chain_broken", problem=localize(problems[0]), n=len(problems)),
                style="bold red")


class AuditSection(BusySection):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("f", "filter", "key.filter"),
        tbinding("r", "refresh", "key.refresh"),
    ]
    GROUP = "admin-audit"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Label(t("admin.audit.case"))
            yield Input(id="audit-case", placeholder=t("admin.audit.case_placeholder"))
            yield Label(t("admin.audit.user"))
            yield Input(id="audit-user", placeholder=t("admin.audit.user_placeholder"))
            yield Button(t("admin.audit.apply"), id="audit-apply")
            yield Button(t("admin.audit.clear"), id="audit-clear")
        yield LoadingIndicator(id="busy")
        yield Static("", id="audit-chain", classes="verdict")
        yield Static("", id="audit-count", classes="hint")
        yield VirtualTable([
            Column("seq", "#", 6, "right"),
            Column("ts", t("audit.col.when"), 32),
            Column("actor", t("audit.col.who"), 10),
            Column("action", t("audit.col.action"), 17),
            Column("object", t("audit.col.object")),
            Column("case", t("admin.audit.col.case"), 8),
        ], id="audit-log", empty_text=t("pane.loading"))
        yield Static("", id="audit-detail", classes="detail")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def reload(self) -> None:
        self.load(check_chain=True)

    def load(self, check_chain: bool) -> None:
        if not self.start():
            return
        ref = self.query_one("#audit-case", Input).value.strip() or None
        user = self.query_one("#audit-user", Input).value.strip() or None
        self._fetch(ref, user, check_chain)

    @work(thread=True, exclusive=True, group="admin-audit", exit_on_error=False)
    def _fetch(self, ref: str | None, user: str | None, check_chain: bool) -> AuditView:
        vault = self.vault
        rows = audit_log(vault, ref, user)  # the core decides who may read it
        rows.reverse()
        chain, total = chain_state(vault, check_chain)
        return AuditView(rows, chain, total)

    def finished(self, result: Any) -> None:
        assert isinstance(result, AuditView)
        if result.chain_problems is not None:
            self.query_one("#audit-chain", Static).update(
                chain_text(result.chain_problems, result.total))
        filtered = bool(self.query_one("#audit-case", Input).value.strip()
                        or self.query_one("#audit-user", Input).value.strip())
        self.query_one("#audit-count", Static).update(Text(t(
            "admin.audit.count_filtered" if filtered else "admin.audit.count",
            n=len(result.rows), total=result.total)))
        table = self.query_one(VirtualTable)
        table.empty_text = t("admin.audit.none")
        table.set_source(ListSource(result.rows, audit_row), cursor=0)
        self.query_one("#audit-detail", Static).update(
            audit_details(result.rows[0]) if result.rows else "")

    def failed(self) -> None:
        table = self.query_one(VirtualTable)
        table.empty_text = ""
        table.set_source(EmptySource())
        self.query_one("#audit-count", Static).update("")
        self.query_one("#audit-detail", Static).update("")

    @on(VirtualTable.Highlighted, "#audit-log")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        if isinstance(event.key, dict):
            self.query_one("#audit-detail", Static).update(audit_details(event.key))

    @on(Input.Submitted, "#audit-case, #audit-user")
    @on(Button.Pressed, "#audit-apply")
    def _apply(self) -> None:
        self.load(check_chain=False)
        self.query_one(VirtualTable).focus()

    @on(Button.Pressed, "#audit-clear")
    def _clear(self) -> None:
        self.query_one("#audit-case", Input).value = ""
        self.query_one("#audit-user", Input).value = ""
        self._apply()

    def action_filter(self) -> None:
        self.query_one("#audit-case", Input).focus()

    def action_refresh(self) -> None:
        self.load(check_chain=True)
