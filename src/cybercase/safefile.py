"""Files that appear whole or not at all, even when the program is killed mid-write.

:class:`PartialFile` gives a binary file to write in the target's folder; ``commit()``
flushes it to disk and gives it the target's name in one step, ``discard()`` throws it
away. Until the commit the file has no name where the system allows it (Linux:
``O_TMPFILE``), so a crash, a kill or a full disk never leaves a partial or stray file:
the kernel frees it. Where unnamed files are not supported (other systems, FAT-formatted
USB sticks) a hidden temporary file in the same folder is used and locked while it is
written; the next write into that folder removes temporary files whose writer is gone.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import secrets
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from cybercase.errors import UsageError
from cybercase.i18n import msg

_PROC_FD = "/proc/self/fd"


class PartialFile:
    """A file being written for ``target``; invisible until :meth:`commit`."""

    def __init__(self, target: Path, prefix: str, overwrite: bool = False) -> None:
        self.target = target
        self.prefix = prefix
        self.overwrite = overwrite
        self._named: Path | None = None
        sweep(target.parent, prefix)
        fd = _unnamed(target.parent)
        if fd is None:
            fd, name = tempfile.mkstemp(prefix=prefix, dir=target.parent)
            self._named = Path(name)
        try:
            os.fchmod(fd, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)  # "being written": the sweep leaves it alone
            self.file: BinaryIO = os.fdopen(fd, "w+b")
        except BaseException:
            os.close(fd)
            if self._named is not None:
                self._named.unlink(missing_ok=True)
            raise

    def sha256(self) -> str:
        """The SHA-256 of everything written so far (read back from the disk)."""
        self.file.flush()
        self.file.seek(0)
        digest = hashlib.sha256()
        for chunk in iter(lambda: self.file.read(1 << 20), b""):
            digest.update(chunk)
        return digest.hexdigest()

    def commit(self) -> None:
        """Flush to disk and give the file its name (never overwriting unless asked)."""
        self.file.flush()
        os.fsync(self.file.fileno())
        try:
            if self._named is None:
                self._link_unnamed()
            else:
                self._publish_named(self._named)
                self._named = None
        finally:
            self.discard()
        _fsync_dir(self.target.parent)

    def discard(self) -> None:
        if not self.file.closed:
            # releases the lock; an unnamed file is freed here. Buffered bytes that cannot
            # be flushed (a full disk) are thrown away with it: the descriptor still closes.
            with suppress(OSError):
                self.file.close()
        if self._named is not None:
            self._named.unlink(missing_ok=True)
            self._named = None

    def _link_unnamed(self) -> None:
        proc = os.open(_PROC_FD, os.O_RDONLY | os.O_DIRECTORY)
        try:
            if not self.overwrite:
                try:
                    os.link(str(self.file.fileno()), self.target, src_dir_fd=proc,
                            follow_symlinks=True)
                except FileExistsError:
                    raise UsageError(msg("vault.file_exists", path=self.target)) from None
                return
            # replacing: a hidden name first, then one atomic rename over the old file
            hidden = self.target.parent / f"{self.prefix}{secrets.token_hex(8)}"
            os.link(str(self.file.fileno()), hidden, src_dir_fd=proc, follow_symlinks=True)
            os.replace(hidden, self.target)
        finally:
            os.close(proc)

    def _publish_named(self, name: Path) -> None:
        if self.overwrite:
            os.replace(name, self.target)
            return
        try:
            os.link(name, self.target)  # fails when the target exists: never overwrites
        except FileExistsError:
            raise UsageError(msg("vault.file_exists", path=self.target)) from None
        except OSError:
            # no hard links here (FAT): check, then rename
            if self.target.exists():
                raise UsageError(msg("vault.file_exists", path=self.target)) from None
            os.replace(name, self.target)
            return
        name.unlink()


def _unnamed(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir(_PROC_FD):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # the file system cannot: use a named temporary file
        raise


def sweep(folder: Path, prefix: str) -> None:
    """Remove temporary files left in ``folder`` by writers that died (best effort)."""
    with suppress(OSError):
        for stale in folder.glob(f"{prefix}*"):
            try:
                fd = os.open(stale, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # still being written
            else:
                with suppress(OSError):
                    stale.unlink()
            finally:
                os.close(fd)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
