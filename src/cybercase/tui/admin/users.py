"""Administration: the users of the vault (add, remove, new passphrase)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import (
    Button,
    Static,
)

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import t
from cybercase.tui.admin.dialogs import (
    AddUserModal,
    PassphraseModal,
    RemoveUserModal,
)
from cybercase.tui.admin.section import AdminSection
from cybercase.tui.bindings import tbinding
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import (
    Column,
    ListSource,
    Row,
    VirtualTable,
)


def user_row(user: dict[str, Any]) -> Row:
    return Row(user["name"], (
        Text(user["name"]), Text(t(f"admin.role.{user['role']}")),
        Text(shown_moment(user["created_at"])), Text(user["created_by"] or ""),
    ))


class UsersSection(AdminSection):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add_user", "key.add_user"),
        tbinding("delete", "remove_user", "key.remove_user", show=False),
        tbinding("p", "passwd", "key.passwd"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.users: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.users.hint")), classes="hint")
        yield VirtualTable([
            Column("name", t("admin.users.col.name")),
            Column("role", t("admin.users.col.role"), 24),
            Column("added", t("admin.users.col.added"), 32),
            Column("by", t("admin.users.col.by"), 16),
        ], id="users-table", empty_text=t("pane.loading"))
        yield Static("", id="users-warning", classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("key.add_user"), id="add-user")
            yield Button(t("key.remove_user"), id="remove-user")
            yield Button(t("key.passwd"), id="passwd")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def reload(self) -> None:
        table = self.query_one(VirtualTable)
        try:
            users = self.vault.list_users()
        except CybercaseError as exc:
            self.problem().show(exc.message)
            return
        self.users = users
        table.set_source(ListSource(users, user_row), cursor=table.cursor_row)
        weak = [u["name"] for u in users if u["weak_kdf"]]
        self.query_one("#users-warning", Static).update(
            Text(t("admin.users.weak", names=", ".join(weak))) if weak else "")

    def selected(self) -> str | None:
        key = self.query_one(VirtualTable).cursor_key
        return key if isinstance(key, str) else None

    def _done(self, notice_key: str) -> Any:
        def closed(name: str | None) -> None:
            if name is None:
                return
            self.problem().clear()
            self.reload()
            self.query_one(VirtualTable).move_to_key(name)
            self.notify(t(notice_key, name=name), markup=False)

        return closed

    @on(Button.Pressed, "#add-user")
    def action_add_user(self) -> None:
        self.app.push_screen(AddUserModal(), self._done("admin.users.added"))

    @on(Button.Pressed, "#remove-user")
    def action_remove_user(self) -> None:
        name = self.selected()
        if name is None:
            return
        self.app.push_screen(RemoveUserModal(name), self._done("admin.users.removed"))

    @on(Button.Pressed, "#passwd")
    def action_passwd(self) -> None:
        users = [u["name"] for u in self.users]
        self.app.push_screen(PassphraseModal(users, self.vault.user),
                             self._done("admin.users.passwd_done"))
