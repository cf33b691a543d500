"""Access requests of parents (AVG art. 15): registered, due within four weeks, in the agenda.

``subject-request PERSON_ID`` registers one (the agenda shows it until it is answered);
``subject-export`` answers it (or registers and answers at once). The agenda lists the
open ones (:mod:`cybercase.views.agenda` names this source explicitly).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from cybercase.cases.cases import get_case
from cybercase.cases.people import Person, get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import check_long_text
from cybercase.core.timeutil import local_today, now_iso, parse_date
from cybercase.vault import Transaction, Vault

DUE_DAYS = 28  # four weeks
KIND = "subject_access"
KIND_WORD = {"parent": msg("privacy.requests.kind.parent"),  # English: the codes
             "staff": msg("privacy.requests.kind.staff")}


def check_pupil(person: Person) -> None:
    if person.kind != "pupil":
        raise UsageError(msg("privacy.requests.pupil", pid=person.id,
                             kind=KIND_WORD.get(person.kind, person.kind)))


def _case_ref(vault: Vault, person: Person) -> str:
    return str(vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                                  (person.case_id,)).fetchone()[0])


def _insert(tx: Transaction, person: Person, ref: str, received: date,
            note: str | None) -> dict[str, Any]:
    due = received + timedelta(days=DUE_DAYS)
    cur = tx.execute(
        "INSERT INTO subject_requests(case_id, person_id, received_on, due_on, note,"
        " created_at, created_by) VALUES (?,?,?,?,?,?,?)",
        (person.case_id, person.id, received.isoformat(), due.isoformat(), note, now_iso(),
         tx.vault.actor))
    rid = int(cur.lastrowid)
    tx.audit("subject.request", f"person {person.id}",
             {"request": rid, "received": received.isoformat(), "due": due.isoformat(),
              "note": note}, case_ref=ref)
    return {"id": rid, "person_id": person.id, "received_on": received.isoformat(),
            "due_on": due.isoformat()}


def register(vault: Vault, person_id: int, received: str | None = None,
             note: str | None = None) -> dict[str, Any]:
    """Register an access request; it is due four weeks after it was received."""
    vault.require("subject.export")
    person = get_person(vault, person_id)
    check_pupil(person)
    ref = _case_ref(vault, person)
    get_case(vault, ref)
    day = parse_date(received, msg("privacy.requests.field.received")) if received \
        else local_today()
    if day > local_today():
        raise UsageError(msg("privacy.requests.future", day=day.isoformat()))
    note = check_long_text(note, msg("privacy.requests.field.note"), 1000) if note else None
    with vault.transaction() as tx:
        return _insert(tx, person, ref, day, note)


def answer(tx: Transaction, person: Person, matched_ids: list[int],
           sha256: str) -> list[int]:
    """Mark the open requests for this child answered (register one if there was none)."""
    marks = ",".join("?" * len(matched_ids))
    open_ids = [r[0] for r in tx.execute(
        f"SELECT id FROM subject_requests WHERE done_at IS NULL AND person_id IN ({marks})",
        matched_ids).fetchall()]
    if not open_ids:
        open_ids = [_insert(tx, person, _case_ref(tx.vault, person), local_today(),
                            None)["id"]]
    for rid in open_ids:
        tx.execute("UPDATE subject_requests SET done_at = ?, done_by = ?, export_sha256 = ?"
                   " WHERE id = ?", (now_iso(), tx.vault.actor, sha256, rid))
    return open_ids


def requests_for(vault: Vault, person_ids: list[int]) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(person_ids))
    return [
        {"id": i, "person_id": p, "received_on": r, "due_on": d, "done_at": x}
        for i, p, r, d, x in vault.conn.execute(
            "SELECT id, person_id, received_on, due_on, done_at FROM subject_requests"
            f" WHERE person_id IN ({marks}) ORDER BY id", person_ids)
    ]
