"""Shared by the cyber modules: the case a row belongs to, evidence and account checks."""

from __future__ import annotations

from collections.abc import Iterable

from cybercase.cases.cases import Case, get_case
from cybercase.core.errors import NotFound, UsageError
from cybercase.core.i18n import msg
from cybercase.vault import Vault

# what a row is, as the CLI names it ("police", "referral"); in the app a noun
WHAT = {"police": msg("cyber.common.what.police"), "referral": msg("cyber.common.what.referral"),
        "account": msg("cyber.common.what.account"),
        "agreement": msg("cyber.common.what.agreement")}


def case_of_row(vault: Vault, table: str, row_id: int, what: str) -> Case:
    """The case of ``table`` row ``row_id`` (a table with a case_id); NotFound if none."""
    row = vault.conn.execute(
        f"SELECT c.ref FROM {table} t JOIN cases c ON c.id = t.case_id WHERE t.id = ?",
        (row_id,),
    ).fetchone()
    if row is None:
        raise NotFound(msg("cyber.common.no_row", what=WHAT.get(what, what), id=row_id))
    return get_case(vault, row[0])


def unique(ids: Iterable[int]) -> list[int]:
    out: list[int] = []
    for i in ids:
        if i not in out:
            out.append(int(i))
    return out


def check_evidence(vault: Vault, case: Case, ids: Iterable[int]) -> list[int]:
    """Evidence item ids, each in ``case`` (withdrawn ones included); else exit 2."""
    found = unique(ids)
    for item_id in found:
        row = vault.conn.execute("SELECT case_id FROM evidence_items WHERE id = ?",
                                 (item_id,)).fetchone()
        if row is None or row[0] != case.id:
            raise UsageError(msg("cyber.common.evidence", id=item_id, ref=case.ref))
    return found


def check_accounts(vault: Vault, case: Case, ids: Iterable[int]) -> list[int]:
    """Account ids, each in ``case``; an account of another case is exit 2."""
    found = unique(ids)
    for account_id in found:
        row = vault.conn.execute("SELECT case_id FROM accounts WHERE id = ?",
                                 (account_id,)).fetchone()
        if row is None or row[0] != case.id:
            raise NotFound(msg("cyber.common.account", id=account_id, ref=case.ref))
    return found
