"""Need-to-know access per case: a case may be restricted to named users.

The rule, enforced centrally (``get_case``, ``get_person``, ``get_item`` and every list
that spans cases: case list, agenda, audit view, stats):

- a case without an access list is visible to every user, within their role;
- a restricted case is visible only to the users named on its list, within their role.
  Everyone else gets a one-line refusal (exit 5) for that case and does not see it in
  lists; its existence is not hidden (the reference is not personal data).
- The list always names at least one coordinator, so someone can still run the case.
- Any coordinator may change or lift the list (``case restrict`` / ``case unrestrict``),
  also when not named: the school must never lose a case because its named users left.
  That is a "break glass": it is logged in the audit (``case.unrestrict`` with
  ``break_glass``), and the case stays invisible to that coordinator until they lift or
  change the list.
- Vault-wide duties see every case: ``retention list/purge`` (references and dates only)
  and ``verify``. The deletion must happen whoever the case was restricted to.

This module imports only the vault, so the case modules can import it.
"""

from __future__ import annotations

from typing import Any

from cybercase.core.errors import NotFound, PermissionDenied, UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.vault import Vault


def _clause(column: str) -> str:
    return (f"(NOT EXISTS (SELECT 1 FROM case_access ca WHERE ca.case_id = {column})"
            f" OR EXISTS (SELECT 1 FROM case_access ca WHERE ca.case_id = {column}"
            " AND ca.user = ?))")


def visible_clause(vault: Vault, column: str = "cases.id") -> tuple[str, tuple[Any, ...]]:
    """An SQL condition (and its argument) true for the cases this user may see.

    ``column`` names the case id in the caller's query, e.g. ``c.id`` or ``x.case_id``.
    """
    return _clause(column), (vault.user,)


def restricted_to(vault: Vault, case_id: int) -> list[str]:
    """The users a case is restricted to; empty when it is not restricted."""
    return [r[0] for r in vault.conn.execute(
        "SELECT user FROM case_access WHERE case_id = ? ORDER BY user", (case_id,))]


def restricted_to_ref(vault: Vault, ref: str) -> list[str]:
    """The users case ``ref`` is restricted to; empty when it is not restricted (or there
    is no such case). For the app's privacy screen and its "lift" dialog."""
    row = vault.conn.execute("SELECT id FROM cases WHERE ref = ?", (ref,)).fetchone()
    return restricted_to(vault, int(row[0])) if row is not None else []


def may_see(vault: Vault, case_id: int) -> bool:
    users = restricted_to(vault, case_id)
    return not users or vault.user in users


def check_visible(vault: Vault, case_id: int, ref: str) -> None:
    users = restricted_to(vault, case_id)
    if users and vault.user not in users:
        raise PermissionDenied(msg("privacy.access.hidden", ref=ref, users=", ".join(users)))


def check_ref(vault: Vault, ref: str) -> None:
    row = vault.conn.execute("SELECT id FROM cases WHERE ref = ?", (ref,)).fetchone()
    if row is not None:
        check_visible(vault, int(row[0]), ref)


def visible_case_ids(vault: Vault) -> set[int]:
    sql, args = visible_clause(vault, "cases.id")
    return {r[0] for r in vault.conn.execute(f"SELECT id FROM cases WHERE {sql}", args)}


def hidden_refs(vault: Vault) -> set[str]:
    """References of existing cases this user may not see (for filtering logs and lists)."""
    sql, args = visible_clause(vault, "cases.id")
    return {r[0] for r in vault.conn.execute(
        f"SELECT ref FROM cases WHERE NOT {sql}", args)}


def _case_row(vault: Vault, ref: str) -> tuple[int, str]:
    row = vault.conn.execute("SELECT id, status FROM cases WHERE ref = ?", (ref,)).fetchone()
    if row is None:
        raise NotFound(msg("privacy.access.no_case", ref=ref))
    return int(row[0]), str(row[1])


def restrict(vault: Vault, ref: str, users: list[str]) -> list[str]:
    """Restrict case ``ref`` to ``users`` (replacing any earlier list). Returns the list."""
    vault.require("case.restrict")
    case_id, _status = _case_row(vault, ref)
    names = sorted({u.strip() for u in users if u.strip()})
    if not names:
        raise UsageError(msg("privacy.access.no_users"))
    roles = dict(vault.conn.execute("SELECT name, role FROM users").fetchall())
    for name in names:
        if name not in roles:
            raise UsageError(msg("privacy.access.unknown_user", name=name))
    if not any(roles[n] == "coordinator" for n in names):
        raise UsageError(msg("privacy.access.no_coordinator", names=", ".join(names)))
    before = restricted_to(vault, case_id)
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute("DELETE FROM case_access WHERE case_id = ?", (case_id,))
        for name in names:
            tx.execute("INSERT INTO case_access(case_id, user, granted_at, granted_by)"
                       " VALUES (?,?,?,?)", (case_id, name, now, vault.actor))
        tx.audit("case.restrict", f"case {ref}", {
            "users": names, "before": before,
            "break_glass": bool(before) and vault.user not in before}, case_ref=ref)
    return names


def unrestrict(vault: Vault, ref: str) -> None:
    """Lift a case's access list: it is visible to every user again (within their role)."""
    vault.require("case.restrict")
    case_id, _status = _case_row(vault, ref)
    before = restricted_to(vault, case_id)
    if not before:
        raise UsageError(msg("privacy.access.not_restricted", ref=ref))
    with vault.transaction() as tx:
        tx.execute("DELETE FROM case_access WHERE case_id = ?", (case_id,))
        tx.audit("case.unrestrict", f"case {ref}", {
            "before": before, "break_glass": vault.user not in before}, case_ref=ref)
