"""People in a case: pupils (group, date of birth -> age), parents/guardians, staff.

A pupil's ``role`` is a case role of the protocol (bullied, bully, follower, ...); a staff
member's ``role`` is a staff role (teacher, IVP, ...). Support-group roles (``sg_role``)
are care data: only users with ``care.read`` see them, and nothing printed for children or
parents ever carries them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cybercase.cases import access
from cybercase.cases.cases import Case, case_protocol, get_case, require_open
from cybercase.core.contacts import email_address, phone_number
from cybercase.core.errors import NotFound, UsageError
from cybercase.core.i18n import msg
from cybercase.core.roles import allowed
from cybercase.core.text import MAX_GROUP, MAX_NAME, check_text
from cybercase.core.timeutil import age_on, local_today, now_iso, parse_date
from cybercase.protocol.schema import pick
from cybercase.vault import Vault
from cybercase.vault.db import named

KINDS = ("pupil", "parent", "staff")
PARENT_ROLES = ("parent", "guardian")
PROSECUTABLE_AGE = 12


@dataclass
class Person:
    id: int
    case_id: int
    kind: str
    name: str
    role: str | None
    sg_role: str | None
    group: str | None
    born: str | None
    phone: str | None = None  # a parent's (or staff member's) contact details
    email: str | None = None

    def age(self, today: date | None = None) -> int | None:
        return age_on(self.born, today or local_today())

    def to_json(self, with_care: bool = True) -> dict[str, Any]:
        age = self.age()
        data: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "name": self.name, "role": self.role,
            "group": self.group, "born": self.born, "age": age,
            "twelve_or_older": None if age is None else age >= PROSECUTABLE_AGE,
            "phone": self.phone, "email": self.email,
        }
        if with_care:
            data["sg_role"] = self.sg_role
        return data


_COLS = 'id, case_id, kind, name, role, sg_role, group_name AS "group", born, phone, email'


def kind_word(kind: str) -> str:
    """A person's kind (pupil, parent, staff) as a word in a sentence."""
    words = {"pupil": msg("cases.kind.pupil"), "parent": msg("cases.kind.parent"),
             "staff": msg("cases.kind.staff")}
    return words.get(kind, kind)


def add_person(
    vault: Vault, ref: str, name: str, kind: str, role: str | None = None,
    group: str | None = None, born: str | None = None, sg_role: str | None = None,
    phone: str | None = None, email: str | None = None,
) -> Person:
    """Add a person; ``phone`` and ``email`` are for parents and staff (checked by
    :mod:`cybercase.core.contacts`: Dutch numbers without a country code)."""
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    name = check_text(name, msg("cases.field.name"), MAX_NAME)
    if kind not in KINDS:
        raise UsageError(msg("cases.person_kind_unknown", kind=kind, choices=", ".join(KINDS)))
    protocol = case_protocol(vault, case)
    if role is not None:
        if kind == "pupil":
            role = pick(protocol.case_roles, role, msg("cases.field.pupil_role")).key
        elif kind == "staff":
            role = pick(protocol.staff_roles, role, msg("cases.field.staff_role")).key
        elif role not in PARENT_ROLES:
            raise UsageError(msg("cases.parent_role_unknown", role=role,
                                 choices=", ".join(PARENT_ROLES)))
    elif kind == "parent":
        role = "parent"
    if sg_role is not None:
        vault.require("care.write")
        if kind != "pupil":
            raise UsageError(msg("cases.sg_role_pupils_only"))
        sg_role = pick(protocol.support_group_roles, sg_role, msg("cases.field.sg_role")).key
    group = check_text(group, msg("cases.field.group"), MAX_GROUP) if group else None
    born_day = None
    if born:
        day = parse_date(born, msg("cases.field.born"))
        if day > local_today():
            raise UsageError(msg("cases.born_future", born=born))
        born_day = day.isoformat()
    phone, email = contact_details(kind, phone, email)
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO people(case_id, kind, name, role, sg_role, group_name, born,"
            " created_at, created_by, phone, email) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (case.id, kind, name, role, sg_role, group, born_day, now_iso(), vault.actor,
             phone, email),
        )
        pid = int(cur.lastrowid)
        tx.audit("person.add", f"person {pid}", {
            "name": name, "kind": kind, "role": role, "sg_role": sg_role, "group": group,
            "born": born_day, "phone": phone, "email": email}, case_ref=ref)
    return get_person(vault, pid)


def contact_details(kind: str, phone: str | None,
                    email: str | None) -> tuple[str | None, str | None]:
    """A phone number and an e-mail address as typed (trimmed), checked; only parents
    and staff have them in the case file (a child is reached through its parents)."""
    if (phone or email) and kind == "pupil":
        raise UsageError(msg("cases.contact_pupil"))
    if phone:
        phone = phone_number(phone, UsageError(msg("cyber.validate.phone", value=phone)))[0]
    if email:
        email = email_address(email, UsageError(msg("cyber.validate.email", value=email)))[0]
    return phone or None, email or None


def get_person(vault: Vault, person_id: int, case: Case | None = None) -> Person:
    vault.require("case.read")
    found = named(vault.conn.execute(f"SELECT {_COLS} FROM people WHERE id = ?",
                                     (person_id,)))
    row = found[0] if found else None
    if row is None or (case is not None and row["case_id"] != case.id):
        if case is not None:
            raise NotFound(msg("cases.no_person_in_case", id=person_id, ref=case.ref))
        raise NotFound(msg("cases.no_person", id=person_id))
    if case is None:
        ref = vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                                 (row["case_id"],)).fetchone()[0]
        access.check_visible(vault, row["case_id"], ref)
    return Person(**row)


def list_people(vault: Vault, case: Case) -> list[Person]:
    vault.require("case.read")
    return [Person(**r) for r in named(vault.conn.execute(
        f"SELECT {_COLS} FROM people WHERE case_id = ? ORDER BY id", (case.id,)))]


def sees_care(vault: Vault) -> bool:
    return allowed(vault.role, "care.read")


def set_roles(
    vault: Vault, person_id: int, role: str | None = None, sg_role: str | None = None,
    reason: str | None = None,
) -> Person:
    """Change a pupil's case role or support-group role.

    Overwriting a recorded role keeps the old one in the correction history, with
    ``reason`` when given (cybercase/privacy/corrections.py).
    """
    from cybercase.cases.history import needs_reason, record_changes

    vault.require("case.write")
    person = get_person(vault, person_id)
    case = _case_of(vault, person)
    require_open(case)
    protocol = case_protocol(vault, case)
    changes: dict[str, Any] = {}
    if role is not None:
        if person.kind != "pupil":
            raise UsageError(msg("cases.role_pupils_only"))
        changes["role"] = pick(protocol.case_roles, role, msg("cases.field.pupil_role")).key
    if sg_role is not None:
        vault.require("care.write")
        if person.kind != "pupil":
            raise UsageError(msg("cases.sg_role_pupils_only"))
        changes["sg_role"] = pick(protocol.support_group_roles, sg_role,
                                  msg("cases.field.sg_role")).key
    if not changes:
        raise UsageError(msg("cases.roles_nothing"))
    before = {"role": person.role, "sg_role": person.sg_role}
    why = needs_reason(changes, before, f"person {person.id}", reason, required=False)
    with vault.transaction() as tx:
        sets = ", ".join(f"{k} = ?" for k in changes)
        tx.execute(f"UPDATE people SET {sets} WHERE id = ?", (*changes.values(), person.id))
        record_changes(tx, case.id, "people", person.id, changes, before, why)
        tx.audit("person.update", f"person {person.id}", {**changes, "reason": why},
                 case_ref=case.ref)
    return get_person(vault, person.id)


def _case_of(vault: Vault, person: Person) -> Case:
    row = vault.conn.execute("SELECT ref FROM cases WHERE id = ?", (person.case_id,)).fetchone()
    return get_case(vault, row[0])


def link_parent(vault: Vault, parent_id: int, pupil_id: int) -> None:
    """Record that ``parent_id`` is a parent/guardian of pupil ``pupil_id`` (same case)."""
    vault.require("case.write")
    parent = get_person(vault, parent_id)
    pupil = get_person(vault, pupil_id)
    if parent.kind != "parent":
        raise UsageError(msg("cases.not_a_parent", id=parent_id, kind=kind_word(parent.kind)))
    if pupil.kind != "pupil":
        raise UsageError(msg("cases.not_a_pupil", id=pupil_id, kind=kind_word(pupil.kind)))
    if parent.case_id != pupil.case_id:
        raise UsageError(msg("cases.link_other_case", parent=parent_id, pupil=pupil_id))
    case = _case_of(vault, pupil)
    require_open(case)
    with vault.transaction() as tx:
        tx.execute("INSERT OR IGNORE INTO person_links(parent_id, pupil_id) VALUES (?, ?)",
                   (parent_id, pupil_id))
        tx.audit("person.link", f"person {parent_id}", {"parent_of": pupil_id},
                 case_ref=case.ref)


def parents_of(vault: Vault, pupil_id: int) -> list[int]:
    return [r[0] for r in vault.conn.execute(
        "SELECT parent_id FROM person_links WHERE pupil_id = ? ORDER BY parent_id",
        (pupil_id,))]


def links(vault: Vault, case: Case) -> list[tuple[int, int]]:
    return [(r[0], r[1]) for r in vault.conn.execute(
        "SELECT l.parent_id, l.pupil_id FROM person_links l JOIN people p ON p.id = l.pupil_id"
        " WHERE p.case_id = ? ORDER BY 1, 2", (case.id,))]
