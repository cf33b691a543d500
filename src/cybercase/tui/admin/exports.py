"""The administration's register of police bundles: what the school reads out when the
police call to check one (the ZIP's SHA-256 and the key fingerprint), per export."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import msg, t
from cybercase.core.termsafe import safe
from cybercase.export.register import ExportRecord, list_exports
from cybercase.tui.admin.section import AdminSection
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def export_row(record: ExportRecord) -> Row:
    return Row(record, (
        Text(str(record.id)), Text(safe(record.case)),
        Text(shown_moment(record.created_at)), Text(safe(record.file)),
        Text(record.sha256[:16] + "…"),
    ))


def export_detail(record: ExportRecord) -> Text:
    return Text(t(
        "admin.exports.detail", id=record.id, case=safe(record.case),
        when=shown_moment(record.created_at), by=safe(record.created_by),
        file=safe(record.file), items=msg("count.items", n=len(record.items)),
        enc=t("admin.exports.encrypted") if record.encrypted else "",
        sha=record.sha256, fingerprint=record.fingerprint, handover=safe(record.handover)))


class ExportsSection(AdminSection):
    DEFAULT_CSS = """
    ExportsSection #exports-table { height: 1fr; min-height: 5; }
    ExportsSection #exports-detail { height: auto; margin: 1 0 0 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.exports.hint")), classes="hint")
        yield VirtualTable([
            Column("id", t("admin.exports.col.id"), 5, "right"),
            Column("case", t("admin.exports.col.case"), 10),
            Column("when", t("admin.exports.col.when"), 30),
            Column("file", t("admin.exports.col.file")),
            Column("sha", "SHA-256", 18),
        ], id="exports-table", zebra=False, empty_text=t("admin.exports.empty"))
        yield Static("", id="exports-detail")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def reload(self) -> None:
        try:
            records = list_exports(self.vault)
        except CybercaseError as exc:
            self.show_failure(exc)
            return
        self.query_one(VirtualTable).set_source(ListSource(records, export_row))
        self.query_one("#exports-detail", Static).update(
            export_detail(records[0]) if records else "")

    @on(VirtualTable.Highlighted, "#exports-table")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        if isinstance(event.key, ExportRecord):
            self.query_one("#exports-detail", Static).update(export_detail(event.key))
