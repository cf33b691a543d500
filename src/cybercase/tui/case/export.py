"""Export the police evidence bundle from the app: where to save it (and optionally a
passphrase), then the export in a thread worker with progress, then its path and SHA-256."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from cybercase.cases.cases import Case
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, t
from cybercase.core.safefile import check_target
from cybercase.core.timeutil import local_today
from cybercase.evidence import list_items
from cybercase.export.bundle import ExportResult, export_case
from cybercase.tui.bindings import tbinding
from cybercase.tui.errors import describe, expected_error
from cybercase.tui.paste import typed_path
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.forms import FormModal, label
from cybercase.vault.keyslots import check_passphrase


@dataclass
class ExportRequest:
    out: Path
    passphrase: str | None


def default_path(case: Case, folder: Path | None = None) -> Path:
    return (folder or Path.home()) / f"cybercase-{case.ref}-{local_today().isoformat()}.zip"


class ExportModal(FormModal[ExportRequest]):
    WRITES = False  # it asks what to do; the work runs after it
    TITLE_KEY = "export.title"
    SUBMIT_KEY = "export.submit"
    DIALOG_ID = "export"
    FIRST_FOCUS = "#out"

    def __init__(self, case: Case, folder: Path | None = None) -> None:
        super().__init__()
        self.case = case
        self.folder = folder

    def form_title(self) -> str:
        return t("export.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("export.hint")), classes="hint")
        yield label("export.field.out")
        yield Input(str(default_path(self.case, self.folder)), id="out")
        yield label("export.field.passphrase")
        yield Input(password=True, id="passphrase")
        yield label("export.field.passphrase2")
        yield Input(password=True, id="passphrase2")

    def submit(self) -> ExportRequest:
        typed = typed_path(self.text("#out"))
        if not typed:
            raise UsageError(t("export.no_path"))
        out = Path(typed).expanduser()
        if not out.is_absolute():
            raise UsageError(t("export.absolute"))
        check_target(out, force=False)  # the core's checks, before anything is logged
        passphrase = self.text("#passphrase")
        if passphrase or self.text("#passphrase2"):
            if passphrase != self.text("#passphrase2"):
                raise UsageError(t("create.mismatch"))
            check_passphrase(passphrase)
        return ExportRequest(out, passphrase or None)


class ExportRunModal(VaultModal[ExportResult | None]):
    """Runs the export; shows progress, then the result (or the core's one line)."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]

    def __init__(self, case: Case, request: ExportRequest) -> None:
        super().__init__()
        self.case = case
        self.request = request
        self.result: ExportResult | None = None
        self.total = 1

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-run"):
            yield Label(t("export.running", ref=self.case.ref), classes="form-title",
                        id="export-heading", markup=False)
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static("", id="export-status")
            yield ErrorLine(id="error")
            with Horizontal(classes="buttons"):
                yield Button(t("help.close"), variant="primary", id="close", disabled=True)

    def on_mount(self) -> None:
        self._export()

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self) -> ExportResult:
        items = list_items(self.vault, self.case.ref, include_withdrawn=False)
        self.total = max(1, sum(i.size for i in items))
        self.app.call_from_thread(self._progress, 0, 0)
        with self.vault.sibling() as vault:  # the app reads on its own connection meanwhile
            return export_case(vault, self.case.ref, self.request.out,
                               encrypt_passphrase=self.request.passphrase,
                               progress=lambda files, done: self.app.call_from_thread(
                                   self._progress, files, done))

    def _progress(self, files: int, done: int) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=self.total, progress=done)
        self.query_one("#export-status", Static).update(Text(t("export.progress", n=files)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "export" or not self.is_attached:
            return
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            assert isinstance(result, ExportResult)
            self.result = result
            bar = self.query_one("#export-progress", ProgressBar)
            bar.update(total=self.total, progress=self.total)
            self.query_one("#export-heading", Label).update(t("export.done_title"))
            self.query_one("#export-status", Static).update(Text(t(
                "export.done", path=str(result.path), sha=result.sha256,
                items=msg("count.items", n=len(result.items)), left_out=len(result.left_out),
                fingerprint=result.fingerprint, handover=str(result.handover),
            ) + ("\n" + t("export.encrypted") if result.encrypted else "")))
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            if expected_error(error) is None:
                self.cyber.show_error(error)
            self.query_one("#export-heading", Label).update(t("export.failed_title"))
            self.query_one(ErrorLine).show(describe(error))
        else:
            return
        close = self.query_one("#close", Button)
        close.disabled = False
        close.focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        if self.query_one("#close", Button).disabled:
            return  # the export is still running: it cannot be interrupted halfway
        self.dismiss(self.result)
