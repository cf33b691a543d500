"""Search across cases: titles, people's names, evidence descriptions (the dashboard's box).

A registry of sources, like the agenda's providers: each :class:`Source` names the
permission it needs and a function ``(vault, pattern, limit) -> hits`` that runs one
parameterised ``LIKE`` query. A later module (accounts) appends its own source to
:data:`SOURCES`. Sources the user's role may not read are skipped, so a search never shows
what the role could not open.

SQLite's ``LIKE`` ignores case for ASCII letters only (``é`` matches ``é``, not ``É``).
"""

from __future__ import annotations

from collections.abc import Iterable

from cybercase.cases import access
from cybercase.core.errors import PermissionDenied, UsageError
from cybercase.core.i18n import msg
from cybercase.vault import Vault
from cybercase.views import cyber_sources
from cybercase.views.entries import Hit as Hit
from cybercase.views.entries import Source as Source
from cybercase.views.entries import like_pattern as like_pattern

MIN_QUERY = 2
MAX_QUERY = 100
LIMIT = 50



def _cases(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    visible, args = access.visible_clause(vault, "c.id")
    for ref, title in vault.conn.execute(
        "SELECT c.ref, c.title FROM cases c WHERE (c.title LIKE ? ESCAPE '\\'"
        " OR c.ref LIKE ? ESCAPE '\\' OR c.group_name LIKE ? ESCAPE '\\')"
        f" AND {visible} ORDER BY c.status = 'closed', c.ref DESC LIMIT ?",
        (pattern, pattern, pattern, *args, limit),
    ):
        yield Hit("case", ref, title, f"case {ref}")


def _people(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    visible, args = access.visible_clause(vault, "c.id")
    for pid, name, ref in vault.conn.execute(
        "SELECT p.id, p.name, c.ref FROM people p JOIN cases c ON c.id = p.case_id"
        f" WHERE p.name LIKE ? ESCAPE '\\' AND {visible}"
        " ORDER BY c.status = 'closed', c.ref DESC, p.id LIMIT ?", (pattern, *args, limit),
    ):
        yield Hit("person", ref, name, f"person {pid}")


def _evidence(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    visible, args = access.visible_clause(vault, "c.id")
    for eid, description, ref in vault.conn.execute(
        "SELECT e.id, json_extract(e.stated, '$.description'), c.ref FROM evidence_items e"
        " JOIN cases c ON c.id = e.case_id"
        " WHERE json_extract(e.stated, '$.description') LIKE ? ESCAPE '\\'"
        f" AND {visible} ORDER BY c.status = 'closed', c.ref DESC, e.id LIMIT ?",
        (pattern, *args, limit),
    ):
        yield Hit("evidence", ref, description, f"evidence {eid}")


# every source of the search, in this order (no module adds itself by being imported)
SOURCES: tuple[Source, ...] = (
    Source("case", "case.read", _cases),
    Source("person", "case.read", _people),
    Source("evidence", "evidence.read", _evidence),
    Source("account", "accounts.read", cyber_sources.account_hits),
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


def search(vault: Vault, text: str, limit: int = LIMIT) -> list[Hit]:
    """Hits of every source the user may read, in registry order, at most ``limit`` each."""
    vault.require("case.read")
    pattern = like_pattern(check_query(text))
    hits: list[Hit] = []
    for source in SOURCES:
        try:
            vault.require(source.permission)
        except PermissionDenied:
            continue
        hits.extend(source.find(vault, pattern, limit))
    return hits
