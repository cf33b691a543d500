"""When each entry was sent: the day/month order of a file, and times in Amsterdam and UTC.

An export's time stamps are local wall-clock times without a zone, written in the phone's
locale. The order of day and month is a property of the whole file:

- the year first (``2019/01/30``): ``ymd``;
- a first number above 12 anywhere: ``dmy``; a second number above 12: ``mdy``
  (basis ``values``: the data proves it); both: the file contradicts itself (``conflict``);
- otherwise the layout: dots (German ``29.01.18``), dashes (Dutch ``20-11-2026``) and the
  Arabic comma are day-first in every locale WhatsApp writes them in (basis ``layout``);
- otherwise (slashes, every day 12 or lower) it cannot be known: ``order`` is None and
  every time stays empty until a person chooses (basis ``chosen``). Nothing is guessed.

Times are read as Europe/Amsterdam wall-clock time. 12-hour clocks are converted and
checked (hand-edited ``23:59 PM`` reads as 23:59, ``00:04 AM`` as 00:04; ``13:00 AM`` is
refused). In the autumn's repeated hour the earlier reading is given and noted
(``dst-repeat``); a time in the spring's missing hour is noted (``dst-gap``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from cybercase.core.timeutil import AMSTERDAM
from cybercase.evidence.chat.parse import Entry, Parsed

ORDERS = ("dmy", "mdy", "ymd")
CHOOSABLE = ("dmy", "mdy")


@dataclass(frozen=True)
class Order:
    order: str | None  # dmy | mdy | ymd; None while it cannot be known
    basis: str  # values | layout | chosen | ambiguous | conflict


def infer(parsed: Parsed) -> Order:
    dates = [e.date for e in parsed.entries]
    if not dates:
        return Order(None, "ambiguous")
    if all(len(a) == 4 for a, _b, _c in dates):
        return Order("ymd", "values")
    first = any(int(a) > 12 for a, _b, _c in dates)
    second = any(int(b) > 12 for _a, b, _c in dates)
    if first and second:
        return Order(None, "conflict")
    if first:
        return Order("dmy", "values")
    if second:
        return Order("mdy", "values")
    if parsed.separator in ".-":
        return Order("dmy", "layout")
    return Order(None, "ambiguous")


def fits(parsed: Parsed, order: str) -> bool:
    """Whether every date of the file is a real date in ``order``."""
    return all(_ymd(e.date, order) is not None for e in parsed.entries)


def _ymd(date: tuple[str, str, str], order: str) -> tuple[int, int, int] | None:
    a, b, c = (int(x) for x in date)
    if order == "ymd":
        y, m, d = a, b, c
    elif order == "dmy":
        d, m, y = a, b, c
    else:
        m, d, y = a, b, c
    if y < 100:
        y += 2000
    if not (1 <= m <= 12 and 1 <= d <= 31 and 2000 <= y <= 2999):
        return None
    return y, m, d


def _hour(hour: int, ampm: str | None) -> int | None:
    if ampm is None:
        return hour if hour <= 23 else None
    pm = ampm.lstrip()[:1].lower() == "p"
    if hour > 23:
        return None
    if hour > 12:  # "23:59 PM": the hour is already a 24-hour one
        return hour if pm else None
    if hour == 0:
        return 0 if not pm else None  # "00:04 AM"
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def _clock(entry: Entry, order: str | None) -> tuple[datetime | None, str | None]:
    """The entry's wall-clock time (naive) or None with the reason."""
    if order is None:
        return None, "date-order"
    ymd = _ymd(entry.date, order)
    if ymd is None:
        return None, "bad-date"
    hour, minute, second, ampm = entry.clock
    h = _hour(hour, ampm)
    if h is None or minute > 59 or (second or 0) > 59:
        return None, "bad-clock"
    try:
        return datetime(*ymd, h, minute, second or 0), None
    except ValueError:
        return None, "bad-date"


@lru_cache(maxsize=4096)
def _offset(day_hour: tuple[int, int, int, int, int]) -> tuple[timedelta, str | None]:
    """The Amsterdam UTC offset of a wall-clock hour (minute kept: the switch is on :00)."""
    naive = datetime(*day_hour)
    moment = naive.replace(tzinfo=AMSTERDAM)
    offset = moment.utcoffset()
    assert offset is not None
    note = None
    if offset != naive.replace(tzinfo=AMSTERDAM, fold=1).utcoffset():
        note = "dst-repeat" if moment.dst() else "dst-gap"
    return offset, note


def local_time(entry: Entry, order: str | None) -> tuple[datetime | None, str | None]:
    """The entry's time in Europe/Amsterdam (or None) and a note when it is uncertain."""
    naive, why = _clock(entry, order)
    if naive is None:
        return None, why
    note = _offset((naive.year, naive.month, naive.day, naive.hour, 0))[1]
    return naive.replace(tzinfo=AMSTERDAM), note


def stamps(entry: Entry, order: str | None) -> tuple[str | None, str | None, str | None]:
    """(time in Amsterdam with its offset, time in UTC, note) as stored, computed fast."""
    naive, why = _clock(entry, order)
    if naive is None:
        return None, None, why
    offset, note = _offset((naive.year, naive.month, naive.day, naive.hour, 0))
    seconds = int(offset.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    hours, rest = divmod(abs(seconds), 3600)
    local = f"{naive.isoformat()}{sign}{hours:02d}:{rest // 60:02d}"
    return local, (naive - offset).isoformat() + "Z", note


def iso_local(moment: datetime) -> str:
    return moment.isoformat()


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def span(moments: list[datetime]) -> tuple[datetime, datetime] | None:
    if not moments:
        return None
    return min(moments), max(moments)

