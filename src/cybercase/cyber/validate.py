"""Checks for what people type about online accounts: URLs, e-mail addresses, phone numbers,
handles. Each returns the value as typed (trimmed) or its normal form for comparison, or
raises a one-line :class:`UsageError`.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg

THE_URL = msg("cyber.validate.the_url")
MAX_URL = 2000
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
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
    """(as typed, normal form for comparison): one @, a sane local part, a real domain."""
    text = value.strip()
    bad = UsageError(msg("cyber.validate.email", value=value))
    local, at, domain = text.rpartition("@")
    if not at or len(text) > 254 or len(local) > 64 or not _LOCAL.match(local):
        raise bad
    if not _host_ok(domain) or _is_ip(domain):
        raise bad
    return text, f"{local.lower()}@{domain.encode('idna').decode('ascii').lower()}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


_PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]+$")


def phone(value: str) -> tuple[str, str]:
    """(as typed, ``+<digits>``): Dutch national (06-12345678, 020 123 4567) or
    international (+31 6 12345678, 0031 6 12345678, +44 20 7946 0958) forms."""
    text = value.strip()
    bad = UsageError(msg("cyber.validate.phone", value=value))
    if not _PHONE_CHARS.match(text) or text.count("+") > 1:
        raise bad
    # "+31 (0)6 ..." is a common way of writing the national 0 that is dropped abroad
    cleaned = text.replace("(0)", "")
    if "(" in cleaned or ")" in cleaned:
        cleaned = cleaned.replace("(", "").replace(")", "")
    digits = re.sub(r"[^0-9]", "", cleaned)
    if cleaned.startswith("+"):
        number = digits
    elif digits.startswith("00"):
        number = digits[2:]
    elif digits.startswith("0"):
        if len(digits) != 10:  # Dutch numbers: 0 and nine digits
            raise bad
        number = "31" + digits[1:]
    else:
        raise bad
    if not 8 <= len(number) <= 15 or number.startswith("0"):
        raise bad
    if number.startswith("31") and len(number) != 11:
        raise bad
    return text, "+" + number


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
