"""Test-only helpers: vaults copied from a template, and helpers that reach under the
vault's API (raw SQLCipher with the real key)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from cybercase.vault import Vault
from cybercase.vault.keyslots import KeyFile

# Template vaults of this process (one per xdist worker): the first new_vault() with given
# arguments makes one with Vault.create (the KDF and every migration), later calls copy it.
_TEMPLATES: dict[tuple[str, str, str, str], tuple[Path, str]] = {}
_template_root: list[Path] = []


def set_template_root(root: Path) -> None:
    """Where this process keeps its template vaults (the session's temp dir)."""
    _template_root[:] = [root]


def new_vault(path: Path, user: str, passphrase: str, school: str = "") -> tuple[Vault, str]:
    """``Vault.create(path, user, passphrase, school)``, made by copying a template vault.

    For tests that just need "a vault with user X": the copy is the template's files
    byte for byte (same vault id, master key and recovery key; no lock is held and no
    session is open in the template, which is closed). Tests about creating a vault call
    ``Vault.create`` itself.
    """
    kdf = os.environ.get("CYBERCASE_KDF", "")
    key = (user, passphrase, school, kdf)
    if key not in _TEMPLATES:
        root = _template_root[0] if _template_root else Path(tempfile.mkdtemp())
        template = Path(tempfile.mkdtemp(prefix="vault-template-", dir=root)) / "vault"
        vault, recovery = Vault.create(template, user, passphrase, school)
        vault.close()
        # closed: no write-ahead log, no session, no lock record to share with the copies
        assert {p.name for p in template.iterdir()} <= {
            "keys.json", "vault.db", "vault.inuse", "vault.lock"}
        assert (template / "vault.lock").read_text(encoding="utf-8") == ""
        _TEMPLATES[key] = template, recovery
    template, recovery = _TEMPLATES[key]
    if path.exists() and any(path.iterdir()):
        return Vault.create(path, user, passphrase, school)  # refused, as it would be
    shutil.copytree(template, path, dirs_exist_ok=True)
    return Vault.open(path, user, passphrase), recovery


def master_key(vault_dir: Path, user: str, passphrase: str) -> bytes:
    _slot, _key, master = KeyFile.load(vault_dir / "keys.json").unlock(user, passphrase)
    return master


def raw_connection(vault_dir: Path, user: str, passphrase: str) -> Any:
    """A raw SQLCipher connection keyed with the vault's master key (an attacker with the key)."""
    keyfile = KeyFile.load(vault_dir / "keys.json")
    master = master_key(vault_dir, user, passphrase)
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{master.hex()}'\"")
    conn.execute(f"PRAGMA cipher_page_size = {keyfile.page_size}")
    return conn


def all_bytes(directory: Path) -> bytes:
    """Every byte of every file below ``directory``."""
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


def rewrite_zip(src: Path, dst: Path, change: dict[str, bytes | None]) -> None:
    """Copy a ZIP, replacing members (bytes), removing them (None) or adding new ones."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = change.get(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)
        for name, data in change.items():
            if name not in zin.namelist() and data is not None:
                zout.writestr(name, data)


@contextmanager
def small_tmpfs(where: Path, size: str, read_only: bool = False) -> Iterator[Path]:
    """A real, small file system mounted at ``where`` (needs root; skips the test without).

    A full disk and a read-only folder are then real, not simulated."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    options = f"size={size}" + (",ro" if read_only else "")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)
