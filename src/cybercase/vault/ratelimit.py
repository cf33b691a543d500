"""A growing delay after repeated wrong passphrases (against guessing at an unlocked desk).

Failures are counted per user in ``unlock-failures.json`` beside the key file (user names
and counts only). The first three tries are free; after that each further try must wait
2, 4, 8 ... up to 60 seconds after the previous failure. A thief with a copy of the files
is not slowed by this; Argon2id is what slows them.
"""

from __future__ import annotations

import json
import time
from contextlib import suppress
from pathlib import Path

from cybercase.errors import UnlockError
from cybercase.i18n import msg
from cybercase.safefile import PartialFile

FILE = "unlock-failures.json"
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


def check(path: Path, user: str) -> None:
    """Refuse a try that comes too soon after repeated failures."""
    entry = _load(path).get(user)
    if not entry:
        return
    wait = entry["last"] + delay_for(entry["count"]) - time.time()
    if wait > 0:
        raise UnlockError(msg("vault.rate_limited", count=int(entry["count"]), user=user,
                              seconds=int(wait) + 1))


def failed(path: Path, user: str) -> None:
    data = _load(path)
    entry = data.get(user, {"count": 0.0, "last": 0.0})
    data[user] = {"count": entry["count"] + 1, "last": time.time()}
    _save(path, data)


def succeeded(path: Path, user: str) -> None:
    data = _load(path)
    if user in data:
        del data[user]
        _save(path, data)
