"""The cyber work of a case in a few numbers, for the case file (``case show``)."""

from __future__ import annotations

from typing import Any

from cybercase.cases.cases import Case
from cybercase.cyber.police import police_route
from cybercase.vault import Vault


def case_summary(vault: Vault, case: Case) -> dict[str, Any]:
    def count(sql: str) -> int:
        return int(vault.conn.execute(sql, (case.id,)).fetchone()[0])

    return {
        "accounts": count("SELECT COUNT(*) FROM accounts WHERE case_id = ?"),
        "fake_accounts": count("SELECT COUNT(*) FROM accounts WHERE case_id = ? AND fake"),
        "referrals": count("SELECT COUNT(*) FROM referrals WHERE case_id = ?"),
        "referrals_open": count("SELECT COUNT(*) FROM referrals WHERE case_id = ?"
                                " AND status IN ('sent', 'no_answer')"),
        "referrals_draft": count("SELECT COUNT(*) FROM referrals WHERE case_id = ?"
                                 " AND status = 'draft'"),
        "police_records": count("SELECT COUNT(*) FROM police_reports WHERE case_id = ?"),
        "agreements": count("SELECT COUNT(*) FROM agreements WHERE case_id = ?"),
        "agreements_running": count("SELECT COUNT(*) FROM agreements WHERE case_id = ?"
                                    " AND status IN ('agreed', 'reviewed')"),
        "police_route": police_route(vault, case.ref),
    }
