"""The police report's words: Dutch dates and the Dutch for codes a reader must not see.

Dates: the ONE place the report formats a date for its reader ("21 november 2026, 14:32",
Amsterdam time). When the documents' shared Dutch date function lands (branch pdfkit, with
Babel), swap the body of :func:`nl_when` and :func:`nl_day` for it. UTC is shown only in
the custody appendix.

Codes: who captured an item ("parent: ...") and an audit action ("evidence.view") are
stored as codes; the report prints them in Dutch (catalogue entries ``report.who.*``,
``report.action.*``, ``report.mime.*``), never the code itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from datetime import date, datetime

from cybercase.core.dutchdates import dutch_date, dutch_datetime
from cybercase.core.i18n import texts
from cybercase.core.timeutil import from_iso


class Dutch(Mapping[str, str]):
    """A document's Dutch texts (``texts(prefix, "nl")``), each looked up once: a report
    of hundreds of items asks for the same labels thousands of times."""

    def __init__(self, prefix: str) -> None:
        self._texts = texts(prefix, "nl")
        self._seen: dict[str, str] = {}
        self._missing: set[str] = set()  # names asked for that have no text (who_nl's)

    def __getitem__(self, name: str) -> str:
        try:
            return self._seen[name]
        except KeyError:
            found = self._seen[name] = self._texts[name]
            return found

    def __contains__(self, name: object) -> bool:
        if name in self._seen:
            return True
        if name in self._missing:
            return False
        try:
            self[str(name)]
        except KeyError:
            self._missing.add(str(name))
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


WHO_NL = Dutch("report.who")
ACTIONS_NL = Dutch("report.action")
MIME_NL = Dutch("report.mime")


def nl_day(value: str | date) -> str:
    """``21 november 2026`` for a date (or the date part of an ISO time)."""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return dutch_date(day)


@functools.lru_cache(maxsize=8192)  # a report prints the same moments for many items
def nl_when(value: str | datetime | None) -> str:
    """``21 november 2026, 14:32`` in Amsterdam time; '-' for nothing; a text that is not
    a time is returned as it is."""
    if value is None or value == "":
        return "-"
    try:
        moment = from_iso(value) if isinstance(value, str) else value
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        return dutch_datetime(moment)
    # a time without a zone (a camera's EXIF time) is printed as it is, never converted
    return f"{dutch_date(moment.date())}, {moment:%H:%M}"


@functools.lru_cache(maxsize=1024)  # one per custody line: a few people, many lines
def who_nl(value: str | None) -> str:
    """``parent: moeder van Sanne`` -> ``ouder: moeder van Sanne`` (a kind alone, too)."""
    if not value:
        return "-"
    kind, sep, rest = str(value).partition(":")
    if kind.strip() in WHO_NL:
        word = WHO_NL[kind.strip()]
        return f"{word} ({rest.strip()})" if sep and rest.strip() else word
    return str(value)


def action_nl(action: str) -> str:
    """An audit action in Dutch words; an action without a Dutch name is described by its
    area, never printed as a code."""
    if action in ACTIONS_NL:
        return ACTIONS_NL[action]
    area = action.split(".")[0]
    return ACTIONS_NL.get(f"other.{area}", ACTIONS_NL["other"])


def mime_nl(mime: str | None) -> str:
    """``image/png`` -> ``afbeelding (PNG)``; ``text/plain`` -> ``tekstbestand``."""
    if not mime:
        return "-"
    kind, _, sub = mime.partition("/")
    sub = sub.split(";")[0].split("+")[0].removeprefix("x-").upper()
    if mime in MIME_NL:
        return MIME_NL[mime]
    if kind in MIME_NL:
        return f"{MIME_NL[kind]} ({sub})" if sub else MIME_NL[kind]
    return MIME_NL["other"] + (f" ({sub})" if sub else "")
