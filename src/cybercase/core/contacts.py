"""Phone numbers and e-mail addresses checked by well-kept libraries instead of rules of
our own: ``phonenumbers`` (Google's libphonenumber metadata: 0800 and 0900 numbers, mobile
and geographic numbers, real country codes) with the Netherlands as the region of a number
written without a country code, and ``email-validator`` (syntax only: no DNS look-up, the
vault may be used offline). Both are imported on first use.

Each check returns ``(as typed, normal form)`` or raises the one-line :class:`UsageError`
it is given; the normal form is what duplicates are compared by (``+31612345678``,
``naam@voorbeeld.nl``).
"""

from __future__ import annotations

import re

from cybercase.core.errors import UsageError

REGION = "NL"  # a number without a country code is Dutch
# how a number is written: one leading "+" at most, digits and the usual separators
_WRITTEN = re.compile(r"\+?[0-9(][0-9 ()./-]{0,38}")


def phone_number(value: str, bad: UsageError) -> tuple[str, str]:
    """(as typed, E.164): ``06-12345678``, ``020 123 4567``, ``0800-1234``,
    ``+31 (0)6 12345678``, ``0031 6 12345678``, ``+44 20 7946 0958``."""
    import phonenumbers

    text = value.strip()
    # "+31 (0)6 ...": the national 0 that is dropped when dialling from abroad
    cleaned = text.replace("(0)", "")
    if not _WRITTEN.fullmatch(cleaned):
        raise bad
    try:
        number = phonenumbers.parse(cleaned, REGION)
    except phonenumbers.NumberParseException:
        raise bad from None
    if not phonenumbers.is_valid_number(number):
        raise bad
    return text, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email_address(value: str, bad: UsageError) -> tuple[str, str]:
    """(as typed, ``local@ascii-domain`` in lower case): a sane local part and a real
    domain name (no IP address, no single-label host)."""
    from email_validator import EmailNotValidError, validate_email

    text = value.strip()
    if not text or not text.isprintable():
        raise bad
    try:
        found = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise bad from None
    return text, f"{found.local_part.lower()}@{found.ascii_domain.lower()}"
