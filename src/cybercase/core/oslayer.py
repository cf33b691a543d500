"""The OS seam: the only module that touches POSIX- or Windows-specific file APIs.

File locks (shared and exclusive), durable flushes, open flags with safe fallbacks,
unnamed temporary files, permissions and process hardening live here, with one
implementation per system. Everything else calls these functions and never imports
``fcntl``, ``msvcrt`` or ``resource`` itself.
"""

from __future__ import annotations

import sys

WINDOWS = sys.platform == "win32"


def lock_fd(fd: int, *, exclusive: bool, blocking: bool) -> bool:
    """Lock an open file (whole file). False when ``blocking`` is off and it is held."""
    if WINDOWS:  # pragma: no cover - filled in by the portability work (issue #16)
        raise NotImplementedError("file locks on Windows")
    import fcntl

    flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    if not blocking:
        flags |= fcntl.LOCK_NB
    try:
        fcntl.flock(fd, flags)
    except BlockingIOError:
        return False
    return True


def unlock_fd(fd: int) -> None:
    """Release a lock taken with :func:`lock_fd`."""
    if WINDOWS:  # pragma: no cover - filled in by the portability work (issue #16)
        raise NotImplementedError("file locks on Windows")
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)
