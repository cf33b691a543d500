"""The correction history (AVG art. 16): a corrected fact keeps its old value.

Every correction is a row of ``corrections`` (table, row id, field, old value, new value,
who, when, why) written in the same transaction as the change and its audit entry.
:func:`record` is the one place that writes the history: ``correct``
(:mod:`cybercase.privacy.corrections`) uses it, and so do ``case set`` and ``person role``
when they overwrite a value that was already recorded (filling in an empty field is not a
correction). It lives here, below every module that changes recorded facts, so none of
them imports the privacy package.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.roles import allowed
from cybercase.core.text import MAX_REASON, check_text
from cybercase.core.timeutil import now_iso
from cybercase.vault import Transaction, Vault
from cybercase.vault.db import named


class Record(Protocol):
    """A case or a person: the history needs only its id (so this module, which both
    cases.py and people.py use, imports neither)."""

    @property
    def id(self) -> int: ...


CARE_FIELDS = frozenset({("people", "sg_role")})
NO_REASON = "(no reason given)"  # stored in the history as it is (data, not a message)
REASON = msg("privacy.corrections.the_reason")
# the fields and objects inside sentences (English: the codes and audit objects as typed)
FIELD_WORD = {
    "name": msg("privacy.corrections.fieldname.name"),
    "born": msg("privacy.corrections.fieldname.born"),
    "group": msg("privacy.corrections.fieldname.group"),
    "role": msg("privacy.corrections.fieldname.role"),
    "sg_role": msg("privacy.corrections.fieldname.sg_role"),
    "title": msg("privacy.corrections.fieldname.title"),
    "summary": msg("privacy.corrections.fieldname.summary"),
    "reported_by": msg("privacy.corrections.fieldname.reported_by"),
    "reported_on": msg("privacy.corrections.fieldname.reported_on"),
    "channel": msg("privacy.corrections.fieldname.channel"),
    "outcome": msg("privacy.corrections.fieldname.outcome"),
    "description": msg("privacy.corrections.fieldname.description"),
    "platform": msg("privacy.corrections.fieldname.platform"),
    "url": msg("privacy.corrections.fieldname.url"),
    "captured_by": msg("privacy.corrections.fieldname.captured_by"),
    "shown_time": msg("privacy.corrections.fieldname.shown_time"),
    "device": msg("privacy.corrections.fieldname.device"),
    "phone": msg("privacy.corrections.fieldname.phone"),
    "email": msg("privacy.corrections.fieldname.email"),
    "tags": msg("privacy.corrections.fieldname.tags"),
    "handle": msg("privacy.corrections.fieldname.handle"),
    "display_name": msg("privacy.corrections.fieldname.display_name"),
    "profile_url": msg("privacy.corrections.fieldname.profile_url"),
    "impersonates": msg("privacy.corrections.fieldname.impersonates"),
    "notes": msg("privacy.corrections.fieldname.notes"),
}


def field_word(field: str) -> str:
    return FIELD_WORD.get(field, field)


def object_word(obj: str) -> str:
    """An audit object ("person 5", "case 2026-001") as a Msg with the same English."""
    kind, _, ident = obj.partition(" ")
    if kind == "person":
        return msg("privacy.corrections.obj.person", id=ident)
    if kind == "case":
        return msg("privacy.corrections.obj.case", id=ident)
    if kind == "evidence":
        return msg("privacy.corrections.obj.evidence", id=ident)
    if kind == "account":
        return msg("privacy.corrections.obj.account", id=ident)
    return obj


@dataclass
class Correction:
    id: int
    table: str
    row_id: int
    field: str
    old: str | None
    new: str | None
    reason: str
    at: str
    by: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def record(
    tx: Transaction, case_id: int, table: str, row_id: int, field: str, old: Any, new: Any,
    reason: str,
) -> int:
    """Write one correction into the history (inside the caller's transaction)."""
    cur = tx.execute(
        "INSERT INTO corrections(case_id, table_name, row_id, field, old_value, new_value,"
        " reason, at, by) VALUES (?,?,?,?,?,?,?,?,?)",
        (case_id, table, row_id, field, as_text(old), as_text(new), reason, now_iso(),
         tx.vault.actor))
    return int(cur.lastrowid)


def check_reason(reason: str | None, field: str) -> str:
    if reason is None or not reason.strip():
        raise UsageError(msg("privacy.corrections.reason", field=field_word(field)))
    return check_text(reason, REASON, MAX_REASON)


def needs_reason(changes: dict[str, Any], before: dict[str, Any], obj: str,
                 reason: str | None, names: dict[str, str] | None = None,
                 required: bool = True) -> str | None:
    """The checked reason when ``changes`` overwrite recorded values; else None (or error).

    ``changes`` and ``before`` are keyed by column; ``names`` maps a column to the field
    name users know (``group_name`` -> ``group``). With ``required=False`` an overwrite
    without a reason is still kept in the history, as :data:`NO_REASON`.
    """
    given = check_text(reason, REASON, MAX_REASON) if reason and reason.strip() else None
    for column, new in changes.items():
        old = before.get(column)
        if old is not None and as_text(old) != as_text(new) and given is None:
            if not required:
                return NO_REASON
            field = (names or {}).get(column, column)
            raise UsageError(msg("privacy.corrections.needs_reason", field=field_word(field),
                                 obj=object_word(obj), old=old))
    return given


def record_changes(tx: Transaction, case_id: int, table: str, row_id: int,
                   changes: dict[str, Any], before: dict[str, Any], reason: str | None,
                   names: dict[str, str] | None = None) -> None:
    """History for every overwritten value (helper for ``case set`` / ``person role``)."""
    if reason is None:
        return
    for column, new in changes.items():
        old = before.get(column)
        if old is not None and as_text(old) != as_text(new):
            record(tx, case_id, table, row_id, (names or {}).get(column, column), old, new,
                   reason)


def read_history(vault: Vault, where: str, args: tuple[Any, ...]) -> list[Correction]:
    care = allowed(vault.role, "care.read")
    out = []
    for row in named(vault.conn.execute(
        'SELECT id, table_name AS "table", row_id, field, old_value AS old, new_value AS new,'
        f" reason, at, by FROM corrections WHERE {where} ORDER BY id", args
    )):
        if not care and (row["table"], row["field"]) in CARE_FIELDS:
            continue
        out.append(Correction(**row))
    return out


def case_history(vault: Vault, case: Record) -> list[Correction]:
    return read_history(vault, "case_id = ?", (case.id,))


def person_history(vault: Vault, person: Record) -> list[Correction]:
    return read_history(vault, "table_name = 'people' AND row_id = ?", (person.id,))
