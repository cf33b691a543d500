"""Unlock time (real Argon2id parameters) and opening a vault with many audit entries.

Floors measured in the same run: a bare Argon2id derivation with the same parameters, and
opening a keyed SQLCipher database of the same size with a plain first read.
"""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from cybercase.vault import Vault
from cybercase.vault import db as vdb
from cybercase.vault.keyslots import DEFAULT_KDF, KeyFile, derive

PASSPHRASE = "benchmark passphrase 2026"


def _best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times) if repeat < 3 else statistics.median(times)


def main(quick: bool) -> None:
    os.environ.pop("CYBERCASE_KDF", None)  # the real parameters
    entries = 2_000 if quick else 50_000
    repeat = 2 if quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault"
        vault, _ = Vault.create(path, "anna", PASSPHRASE)
        with vault.transaction() as tx:
            for i in range(entries):
                tx.audit("bench.event", f"object {i}", {"i": i, "note": "x" * 40})
        vault.close()

        keyfile = KeyFile.load(path / "keys.json")
        slot = keyfile.find("anna")
        salt = secrets.token_bytes(16)
        kdf = _best(lambda: derive(PASSPHRASE, salt, DEFAULT_KDF), repeat)
        unlock = _best(lambda: Vault.open(path, "anna", PASSPHRASE).close(), repeat)
        print(f"argon2id_params: t={slot.kdf['t']} m={slot.kdf['m']}KiB p={slot.kdf['p']}")
        print(f"unlock: {unlock * 1000:.0f} ms")
        print(f"unlock_kdf_floor: {kdf * 1000:.0f} ms")
        print(f"unlock_vs_floor: {unlock / kdf:.2f}")

        master = keyfile.unlock("anna", PASSPHRASE)[2]

        def open_bare() -> None:
            conn = vdb.connect(path / "vault.db", master, keyfile.page_size)
            conn.close()

        def open_ours() -> None:
            conn = vdb.connect(path / "vault.db", master, keyfile.page_size)
            conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
            conn.close()

        bare = _best(open_bare, repeat * 3)
        ours = _best(open_ours, repeat * 3)
        label = f"open_{entries}_audit"
        print(f"{label}: {ours * 1000:.2f} ms (after the key is unwrapped)")
        print(f"{label}_vs_floor: {ours / bare:.2f}")

        v = Vault.open(path, "anna", PASSPHRASE)
        start = time.perf_counter()
        problems = v.verify_problems()
        elapsed = time.perf_counter() - start
        v.close()
        print(f"verify_{entries}_audit: {elapsed * 1000:.0f} ms ({len(problems)} problems)")
