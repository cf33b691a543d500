"""The cyberbullying checklist: each item open / done / not applicable, by whom, when, why.

Items come from the case's protocol; an item nobody touched is open. Items link to
evidence (plain ids: the evidence tables belong to another module) and to people.
"""

from __future__ import annotations

from typing import Any

from cybercase.cases.cases import Case, case_protocol, get_case, require_open
from cybercase.cases.people import get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import check_long_text
from cybercase.core.timeutil import now_iso
from cybercase.vault import Vault

STATUSES = ("open", "done", "na")


def set_item(
    vault: Vault, ref: str, item: int, status: str, *, note: str | None = None,
    evidence: list[int] | None = None, people: list[int] | None = None,
) -> dict[str, Any]:
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    spec = case_protocol(vault, case).item(item)
    if status not in STATUSES:
        raise UsageError(msg("cases.checklist_status_unknown", status=status,
                             choices=", ".join(STATUSES)))
    note = check_long_text(note, msg("cases.field.note"), 2000) if note else None
    for eid in evidence or []:
        if eid < 1:
            raise UsageError(msg("cases.evidence_id_bad", id=eid))
    for pid in people or []:
        get_person(vault, pid, case)
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute(
            "INSERT INTO checklist(case_id, item, status, note, at, by) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(case_id, item) DO UPDATE SET status = excluded.status,"
            " note = COALESCE(excluded.note, checklist.note), at = excluded.at,"
            " by = excluded.by",
            (case.id, spec.id, status, note, now, vault.actor),
        )
        for eid in evidence or []:
            tx.execute("INSERT INTO checklist_links(case_id, item, evidence_id) VALUES (?,?,?)",
                       (case.id, spec.id, eid))
        for pid in people or []:
            tx.execute("INSERT INTO checklist_links(case_id, item, person_id) VALUES (?,?,?)",
                       (case.id, spec.id, pid))
        tx.audit("checklist.set", f"case {ref} checklist {spec.id}", {
            "status": status, "note": note, "evidence": evidence or [],
            "people": people or []}, case_ref=ref)
    return next(i for i in items(vault, case) if i["id"] == spec.id)


def items(vault: Vault, case: Case) -> list[dict[str, Any]]:
    """Every item of the protocol's checklist with its state in this case."""
    vault.require("case.read")
    state = {
        item: (status, note, at, by) for item, status, note, at, by in vault.conn.execute(
            "SELECT item, status, note, at, by FROM checklist WHERE case_id = ?", (case.id,))
    }
    links: dict[int, dict[str, list[int]]] = {}
    for item, eid, pid in vault.conn.execute(
        "SELECT item, evidence_id, person_id FROM checklist_links WHERE case_id = ?"
        " ORDER BY rowid", (case.id,)
    ):
        entry = links.setdefault(item, {"evidence": [], "people": []})
        key, value = ("evidence", eid) if eid is not None else ("people", pid)
        if value not in entry[key]:
            entry[key].append(value)
    out = []
    for spec in case_protocol(vault, case).checklist:
        status, note, at, by = state.get(spec.id, ("open", None, None, None))
        linked = links.get(spec.id, {"evidence": [], "people": []})
        out.append({
            "id": spec.id, "text_en": spec.text_en, "text_nl": spec.text_nl,
            "responsible": list(spec.responsible), "status": status, "note": note,
            "at": at, "by": by, "evidence": linked["evidence"], "people": linked["people"],
        })
    return out


def progress(checklist: list[dict[str, Any]]) -> dict[str, int]:
    counts = {s: 0 for s in STATUSES}
    for entry in checklist:
        counts[entry["status"]] += 1
    return counts
