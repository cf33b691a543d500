"""The vault's files, and the key file a key change leaves beside the current one.

A passphrase change or a rekey writes the new key file as ``keys.json.next``, commits
the database, then moves it in. Opening the vault finishes what a kill interrupted:
:func:`settle_pending` moves a pending key file in once the database has its slots,
:func:`finish_rekey` opens a database that already took the new master key.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from cybercase.core.errors import VaultCorrupt
from cybercase.core.i18n import msg
from cybercase.vault import db
from cybercase.vault.keyslots import KeyFile

KEYFILE = "keys.json"
PENDING_KEYFILE = "keys.json.next"
DBFILE = "vault.db"
LOCKFILE = "vault.lock"
INUSEFILE = "vault.inuse"


def pending_keyfile(path: Path) -> KeyFile | None:
    """The key file a change wrote beside the current one and did not yet move in."""
    try:
        return KeyFile.load(path / PENDING_KEYFILE)
    except (OSError, VaultCorrupt):
        return None


def settle_pending(path: Path, conn: db.Connection, keyfile: KeyFile,
                   master: bytes) -> KeyFile:
    """Move a pending key file in when the database already committed its slots."""
    pending = pending_keyfile(path)
    if pending is None or not pending.intact(master):
        return keyfile
    registered = {r[0] for r in conn.execute("SELECT slot_id FROM slot_keys")}
    if {s.id for s in pending.slots} != registered:
        return keyfile  # a change still in progress elsewhere, or one that failed
    with suppress(FileNotFoundError):
        os.replace(path / PENDING_KEYFILE, path / KEYFILE)
    return pending


def finish_rekey(path: Path, user: str, passphrase: str) -> tuple[db.Connection, KeyFile, bytes]:
    """A rekey was interrupted after the database took the new key: use the new slots."""
    pending = path / PENDING_KEYFILE
    if not pending.exists():
        raise VaultCorrupt(msg("vault.db_wrong_key", path=path / DBFILE))
    keyfile = KeyFile.load(pending)
    _slot, _key, master = keyfile.unlock(user, passphrase)
    conn = db.connect(path / DBFILE, master, keyfile.page_size)
    os.replace(pending, path / KEYFILE)
    return conn, keyfile, master
