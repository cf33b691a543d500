"""Backups: one file holding a consistent, still-encrypted copy of the vault.

The backup is a ZIP (stored, not compressed: the contents are encrypted) with the key file,
a copy of the database made with SQLite's online backup API under the write lock (readers
and the app keep working; writers wait), and ``BACKUP.json`` with the SHA-256 of both.
Nothing in it is readable without a passphrase or the recovery key.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from contextlib import suppress
from pathlib import Path

from cybercase.core import oslayer
from cybercase.errors import UsageError, VaultCorrupt
from cybercase.i18n import msg
from cybercase.timeutil import now_iso
from cybercase.vault import db
from cybercase.vault.keyslots import KeyFile
from cybercase.vault.vault import DBFILE, KEYFILE, Vault, exists

MANIFEST = "BACKUP.json"
MEMBERS = {KEYFILE, DBFILE, MANIFEST}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup(vault: Vault, out: Path, force: bool = False) -> dict[str, str]:
    """Write the backup to ``out`` atomically; returns what BACKUP.json records."""
    vault.require("vault.admin")
    out = out.expanduser()
    if out.exists() and not force:
        raise UsageError(msg("vault.backup_exists", path=out))
    if not out.parent.is_dir():
        raise UsageError(msg("vault.backup_no_dir", path=out.parent))
    with tempfile.TemporaryDirectory(prefix=".cybercase-backup-", dir=out.parent) as tmp:
        copy = Path(tmp) / DBFILE
        with vault.transaction() as tx:
            tx.audit("vault.backup", "vault", {"file": out.name})
        vault.lock.acquire(vault.user)
        try:
            keyfile_bytes = (vault.path / KEYFILE).read_bytes()
            target = db.connect(copy, vault._master(), vault.keyfile.page_size)
            try:
                vault.conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            vault.lock.release()
        info = {
            "format": "cybercase-backup",
            "version": "1",
            "vault_id": vault.keyfile.vault_id,
            "created_at": now_iso(),
            "created_by": vault.user,
            "keys_sha256": hashlib.sha256(keyfile_bytes).hexdigest(),
            "db_sha256": _sha256(copy),
        }
        partial = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST, json.dumps(info, indent=1))
            zf.writestr(KEYFILE, keyfile_bytes)
            zf.write(copy, DBFILE)
        with partial.open("r+b") as fh:  # Windows flushes only a file open for writing
            oslayer.sync_file(fh.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, out)
    return info


def restore(source: Path, target: Path) -> dict[str, str]:
    """Unpack a backup into a new vault directory; never overwrites an existing vault."""
    source = source.expanduser()
    if not source.is_file():
        raise UsageError(msg("vault.no_backup_file", path=source))
    if exists(target) or (target.exists() and any(target.iterdir())):
        raise UsageError(msg("vault.restore_target_used", path=target))
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        raise UsageError(msg("vault.backup_not_zip", path=source)) from None
    with zf:
        names = set(zf.namelist())
        if names != MEMBERS:
            raise UsageError(msg("vault.backup_members", path=source, names=sorted(names)))
        try:
            info = json.loads(zf.read(MANIFEST))
        except ValueError:
            raise VaultCorrupt(msg("vault.backup_manifest", path=source)) from None
        if info.get("format") != "cybercase-backup":
            raise UsageError(msg("vault.backup_not_ours", path=source))
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".cybercase-restore-", dir=target.parent))
        try:
            for name in (KEYFILE, DBFILE):
                with zf.open(name) as src, (staging / name).open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                os.chmod(staging / name, 0o600)
            if _sha256(staging / KEYFILE) != info.get("keys_sha256") or _sha256(
                staging / DBFILE
            ) != info.get("db_sha256"):
                raise VaultCorrupt(msg("vault.backup_damaged", path=source))
            KeyFile.load(staging / KEYFILE)
            os.chmod(staging, 0o700)
            if target.exists():
                target.rmdir()
            os.replace(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            with suppress(FileNotFoundError):
                staging.rmdir()
    return {str(k): str(v) for k, v in info.items()}
