"""Masking the names of other people in what a parent receives (AVG art. 15).

:class:`Masker` replaces every other child's name (whole, and each part of it that is not
also part of the child's own name) and every account handle with a neutral label, in one
pass over the text. The one engine for every text a parent may read: the access export
masks every free text through it, the school-system notes their action points.
"""

from __future__ import annotations

import re
from typing import Any

# name parts too common to replace on their own (Dutch particles)
PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "op", "in", "la", "le", "el"}


def norm_name(name: str) -> str:
    return " ".join(name.split()).lower()


def name_parts(name: str) -> set[str]:
    return {part.lower() for part in re.split(r"[\s\-]+", name)
            if len(part) >= 3 and part.lower() not in PARTICLES}


def letter(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


class Masker:
    """Replaces other people's names and every account handle in free text, in one pass."""

    def __init__(self, own: list[str], others: list[tuple[str, str]],
                 handles: list[str], ambiguous: str, account: str) -> None:
        """``ambiguous`` replaces a name part that several children share; ``account``
        (with ``{n}``) replaces the n-th account handle."""
        self.ambiguous = ambiguous
        table: dict[str, str] = {}
        keep = set().union(*(name_parts(n) for n in own)) if own else set()
        for name, label in others:
            table[norm_name(name)] = label
        part_labels: dict[str, set[str]] = {}
        for name, label in others:
            for part in name_parts(name) - keep:
                part_labels.setdefault(part, set()).add(label)
        for part, labels in part_labels.items():
            if part not in table:
                table[part] = labels.pop() if len(labels) == 1 else ambiguous
        for n, handle in enumerate(dict.fromkeys(h.strip() for h in handles if h.strip())):
            label = account.format(n=n + 1)
            for form in {handle, handle.lstrip("@")}:
                if len(form) >= 3:
                    table.setdefault(norm_name(form), label)
        self.table = table
        words = sorted(table, key=len, reverse=True)
        # a name glued to a handle-like tail ("sanne.k", "tom_b") goes whole, and so does
        # a name after an "@" that is no known handle ("@sam"): the stricter of the two
        # rules this engine replaced (access export, school notes)
        self.pattern = re.compile(
            r"(?<!\w)(" + "|".join(
                r"\s+".join(re.escape(w) for w in word.split()) for word in words)
            + r")(?:[._]\w+)*(?!\w)", re.IGNORECASE) if words else None

    def __call__(self, text: Any) -> str:
        if text is None:
            return ""
        value = str(text)
        if self.pattern is None:
            return value
        return self.pattern.sub(
            lambda m: self.table.get(norm_name(m.group(1)), self.ambiguous), value)
