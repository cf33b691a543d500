"""One writer at a time, across processes.

An exclusive lock on ``vault.lock`` (``cybercase.core.oslayer``: ``flock`` on POSIX,
``LockFileEx`` on Windows); the file also records who holds it (user, pid, host, since)
so a waiting process can say so. The system releases the lock when its holder dies, so
a stale lock left by a crashed process is simply taken over: the record it left behind
is overwritten.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import IO

from cybercase.core import oslayer
from cybercase.core.errors import UsageError, VaultBusy
from cybercase.core.i18n import msg
from cybercase.core.timeutil import local_display, now_iso


def wait_seconds() -> float:
    try:
        return float(os.environ.get("CYBERCASE_LOCK_WAIT", "5"))
    except ValueError:
        return 5.0


# how long a refused writer looks again for the holder's name when the lock file is empty
HOLDER_GRACE = 0.5


class WriteLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self, user: str, wait: float | None = None) -> None:
        if self._fh is not None:
            self._depth += 1
            return
        deadline = time.monotonic() + (wait_seconds() if wait is None else wait)
        fd = oslayer.open_lockfile(self.path)
        fh = os.fdopen(fd, "r+", encoding="utf-8")
        grace = 0.0
        while not oslayer.lock_fd(fh.fileno(), exclusive=True, blocking=False):
            if time.monotonic() >= deadline:
                holder = self._holder_info()
                # the holder writes who it is right after taking the lock and clears it just
                # before letting go: an empty file means one of those moments. Look again
                # briefly, so the refusal names the holder (or the lock comes free).
                if holder is None and grace < HOLDER_GRACE:
                    grace += 0.02
                    time.sleep(0.02)
                    continue
                fh.close()
                raise VaultBusy(msg("vault.in_use", holder=self.describe(holder))) from None
            time.sleep(0.05)
        fh.seek(0)
        fh.truncate()
        fh.write(
            json.dumps(
                {"user": user, "pid": os.getpid(), "host": socket.gethostname(),
                 "since": now_iso()}
            )
        )
        fh.flush()
        self._fh = fh
        self._depth = 1

    def release(self) -> None:
        if self._fh is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        fh, self._fh = self._fh, None
        try:
            fh.seek(0)
            fh.truncate()
            fh.flush()
        finally:
            oslayer.unlock_fd(fh.fileno())
            fh.close()

    def _holder_info(self) -> dict[str, str] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data else None

    def describe_holder(self) -> str:
        return self.describe(self._holder_info())

    @staticmethod
    def describe(data: dict[str, str] | None) -> str:
        if not data:
            return msg("vault.holder_unknown")
        since = local_display(data["since"]) if data.get("since") else msg("vault.a_while")
        return msg("vault.holder", user=data.get("user", "?"), pid=data.get("pid", "?"),
                   host=data.get("host", "?"), since=since)




class OpenLock:
    """Held (shared) by every process that has the vault open; a rekey needs it alone.

    A rekey re-encrypts every page under a new key: a connection opened before it can no
    longer read the vault and would take the new pages for damage (and ``verify`` in
    another process would report every page until the log is checkpointed). So a rekey
    first makes sure no other process has the vault open, and keeps new ones out until
    it is done. A lock on ``vault.inuse`` (the OS seam): the system drops it when a holder
    dies.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def hold(self, wait: float | None = None) -> None:
        """Take the shared lock, waiting while a rekey runs."""
        if self._fd is not None:
            return
        try:
            fd = oslayer.open_lockfile(self.path)
        except OSError as exc:
            raise UsageError(msg("vault.folder_unusable", path=self.path.parent,
                                 error=exc.strerror)) from None
        self._fd = fd
        try:
            self._share(wait)
        except BaseException:
            self.release()
            raise

    def _share(self, wait: float | None = None) -> None:
        assert self._fd is not None
        deadline = time.monotonic() + (wait_seconds() if wait is None else wait)
        while not oslayer.lock_fd(self._fd, exclusive=False, blocking=False):
            if time.monotonic() >= deadline:
                raise VaultBusy(msg("vault.rekeying")) from None
            time.sleep(0.05)

    def alone(self) -> bool:
        """Become the only holder (exclusive); False when another process has it open."""
        assert self._fd is not None
        if oslayer.lock_fd(self._fd, exclusive=True, blocking=False):
            return True
        # a failed conversion may have dropped the shared lock: take it again
        self._share(wait=max(wait_seconds(), 30.0))
        return False

    def share(self) -> None:
        """From exclusive back to shared (after a rekey)."""
        assert self._fd is not None
        oslayer.lock_fd(self._fd, exclusive=False, blocking=True)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)
