"""A chat screenshot's OCR reading as a conversation: a *derived* reading, never a fact.

From the word boxes of a reading (``OcrWord``: text, left, top, width, height, confidence)
and the image's size, :func:`read_conversation` rebuilds what the screenshot shows:

- words into **lines** (their vertical centres within about half a word's height);
- the phone's **chrome** (status bar and chat header at the top, the typing bar at the
  bottom) left out when the image has a phone's shape (taller than 1.6 times its width);
- lines into **bubbles**: a bubble ends at the time shown at its end (``20:14``,
  ``8:43 PM``; the ticks after a sent time are dropped), where the side changes, or at a
  vertical gap wider than a line;
- the **side** from where the bubble stands in the image: nearer the left edge than the
  right one is *received*, else *sent* (by the phone's owner);
- a **sender** only when the screenshot shows one: the first line of a received bubble in
  a group when it looks like a name (``Daan``, ``Lotte de Vries``, ``~ Jayden`` with the
  number beside it dropped); a bubble without a name under a named one in the same run
  is that sender's (``sender_basis: "above"``, as WhatsApp shows it); a chat counts as a
  group when two bubbles show a name or one shows a ``~ Name``;
- **day separators** (``Vandaag``, ``Gisteren``, ``Maandag``, ``18 november 2026``):
  centred lines, kept as shown; only a separator with a full date gives a ``date``. Other
  centred lines are notices (``system``).

Times stay text as shown (the separator between hours and minutes read as ``:``); no
time of sending is made up (``time`` is always None). Each message carries the mean OCR
confidence of its words.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from datetime import date
from typing import Any

from cybercase.evidence.ocr.model import OcrWord

PHONE_SHAPE = 1.6  # height / width from which the image is taken as a whole phone screen
TOP_CHROME = 0.11  # share of the height taken by the status bar and the chat header
BOTTOM_CHROME = 0.07  # the typing bar
CENTRED = 0.08  # a separator's centre is this close to the middle (share of the width)
PLACEHOLDERS = frozenset({"bericht", "typ een bericht", "message", "type a message"})

# a time at a bubble's end; a digit the engine read as a letter (j0:01) still ends the
# bubble, and the time stays as read (``time_note`` says it is no clock time)
TIME = re.compile(r"^([\dIl|jO]?[\dO])[:.\-;,]([\dO]{2})([AaPp]\.?[Mm]\.?)?$")
CLOCK = re.compile(r"^(\d{1,2}):(\d{2})( [AP]M)?$")
MERIDIEM = re.compile(r"^[AaPp]\.?[Mm]\.?$")
NUMBER = re.compile(r"^\+?[\d()-]+$")
NAME_TOKEN = re.compile(r"^[~—–-]?[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'.-]*$")
TILDE = re.compile(r"^[~—–-]\s*")
PARTICLES = frozenset({"de", "van", "der", "den", "ter", "te", "het", "la", "le", "von"})
_NL_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
MONTHS = {m: i + 1 for i, m in enumerate(_NL_MONTHS)} | {
    m: i + 1 for i, m in enumerate(_EN_MONTHS)}
DAY_WORDS = frozenset({
    "vandaag", "gisteren", "eergisteren", "maandag", "dinsdag", "woensdag", "donderdag",
    "vrijdag", "zaterdag", "zondag", "today", "yesterday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday"})


@dataclass(frozen=True)
class ShotMessage:
    """One bubble (or separator) read from a screenshot: derived, may be wrong."""

    n: int
    kind: str  # message | day | notice
    side: str  # received | sent | centre
    sender: str | None
    sender_basis: str | None  # shown | above | None
    shown_time: str | None
    text: str
    day_shown: str | None  # the day separator above it, as shown
    date: str | None  # only from a separator that shows a full date
    confidence: float | None
    box: tuple[int, int, int, int]  # left, top, right, bottom in the image

    @property
    def system(self) -> bool:
        return self.kind != "message"

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n, "sender": self.sender, "shown_time": self.shown_time, "time": None,
            "text": self.text, "system": self.system, "side": self.side,
            "confidence": self.confidence, "derived": "ocr", "kind": self.kind,
            "sender_basis": self.sender_basis, "day_shown": self.day_shown,
            "date": self.date, "box": list(self.box),
            "time_note": clock_note(self.shown_time), "time_utc": None, "media": None,
            "media_item": None, "line": None,
        }


@dataclass
class _Line:
    words: list[OcrWord]

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.left + w.width for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.top + w.height for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _centre(w: OcrWord) -> float:
    return w.top + w.height / 2


def group_lines(words: list[OcrWord]) -> list[_Line]:
    """Words into lines, top to bottom, each line's words left to right."""
    usable = [w for w in words if w.text.strip()]
    if not usable:
        return []
    height = statistics.median(w.height for w in usable)
    lines: list[_Line] = []
    anchor = 0.0
    for w in sorted(usable, key=_centre):
        if lines and _centre(w) - anchor <= 0.55 * height:
            lines[-1].words.append(w)
        else:
            lines.append(_Line([w]))
            anchor = _centre(w)
    for line in lines:
        line.words.sort(key=lambda w: w.left)
    return lines


def split_time(tokens: list[str]) -> tuple[list[str], str | None]:
    """(the tokens before the time, the time as shown) when the line ends in a time (the
    ticks or other marks after it dropped), else (tokens, None)."""
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 4), -1):
        found = TIME.match(tokens[i])
        if not found:
            continue
        rest = tokens[i + 1:]
        meridiem = found[3] or ""
        if rest and not meridiem and MERIDIEM.match(rest[0]):
            meridiem, rest = rest[0], rest[1:]
        if any(len(r) > 3 or TIME.match(r) for r in rest):  # ticks read as marks
            return tokens, None
        if sum(c.isdigit() for c in found[1] + found[2]) < 2 or (
                found[2].isdigit() and int(found[2]) > 59):
            return tokens, None
        # an hour past 23 (a 1 read as 7: "79:36") stays as read: shown, not corrected
        shown = f"{found[1]}:{found[2]}"
        if meridiem:
            shown += " " + meridiem.replace(".", "").upper()
        return tokens[:i], shown
    return tokens, None


def clock_note(shown: str | None) -> str | None:
    """None when ``shown`` is a clock time, else why it is kept as read."""
    found = CLOCK.match(shown or "")
    if shown is None or (found and int(found[1]) <= (12 if found[3] else 23)):
        return None
    return "not a clock time: kept as OCR read it"


def _name(line: _Line) -> str | None:
    """The line as a sender's name when it looks like one (a number beside it dropped)."""
    tokens = [w.text for w in line.words]
    while len(tokens) > 1 and NUMBER.match(tokens[-1]):
        tokens.pop()
    if tokens and TILDE.fullmatch(tokens[0]):
        tokens = tokens[1:]
        tilde = True
    else:
        tilde = bool(tokens) and TILDE.match(tokens[0]) is not None
        tokens = [TILDE.sub("", tokens[0]), *tokens[1:]] if tokens else []
    if not tokens or len(tokens) > 4 or len(" ".join(tokens)) > 32:
        return None
    if not all(NAME_TOKEN.match(t) for t in tokens):
        return None
    first = tokens[0]
    if not first[:1].isupper():
        return None
    if any(not t[:1].isupper() and t.lower() not in PARTICLES for t in tokens[1:]):
        return None
    name = " ".join(tokens)
    return f"~ {name}" if tilde else name


def day_date(text: str) -> str | None:
    """The date a separator shows when it shows a whole one (``18 november 2026``,
    ``November 18, 2026``), else None: never guessed."""
    words = re.sub(r"[,.]", " ", text.lower()).split()
    try:
        if len(words) >= 3 and words[-3].isdigit() and words[-2] in MONTHS:
            return date(int(words[-1]), MONTHS[words[-2]], int(words[-3])).isoformat()
        if len(words) >= 3 and words[-3] in MONTHS and words[-2].isdigit():
            return date(int(words[-1]), MONTHS[words[-3]], int(words[-2])).isoformat()
    except ValueError:
        return None
    return None


def _is_day(text: str) -> bool:
    folded = text.lower().strip(" .,")
    return folded in DAY_WORDS or day_date(text) is not None or bool(
        re.fullmatch(r"\w{2,9}\.? \d{1,2} \w{3,9}\.?( \d{4})?", folded))


@dataclass
class _Bubble:
    lines: list[_Line]
    time: str | None = None
    time_line_tokens: list[str] | None = None


def _chrome(lines: list[_Line], width: int, height: int) -> list[_Line]:
    if height < PHONE_SHAPE * width:
        return lines
    top, bottom = TOP_CHROME * height, (1 - BOTTOM_CHROME) * height
    kept = []
    for line in lines:
        centre = (line.top + line.bottom) / 2
        if centre < top or centre > bottom:
            continue
        if centre > (1 - 2 * BOTTOM_CHROME) * height and line.text.lower() in PLACEHOLDERS:
            continue
        kept.append(line)
    return kept


def _side(left: int, right: int, width: int) -> str:
    return "received" if left < width - right else "sent"


def _centred(line: _Line, width: int) -> bool:
    middle = (line.left + line.right) / 2
    return abs(middle - width / 2) < CENTRED * width and line.left > 0.15 * width \
        and width - line.right > 0.15 * width


def _conf(words: list[OcrWord]) -> float | None:
    confs = [w.conf for w in words if w.conf >= 0]
    return round(sum(confs) / len(confs), 1) if confs else None


def read_conversation(words: list[OcrWord], width: int, height: int | None = None
                      ) -> list[ShotMessage]:
    """The messages a chat screenshot shows, from its OCR words (see the module text)."""
    if not words:
        return []
    height = height or max(w.top + w.height for w in words)
    lines = _chrome(group_lines(words), width, height)
    if not lines:
        return []
    # a gap wider than 1.3 body lines ends a bubble (names and times are smaller type)
    body = [line for line in lines if len(line.words) > 1] or lines
    gap_limit = 1.3 * statistics.median(line.bottom - line.top for line in body)
    parts: list[_Bubble | _Line] = []  # bubbles and centred lines, top to bottom
    current: _Bubble | None = None
    for line in lines:
        tokens, shown = split_time([w.text for w in line.words])
        apart = current is None or line.top - current.lines[-1].bottom > gap_limit
        if shown is None and apart and _centred(line, width):
            current = None
            parts.append(line)
            continue
        if current is not None:
            last = current.lines[-1]
            joined = [*current.lines, line]
            turned = bool(tokens) and _side(
                min(x.left for x in joined), max(x.right for x in joined), width) != _side(
                min(x.left for x in current.lines), max(x.right for x in current.lines), width)
            if turned or line.top - last.bottom > gap_limit:  # a lone time never turns
                current = None
        if current is None:
            current = _Bubble([])
            parts.append(current)
        current.lines.append(line)
        if shown is not None:
            current.time, current.time_line_tokens = shown, tokens
            current = None
    return _messages(parts, width)


def _messages(parts: list[_Bubble | _Line], width: int) -> list[ShotMessage]:
    names = [_name(p.lines[0]) if isinstance(p, _Bubble) and len(p.lines) > 1 else None
             for p in parts]
    group = sum(1 for n in names if n) >= 2 or any(n and n.startswith("~") for n in names)
    out: list[ShotMessage] = []
    day: str | None = None
    day_iso: str | None = None
    above: str | None = None
    for part, name in zip(parts, names, strict=True):
        n = len(out) + 1
        if isinstance(part, _Line):
            text = part.text
            kind = "day" if _is_day(text) else "notice"
            if kind == "day":
                day, day_iso = text, day_date(text)
            above = None
            out.append(ShotMessage(n, kind, "centre", None, None, None, text, day, day_iso,
                                   _conf(part.words),
                                   (part.left, part.top, part.right, part.bottom)))
            continue
        left = min(x.left for x in part.lines)
        right = max(x.right for x in part.lines)
        side = _side(left, right, width)
        body = list(part.lines)
        sender: str | None = None
        basis: str | None = None
        if side == "received" and group and name:
            sender, basis = name, "shown"
            body = body[1:]
        elif side == "received" and group and above:
            sender, basis = above, "above"
        above = sender if side == "received" else None
        texts = [x.text for x in body]
        if part.time is not None and part.time_line_tokens is not None:
            texts[-1] = " ".join(part.time_line_tokens)
        words = [w for x in part.lines for w in x.words]
        out.append(ShotMessage(
            n, "message", side, sender, basis, part.time,
            " ".join(t for t in texts if t).strip(), day, day_iso, _conf(words),
            (left, min(x.top for x in part.lines), right, max(x.bottom for x in part.lines))))
    return out
