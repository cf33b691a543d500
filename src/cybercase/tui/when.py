"""Moments as the app shows them: "3 december 2026, 08:43" in Dutch, "3 December 2026,
08:43" in English (Amsterdam time, Babel; cybercase.core.dutchdates). The zone written
out ("CET (UTC+01:00)") is for the CLI and the technical appendices, not the screen."""

from __future__ import annotations

from datetime import datetime

from cybercase.core.dutchdates import app_moment
from cybercase.core.i18n import get_language


def shown_moment(moment: str | datetime) -> str:
    return app_moment(moment, get_language())
