"""The OS seam, second part: reading at an offset, unnamed temporary files, private
permissions (POSIX and Windows). Like :mod:`cybercase.core.oslayer` (locks, durable
writes, opening files, the process), the only place besides it that touches OS-specific
APIs.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from pathlib import Path

from cybercase.core.oslayer import _PROC_FD, open_flags, portability_test

# --- reading at an offset --------------------------------------------------------------

_SEEK_LOCK = threading.Lock()


def reader_for(fd: int, path: Path | None = None) -> int:
    """A read-only descriptor for the file open as ``fd`` whose position is its own, for
    :func:`read_at` on another thread while ``fd`` is written. ``path``: the file's name,
    if it has one (needed in the portability test mode)."""
    if sys.platform == "win32":
        from cybercase.core.oslayer import _win_reopen

        return _win_reopen(fd)  # a duplicated handle would share the position
    else:
        if portability_test() and path is not None:
            return os.open(path, os.O_RDONLY | open_flags())
        return os.dup(fd)  # pread does not use the position


def read_at(fd: int, size: int, offset: int) -> bytes:
    """Read up to ``size`` bytes at ``offset`` (``os.pread``, or seek and read under a lock
    where there is none: only for a descriptor from :func:`reader_for`)."""
    if sys.platform != "win32" and not portability_test():
        return os.pread(fd, size, offset)
    with _SEEK_LOCK:
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, size)


# --- unnamed temporary files -----------------------------------------------------------


def unnamed_file(folder: Path) -> int | None:
    """A new file in ``folder`` without a name (Linux ``O_TMPFILE``), read-write, 0600;
    None where the system or file system cannot (the caller then uses a hidden, locked
    temporary file). Give it a name with :func:`link_unnamed`."""
    if sys.platform == "linux":
        flag = getattr(os, "O_TMPFILE", 0)
        if not flag or portability_test() or not os.path.isdir(_PROC_FD):
            return None
        try:
            return os.open(folder, flag | os.O_RDWR | open_flags(), 0o600)
        except OSError as exc:
            if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                return None  # the file system cannot: use a named temporary file
            raise
    else:
        return None


def link_unnamed(fd: int, target: Path) -> None:
    """Give a file from :func:`unnamed_file` the name ``target`` (``FileExistsError``
    when the name is taken: never overwrites)."""
    if sys.platform == "linux":
        proc = os.open(_PROC_FD, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.link(str(fd), target, src_dir_fd=proc, follow_symlinks=True)
        finally:
            os.close(proc)
    else:
        raise OSError(errno.ENOTSUP, "unnamed files exist only on Linux")


# --- permissions -----------------------------------------------------------------------


def make_private_fd(fd: int) -> None:
    """Owner-only (0600) on POSIX. Windows has no file modes: the vault lives in the
    user's profile (``%LOCALAPPDATA%``), whose ACLs keep other accounts out."""
    if sys.platform != "win32":
        os.fchmod(fd, 0o600)


def make_private(path: Path, *, folder: bool = False) -> None:
    """Owner-only (0600, folders 0700) on POSIX; nothing on Windows (see above)."""
    if sys.platform != "win32":
        os.chmod(path, 0o700 if folder else 0o600)


# --- other processes ---------------------------------------------------------------------


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` on this machine still runs (for job lists whose worker may
    have been killed). When it cannot be told, it counts as alive: the caller then waits
    for a lease to run out."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == 259)  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    else:
        try:
            os.kill(pid, 0)  # signal 0 only asks whether it exists (POSIX)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # it exists, owned by someone else
        return True
