"""When something last happened in each case: the newest audit entry naming it.

Reading counts too (viewing evidence is logged), and so do changes that do not touch the
case row itself (a person added, a meeting recorded). Users whose role may not read the
audit log get the case row's own ``updated_at``.
"""

from __future__ import annotations

from cybercase.cases import access
from cybercase.core.roles import allowed
from cybercase.vault import Vault


def case_last_activity(vault: Vault, ref: str) -> str:
    """The one "last activity" of case ``ref``: what the dashboard shows for it too (the
    overview and the dashboard used to differ, the case row's ``updated_at`` against the
    newest audit entry)."""
    return last_activity(vault, None, ref=ref).get(ref, "")


def last_activity(vault: Vault, status: str | None = "open",
                  ref: str | None = None) -> dict[str, str]:
    """``{case ref: UTC ISO time}`` for the cases with ``status`` (all when None).

    One index lookup per case (``audit(case_ref)`` holds the sequence numbers in order), so
    the cost follows the number of cases listed, not the size of the audit log.
    """
    vault.require("case.read")
    visible, visible_args = access.visible_clause(vault, "c.id")  # restricted cases
    where = f" WHERE {visible}" + (" AND c.status = ?" if status else "") \
        + (" AND c.ref = ?" if ref else "")
    args: tuple[object, ...] = (*visible_args, *((status,) if status else ()),
                                *((ref,) if ref else ()))
    if not allowed(vault.role, "audit.read"):
        return {ref: ts for ref, ts in vault.conn.execute(
            f"SELECT c.ref, c.updated_at FROM cases c{where}", args)}
    rows = vault.conn.execute(
        "SELECT c.ref, c.updated_at, (SELECT a.ts FROM audit a WHERE a.seq ="
        " (SELECT max(b.seq) FROM audit b WHERE b.case_ref = c.ref))"
        f" FROM cases c{where}", args)
    return {ref: max(updated, ts or "") for ref, updated, ts in rows}
