"""The support group approach (No Blame): steps 1-4 and the extra step as meetings.

A meeting has a date, participants, notes, action points per child and the people
informed. The protocol's step data drives the rules: ``evaluation_after_days`` schedules an
evaluation (step 2: one week), ``actions_required`` warns about a child without an action
point, ``bullied_absent`` keeps the bullied pupil out of group meetings, and step 4 either
ends the group or schedules the second and last evaluation.

All of it is care data: reading needs ``care.read``, writing ``care.write``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from cybercase.cases.cases import Case, case_protocol, get_case, require_open
from cybercase.cases.people import get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import Msg, from_record, msg, pair, to_record
from cybercase.core.text import MAX_LINE, MAX_NAME, MAX_REASON, check_long_text, check_text
from cybercase.core.timeutil import local_today, now_iso, parse_date
from cybercase.protocol.schema import Protocol
from cybercase.vault import Vault
from cybercase.vault.vault import Transaction

EVALUATION = "sg_evaluation"
SECOND_EVALUATION = "sg_second_evaluation"
END, AGAIN, INCIDENT = "end", "again", "incident"
STATUS_ACTIVE, STATUS_ENDED, STATUS_NOT_BULLYING = "active", "ended", "not_bullying"
STATUS_SECOND = "second_evaluation"
PARENTS = "parents"

# what the agenda items of the support group say is stored as key + values (JSON in
# due_items.what, core.i18n.to_record), so the app shows it in its language; migration 10
# converted the English older vaults held


@dataclass
class MeetingResult:
    id: int
    scheduled: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "scheduled": self.scheduled, "warnings": self.warnings}


def parse_action(text: str) -> tuple[int, str]:
    """``12:plays with her at break`` -> (12, 'plays with her at break')."""
    pid, sep, what = text.partition(":")
    if not sep or not pid.strip().isdigit() or not what.strip():
        raise UsageError(msg("cases.sg_action_format", text=text))
    return int(pid), what.strip()


def _schedule(tx: Transaction, case: Case, kind: str, due: str, what: str,
              meeting_id: int) -> dict[str, Any]:
    cur = tx.execute(
        "INSERT INTO due_items(case_id, kind, due_on, what, meeting_id, created_at, created_by)"
        " VALUES (?,?,?,?,?,?,?)",
        (case.id, kind, due, json.dumps(to_record(what), ensure_ascii=False), meeting_id,
         now_iso(), tx.vault.actor),
    )
    item = {"id": int(cur.lastrowid), "kind": kind, "due": due, "what": what}
    tx.audit("agenda.schedule", f"due {item['id']}", {**item, "what": str(what)},
             case_ref=case.ref)
    return item


def _evaluation_text(step: str, name_en: str, name_nl: str) -> str:
    return msg("cases.sg_evaluation", step=step, name=pair(name_en, name_nl))


def due_text(protocol: Protocol | None, kind: str, what: str) -> str:
    """The stored text of an agenda item, as a Msg when it is one of the support group's
    own (stored as key + values: the app shows it in its language); anything else (typed by
    a user, or a text migration 10 did not recognise) as is. ``protocol`` is not needed
    any more (the stored values hold both names of the step); kept for the callers."""
    if not kind.startswith("sg_") or not what.startswith("{"):
        return what
    try:
        made = from_record(json.loads(what))
    except ValueError:
        return what
    return made if isinstance(made, Msg) else what


def record_meeting(
    vault: Vault, ref: str, step: str, held_on: str, *, participants: list[int] | None = None,
    actions: list[tuple[int, str]] | None = None, notes: str | None = None,
    led_by: str | None = None, decision: str | None = None,
) -> MeetingResult:
    vault.require("case.write")
    vault.require("care.write")
    case = get_case(vault, ref)
    require_open(case)
    protocol = case_protocol(vault, case)
    spec = protocol.step(step)
    day = parse_date(held_on, msg("cases.field.meeting_date"))
    if day > local_today():
        raise UsageError(msg("cases.sg_future", day=day.isoformat()))
    if spec.decisions and decision is None and spec.key == "4":
        raise UsageError(msg("cases.sg_decision", step=spec.key,
                             choices="|".join(spec.decisions)))
    if decision is not None and decision not in spec.decisions:
        raise UsageError(msg("cases.sg_bad_decision", step=spec.key, value=decision,
                             choices=", ".join(spec.decisions) or msg("cases.sg_nothing")))
    if case.sg_status == STATUS_ENDED and spec.key in ("2", "4"):
        raise UsageError(msg("cases.sg_ended", ref=ref, step=spec.key))
    if spec.key == "4" and decision == AGAIN and case.sg_status == STATUS_SECOND:
        raise UsageError(msg("cases.sg_last"))
    notes = check_long_text(notes, msg("cases.field.meeting_notes")) if notes else None
    led_by = check_text(led_by, msg("cases.field.leader"), MAX_NAME) if led_by else None
    actions = [(pid, check_text(text, msg("cases.field.action_point"), MAX_REASON))
               for pid, text in actions or []]
    members: list[int] = []
    for pid in [*(participants or []), *(a[0] for a in actions)]:
        if pid not in members:
            members.append(pid)
    people = {pid: get_person(vault, pid, case) for pid in members}
    for pid, person in people.items():
        if spec.bullied_absent and person.role == "bullied":
            raise UsageError(msg("cases.sg_bullied", pid=pid,
                                 step=pair(spec.name_en.lower(), spec.name_nl.lower())))
    for pid, _text in actions:
        if people[pid].kind != "pupil":
            raise UsageError(msg("cases.sg_action_not_pupil", pid=pid))
    warnings: list[str] = []
    if spec.actions_required:
        with_action = {a[0] for a in actions}
        for pid, person in people.items():
            if person.kind == "pupil" and pid not in with_action:
                warnings.append(msg("cases.sg_no_action", name=person.name, pid=pid))
    result = MeetingResult(0, warnings=warnings)
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO sg_meetings(case_id, step, held_on, led_by, notes, decision,"
            " created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
            (case.id, spec.key, day.isoformat(), led_by, notes, decision, now_iso(),
             vault.actor),
        )
        mid = result.id = int(cur.lastrowid)
        for pid in members:
            tx.execute("INSERT INTO sg_participants(meeting_id, person_id) VALUES (?, ?)",
                       (mid, pid))
        for pid, text in actions:
            tx.execute("INSERT INTO sg_actions(meeting_id, person_id, text) VALUES (?,?,?)",
                       (mid, pid, text))
        tx.audit("sg.meeting", f"meeting {mid}", {
            "step": spec.key, "held_on": day.isoformat(), "led_by": led_by,
            "participants": members, "actions": [list(a) for a in actions], "notes": notes,
            "decision": decision}, case_ref=ref)
        # evaluations this meeting answers
        closes = {"4": (EVALUATION, SECOND_EVALUATION), "3": ("sg_extra_evaluation",)}
        for kind in closes.get(spec.key, ()):
            for (due_id,) in tx.execute(
                "SELECT id FROM due_items WHERE case_id = ? AND kind = ? AND done_at IS NULL",
                (case.id, kind),
            ).fetchall():
                tx.execute("UPDATE due_items SET done_at = ?, done_by = ? WHERE id = ?",
                           (now_iso(), vault.actor, due_id))
                tx.audit("agenda.done", f"due {due_id}", {"by_meeting": mid}, case_ref=ref)
        status = case.sg_status or STATUS_ACTIVE
        if spec.evaluation_after_days:
            kind = "sg_extra_evaluation" if spec.key == "extra" else EVALUATION
            due = (day + timedelta(days=spec.evaluation_after_days)).isoformat()
            result.scheduled.append(_schedule(
                tx, case, kind, due, _evaluation_text(spec.key, spec.name_en, spec.name_nl),
                mid))
        if spec.key == "1" and decision == INCIDENT:
            status = STATUS_NOT_BULLYING
        elif spec.key == "4" and decision == END:
            status = STATUS_ENDED
        elif spec.key == "4" and decision == AGAIN:
            status = STATUS_SECOND
            due = (day + timedelta(days=spec.again_after_days)).isoformat()
            result.scheduled.append(_schedule(
                tx, case, SECOND_EVALUATION, due, msg("cases.sg_second_evaluation"), mid))
        elif spec.key in ("1", "2") and status == STATUS_NOT_BULLYING:
            status = STATUS_ACTIVE
        if status != case.sg_status:
            tx.execute("UPDATE cases SET sg_status = ?, updated_at = ? WHERE id = ?",
                       (status, now_iso(), case.id))
    return result


def record_informed(
    vault: Vault, ref: str, who: str | None, on_date: str, how: str, *,
    meeting_id: int | None = None, person_id: int | None = None, note: str | None = None,
    what: str | None = None,
) -> int:
    """Record that someone (directeur, IB'er, IVP, a parent, ...) was informed: what they
    were told, when and how. ``person_id`` names *which* person (a parent, a staff member
    of the case); ``who`` (the staff role or ``parents``) then follows from that person
    when not given, and must agree with it when given."""
    vault.require("case.write")
    vault.require("care.write")
    case = get_case(vault, ref)
    require_open(case)
    protocol = case_protocol(vault, case)
    known = [r.key for r in protocol.staff_roles] + [PARENTS]
    person = get_person(vault, person_id, case) if person_id is not None else None
    if person is not None:
        implied = PARENTS if person.kind == "parent" else \
            person.role if person.kind == "staff" and person.role in known else None
        if person.kind == "pupil" or (who is not None and implied is not None
                                      and who != implied):
            raise UsageError(msg("cases.informed_person_role", id=person.id,
                                 name=person.name, who=who or person.kind))
        who = who or implied
    if who is None:
        raise UsageError(msg("cases.informed_who_missing", choices=", ".join(known)))
    if who not in known:
        raise UsageError(msg("cases.informed_who_unknown", who=who, choices=", ".join(known)))
    day = parse_date(on_date, msg("cases.field.date_informed"))
    how = check_text(how, msg("cases.field.how"), MAX_LINE)
    note = check_long_text(note, msg("cases.field.note"), 1000) if note else None
    what = check_long_text(what, msg("cases.field.what_told"), 2000) if what else None
    if meeting_id is not None:
        row = vault.conn.execute("SELECT case_id FROM sg_meetings WHERE id = ?",
                                 (meeting_id,)).fetchone()
        if row is None or row[0] != case.id:
            raise UsageError(msg("cases.no_meeting", id=meeting_id, ref=ref))
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO informed(case_id, meeting_id, who, person_id, on_date, how, note,"
            " created_at, created_by, what) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (case.id, meeting_id, who, person_id, day.isoformat(), how, note, now_iso(),
             vault.actor, what),
        )
        iid = int(cur.lastrowid)
        tx.audit("informed.add", f"informed {iid}", {
            "who": who, "person": person_id, "on": day.isoformat(), "how": how,
            "meeting": meeting_id, "note": note, "what": what}, case_ref=ref)
    return iid


def informed_list(vault: Vault, case: Case) -> list[dict[str, Any]]:
    """Who was informed (support-group steps, parents): care data."""
    vault.require("care.read")
    return [
        {"id": i, "meeting_id": m, "who": w, "person_id": p, "on": d, "how": h, "what": x,
         "note": n, "recorded_at": c, "recorded_by": b}
        for i, m, w, p, d, h, x, n, c, b in vault.conn.execute(
            "SELECT id, meeting_id, who, person_id, on_date, how, what, note, created_at,"
            " created_by FROM informed WHERE case_id = ? ORDER BY on_date, id", (case.id,))
    ]


def meetings(vault: Vault, case: Case) -> list[dict[str, Any]]:
    """Every meeting with participants, actions and who was informed (care data)."""
    vault.require("care.read")
    protocol = case_protocol(vault, case)
    informed = informed_list(vault, case)
    out = []
    for mid, step, held_on, led_by, notes, decision, created_at, created_by in \
            vault.conn.execute(
                "SELECT id, step, held_on, led_by, notes, decision, created_at, created_by"
                " FROM sg_meetings WHERE case_id = ? ORDER BY held_on, id", (case.id,)
            ).fetchall():
        spec = protocol.step(step)
        told = [i for i in informed if i["meeting_id"] == mid]
        out.append({
            "id": mid, "step": step, "name_en": spec.name_en, "name_nl": spec.name_nl,
            "held_on": held_on, "led_by": led_by, "notes": notes, "decision": decision,
            "participants": [r[0] for r in vault.conn.execute(
                "SELECT person_id FROM sg_participants WHERE meeting_id = ? ORDER BY 1",
                (mid,))],
            "actions": [{"person_id": p, "text": t} for p, t in vault.conn.execute(
                "SELECT person_id, text FROM sg_actions WHERE meeting_id = ? ORDER BY id",
                (mid,))],
            "informed": told,
            "still_to_inform": still_to_inform(spec.inform, held_on, mid, informed),
            "recorded_at": created_at, "recorded_by": created_by,
        })
    return out


def still_to_inform(inform: Sequence[str], held_on: str, meeting_id: int,
                    informed: list[dict[str, Any]]) -> list[str]:
    """Whom the step says to inform and nobody has recorded as informed: an entry counts
    when it names this meeting, or names no meeting and is dated on or after the meeting
    (directie, IB and IVP told the next day clear the meeting's list)."""
    done = {i["who"] for i in informed
            if i["meeting_id"] == meeting_id
            or (i["meeting_id"] is None and i["on"] >= held_on)}
    return [w for w in inform if w not in done]


def meeting_count(vault: Vault, case: Case) -> int:
    """How many meetings the case has: a count without content, so a role without
    ``care.read`` can be told that meetings exist and are hidden from it, rather than
    that there are none."""
    vault.require("case.read")
    row = vault.conn.execute("SELECT count(*) FROM sg_meetings WHERE case_id = ?",
                             (case.id,)).fetchone()
    return int(row[0])


def state(vault: Vault, case: Case) -> dict[str, Any]:
    vault.require("care.read")
    due = [
        {"id": i, "kind": k, "due": d, "what": due_text(None, k, w), "done_at": x}
        for i, k, d, w, x in vault.conn.execute(
            "SELECT id, kind, due_on, what, done_at FROM due_items WHERE case_id = ?"
            " AND kind LIKE 'sg_%' ORDER BY due_on, id", (case.id,))
    ]
    return {"status": case.sg_status, "meetings": meetings(vault, case), "evaluations": due}


def case_state(vault: Vault, ref: str) -> dict[str, Any]:
    return state(vault, get_case(vault, ref))
