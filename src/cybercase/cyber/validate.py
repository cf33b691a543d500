"""Checks for what people type about online accounts: URLs, e-mail addresses, phone numbers
(those two through :mod:`cybercase.core.contacts`), handles. Each returns the value as
typed (trimmed) or its normal form for comparison, or
raises a one-line :class:`UsageError`.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from cybercase.core.contacts import email_address, phone_number
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg

THE_URL = msg("cyber.validate.the_url")
MAX_URL = 2000
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


def _host_ok(host: str) -> bool:
    if not host:
        return False
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = host.rstrip(".").split(".")
    return len(labels) >= 2 and all(_LABEL.match(label) for label in labels) \
        and bool(_TLD.match(labels[-1]))


def url(value: str, what: str = THE_URL) -> str:
    """An absolute http(s) address with a real host; returned trimmed, otherwise as typed."""
    text = value.strip()
    if len(text) > MAX_URL:
        raise UsageError(msg("cyber.validate.url_long", what=what, n=len(text), limit=MAX_URL))
    bad = UsageError(msg("cyber.validate.url", what=what, value=value))
    if not text or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise bad
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        raise bad from None
    if parts.scheme.lower() not in ("http", "https") or not _host_ok(parts.hostname or ""):
        raise bad
    return text


def email(value: str) -> tuple[str, str]:
    """(as typed, normal form for comparison): checked by ``email-validator``
    (:mod:`cybercase.core.contacts`)."""
    return email_address(value, UsageError(msg("cyber.validate.email", value=value)))


def phone(value: str) -> tuple[str, str]:
    """(as typed, ``+<digits>``): Dutch national (06-12345678, 020 123 4567, 0800-1234) or
    international (+31 6 12345678, 0031 6 12345678, +44 20 7946 0958) forms, checked by
    ``phonenumbers`` (:mod:`cybercase.core.contacts`)."""
    return phone_number(value, UsageError(msg("cyber.validate.phone", value=value)))


def handle(value: str) -> tuple[str, str]:
    """(as typed, normal form): compared case-insensitively and without a leading @."""
    text = value.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        raise UsageError(msg("cyber.validate.handle_chars", value=value))
    norm = text.lstrip("@").casefold()
    if not norm:
        raise UsageError(msg("cyber.validate.handle"))
    if len(text) > 200:
        raise UsageError(msg("cyber.validate.handle_long"))
    return text, norm
