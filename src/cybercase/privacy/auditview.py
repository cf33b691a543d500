"""``cybercase audit``: who read or changed what, and when.

Needs ``audit.read`` (coordinator, viewer). Everyone allowed sees time (shown in
Europe/Amsterdam, zone explicit), user, action and object; only coordinators see the
details (they may hold personal data, which is why they live apart and can be erased).
Entries of cases the user may not see (restricted, see access.py) are left out. A case
that was purged can still be asked for by its reference: its entries remain, their
details erased.
"""

from __future__ import annotations

from typing import Any

from cybercase.cases import access
from cybercase.core.errors import NotFound
from cybercase.core.i18n import msg
from cybercase.core.timeutil import local_display
from cybercase.vault import Vault
from cybercase.vault.audit import AuditEntry, entries, head, verify_chain


def visible_entries(
    vault: Vault, ref: str | None = None, user: str | None = None,
) -> list[AuditEntry]:
    """The entries this user may read; details emptied (``{}``) for non-coordinators.

    (``None`` keeps meaning "erased by a purge".) The faces use this, never
    ``audit.entries`` directly.
    """
    vault.require("audit.read")
    if ref is not None:
        row = vault.conn.execute("SELECT id FROM cases WHERE ref = ?", (ref,)).fetchone()
        if row is not None:
            access.check_visible(vault, int(row[0]), ref)
        elif vault.conn.execute("SELECT 1 FROM deletion_receipts WHERE reference = ?",
                                (ref,)).fetchone() is None:
            raise NotFound(msg("privacy.auditview.no_case", ref=ref))
    hidden = access.hidden_refs(vault)
    details = vault.role == "coordinator"
    out = []
    for e in entries(vault.conn, case_ref=ref, actor=user):
        if e.case_ref is not None and e.case_ref in hidden:
            continue
        if not details and e.details is not None:
            e.details = {}
        out.append(e)
    return out


def audit_log(
    vault: Vault, ref: str | None = None, user: str | None = None,
) -> list[dict[str, Any]]:
    """``visible_entries`` as JSON: details ``null`` unless the user is a coordinator."""
    coordinator = vault.role == "coordinator"
    out = []
    for e in visible_entries(vault, ref, user):
        data = e.to_json()  # seq, ts (UTC), actor, action, object, case, details, hash
        data.update({"user": e.actor, "local_time": local_display(e.ts),
                     "details_erased": e.details is None})
        if not coordinator:
            data["details"] = None
        out.append(data)
    return out


def chain_state(vault: Vault, check: bool = True) -> tuple[list[str] | None, int]:
    """The audit chain as the log view shows it: its problems (``None`` when not checked;
    an empty list when intact) and its number of entries."""
    vault.require("audit.read")
    problems = list(verify_chain(vault.conn)) if check else None
    return problems, head(vault.conn)[0]
