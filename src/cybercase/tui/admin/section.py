"""What every section of the administration screen shares: loading on first showing,
problems in place, and (BusySection) one piece of core work at a time with a spinner.
"""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.worker import Worker, WorkerState

from cybercase.tui.errors import describe, expected_error
from cybercase.tui.widgets.base import AppAccess
from cybercase.tui.widgets.error_line import ErrorLine


class AdminSection(AppAccess, Vertical):
    """One tab: loads when first shown (and again on refresh); problems in place."""

    DEFAULT_CSS = """
    AdminSection { height: 1fr; padding: 0 1; }
    AdminSection > .hint { margin: 1 0 0 0; }
    AdminSection .buttons { height: auto; margin: 1 0 0 0; }
    AdminSection .buttons Button { margin: 0 1 0 0; }
    AdminSection #busy { height: 3; }
    AdminSection .detail { height: auto; max-height: 6; margin: 1 0 0 0; }
    AdminSection .verdict { height: auto; margin: 1 0 0 0; }
    AdminSection .restore-hint { color: $text-muted; height: auto; margin: 2 0 0 0; }
    AdminSection .filters { height: auto; margin: 1 0 0 0; }
    AdminSection .filters Label { margin: 1 1 0 0; }
    AdminSection .filters Input { width: 20; }
    AdminSection .filters Button { margin: 0 0 0 1; min-width: 8; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.loaded = False

    def activate(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.reload()
        self.focus_main()

    def reload(self) -> None:
        """Read from the vault and fill the widgets (default: nothing to read)."""

    def focus_main(self) -> None:
        """Put the focus on the section's main widget so its keys show in the footer."""

    def problem(self) -> ErrorLine:
        return self.query_one("#problem", ErrorLine)

    def show_failure(self, error: BaseException) -> None:
        """The core's one line in place (a bug also goes to the app's one place)."""
        if expected_error(error) is None:
            self.cyber.show_error(error)
        self.problem().show(describe(error))

class BusySection(AdminSection):
    """A section that runs one piece of core work at a time, with a spinner."""

    GROUP = ""

    def on_mount(self) -> None:
        self.query_one("#busy").display = False

    @property
    def busy(self) -> bool:
        return bool(self.query_one("#busy").display)

    def set_busy(self, busy: bool) -> None:
        self.query_one("#busy").display = busy
        for widget in self.query("Button, Input"):
            widget.disabled = busy

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != self.GROUP or not self.is_attached:
            return
        if event.state == WorkerState.SUCCESS:
            self.set_busy(False)
            self.finished(event.worker.result)
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            self.set_busy(False)
            self.show_failure(event.worker.error)
            self.failed()

    def start(self) -> bool:
        """Before starting the work: False while it already runs."""
        if self.busy:
            return False
        self.problem().clear()
        self.set_busy(True)
        return True

    def finished(self, result: Any) -> None:
        raise NotImplementedError

    def failed(self) -> None:
        """After the core refused (the one line is already in place)."""
