"""Backups: one file holding a consistent, still-encrypted copy of the vault.

The backup is a ZIP (stored, not compressed: the contents are encrypted) with the key file,
a copy of the database made with SQLite's online backup API under the write lock (readers
and the app keep working; writers wait), and ``BACKUP.json`` with the SHA-256 of both.
Nothing in it is readable without a passphrase or the recovery key.

The work happens in a hidden, locked folder beside the target (see :mod:`workdir`): a
killed backup or restore leaves it behind, and the next one removes it. The backup is
logged in the audit only once it is complete, right before it takes its name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
import zlib
from pathlib import Path
from typing import Any

from cybercase.core import oslayer
from cybercase.core.errors import CybercaseError, UsageError, VaultCorrupt
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.vault import db
from cybercase.vault.keyslots import KeyFile
from cybercase.vault.vault import DBFILE, KEYFILE, Vault, exists
from cybercase.vault.workdir import WorkDir

MANIFEST = "BACKUP.json"
MEMBERS = {KEYFILE, DBFILE, MANIFEST}
MAX_MANIFEST = 64 * 1024  # BACKUP.json is a few hundred bytes
MAX_KEYFILE = 4 * 1024 * 1024
BACKUP_PREFIX = ".cybercase-backup-"
RESTORE_PREFIX = ".cybercase-restore-"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_error(exc: OSError, path: Path) -> CybercaseError:
    if db.disk_full(exc):
        return CybercaseError(msg("trust.disk_full"))
    return UsageError(msg("trust.cannot_write", path=path, error=exc.strerror or str(exc)))


def backup(vault: Vault, out: Path, force: bool = False) -> dict[str, str]:
    """Write the backup to ``out`` atomically; returns what BACKUP.json records."""
    vault.require("vault.admin")
    out = out.expanduser()
    if out.exists() and not force:
        raise UsageError(msg("vault.backup_exists", path=out))
    if not out.parent.is_dir():
        raise UsageError(msg("vault.backup_no_dir", path=out.parent))
    try:
        with WorkDir(out.parent, BACKUP_PREFIX) as work:
            partial, info = _write_backup(vault, work.path, out)
            with vault.transaction() as tx:  # complete: log it, then give it its name
                tx.audit("vault.backup", "vault", {"file": out.name,
                                                   "db_sha256": info["db_sha256"]})
            os.replace(partial, out)
    except OSError as exc:
        raise _write_error(exc, out) from None
    return info


def _write_backup(vault: Vault, tmp: Path, out: Path) -> tuple[Path, dict[str, str]]:
    copy = tmp / DBFILE
    vault.lock.acquire(vault.user)
    try:
        keyfile_bytes = (vault.path / KEYFILE).read_bytes()
        vault.backup_into(copy)
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
    partial = tmp / "backup.zip"
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(MANIFEST, json.dumps(info, indent=1))
        zf.writestr(KEYFILE, keyfile_bytes)
        zf.write(copy, DBFILE)
    with partial.open("r+b") as fh:  # Windows flushes only a file open for writing
        oslayer.sync_file(fh.fileno())
    os.chmod(partial, 0o600)
    return partial, info


def _manifest(zf: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    """BACKUP.json, read with a bound: a crafted huge member is refused, never loaded."""
    member = zf.getinfo(MANIFEST)
    if member.file_size > MAX_MANIFEST:
        raise VaultCorrupt(msg("vault.backup_manifest", path=source))
    with zf.open(member) as fh:
        raw = fh.read(MAX_MANIFEST + 1)
    try:
        info = json.loads(raw) if len(raw) <= MAX_MANIFEST else None
    except ValueError:
        info = None
    if not isinstance(info, dict):
        raise VaultCorrupt(msg("vault.backup_manifest", path=source))
    return info


def _check_target(target: Path) -> None:
    if target.is_symlink():
        raise UsageError(msg("trust.restore_symlink", path=target,
                             real=os.path.realpath(target)))
    if exists(target) or (target.exists() and (not target.is_dir() or any(target.iterdir()))):
        raise UsageError(msg("vault.restore_target_used", path=target))


def restore(source: Path, target: Path) -> dict[str, str]:
    """Unpack a backup into a new vault directory; never overwrites an existing vault."""
    source = source.expanduser()
    if not source.is_file():
        raise UsageError(msg("vault.no_backup_file", path=source))
    _check_target(target)
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        raise UsageError(msg("vault.backup_not_zip", path=source)) from None
    with zf:
        names = zf.namelist()
        if set(names) != MEMBERS or len(names) != len(MEMBERS):
            raise UsageError(msg("vault.backup_members", path=source, names=sorted(names)))
        try:
            info = _manifest(zf, source)
            if info.get("format") != "cybercase-backup":
                raise UsageError(msg("vault.backup_not_ours", path=source))
            if zf.getinfo(KEYFILE).file_size > MAX_KEYFILE:
                raise VaultCorrupt(msg("vault.backup_damaged", path=source))
            _unpack(zf, source, target, info)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError):
            raise VaultCorrupt(msg("vault.backup_damaged", path=source)) from None
        except OSError as exc:
            raise _write_error(exc, target) from None
    return {str(k): str(v) for k, v in info.items()}


def _unpack(zf: zipfile.ZipFile, source: Path, target: Path, info: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with WorkDir(target.parent, RESTORE_PREFIX) as work:
        staging = work.path
        for name in (KEYFILE, DBFILE):
            with zf.open(name) as src, (staging / name).open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                oslayer.sync_file(dst.fileno())
            os.chmod(staging / name, 0o600)
        if _sha256(staging / KEYFILE) != info.get("keys_sha256") or _sha256(
            staging / DBFILE
        ) != info.get("db_sha256"):
            raise VaultCorrupt(msg("vault.backup_damaged", path=source))
        KeyFile.load(staging / KEYFILE)
        os.chmod(staging, 0o700)
        work.release()
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
