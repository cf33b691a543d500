"""The administration screen's protocol section: the protocols stored in the vault, and a
school's own protocol file checked, taken into use for new cases, or started from the
default (what ``cybercase protocol check/use/template`` do)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import t
from cybercase.protocol import model, store
from cybercase.tui.admin.section import AdminSection
from cybercase.tui.paste import typed_path
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def protocol_row(stored: dict[str, Any], current_sha256: str) -> Row:
    return Row(stored["row"], (
        Text("●" if stored["sha256"] == current_sha256 else ""),
        Text(stored["id"]), Text(str(stored["version"])),
        Text(shown_moment(stored["added_at"])), Text(stored["added_by"] or ""),
        Text(stored["sha256"][:16]),
    ))


class ProtocolSection(AdminSection):
    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.protocol.hint")), classes="hint")
        yield VirtualTable([
            Column("current", t("admin.protocol.col.current"), 6),
            Column("id", t("admin.protocol.col.id"), 18),
            Column("version", t("admin.protocol.col.version"), 10),
            Column("added", t("admin.protocol.col.added"), 33),
            Column("by", t("admin.protocol.col.by"), 12),
            Column("sha", "SHA-256"),
        ], id="protocol-table", zebra=False)
        yield Label(t("admin.protocol.field.path"))
        yield Input(id="protocol-path", placeholder=t("admin.protocol.path_placeholder"))
        with Horizontal(classes="buttons"):
            yield Button(t("admin.protocol.check"), variant="primary", id="check-protocol")
            yield Button(t("admin.protocol.use"), id="use-protocol")
            yield Button(t("admin.protocol.template"), id="write-template")
        yield Static("", id="protocol-verdict", classes="verdict")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one("#protocol-path", Input).focus()

    def reload(self) -> None:
        try:
            stored = store.list_stored(self.vault)
            # the one new cases get (the built-in default until a file is taken into use)
            now = store.current(self.vault).sha256
        except CybercaseError as exc:
            self.show_failure(exc)
            return
        self.query_one(VirtualTable).set_source(
            ListSource(stored, lambda row: protocol_row(row, now)))

    def _path(self) -> Path:
        typed = typed_path(self.query_one("#protocol-path", Input).value)
        if not typed:
            raise UsageError(t("admin.protocol.no_path"))
        path = Path(typed).expanduser()
        if not path.is_absolute():
            raise UsageError(t("admin.backup.absolute"))
        return path

    def _verdict(self, text: str) -> None:
        self.problem().clear()
        self.query_one("#protocol-verdict", Static).update(Text(text, style="green"))

    def _failed(self, error: BaseException) -> None:
        self.query_one("#protocol-verdict", Static).update("")
        self.show_failure(error)

    @on(Input.Submitted, "#protocol-path")
    @on(Button.Pressed, "#check-protocol")
    def action_check(self) -> None:
        try:
            found = model.read_file(self._path())
        except CybercaseError as exc:
            self._failed(exc)
            return
        self._verdict(t("admin.protocol.valid", id=found.id, version=found.version,
                        sha256=found.sha256))

    @on(Button.Pressed, "#use-protocol")
    def action_use(self) -> None:
        try:
            found = store.use_file(self.vault, self._path())
        except CybercaseError as exc:
            self._failed(exc)
            return
        self.reload()
        self._verdict(t("admin.protocol.used", id=found.id, version=found.version,
                        sha256=found.sha256))

    @on(Button.Pressed, "#write-template")
    def action_template(self) -> None:
        try:
            path = self._path()
            with path.open("x", encoding="utf-8") as out:  # never over an existing file
                out.write(model.default_text())
        except CybercaseError as exc:
            self._failed(exc)
            return
        except FileExistsError:
            self._failed(UsageError(t("admin.protocol.exists")))
            return
        except OSError as exc:
            self._failed(UsageError(f"{exc.strerror}: {path}"))
            return
        self._verdict(t("admin.protocol.written"))



__all__ = ["ProtocolSection"]
