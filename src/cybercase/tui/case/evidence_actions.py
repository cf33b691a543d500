"""Evidence-pane actions: save an original out of the vault byte for byte, and the list
of "sexual image of a minor" reports (descriptions only: no file exists for them).

Saving goes through the core's ``extract``: it logs the read in the audit before any byte
leaves the vault, re-hashes on the way, and names the file only when every byte matched
its SHA-256 (``safefile.PartialFile``), so no partial original is ever left behind. The
dialog checks the path in place first (the folder exists, the file does not), in the
user's words; the core checks again.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.evidence import Item
from cybercase.evidence.items import extract
from cybercase.tui.bindings import tbinding
from cybercase.tui.paste import typed_path
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.forms import FormModal, label
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable
from cybercase.vault import Vault

# --- save an original -------------------------------------------------------------------------


@dataclass
class SaveRequest:
    item_id: int
    path: Path


def suggested_name(item: Item) -> str:
    """The original's own file name, without any folder part it may carry."""
    name = Path(item.original_name.replace("\\", "/")).name.strip()
    return name if name not in ("", ".", "..") else f"evidence-{item.id}{item.extension}"


class SaveOriginalModal(FormModal[SaveRequest]):
    """Where to write the original: a new file in an existing folder (nothing is
    overwritten)."""
    WRITES = False  # it asks what to do; the work runs after it

    DIALOG_ID = "save-original"
    SUBMIT_KEY = "save.submit"
    FIRST_FOCUS = "#path"

    def __init__(self, item: Item, folder: Path | None = None) -> None:
        super().__init__()
        self.item = item
        self.folder = folder or Path.home()

    def form_title(self) -> str:
        return t("save.title", id=self.item.id, name=self.item.original_name)

    def on_mount(self) -> None:
        self.query_one(".dialog").styles.width = 90  # (the app's .dialog rule wins)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("save.hint")), classes="hint")
        yield label("save.field.path")
        yield Input(str(self.folder / suggested_name(self.item)), id="path", max_length=4096)

    def submit(self) -> SaveRequest:
        typed = typed_path(self.text("#path"))
        if not typed:
            raise UsageError(t("save.no_path"))
        path = Path(typed).expanduser()
        if not path.parent.is_dir():
            raise UsageError(t("save.no_dir", path=str(path.parent)))
        if path.exists() or path.is_symlink():
            raise UsageError(t("save.exists", path=str(path)))
        return SaveRequest(self.item.id, path)


async def save_original(vault: Vault, request: SaveRequest) -> Item:
    """The core's extract, off the interface's thread (a large video takes a moment)."""
    return await asyncio.to_thread(extract, vault, request.item_id, request.path)


# --- the minor reports ------------------------------------------------------------------------


def report_row(report: dict[str, Any]) -> Row:
    return Row(report["id"], (
        Text(str(report["id"])),
        Text(shown_moment(report["recorded_at"])),
        Text(report["platform"] or ""),
        Text((report["description"] or "").replace("\n", " ")),
    ))


def report_detail(report: dict[str, Any]) -> Text:
    text = Text()

    def line(key: str, value: object) -> None:
        if value in (None, "", []):
            return
        text.append(t(key) + ": ", style="bold")
        text.append(", ".join(value) if isinstance(value, list) else str(value))
        text.append("\n")

    line("minor.field.where", report["where"])
    line("minor.field.when", report["when"])
    line("minor.field.platform", report["platform"])
    line("minor.field.url", report["url"])
    line("minor.field.accounts", report["accounts"])
    line("minor.field.description", report["description"])
    line("minor.list.recorded", t("evidence.meta.by", when=shown_moment(
        report["recorded_at"]), who=report["recorded_by"]))
    return text


class MinorReportsModal(VaultModal[None]):
    """The descriptions recorded for sexual images of a minor (``evidence reports``)."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    MinorReportsModal #minor-reports-table { height: auto; max-height: 10; }
    MinorReportsModal #minor-report-detail { height: auto; margin: 1 0 0 0; }
    """

    def __init__(self, ref: str, reports: list[dict[str, Any]]) -> None:
        super().__init__()
        self.ref = ref
        self.reports = {r["id"]: r for r in reports}
        self._list = reports

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="minor-reports"):
            yield Label(t("minor.list.title", ref=self.ref), classes="form-title",
                        markup=False)
            yield Static(Text(t("minor.list.hint")), classes="hint")
            yield VirtualTable([
                Column("id", "#", 4, "right"),
                Column("recorded", t("minor.list.col.recorded"), 16),
                Column("platform", t("minor.field.platform"), 14),
                Column("description", t("minor.field.description")),
            ], id="minor-reports-table", empty_text=t("minor.list.empty"), zebra=False)
            yield Static("", id="minor-report-detail")
            with Horizontal(classes="buttons"):
                yield Button(t("help.close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one(".dialog").styles.width = 100  # (the app's .dialog rule wins)
        table = self.query_one(VirtualTable)
        table.set_source(ListSource(self._list, report_row))
        table.styles.height = min(max(len(self._list), 1), 8) + 1
        self._detail(table.cursor_key)
        table.focus()

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self._detail(event.key)

    def _detail(self, key: object) -> None:
        report = self.reports.get(key)
        self.query_one("#minor-report-detail", Static).update(
            report_detail(report) if report is not None else "")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
