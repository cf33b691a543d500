"""Untrusted text made safe to show in a terminal.

File names, ZIP member names, bag-info fields, chat texts, protocol texts, backup metadata
and paths in error messages can carry escape sequences: ``ESC ] 52 ; c ; ... BEL`` writes
the user's clipboard, CSI sequences move the cursor or hide text, C1 controls do the same
in one byte. Everything such text passes through on its way to a terminal (the CLI's
output and the app's widgets) goes through :func:`safe` first: every control character is
shown as a visible escape (``\\x1b``), so nothing is ever interpreted by the terminal.

Where the text reaches the terminal:

- the CLI: every line it writes passes a guard (``cybercase.cli.common``) that applies
  :func:`safe` (newlines kept), and values are made one-line with :func:`safe` where they
  are printed;
- the app: tables, detail panes, error lines and notifications apply :func:`safe`, and a
  line filter over everything drawn removes what would still be unsafe (:func:`scrub`).
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, the line/paragraph separators, the bidi overrides/isolates
# that reorder what the eye reads (a file name "gpj.exe" shown as "exe.jpg"), and lone
# surrogates (an undecodable byte of a file name, which no terminal encoding can write).
# U+200E/U+200F (marks) stay: chat exports use them and they cannot hide or reorder
# characters on their own.
_BIDI_AND_SEPARATORS = "\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
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


def _scrub_one(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def scrub(text: str) -> str:
    """``text`` without what :func:`safe` would escape, for text already laid out.

    The last line of defence where the width of the text is already fixed (a line the app
    has measured): the unsafe characters take no cell there, so they are dropped (a lone
    surrogate, one cell wide, becomes U+FFFD). Everywhere else use :func:`safe`, which
    shows them.
    """
    return _UNSAFE.sub(_scrub_one, text)
