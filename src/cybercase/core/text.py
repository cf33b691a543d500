"""Checks of user text, and the length limits, in one place.

``check_text`` takes one line (a title, a name, a reason), ``check_long_text`` several
(notes, a summary). Both refuse what is not text: bytes that were not UTF-8 and control
characters (terminal escapes). The limits below are the ones every field uses.
"""

from __future__ import annotations

from cybercase.core.errors import UsageError
from cybercase.core.i18n import Msg, msg

MAX_LINE = 200  # one line: a title, a description, a platform
MAX_NAME = 120  # a person's name (and who led a meeting)
MAX_GROUP = 40  # a class or group ("7b")
MAX_REASON = 500  # a reason (a correction, a phase change, a withdrawal), an action point
MAX_OUTCOME = 1000  # how a case ended
MAX_LONG_TEXT = 5000  # several lines: notes, a summary


def check_text(value: str, what: str, limit: int = MAX_LINE, required: bool = True) -> str:
    """One line of user text. ``what`` names the field, best as a Msg (``cases.field.*``):
    English the bare noun ("title"), Dutch with its article ("de titel")."""
    cleaned = value.strip()
    if required and not cleaned:
        raise UsageError(msg("cases.text_empty", what=what))
    if len(cleaned) > limit:
        raise UsageError(msg("cases.text_too_long", what=what, n=len(cleaned), limit=limit))
    _check_chars(cleaned, what, "\t", msg("cases.advice_one_line"))
    return cleaned


def _check_chars(text: str, what: str, allowed: str, advice: Msg) -> None:
    """Refuse what is not text: bytes that were not UTF-8 (they arrive as lone surrogates
    and cannot be stored) and control characters, C1 and DEL included (terminal escapes)."""
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise UsageError(msg("cases.text_not_utf8", what=what))
    if any((ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) and ch not in allowed for ch in text):
        raise UsageError(msg("cases.text_control", what=what, advice=advice))




def check_long_text(value: str, what: str, limit: int = MAX_LONG_TEXT) -> str:
    """Several lines of user text (notes, summary): not empty, not too long, no odd controls."""
    cleaned = value.strip()
    if not cleaned:
        raise UsageError(msg("cases.long_text_empty", what=what))
    if len(cleaned) > limit:
        raise UsageError(msg("cases.text_too_long", what=what, n=len(cleaned), limit=limit))
    _check_chars(cleaned, what, "\t\n", msg("cases.advice_remove"))
    return cleaned
