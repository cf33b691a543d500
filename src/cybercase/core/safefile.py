"""Files that appear whole or not at all, even when the program is killed mid-write.

:class:`PartialFile` gives a binary file to write in the target's folder; ``commit()``
flushes it to disk and gives it the target's name in one step, ``discard()`` throws it
away. Until the commit the file has no name where the system allows it (Linux's
unnamed temporary files), so a crash, a kill or a full disk never leaves a partial or stray file:
the kernel frees it. Where unnamed files are not supported (Windows, macOS, FAT-formatted
USB sticks) a hidden temporary file in the same folder is used and locked while it is
written; the next write into that folder removes temporary files whose writer is gone.
The system calls behind this are in :mod:`cybercase.core.oslayer`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from cybercase.core import osfiles, oslayer
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg

# Where an open file cannot be renamed (Windows), a temporary file is closed, and so
# unlocked, just before it gets its name: the sweep leaves young files alone meanwhile.
_YOUNG_SECONDS = 10.0


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
            osfiles.make_private_fd(fd)
            # "being written": the sweep leaves it alone
            oslayer.lock_fd(fd, exclusive=True, blocking=True)
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

    def reader(self) -> int:
        """A read-only descriptor on this file with its own position (for
        :func:`osfiles.read_at` on another thread while this one writes); the caller closes
        it before :meth:`commit`."""
        return osfiles.reader_for(self.file.fileno(), self._named)

    def commit(self) -> None:
        """Flush to disk and give the file its name (never overwriting unless asked)."""
        self.file.flush()
        oslayer.sync_file(self.file.fileno())
        try:
            if self._named is None:
                self._link_unnamed()
            else:
                if not oslayer.open_files_movable():
                    self.file.close()  # Windows renames no open file
                self._publish_named(self._named)
                self._named = None
        finally:
            self.discard()
        oslayer.sync_dir(self.target.parent)

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
        fd = self.file.fileno()
        if not self.overwrite:
            try:
                osfiles.link_unnamed(fd, self.target)
            except FileExistsError:
                raise UsageError(msg("vault.file_exists", path=self.target)) from None
            return
        # replacing: a hidden name first, then one atomic rename over the old file
        hidden = self.target.parent / f"{self.prefix}{secrets.token_hex(8)}"
        osfiles.link_unnamed(fd, hidden)
        os.replace(hidden, self.target)

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
    return osfiles.unnamed_file(folder)


def sweep(folder: Path, prefix: str) -> None:
    """Remove temporary files left in ``folder`` by writers that died (best effort)."""
    young = 0.0 if oslayer.open_files_movable() else _YOUNG_SECONDS
    with suppress(OSError):
        for stale in folder.glob(f"{prefix}*"):
            try:
                fd, st = oslayer.open_regular(stale)
            except OSError:
                continue
            try:
                if not oslayer.lock_fd(fd, exclusive=True, blocking=False):
                    continue  # still being written
                if young and time.time() - st.st_mtime < young:
                    continue  # perhaps written, unlocked and about to be named
            finally:
                os.close(fd)  # Windows removes no open file
            with suppress(OSError):
                stale.unlink()


# --- checks of an output file the user named ------------------------------------------------


def check_target(out: Path, force: bool) -> Path:
    """Refuse an existing file (without ``force``) or a folder that is missing or read-only."""
    out = out.expanduser()
    if out.exists() and not force:
        raise UsageError(msg("export.bagit.exists", out=out))
    if not out.parent.is_dir():
        raise UsageError(msg("export.bagit.no_dir", dir=out.parent))
    if not os.access(out.parent, os.W_OK):
        raise UsageError(msg("export.bagit.read_only", dir=out.parent))
    return out


def write_error(exc: OSError, folder: Path) -> UsageError:
    """The one line for a failed write into ``folder`` (disk full, read-only, ...)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return UsageError(msg("export.bagit.full", dir=folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UsageError(msg("export.bagit.read_only", dir=folder))
    return UsageError(msg("export.bagit.write_failed", dir=folder, error=exc.strerror or exc))


def write_whole(out: Path, data: bytes, prefix: str, overwrite: bool) -> Path:
    """Write ``data`` to ``out`` whole or not at all (a partial file renamed into place);
    a failure is one line naming the folder."""
    try:
        partial = PartialFile(out, prefix, overwrite=overwrite)
    except OSError as exc:
        raise write_error(exc, out.parent) from None
    try:
        partial.file.write(data)
        partial.commit()
    except BaseException as exc:
        partial.discard()
        if isinstance(exc, OSError):
            raise write_error(exc, out.parent) from None
        raise
    return out
