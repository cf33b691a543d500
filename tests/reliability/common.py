"""Shared pieces of the reliability suite: the real CLI in a subprocess, real images, checks.

Everything here attacks the real program: subprocesses of ``python -m cybercase``, real
SQLCipher files and real images made with Pillow. The checks after an attack open the vault
the way the program does and look under it with a raw keyed connection.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from cybercase.evidence.store import rehash
from cybercase.vault import Vault
from cybercase.vault.audit import verify_chain
from cybercase.vault.db import integrity_problems
from tests.conftest import PASSPHRASE, USER, Result
from tests.helpers import raw_connection

# Counts are also printed by the terminal summary (tests/conftest.py), so CI output shows
# them without -s and with xdist.
PROPERTY = "reliability"


def base_env(vault_dir: Path, tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI subprocess: fast KDF, this vault, temp files kept in ``tmp``."""
    (tmp / "tmp").mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "CYBERCASE_KDF": "fast",
        "CYBERCASE_LOCK_WAIT": "10",
        "CYBERCASE_VAULT": str(vault_dir),
        "CYBERCASE_USER": USER,
        "CYBERCASE_PASSPHRASE": PASSPHRASE,
        "CYBERCASE_NEW_PASSPHRASE": PASSPHRASE,
        "TMPDIR": str(tmp / "tmp"),
        "XDG_DATA_HOME": str(tmp / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
        "XDG_CACHE_HOME": str(tmp / "xdg-cache"),
    }
    env.pop("CYBERCASE_DEBUG", None)
    env.update(extra)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cybercase", *args]


def run(env: dict[str, str], *args: str, timeout: float = 120, input: str | None = None
        ) -> Result:
    """Run the CLI; never a traceback."""
    proc = subprocess.run(command(*args), env=env, capture_output=True, text=True,
                          timeout=timeout, input=input)
    assert "Traceback" not in proc.stderr, (args, proc.stderr)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def ok(env: dict[str, str], *args: str, **kw: Any) -> Result:
    result = run(env, *args, **kw)
    assert result.code == 0, (args, result.code, result.err)
    return result


def error_lines(stderr: str) -> list[str]:
    """The lines of stderr that are not warnings or progress."""
    return [line for line in stderr.splitlines()
            if line.strip() and not line.startswith(("cybercase: warning:", "ingest:",
                                                     "export:"))]


# --- real images ----------------------------------------------------------------------------


def noise_image(rng: random.Random, width: int, height: int, fmt: str,
                exif_text: str | None = None) -> bytes:
    """A picture of random pixels (incompressible: real size), encoded by Pillow."""
    img = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    buf = io.BytesIO()
    kwargs: dict[str, Any] = {}
    if fmt == "JPEG":
        kwargs["quality"] = 90
    if exif_text is not None:
        exif = Image.Exif()
        exif[0x010E] = exif_text  # ImageDescription
        exif[0x0132] = "2026:11:20 15:04:05"  # DateTime
        kwargs["exif"] = exif.tobytes()
    img.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the state of a vault, looked at from under the program ----------------------------------


@dataclass
class State:
    """What a vault holds (committed), to compare before and after an attack."""

    items: dict[int, str] = field(default_factory=dict)  # evidence id -> sha256
    cases: set[str] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    audit_head: int = 0

    def lost_from(self, before: State) -> list[str]:
        lost = []
        for item_id, sha in before.items.items():
            if self.items.get(item_id) != sha:
                lost.append(f"evidence {item_id} ({sha[:12]}) is gone or changed")
        lost += [f"case {ref} is gone" for ref in sorted(before.cases - self.cases)]
        lost += [f"person {p} is gone" for p in sorted(before.people - self.people)]
        if self.audit_head < before.audit_head:
            lost.append(f"the audit log shrank from {before.audit_head} to {self.audit_head}")
        return lost


def check_vault(vault_dir: Path, passphrase: str = PASSPHRASE, user: str = USER) -> State:
    """Open the vault as the program does and check everything; return its committed state.

    Raises AssertionError naming every problem: SQLCipher's page check and SQLite's
    integrity check, the audit chain, every content re-hashed, nothing half-written
    (staging blobs, chunks without their blob, items without content or audit entry).
    """
    vault = Vault.open(vault_dir, user, passphrase)
    try:
        conn = vault.conn
        problems = list(integrity_problems(conn))
        problems += list(verify_chain(conn))
        problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
        for blob_id, sha, size, chunks in conn.execute(
            "SELECT id, sha256, size, chunks FROM blobs"
        ).fetchall():
            if str(sha).startswith("staging:"):
                problems.append(f"blob {blob_id} is a half-written staging blob")
                continue
            got = rehash(conn, blob_id)
            if got != (sha, size, chunks):
                problems.append(f"blob {blob_id} re-hashes to {got}, recorded {sha} {size}")
        orphans = conn.execute(
            "SELECT count(*) FROM blob_chunks WHERE blob_id NOT IN (SELECT id FROM blobs)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} chunk(s) belong to no blob")
        state = State()
        audited = {row[0] for row in conn.execute(
            "SELECT object FROM audit WHERE action = 'evidence.ingest'")}
        for item_id, sha, size, blob_sha, blob_size in conn.execute(
            "SELECT e.id, e.sha256, e.size, b.sha256, b.size FROM evidence_items e"
            " LEFT JOIN blobs b ON b.id = e.blob_id"
        ).fetchall():
            if (blob_sha, blob_size) != (sha, size):
                problems.append(f"evidence {item_id} has no full content")
            if f"evidence {item_id}" not in audited:
                problems.append(f"evidence {item_id} has no audit entry")
            state.items[item_id] = sha
        created = {row[0] for row in conn.execute(
            "SELECT object FROM audit WHERE action = 'case.create'")}
        for (ref,) in conn.execute("SELECT ref FROM cases").fetchall():
            if f"case {ref}" not in created:
                problems.append(f"case {ref} has no audit entry")
            state.cases.add(ref)
        state.people = {row[0] for row in conn.execute("SELECT id FROM people")}
        state.audit_head = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        assert not problems, problems
        return state
    finally:
        vault.close()


def raw(vault_dir: Path) -> Any:
    return raw_connection(vault_dir, USER, PASSPHRASE)
