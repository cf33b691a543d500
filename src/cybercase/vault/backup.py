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

from cybercase.errors import UsageError, VaultCorrupt
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
        raise UsageError(f"{out} already exists: choose another name or add --force")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist: create it first")
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
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, out)
    return info


def restore(source: Path, target: Path) -> dict[str, str]:
    """Unpack a backup into a new vault directory; never overwrites an existing vault."""
    source = source.expanduser()
    if not source.is_file():
        raise UsageError(f"there is no backup file {source}")
    if exists(target) or (target.exists() and any(target.iterdir())):
        raise UsageError(
            f"{target} already holds a vault or other files: restore into a new --vault "
            "directory (cybercase never overwrites a vault)"
        )
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        raise UsageError(f"{source} is not a cybercase backup (not a readable ZIP file)") from None
    with zf:
        names = set(zf.namelist())
        if names != MEMBERS:
            raise UsageError(f"{source} is not a cybercase backup (it holds {sorted(names)})")
        try:
            info = json.loads(zf.read(MANIFEST))
        except ValueError:
            raise VaultCorrupt(f"the backup {source} is damaged (BACKUP.json)") from None
        if info.get("format") != "cybercase-backup":
            raise UsageError(f"{source} is not a cybercase backup")
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
                raise VaultCorrupt(
                    f"the backup {source} is damaged: its files do not match their recorded "
                    "SHA-256; use an older backup"
                )
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
