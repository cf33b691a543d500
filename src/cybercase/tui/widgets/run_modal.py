"""A dialog that runs one piece of long core work in a worker thread: a spinner (the core
reports no steps), then what came of it, or the core's one line. It cannot be closed while
the work runs (a purge or an export is not interrupted halfway)."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, LoadingIndicator, Static
from textual.worker import Worker, WorkerState

from cybercase.core.i18n import t
from cybercase.tui.bindings import tbinding
from cybercase.tui.errors import describe, expected_error
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine

R = TypeVar("R")


class RunModal(VaultModal[R | None], Generic[R]):
    """Subclasses give ``PREFIX`` (widget ids ``#<prefix>-heading/-busy/-status``), the
    title keys, :meth:`heading`, :meth:`work` (runs in the thread) and :meth:`done`."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    RunModal .run-busy { height: 3; }
    RunModal .run-status { height: auto; }
    """
    PREFIX = "run"
    DONE_TITLE = ""  # message keys
    FAILED_TITLE = ""

    def __init__(self) -> None:
        super().__init__()
        self.result: R | None = None

    def heading(self) -> str:
        raise NotImplementedError

    def work(self) -> R:
        raise NotImplementedError

    def done(self, result: R) -> Text:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id=f"{self.PREFIX}-run"):
            yield Label(self.heading(), classes="form-title", id=f"{self.PREFIX}-heading",
                        markup=False)
            yield LoadingIndicator(id=f"{self.PREFIX}-busy", classes="run-busy")
            yield Static("", id=f"{self.PREFIX}-status", classes="run-status")
            yield ErrorLine(id="error")
            with Horizontal(classes="buttons"):
                yield Button(t("help.close"), variant="primary", id="close", disabled=True)

    def on_mount(self) -> None:
        self.run_worker(self.work, thread=True, exclusive=True, group=self.PREFIX,
                        exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != self.PREFIX or not self.is_attached:
            return
        heading = self.query_one(f"#{self.PREFIX}-heading", Label)
        if event.state == WorkerState.SUCCESS:
            result: Any = event.worker.result  # what self.work returned
            self.result = result
            heading.update(t(self.DONE_TITLE))
            self.query_one(f"#{self.PREFIX}-status", Static).update(self.done(result))
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            if expected_error(error) is None:
                self.cyber.show_error(error)
            heading.update(t(self.FAILED_TITLE))
            self.query_one(ErrorLine).show(describe(error))
        else:
            return
        self.query_one(f"#{self.PREFIX}-busy").display = False
        close = self.query_one("#close", Button)
        close.disabled = False
        close.focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        if self.query_one("#close", Button).disabled:
            return  # still working: it cannot be interrupted halfway
        self.dismiss(self.result)


__all__ = ["RunModal"]
