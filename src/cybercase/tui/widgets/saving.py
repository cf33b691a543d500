"""Dialogs that save without ever blocking the app on the vault.

A save runs at once only when the vault's write lock is free (it then takes a few
milliseconds, all of its transactions under the one lock). When another writer has the
vault (an ingest or an export in a worker, another program), the save goes to a thread
worker that waits for the lock at most ``CYBERCASE_LOCK_WAIT`` seconds, while the app
handles keys; if the vault stays taken, the dialog says so in one line ("the vault is busy
... try again in a moment"), nothing is saved and what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from textual import on
from textual.worker import Worker, WorkerState

from cybercase.core.errors import CybercaseError, VaultBusy
from cybercase.core.i18n import t
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault.versions import EditConflict

T = TypeVar("T")

SAVE_GROUP = "form-save"


def busy(error: CybercaseError) -> bool:
    """Another writer has the vault (not: a colleague changed the record meanwhile)."""
    return isinstance(error, VaultBusy) and not isinstance(error, EditConflict)


class SavingModal(VaultModal[T]):
    """A dialog whose save (:meth:`save`) never blocks the app; the result closes it
    (:meth:`saved`), a refusal shows on its ``#error`` line (:meth:`save_failed`)."""

    saving = False  # a save waits for the vault in a worker

    def save(self, work: Callable[[], Any], *, writes: bool = True) -> None:
        """Run ``work``; it may run in a thread worker, so it changes no widget (reading the
        fields is fine: the dialog waits meanwhile)."""
        if self.saving:
            return
        try:
            result = self._locked(work, 0, writes)
        except CybercaseError as exc:
            if writes and busy(exc):
                self._save_in_worker(work)
            else:
                self.save_failed(exc.message)
            return
        self.saved(result)

    def _locked(self, work: Callable[[], Any], wait: float | None, writes: bool) -> Any:
        if not writes:
            return work()
        with self.vault.holding_lock(wait):
            return work()

    def _save_in_worker(self, work: Callable[[], Any]) -> None:
        self.saving = True
        self.save_failed(t("form.waiting"))
        self.run_worker(partial(self._locked, work, None, True), thread=True, exclusive=True,
                        group=SAVE_GROUP, exit_on_error=False)

    @on(Worker.StateChanged)
    def _saved_in_worker(self, event: Worker.StateChanged) -> None:
        if event.worker.group != SAVE_GROUP or event.state not in (
                WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        self.saving = False
        error = event.worker.error
        if event.state == WorkerState.SUCCESS:
            self.save_failed("")
            self.saved(event.worker.result)
        elif isinstance(error, CybercaseError):
            self.save_failed(t("form.vault_busy") if busy(error) else error.message)
        elif error is not None:
            self.save_failed("")
            self.cyber.show_error(error)

    def saved(self, result: Any) -> None:
        self.dismiss(result)

    def save_failed(self, message: str) -> None:
        self.query_one("#error", ErrorLine).show(message)
