"""File paths pasted or dropped onto the window (terminals paste a dropped file's path).

Terminals differ: GNOME Terminal and Konsole quote (``'/a b/c.png'``), iTerm2, kitty and
WezTerm escape (``/a\\ b/c.png``), some paste ``file://`` URIs (``%20`` for a space), and
several files come space- or newline-separated. Windows Terminal and Explorer give Windows
forms: drive letters (``C:\\Users\\anna\\chat.png``), double quotes around a path with a
space (``"C:\\...\\chat 1.png"``), UNC paths (``\\\\server\\share\\x.png``) and
``file:///C:/...`` URIs; these are parsed on every system (a backslash there is a
separator, not an escape). :func:`pasted_paths` returns the paths when the whole paste is
paths (absolute, ``~``, or ``file://``), else an empty list, so pasting ordinary text into
the window does nothing. No textual here: unit-tested on its own.
"""

from __future__ import annotations

import ntpath
import os
import re
import shlex
from urllib.parse import unquote, urlparse

# C:\x, C:/x, \\server\share\x (//server/share is a POSIX path: not taken as UNC)
_WINDOWS_ABS = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\[^\\/\s]+[\\/][^\\/]+)")
_WINDOWS_TOKENS = re.compile(r'"([^"]*)"|(\S+)')


def _windows(path: str) -> str | None:
    """A Windows absolute path in its usual form (backslashes), or None."""
    if not _WINDOWS_ABS.match(path):
        return None
    return ntpath.normpath(path)


def _one(token: str) -> str | None:
    if token.startswith("file://"):
        parsed = urlparse(token)
        if parsed.netloc not in ("", "localhost"):
            return None
        path = unquote(parsed.path)
        if re.match(r"^/[A-Za-z]:/", path):  # file:///C:/Users/...
            return _windows(path[1:])
        return path
    windows = _windows(token)
    if windows is not None:
        return windows
    if token.startswith("~"):
        return os.path.expanduser(token)
    if token.startswith("/"):
        return token
    return None


def _windows_line(line: str) -> list[str] | None:
    """The paths of a line in Windows forms; None when it is not one."""
    if not _WINDOWS_ABS.match(line.lstrip('"')):
        return None
    if line.count('"') % 2:
        return []  # an unbalanced quote: not a list of paths
    tokens = [quoted or bare for quoted, bare in _WINDOWS_TOKENS.findall(line)]
    found = [_one(token) for token in tokens]
    if all(path is not None for path in found):
        return [path for path in found if path is not None]
    whole = _windows(line)  # one path with unquoted spaces (C:\\My Pictures\\a.png)
    return [whole] if whole is not None and '"' not in line else []


def pasted_paths(text: str) -> list[str]:
    paths: list[str] = []
    for raw in text.replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        # a whole line naming an existing file, spaces unquoted (some terminals do that)
        whole = _one(line)
        if whole is not None and os.path.lexists(whole):
            paths.append(whole)
            continue
        windows = _windows_line(line)
        if windows is not None:
            if not windows:
                return []
            paths.extend(windows)
            continue
        try:
            tokens = shlex.split(line)
        except ValueError:  # an unbalanced quote: not a list of paths
            return []
        for token in tokens:
            path = _one(token)
            if path is None:
                return []
            paths.append(path)
    return paths


def typed_path(text: str) -> str:
    """The one rule for what is typed or pasted into a path field (every "Opslaan als"
    field and the ingest dialog's path): surrounding spaces and one pair of matching
    quotes ('...' or "...", what "Copy as path" and terminals add) stripped, a
    ``file://`` URI read as its path, ``~`` expanded. Empty stays empty."""
    line = text.strip()
    if len(line) >= 2 and line[0] == line[-1] and line[0] in "'\"":
        line = line[1:-1].strip()
    if line.startswith("file://"):
        found = _one(line)
        if found is not None:
            return found
    return os.path.expanduser(line) if line.startswith("~") else line
