"""The cyberbullying checklist of the case's protocol: status per item, with a note."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input, Select, Static

from cybercase.cases.cases import Case
from cybercase.cases.checklist import STATUSES, items, progress, set_item
from cybercase.core.i18n import get_language, t
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import CasePane
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable
from cybercase.vault.versions import seen

STATUS_STYLE = {"open": "", "done": "green", "na": "dim"}


def item_text(item: dict[str, Any]) -> str:
    return str(item["text_nl"] if get_language() == "nl" else item["text_en"])


class ChecklistPane(CasePane):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("s", "set_status", "key.set_status"),
    ]

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield Static("", id="checklist-progress", classes="pane-hint")
        yield VirtualTable([
            Column("id", "#", 3, "right"),
            Column("status", t("checklist.col.status"), 14),
            Column("text", t("checklist.col.text")),
            Column("note", t("checklist.col.note"), 24),
        ], id="checklist-table", zebra=True)
        yield Static("", id="checklist-detail", classes="pane-hint")

    def load(self) -> None:
        entries = items(self.vault, self.case)
        self.entries = {e["id"]: e for e in entries}
        counts = progress(entries)
        self.query_one("#checklist-progress", Static).update(Text(t(
            "checklist.progress", done=counts["done"], na=counts["na"], open=counts["open"])))

        def to_row(e: dict[str, Any]) -> Row:
            return Row(e["id"], (
                Text(str(e["id"])),
                Text(t(f"checklist.status.{e['status']}"), style=STATUS_STYLE[e["status"]]),
                Text(item_text(e)),
                Text((e["note"] or "").replace("\n", " ")),
            ))

        table = self.query_one(VirtualTable)
        table.set_source(ListSource(entries, to_row), cursor=table.cursor_row)
        self._show_detail(table.cursor_key)

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self._show_detail(event.key)

    def _show_detail(self, key: object) -> None:
        entry = getattr(self, "entries", {}).get(key)
        detail = self.query_one("#checklist-detail", Static)
        if entry is None:
            detail.update("")
            return
        text = Text(item_text(entry))
        if entry["note"]:
            text.append("\n" + t("checklist.note") + ": ", style="bold")
            text.append(entry["note"])
        if entry["at"]:
            text.append("\n" + t("checklist.changed", when=shown_moment(entry["at"]),
                                 who=entry["by"]), style="dim")
        detail.update(text)

    def action_set_status(self) -> None:
        key = self.query_one(VirtualTable).cursor_key
        entry = getattr(self, "entries", {}).get(key)
        if entry is None:
            return
        self.open_dialog(ChecklistModal(self.case, entry),
                         lambda e: t("checklist.saved", id=e["id"]))

    @on(VirtualTable.Selected)
    def _selected(self) -> None:
        self.action_set_status()


class ChecklistModal(FormModal[dict[str, Any]]):
    DIALOG_ID = "checklist-item"

    def __init__(self, case: Case, entry: dict[str, Any]) -> None:
        super().__init__()
        self.case = case
        self.entry = entry
        self.expect = seen("checklist", (case.id, entry))

    def form_title(self) -> str:
        return t("checklist.set.title", id=self.entry["id"])

    def fields(self) -> ComposeResult:
        yield Static(Text(item_text(self.entry)), classes="hint")
        yield label("checklist.field.status")
        yield Select(options([(t(f"checklist.status.{s}"), s) for s in STATUSES]),
                     value=self.entry["status"], allow_blank=False, id="status")
        yield label("checklist.field.note")
        yield Input(self.entry["note"] or "", id="note", max_length=2000)

    def submit(self) -> dict[str, Any]:
        return set_item(self.vault, self.case.ref, int(self.entry["id"]),
                        str(self.choice("#status")), note=self.optional("#note"))
