"""The app's side of :mod:`cybercase.core.termsafe`: untrusted text never drawn raw.

Rich and Textual pass an escape character in a cell straight to the terminal (Rich drops
only BEL, backspace, CR, VT and FF): a file name ``x\\x1b]52;c;...\\x07.png`` in the evidence
table would write the clipboard, a C1 ``\\x9b`` starts a CSI sequence in one byte. Two
layers keep that out:

- where user text is shown (the tables, detail panes, error lines, notifications) it goes
  through :func:`safe_text` / :func:`~cybercase.core.termsafe.safe`, so the escape shows
  as ``\\x1b``;
- :class:`TerminalSafeFilter`, a Textual line filter the app applies to every line it
  draws, removes whatever would still be unsafe in text segments (control segments, such
  as an image's sixel data, are the app's own and stay).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.text import Span, Text
from textual.app import App
from textual.color import Color
from textual.filter import LineFilter
from textual.notifications import SeverityLevel

from cybercase.core.termsafe import is_safe, safe, scrub

__all__ = ["TerminalSafeApp", "TerminalSafeFilter", "safe", "safe_text"]


def safe_text(text: Text | str, *, multiline: bool = False) -> Text:
    """``text`` as a rich Text with control characters shown escaped, styles kept."""
    if isinstance(text, str):
        return Text(safe(text, multiline=multiline))
    plain = text.plain
    if is_safe(plain, multiline=multiline):
        return text
    starts = [0]
    pieces = []
    for char in plain:
        piece = safe(char, multiline=multiline)
        pieces.append(piece)
        starts.append(starts[-1] + len(piece))
    out = text.copy()
    out.plain = "".join(pieces)
    out.spans = [Span(starts[s.start], starts[min(s.end, len(plain))], s.style)
                 for s in text.spans]
    return out


class TerminalSafeFilter(LineFilter):
    """Drops unsafe characters from every text segment the app draws (the last guard)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if all(seg.control is not None or is_safe(seg.text) for seg in segments):
            return segments
        return [seg if seg.control is not None or is_safe(seg.text)
                else Segment(scrub(seg.text), seg.style, seg.control)
                for seg in segments]


class TerminalSafeApp(App[None]):
    """The app's base: every line drawn passes :class:`TerminalSafeFilter`, and a
    notification (it often names a file, a person or a path) shows escapes, not obeys."""

    _TERMINAL_SAFE = TerminalSafeFilter()

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._TERMINAL_SAFE]

    def notify(self, message: str, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = True) -> None:
        super().notify(safe(message, multiline=True), title=safe(title), severity=severity,
                       timeout=timeout, markup=markup)
