"""``cybercase verify`` checks that purges were complete (listed in views.verify.CHECKERS)."""

from __future__ import annotations

from cybercase.core.i18n import msg
from cybercase.vault import Vault


def purge_problems(vault: Vault) -> tuple[list[str], int]:
    """One line per purge left incomplete, and the number of deletion receipts checked."""
    problems: list[str] = []
    receipts = vault.conn.execute(
        "SELECT id, reference FROM deletion_receipts ORDER BY id").fetchall()
    for receipt, ref in receipts:
        if vault.conn.execute("SELECT 1 FROM cases WHERE ref = ?", (ref,)).fetchone():
            problems.append(msg("privacy.checks.still_here", ref=ref, receipt=receipt))
        left = vault.conn.execute(
            "SELECT count(*) FROM audit a JOIN audit_details d ON d.seq = a.seq"
            " WHERE a.case_ref = ? AND a.action != 'retention.purge'", (ref,)).fetchone()[0]
        if left:
            problems.append(msg("privacy.checks.details", n=left, ref=ref))
    return problems, len(receipts)
