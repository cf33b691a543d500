"""Vault administration in the app (F3): users, verify, audit log, backup, police bundle
check, recovery key and rekey. Real vaults; what changed is checked in the core."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from textual.command import CommandPalette
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static, TabbedContent

from cybercase.cases.cases import list_cases
from cybercase.core.errors import UnlockError
from cybercase.core.i18n import CATALOGUES
from cybercase.core.roles import ROLES
from cybercase.evidence import ingest
from cybercase.export.bundle import export_case
from cybercase.tui.admin.audit import AuditSection
from cybercase.tui.admin.backup import BackupSection
from cybercase.tui.admin.bundle import BUNDLE_CHECKS, BundleSection, bundle_rows
from cybercase.tui.admin.dialogs import (
    AddUserModal,
    ConfirmWorkModal,
    PassphraseModal,
    RemoveUserModal,
)
from cybercase.tui.admin.screen import SECTIONS, AdminScreen
from cybercase.tui.admin.users import UsersSection
from cybercase.tui.admin.verify import VerifySection
from cybercase.tui.app import CybercaseApp
from cybercase.tui.commands import ADMIN_SECTIONS
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.screens.create_vault import CreateVaultScreen, RecoveryKeyModal
from cybercase.tui.screens.restore import RestoreModal
from cybercase.tui.screens.unlock import UnlockScreen
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.vault.backup import backup, restore
from cybercase.vault.keyslots import RECOVERY
from cybercase.views.verify import verify_vault
from tests.conftest import PASSPHRASE, USER
from tests.helpers import raw_connection, rewrite_zip
from tests.tui.conftest import (
    SIZE,
    AppFactory,
    Unlock,
    discard,
    palette_search,
    settle,
    widget_text,
)

NEW = "a brand new passphrase for bob"


async def open_admin(pilot: Pilot[Any], unlock: Unlock) -> AdminScreen:
    await unlock(pilot)
    await pilot.press("f3")
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AdminScreen)
    return screen


def users_shown(screen: AdminScreen) -> str:
    return widget_text(screen.query_one("#users-table", VirtualTable))


async def test_add_user_then_they_unlock_in_the_core(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        assert USER in users_shown(screen)
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddUserModal)
        modal.query_one("#name", Input).value = "bob"
        modal.query_one("#role", Select).value = "ict"
        modal.query_one("#passphrase", Input).value = NEW
        modal.query_one("#passphrase2", Input).value = NEW + " typo"
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert app.screen is modal  # mismatch: said in place, nothing added
        assert "differ" in modal.query_one("#error", ErrorLine).message
        assert Vault.users(tui_vault) == [USER]
        modal.query_one("#passphrase2", Input).value = NEW
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert app.screen is screen
        assert "bob" in users_shown(screen) and "ICT" in users_shown(screen)
    with Vault.open(tui_vault, "bob", NEW) as bob:
        assert bob.role == "ict"


async def test_short_passphrase_and_bad_name_are_refused_in_place(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        screen.query_one("#add-user", Button).press()  # the mouse way
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddUserModal)
        modal.query_one("#name", Input).value = "bad name!"
        modal.query_one("#passphrase", Input).value = NEW
        modal.query_one("#passphrase2", Input).value = NEW
        modal.query_one("#run", Button).press()
        await pilot.pause()
        assert "cannot be a user name" in modal.query_one("#error", ErrorLine).message
        modal.query_one("#name", Input).value = "carol"
        modal.query_one("#passphrase", Input).value = "short"
        modal.query_one("#passphrase2", Input).value = "short"
        modal.query_one("#run", Button).press()
        await pilot.pause()
        assert "too short" in modal.query_one("#error", ErrorLine).message
        await discard(pilot)
        await pilot.pause()
        assert app.screen is screen
    assert Vault.users(tui_vault) == [USER]


@pytest.fixture
def two_users(tui_vault: Path) -> Path:
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:
        vault.add_user("bob", "viewer", NEW)
    return tui_vault


def put_cursor_on(screen: AdminScreen, name: str) -> None:
    assert screen.query_one(UsersSection).query_one(VirtualTable).move_to_key(name)


async def test_remove_user_needs_the_typed_name_and_the_core_refuses_yourself(
    two_users: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(two_users)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        put_cursor_on(screen, USER)
        await pilot.press("delete")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RemoveUserModal)
        modal.query_one("#confirm", Input).value = USER
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is modal
        assert "cannot remove yourself" in modal.query_one("#error", ErrorLine).message
        await discard(pilot)
        await pilot.pause()
        put_cursor_on(screen, "bob")
        await pilot.press("delete")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RemoveUserModal)
        modal.query_one("#confirm", Input).value = "bobby"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is modal
        assert "bob" in modal.query_one("#error", ErrorLine).message
        assert sorted(Vault.users(two_users)) == [USER, "bob"]
        modal.query_one("#confirm", Input).value = "bob"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "bob" not in users_shown(screen)
    assert Vault.users(two_users) == [USER]
    with pytest.raises(UnlockError):
        Vault.open(two_users, "bob", NEW)


async def test_change_another_users_passphrase(
    two_users: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    changed = "the second passphrase of bob"
    app = app_factory(two_users)
    async with app.run_test(size=SIZE) as pilot:
        await open_admin(pilot, unlock)
        await pilot.press("p")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, PassphraseModal)
        assert modal.query_one("#user", Select).value == USER  # yourself by default
        modal.query_one("#user", Select).value = "bob"
        modal.query_one("#passphrase", Input).value = changed
        modal.query_one("#passphrase2", Input).value = changed
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, AdminScreen)
    with Vault.open(two_users, "bob", changed) as bob:
        assert bob.user == "bob"
    with pytest.raises(UnlockError):
        Vault.open(two_users, "bob", NEW)


async def test_a_viewer_is_refused_by_the_core_in_one_line(
    two_users: Path, app_factory: AppFactory
) -> None:
    app: CybercaseApp = app_factory(two_users)
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.screen.query_one("#user", Select).value = "bob"
        pilot.app.screen.query_one("#passphrase", Input).value = NEW
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddUserModal)
        modal.query_one("#name", Input).value = "carol"
        modal.query_one("#passphrase", Input).value = NEW
        modal.query_one("#passphrase2", Input).value = NEW
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert app.screen is modal
        message = modal.query_one("#error", ErrorLine).message
        assert "may not manage users" in message and "\n" not in message
    assert sorted(Vault.users(two_users)) == [USER, "bob"]


def verify_shown(screen: AdminScreen) -> tuple[str, str]:
    section = screen.query_one(VerifySection)
    return (widget_text(section.query_one("#verify-verdict")),
            widget_text(section.query_one("#verify-table", VirtualTable)))


async def test_verify_ok_then_a_tampered_audit_entry_is_named(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.action_admin("verify")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AdminScreen)
        await pilot.press("v")
        await settle(pilot)
        verdict, table = verify_shown(screen)
        assert verdict.startswith("OK")
        assert "audit entries" in table and "evidence items" in table
        assert "PROBLEM" not in table
        # someone with the key edits an audit entry behind the app's back
        raw = raw_connection(tui_vault, USER, PASSPHRASE)
        raw.execute("DROP TRIGGER audit_no_update")
        raw.execute("UPDATE audit SET actor = 'eve' WHERE seq = 2")
        raw.close()
        screen.query_one("#run-verify", Button).press()
        await settle(pilot)
        verdict, table = verify_shown(screen)
        assert verdict.startswith("FAILED")
        assert "PROBLEM" in table and "audit entry 2 " in table and "altered" in table
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:  # both runs are in the log
        assert [e.details["ok"] for e in entries(vault.conn) if e.action == "vault.verify"
                and e.details] == [True, False]


async def test_audit_log_with_case_and_user_filters_and_the_chain(
    two_users: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(two_users)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("3")
        await settle(pilot)
        section = screen.query_one(AuditSection)
        table = section.query_one("#audit-log", VirtualTable)
        assert "Hash chain intact" in widget_text(section.query_one("#audit-chain"))
        total = table.row_count
        shown = widget_text(table)
        # the actions in words (issue 20: no codes such as "vault.verify" on screen)
        assert "case opened" in shown and "user added" in shown and "vault created" in shown
        assert "case.create" not in shown
        first, second = table.row(0), table.row(1)
        # newest first: this app's own unlock (the session), then the last change
        assert first is not None and first.cells[3].plain == "unlocked"
        assert second is not None and second.cells[3].plain == "user added"
        await pilot.press("f")  # the case filter
        await pilot.press(*"2026-002", "enter")
        await settle(pilot)
        cases = {table.cell(i, "case").plain for i in range(table.row_count)}  # type: ignore[union-attr]
        assert cases == {"2026-002"} and 0 < table.row_count < total
        assert "of" in widget_text(section.query_one("#audit-count"))
        section.query_one("#audit-case", Input).value = ""
        section.query_one("#audit-user", Input).value = "nobody"
        section.query_one("#audit-apply", Button).press()
        await settle(pilot)
        assert table.row_count == 0 and "No audit entries" in widget_text(table)
        section.query_one("#audit-case", Input).value = "2099-999"
        section.query_one("#audit-apply", Button).press()
        await settle(pilot)
        assert "no case '2099-999'" in section.query_one("#problem", ErrorLine).message
        section.query_one("#audit-clear", Button).press()
        await settle(pilot)
        assert table.row_count == total
        assert section.query_one("#problem", ErrorLine).message == ""
        raw = raw_connection(two_users, USER, PASSPHRASE)
        raw.execute("DROP TRIGGER audit_no_update")
        raw.execute("UPDATE audit SET action = 'case.read' WHERE seq = 3")
        raw.close()
        table.focus()
        await pilot.press("r")
        await settle(pilot)
        chain = widget_text(section.query_one("#audit-chain"))
        assert "BROKEN" in chain and "audit entry 3" in chain


async def test_backup_to_a_folder_then_restore_and_verify_in_the_core(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("4")
        await pilot.pause()
        section = screen.query_one(BackupSection)
        field = section.query_one("#backup-out", Input)
        field.value = str(tmp_path / "no such folder" / "b.zip")
        await pilot.press("enter")
        await settle(pilot)
        assert "does not exist" in section.query_one("#problem", ErrorLine).message
        field.value = "relative.zip"
        await pilot.press("enter")
        await settle(pilot)
        assert "whole path" in section.query_one("#problem", ErrorLine).message
        field.value = str(folder)
        section.query_one("#run-backup", Button).press()
        await settle(pilot)
        assert section.done is not None
        made = section.done.path
        assert made.parent == folder and made.name.startswith("cybercase-backup-")
        shown = "".join(widget_text(section.query_one("#backup-result")).split())
        assert str(made) in shown and section.done.info["db_sha256"] in shown
        assert section.query_one("#problem", ErrorLine).message == ""
        before = made.read_bytes()
        await pilot.press("enter")  # the same file again: refused, not replaced
        await settle(pilot)
        assert "already exists" in section.query_one("#problem", ErrorLine).message
        assert made.read_bytes() == before
    restored = tmp_path / "restored"
    info = restore(made, restored)
    assert info["db_sha256"] == section.done.info["db_sha256"]
    with Vault.open(restored, USER, PASSPHRASE) as vault:
        assert verify_vault(vault).ok
        assert [c.ref for c in list_cases(vault)] == ["2026-001", "2026-002"]


@pytest.fixture
def bundles(tui_vault: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A bundle made by the core, a copy with one payload file changed, an encrypted one."""
    good, bad, locked = tmp_path / "good.zip", tmp_path / "bad.zip", tmp_path / "locked.zip"
    shot = tmp_path / "shot.png"
    Image.new("RGB", (40, 30), (200, 0, 0)).save(shot)
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:
        ingest(vault, "2026-001", [str(shot)], workers=0)
        export_case(vault, "2026-001", good)
        export_case(vault, "2026-001", locked, encrypt_passphrase=BUNDLE_PASS)
    with zipfile.ZipFile(good) as zf:
        member = next(n for n in zf.namelist() if "/data/" in n and not n.endswith("/"))
        changed = zf.read(member) + b" "
    rewrite_zip(good, bad, {member: changed})
    return good, bad, locked


BUNDLE_PASS = "the bundle's own passphrase"


async def check_bundle(pilot: Pilot[Any], section: BundleSection, path: Path,
                       passphrase: str = "") -> tuple[str, str]:
    section.query_one("#bundle-path", Input).value = str(path)
    section.query_one("#bundle-pass", Input).value = passphrase
    section.query_one("#run-bundle", Button).press()
    await settle(pilot)
    return (widget_text(section.query_one("#bundle-verdict")),
            widget_text(section.query_one("#bundle-table")))


async def test_bundle_check_ok_tampered_and_encrypted(
    tui_vault: Path, bundles: tuple[Path, Path, Path], app_factory: AppFactory,
    unlock: Unlock, tmp_path: Path
) -> None:
    good, bad, locked = bundles
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("5")
        await pilot.pause()
        section = screen.query_one(BundleSection)
        verdict, table = await check_bundle(pilot, section, good)
        assert verdict.startswith("OK") and "2026-001" in verdict
        assert section.result is not None  # five checks passed (the key's only when expected)
        assert [r.key for r in bundle_rows(section.result)] == list(BUNDLE_CHECKS[:-1])
        assert "passed" in table
        verdict, table = await check_bundle(pilot, section, bad)
        assert verdict.startswith("NOT OK")
        assert section.result is not None
        # the manifest, Payload-Oxum and evidence.json each disagree with the file
        assert [p.kind for p in section.result.problems] == ["checksum mismatch"] * 3
        assert "CHECKSUM MISMATCH" in table and "/data/" not in table  # paths in the bag
        assert "data/" in table
        await check_bundle(pilot, section, locked)
        assert "encrypted" in section.query_one("#problem", ErrorLine).message
        await check_bundle(pilot, section, locked, "not the passphrase")
        assert "does not open" in section.query_one("#problem", ErrorLine).message
        verdict, _table = await check_bundle(pilot, section, locked, BUNDLE_PASS)
        assert verdict.startswith("OK")
        await check_bundle(pilot, section, tmp_path / "nothing.zip")
        assert "not a file" in section.query_one("#problem", ErrorLine).message


async def test_new_recovery_key_is_shown_once_and_opens_the_vault(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("6")
        await pilot.pause()
        screen.query_one("#new-recovery", Button).press()
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmWorkModal)
        await pilot.press("escape")  # cancel: nothing made
        await pilot.pause()
        assert app.screen is screen
        screen.query_one("#new-recovery", Button).press()
        await pilot.pause()
        app.screen.query_one("#run", Button).press()
        await settle(pilot)
        shown = app.screen
        assert isinstance(shown, RecoveryKeyModal)
        await pilot.pause()
        box = shown.query_one("#recovery-key")  # the whole key, with its border
        assert shown.query_one(".dialog").content_region.contains_region(box.region)
        lines = box.render_lines(Region(0, 0, *box.outer_size))
        found = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){12}(?= )",
                          "\n".join(line.text for line in lines))
        assert found is not None
        key = found.group(0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    with Vault.open(tui_vault, RECOVERY, key) as vault:
        assert vault.is_recovery
        assert sum(e.action == "recovery.create" for e in entries(vault.conn)) == 2


async def test_rekey_needs_the_word_and_the_vault_alone(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    keys_before = (tui_vault / "keys.json").read_bytes()
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("6")
        await pilot.pause()
        screen.query_one("#rekey", Button).press()
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmWorkModal)
        confirm.query_one("#confirm", Input).value = "rekey please"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is confirm and "REKEY" in confirm.query_one(ErrorLine).message
        other = Vault.open(tui_vault, USER, PASSPHRASE)  # open "in another program"
        try:
            confirm.query_one("#confirm", Input).value = "REKEY"
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is confirm
            assert "open in another program" in confirm.query_one(ErrorLine).message
        finally:
            other.close()
        assert (tui_vault / "keys.json").read_bytes() == keys_before
        confirm.query_one("#run", Button).press()
        await settle(pilot)
        assert app.screen is screen
        assert "new master key" in widget_text(screen.query_one("#keys-result"))
        assert (tui_vault / "keys.json").read_bytes() != keys_before
        # the app's own connection reads the re-encrypted vault: verify it from here
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("v")
        await settle(pilot)
        assert widget_text(screen.query_one("#verify-verdict")).startswith("OK")
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:
        assert [e.action for e in entries(vault.conn)][-2:] == ["vault.rekey", "vault.verify"]


async def test_palette_opens_a_section_and_f3_needs_an_unlocked_vault(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        locked = app.screen
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is locked  # nothing to administer before unlocking
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await palette_search(pilot, "check a police bundle")
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AdminScreen)
        assert screen.query_one(TabbedContent).active == "admin-bundle"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("ctrl+l")  # locking removes the administration screen too
        await settle(pilot)
        assert not any(isinstance(s, AdminScreen) for s in app.screen_stack)


def test_keys_built_from_values_exist_in_both_languages() -> None:
    keys = [f"admin.role.{role}" for role in ROLES]
    keys += [f"cmd.admin.{section}" for section in ADMIN_SECTIONS]
    keys += [f"admin.tab.{section}" for section, _key, _factory in SECTIONS]
    keys += [f"admin.bundle.check.{name}" for name in BUNDLE_CHECKS]
    keys += [f"admin.verify.count.{name}" for name in (
        "audit_entries", "evidence_items", "evidence_bytes_rehashed", "deletion_receipts")]
    assert [s for s, _key, _factory in SECTIONS] == list(ADMIN_SECTIONS)
    for language in ("en", "nl"):
        assert [k for k in keys if k not in CATALOGUES[language]] == [], language


async def test_restore_a_backup_from_the_new_vault_screen(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    made = tmp_path / "backup.zip"
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:
        backup(vault, made)
    not_a_backup = tmp_path / "notes.zip"
    with zipfile.ZipFile(not_a_backup, "w") as zf:
        zf.writestr("notes.txt", "hello")
    target = tmp_path / "new vault"
    app = app_factory(target)
    async with app.run_test(size=SIZE) as pilot:
        create = app.screen
        assert isinstance(create, CreateVaultScreen)
        create.query_one("#restore", Button).press()
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RestoreModal)
        modal.query_one("#source", Input).value = str(made)
        modal.query_one("#confirm", Input).value = "restore"
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert "RESTORE" in modal.query_one(ErrorLine).message
        assert not target.exists()
        modal.query_one("#source", Input).value = str(not_a_backup)
        modal.query_one("#confirm", Input).value = "RESTORE"
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert "not a cybercase backup" in modal.query_one(ErrorLine).message
        assert not target.exists() or not any(target.iterdir())
        modal.query_one("#source", Input).value = str(made)
        modal.query_one("#run", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        await unlock(pilot)
        assert app.vault is not None
        assert [c.ref for c in list_cases(app.vault)] == ["2026-001", "2026-002"]


async def test_switching_to_dutch_keeps_the_section_and_loads_it_again(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("3")
        await settle(pilot)
        app.set_language("nl")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one(TabbedContent).active == "admin-audit"
        section = screen.query_one(AuditSection)
        assert "Hashketen intact" in widget_text(section.query_one("#audit-chain"))
        assert "Wanneer" in widget_text(section.query_one("#audit-log"))
        await pilot.press("1")
        await settle(pilot)
        assert "Coördinator" in users_shown(screen)
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddUserModal)
        modal.query_one("#name", Input).value = "carol"
        modal.query_one("#passphrase", Input).value = "kort"
        modal.query_one("#passphrase2", Input).value = "kort"
        modal.query_one("#run", Button).press()
        await pilot.pause()
        assert "te kort" in modal.query_one("#error", ErrorLine).message  # the core, in Dutch


async def test_protocol_template_check_and_use_for_new_cases(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    from cybercase.protocol import model, store
    from cybercase.tui.admin.protocol import ProtocolSection

    mine = tmp_path / "ours.toml"
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("7")
        await pilot.pause()
        section = screen.query_one(ProtocolSection)
        table = section.query_one("#protocol-table", VirtualTable)
        assert table.row_count == 1 and "cybercase-default" in widget_text(table)
        assert "●" in widget_text(table)  # the built-in default is the current one
        problem = section.query_one("#problem", ErrorLine)

        async def press(button: str) -> str:
            section.query_one(f"#{button}", Button).press()
            await pilot.pause()
            return widget_text(section.query_one("#protocol-verdict", Static))

        section.query_one("#protocol-path", Input).value = str(mine)
        assert "Written" in await press("write-template")
        assert mine.read_text(encoding="utf-8") == model.default_text()
        mine.write_text("already edited", encoding="utf-8")
        assert await press("write-template") == ""  # never over an existing file
        assert "exists already" in problem.message
        assert mine.read_text(encoding="utf-8") == "already edited"
        assert await press("check-protocol") == ""  # not a protocol: said in place
        assert problem.message
        mine.write_text(model.default_text().replace('version = "2026.2"', 'version = "2027.1"'),
                        encoding="utf-8")
        assert "Valid: cybercase-default 2027.1" in await press("check-protocol")
        assert not problem.message
        assert "2027.1" in await press("use-protocol")
        assert table.row_count == 2
        current = [line for line in widget_text(table).splitlines() if "●" in line]
        assert len(current) == 1 and "2027.1" in current[0]
        assert store.current(app.vault).version == "2027.1"  # type: ignore[arg-type]
