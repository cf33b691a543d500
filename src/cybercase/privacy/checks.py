"""``cybercase verify`` checks that purges were complete (registered in verify.CHECKERS)."""

from __future__ import annotations

from cybercase.i18n import msg
from cybercase.vault import Vault
from cybercase.views.verify import CHECKERS, Report


def _purge_checks(vault: Vault, report: Report) -> None:
    receipts = vault.conn.execute(
        "SELECT id, reference FROM deletion_receipts ORDER BY id").fetchall()
    for receipt, ref in receipts:
        if vault.conn.execute("SELECT 1 FROM cases WHERE ref = ?", (ref,)).fetchone():
            report.problems.append(msg("privacy.checks.still_here", ref=ref, receipt=receipt))
        left = vault.conn.execute(
            "SELECT count(*) FROM audit a JOIN audit_details d ON d.seq = a.seq"
            " WHERE a.case_ref = ? AND a.action != 'retention.purge'", (ref,)).fetchone()[0]
        if left:
            report.problems.append(msg("privacy.checks.details", n=left, ref=ref))
    report.checked["deletion_receipts"] = len(receipts)


CHECKERS.append(_purge_checks)
