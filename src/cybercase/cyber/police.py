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

from cybercase.cases.cases import Case, check_long_text, check_text, get_case, require_open
from cybercase.cases.people import PROSECUTABLE_AGE, Person, get_person
from cybercase.cyber.common import case_of_row, check_accounts, unique
from cybercase.errors import UsageError
from cybercase.timeutil import local_today, now_iso, parse_date
from cybercase.vault import Vault

KINDS = ("aangifte", "melding")
OFFENCES = ("discriminatie", "smaad", "laster", "belediging", "bedreiging", "stalking",
            "sexual_images", "other")
COMPLAINT_OFFENCES = ("smaad", "laster", "belediging")
COMPLAINT_PARENTS_UNDER = 16
ADULT_AGE = 18
OFFENCE_EN = {
    "discriminatie": "discrimination", "smaad": "defamation (smaad)",
    "laster": "slander (laster)", "belediging": "insult (belediging)",
    "bedreiging": "threat (bedreiging)", "stalking": "stalking",
    "sexual_images": "sexual images of a minor", "other": "other",
}

MSG = {
    "kind": "unknown kind {value!r}: choose one of {choices}",
    "offence": "unknown offence {value!r}: choose one of {choices}",
    "other": "offence 'other' needs --offence-note saying which offence",
    "victim_suspect": "person {id} is the victim and cannot also be a suspect",
    "export": "there is no export {id} of case {ref}: see `cybercase audit {ref}` for the "
              "bundles made",
    "future": "{what} {day} lies in the future: check it",
    "after": "the offence date {offence} lies after the report date {report}: check them",
    "nothing": "nothing to change: give --reference, --appointment, --export or --notes",
    "appointment": "the appointment {value!r} is not a date: write YYYY-MM-DD or "
                   "'YYYY-MM-DD HH:MM'",
    "under_12": "{age} on {day}: under 12, cannot be prosecuted",
    "juvenile": "{age} on {day}: can be prosecuted (juvenile criminal law, 12 to 17)",
    "adult": "{age} on {day}: can be prosecuted",
    "age_unknown": "date of birth unknown: age unknown, so whether they can be prosecuted "
                   "(12 or older) is unknown; add it with the person's --born",
    "complaint_parents": "{offence} is a complaint offence: only the victim can file the "
                         "complaint, and the victim is {age} (under 16), so the parents "
                         "file it",
    "complaint_victim": "{offence} is a complaint offence: only the victim ({age}) can file "
                        "the complaint",
    "complaint_unknown": "{offence} is a complaint offence: only the victim can file the "
                         "complaint, or the parents for a victim under 16",
    "complaint_melding": "a melding is not a complaint: for prosecution the victim (or the "
                         "parents, under 16) must file an aangifte",
    "anyone": "anyone can report this offence",
    "sexual": "sexual images of a minor: never store, copy or forward them (not even as "
              "evidence); report to the police, or Meldpunt Kinderporno / Offlimits; the case "
              "takes the police route",
    "no_suspect_12": "no suspect is 12 or older: the police cannot prosecute anyone here; a "
                     "melding can still matter (and help for the victim)",
}


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


def age_on(born: str | None, on: date) -> int | None:
    """Completed years on ``on``: the birthday itself counts (12 on the 12th birthday)."""
    if not born:
        return None
    b = date.fromisoformat(born)
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


def suspect_status(person: Person, on: date) -> dict[str, Any]:
    age = age_on(person.born, on)
    day = on.isoformat()
    if age is None:
        prosecutable, text = None, MSG["age_unknown"]
    elif age < PROSECUTABLE_AGE:
        prosecutable, text = False, MSG["under_12"].format(age=age, day=day)
    elif age < ADULT_AGE:
        prosecutable, text = True, MSG["juvenile"].format(age=age, day=day)
    else:
        prosecutable, text = True, MSG["adult"].format(age=age, day=day)
    return {"person_id": person.id, "name": person.name, "born": person.born, "age": age,
            "age_on": day, "under_12": None if age is None else age < PROSECUTABLE_AGE,
            "prosecutable": prosecutable, "note": text}


def complaint_status(offence: str, kind: str, victim: Person | None,
                     on: date) -> dict[str, Any]:
    label = OFFENCE_EN[offence]
    if offence not in COMPLAINT_OFFENCES:
        return {"complaint_offence": False, "who_can_file": MSG["anyone"], "notes": []}
    age = age_on(victim.born, on) if victim is not None else None
    if age is None:
        who = MSG["complaint_unknown"].format(offence=label)
    elif age < COMPLAINT_PARENTS_UNDER:
        who = MSG["complaint_parents"].format(offence=label, age=age)
    else:
        who = MSG["complaint_victim"].format(offence=label, age=age)
    notes = [MSG["complaint_melding"]] if kind == "melding" else []
    return {"complaint_offence": True, "who_can_file": who, "notes": notes}


_COLS = (
    "p.id, c.ref, p.kind, p.offence, p.offence_note, p.victim_id, p.reported_on,"
    " p.offence_on, p.appointment_on, p.police_reference, p.export_id, p.filed_by, p.notes,"
    " p.created_at, p.created_by"
)


def _load(vault: Vault, rows: Iterable[tuple[Any, ...]]) -> list[Report]:
    out = []
    for r in rows:
        rep = Report(*r)
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
            rep.notices.append(MSG["no_suspect_12"])
        if rep.complaint["complaint_offence"]:
            rep.notices.append(rep.complaint["who_can_file"])
        rep.notices += rep.complaint["notes"]
        if rep.offence == "sexual_images":
            rep.notices.append(MSG["sexual"])
        out.append(rep)
    return out


def get_report(vault: Vault, report_id: int) -> Report:
    vault.require("case.read")
    case_of_row(vault, "police_reports", report_id, "police")
    return _load(vault, vault.conn.execute(
        f"SELECT {_COLS} FROM police_reports p JOIN cases c ON c.id = p.case_id"
        " WHERE p.id = ?", (report_id,)).fetchall())[0]


def list_reports(vault: Vault, ref: str) -> list[Report]:
    vault.require("case.read")
    case = get_case(vault, ref)
    return _load(vault, vault.conn.execute(
        f"SELECT {_COLS} FROM police_reports p JOIN cases c ON c.id = p.case_id"
        " WHERE p.case_id = ? ORDER BY p.id", (case.id,)).fetchall())


def parse_appointment(value: str) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` (local time), returned in that form."""
    text = value.strip()
    day, _, clock = text.partition(" ")
    parse_date(day, "the appointment date")
    if clock:
        hh, sep, mm = clock.strip().partition(":")
        if not (sep and hh.isdigit() and mm.isdigit() and len(mm) == 2
                and 0 <= int(hh) < 24 and 0 <= int(mm) < 60):
            raise UsageError(MSG["appointment"].format(value=value))
        return f"{day} {int(hh):02d}:{mm}"
    return day


def _check_export(vault: Vault, case: Case, export_id: int) -> int:
    row = vault.conn.execute("SELECT case_ref FROM exports WHERE id = ?",
                             (export_id,)).fetchone()
    if row is None or row[0] != case.ref:
        raise UsageError(MSG["export"].format(id=export_id, ref=case.ref))
    return export_id


def _past(text: str, what: str) -> date:
    day = parse_date(text, what)
    if day > local_today():
        raise UsageError(MSG["future"].format(what=what, day=day.isoformat()))
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
        raise UsageError(MSG["kind"].format(value=kind, choices=", ".join(KINDS)))
    if offence not in OFFENCES:
        raise UsageError(MSG["offence"].format(value=offence, choices=", ".join(OFFENCES)))
    offence_note = check_text(offence_note, "offence note", 300) if offence_note else None
    if offence == "other" and not offence_note:
        raise UsageError(MSG["other"])
    if victim is not None:
        get_person(vault, victim, case)
    suspect_ids = unique(suspects)
    for pid in suspect_ids:
        get_person(vault, pid, case)
        if pid == victim:
            raise UsageError(MSG["victim_suspect"].format(id=pid))
    account_ids = check_accounts(vault, case, accounts)
    reported = _past(reported_on, "the report date") if reported_on else local_today()
    offence_day = _past(offence_on, "the offence date") if offence_on else None
    if offence_day is not None and offence_day > reported:
        raise UsageError(MSG["after"].format(offence=offence_day, report=reported))
    appointment = parse_appointment(appointment) if appointment else None
    reference = check_text(reference, "police reference", 100) if reference else None
    if export_id is not None:
        _check_export(vault, case, export_id)
    filed_by = check_text(filed_by, "who filed it", 200) if filed_by else None
    notes = check_long_text(notes, "notes", 3000) if notes else None
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
        changes["police_reference"] = check_text(reference, "police reference", 100)
    if appointment is not None:
        changes["appointment_on"] = parse_appointment(appointment)
    if export_id is not None:
        changes["export_id"] = _check_export(vault, case, export_id)
    if notes is not None:
        changes["notes"] = check_long_text(notes, "notes", 3000)
    if not changes:
        raise UsageError(MSG["nothing"])
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
        reasons.append(f"police record {rid}: sexual images of a minor")
    described = vault.conn.execute(
        "SELECT COUNT(*) FROM minor_sexual_reports WHERE case_id = ?", (case.id,)
    ).fetchone()[0]
    if described:
        reasons.append(f"{described} description(s) of sexual images of a minor recorded "
                       "(never the images themselves)")
    return {"case": case.ref, "police_route": bool(reasons), "reasons": reasons,
            "advice": MSG["sexual"] if reasons else None}
