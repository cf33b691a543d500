"""Untrusted text made safe to show in a terminal.

File names, ZIP member names, bag-info fields, chat texts, protocol texts, backup metadata
and paths in error messages can carry escape sequences: ``ESC ] 52 ; c ; ... BEL`` writes
the user's clipboard, CSI sequences move the cursor or hide text, C1 controls do the same
in one byte. Everything such text passes through on its way to a terminal (the CLI's
output and the app's widgets) goes through :func:`safe` first: every control character is
shown as a visible escape (``\\x1b``), so nothing is ever interpreted by the terminal.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and the bidi overrides/isolates that reorder what the
# eye reads (a file name "gpj.exe" shown as "exe.jpg"). U+200E/U+200F (marks) stay: chat
# exports use them and they cannot hide or reorder characters on their own.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object, *, multiline: bool = False) -> str:
    """``text`` with every control character shown as a visible escape.

    With ``multiline`` newlines and tabs stay (for notes and chat messages); otherwise
    they are escaped too, so one value stays on one line.
    """
    value = text if isinstance(text, str) else str(text)
    pattern = _UNSAFE_KEEP_LINES if multiline else _UNSAFE
    return pattern.sub(_escape, value)


def is_safe(text: str, *, multiline: bool = False) -> bool:
    """True when :func:`safe` would leave ``text`` unchanged."""
    pattern = _UNSAFE_KEEP_LINES if multiline else _UNSAFE
    return pattern.search(text) is None
