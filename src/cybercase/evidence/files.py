"""Finding and opening the files of an ingest: walking folders, refusing symlinks and
special files, reading small files whole.

Files are opened without following a symlink and without blocking
(``oslayer.open_regular``), so a swap after the walk cannot sneak one in or block.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cybercase.core import oslayer
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.evidence import sniff
from cybercase.evidence.store import CHUNK


@dataclass
class Candidate:
    path: str  # as given / walked (str with surrogateescape)
    error: str | None = None
    size: int = 0


# --- walking --------------------------------------------------------------------------


def collect(paths: Iterable[str]) -> list[Candidate]:
    """Expand files and folders (recursively, symlinks never followed) into candidates."""
    out: list[Candidate] = []
    seen_dirs: set[tuple[int, int]] = set()
    for top in paths:
        try:
            st = os.lstat(top)
        except FileNotFoundError:
            out.append(Candidate(top, msg("evidence.file.missing")))
            continue
        except OSError as exc:
            out.append(Candidate(top, msg("evidence.file.unreadable", error=exc.strerror)))
            continue
        if stat.S_ISDIR(st.st_mode):
            out.extend(_walk(top, seen_dirs))
        else:
            out.append(_classify(top, st))
    return out


def _classify(path: str, st: os.stat_result) -> Candidate:
    if stat.S_ISLNK(st.st_mode):
        return Candidate(path, msg("evidence.file.symlink"))
    if not stat.S_ISREG(st.st_mode):
        return Candidate(path, msg("evidence.file.special"))
    return Candidate(path, None, st.st_size)


def _walk(top: str, seen: set[tuple[int, int]]) -> Iterator[Candidate]:
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder, follow_symlinks=False)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield Candidate(folder, msg("evidence.file.loop"))
                continue
            seen.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Candidate(folder, msg("evidence.file.unreadable", error=exc.strerror))
            continue
        subdirs = []
        for entry in entries:
            try:
                est = entry.stat(follow_symlinks=False)
            except OSError as exc:
                yield Candidate(entry.path, msg("evidence.file.unreadable", error=exc.strerror))
                continue
            if stat.S_ISDIR(est.st_mode):
                subdirs.append(entry.path)
            else:
                yield _classify(entry.path, est)
        stack.extend(reversed(subdirs))


# --- reading --------------------------------------------------------------------------


def open_file(path: str) -> tuple[int, os.stat_result]:
    try:
        return oslayer.open_regular(path)
    except oslayer.NotRegularFile:
        raise Refused(msg("evidence.file.special")) from None


class Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_all(fd: int) -> bytes:
    parts: list[bytes] = []
    while True:
        part = os.read(fd, 4 * CHUNK)
        if not part:
            return b"".join(parts)
        parts.append(part)


def check_paths_exist(paths: Iterable[str]) -> None:
    """A path named by the user that does not exist is bad input (a typo), not a per-file
    outcome: refuse the whole batch before anything is stored (the app checks too, as
    paths are chosen)."""
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        first = sniff.printable(missing[0])
        if len(missing) > 1:
            raise UsageError(msg("evidence.error.paths_missing_more", path=first,
                                 more=len(missing) - 1))
        raise UsageError(msg("evidence.error.paths_missing", path=first))
