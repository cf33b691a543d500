"""The vault core on real SQLCipher files: keyslots, users, rekey, audit chain, migrations."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cybercase.cases.cases import create_case, list_cases
from cybercase.core.errors import (
    PermissionDenied,
    UnlockError,
    UsageError,
    VaultCorrupt,
    VaultMissing,
)
from cybercase.vault import Vault, migrations
from cybercase.vault.audit import verify_chain
from cybercase.vault.keyslots import KeyFile, normalise_recovery_key
from tests.conftest import PASSPHRASE, USER
from tests.helpers import all_bytes, raw_connection

OTHER = "another long passphrase"


@pytest.mark.posix_only  # file modes (0600/0700)
def test_create_open_and_permissions(vault: Vault, vault_dir: Path) -> None:
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    for name in ("keys.json", "vault.db"):
        assert stat.S_IMODE((vault_dir / name).stat().st_mode) == 0o600, name
    vault.close()
    again = Vault.open(vault_dir, USER, PASSPHRASE)
    assert again.role == "coordinator"
    assert again.school == "OBS De Pirouette"
    again.close()


def test_wrong_passphrase_and_unknown_user(vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(UnlockError, match="wrong passphrase"):
        Vault.open(vault_dir, USER, "not the passphrase at all")
    with pytest.raises(UnlockError, match="unknown user"):
        Vault.open(vault_dir, "mallory", PASSPHRASE)


def test_missing_vault_says_how_to_create(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing, match="cybercase init"):
        Vault.open(tmp_path / "nothing", USER, PASSPHRASE)


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="at least 12"):
        Vault.create(tmp_path / "v", USER, "short")
    assert not (tmp_path / "v").exists()


def test_users_roles_and_recovery(vault: Vault, vault_dir: Path) -> None:
    vault.add_user("bob", "ict", OTHER)
    vault.add_user("dirk", "viewer", OTHER)
    with pytest.raises(UsageError, match="already"):
        vault.add_user("bob", "viewer", OTHER)
    with pytest.raises(UsageError, match="unknown role"):
        vault.add_user("eve", "admin", OTHER)
    create_case(vault, "Nep-account juf Fatima", "7b")

    viewer = Vault.open(vault_dir, "dirk", OTHER)
    assert viewer.role == "viewer"
    assert [c.title for c in list_cases(viewer)] == ["Nep-account juf Fatima"]
    with pytest.raises(PermissionDenied):
        create_case(viewer, "not allowed")
    with pytest.raises(PermissionDenied):
        viewer.add_user("x", "viewer", OTHER)
    viewer.close()

    # the recovery key (shown once at init) is its own slot
    fresh_dir = vault_dir.parent / "other"
    other, recovery = Vault.create(fresh_dir, "carla", PASSPHRASE)
    other.close()
    rec = Vault.open(fresh_dir, "recovery", recovery.lower().replace("-", " "))
    assert rec.role == "coordinator" and rec.is_recovery
    rec.change_passphrase("carla", OTHER)  # forgotten passphrase reset
    rec.close()
    Vault.open(fresh_dir, "carla", OTHER).close()
    with pytest.raises(UnlockError):
        Vault.open(fresh_dir, "recovery", "AAAA-" * 12 + "AAAA")


def test_passwd_and_remove(vault: Vault, vault_dir: Path) -> None:
    vault.add_user("bob", "ict", OTHER)
    bob = Vault.open(vault_dir, "bob", OTHER)
    bob.change_passphrase("bob", "bob's brand new passphrase")
    with pytest.raises(PermissionDenied):
        bob.change_passphrase(USER, "taking over anna's slot")
    bob.close()
    with pytest.raises(UnlockError):
        Vault.open(vault_dir, "bob", OTHER)
    Vault.open(vault_dir, "bob", "bob's brand new passphrase").close()

    with pytest.raises(UsageError, match="yourself"):
        vault.remove_user(USER)
    vault.remove_user("bob")
    with pytest.raises(UnlockError):
        Vault.open(vault_dir, "bob", "bob's brand new passphrase")
    assert [u["name"] for u in vault.list_users()] == [USER]


def test_rekey_keeps_every_slot_and_locks_out_old_copies(vault: Vault, vault_dir: Path) -> None:
    vault.add_user("bob", "ict", OTHER)
    create_case(vault, "Before the rekey")
    old_keyfile = (vault_dir / "keys.json").read_bytes()
    vault.rekey()
    vault.close()
    for user, pw in ((USER, PASSPHRASE), ("bob", OTHER)):
        v = Vault.open(vault_dir, user, pw)
        assert [c.title for c in list_cases(v)] == ["Before the rekey"]
        v.close()
    # a copy of the old key file no longer opens the database
    (vault_dir / "keys.json").write_bytes(old_keyfile)
    with pytest.raises(VaultCorrupt, match="cannot be"):
        Vault.open(vault_dir, USER, PASSPHRASE)


def test_interrupted_rekey_still_opens(vault: Vault, vault_dir: Path) -> None:
    """The database took the new key but the new key file was not yet moved into place."""
    create_case(vault, "Survives")
    real_replace = os.replace

    def crash(src: str, dst: str) -> None:
        if str(src).endswith("keys.json.next"):
            raise KeyboardInterrupt("killed between the two steps")
        real_replace(src, dst)

    os.replace = crash  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            vault.rekey()
    finally:
        os.replace = real_replace
    vault.close()
    assert (vault_dir / "keys.json.next").exists()
    v = Vault.open(vault_dir, USER, PASSPHRASE)
    assert [c.title for c in list_cases(v)] == ["Survives"]
    assert not (vault_dir / "keys.json.next").exists()
    v.close()


def test_marker_never_in_plaintext(vault: Vault, vault_dir: Path) -> None:
    marker = "MARKER-7f3a9c-Pesten-In-Groep-7b"
    create_case(vault, marker, "7b")
    vault.conn.execute("PRAGMA wal_checkpoint(FULL)")
    assert marker.encode() not in all_bytes(vault_dir)
    assert marker.encode("utf-16-le") not in all_bytes(vault_dir)
    vault.close()
    assert marker.encode() not in all_bytes(vault_dir)


def test_audit_is_append_only(vault: Vault) -> None:
    create_case(vault, "A case")
    with pytest.raises(Exception, match="append-only"):
        vault.conn.execute("UPDATE audit SET actor = 'eve' WHERE seq = 1")
    with pytest.raises(Exception, match="append-only"):
        vault.conn.execute("DELETE FROM audit WHERE seq = 1")
    with pytest.raises(Exception, match="only erased"):
        vault.conn.execute("UPDATE audit_details SET details = '{}' WHERE seq = 1")
    assert list(verify_chain(vault.conn)) == []


def test_raw_edit_of_audit_row_is_found(vault: Vault, vault_dir: Path) -> None:
    create_case(vault, "First")
    create_case(vault, "Second")
    vault.close()
    raw = raw_connection(vault_dir, USER, PASSPHRASE)
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("UPDATE audit SET actor = 'eve' WHERE seq = 4")
    raw.close()
    v = Vault.open(vault_dir, USER, PASSPHRASE)
    problems = v.verify_problems()
    assert problems and "audit entry 4 " in problems[0] and "altered" in problems[0]
    v.close()


def test_erased_details_keep_the_chain(vault: Vault, vault_dir: Path) -> None:
    create_case(vault, "Name of a child")
    vault.close()
    raw = raw_connection(vault_dir, USER, PASSPHRASE)
    raw.execute("DELETE FROM audit_details WHERE seq = 4")  # what a retention purge does
    raw.close()
    v = Vault.open(vault_dir, USER, PASSPHRASE)
    assert v.verify_problems() == []
    v.close()


def test_edited_key_file_is_detected(vault: Vault, vault_dir: Path) -> None:
    vault.add_user("bob", "ict", OTHER)
    vault.close()
    keyfile = KeyFile.load(vault_dir / "keys.json")
    keyfile.slots = [s for s in keyfile.slots if s.user != "bob"]  # quietly drop a slot
    keyfile.save(vault_dir / "keys.json")
    v = Vault.open(vault_dir, USER, PASSPHRASE)
    assert not v.keyfile_intact
    assert any("key file" in p for p in v.verify_problems())
    v.close()


def test_garbage_key_file_and_database(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    keys = (vault_dir / "keys.json").read_bytes()
    (vault_dir / "keys.json").write_bytes(b"{not json")
    with pytest.raises(VaultCorrupt, match="damaged"):
        Vault.open(vault_dir, USER, PASSPHRASE)
    (vault_dir / "keys.json").write_bytes(keys)
    db = vault_dir / "vault.db"
    db.write_bytes(os.urandom(4096) + db.read_bytes()[4096:])
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_dir, USER, PASSPHRASE)


def test_newer_vault_refused_older_migrated(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = migrations.all_migrations()
    monkeypatch.setattr(migrations, "all_migrations", lambda: every[:1])
    v, _ = Vault.create(vault_dir, USER, PASSPHRASE)
    assert migrations.applied(v.conn) == [every[0].number]
    v.close()
    monkeypatch.setattr(migrations, "all_migrations", lambda: every)
    v = Vault.open(vault_dir, USER, PASSPHRASE)
    assert migrations.applied(v.conn) == [m.number for m in every]
    v.conn.execute(
        "INSERT INTO schema_migrations(number, name, applied_at) VALUES (9999, 'future', 'x')"
    )
    v.close()
    with pytest.raises(VaultCorrupt, match="newer cybercase"):
        Vault.open(vault_dir, USER, PASSPHRASE)


def test_recovery_key_normalisation() -> None:
    assert normalise_recovery_key("abcd efgh-1jk0") == "ABCD-EFGH-1JK0"
    assert normalise_recovery_key("oooo-iiii") == "0000-1111"


@pytest.mark.posix_only  # file modes (0600)
def test_growing_delay_after_wrong_passphrases(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    for _ in range(3):
        with pytest.raises(UnlockError, match="wrong passphrase"):
            Vault.open(vault_dir, USER, "guess guess guess")
    # three tries are free; now even the right passphrase must wait
    with pytest.raises(UnlockError, match=r"3 wrong passphrases in a row .* wait \d+ s"):
        Vault.open(vault_dir, USER, PASSPHRASE)
    from cybercase.vault import ratelimit

    assert ratelimit.delay_for(2) == 0 and ratelimit.delay_for(3) == 2
    assert ratelimit.delay_for(30) == 60
    failures = vault_dir / ratelimit.FILE
    assert stat.S_IMODE(failures.stat().st_mode) == 0o600
    failures.write_text("{}")  # (the wait elapses)
    Vault.open(vault_dir, USER, PASSPHRASE).close()
