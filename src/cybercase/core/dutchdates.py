"""Dates as a Dutch reader writes them, for every document: "21 november 2026, 14:32"
(Amsterdam time) and "3 december 2026". UTC belongs only in technical appendices
(:func:`cybercase.core.timeutil.local_display` and the stored ISO text).

Babel (CLDR data, locale ``nl``) spells the months; it is imported on first use so the
command line starts without it.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from typing import Any

from cybercase.core.dateparse import parse_day
from cybercase.core.timeutil import AMSTERDAM, from_iso, local_today

LOCALE = "nl"


@functools.cache
def _locale(name: str) -> Any:
    """Babel's locale, parsed once (a report formats hundreds of dates)."""
    from babel import Locale

    return Locale.parse(name)


def dutch_datetime(moment: str | datetime) -> str:
    """``21 november 2026, 14:32`` in Amsterdam time (a stored ISO text or an aware
    datetime; a naive one is taken as UTC)."""
    from babel.dates import format_datetime

    value = from_iso(moment) if isinstance(moment, str) else moment
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(format_datetime(value, "d MMMM y, HH:mm", tzinfo=AMSTERDAM,
                               locale=_locale(LOCALE)))


def dutch_date(day: str | date | datetime) -> str:
    """``3 december 2026`` (a date, ``YYYY-MM-DD``, or a moment: its Amsterdam date)."""
    from babel.dates import format_date

    if isinstance(day, datetime) or (isinstance(day, str) and len(day) > 10):
        moment = from_iso(day) if isinstance(day, str) else day
        day = moment.astimezone(AMSTERDAM).date() if moment.tzinfo else moment.date()
    elif isinstance(day, str):
        day = date.fromisoformat(day)
    return str(format_date(day, "d MMMM y", locale=_locale(LOCALE)))


def written_date(day: date, language: str) -> str:
    """A date written out in ``language`` ("nl": ``3 december 2026``, "en": ``3 December
    2026``), for a document that can be printed in either."""
    from babel.dates import format_date

    return str(format_date(day, "d MMMM y", locale=_locale(language)))


def parse_dutch_date(text: str, what: object | None = None) -> date:
    """A typed date: ``3-12-2026``, ``3 dec 2026``, ``3 december 2026`` or ISO
    (:mod:`cybercase.core.dateparse`); a day that does not exist is a one-line error
    ("30 februari 2026 bestaat niet")."""
    from cybercase.core.i18n import msg

    return parse_day(text, what or msg("vault.field.date"))


def relative_days(day: str | date, today: date | None = None) -> str:
    """"vandaag", "morgen", "over 4 dagen", "2 dagen geleden" (Babel, Dutch)."""
    from datetime import timedelta

    from babel.dates import format_timedelta

    target = date.fromisoformat(day[:10]) if isinstance(day, str) else day
    delta = (target - (today or local_today())).days
    if delta == 0:
        return "vandaag"
    if delta == 1:
        return "morgen"
    if delta == -1:
        return "gisteren"
    return str(format_timedelta(timedelta(days=delta), granularity="day", threshold=400,
                                add_direction=True, format="long", locale=LOCALE))


def dutch_moment(moment: str | datetime) -> str:
    """What the app shows for a stored moment: "3 december 2026, 08:43"; a date-only
    value ("2026-12-03") as "3 december 2026"."""
    if isinstance(moment, str) and len(moment) <= 10:
        return dutch_date(moment)
    return dutch_datetime(moment)


def exif_moment(raw: str, language: str = LOCALE) -> str:
    """An EXIF date ("2026:11:18 21:03:12", camera local time, no zone) as
    "18 november 2026, 21:03" ("18 November 2026, 21:03" in English); the raw text back
    when it is not such a date."""
    from babel.dates import format_datetime

    try:
        value = datetime.strptime(raw.strip().rstrip("\x00")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return raw
    return str(format_datetime(value, "d MMMM y, HH:mm", locale=language))


def app_moment(moment: str | datetime, language: str) -> str:
    """A stored moment (or a day) as the app shows it in ``language``: "3 december 2026,
    08:43" in Dutch, "3 December 2026, 08:43" in English (Amsterdam time)."""
    if language == LOCALE:
        return dutch_moment(moment)
    from babel.dates import format_date, format_datetime

    if isinstance(moment, str) and len(moment) <= 10:
        return str(format_date(date.fromisoformat(moment), "d MMMM y", locale="en"))
    value = from_iso(moment) if isinstance(moment, str) else moment
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(format_datetime(value, "d MMMM y, HH:mm", tzinfo=AMSTERDAM, locale="en"))


def app_day(day: date, language: str) -> str:
    """A day in a narrow column: "7 dec 2026" ("7 Dec 2026" in English)."""
    from babel.dates import format_date

    return str(format_date(day, "d MMM y", locale=LOCALE if language == LOCALE else "en"))


def typed_day(day: date) -> str:
    """A day as a Dutch person types it into a field: "3-12-2026" (parse_dutch_date
    reads it back)."""
    return f"{day.day}-{day.month}-{day.year}"
