"""Stray letters never trigger actions (issue 20, item 2).

Single-letter keys are the app's shortcuts (``s`` figures, ``n`` new case, ``e`` roles ...)
once the focus is on a list; while the focus is in a text field they are text. Someone who
types a search, presses Enter and types on ("pest" Enter "stinkt") means text, not the
figures on ``s``: a printable key that arrives outside a text field within :data:`GRACE`
seconds of a key pressed in one on the same screen (a letter, or the Enter or Escape that
left it) is dropped, with a bell; each dropped key keeps the guard up while the typing
goes on. A key after a pause works as always, and so do the keys of another screen (a
dialog closed, the vault unlocked).
"""

from __future__ import annotations

import time
from typing import Any

from textual import events
from textual.widgets import Input, TextArea

GRACE = 0.8  # seconds


def _text_field(widget: object) -> bool:
    return isinstance(widget, Input | TextArea)


def _letter(event: events.Key) -> bool:
    return event.is_printable and event.character is not None and len(event.key) == 1


class KeyGuard:
    """Decides for each key event whether it is stray (the app drops those)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.typed_at = float("-inf")  # the last key pressed in a text field
        self.typed_on: object = None  # ... on this screen

    def stray(self, event: events.Key, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        screen = getattr(self.app, "screen", None)
        if _text_field(self.app.focused):  # any key there, Enter and Escape included:
            self.typed_at = now  # they are how the focus leaves the field
            self.typed_on = screen
            return False
        if not _letter(event):
            return False
        # only on the screen of the field: a dialog closed or an unlock done, the next
        # screen's keys work at once
        if screen is self.typed_on and now - self.typed_at < GRACE:
            self.typed_at = now  # still typing: the guard stays up
            self.app.bell()
            return True
        return False


__all__ = ["GRACE", "KeyGuard"]
