"""The OS seam: the only module that touches POSIX- or Windows-specific file APIs.

File locks (shared and exclusive), durable flushes, open flags with safe fallbacks,
unnamed temporary files, permissions and process hardening live here, with one
implementation per system. Everything else calls these functions and never imports
``fcntl``, ``msvcrt``, ``resource`` or ``ctypes`` itself (tests/unit/test_oslayer.py
scans the sources for it).

This module imports only the standard library: the image decoder processes load it by
file path, without the rest of cybercase.

**Portability test mode.** With ``CYBERCASE_PORTABILITY_TEST=1`` the POSIX-only paths are
switched off on a POSIX machine so the fallbacks that Windows and macOS take run in every
CI run: no ``O_TMPFILE`` or ``/proc`` (the locked hidden-file fallback instead), no
``O_NOFOLLOW``/``O_NONBLOCK`` (look, open, compare instead), no ``pread`` and no
``fdatasync``, and byte-range locks with Windows' rules instead of ``flock`` (see
:func:`lock_fd`). ``evidence/sniff.py`` reads the same variable to act as if libmagic
were missing.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import sys
from contextlib import suppress
from pathlib import Path

WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"
TEST_MODE_VAR = "CYBERCASE_PORTABILITY_TEST"

_PROC_FD = "/proc/self/fd"

# Windows byte-range locks are mandatory: a lock on the file's data would stop other
# processes from reading it (another process reads the holder record in vault.lock). So
# every lock covers one byte far past any real data; all cybercase processes agree on it.
_LOCK_OFFSET = 1 << 62
_LOCK_LEN = 1


def portability_test() -> bool:
    """True in the portability test mode (POSIX-only paths switched off)."""
    return os.environ.get(TEST_MODE_VAR, "") not in ("", "0")


class NotRegularFile(OSError):
    """A device, FIFO, socket or folder where a regular file was expected."""


# --- file locks ----------------------------------------------------------------------


def lock_kind() -> str:
    """Which lock implementation this process uses (for ``cybercase about``)."""
    if WINDOWS:
        return "LockFileEx (byte range)"
    if _range_locks():
        return "open-file-description byte-range locks (portability test)"
    return "flock"


def _range_locks() -> bool:
    return sys.platform == "linux" and portability_test()


def lock_fd(fd: int, *, exclusive: bool, blocking: bool) -> bool:
    """Lock an open file (whole file). False when ``blocking`` is off and it is held.

    Calling it again on the same descriptor converts the lock (shared <-> exclusive); the
    conversion is not atomic (it is not with ``flock`` either): the old lock may be gone
    when a non-blocking conversion fails. Locks belong to the open file (not the process)
    and go away when it is closed or its process dies, on every system.

    POSIX: ``flock``. Windows: ``LockFileEx`` on one byte past any data; a held lock is
    released first for a conversion, as Windows does not convert. In the portability
    test mode (Linux): open-file-description record locks on that same byte, with the
    same release-then-lock conversion, so the Windows logic runs here.
    """
    if sys.platform == "win32":
        _win_unlock(fd)
        return _win_lock(fd, exclusive, blocking)
    else:
        if _range_locks():
            _ofd(fd, None, blocking=False)
            return _ofd(fd, exclusive, blocking)
        return _flock(fd, exclusive, blocking)


def unlock_fd(fd: int) -> None:
    """Release a lock taken with :func:`lock_fd` (nothing happens when none is held)."""
    if sys.platform == "win32":
        _win_unlock(fd)
    else:
        if _range_locks():
            _ofd(fd, None, blocking=False)
            return
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_size_t),
            ("InternalHigh", ctypes.c_size_t),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _LockFileEx = _kernel32.LockFileEx
    _LockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                            wintypes.DWORD, ctypes.POINTER(_Overlapped)]
    _LockFileEx.restype = wintypes.BOOL
    _UnlockFileEx = _kernel32.UnlockFileEx
    _UnlockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                              ctypes.POINTER(_Overlapped)]
    _UnlockFileEx.restype = wintypes.BOOL
    _ReOpenFile = _kernel32.ReOpenFile
    _ReOpenFile.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD]
    _ReOpenFile.restype = wintypes.HANDLE

    _LOCKFILE_FAIL_IMMEDIATELY = 0x1
    _LOCKFILE_EXCLUSIVE_LOCK = 0x2
    _ERROR_LOCK_VIOLATION = 33
    _ERROR_NOT_LOCKED = 158
    _ERROR_IO_PENDING = 997
    _GENERIC_READ = 0x80000000
    _FILE_SHARE_ALL = 0x1 | 0x2 | 0x4  # read, write, delete
    _INVALID_HANDLE = wintypes.HANDLE(-1).value

    def _where() -> _Overlapped:
        where = _Overlapped()
        where.Offset = _LOCK_OFFSET & 0xFFFFFFFF
        where.OffsetHigh = _LOCK_OFFSET >> 32
        return where

    def _win_lock(fd: int, exclusive: bool, blocking: bool) -> bool:
        flags = (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0) | (
            0 if blocking else _LOCKFILE_FAIL_IMMEDIATELY)
        handle = msvcrt.get_osfhandle(fd)
        if _LockFileEx(handle, flags, 0, _LOCK_LEN, 0, ctypes.byref(_where())):
            return True
        error = ctypes.get_last_error()
        if not blocking and error in (_ERROR_LOCK_VIOLATION, _ERROR_IO_PENDING):
            return False
        raise ctypes.WinError(error)

    def _win_unlock(fd: int) -> None:
        handle = msvcrt.get_osfhandle(fd)
        for _ in range(4):  # a shared lock may sit on an exclusive one: release both
            if not _UnlockFileEx(handle, 0, _LOCK_LEN, 0, ctypes.byref(_where())):
                error = ctypes.get_last_error()
                if error == _ERROR_NOT_LOCKED:
                    return
                raise ctypes.WinError(error)

    def _win_reopen(fd: int) -> int:
        handle = _ReOpenFile(msvcrt.get_osfhandle(fd), _GENERIC_READ, _FILE_SHARE_ALL, 0)
        if handle is None or handle == _INVALID_HANDLE:
            raise ctypes.WinError(ctypes.get_last_error())
        return msvcrt.open_osfhandle(handle, os.O_RDONLY)

else:

    def _flock(fd: int, exclusive: bool, blocking: bool) -> bool:
        import fcntl

        flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        if not blocking:
            flags |= fcntl.LOCK_NB
        try:
            fcntl.flock(fd, flags)
        except BlockingIOError:
            return False
        return True

    def _ofd(fd: int, exclusive: bool | None, blocking: bool) -> bool:
        """An open-file-description lock on the lock byte (None: unlock). Linux only."""
        import fcntl

        kind = fcntl.F_UNLCK if exclusive is None else (
            fcntl.F_WRLCK if exclusive else fcntl.F_RDLCK)
        # struct flock on Linux (x86_64 and arm64): short type, short whence, off_t start,
        # off_t len, pid_t pid (0 for these locks), padded to 32 bytes
        arg = struct.pack("hhxxxxqqixxxx", kind, os.SEEK_SET, _LOCK_OFFSET, _LOCK_LEN, 0)
        command = fcntl.F_OFD_SETLKW if blocking else fcntl.F_OFD_SETLK  # type: ignore[attr-defined,unused-ignore]
        try:
            fcntl.fcntl(fd, command, arg)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True


# --- durable writes --------------------------------------------------------------------


def sync_file(fd: int) -> None:
    """Data and metadata on stable storage (macOS: ``F_FULLFSYNC``, as ``fsync`` there
    only reaches the drive's cache; Windows: ``FlushFileBuffers`` through ``os.fsync``)."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass  # not every file system has it (SMB, FAT): the plain fsync then
    os.fsync(fd)


def sync_data(fd: int) -> None:
    """The file's data on stable storage; metadata only as far as needed to read it back
    (``fdatasync`` where the system has it, else :func:`sync_file`)."""
    if sys.platform == "linux" and not portability_test():
        os.fdatasync(fd)
        return
    sync_file(fd)


def sync_dir(directory: Path | str) -> None:
    """Make a rename or new name in ``directory`` durable (best effort; no-op on Windows,
    where a folder cannot be opened as a file and NTFS journals names itself)."""
    if sys.platform != "win32":
        try:
            fd = os.open(directory, os.O_RDONLY | open_flags())
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


SQLITE_FULLFSYNC = MACOS  # SQLite's own fsync on macOS needs PRAGMA fullfsync as well


# --- opening files ---------------------------------------------------------------------


def open_flags(*, nofollow: bool = False, nonblock: bool = False) -> int:
    """Extra ``os.open`` flags, each only where the system has it: close-on-exec (POSIX)
    or not-inherited (Windows), binary mode (Windows: no newline translation), and on
    request don't-follow-a-final-symlink and don't-block (FIFOs, devices)."""
    flags = 0
    for name in ("O_CLOEXEC", "O_BINARY", "O_NOINHERIT"):
        flags |= getattr(os, name, 0)
    if not portability_test():
        if nofollow:
            flags |= getattr(os, "O_NOFOLLOW", 0)
        if nonblock:
            flags |= getattr(os, "O_NONBLOCK", 0)
    return flags


def _strong_open() -> bool:
    return (not portability_test() and hasattr(os, "O_NOFOLLOW") and hasattr(os, "O_NONBLOCK")
            and hasattr(os, "set_blocking"))


def open_regular(path: str | Path) -> tuple[int, os.stat_result]:
    """Open a regular file for reading without following a symlink at its end and without
    blocking on a FIFO or device. Raises ``OSError(ELOOP)`` for a symlink and
    :class:`NotRegularFile` for anything that is not a regular file.

    POSIX: ``O_NOFOLLOW | O_NONBLOCK``, then checked on the open file. Elsewhere: look
    (``lstat``), open, and check that the open file is the one looked at (device and
    inode; Windows gives the volume serial and file index)."""
    if _strong_open():
        fd = os.open(path, os.O_RDONLY | open_flags(nofollow=True, nonblock=True))
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
            if sys.platform != "win32":
                os.set_blocking(fd, True)
        except BaseException:
            os.close(fd)
            raise
        return fd, st
    before = os.lstat(path)
    if stat.S_ISLNK(before.st_mode):
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
    if not stat.S_ISREG(before.st_mode):
        raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
    fd = os.open(path, os.O_RDONLY | open_flags())
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        if (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
            # swapped between the look and the open (for a symlink, say)
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def create_new(path: str | Path, *, mode: int = 0o600) -> int:
    """Create ``path`` for writing; ``FileExistsError`` when anything (also a symlink) is
    there already. Private (0600) on POSIX."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | open_flags(nofollow=True),
                   mode)


def open_lockfile(path: str | Path) -> int:
    """Open (or create, 0600) a file used for locks and small records; read-write."""
    return os.open(path, os.O_RDWR | os.O_CREAT | open_flags(), 0o600)


def open_files_movable() -> bool:
    """Whether an open file can be renamed or removed (not on Windows, where the C
    runtime opens files without delete sharing; the portability test mode acts the same)."""
    return not WINDOWS and not portability_test()


# --- the process -----------------------------------------------------------------------


def disable_core_dumps() -> None:
    """No core file, ever, from this process (it holds keys, passphrases, notes, images).

    POSIX: the core size limit 0, soft and hard (children inherit it); Linux also marks
    the process not dumpable (``PR_SET_DUMPABLE`` 0: no core through a core handler such
    as systemd-coredump or apport, and other processes of the same user cannot attach).
    Windows writes no core files; Windows Error Reporting may keep a crash's minidump,
    which the school's IT can switch off (README)."""
    if sys.platform != "win32":
        import resource

        with suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if sys.platform == "linux":
            import ctypes

            with suppress(OSError, AttributeError):
                libc = ctypes.CDLL(None, use_errno=True)
                libc.prctl(ctypes.c_int(4), ctypes.c_ulong(0), ctypes.c_ulong(0),  # DUMPABLE
                           ctypes.c_ulong(0), ctypes.c_ulong(0))


def limit_memory(limit: int) -> None:
    """Cap this process's address space (best effort: POSIX ``RLIMIT_AS``; macOS does not
    enforce it; Windows would need a job object: nothing here)."""
    if sys.platform != "win32":
        import resource

        with suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def system_locale() -> str | None:
    """The user's language setting where it is not in environment variables: Windows
    (``GetUserDefaultLocaleName``, e.g. ``nl-NL``) and macOS (``AppleLocale``, e.g.
    ``nl_NL``). None elsewhere and when it cannot be read."""
    if sys.platform == "win32":
        import ctypes

        buffer = ctypes.create_unicode_buffer(85)
        if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):
            return buffer.value or None
        return None
    elif sys.platform == "darwin":
        import subprocess

        try:
            done = subprocess.run(["defaults", "read", "-g", "AppleLocale"],
                                  capture_output=True, text=True, timeout=3, check=False)
        except (OSError, subprocess.SubprocessError):
            done = None
        if done is not None and done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
        import locale

        return locale.getlocale()[0]
    else:
        return None


__all__ = [
    "MACOS", "SQLITE_FULLFSYNC", "TEST_MODE_VAR", "WINDOWS", "NotRegularFile", "create_new",
    "disable_core_dumps", "limit_memory", "lock_fd", "lock_kind", "open_files_movable",
    "open_flags", "open_lockfile", "open_regular", "portability_test", "sync_data",
    "sync_dir", "sync_file", "system_locale", "unlock_fd",
]
