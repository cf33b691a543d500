"""``cybercase verify`` checks that purges were complete (registered in verify.CHECKERS)."""

from __future__ import annotations

from cybercase.vault import Vault
from cybercase.verify import CHECKERS, Report

MSG = {
    "still_here": ("case {ref} was purged (receipt {receipt}) but is in the vault again or "
                   "still: run `cybercase retention purge --yes` and report this"),
    "details": ("{n} audit detail record(s) of purged case {ref} were not erased: run "
                "`cybercase retention purge --yes` and report this"),
}


def _purge_checks(vault: Vault, report: Report) -> None:
    receipts = vault.conn.execute(
        "SELECT id, reference FROM deletion_receipts ORDER BY id").fetchall()
    for receipt, ref in receipts:
        if vault.conn.execute("SELECT 1 FROM cases WHERE ref = ?", (ref,)).fetchone():
            report.problems.append(MSG["still_here"].format(ref=ref, receipt=receipt))
        left = vault.conn.execute(
            "SELECT count(*) FROM audit a JOIN audit_details d ON d.seq = a.seq"
            " WHERE a.case_ref = ? AND a.action != 'retention.purge'", (ref,)).fetchone()[0]
        if left:
            report.problems.append(MSG["details"].format(n=left, ref=ref))
    report.checked["deletion_receipts"] = len(receipts)


CHECKERS.append(_purge_checks)
