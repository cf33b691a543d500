"""Dates typed the Dutch way, a clear word for a day that does not exist, Dutch dates
shown by Babel, and phone numbers / e-mail addresses checked by phonenumbers and
email-validator (issue #20, item 3)."""

from __future__ import annotations

from datetime import date

import pytest

from cybercase.core.contacts import email_address, phone_number
from cybercase.core.dutchdates import (
    dutch_moment,
    exif_moment,
    parse_dutch_date,
    relative_days,
)
from cybercase.core.errors import UsageError
from cybercase.core.i18n import Msg, msg
from cybercase.core.timeutil import parse_date
from cybercase.vault.settings import valid_email, valid_phone


@pytest.mark.parametrize("text", [
    "3-12-2026", "03-12-2026", "3/12/2026", "3.12.2026", "3 dec 2026", "3 dec. 2026",
    "3 december 2026", "3 December 2026", "  3   december   2026 ", "2026-12-03",
    "3 Dec 2026",
])
def test_dutch_and_iso_forms(text: str) -> None:
    assert parse_date(text) == date(2026, 12, 3)
    assert parse_dutch_date(text) == date(2026, 12, 3)


def test_day_first_always() -> None:
    assert parse_date("3-5-2015") == date(2015, 5, 3)
    assert parse_date("1 mrt 2026") == date(2026, 3, 1)
    assert parse_date("29-2-2028") == date(2028, 2, 29)  # a leap year


def _both(error: UsageError) -> tuple[str, str]:
    text = error.args[0]
    assert isinstance(text, Msg)
    return str(text), text.localized("nl")


@pytest.mark.parametrize("text", ["30 februari 2026", "2026-02-30", "30-2-2026"])
def test_a_day_that_does_not_exist_is_named(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_date(text, msg("cases.field.born"))
    english, dutch = _both(caught.value)
    assert english.endswith("30 February 2026 does not exist")
    assert dutch.endswith("30 februari 2026 bestaat niet")
    assert "JJJJ" not in dutch


def test_no_month_13_and_no_date_at_all() -> None:
    with pytest.raises(UsageError, match="no month 13"):
        parse_date("3-13-2026")
    for text in ("gisteren", "3 foo 2026", "3-12-26", "2026/12/03"):
        with pytest.raises(UsageError) as caught:
            parse_date(text)
        assert "is geen datum: schrijf hem als 3-12-2026" in _both(caught.value)[1]
    for text in ("", "  "):  # empty: says so, not "'' is not a date"
        with pytest.raises(UsageError) as caught:
            parse_date(text)
        english, dutch = _both(caught.value)
        assert "is leeg: schrijf hem als 3-12-2026" in dutch and "''" not in dutch
        assert "is empty: write it as" in english


def test_dates_shown_the_dutch_way() -> None:
    assert dutch_moment("2026-12-03T07:43:00.000000Z") == "3 december 2026, 08:43"
    assert dutch_moment("2026-07-03T07:43:00.000000Z") == "3 juli 2026, 09:43"  # summer
    assert dutch_moment("2026-12-03") == "3 december 2026"
    assert exif_moment("2026:11:18 21:03:12") == "18 november 2026, 21:03"
    assert exif_moment("not a date") == "not a date"
    today = date(2026, 12, 3)
    assert relative_days("2026-12-07", today) == "over 4 dagen"
    assert relative_days(date(2026, 12, 1), today) == "2 dagen geleden"
    assert relative_days("2026-12-03", today) == "vandaag"
    assert relative_days("2026-12-04", today) == "morgen"


BAD = UsageError("bad")


@pytest.mark.parametrize(("text", "norm"), [
    ("0800-1234", "+318001234"), ("0900 1234567", "+319001234567"),
    ("06-12345678", "+31612345678"), ("020 123 4567", "+31201234567"),
    ("+31 (0)6 12345678", "+31612345678"), ("+44 20 7946 0958", "+442079460958"),
])
def test_phone_numbers_libphonenumber_accepts(text: str, norm: str) -> None:
    assert phone_number(text, BAD) == (text, norm)
    assert valid_phone(text)


@pytest.mark.parametrize("text", [
    "+999 1234 5678", "06-1234567", "12", "06 1234 567a", "++31612345678", "",
])
def test_phone_numbers_refused(text: str) -> None:
    with pytest.raises(UsageError):
        phone_number(text, BAD)
    assert not valid_phone(text)


def test_email_addresses() -> None:
    assert email_address(" Juf.Anna@School.NL ", BAD) == ("Juf.Anna@School.NL",
                                                          "juf.anna@school.nl")
    assert valid_email("ouder@bücher.de")
    for text in ("a@b", "a..b@c.nl", "a@[1.2.3.4]", "naam at school.nl", "a@b.nl\x1b"):
        assert not valid_email(text)


def test_typed_day_reads_back() -> None:
    from cybercase.core.dutchdates import app_day, app_moment, typed_day

    for day in (date(2026, 12, 3), date(2015, 5, 3), date(2028, 2, 29)):
        assert parse_date(typed_day(day)) == day
    assert typed_day(date(2026, 12, 3)) == "3-12-2026"
    assert app_day(date(2026, 12, 7), "nl") == "7 dec 2026"
    assert app_moment("2026-12-03T07:43:00Z", "en") == "3 December 2026, 08:43"
