"""Administration: a backup of the vault to a ZIP file, in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import (
    Button,
    Input,
    Label,
    LoadingIndicator,
    Static,
)

from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import t
from cybercase.core.timeutil import local_today
from cybercase.tui.admin.section import BusySection
from cybercase.tui.paste import typed_path
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault.backup import backup


def backup_name() -> str:
    return f"cybercase-backup-{local_today().isoformat()}.zip"


def backup_target(typed: str) -> Path:
    """The file the user means: a folder gets the default name; must be absolute."""
    typed = typed_path(typed)
    if not typed:
        raise UsageError(t("admin.backup.no_path"))
    out = Path(typed).expanduser()
    if not out.is_absolute():
        raise UsageError(t("admin.backup.absolute"))
    if out.is_dir():
        out = out / backup_name()
    return out


@dataclass
class BackupDone:
    path: Path
    info: dict[str, str]


class BackupSection(BusySection):
    GROUP = "admin-backup"
    done: BackupDone | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.backup.hint")), classes="hint")
        yield Label(t("admin.backup.field.out"))
        yield Input(str(Path.home() / backup_name()), id="backup-out")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.backup.run"), variant="primary", id="run-backup")
        yield LoadingIndicator(id="busy")
        yield Static("", id="backup-result", classes="verdict")
        yield ErrorLine(id="problem")
        yield Static(Text(t("admin.backup.restore_hint")), classes="restore-hint")

    def focus_main(self) -> None:
        self.query_one("#backup-out", Input).focus()

    @on(Input.Submitted, "#backup-out")
    @on(Button.Pressed, "#run-backup")
    def action_backup(self) -> None:
        if self.busy:
            return
        self.query_one("#backup-result", Static).update("")
        try:
            out = backup_target(self.query_one("#backup-out", Input).value)
        except CybercaseError as exc:
            self.problem().show(exc.message)
            return
        if self.start():
            self.query_one("#backup-result", Static).update(Text(t("admin.backup.running")))
            self._backup(out)

    @work(thread=True, exclusive=True, group="admin-backup", exit_on_error=False)
    def _backup(self, out: Path) -> BackupDone:
        # the core checks the target (exists, folder missing) before it writes anything
        return BackupDone(out, backup(self.vault, out, force=False))

    def finished(self, result: Any) -> None:
        assert isinstance(result, BackupDone)
        self.done = result
        self.query_one("#backup-out", Input).value = str(result.path)
        self.query_one("#backup-result", Static).update(Text(t(
            "admin.backup.done", path=str(result.path), db=result.info["db_sha256"],
            keys=result.info["keys_sha256"]), style="green"))
        self.query_one("#backup-out", Input).focus()

    def failed(self) -> None:
        self.query_one("#backup-result", Static).update("")
        self.query_one("#backup-out", Input).focus()
