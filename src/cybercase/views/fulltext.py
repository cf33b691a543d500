"""Full-text sources of the search: OCR text, chat messages and notes (issue 17).

The FTS5 indexes live inside the encrypted database (migration 0011) and are kept by
triggers. The tokenizer folds diacritics (``een`` finds ``één``). Each source applies
need-to-know (``access.visible_clause``) in its query; the search skips sources the role
may not read.

Prefixes: in the short texts (names, descriptions, notes, handles) every word is also a
prefix. In the big indexes (OCR text, messages) two passes: the words as whole words
first, then, only when that found fewer than ``limit``, with the last word as a prefix
(as one types: ``niemand zit`` finds "niemand wil naast je zitten"). FTS5 reads a whole
word's list of rows lazily but builds the complete list of every word with a prefix
before the first hit: over a million messages 0.1 ms against 30-140 ms
(benchmarks/search.py).

Results come in the order they were stored (a chat in file order), ``limit`` per
source: FTS5 walks a word's list of rows forward and stops at the limit, while newest
first makes it decode every row with the word before the first hit (measured over a
million messages: p95 141 ms for the bare lookups newest first; see benchmarks/search.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cybercase.cases import access
from cybercase.vault import Vault
from cybercase.views import cyber_sources
from cybercase.views.entries import Hit, like_pattern

MARK = ("«", "»")
_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str, prefix: bool = True, last_only: bool = False) -> str | None:
    """The FTS5 query for what a user typed: every word quoted (a prefix unless
    ``prefix`` is False; with ``last_only`` only the last word is), all required; None
    when there is no word in it (``%%``)."""
    words = _WORD.findall(text)
    if not words:
        return None
    stars = ["*" if prefix and (not last_only or i == len(words) - 1) else ""
             for i in range(len(words))]
    return " ".join(f'"{w}"{star}' for w, star in zip(words, stars, strict=True))


class Query(str):
    """A search as the sources receive it. The string itself is the ``LIKE`` pattern (text
    anywhere, ``%``/``_`` literal), what the older sources take; ``match`` is the FTS5
    query (None: no word to look for), ``case_id`` limits the search to one case."""

    text: str
    match: str | None
    typing: str | None
    exact: str | None
    case_id: int | None

    def __new__(cls, text: str, case_id: int | None = None) -> Query:
        self = super().__new__(cls, like_pattern(text))
        self.text = text
        self.match = fts_query(text)
        self.typing = fts_query(text, last_only=True)
        self.exact = fts_query(text, prefix=False)
        self.case_id = case_id
        return self


def match_of(pattern: str) -> str | None:
    return pattern.match if isinstance(pattern, Query) else None


def passes(pattern: str) -> list[str]:
    """The queries for a big index: whole words, then prefixes (see the module text)."""
    if not isinstance(pattern, Query) or pattern.typing is None or pattern.exact is None:
        return []
    return [pattern.exact, pattern.typing]


def _two_pass(vault: Vault, sql: str, pattern: str, before: tuple[Any, ...],
              after: list[Any], limit: int) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (first column: the row's key) for each pass until ``limit``."""
    rows: list[tuple[Any, ...]] = []
    seen: set[Any] = set()
    for match in passes(pattern):
        if len(rows) >= limit:
            break
        for row in vault.conn.execute(sql, (*before, match, *after, limit)):
            if row[0] not in seen:
                seen.add(row[0])
                rows.append(tuple(row))
                if len(rows) >= limit:
                    break
    return rows


def _scope(vault: Vault, pattern: str, column: str,
           item: str | None = None) -> tuple[str, list[Any]]:
    """Need-to-know (and the one case asked for) as SQL on ``c`` (cases). With ``item``
    (the item id column of the index's rows) the items of cases this user may not see are
    also left out by id, a test SQLite makes before joining the case: a hidden case with
    40,000 matching messages first in the index then costs one lookup per row."""
    visible, args = access.visible_clause(vault, "c.id")
    where, params = visible, list(args)
    case_id = pattern.case_id if isinstance(pattern, Query) else None
    if case_id is not None:
        where += f" AND {column} = ?"
        params.append(case_id)
    if item is not None:
        hidden = [int(r[0]) for r in vault.conn.execute(
            f"SELECT id FROM cases WHERE NOT {access.visible_clause(vault, 'cases.id')[0]}",
            args)]
        if hidden:
            if item == "m.item_id":
                ranges = _hidden_message_ranges(vault, hidden)
                where += "".join(" AND f.rowid NOT BETWEEN ? AND ?" for _r in ranges)
                params.extend(v for r in ranges for v in r)
            where += (f" AND {item} NOT IN (SELECT id FROM evidence_items"
                      f" WHERE case_id IN ({','.join('?' * len(hidden))}))")
            params.extend(hidden)
    return where, params


MAX_RANGES = 50


def _hidden_message_ranges(vault: Vault, hidden: list[int]) -> list[tuple[int, int]]:
    """The message ids of the chat exports in hidden cases, as (first, last) ranges: an
    export's messages are written in one statement in one transaction, so their ids are
    consecutive in file order. Tested on the index's row id, before any table is read
    (the test by item stays as well). Only for a few exports; else the test by item."""
    items = [int(r[0]) for r in vault.conn.execute(
        "SELECT x.item_id FROM chat_exports x JOIN evidence_items e ON e.id = x.item_id"
        f" WHERE e.case_id IN ({','.join('?' * len(hidden))}) LIMIT ?",
        (*hidden, MAX_RANGES + 1))]
    if len(items) > MAX_RANGES:
        return []
    ranges = []
    for item_id in items:
        first = vault.conn.execute("SELECT id FROM chat_messages WHERE item_id = ?"
                                   " ORDER BY n LIMIT 1", (item_id,)).fetchone()
        last = vault.conn.execute("SELECT id FROM chat_messages WHERE item_id = ?"
                                  " ORDER BY n DESC LIMIT 1", (item_id,)).fetchone()
        if first is not None and last is not None and first[0] <= last[0]:
            ranges.append((int(first[0]), int(last[0])))
    return ranges


def of_kind(match: str, *kinds: str) -> str:
    """The FTS5 query for short texts of these kinds (``kind`` is an indexed column)."""
    wanted = " OR ".join(f'"{k}"' for k in kinds)
    return f"kind : ({wanted}) AND body : ({match})"


def in_text(kind: str, column: str, pattern: str) -> tuple[str, list[Any]]:
    """``OR column IN (ids of the short texts of this kind matching)``, or nothing."""
    match = match_of(pattern)
    if match is None:
        return "", []
    return (f" OR {column} IN (SELECT obj FROM text_fts WHERE text_fts MATCH ?)",
            [of_kind(match, kind)])


def evidence_hits(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    """Items by their description (stated by a person), through the index only: a
    ``LIKE`` over 50,000 descriptions alone would take the search's whole time budget."""
    match = match_of(pattern)
    if match is None:
        return
    where, params = _scope(vault, pattern, "e.case_id")
    for eid, description, ref in vault.conn.execute(
        "SELECT e.id, json_extract(e.stated, '$.description'), c.ref FROM text_fts f"
        " JOIN evidence_items e ON e.id = f.obj JOIN cases c ON c.id = e.case_id"
        f" WHERE text_fts MATCH ? AND {where} ORDER BY f.rowid LIMIT ?",
        (of_kind(match, "evidence"), *params, limit),
    ):
        yield Hit("evidence", ref, description, f"evidence {eid}", item=int(eid))


def _plain(snippet: str) -> str:
    return snippet.replace(MARK[0], "").replace(MARK[1], "").replace("\n", " ")


def ocr_hits(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    """Images whose OCR text (a derived reading) has the words."""
    where, params = _scope(vault, pattern, "e.case_id", item="f.rowid")
    for item_id, ref, snippet in _two_pass(
        vault,
        "SELECT e.id, c.ref, snippet(ocr_fts, 0, ?, ?, '…', 12) FROM ocr_fts f"
        " JOIN evidence_items e ON e.id = f.rowid JOIN cases c ON c.id = e.case_id"
        f" WHERE ocr_fts MATCH ? AND {where} ORDER BY f.rowid LIMIT ?",
        pattern, MARK, params, limit,
    ):
        yield Hit("ocr", ref, _plain(snippet), f"evidence {item_id}", item=int(item_id),
                  snippet=snippet)


def message_hits(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    """Chat messages (text or sender as shown) with the words: item and position ``n``."""
    where, params = _scope(vault, pattern, "e.case_id", item="m.item_id")
    for _id, item_id, n, ref, sender, snippet in _two_pass(
        vault,
        "SELECT m.id, m.item_id, m.n, c.ref, m.sender, snippet(chat_fts, 1, ?, ?, '…', 12)"
        " FROM chat_fts f JOIN chat_messages m ON m.id = f.rowid"
        " JOIN evidence_items e ON e.id = m.item_id JOIN cases c ON c.id = e.case_id"
        f" WHERE chat_fts MATCH ? AND {where} ORDER BY f.rowid LIMIT ?",
        pattern, MARK, params, limit,
    ):
        label = f"{sender}: {_plain(snippet)}" if sender else _plain(snippet)
        yield Hit("message", ref, label, f"evidence {item_id}", item=int(item_id),
                  message=int(n), snippet=snippet)


def note_hits(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    """Triage notes and support-group meeting notes (care notes)."""
    match = match_of(pattern)
    if match is None:
        return
    where, params = _scope(vault, pattern, "c.id")
    for kind, obj, ref, snippet in vault.conn.execute(
        "SELECT f.kind, f.obj, c.ref, snippet(text_fts, 0, ?, ?, '…', 12) FROM text_fts f"
        " JOIN cases c ON c.id = f.case_id WHERE text_fts MATCH ?"
        f" AND {where} ORDER BY f.rowid LIMIT ?",
        (*MARK, of_kind(match, "triage", "meeting"), *params, limit),
    ):
        what = f"case {ref}" if kind == "triage" else f"meeting {obj}"
        yield Hit("note", ref, _plain(snippet), what, snippet=snippet)


def account_hits(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    """Accounts by handle, e-mail, phone or platform (text anywhere), and by handle,
    display name or notes in the full-text index (diacritics folded, prefixes)."""
    hits = list(cyber_sources.account_hits(vault, pattern, limit))
    seen = {h.object for h in hits}
    match = match_of(pattern)
    if match is None or len(hits) >= limit:
        return hits
    where, params = _scope(vault, pattern, "c.id")
    for aid, platform, handle, email, phone, ref in vault.conn.execute(
        "SELECT a.id, a.platform, a.handle, a.email, a.phone, c.ref FROM accounts a"
        " JOIN cases c ON c.id = a.case_id WHERE a.id IN (SELECT obj FROM text_fts"
        f" WHERE text_fts MATCH ?) AND {where}"
        " ORDER BY c.status = 'closed', c.ref DESC, a.id LIMIT ?",
        (of_kind(match, "account"), *params, limit - len(hits)),
    ):
        if f"account {aid}" not in seen:
            label = " · ".join(v for v in (handle, platform, email, phone) if v)
            hits.append(Hit("account", ref, label, f"account {aid}"))
    return hits
