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

from cybercase.core.timeutil import AMSTERDAM, from_iso

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
