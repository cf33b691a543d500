"""File paths pasted or dropped onto the window (terminals paste a dropped file's path).

Terminals differ: GNOME Terminal and Konsole quote (``'/a b/c.png'``), iTerm2, kitty and
WezTerm escape (``/a\\ b/c.png``), some paste ``file://`` URIs (``%20`` for a space), and
several files come space- or newline-separated. :func:`pasted_paths` returns the paths when
the whole paste is paths (absolute, ``~``, or ``file://``), else an empty list, so pasting
ordinary text into the window does nothing. No textual here: unit-tested on its own.
"""

from __future__ import annotations

import os
import shlex
from urllib.parse import unquote, urlparse


def _one(token: str) -> str | None:
    if token.startswith("file://"):
        parsed = urlparse(token)
        if parsed.netloc not in ("", "localhost"):
            return None
        return unquote(parsed.path)
    if token.startswith("~"):
        return os.path.expanduser(token)
    if token.startswith("/"):
        return token
    return None


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
