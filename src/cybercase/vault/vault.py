"""The vault: a directory with the encrypted database and the key file.

::

    <vault>/            0700
      keys.json         0600  keyslots (see keyslots.py)
      vault.db          0600  SQLCipher 4, raw 256-bit master key (+ -wal/-shm)
      vault.lock        0600  one writer at a time (see lock.py)
      vault.inuse       0600  held (shared) while open; a rekey needs it alone (lock.py)

Open a vault with :meth:`Vault.open`, change it only inside :meth:`Vault.transaction`, which
takes the write lock, runs one SQLite transaction and lets the caller append audit entries
with the acting user.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from cybercase.core import osfiles
from cybercase.core.errors import (
    PermissionDenied,
    UnlockError,
    UsageError,
    VaultCorrupt,
    VaultMissing,
)
from cybercase.core.i18n import msg
from cybercase.core.roles import allowed, refusal
from cybercase.vault import audit, db, keyadmin, migrations, ratelimit, versions
from cybercase.vault.keyfiles import DBFILE as DBFILE
from cybercase.vault.keyfiles import INUSEFILE as INUSEFILE
from cybercase.vault.keyfiles import KEYFILE as KEYFILE
from cybercase.vault.keyfiles import LOCKFILE as LOCKFILE
from cybercase.vault.keyfiles import PENDING_KEYFILE as PENDING_KEYFILE
from cybercase.vault.keyfiles import finish_rekey, pending_keyfile, settle_pending
from cybercase.vault.keyslots import RECOVERY, KeyFile, check_passphrase, new_recovery_key
from cybercase.vault.keyslots import check_role as check_role
from cybercase.vault.keyslots import check_user_name as check_user_name
from cybercase.vault.lock import OpenLock, WriteLock


def exists(path: Path) -> bool:
    return (path / KEYFILE).exists() or (path / DBFILE).exists()


class Transaction:
    """What a caller may do inside :meth:`Vault.transaction`."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.conn = vault.conn

    def execute(self, sql: str, args: Any = ()) -> Any:
        return self.conn.execute(sql, args)

    def audit(
        self, action: str, obj: str, details: dict[str, Any] | None = None,
        case_ref: str | None = None,
    ) -> int:
        return audit.append(self.conn, self.vault.actor, action, obj, details, case_ref)


class Vault:
    def __init__(
        self, path: Path, keyfile: KeyFile, conn: db.Connection, user: str, role: str,
        slot_id: str,
    ) -> None:
        self.path = path
        self.keyfile = keyfile
        self.conn = conn
        self.user = user
        self.role = role
        self.slot_id = slot_id
        self.lock = WriteLock(path / LOCKFILE)
        self.in_use = OpenLock(path / INUSEFILE)
        self._mutex = threading.RLock()
        self.keyfile_intact = True

    # --- identity -------------------------------------------------------------------

    @property
    def actor(self) -> str:
        return self.user

    @property
    def is_recovery(self) -> bool:
        return self.user == RECOVERY

    def require(self, permission: str) -> None:
        if not allowed(self.role, permission):
            raise PermissionDenied(refusal(self.user, self.role, permission))

    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    @property
    def school(self) -> str:
        return self.meta("school")

    # --- creating -------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, user: str, passphrase: str, school: str = ""
    ) -> tuple[Vault, str]:
        """Make a new vault with its first user (coordinator). Returns it and the recovery key."""
        check_user_name(user)
        check_passphrase(passphrase)
        if exists(path):
            raise UsageError(msg("vault.already_exists", path=path))
        if path.exists() and any(path.iterdir()):
            raise UsageError(msg("vault.dir_not_empty", path=path))
        made_dir = not path.exists()
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        osfiles.make_private(path, folder=True)
        master = secrets.token_bytes(32)
        keyfile = KeyFile(vault_id=secrets.token_hex(16), page_size=db.PAGE_SIZE)
        recovery_key = new_recovery_key()
        slot, slot_key = keyfile.new_slot("user", user, passphrase, master)
        rslot, rslot_key = keyfile.new_slot(RECOVERY, RECOVERY, recovery_key, master)
        keyfile.seal(master)
        conn = None
        try:
            conn = cls._connect_new(path, master, keyfile.page_size)
            vault = cls(path, keyfile, conn, user, "coordinator", slot.id)
            vault.in_use.hold()
            vault.lock.acquire(user)
            try:
                migrations.migrate(conn)
                with vault.transaction():
                    keyadmin.record_first_user(conn, keyfile.vault_id, school, user,
                                               ((slot, slot_key), (rslot, rslot_key)))
                # the key file last: a vault without one is recognisably unfinished
                keyfile.save(path / KEYFILE)
            finally:
                vault.lock.release()
        except BaseException:
            if conn is not None:
                with suppress(Exception):
                    conn.close()
            for name in (KEYFILE, DBFILE, DBFILE + "-wal", DBFILE + "-shm", LOCKFILE,
                         INUSEFILE):
                with suppress(FileNotFoundError):
                    (path / name).unlink()
            if made_dir:
                with suppress(OSError):
                    path.rmdir()
            raise
        for name in (DBFILE, DBFILE + "-wal", DBFILE + "-shm", LOCKFILE, INUSEFILE):
            with suppress(FileNotFoundError):
                osfiles.make_private(path / name)
        return vault, recovery_key

    @staticmethod
    def _connect_new(path: Path, master: bytes, page_size: int) -> db.Connection:
        old = os.umask(0o077)
        try:
            return db.connect(path / DBFILE, master, page_size)
        finally:
            os.umask(old)

    # --- opening --------------------------------------------------------------------

    @staticmethod
    def load_keyfile(path: Path) -> KeyFile:
        if not (path / KEYFILE).exists():
            if (path / DBFILE).exists():
                raise VaultCorrupt(msg("vault.keyfile_missing", path=path / KEYFILE))
            raise VaultMissing(msg("vault.missing", path=path))
        return KeyFile.load(path / KEYFILE)

    @staticmethod
    def users(path: Path) -> list[str]:
        """The user names in the key file (readable before unlocking)."""
        return Vault.load_keyfile(path).user_names()

    @classmethod
    def open(cls, path: Path, user: str, passphrase: str) -> Vault:
        keyfile = cls.load_keyfile(path)
        if not (path / DBFILE).exists():
            raise VaultCorrupt(msg("vault.db_missing", path=path / DBFILE))
        if (path / DBFILE).stat().st_size == 0:
            raise VaultCorrupt(msg("vault.db_empty", path=path / DBFILE))
        if user not in {s.user for s in keyfile.slots}:
            pending = pending_keyfile(path)
            # unknown user: say so before counting anything
            (pending or keyfile).find(user)
        in_use = OpenLock(path / INUSEFILE)
        in_use.hold()  # before reading: a rekey in progress finishes first
        try:
            # read again: a rekey that finished while we waited wrote a new key file
            vault = cls._open(path, cls.load_keyfile(path), user, passphrase)
        except BaseException:
            in_use.release()
            raise
        vault.in_use = in_use
        return vault

    @classmethod
    def _open(cls, path: Path, keyfile: KeyFile, user: str, passphrase: str) -> Vault:
        with ratelimit.attempt(path, user):
            try:
                slot, _slot_key, master = keyfile.unlock(user, passphrase)
            except UnlockError:
                # a passphrase change killed after its commit: the new slot is pending
                pending = pending_keyfile(path)
                if pending is None or user not in {s.user for s in pending.slots}:
                    raise
                slot, _slot_key, master = pending.unlock(user, passphrase)
                keyfile = pending
        try:
            conn = db.connect(path / DBFILE, master, keyfile.page_size)
        except VaultCorrupt:
            conn, keyfile, master = finish_rekey(path, user, passphrase)
            slot = keyfile.find(user)
        master_ok = keyfile.intact(master)
        migrations.check_not_newer(conn)
        role = keyadmin.registered(conn, slot)
        if role is None:
            removed = conn.execute(
                "SELECT 1 FROM users WHERE name = ?", (user,)
            ).fetchone() is None and slot.kind != RECOVERY
            conn.close()
            if removed:
                raise UnlockError(msg("vault.user_removed", user=user))
            # a replaced passphrase or recovery key, e.g. an old key file put back
            raise UnlockError(msg("trust.slot_replaced", user=user))
        keyfile = settle_pending(path, conn, keyfile, master)
        vault = cls(path, keyfile, conn, user, role, slot.id)
        vault.keyfile_intact = master_ok
        if migrations.pending(conn):
            vault.lock.acquire(user)
            try:
                migrations.migrate(conn)
            finally:
                vault.lock.release()
        del master
        return vault

    def sibling(self) -> Vault:
        """The same open vault (user, role, keys) on a connection of its own, for a worker
        thread that writes a lot (an ingest, an export): SQLite's WAL lets the app read on
        its connection meanwhile, and the two take turns at writing through the write
        lock (a lock per open file, so it also works between the two in one process).
        Close it when the work is done; it leaves this vault open."""
        with self._mutex:
            conn = db.connect(self.path / DBFILE, self._master(), self.keyfile.page_size)
        other = Vault(self.path, self.keyfile, conn, self.user, self.role, self.slot_id)
        other.keyfile_intact = self.keyfile_intact
        return other  # its in-use lock is never taken: this vault's covers the process

    @contextmanager
    def holding_lock(self, wait: float | None = None) -> Iterator[None]:
        """Hold the write lock around several transactions (a dialog's save), waiting at
        most ``wait`` seconds for another writer (default: ``CYBERCASE_LOCK_WAIT``);
        ``VaultBusy`` when it stays taken. Transactions inside join the held lock."""
        self.lock.acquire(self.user, wait=wait)
        try:
            yield
        finally:
            self.lock.release()

    def close(self) -> None:
        with self._mutex:
            if self.conn is not None:
                with suppress(Exception):
                    self.conn.close()
            self.lock.release()
            self.in_use.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- changing -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Write lock + one SQLite transaction; audit entries go in the same transaction."""
        with self._mutex:
            self.lock.acquire(self.user)
            try:
                if self.conn.in_transaction:
                    # nested: join the outer transaction
                    yield Transaction(self)
                    return
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    versions.check(self.conn)  # a form's record still as it saw it
                    yield Transaction(self)
                except BaseException:
                    # SQLite may have rolled back already (a full disk): keep the real error
                    if self.conn.in_transaction:
                        with suppress(db.DatabaseError):
                            self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
            finally:
                self.lock.release()

    # --- users ----------------------------------------------------------------------

    def list_users(self) -> list[dict[str, Any]]:
        return keyadmin.list_users(self)

    def add_user(self, name: str, role: str, passphrase: str) -> None:
        keyadmin.add_user(self, name, role, passphrase)

    def remove_user(self, name: str) -> None:
        keyadmin.remove_user(self, name)

    def change_passphrase(self, name: str, passphrase: str) -> None:
        """A new slot (new slot id and slot key) for ``name``; the old one is unregistered."""
        keyadmin.change_passphrase(self, name, passphrase)

    def new_recovery_key(self) -> str:
        """Replace the recovery slot; returns the new recovery key (shown once)."""
        return keyadmin.new_recovery_key(self)

    def rekey(self) -> None:
        """Rotate the master key (see :func:`keyadmin.rekey`)."""
        keyadmin.rekey(self)

    def compact(self) -> bool:
        """Rebuild the database file so deleted bytes are really gone (retention purge);
        False when another program kept the WAL from being emptied (see ``db.vacuum``)."""
        with self._mutex:
            self.lock.acquire(self.user)
            try:
                return db.vacuum(self.conn)
            finally:
                self.lock.release()

    # --- internals ------------------------------------------------------------------

    def _reload_keyfile(self) -> None:
        """Another process may have changed the key file since we opened it."""
        self.keyfile = KeyFile.load(self.path / KEYFILE)

    def _slot_key(self, slot_id: str) -> bytes:
        row = self.conn.execute(
            "SELECT slot_key FROM slot_keys WHERE slot_id = ?", (slot_id,)
        ).fetchone()
        if row is None:
            raise VaultCorrupt(msg("vault.slot_key_missing"))
        return bytes(row[0])

    def _master(self) -> bytes:
        slot = next((s for s in self.keyfile.slots if s.id == self.slot_id), None)
        if slot is None:
            # our slot was replaced in another program (passphrase or recovery key changed)
            raise UnlockError(msg("trust.slot_gone", user=self.user))
        return self.keyfile.unwrap_master(slot, self._slot_key(slot.id))

    def backup_into(self, path: Path) -> None:
        """Copy the whole database into a new file at ``path``, encrypted with the same
        master key (for backups: the key never leaves the vault object)."""
        target = db.connect(path, self._master(), self.keyfile.page_size)
        try:
            self.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()

    # --- verification ---------------------------------------------------------------

    def verify_problems(self) -> list[str]:
        """Everything the vault itself can check: key file, database pages, audit chain."""
        problems: list[str] = []
        self._reload_keyfile()
        if not self.keyfile.intact(self._master()):
            problems.append(
                f"the key file {self.path / KEYFILE} was changed outside cybercase "
                "(its seal does not match): restore it from a backup"
            )
        in_db = {r[0] for r in self.conn.execute("SELECT slot_id FROM slot_keys")}
        in_file = {s.id for s in self.keyfile.slots}
        if in_db != in_file:
            problems.append(
                "the key file's slots do not match the vault's list of users: "
                "restore the key file from a backup"
            )
        problems.extend(db.integrity_problems(self.conn))
        problems.extend(audit.verify_chain(self.conn))
        problems.extend(migrations.trigger_problems(self.conn))
        return problems
