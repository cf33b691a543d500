"""Police reports (aangifte) and notifications (melding) of a case.

A record holds the kind, the offence (a fixed list), the victim, the suspects, the accounts
involved, the date of the report and of the offence, an appointment (shown in the agenda),
the police reference and the evidence bundle export that went with it.

What the law says is stated with every record, computed from the data:

- a suspect's age on the day of the offence (else the day of the report): children under
  12 cannot be prosecuted; with an unknown date of birth the age is unknown;
- smaad, laster and belediging are complaint offences (klachtdelicten): only the victim can
  file the complaint, and for a victim under 16 the parents (legal representatives);
- sexual images of a minor: nothing may be stored, copied or forwarded; the case takes the
  police route (:func:`police_route`). This module never takes a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cybercase.cases.cases import Case, get_case, require_open
from cybercase.cases.people import PROSECUTABLE_AGE, Person, get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import Msg, msg
from cybercase.core.text import check_long_text, check_text
from cybercase.core.timeutil import age_on, local_today, now_iso, parse_date
from cybercase.cyber.common import case_of_row, check_accounts, unique
from cybercase.vault import Vault
from cybercase.vault.db import named

KINDS = ("aangifte", "melding")
OFFENCES = ("discriminatie", "smaad", "laster", "belediging", "bedreiging", "stalking",
            "sexual_images", "other")
COMPLAINT_OFFENCES = ("smaad", "laster", "belediging")
COMPLAINT_PARENTS_UNDER = 16
ADULT_AGE = 18
OFFENCE_EN = {  # English names (JSON "offence_en"); as Msg, they follow the app's language
    "discriminatie": msg("cyber.police.offence.discriminatie"),
    "smaad": msg("cyber.police.offence.smaad"),
    "laster": msg("cyber.police.offence.laster"),
    "belediging": msg("cyber.police.offence.belediging"),
    "bedreiging": msg("cyber.police.offence.bedreiging"),
    "stalking": msg("cyber.police.offence.stalking"),
    "sexual_images": msg("cyber.police.offence.sexual_images"),
    "other": msg("cyber.police.offence.other"),
}
REPORT_DATE = msg("cyber.police.field.report_date")
OFFENCE_DATE = msg("cyber.police.field.offence_date")
REFERENCE = msg("cyber.police.field.reference")
NOTES = msg("cyber.police.field.notes")
OFFENCE_NOTE = msg("cyber.police.field.offence_note")
SEXUAL = msg("cyber.police.sexual")  # the advice for sexual images of a minor


@dataclass
class Report:
    id: int
    case: str
    kind: str
    offence: str
    offence_note: str | None
    victim_id: int | None
    reported_on: str
    offence_on: str | None
    appointment_on: str | None
    police_reference: str | None
    export_id: int | None
    filed_by: str | None
    notes: str | None
    created_at: str
    created_by: str
    suspects: list[dict[str, Any]] = field(default_factory=list)
    accounts: list[int] = field(default_factory=list)
    victim: dict[str, Any] | None = None
    complaint: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    @property
    def age_date(self) -> str:
        """The day ages are counted on: the offence date, else the report date."""
        return self.offence_on or self.reported_on

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "case": self.case, "kind": self.kind, "offence": self.offence,
            "offence_en": OFFENCE_EN[self.offence], "offence_note": self.offence_note,
            "victim": self.victim, "suspects": self.suspects, "accounts": self.accounts,
            "reported_on": self.reported_on, "offence_on": self.offence_on,
            "ages_on": self.age_date, "appointment": self.appointment_on,
            "police_reference": self.police_reference, "export": self.export_id,
            "filed_by": self.filed_by, "notes": self.notes,
            "complaint_offence": self.complaint["complaint_offence"],
            "who_can_file": self.complaint["who_can_file"],
            "sexual_images": self.offence == "sexual_images", "notices": self.notices,
            "created_at": self.created_at, "created_by": self.created_by,
        }


def suspect_status(person: Person, on: date) -> dict[str, Any]:
    age = age_on(person.born, on)
    day = on.isoformat()
    if age is None:
        prosecutable, text = None, msg("cyber.police.age_unknown")
    elif age < PROSECUTABLE_AGE:
        prosecutable, text = False, msg("cyber.police.under_12", age=age, day=day)
    elif age < ADULT_AGE:
        prosecutable, text = True, msg("cyber.police.juvenile", age=age, day=day)
    else:
        prosecutable, text = True, msg("cyber.police.adult", age=age, day=day)
    return {"person_id": person.id, "name": person.name, "born": person.born, "age": age,
            "age_on": day, "under_12": None if age is None else age < PROSECUTABLE_AGE,
            "prosecutable": prosecutable, "note": text}


def complaint_status(offence: str, kind: str, victim: Person | None,
                     on: date) -> dict[str, Any]:
    label = OFFENCE_EN[offence]
    if offence not in COMPLAINT_OFFENCES:
        return {"complaint_offence": False, "who_can_file": msg("cyber.police.anyone"),
                "notes": []}
    age = age_on(victim.born, on) if victim is not None else None
    if age is None:
        who = msg("cyber.police.complaint_unknown", offence=label)
    elif age < COMPLAINT_PARENTS_UNDER:
        who = msg("cyber.police.complaint_parents", offence=label, age=age)
    else:
        who = msg("cyber.police.complaint_victim", offence=label, age=age)
    notes = [msg("cyber.police.complaint_melding")] if kind == "melding" else []
    return {"complaint_offence": True, "who_can_file": who, "notes": notes}


_COLS = (
    'p.id, c.ref AS "case",'
    " p.kind, p.offence, p.offence_note, p.victim_id, p.reported_on,"
    " p.offence_on, p.appointment_on, p.police_reference, p.export_id, p.filed_by, p.notes,"
    " p.created_at, p.created_by"
)


def _load(vault: Vault, rows: Iterable[dict[str, Any]]) -> list[Report]:
    out = []
    for r in rows:
        rep = Report(**r)
        on = date.fromisoformat(rep.age_date)
        people = [get_person(vault, pid) for (pid,) in vault.conn.execute(
            "SELECT person_id FROM police_suspects WHERE report_id = ? ORDER BY person_id",
            (rep.id,)).fetchall()]
        rep.suspects = [suspect_status(p, on) for p in people]
        rep.accounts = [a for (a,) in vault.conn.execute(
            "SELECT account_id FROM police_accounts WHERE report_id = ? ORDER BY 1",
            (rep.id,))]
        victim = get_person(vault, rep.victim_id) if rep.victim_id is not None else None
        if victim is not None:
            rep.victim = {"person_id": victim.id, "name": victim.name, "born": victim.born,
                          "age": age_on(victim.born, on), "age_on": on.isoformat()}
        rep.complaint = complaint_status(rep.offence, rep.kind, victim, on)
        rep.notices = [s["note"] for s in rep.suspects if s["prosecutable"] is not True]
        if rep.suspects and all(s["prosecutable"] is False for s in rep.suspects):
            rep.notices.append(msg("cyber.police.no_suspect_12"))
        if rep.complaint["complaint_offence"]:
            rep.notices.append(rep.complaint["who_can_file"])
        rep.notices += rep.complaint["notes"]
        if rep.offence == "sexual_images":
            rep.notices.append(SEXUAL)
        out.append(rep)
    return out


def get_report(vault: Vault, report_id: int) -> Report:
    vault.require("case.read")
    case_of_row(vault, "police_reports", report_id, "police")
    return _load(vault, named(vault.conn.execute(
        f"SELECT {_COLS} FROM police_reports p JOIN cases c ON c.id = p.case_id"
        " WHERE p.id = ?", (report_id,))))[0]


def list_reports(vault: Vault, ref: str) -> list[Report]:
    vault.require("case.read")
    case = get_case(vault, ref)
    return _load(vault, named(vault.conn.execute(
        f"SELECT {_COLS} FROM police_reports p JOIN cases c ON c.id = p.case_id"
        " WHERE p.case_id = ? ORDER BY p.id", (case.id,))))


def parse_appointment(value: str) -> str:
    """A day (``2026-12-03``, ``3-12-2026``, ``3 dec 2026``) with an optional ``HH:MM``
    after it (local time), returned as ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``."""
    text = value.strip()
    day, _, clock = text.rpartition(" ")
    if ":" not in clock:
        day, clock = text, ""
    day = parse_date(day, msg("cyber.police.field.appointment_date")).isoformat()
    if clock:
        hh, sep, mm = clock.strip().partition(":")
        if not (sep and hh.isdigit() and mm.isdigit() and len(mm) == 2
                and 0 <= int(hh) < 24 and 0 <= int(mm) < 60):
            raise UsageError(msg("cyber.police.appointment", value=value))
        return f"{day} {int(hh):02d}:{mm}"
    return day


def _check_export(vault: Vault, case: Case, export_id: int) -> int:
    row = vault.conn.execute("SELECT case_ref FROM exports WHERE id = ?",
                             (export_id,)).fetchone()
    if row is None or row[0] != case.ref:
        raise UsageError(msg("cyber.police.export", id=export_id, ref=case.ref))
    return export_id


def _past(text: str, what: Msg) -> date:
    day = parse_date(text, what)
    if day > local_today():
        raise UsageError(msg("cyber.police.future", what=what, day=day.isoformat()))
    return day


def add_report(
    vault: Vault, ref: str, kind: str, offence: str, *, victim: int | None = None,
    suspects: Iterable[int] = (), accounts: Iterable[int] = (),
    reported_on: str | None = None, offence_on: str | None = None,
    appointment: str | None = None, reference: str | None = None,
    export_id: int | None = None, filed_by: str | None = None,
    offence_note: str | None = None, notes: str | None = None,
) -> Report:
    """Record an aangifte or melding. Nothing here takes or stores a file."""
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    if kind not in KINDS:
        raise UsageError(msg("cyber.police.kind", value=kind, choices=", ".join(KINDS)))
    if offence not in OFFENCES:
        raise UsageError(msg("cyber.police.offence", value=offence,
                             choices=", ".join(OFFENCES)))
    offence_note = check_text(offence_note, OFFENCE_NOTE, 300) if offence_note else None
    if offence == "other" and not offence_note:
        raise UsageError(msg("cyber.police.other"))
    if victim is not None:
        get_person(vault, victim, case)
    suspect_ids = unique(suspects)
    for pid in suspect_ids:
        get_person(vault, pid, case)
        if pid == victim:
            raise UsageError(msg("cyber.police.victim_suspect", id=pid))
    account_ids = check_accounts(vault, case, accounts)
    reported = _past(reported_on, REPORT_DATE) if reported_on else local_today()
    offence_day = _past(offence_on, OFFENCE_DATE) if offence_on else None
    if offence_day is not None and offence_day > reported:
        raise UsageError(msg("cyber.police.after", offence=offence_day, report=reported))
    appointment = parse_appointment(appointment) if appointment else None
    reference = check_text(reference, REFERENCE, 100) if reference else None
    if export_id is not None:
        _check_export(vault, case, export_id)
    filed_by = check_text(filed_by, msg("cyber.police.field.filed_by"), 200) if filed_by else None
    notes = check_long_text(notes, NOTES, 3000) if notes else None
    now = now_iso()
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO police_reports(case_id, kind, offence, offence_note, victim_id,"
            " reported_on, offence_on, appointment_on, police_reference, export_id, filed_by,"
            " notes, created_at, created_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (case.id, kind, offence, offence_note, victim, reported.isoformat(),
             offence_day.isoformat() if offence_day else None, appointment, reference,
             export_id, filed_by, notes, now, vault.actor, now),
        )
        rid = int(cur.lastrowid)
        for pid in suspect_ids:
            tx.execute("INSERT INTO police_suspects(report_id, person_id) VALUES (?,?)",
                       (rid, pid))
        for account_id in account_ids:
            tx.execute("INSERT INTO police_accounts(report_id, account_id) VALUES (?,?)",
                       (rid, account_id))
        tx.audit("police.add", f"police {rid}", {
            "kind": kind, "offence": offence, "offence_note": offence_note, "victim": victim,
            "suspects": suspect_ids, "accounts": account_ids,
            "reported_on": reported.isoformat(),
            "offence_on": offence_day.isoformat() if offence_day else None,
            "appointment": appointment, "reference": reference, "export": export_id,
            "filed_by": filed_by, "notes": notes}, case_ref=ref)
    return get_report(vault, rid)


def update_report(
    vault: Vault, report_id: int, *, reference: str | None = None,
    appointment: str | None = None, export_id: int | None = None, notes: str | None = None,
) -> Report:
    """Add the police reference, an appointment or the bundle export later."""
    vault.require("case.write")
    case = case_of_row(vault, "police_reports", report_id, "police")
    require_open(case)
    changes: dict[str, Any] = {}
    if reference is not None:
        changes["police_reference"] = check_text(reference, REFERENCE, 100)
    if appointment is not None:
        changes["appointment_on"] = parse_appointment(appointment)
    if export_id is not None:
        changes["export_id"] = _check_export(vault, case, export_id)
    if notes is not None:
        changes["notes"] = check_long_text(notes, NOTES, 3000)
    if not changes:
        raise UsageError(msg("cyber.police.nothing"))
    with vault.transaction() as tx:
        sets = ", ".join(f"{k} = ?" for k in changes)
        tx.execute(f"UPDATE police_reports SET {sets}, updated_at = ? WHERE id = ?",
                   (*changes.values(), now_iso(), report_id))
        tx.audit("police.update", f"police {report_id}", changes, case_ref=case.ref)
    return get_report(vault, report_id)


def police_route(vault: Vault, ref: str) -> dict[str, Any]:
    """Whether the case takes the police route, and why (sexual images of a minor)."""
    vault.require("case.read")
    case = get_case(vault, ref)
    reasons: list[str] = []
    for (rid,) in vault.conn.execute(
        "SELECT id FROM police_reports WHERE case_id = ? AND offence = 'sexual_images'"
        " ORDER BY id", (case.id,)
    ).fetchall():
        reasons.append(msg("cyber.police.route_record", id=rid))
    described = vault.conn.execute(
        "SELECT COUNT(*) FROM minor_sexual_reports WHERE case_id = ?", (case.id,)
    ).fetchone()[0]
    if described:
        reasons.append(msg("cyber.police.route_described", n=described))
    return {"case": case.ref, "police_route": bool(reasons), "reasons": reasons,
            "advice": SEXUAL if reasons else None}
