"""A growing delay after repeated wrong passphrases (against guessing at an unlocked desk).

Failures are counted per user in ``unlock-failures.json`` beside the key file (user names
and counts only). The first three tries are free; after that each further try must wait
2, 4, 8 ... up to 60 seconds after the last wrong passphrase. A try that comes too soon is
refused without testing the passphrase and counts as a failure too (it makes the wait
longer, not the last failure later), so hammering does not help.

One unlock at a time per vault: :func:`attempt` holds an exclusive lock on
``unlock-failures.lock`` (through the OS seam) from the check, through the key derivation,
to the recorded result, so parallel tries cannot all slip past the check or overwrite each
other's count.

This is a speed bump for guessing at the school's own PC, not cryptography: deleting
``unlock-failures.json`` resets the delay, and a thief with a copy of the files is not
slowed by it at all. Argon2id is what slows them.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from cybercase.core.errors import UnlockError
from cybercase.core.i18n import msg
from cybercase.core.oslayer import lock_fd, unlock_fd
from cybercase.core.safefile import PartialFile

FILE = "unlock-failures.json"
LOCK = "unlock-failures.lock"
FREE_TRIES = 3
MAX_DELAY = 60.0


def _load(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads((path / FILE).read_text(encoding="utf-8"))
        return {str(k): {"count": float(v["count"]), "last": float(v["last"])}
                for k, v in data.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _save(path: Path, data: dict[str, dict[str, float]]) -> None:
    with suppress(OSError):
        partial = PartialFile(path / FILE, ".unlock-failures-", overwrite=True)
        try:
            partial.file.write(json.dumps(data).encode("utf-8"))
            partial.commit()
        finally:
            partial.discard()


def delay_for(count: float) -> float:
    if count < FREE_TRIES:
        return 0.0
    return float(min(MAX_DELAY, 2 ** (count - FREE_TRIES + 1)))


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """The unlock lock; without it (a read-only folder) tries are simply not serialised."""
    try:
        fd = os.open(path / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    try:
        lock_fd(fd, exclusive=True, blocking=True)
        try:
            yield
        finally:
            unlock_fd(fd)
    finally:
        os.close(fd)


@contextmanager
def attempt(path: Path, user: str) -> Iterator[None]:
    """Guard one unlock try: refuse it if it comes too soon, record how it ended.

    The body raises :class:`UnlockError` for a wrong passphrase (counted); anything else
    it raises leaves the count alone; finishing the body clears the user's count."""
    with _exclusive(path):
        data = _load(path)
        entry = data.get(user)
        now = time.time()
        if entry and entry["last"] + delay_for(entry["count"]) > now:
            data[user] = {"count": entry["count"] + 1, "last": entry["last"]}
            _save(path, data)
            wait = entry["last"] + delay_for(entry["count"] + 1) - now
            raise UnlockError(msg("vault.rate_limited", count=int(entry["count"]), user=user,
                                  seconds=int(wait) + 1))
        try:
            yield
        except UnlockError:
            old = data.get(user, {"count": 0.0, "last": 0.0})
            data[user] = {"count": old["count"] + 1, "last": time.time()}
            _save(path, data)
            raise
        if user in data:
            del data[user]
            _save(path, data)

