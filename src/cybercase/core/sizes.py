"""File sizes as people read them, in one place.

``human_size`` is the short form (``70.4 KB``; ``base=1024`` for binary units);
``dutch_size`` the form of the Dutch documents (``70.406 bytes (70,4 kB)``).
"""

from __future__ import annotations


def human_size(size: int, base: int = 1000, byte_unit: str = "bytes") -> str:
    """``512 bytes``, ``70.4 KB``, ``3.1 MB``, ``12.0 GB`` (at most GB)."""
    value = float(size)
    for unit in (byte_unit, "KB", "MB", "GB"):
        if value < base or unit == "GB":
            return f"{value:.0f} {unit}" if unit == byte_unit else f"{value:.1f} {unit}"
        value /= base
    return f"{size} {byte_unit}"


def dutch_size(n: int, bytes_word: str = "bytes") -> str:
    """``70.406 bytes (70,4 kB)``: Dutch digit grouping and decimal comma."""
    grouped = f"{n:,}".replace(",", ".")
    if n < 1000:
        return f"{grouped} {bytes_word}"
    value, unit = n / 1000, "kB"
    if value >= 1000:
        value, unit = value / 1000, "MB"
    return f"{grouped} {bytes_word} ({f'{value:.1f}'.replace('.', ',')} {unit})"
