"""Time: stored in UTC, shown in Europe/Amsterdam with the zone written out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from cybercase.core.dateparse import parse_day
from cybercase.core.i18n import msg

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """A UTC timestamp as stored: ``2026-11-21T08:15:02.123456Z``."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_iso() -> str:
    return to_iso(now_utc())


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def local_display(text_or_moment: str | datetime) -> str:
    """``2026-11-21 09:15 CET (UTC+01:00)``: Amsterdam time, zone explicit."""
    moment = from_iso(text_or_moment) if isinstance(text_or_moment, str) else text_or_moment
    local = moment.astimezone(AMSTERDAM)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()} (UTC{offset[:3]}:{offset[3:]})"


def local_today() -> date:
    return now_utc().astimezone(AMSTERDAM).date()


def parse_date(text: str, what: str | None = None) -> date:
    """A date the user typed: ISO (2026-12-03) or the Dutch way (3-12-2026, 3 dec 2026,
    3 december 2026; :mod:`cybercase.core.dateparse`); anything else, or a day that does
    not exist, is a one-line usage error.

    ``what`` names the field, best as a Msg ("the report date" / "de meldingsdatum")."""
    return parse_day(text, what or msg("vault.field.date"))


def age_on(born: str | None, on: date) -> int | None:
    """Completed years on ``on`` of someone born on ``born`` (YYYY-MM-DD): the birthday
    itself counts (12 on the 12th birthday); None when the date of birth is unknown.
    The one age rule: a person's age today and a suspect's age on the offence day."""
    if not born:
        return None
    b = date.fromisoformat(born)
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))
