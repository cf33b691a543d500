"""A case's life after closing: reopening a closed case with a reason, and voiding a case
made by mistake (issue #20, item 5).

A voided case is not deleted: it is closed (nothing can change in it), kept with its
audit trail, marked with who voided it, when and why, and left out of the case lists and
the yearly figures unless asked for (``list_cases(include_void=True)``). Voiding is for
a case opened by mistake (a test, a duplicate); a real case that ended is closed.
Reopening brings a closed (not voided) case back to open; the reason and the moment are
kept on the case and in the audit log, and the timeline shows it.
"""

from __future__ import annotations

from cybercase.cases.cases import Case, get_case
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import MAX_OUTCOME, check_long_text
from cybercase.core.timeutil import now_iso
from cybercase.vault import Vault


def reopen_case(vault: Vault, ref: str, reason: str) -> Case:
    """Open a closed case again (coordinator's case.write), with the reason."""
    vault.require("case.write")
    case = get_case(vault, ref)
    if case.voided:
        raise UsageError(msg("cases.reopen_void", ref=ref))
    if case.status != "closed":
        raise UsageError(msg("cases.reopen_open", ref=ref))
    reason = check_long_text(reason, msg("cases.field.reopen_reason"), MAX_OUTCOME)
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute(
            "UPDATE cases SET status = 'open', closed_at = NULL, reopened_at = ?,"
            " reopen_reason = ?, updated_at = ? WHERE id = ?", (now, reason, now, case.id))
        tx.audit("case.reopen", f"case {ref}",
                 {"reason": reason, "outcome_was": case.outcome,
                  "closed_at_was": case.closed_at}, case_ref=ref)
    return get_case(vault, ref)


def void_case(vault: Vault, ref: str, reason: str) -> Case:
    """Mark a case made by mistake as void: closed, kept, out of lists and figures."""
    vault.require("case.write")
    case = get_case(vault, ref)
    if case.voided:
        raise UsageError(msg("cases.already_void", ref=ref))
    reason = check_long_text(reason, msg("cases.field.void_reason"), MAX_OUTCOME)
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute(
            "UPDATE cases SET status = 'closed', closed_at = COALESCE(closed_at, ?),"
            " voided_at = ?, voided_by = ?, void_reason = ?, updated_at = ? WHERE id = ?",
            (now, now, vault.actor, reason, now, case.id))
        tx.audit("case.void", f"case {ref}", {"reason": reason, "status_was": case.status},
                 case_ref=ref)
    return get_case(vault, ref)
