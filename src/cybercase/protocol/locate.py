"""Find the line of a key in TOML text, for schema errors that tomllib cannot place.

Handles what protocol files use: ``[table]``, ``[[array.of.tables]]`` and ``key = value``
lines (values may span lines; we only look at line starts). A path is a tuple like
``("phases", 2, "name_en")``: the third ``[[phases]]`` table, its ``name_en`` key.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def _sections(text: str) -> list[tuple[str, int, int]]:
    """(header name with array index, first line, last line) per section; 1-based lines."""
    lines = text.splitlines()
    counts: dict[str, int] = {}
    found: list[tuple[str, int, int]] = []
    start, name = 1, ""
    in_multiline = False
    for number, line in enumerate(lines, 1):
        if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
            in_multiline = not in_multiline
        if in_multiline:
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        found.append((name, start, number - 1))
        header = match.group(2).replace(" ", "")
        if match.group(1) == "[[":
            index = counts.get(header, 0)
            counts[header] = index + 1
            name = f"{header}#{index}"
        else:
            name = header
        start = number
    found.append((name, start, len(lines)))
    return found


def line_of(text: str, path: tuple[str | int, ...]) -> int:
    """The best line for ``path``: the key's own line, else its table's header, else 1."""
    # split the path into the table part and the final key
    table_parts: list[str] = []
    key: str | None = None
    parts = list(path)
    i = 0
    while i < len(parts):
        part = parts[i]
        if isinstance(part, str) and i + 1 < len(parts) and isinstance(parts[i + 1], int):
            table_parts.append(f"{part}#{parts[i + 1]}")
            i += 2
            continue
        if i == len(parts) - 1 and isinstance(part, str):
            key = part
        else:
            table_parts.append(str(part))
        i += 1
    sections = _sections(text)
    lines = text.splitlines()

    def find_table(name: str) -> tuple[int, int] | None:
        for sec, first, last in sections:
            if sec == name:
                return first, last
        return None

    # try "a.b#i" joined forms: protocol files write [[support_group.steps]]
    candidates = []
    joined = ""
    for part in table_parts:
        base, _, idx = part.partition("#")
        joined = f"{joined}.{base}" if joined else base
        if idx:
            candidates.append(f"{joined}#{idx}")
    table_name = candidates[-1] if candidates else joined
    span = find_table(table_name) if table_name else (1, sections[0][2])
    if span is None and key is not None and not table_parts:
        span = (1, sections[0][2])
    if span is None:
        # the key may be written as a table header itself, e.g. [triage]
        span = find_table(joined)
    if span is None:
        return 1
    first, last = span
    if key is not None:
        for number in range(first, last + 1):
            match = _KEY.match(lines[number - 1]) if number - 1 < len(lines) else None
            if match and match.group(1) == key:
                return number
        whole = f"{joined}.{key}" if joined else key
        for sec, sec_first, _ in sections:
            if sec == whole or sec.startswith(whole + "#"):
                return sec_first
    return first
