"""The results of an ingest: one line per file, by file name (the folder in the detail),
stored, duplicate, flagged or error, with the reason."""

from __future__ import annotations

import ntpath
import posixpath
from collections import Counter
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from cybercase.core.i18n import localize, t
from cybercase.evidence import FileResult
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def file_name(path: str) -> str:
    """The file's name of a shown path ("/tmp/.../DSC_0042.jpg" -> "DSC_0042.jpg"), for
    POSIX and Windows forms alike; the whole text when it has no separator."""
    name = ntpath.basename(path) if "\\" in path else posixpath.basename(path)
    return name or path


STATUS_STYLE = {"stored": "green", "duplicate": "yellow", "flagged": "bold yellow",
                "error": "bold red"}


def result_row(result: FileResult) -> Row:
    notes = [*result.flags]
    if result.reason and result.reason not in notes:
        notes.insert(0, result.reason)
    if result.near_duplicates:
        near = ", ".join(f"{n['id']} ({n['case']})" for n in result.near_duplicates)
        notes.append(t("ingest.looks_like", items=near, n=len(result.near_duplicates)))
    return Row(result.path, (
        Text(t(f"ingest.status.{result.status}"), style=STATUS_STYLE.get(result.status, "")),
        Text("" if result.id is None else str(result.id)),
        Text(file_name(result.path)),
        Text("; ".join(localize(note) for note in notes)),
    ))


class IngestResultsModal(VaultModal[None]):
    """One line per file: stored, duplicate, flagged or error, with the reason."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    IngestResultsModal .dialog { width: 96%; max-width: 150; height: 80%; }
    IngestResultsModal #results { height: 1fr; }
    IngestResultsModal #result-detail { height: auto; max-height: 6; margin: 1 0 0 0; }
    """

    def __init__(self, results: list[FileResult]) -> None:
        super().__init__()
        self.results = results

    def summary(self) -> str:
        counts = Counter(r.status for r in self.results)
        parts = [t(f"ingest.count.{s}", n=counts[s])
                 for s in ("stored", "flagged", "duplicate", "error") if counts[s]]
        return t("ingest.summary", n=len(self.results), parts=", ".join(parts) or "—")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ingest-results"):
            yield Label(t("ingest.results.title"), classes="form-title")
            yield Static(Text(self.summary()), id="results-summary")
            yield VirtualTable([
                Column("status", t("ingest.col.status"), 12),
                Column("id", "#", 6, "right"),
                Column("path", t("ingest.col.path")),
                Column("note", t("ingest.col.note")),
            ], ListSource(self.results, result_row), id="results")
            yield Static("", id="result-detail")
            with Horizontal(classes="buttons"):
                yield Button(t("help.close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#results").focus()
        self._detail(0)

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self._detail(event.index)

    def _detail(self, index: int) -> None:
        """The whole path and every reason of the highlighted file, wrapped."""
        if not 0 <= index < len(self.results):
            return
        row = result_row(self.results[index])
        text = Text.assemble(row.cells[0], " ", Text(self.results[index].path))
        if row.cells[3]:
            text.append("\n")
            text.append_text(row.cells[3])
        self.query_one("#result-detail", Static).update(text)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
