"""Vault administration (F3): users, verification, the audit log, backups, checking a
police bundle, the recovery key and rekeying. One tab per section.

Everything here calls the core (``Vault`` methods, ``verify_vault``, ``audit_log``,
``backup``, ``verify_bundle``); the core decides who may do what and says so in one line
(``PermissionDenied``), which shows in the section, in place. Work that can take long
(key derivation, re-hashing every evidence item, copying the vault) runs in a thread
worker with a spinner.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    LoadingIndicator,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import Worker, WorkerState

from cybercase.core.termsafe import safe
from cybercase.errors import CybercaseError, UsageError
from cybercase.export.bagit import Problem
from cybercase.export.bundlecheck import (
    BundleCheck,
    bundle_encrypted,
    check_bundle,
    normal_fingerprint,
)
from cybercase.i18n import CATALOGUES, localize, t
from cybercase.privacy.auditview import audit_log
from cybercase.timeutil import local_display, local_today
from cybercase.tui.admin.dialogs import (
    AddUserModal,
    ConfirmWorkModal,
    PassphraseModal,
    RemoveUserModal,
)
from cybercase.tui.bindings import tbinding
from cybercase.tui.errors import describe, expected_error
from cybercase.tui.screens.create_vault import RecoveryKeyModal
from cybercase.tui.widgets.base import AppAccess, VaultScreen
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import (
    Column,
    EmptySource,
    ListSource,
    Row,
    VirtualTable,
)
from cybercase.vault.audit import head, verify_chain
from cybercase.vault.backup import backup
from cybercase.verify import Report, verify_vault


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


# --- users ------------------------------------------------------------------------------


def user_row(user: dict[str, Any]) -> Row:
    return Row(user["name"], (
        Text(user["name"]), Text(t(f"admin.role.{user['role']}")),
        Text(local_display(user["created_at"])), Text(user["created_by"] or ""),
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


# --- verify -----------------------------------------------------------------------------


def checked_text(key: str, count: int) -> str:
    """One count of what ``verify`` looked at, in words (unknown kinds by their key)."""
    name = f"admin.verify.count.{key}"
    if name in CATALOGUES["en"]:
        return t(name, n=count)
    return f"{count} {key.replace('_', ' ')}"


def report_rows(report: Report) -> list[Row]:
    """A line per thing checked, then a line per problem (as ``cybercase verify``)."""
    rows = [Row(key, (Text(t("admin.verify.checked"), style="green"),
                      Text(checked_text(key, count))))
            for key, count in report.checked.items()]
    rows.extend(Row(None, (Text(t("admin.verify.problem"), style="bold red"),
                           Text(localize(problem))))
                for problem in report.problems)
    return rows


def verdict_text(report: Report) -> Text:
    if report.ok:
        return Text(t("admin.verify.ok"), style="bold green")
    return Text(t("admin.verify.failed", n=len(report.problems)), style="bold red")


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


class VerifySection(BusySection):
    BINDINGS: ClassVar[list[BindingType]] = [tbinding("v", "verify", "key.verify")]
    GROUP = "admin-verify"
    report: Report | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.verify.hint")), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.verify.run"), variant="primary", id="run-verify")
        yield LoadingIndicator(id="busy")
        yield Static("", id="verify-verdict", classes="verdict")
        yield VirtualTable([
            Column("result", t("admin.verify.col.result"), 14),
            Column("what", t("admin.verify.col.what")),
        ], id="verify-table", empty_text=t("admin.verify.none_yet"), zebra=False)
        yield Static("", id="verify-detail", classes="detail")
        yield ErrorLine(id="problem")

    @on(VirtualTable.Highlighted, "#verify-table")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        """The whole line of the highlighted row (long problems are cut in the table)."""
        row = self.query_one(VirtualTable).row(event.index)
        self.query_one("#verify-detail", Static).update(
            Text(row.cells[1].plain) if row is not None else "")

    def focus_main(self) -> None:
        table = self.query_one(VirtualTable)
        if table.row_count:
            table.focus()
        else:
            self.query_one("#run-verify", Button).focus()

    @on(Button.Pressed, "#run-verify")
    def action_verify(self) -> None:
        if not self.start():
            return
        self.query_one("#verify-verdict", Static).update(Text(t("admin.verify.running")))
        table = self.query_one(VirtualTable)
        table.set_source(EmptySource())
        self._verify()

    @work(thread=True, exclusive=True, group="admin-verify", exit_on_error=False)
    def _verify(self) -> Report:
        return verify_vault(self.vault)

    def finished(self, result: Any) -> None:
        assert isinstance(result, Report)
        self.report = result
        self.query_one("#verify-verdict", Static).update(verdict_text(result))
        table = self.query_one(VirtualTable)
        rows = report_rows(result)
        # the first problem first: it is what the coordinator needs to read
        first = len(result.checked) if result.problems else 0
        table.set_source(ListSource(rows, lambda row: row), cursor=first)
        table.focus()

    def failed(self) -> None:
        self.query_one("#verify-verdict", Static).update("")


# --- audit log --------------------------------------------------------------------------


@dataclass
class AuditView:
    rows: list[dict[str, Any]]  # newest first
    chain_problems: list[str] | None  # None: not checked this time
    total: int


def audit_row(entry: dict[str, Any]) -> Row:
    return Row(entry, (Text(str(entry["seq"])), Text(entry["local_time"]), Text(entry["user"]),
                       Text(entry["action"]), Text(entry["object"]), Text(entry["case"] or "")))


def audit_details(entry: dict[str, Any]) -> Text:
    line = Text(f"#{entry['seq']} {entry['action']} {entry['object']}: ", style="bold")
    if entry["details_erased"]:
        line.append(t("audit.erased"), style="")
    elif entry["details"] is None:
        line.append(t("admin.audit.details_hidden"), style="")
    else:
        line.append(", ".join(f"{k}={v}" for k, v in sorted(entry["details"].items())
                              if v not in (None, "", [], {})), style="")
    return line


def chain_text(problems: list[str], total: int) -> Text:
    if not problems:
        return Text(t("admin.audit.chain_ok", n=total), style="green")
    return Text(t("admin.audit.chain_broken", problem=localize(problems[0]), n=len(problems)),
                style="bold red")


class AuditSection(BusySection):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("f", "filter", "key.filter"),
        tbinding("r", "refresh", "key.refresh"),
    ]
    GROUP = "admin-audit"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Label(t("admin.audit.case"))
            yield Input(id="audit-case", placeholder=t("admin.audit.case_placeholder"))
            yield Label(t("admin.audit.user"))
            yield Input(id="audit-user", placeholder=t("admin.audit.user_placeholder"))
            yield Button(t("admin.audit.apply"), id="audit-apply")
            yield Button(t("admin.audit.clear"), id="audit-clear")
        yield LoadingIndicator(id="busy")
        yield Static("", id="audit-chain", classes="verdict")
        yield Static("", id="audit-count", classes="hint")
        yield VirtualTable([
            Column("seq", "#", 6, "right"),
            Column("ts", t("audit.col.when"), 32),
            Column("actor", t("audit.col.who"), 10),
            Column("action", t("audit.col.action"), 17),
            Column("object", t("audit.col.object")),
            Column("case", t("admin.audit.col.case"), 8),
        ], id="audit-log", empty_text=t("pane.loading"))
        yield Static("", id="audit-detail", classes="detail")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def reload(self) -> None:
        self.load(check_chain=True)

    def load(self, check_chain: bool) -> None:
        if not self.start():
            return
        ref = self.query_one("#audit-case", Input).value.strip() or None
        user = self.query_one("#audit-user", Input).value.strip() or None
        self._fetch(ref, user, check_chain)

    @work(thread=True, exclusive=True, group="admin-audit", exit_on_error=False)
    def _fetch(self, ref: str | None, user: str | None, check_chain: bool) -> AuditView:
        vault = self.vault
        rows = audit_log(vault, ref, user)  # the core decides who may read it
        rows.reverse()
        chain = list(verify_chain(vault.conn)) if check_chain else None
        return AuditView(rows, chain, head(vault.conn)[0])

    def finished(self, result: Any) -> None:
        assert isinstance(result, AuditView)
        if result.chain_problems is not None:
            self.query_one("#audit-chain", Static).update(
                chain_text(result.chain_problems, result.total))
        filtered = bool(self.query_one("#audit-case", Input).value.strip()
                        or self.query_one("#audit-user", Input).value.strip())
        self.query_one("#audit-count", Static).update(Text(t(
            "admin.audit.count_filtered" if filtered else "admin.audit.count",
            n=len(result.rows), total=result.total)))
        table = self.query_one(VirtualTable)
        table.empty_text = t("admin.audit.none")
        table.set_source(ListSource(result.rows, audit_row), cursor=0)
        self.query_one("#audit-detail", Static).update(
            audit_details(result.rows[0]) if result.rows else "")

    def failed(self) -> None:
        table = self.query_one(VirtualTable)
        table.empty_text = ""
        table.set_source(EmptySource())
        self.query_one("#audit-count", Static).update("")
        self.query_one("#audit-detail", Static).update("")

    @on(VirtualTable.Highlighted, "#audit-log")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        if isinstance(event.key, dict):
            self.query_one("#audit-detail", Static).update(audit_details(event.key))

    @on(Input.Submitted, "#audit-case, #audit-user")
    @on(Button.Pressed, "#audit-apply")
    def _apply(self) -> None:
        self.load(check_chain=False)
        self.query_one(VirtualTable).focus()

    @on(Button.Pressed, "#audit-clear")
    def _clear(self) -> None:
        self.query_one("#audit-case", Input).value = ""
        self.query_one("#audit-user", Input).value = ""
        self._apply()

    def action_filter(self) -> None:
        self.query_one("#audit-case", Input).focus()

    def action_refresh(self) -> None:
        self.load(check_chain=True)


# --- backup -----------------------------------------------------------------------------


def backup_name() -> str:
    return f"cybercase-backup-{local_today().isoformat()}.zip"


def backup_target(typed: str) -> Path:
    """The file the user means: a folder gets the default name; must be absolute."""
    typed = typed.strip()
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


# --- police bundle check ----------------------------------------------------------------

# what check_bundle checks (shown as passed when it found no problem); "key" only when
# an expected fingerprint was given
BUNDLE_CHECKS = ("format", "complete", "hashes", "lists", "signature", "key")


def bundle_rows(check: BundleCheck) -> list[Row]:
    if not check.problems:
        return [Row(name, (Text(t("admin.bundle.passed"), style="green"), Text(""),
                           Text(t(f"admin.bundle.check.{name}"))))
                for name in BUNDLE_CHECKS if name != "key" or check.key_matches]
    return [Row(p, (Text(p.kind.upper(), style="bold red"), Text(safe(p.path)),
                    Text(safe(localize(p.message)))))
            for p in check.problems]


def bundle_verdict(check: BundleCheck) -> Text:
    """The verdict, and the two values computed here (never read from the bundle)."""
    computed = t("admin.bundle.computed", sha=check.sha256,
                 fingerprint=check.fingerprint or "-")
    if check.problems:
        text = Text(t("admin.bundle.failed", n=len(check.problems)), style="bold red")
        text.append("\n" + computed)
        return text
    info = {k: safe(v) for k, v in check.info.items()}
    text = Text(t("admin.bundle.ok_key" if check.key_matches else "admin.bundle.ok",
                  ref=info.get("External-Identifier", "?"),
                  school=info.get("Source-Organization", "?"),
                  date=info.get("Bagging-Date", "?")), style="bold green")
    text.append("\n" + computed)
    return text


class BundleSection(BusySection):
    DEFAULT_CSS = """
    BundleSection .pair { height: auto; }
    BundleSection .pair > Vertical { width: 1fr; height: auto; margin: 0 1 0 0; }
    """
    GROUP = "admin-bundle"
    result: BundleCheck | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.bundle.hint")), classes="hint")
        yield Label(t("admin.bundle.field.path"))
        yield Input(id="bundle-path", placeholder=t("admin.bundle.path_placeholder"))
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(t("admin.bundle.field.passphrase"))
                yield Input(id="bundle-pass", password=True)
            with Vertical():
                yield Label(t("admin.bundle.field.expect"))
                yield Input(id="bundle-expect",
                            placeholder="XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.bundle.run"), variant="primary", id="run-bundle")
        yield LoadingIndicator(id="busy")
        yield Static("", id="bundle-verdict", classes="verdict")
        yield VirtualTable([
            Column("result", t("admin.verify.col.result"), 18),
            Column("file", t("admin.bundle.col.file"), 28),
            Column("what", t("admin.verify.col.what")),
        ], id="bundle-table", zebra=False)
        yield Static("", id="bundle-detail", classes="detail")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one("#bundle-path", Input).focus()

    @on(VirtualTable.Highlighted, "#bundle-table")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        key = event.key
        self.query_one("#bundle-detail", Static).update(
            Text(safe(f"{key.kind}: {key.path}: {localize(key.message)}"))
            if isinstance(key, Problem) else "")

    @on(Input.Submitted, "#bundle-path, #bundle-pass, #bundle-expect")
    @on(Button.Pressed, "#run-bundle")
    def action_check(self) -> None:
        if self.busy:
            return
        self._clear_result()
        passphrase = self.query_one("#bundle-pass", Input).value
        expect = self.query_one("#bundle-expect", Input).value.strip() or None
        try:
            path = self._path()
            if expect is not None:
                normal_fingerprint(expect)  # a typo: said here, before the work
            encrypted = bundle_encrypted(path)  # not a file, not a ZIP: said here
        except CybercaseError as exc:
            self.problem().show(exc.message)
            return
        if encrypted and not passphrase:
            self.problem().show(t("admin.bundle.need_pass"))
            self.query_one("#bundle-pass", Input).focus()
            return
        if self.start():
            self.query_one("#bundle-verdict", Static).update(Text(t("admin.bundle.running")))
            self._check(path, passphrase if encrypted else None, expect)

    def _path(self) -> Path:
        typed = self.query_one("#bundle-path", Input).value.strip()
        if not typed:
            raise UsageError(t("admin.bundle.no_path"))
        path = Path(typed).expanduser()
        if not path.is_absolute():
            raise UsageError(t("admin.backup.absolute"))
        return path

    def _clear_result(self) -> None:
        self.result = None
        self.query_one("#bundle-verdict", Static).update("")
        self.query_one("#bundle-detail", Static).update("")
        self.query_one(VirtualTable).set_source(EmptySource())

    @work(thread=True, exclusive=True, group="admin-bundle", exit_on_error=False)
    def _check(self, path: Path, passphrase: str | None, expect: str | None) -> BundleCheck:
        return check_bundle(path, passphrase, expect)

    def finished(self, result: Any) -> None:
        assert isinstance(result, BundleCheck)
        self.result = result
        self.query_one("#bundle-verdict", Static).update(bundle_verdict(result))
        table = self.query_one(VirtualTable)
        table.set_source(ListSource(bundle_rows(result), lambda row: row))
        table.focus()

    def failed(self) -> None:
        self.query_one("#bundle-verdict", Static).update("")
        self.focus_main()


# --- keys -------------------------------------------------------------------------------


class KeysSection(AdminSection):
    def compose(self) -> ComposeResult:
        yield Label(t("admin.keys.recovery_title"), classes="section-title")
        yield Static(Text(t("admin.keys.recovery_hint")), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.keys.recovery_run"), id="new-recovery")
        yield Label(t("admin.keys.rekey_title"), classes="section-title")
        yield Static(Text(t("admin.keys.rekey_hint")), classes="hint")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.keys.rekey_run"), variant="error", id="rekey")
        yield Static("", id="keys-result", classes="verdict")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one("#new-recovery", Button).focus()

    @on(Button.Pressed, "#new-recovery")
    def action_recovery_key(self) -> None:
        def made(key: str | None) -> None:
            if key is not None:
                self.query_one("#keys-result", Static).update(
                    Text(t("admin.keys.recovery_done"), style="green"))
                self.app.push_screen(RecoveryKeyModal(key))

        self.app.push_screen(ConfirmWorkModal(
            t("admin.keys.recovery_title"), t("admin.keys.recovery_confirm"),
            t("admin.keys.recovery_run"), self.vault.new_recovery_key), made)

    @on(Button.Pressed, "#rekey")
    def action_rekey(self) -> None:
        vault = self.vault

        def job() -> bool:
            vault.rekey()
            return True

        def done(result: bool | None) -> None:
            if result:
                self.query_one("#keys-result", Static).update(
                    Text(t("admin.keys.rekey_done"), style="green"))
                self.notify(t("admin.keys.rekey_done"), markup=False)

        self.app.push_screen(ConfirmWorkModal(
            t("admin.keys.rekey_title"), t("admin.keys.rekey_confirm"),
            t("admin.keys.rekey_run"), job, word=t("admin.keys.rekey_word")), done)


# --- the screen -------------------------------------------------------------------------

# (section id, tab title key, factory); later sections append here
SECTIONS: list[tuple[str, str, type[AdminSection]]] = [
    ("users", "admin.tab.users", UsersSection),
    ("verify", "admin.tab.verify", VerifySection),
    ("audit", "admin.tab.audit", AuditSection),
    ("backup", "admin.tab.backup", BackupSection),
    ("bundle", "admin.tab.bundle", BundleSection),
    ("keys", "admin.tab.keys", KeysSection),
]


class AdminScreen(VaultScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("escape", "back", "key.back"),
        tbinding("right_square_bracket", "next_section(1)", "key.next_tab", key_display="]",
                 show=False),
        tbinding("left_square_bracket", "next_section(-1)", "key.previous_tab",
                 key_display="[", show=False),
        *(tbinding(str(n), f"section_number({n})", "key.tab_number", show=False)
          for n in range(1, 10)),
    ]

    def __init__(self, section: str | None = None) -> None:
        super().__init__()
        self._first = section or SECTIONS[0][0]

    def compose(self) -> ComposeResult:
        self.title = t("admin.title")
        yield Header()
        with TabbedContent(id="admin-tabs", initial=f"admin-{self._first}"):
            for section_id, title_key, factory in SECTIONS:
                with TabPane(t(title_key), id=f"admin-{section_id}"):
                    yield factory(id=f"section-{section_id}")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self._activate_current)

    async def recompose(self) -> None:
        """After a language switch: the sections are new; load the one on show."""
        active = self.query_one(TabbedContent).active.removeprefix("admin-")
        self._first = active or self._first
        await super().recompose()
        self.call_after_refresh(self._activate_current)

    def section(self, section_id: str) -> AdminSection:
        return self.query_one(f"#section-{section_id}", AdminSection)

    def active_section(self) -> AdminSection | None:
        pane = self.query_one(TabbedContent).active_pane
        if pane is None:
            return None
        found = pane.query(AdminSection)
        return found.first() if found else None

    def _activate_current(self) -> None:
        section = self.active_section()
        if section is not None:
            section.activate()

    def show_section(self, section_id: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active == f"admin-{section_id}":
            self._activate_current()
        else:
            tabs.active = f"admin-{section_id}"

    @on(TabbedContent.TabActivated)
    def _tab_activated(self) -> None:
        self._activate_current()

    def action_next_section(self, step: int) -> None:
        ids = [section_id for section_id, _key, _factory in SECTIONS]
        active = self.query_one(TabbedContent).active.removeprefix("admin-")
        current = ids.index(active) if active in ids else 0
        self.show_section(ids[(current + step) % len(ids)])

    def action_section_number(self, number: int) -> None:
        if 1 <= number <= len(SECTIONS):
            self.show_section(SECTIONS[number - 1][0])

    def action_back(self) -> None:
        self.dismiss(None)


def open_admin(app: Any, section: str | None = None) -> None:
    """Show the administration screen (on ``section``), or switch to it if it is open."""
    if isinstance(app.screen, AdminScreen):
        if section:
            app.screen.show_section(section)
        return
    app.push_screen(AdminScreen(section))


# sections in their own modules register themselves in SECTIONS when imported
from cybercase.tui.admin import protocol  # noqa: E402,F401,I001
from cybercase.tui.admin import exports  # noqa: E402, F401
