"""File sizes as people read them, in one place.

``human_size`` is the short form, in the reader's language: ``70.4 KB`` in English,
``70,4 kB`` in Dutch (the locale's decimal and group signs from Babel, and the unit as
Dutch writes it); ``base=1024`` for binary units. ``dutch_size`` is the form of the
Dutch documents (``70.406 bytes (70,4 kB)``). Babel is imported on first use.
"""

from __future__ import annotations

import functools

# the units per language; Dutch writes kilo as a lower-case k (SI), English here "KB"
UNITS = {
    "en": ("KB", "MB", "GB"),
    "nl": ("kB", "MB", "GB"),
}


@functools.cache
def _symbols(language: str) -> tuple[str, str]:
    """The locale's decimal and group signs from Babel's CLDR data (``,`` and ``.`` in
    Dutch), read once: a report formats a size for every item."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return str(get_decimal_symbol(language)), str(get_group_symbol(language))


def _number(value: float, decimals: int, language: str, grouped: bool = False) -> str:
    decimal, group = _symbols(language)
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    return text.translate({ord("."): decimal, ord(","): group})


def human_size(size: int, base: int = 1000, byte_unit: str = "bytes",
               language: str = "en") -> str:
    """``512 bytes``, ``70.4 KB``, ``3.1 MB``, ``12.0 GB`` (at most GB); in Dutch
    ``70,4 kB``."""
    language = language if language in UNITS else "en"
    if size < base:
        return f"{_number(size, 0, language)} {byte_unit}"
    value = float(size)
    for unit in UNITS[language]:
        value /= base
        if value < base or unit == "GB":
            # rounding to one decimal may reach the base (999.96 kB -> 1000.0): next unit
            if round(value, 1) >= base and unit != "GB":
                continue
            return f"{_number(value, 1, language)} {unit}"
    raise AssertionError("unreachable")


def dutch_size(n: int, bytes_word: str = "bytes") -> str:
    """``70.406 bytes (70,4 kB)``: Dutch digit grouping and decimal comma."""
    grouped = _number(n, 0, "nl", grouped=True)
    if n < 1000:
        return f"{grouped} {bytes_word}"
    return f"{grouped} {bytes_word} ({human_size(n, language='nl')})"
