"""Search across cases: titles, names, descriptions, accounts, notes, the text read from
images (OCR) and chat messages (the dashboard's box, ``cybercase search``).

A registry of sources, like the agenda's providers: each :class:`Source` names the
permission it needs and a function ``(vault, query, limit) -> hits``. The query is a
:class:`~cybercase.views.fulltext.Query`: as a string it is the ``LIKE`` pattern (text
anywhere, so ``r_s`` still finds ``under_score``), and it carries the FTS5 query
(``query.match``: every word a prefix, diacritics folded by the index) and the case the
search is limited to. Short texts match either way; OCR text, messages and notes only
through the full-text indexes (``views/fulltext.py``). Sources the user's role may not
read are skipped, and every source applies need-to-know, so a search never shows what
the user could not open. Evidence descriptions are searched through the index only (a
``LIKE`` over 50,000 of them took the whole 50 ms budget), so there a word must start
with what was typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from cybercase.cases import access
from cybercase.cases.cases import get_case
from cybercase.core.errors import PermissionDenied, UsageError
from cybercase.core.i18n import msg
from cybercase.vault import Vault
from cybercase.views import fulltext
from cybercase.views.entries import Hit as Hit
from cybercase.views.entries import Source as Source
from cybercase.views.entries import like_pattern as like_pattern
from cybercase.views.fulltext import Query as Query

MIN_QUERY = 2
MAX_QUERY = 100
LIMIT = 50


def _cases(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    visible, args = access.visible_clause(vault, "c.id")
    fts, fts_args = fulltext.in_text("case", "c.id", pattern)
    for ref, title in vault.conn.execute(
        "SELECT c.ref, c.title FROM cases c WHERE (c.title LIKE ? ESCAPE '\\'"
        f" OR c.ref LIKE ? ESCAPE '\\' OR c.group_name LIKE ? ESCAPE '\\'{fts})"
        f" AND {visible} ORDER BY c.status = 'closed', c.ref DESC LIMIT ?",
        (pattern, pattern, pattern, *fts_args, *args, limit),
    ):
        yield Hit("case", ref, title, f"case {ref}")


def _people(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    visible, args = access.visible_clause(vault, "c.id")
    fts, fts_args = fulltext.in_text("person", "p.id", pattern)
    for pid, name, ref in vault.conn.execute(
        "SELECT p.id, p.name, c.ref FROM people p JOIN cases c ON c.id = p.case_id"
        f" WHERE (p.name LIKE ? ESCAPE '\\'{fts}) AND {visible}"
        " ORDER BY c.status = 'closed', c.ref DESC, p.id LIMIT ?",
        (pattern, *fts_args, *args, limit),
    ):
        yield Hit("person", ref, name, f"person {pid}")


# every source of the search, in this order (no module adds itself by being imported)
SOURCES: tuple[Source, ...] = (
    Source("case", "case.read", _cases),
    Source("person", "case.read", _people),
    Source("evidence", "evidence.read", fulltext.evidence_hits),
    Source("account", "accounts.read", fulltext.account_hits),
    Source("note", "care.read", fulltext.note_hits),
    Source("ocr", "evidence.read", fulltext.ocr_hits),
    Source("message", "evidence.read", fulltext.message_hits),
)


def check_query(text: str) -> str:
    query = text.strip()
    if len(query) < MIN_QUERY:
        raise UsageError(msg("cases.search_short", n=MIN_QUERY))
    if len(query) > MAX_QUERY:
        raise UsageError(msg("cases.search_long", n=len(query), max=MAX_QUERY))
    if any(ord(ch) < 32 for ch in query):
        raise UsageError(msg("cases.search_control"))
    return query


def search(vault: Vault, text: str, limit: int = LIMIT, case: str | None = None) -> list[Hit]:
    """Hits of every source the user may read, in registry order, at most ``limit`` each;
    only in case ``case`` when given (which the user must be allowed to see)."""
    vault.require("case.read")
    checked = check_query(text)
    case_id = get_case(vault, case).id if case is not None else None
    query = Query(checked, case_id)
    hits: list[Hit] = []
    for source in SOURCES:
        try:
            vault.require(source.permission)
        except PermissionDenied:
            continue
        found = source.find(vault, query, limit)
        hits.extend(h for h in found if case is None or h.case_ref == case)
    return hits
