"""Dates as people type them: ISO (``2026-12-03``) and the Dutch forms (``3-12-2026``,
``3/12/2026``, ``3.12.2026``, ``3 dec 2026``, ``3 dec. 2026``, ``3 december 2026``; English
month names too: ``3 Dec 2026``). Day first, always: ``3-12-2026`` is the 3rd of December.

A form that is clear but names a day that does not exist gets its own message
("30 februari 2026 bestaat niet"), a text that is no date at all the usual one.
Month names come from Babel's CLDR data (imported on first use).
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from functools import cache

from cybercase.core.errors import UsageError
from cybercase.core.i18n import Msg, msg, pair

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_WORDS = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")


@cache
def _month_names() -> dict[str, int]:
    """Every spelling of a month: Dutch and English, wide and abbreviated, lower case."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in ("nl", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[name.lower().rstrip(".")] = number
    names["sept"] = 9  # "3 sept 2026" is written as often as "3 sep"
    names["mrt"] = 3
    return names


def month_name(month: int, language: str) -> str:
    from babel.dates import get_month_names

    return str(get_month_names("wide", locale=language)[month])


def _parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) as typed, or None when the text is no date form at all."""
    if found := _ISO.fullmatch(text):
        return int(found[1]), int(found[2]), int(found[3])
    if found := _NUMERIC.fullmatch(text):
        return int(found[4]), int(found[3]), int(found[1])
    if found := _WORDS.fullmatch(text):
        month = _month_names().get(found[2].lower())
        if month is None:
            return None
        return int(found[3]), month, int(found[1])
    return None


def no_such_day(year: int, month: int, day: int) -> Msg:
    """"30 februari 2026" / "30 February 2026" for the message about it."""
    return pair(f"{day} {month_name(month, 'en')} {year}",
                f"{day} {month_name(month, 'nl')} {year}")


def parse_day(text: str, what: object) -> date:
    """The date ``text`` stands for; a :class:`UsageError` naming ``what`` otherwise."""
    cleaned = " ".join(text.strip().split())
    if not cleaned:  # "the date '' is not a date" says nothing useful
        raise UsageError(msg("dates.empty", what=what))
    parts = _parts(cleaned)
    if parts is None:
        raise UsageError(msg("vault.not_a_date", what=what, text=text))
    year, month, day = parts
    if not 1 <= month <= 12:
        raise UsageError(msg("dates.no_such_month", what=what, text=text, month=month))
    if year < 1 or not 1 <= day <= monthrange(year, month)[1]:
        raise UsageError(msg("dates.no_such_day", what=what,
                             day=no_such_day(year, month, day)))
    return date(year, month, day)
