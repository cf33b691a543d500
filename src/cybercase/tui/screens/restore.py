"""Restore a backup into the app's vault folder (before unlocking: on the screen for a
new vault). The core refuses to overwrite a vault or a folder with files in it and checks
the backup's SHA-256s; the dialog asks for a typed word first, then unpacks in a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.tui.admin.dialogs import WorkModal, label
from cybercase.tui.paste import typed_path
from cybercase.vault.backup import restore


class RestoreModal(WorkModal[dict[str, str]]):
    """The result is what the backup's BACKUP.json records (created_at, created_by, ...)."""

    TITLE_KEY = "restore.title"
    SUBMIT_KEY = "restore.submit"
    DIALOG_ID = "restore"

    def __init__(self, vault_dir: Path) -> None:
        super().__init__()
        self.vault_dir = vault_dir

    def fields(self) -> ComposeResult:
        yield Static(Text(t("restore.hint", path=str(self.vault_dir))), classes="hint")
        yield label("restore.field.source")
        yield Input(id="source", placeholder=t("restore.source_placeholder"))
        yield label("admin.confirm.type", word=t("restore.word"))
        yield Input(id="confirm")

    def prepare(self) -> Callable[[], dict[str, str]]:
        typed = typed_path(self.text("#source"))
        if not typed:
            raise UsageError(t("restore.no_source"))
        source = Path(typed).expanduser()
        if not source.is_absolute():
            raise UsageError(t("admin.backup.absolute"))
        word = t("restore.word")
        if self.text("#confirm").strip() != word:
            raise UsageError(t("admin.confirm.mismatch", word=word))
        target = self.vault_dir
        return lambda: restore(source, target)
