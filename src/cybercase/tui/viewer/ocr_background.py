"""The app reads text from images in the background: the OCR queue worked by a Textual
thread worker on a connection of its own (``OcrRunner`` uses ``Vault.sibling()``), from
unlocking until locking or quitting; an ingest wakes it. When Tesseract is missing the
app says so once and everything else works. Progress is read from the job list (the
evidence tab shows "OCR: 3 of 12 done"), so it is right after a restart too.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from cybercase.core.i18n import t
from cybercase.core.roles import allowed
from cybercase.evidence.ocr import OcrRunner, OcrStatus, engine_info
from cybercase.vault import Vault


class OcrBackground:
    def __init__(self, app: App[Any], enabled: bool = True) -> None:
        self.app = app
        self.enabled = enabled
        self.runner: OcrRunner | None = None
        self.missing_said = False

    def start(self, vault: Vault) -> None:
        """Start working the queue (the role must be allowed to store OCR readings)."""
        if not self.enabled or self.runner is not None \
                or not allowed(vault.role, "evidence.write"):
            return
        if not engine_info().available:
            self.say_missing()
            return
        runner = OcrRunner(vault)
        self.runner = runner
        self.app.run_worker(runner.run, thread=True, group="ocr-runner", name="ocr",
                            exit_on_error=False)

    def say_missing(self) -> None:
        if not self.missing_said:
            self.missing_said = True
            self.app.notify(t("viewer.ocr_missing"), severity="warning", timeout=15,
                            markup=False)

    def wake(self) -> None:
        if self.runner is not None:
            self.runner.wake()

    def stop(self) -> None:
        """Stop after the job in hand (it is given back to the queue)."""
        runner, self.runner = self.runner, None
        if runner is not None:
            runner.stop()


def progress_line(status: OcrStatus) -> str:
    """``OCR: 3 of 12 done`` (with failures, or the engine missing); empty without jobs."""
    total = status.queued + status.running + status.done + status.failed
    if total == 0:
        return ""
    line = t("viewer.ocr_progress", done=status.done, total=total)
    if status.failed:
        line += " · " + t("viewer.ocr_failed", n=status.failed)
    if status.pending and not status.engine_available:
        line += " · " + t("viewer.ocr_missing")
    return line
