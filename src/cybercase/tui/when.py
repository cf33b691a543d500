"""Moments as the app shows them: "3 december 2026, 08:43" in Dutch, "3 December 2026,
08:43" in English (Amsterdam time, Babel; cybercase.core.dutchdates). The zone written
out ("CET (UTC+01:00)") is for the CLI and the technical appendices, not the screen."""

from __future__ import annotations

from datetime import UTC, datetime

from cybercase.core.dutchdates import app_day, app_moment
from cybercase.core.i18n import get_language
from cybercase.core.timeutil import AMSTERDAM, from_iso


def shown_moment(moment: str | datetime) -> str:
    return app_moment(moment, get_language())


def shown_day(moment: str | datetime) -> str:
    """The day of a stored moment in a narrow column: "2 mrt 2026" ("2 Mar 2026")."""
    value = from_iso(moment) if isinstance(moment, str) else moment
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return app_day(value.astimezone(AMSTERDAM).date(), get_language())
