"""Phases 1-6: the current phase, its full history, and what each phase expects."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from cybercase.cases.cases import OPENED, Case, case_protocol, check_phase, get_case, require_open
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import MAX_REASON, check_text
from cybercase.core.timeutil import now_iso
from cybercase.vault import Vault


@dataclass
class PhaseChange:
    from_phase: int | None
    to_phase: int
    at: str
    by: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def history(vault: Vault, case: Case) -> list[PhaseChange]:
    vault.require("case.read")
    return [
        PhaseChange(frm, to, at, by, _shown_reason(frm, reason))
        for frm, to, at, by, reason in vault.conn.execute(
            "SELECT from_phase, to_phase, at, by, reason FROM phase_changes WHERE case_id = ?"
            " ORDER BY id", (case.id,)
        )
    ]


def _shown_reason(frm: int | None, reason: str) -> str:
    """The reason as stored; the one the core writes itself (a case opened without a
    reason, stored in English) as a Msg, so the app shows it in its language."""
    if frm is None and reason == OPENED:
        return msg("cases.reason_opened")
    return reason


def change_phase(vault: Vault, ref: str, to: int, reason: str | None) -> PhaseChange:
    """Move a case up or down; every change records from, to, who, when and why."""
    vault.require("case.write")
    case = get_case(vault, ref)
    check_phase(to)
    require_open(case)
    if to == case.phase:
        raise UsageError(msg("cases.phase_same", ref=ref, phase=to))
    if not reason or not reason.strip():
        raise UsageError(msg("cases.phase_reason", frm=case.phase, to=to))
    why = check_text(reason, msg("cases.field.reason"), MAX_REASON)
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute(
            "INSERT INTO phase_changes(case_id, from_phase, to_phase, at, by, reason)"
            " VALUES (?,?,?,?,?,?)", (case.id, case.phase, to, now, vault.actor, why),
        )
        tx.execute("UPDATE cases SET phase = ?, updated_at = ? WHERE id = ?",
                   (to, now, case.id))
        tx.audit("case.phase", f"case {ref}",
                 {"from": case.phase, "to": to, "reason": why}, case_ref=ref)
    return PhaseChange(case.phase, to, now, vault.actor, why)


def expectations(vault: Vault, case: Case, phase: int | None = None) -> dict[str, Any]:
    """What the (current) phase means and expects, from the case's protocol."""
    return case_protocol(vault, case).phase(phase or case.phase).to_json()
