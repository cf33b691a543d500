"""Managing keyslots of an open vault: users, passphrases, the recovery key, rekey.

Every slot the key file holds must also be *registered* in the database (table
``slot_keys``, and ``users.slot_id`` for a user): :meth:`Vault.open` refuses a slot the
database does not know. So a slot that was replaced (a changed passphrase, a new recovery
key) or removed opens nothing through cybercase even when an old copy of the key file is
put back, and after a ``rekey`` it cannot unwrap the new master key either: the
replacement has a *new* random slot key and slot id, never the old one.

A change of the key file is written beside it first (``keys.json.next``), the database
change is committed, and only then does the new file take the old one's place. Opening
after a crash in between finds the pending file (see ``Vault._open``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from cybercase.core.errors import UsageError, VaultBusy
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.vault import audit, db
from cybercase.vault.keyfiles import KEYFILE, PENDING_KEYFILE
from cybercase.vault.keyslots import (
    RECOVERY,
    KeyFile,
    Slot,
    check_passphrase,
    check_role,
    check_user_name,
)

if TYPE_CHECKING:
    from cybercase.vault.vault import Transaction, Vault



@contextmanager
def _keyfile_change(vault: Vault) -> Iterator[Transaction]:
    """One transaction whose key file is written pending, then put in place after COMMIT."""
    pending = vault.path / PENDING_KEYFILE
    try:
        with vault.transaction() as tx:
            yield tx
            vault.keyfile.save(pending)
    except BaseException:
        with suppress(FileNotFoundError):
            pending.unlink()
        vault.keyfile = KeyFile.load(vault.path / KEYFILE)
        raise
    os.replace(pending, vault.path / KEYFILE)


def _register(tx: Transaction, slot: Slot, slot_key: bytes) -> None:
    tx.execute(
        "INSERT INTO slot_keys(slot_id, kind, user, slot_key) VALUES (?,?,?,?)",
        (slot.id, slot.kind, slot.user, slot_key),
    )


def list_users(vault: Vault) -> list[dict[str, Any]]:
    """The users with their role, who added them and when, and whether their slot's key
    derivation is weaker than today's."""
    weak = {s.user for s in vault.keyfile.slots if s.weak}
    return [
        {"name": n, "role": r, "created_at": c, "created_by": b, "weak_kdf": n in weak}
        for n, r, c, b in vault.conn.execute(
            "SELECT name, role, created_at, created_by FROM users ORDER BY name")
    ]


def add_user(vault: Vault, name: str, role: str, passphrase: str) -> None:

    vault.require("vault.admin")
    check_user_name(name)
    check_role(role)
    check_passphrase(passphrase)
    with vault._mutex:
        vault.lock.acquire(vault.user)
        try:
            vault._reload_keyfile()
            if name in vault.keyfile.user_names():
                raise UsageError(msg("vault.user_exists", name=name))
            master = vault._master()
            slot, slot_key = vault.keyfile.new_slot("user", name, passphrase, master)
            vault.keyfile.seal(master)
            with _keyfile_change(vault) as tx:
                tx.execute(
                    "INSERT INTO users(name, role, slot_id, created_at, created_by)"
                    " VALUES (?,?,?,?,?)",
                    (name, role, slot.id, now_iso(), vault.user),
                )
                _register(tx, slot, slot_key)
                tx.audit("user.add", f"user {name}", {"role": role})
        finally:
            vault.lock.release()


def remove_user(vault: Vault, name: str) -> None:
    vault.require("vault.admin")
    with vault._mutex:
        vault.lock.acquire(vault.user)
        try:
            vault._reload_keyfile()
            row = vault.conn.execute(
                "SELECT slot_id, role FROM users WHERE name = ?", (name,)
            ).fetchone()
            if row is None:
                raise UsageError(msg("vault.no_user", name=name))
            if name == vault.user:
                raise UsageError(msg("vault.remove_self"))
            others = vault.conn.execute(
                "SELECT count(*) FROM users WHERE role = 'coordinator' AND name != ?",
                (name,),
            ).fetchone()[0]
            if row[1] == "coordinator" and others == 0:
                raise UsageError(msg("vault.last_coordinator"))
            master = vault._master()
            vault.keyfile.slots = [s for s in vault.keyfile.slots if s.user != name]
            vault.keyfile.seal(master)
            with _keyfile_change(vault) as tx:
                tx.execute("DELETE FROM users WHERE name = ?", (name,))
                tx.execute("DELETE FROM slot_keys WHERE kind = 'user' AND user = ?", (name,))
                tx.audit("user.remove", f"user {name}", {"role": row[1]})
        finally:
            vault.lock.release()


def change_passphrase(vault: Vault, name: str, passphrase: str) -> None:
    """Give ``name`` a new slot (new slot id, new random slot key) for the new passphrase.

    The old slot's key is deleted from the database, so an old copy of the key file opens
    nothing through cybercase now, and nothing at all after the next ``rekey``."""
    if name != vault.user:
        vault.require("vault.admin")
    check_passphrase(passphrase)
    with vault._mutex:
        vault.lock.acquire(vault.user)
        try:
            vault._reload_keyfile()
            old = vault.keyfile.find(name)
            if old.kind != "user":
                raise UsageError(msg("trust.passwd_recovery"))
            master = vault._master()
            slot, slot_key = vault.keyfile.new_slot("user", name, passphrase, master)
            # the new slot takes the old one's place in the file
            slots = [s for s in vault.keyfile.slots if s.id not in (old.id, slot.id)]
            position = vault.keyfile.slots.index(old)
            slots.insert(position, slot)
            vault.keyfile.slots = slots
            vault.keyfile.seal(master)
            with _keyfile_change(vault) as tx:
                _register(tx, slot, slot_key)
                tx.execute("UPDATE users SET slot_id = ? WHERE name = ?", (slot.id, name))
                tx.execute("DELETE FROM slot_keys WHERE slot_id = ?", (old.id,))
                tx.audit("user.passwd", f"user {name}", {})
            if name == vault.user:
                vault.slot_id = slot.id
        finally:
            vault.lock.release()


def new_recovery_key(vault: Vault) -> str:
    """Replace the recovery slot; returns the new recovery key (shown once)."""
    from cybercase.vault.keyslots import new_recovery_key as make_key

    vault.require("vault.admin")
    with vault._mutex:
        vault.lock.acquire(vault.user)
        try:
            vault._reload_keyfile()
            master = vault._master()
            vault.keyfile.slots = [s for s in vault.keyfile.slots if s.kind != RECOVERY]
            key = make_key()
            slot, slot_key = vault.keyfile.new_slot(RECOVERY, RECOVERY, key, master)
            vault.keyfile.seal(master)
            with _keyfile_change(vault) as tx:
                tx.execute("DELETE FROM slot_keys WHERE kind = ?", (RECOVERY,))
                _register(tx, slot, slot_key)
                tx.audit("recovery.create", "recovery key", {})
            if vault.is_recovery:
                vault.slot_id = slot.id
            return key
        finally:
            vault.lock.release()


def rekey(vault: Vault) -> None:
    """Rotate the master key: re-encrypt the database and re-wrap every registered slot.

    Crash-safe: the new key file is written beside the old one first; the database
    switches keys in one transaction; then the new key file replaces the old. Opening
    tries the old key file, then the pending one, so the vault always opens.
    """
    vault.require("vault.admin")
    with vault._mutex:
        vault.lock.acquire(vault.user)
        if not vault.in_use.alone():
            vault.lock.release()
            raise VaultBusy(msg("vault.open_elsewhere"))
        try:
            vault._reload_keyfile()
            new_master = secrets.token_bytes(32)
            slot_keys = {
                sid: key for sid, key in vault.conn.execute(
                    "SELECT slot_id, slot_key FROM slot_keys"
                )
            }
            kept = [s for s in vault.keyfile.slots if s.id in slot_keys]
            fresh = KeyFile(vault.keyfile.vault_id, vault.keyfile.page_size, kept)
            for slot in kept:
                fresh.wrap_master(slot, slot_keys[slot.id], new_master)
            fresh.seal(new_master)
            vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            fresh.save(vault.path / PENDING_KEYFILE)
            db.rekey(vault.conn, new_master)
            # the re-encrypted pages are in the log: put them into vault.db now, or the
            # file keeps old-key pages that a page check takes for damage
            vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            os.replace(vault.path / PENDING_KEYFILE, vault.path / KEYFILE)
            vault.keyfile = fresh
            with vault.transaction() as tx:
                tx.audit("vault.rekey", "master key", {"slots": len(kept)})
        finally:
            vault.in_use.share()
            vault.lock.release()


def registered(conn: db.Connection, slot: Slot) -> str | None:
    """The role a slot opens the vault with, or None when the database does not know it."""
    row = conn.execute(
        "SELECT kind, user FROM slot_keys WHERE slot_id = ?", (slot.id,)
    ).fetchone()
    if row is None or row[0] != slot.kind or row[1] != slot.user:
        return None
    if slot.kind == RECOVERY:
        return "coordinator"
    user = conn.execute(
        "SELECT role FROM users WHERE slot_id = ? AND name = ?", (slot.id, slot.user)
    ).fetchone()
    return None if user is None else str(user[0])


def record_first_user(conn: db.Connection, vault_id: str, school: str, user: str,
                      slots: tuple[tuple[Slot, bytes], ...]) -> None:
    """A new vault's first rows (inside its first transaction): its id and school, the
    first user (a coordinator), the slot keys of that user and of the recovery key, and
    their audit entries."""
    now = now_iso()
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('vault_id', ?), ('school', ?),"
        " ('created_at', ?)",
        (vault_id, school, now),
    )
    user_slot = next(s for s, _key in slots if s.kind != RECOVERY)
    conn.execute(
        "INSERT INTO users(name, role, slot_id, created_at, created_by)"
        " VALUES (?, 'coordinator', ?, ?, ?)",
        (user, user_slot.id, now, user),
    )
    for s, key in slots:
        conn.execute(
            "INSERT INTO slot_keys(slot_id, kind, user, slot_key) VALUES (?,?,?,?)",
            (s.id, s.kind, s.user, key),
        )
    audit.append(conn, user, "vault.create", f"vault {vault_id}",
                 {"school": school, "user": user})
    audit.append(conn, user, "user.add", f"user {user}", {"role": "coordinator"})
    audit.append(conn, user, "recovery.create", "recovery key", {})
