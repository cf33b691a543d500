"""One writer at a time, across processes.

An exclusive ``flock`` on ``vault.lock``; the file also records who holds it (user, pid,
host, since) so a waiting process can say so. The kernel releases a ``flock`` when its
holder dies, so a stale lock left by a crashed process is simply taken over: the record
it left behind is overwritten.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from pathlib import Path
from typing import IO

from cybercase.errors import UsageError, VaultBusy
from cybercase.i18n import msg
from cybercase.timeutil import local_display, now_iso


def wait_seconds() -> float:
    try:
        return float(os.environ.get("CYBERCASE_LOCK_WAIT", "5"))
    except ValueError:
        return 5.0


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
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        fh = os.fdopen(fd, "r+", encoding="utf-8")
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self.describe_holder()
                    fh.close()
                    raise VaultBusy(msg("vault.in_use", holder=holder)) from None
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
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
            fh.close()

    def describe_holder(self) -> str:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            data = {}
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
    it is done. A ``flock`` on ``vault.inuse``: the kernel drops it when a holder dies.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def hold(self, wait: float | None = None) -> None:
        """Take the shared lock, waiting while a rekey runs."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
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
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise VaultBusy(msg("vault.rekeying")) from None
                time.sleep(0.05)

    def alone(self) -> bool:
        """Become the only holder (exclusive); False when another process has it open."""
        assert self._fd is not None
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            # a failed conversion may have dropped the shared lock: take it again
            self._share(wait=max(wait_seconds(), 30.0))
            return False

    def share(self) -> None:
        """From exclusive back to shared (after a rekey)."""
        assert self._fd is not None
        fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)
