"""Text folded for searching as the full-text search folds it: case folded
(``casefold``: "Ö" finds "ö", "ß" finds "ss") and diacritics dropped (NFKD, combining
marks removed: "een" finds "één", "Zoe" finds "Zoë"), with the places of the hits in the
original text for marking them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


# combining marks (what NFKD splits off a letter): the blocks of combining diacritics
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """``text`` case folded and without diacritics."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


def contains(text: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``text``, both folded."""
    wanted = fold(needle)
    return bool(wanted) and wanted in fold(text)


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` (folded), as (start, end) in ``text`` itself."""
    wanted = fold(needle)
    if not wanted:
        return []
    folded: list[str] = []
    origin: list[int] = []  # for each folded character, the index of its original one
    for i, ch in enumerate(text):
        part = _fold_char(ch)
        folded.append(part)
        origin.extend([i] * len(part))
    haystack = "".join(folded)
    out: list[tuple[int, int]] = []
    start = haystack.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        stop = origin[end - 1] + 1
        while stop < len(text) and not folded[stop]:  # a combining mark after the hit
            stop += 1
        out.append((origin[start], stop))
        start = haystack.find(wanted, end)
    return out
