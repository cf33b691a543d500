"""Cases: references a school can say aloud (``2026-014``), title, group, phase, status."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cybercase.cases import access
from cybercase.core.errors import NotFound, UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import MAX_GROUP, MAX_LINE, MAX_OUTCOME, check_long_text, check_text
from cybercase.core.timeutil import AMSTERDAM, now_iso, now_utc, parse_date
from cybercase.protocol.model import default, read_file
from cybercase.protocol.schema import Protocol, pick
from cybercase.vault import Vault
from cybercase.vault.db import named

MAX_TITLE = MAX_LINE
OPENED = "case opened"  # stored as the first phase's reason when none was given


@dataclass
class Case:
    id: int
    ref: str
    title: str
    group: str | None
    phase: int
    status: str
    outcome: str | None
    created_at: str
    created_by: str
    updated_at: str
    closed_at: str | None
    protocol_row: int | None = None
    reported_by: str | None = None
    channel: str | None = None
    reported_on: str | None = None
    summary: str | None = None
    triage: str | None = None
    triage_intent: bool | None = None
    triage_repetition: bool | None = None
    triage_power: bool | None = None
    triage_note: str | None = None
    triage_at: str | None = None
    triage_by: str | None = None
    sg_status: str | None = None
    voided_at: str | None = None
    voided_by: str | None = None
    void_reason: str | None = None
    reopened_at: str | None = None
    reopen_reason: str | None = None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("triage_intent", "triage_repetition", "triage_power"):
            if data[key] is not None:
                data[key] = bool(data[key])
        return data


_COLUMNS = (
    'id, ref, title, group_name AS "group", phase, status, outcome, created_at, created_by,'
    " updated_at, closed_at"
)
_MORE_COLUMNS = (
    ", protocol_row, reported_by, channel, reported_on, summary, triage, triage_intent,"
    " triage_repetition, triage_power, triage_note, triage_at, triage_by, sg_status,"
    " voided_at, voided_by, void_reason, reopened_at, reopen_reason"
)
# a voided case (made by mistake, cybercase.cases.lifecycle) is left out unless asked for
NOT_VOID = "cases.voided_at IS NULL"


def check_phase(phase: int) -> int:
    if not 1 <= phase <= 6:
        raise UsageError(msg("cases.phase_unknown", phase=phase))
    return phase


def require_open(case: Case) -> None:
    if case.status != "open":
        raise UsageError(msg("cases.closed", ref=case.ref,
                             outcome=case.outcome or msg("cases.no_outcome")))


def next_ref(vault: Vault) -> str:
    year = now_utc().astimezone(AMSTERDAM).year
    # purged cases leave their reference in the audit: never hand it out again
    rows = vault.conn.execute(
        "SELECT ref FROM cases WHERE ref LIKE ?1"
        " UNION SELECT DISTINCT case_ref FROM audit WHERE case_ref LIKE ?1", (f"{year}-%",)
    ).fetchall()
    numbers = [int(r[0].split("-", 1)[1]) for r in rows if r[0].split("-", 1)[1].isdigit()]
    return f"{year}-{max(numbers, default=0) + 1:03d}"


def create_case(
    vault: Vault, title: str, group: str | None = None, phase: int = 1, *,
    protocol_file: Path | None = None, reported_by: str | None = None,
    channel: str | None = None, reported_on: str | None = None, summary: str | None = None,
    reason: str | None = None,
) -> Case:
    """Open a case under a protocol; the starting phase is the first phase-history entry."""
    vault.require("case.write")
    title = check_text(title, msg("cases.field.title"))
    group = check_text(group, msg("cases.field.group"), 40, required=False) or None \
        if group else None
    check_phase(phase)
    reported_by = check_text(reported_by, msg("cases.field.reporter"), required=False) or None \
        if reported_by else None
    day = parse_date(reported_on, msg("cases.field.report_date")).isoformat() \
        if reported_on else None
    summary = check_long_text(summary, msg("cases.field.summary")) if summary else None
    why = check_text(reason, msg("cases.field.reason"), 500) if reason else OPENED
    if protocol_file is not None:
        read_file(protocol_file)  # validate before taking the lock
    with vault.transaction() as tx:
        from cybercase.protocol.store import resolve_for_new_case

        row, protocol = resolve_for_new_case(tx, protocol_file)
        if channel is not None:
            pick(protocol.channels, channel, msg("cases.field.channel"))
        ref = next_ref(vault)
        now = now_iso()
        cur = tx.execute(
            "INSERT INTO cases(ref, title, group_name, phase, status, created_at, created_by,"
            " updated_at, protocol_row, reported_by, channel, reported_on, summary)"
            " VALUES (?,?,?,?,'open',?,?,?,?,?,?,?,?)",
            (ref, title, group, phase, now, vault.actor, now, row, reported_by, channel, day,
             summary),
        )
        tx.execute(
            "INSERT INTO phase_changes(case_id, from_phase, to_phase, at, by, reason)"
            " VALUES (?, NULL, ?, ?, ?, ?)",
            (cur.lastrowid, phase, now, vault.actor, why),
        )
        tx.audit("case.create", f"case {ref}", {
            "title": title, "group": group, "phase": phase, "reported_by": reported_by,
            "channel": channel, "reported_on": day, "summary": summary,
            "protocol": protocol.summary(),
        }, case_ref=ref)
    return get_case(vault, ref)


def case_protocol(vault: Vault, case: Case) -> Protocol:
    """The protocol this case runs under (the default for cases older than protocols)."""
    from cybercase.protocol.store import by_row

    return default() if case.protocol_row is None else by_row(vault, case.protocol_row)


def set_intake(
    vault: Vault, ref: str, *, reported_by: str | None = None, channel: str | None = None,
    reported_on: str | None = None, summary: str | None = None, group: str | None = None,
    reason: str | None = None,
) -> Case:
    """Change how the case was reported, its summary or group.

    Overwriting a value that was already recorded is a correction: it needs ``reason``
    and the old value goes into the correction history (cybercase/privacy/corrections.py).
    """
    from cybercase.cases.history import needs_reason, record_changes

    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    changes: dict[str, Any] = {}
    if reported_by is not None:
        changes["reported_by"] = check_text(reported_by, msg("cases.field.reporter"))
    if channel is not None:
        changes["channel"] = pick(case_protocol(vault, case).channels, channel,
                                   msg("cases.field.channel")).key
    if reported_on is not None:
        changes["reported_on"] = parse_date(reported_on,
                                            msg("cases.field.report_date")).isoformat()
    if summary is not None:
        changes["summary"] = check_long_text(summary, msg("cases.field.summary"))
    if group is not None:
        changes["group_name"] = check_text(group, msg("cases.field.group"), MAX_GROUP)
    if not changes:
        raise UsageError(msg("cases.intake_nothing"))
    before = {"reported_by": case.reported_by, "channel": case.channel,
              "reported_on": case.reported_on, "summary": case.summary,
              "group_name": case.group}
    names = {"group_name": "group"}
    why = needs_reason(changes, before, f"case {ref}", reason, names)
    with vault.transaction() as tx:
        sets = ", ".join(f"{k} = ?" for k in changes)
        tx.execute(f"UPDATE cases SET {sets}, updated_at = ? WHERE id = ?",
                   (*changes.values(), now_iso(), case.id))
        record_changes(tx, case.id, "cases", case.id, changes, before, why, names)
        tx.audit("case.update", f"case {ref}", {**changes, "reason": why}, case_ref=ref)
    return get_case(vault, ref)


TRIAGE_CRITERIA = ("intent", "repetition", "power")


def suggested_phase(vault: Vault, case: Case) -> int | None:
    """The phase the case's triage outcome suggests (the protocol's ``phase`` of the
    outcome), when it differs from the case's phase; None otherwise. The coordinator
    moves the case herself (``change_phase``, with a reason)."""
    if not case.triage:
        return None
    protocol = case_protocol(vault, case)
    found = next((o for o in protocol.triage_outcomes if o.key == case.triage), None)
    numbers = {p.number for p in protocol.phases}
    if found is None or found.phase not in numbers or found.phase == case.phase:
        return None
    return found.phase


def triage(
    vault: Vault, ref: str, outcome: str, criteria: dict[str, bool | None],
    note: str | None = None,
) -> list[str]:
    """Record the triage (pesten/plagen/conflict/incident) with the three criteria.

    Returns warnings when the outcome and the criteria disagree (all three present but not
    called bullying, or called bullying with a criterion missing).
    """
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    protocol = case_protocol(vault, case)
    chosen = pick(protocol.triage_outcomes, outcome, msg("cases.field.triage_outcome"))
    note = check_long_text(note, msg("cases.field.triage_note")) if note else None
    values = [criteria.get(k) for k in TRIAGE_CRITERIA]
    warnings: list[str] = []
    answered = [v for v in values if v is not None]
    if len(answered) == 3:
        if all(answered) and not chosen.when_all:
            warnings.append(msg("cases.triage_all_met", triage=chosen.key))
        if not all(answered) and chosen.when_all:
            warnings.append(msg("cases.triage_not_all", triage=chosen.key))
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute(
            "UPDATE cases SET triage = ?, triage_intent = ?, triage_repetition = ?,"
            " triage_power = ?, triage_note = ?, triage_at = ?, triage_by = ?, updated_at = ?"
            " WHERE id = ?",
            (chosen.key, *values, note, now, vault.actor, now, case.id),
        )
        tx.audit("case.triage", f"case {ref}", {
            "triage": chosen.key, **dict(zip(TRIAGE_CRITERIA, values, strict=True)),
            "note": note}, case_ref=ref)
    return warnings


def close_case(vault: Vault, ref: str, outcome: str) -> Case:
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    outcome = check_long_text(outcome, msg("cases.field.outcome"), MAX_OUTCOME)
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute(
            "UPDATE cases SET status = 'closed', outcome = ?, closed_at = ?, updated_at = ?"
            " WHERE id = ?", (outcome, now, now, case.id),
        )
        tx.audit("case.close", f"case {ref}", {"outcome": outcome}, case_ref=ref)
    return get_case(vault, ref)


def _row(row: dict[str, Any]) -> Case:
    return Case(**row)


def get_case(vault: Vault, ref: str) -> Case:
    vault.require("case.read")
    found = named(vault.conn.execute(
        f"SELECT {_COLUMNS}{_MORE_COLUMNS} FROM cases WHERE ref = ?", (ref,)))
    if not found:
        raise NotFound(msg("cases.no_case", ref=ref))
    access.check_visible(vault, found[0]["id"], ref)
    return _row(found[0])


def list_cases(vault: Vault, status: str | None = None,
               include_void: bool = False) -> list[Case]:
    """The cases this user may see; voided ones only with ``include_void``."""
    vault.require("case.read")
    visible, args = access.visible_clause(vault, "cases.id")
    sql = f"SELECT {_COLUMNS}{_MORE_COLUMNS} FROM cases WHERE {visible}"
    if not include_void:
        sql += f" AND {NOT_VOID}"
    if status:
        sql += " AND status = ?"
        args = (*args, status)
    sql += " ORDER BY ref"
    return [_row(r) for r in named(vault.conn.execute(sql, args))]
