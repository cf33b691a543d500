"""Hidden working folders (``.cybercase-backup-*``, ``.cybercase-restore-*``) that a killed
program cannot leave behind for good.

Each holds a lock file, locked (through the OS seam) for as long as its folder is in use.
Before making a new one, the folders of the same kind whose lock is free (their program
died) are removed; one without a lock file is removed only when it is old (it may have
been made a moment ago).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import suppress
from pathlib import Path

from cybercase.core.oslayer import lock_fd, unlock_fd

LOCKNAME = ".in-use"
STALE_AFTER = 3600.0  # seconds: a folder without a lock file older than this is stale


def sweep(parent: Path, prefix: str) -> None:
    """Remove the working folders of dead programs (best effort)."""
    with suppress(OSError):
        for folder in parent.glob(f"{prefix}*"):
            if folder.is_symlink() or not folder.is_dir():
                continue
            try:
                fd = os.open(folder / LOCKNAME, os.O_RDWR)
            except FileNotFoundError:
                with suppress(OSError):
                    if time.time() - folder.stat().st_mtime > STALE_AFTER:
                        shutil.rmtree(folder, ignore_errors=True)
                continue
            except OSError:
                continue
            try:
                free = lock_fd(fd, exclusive=True, blocking=False)
                if free:
                    unlock_fd(fd)
            finally:
                os.close(fd)
            if free:
                shutil.rmtree(folder, ignore_errors=True)


class WorkDir:
    """A new hidden working folder in ``parent``, locked until :meth:`close`."""

    def __init__(self, parent: Path, prefix: str) -> None:
        sweep(parent, prefix)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self._fd: int | None = None
        try:
            self._fd = os.open(self.path / LOCKNAME, os.O_RDWR | os.O_CREAT, 0o600)
            lock_fd(self._fd, exclusive=True, blocking=True)
        except BaseException:
            self.close()
            raise

    def release(self) -> None:
        """Give up the lock and remove the lock file (before the folder is moved away)."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with suppress(OSError):
                unlock_fd(fd)
            os.close(fd)
            with suppress(OSError):
                (self.path / LOCKNAME).unlink()

    def close(self) -> None:
        """Release and remove the folder with everything left in it."""
        self.release()
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> WorkDir:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
