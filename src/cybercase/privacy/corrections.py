"""Rectification (AVG art. 16): correcting a recorded fact keeps the old value.

Every correction is a row of ``corrections`` (table, row id, field, old value, new value,
who, when, why) written in the same transaction as the change and its audit entry. A
reason is required. The history is shown by ``correct history``, ``case show`` and
``person show``; corrections of care data (support-group roles) only to users who may
read care data.

:func:`record` is the one place that writes the history: ``correct`` uses it, and so do
``case set`` and ``person role`` when they overwrite a value that was already recorded
(filling in an empty field is not a correction). ``correct`` and ``case set`` require a
reason. ``person role`` (a pupil's role may change as a case unfolds; the app's roles
dialog has no reason field yet) keeps the old value with the reason if one is given,
else "(no reason given)"; pass ``required=True`` there once every face asks for one.
Corrections are allowed on closed cases too: the right to rectification does not end
with the case.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cybercase.cases.cases import Case, case_protocol, get_case
from cybercase.cases.history import (
    CARE_FIELDS,
    FIELD_WORD,
    NO_REASON,
    REASON,
    Correction,
    as_text,
    case_history,
    check_reason,
    field_word,
    needs_reason,
    object_word,
    person_history,
    read_history,
    record,
    record_changes,
)
from cybercase.cases.people import PARENT_ROLES, get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import (
    MAX_GROUP,
    MAX_LINE,
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_OUTCOME,
    check_long_text,
    check_text,
)
from cybercase.core.timeutil import local_today, now_iso, parse_date
from cybercase.protocol.schema import pick
from cybercase.vault import Vault

# the names of the history, kept importable from here (the privacy face of the feature)
__all__ = ["CARE_FIELDS", "FIELD_WORD", "NO_REASON", "REASON", "Correction", "case_history",
           "correct", "history", "needs_reason", "person_history", "record", "record_changes"]

# --- what can be corrected --------------------------------------------------------------------

Check = Callable[[Vault, Case, Any, str], Any]  # (vault, case, row, typed value) -> stored


@dataclass(frozen=True)
class Spec:
    table: str
    column: str  # a column, or "stated.<key>" inside evidence_items.stated
    permission: str
    check: Check


def _name(v: Vault, c: Case, row: Any, value: str) -> str:
    return check_text(value, msg("privacy.corrections.fieldname.name"), MAX_NAME)


def _born(v: Vault, c: Case, row: Any, value: str) -> str:
    day = parse_date(value, msg("privacy.corrections.born"))
    if day > local_today():
        raise UsageError(msg("privacy.corrections.future", value=value))
    return day.isoformat()


def _group(v: Vault, c: Case, row: Any, value: str) -> str:
    return check_text(value, msg("privacy.corrections.fieldname.group"), MAX_GROUP)


def _role(v: Vault, c: Case, row: Any, value: str) -> str:
    protocol = case_protocol(v, c)
    if row.kind == "pupil":
        return str(pick(protocol.case_roles, value, msg("privacy.corrections.pupil_role")).key)
    if row.kind == "staff":
        return str(pick(protocol.staff_roles, value, msg("privacy.corrections.staff_role")).key)
    if value not in PARENT_ROLES:
        raise UsageError(msg("privacy.corrections.parent_role", value=value,
                             choices=", ".join(PARENT_ROLES)))
    return value


def _sg_role(v: Vault, c: Case, row: Any, value: str) -> str:
    if row.kind != "pupil":
        raise UsageError(msg("privacy.corrections.pupil_only"))
    return str(pick(case_protocol(v, c).support_group_roles, value,
                    msg("privacy.corrections.sg_role")).key)


def _line(what: str, limit: int = MAX_LINE) -> Check:
    return lambda v, c, row, value: check_text(value, what, limit)


def _long(what: str, limit: int = MAX_LONG_TEXT) -> Check:
    return lambda v, c, row, value: check_long_text(value, what, limit)


def _day(what: str) -> Check:
    return lambda v, c, row, value: parse_date(value, what).isoformat()


def _channel(v: Vault, c: Case, row: Any, value: str) -> str:
    return str(pick(case_protocol(v, c).channels, value,
                    msg("privacy.corrections.channel")).key)


def _stated(key: str) -> Check:
    def check(v: Vault, c: Case, row: Any, value: str) -> Any:
        from cybercase.evidence.stated import Stated

        stated = Stated()
        setattr(stated, key, value)
        return getattr(stated.checked(), key)
    return check


FIELDS: dict[str, dict[str, Spec]] = {
    "person": {
        "name": Spec("people", "name", "case.write", _name),
        "born": Spec("people", "born", "case.write", _born),
        "group": Spec("people", "group_name", "case.write", _group),
        "role": Spec("people", "role", "case.write", _role),
        "sg_role": Spec("people", "sg_role", "care.write", _sg_role),
    },
    "case": {
        "title": Spec("cases", "title", "case.write",
                      _line(msg("privacy.corrections.fieldname.title"))),
        "summary": Spec("cases", "summary", "case.write",
                        _long(msg("privacy.corrections.fieldname.summary"))),
        "reported_by": Spec("cases", "reported_by", "case.write",
                            _line(msg("privacy.corrections.reporter"))),
        "reported_on": Spec("cases", "reported_on", "case.write",
                            _day(msg("privacy.corrections.report_date"))),
        "channel": Spec("cases", "channel", "case.write", _channel),
        "group": Spec("cases", "group_name", "case.write",
                      _line(msg("privacy.corrections.fieldname.group"), MAX_GROUP)),
        "outcome": Spec("cases", "outcome", "case.write",
                        _long(msg("privacy.corrections.fieldname.outcome"), MAX_OUTCOME)),
    },
    "evidence": {
        key: Spec("evidence_items", f"stated.{key}", "evidence.write", _stated(key))
        for key in ("description", "platform", "url", "captured_by", "shown_time", "device")
    },
}


def _resolve(vault: Vault, kind: str, ident: str | int) -> tuple[Case, int, Any, str]:
    """(case, row id, row object, audit object) for ``kind``/``ident``."""
    if kind == "person":
        person = get_person(vault, int(ident))
        ref = vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                                 (person.case_id,)).fetchone()[0]
        return get_case(vault, ref), person.id, person, f"person {person.id}"
    if kind == "case":
        case = get_case(vault, str(ident))
        return case, case.id, case, f"case {case.ref}"
    if kind == "evidence":
        from cybercase.evidence.items import get_item

        item = get_item(vault, ident)
        return get_case(vault, item.case), item.id, item, f"evidence {item.id}"
    raise UsageError(msg("privacy.corrections.kind", kind=kind))


def _current(vault: Vault, spec: Spec, row_id: int) -> Any:
    if spec.column.startswith("stated."):
        stated = vault.conn.execute("SELECT stated FROM evidence_items WHERE id = ?",
                                    (row_id,)).fetchone()[0]
        return json.loads(stated).get(spec.column.split(".", 1)[1])
    return vault.conn.execute(f"SELECT {spec.column} FROM {spec.table} WHERE rowid = ?",
                              (row_id,)).fetchone()[0]


def correct(vault: Vault, kind: str, ident: str | int, field: str, value: str,
            reason: str | None) -> Correction:
    """Correct one recorded fact; the old value goes into the history with who and why."""
    if kind not in FIELDS:
        raise UsageError(msg("privacy.corrections.kind", kind=kind))
    spec = FIELDS[kind].get(field)
    if spec is None:
        raise UsageError(msg("privacy.corrections.field", kind=kind, field=field,
                             fields=", ".join(FIELDS[kind])))
    vault.require(spec.permission)
    why = check_reason(reason, field)
    case, row_id, row, obj = _resolve(vault, kind, ident)
    new = spec.check(vault, case, row, value)
    old = _current(vault, spec, row_id)
    if as_text(old) == as_text(new):
        raise UsageError(msg("privacy.corrections.same", field=field_word(field),
                             obj=object_word(obj), value=new))
    with vault.transaction() as tx:
        if spec.column.startswith("stated."):
            stated = json.loads(tx.execute("SELECT stated FROM evidence_items WHERE id = ?",
                                           (row_id,)).fetchone()[0])
            stated[spec.column.split(".", 1)[1]] = new
            tx.execute("UPDATE evidence_items SET stated = ? WHERE id = ?",
                       (json.dumps(stated, ensure_ascii=False), row_id))
        else:
            tx.execute(f"UPDATE {spec.table} SET {spec.column} = ? WHERE rowid = ?",
                       (new, row_id))
            if spec.table == "cases":
                tx.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (now_iso(), row_id))
        cid = record(tx, case.id, spec.table, row_id, field, old, new, why)
        tx.audit("correct", obj, {"field": field, "old": old, "new": new, "reason": why},
                 case_ref=case.ref)
    return read_history(vault, "id = ?", (cid,))[0]


def history(vault: Vault, kind: str, ident: str | int) -> list[Correction]:
    """The corrections of one person, case or evidence item (a case: all in the case)."""
    vault.require("case.read")
    if kind not in FIELDS:
        raise UsageError(msg("privacy.corrections.kind", kind=kind))
    case, row_id, _row, _obj = _resolve(vault, kind, ident)
    if kind == "case":
        return read_history(vault, "case_id = ?", (case.id,))
    table = {"person": "people", "evidence": "evidence_items"}[kind]
    return read_history(vault, "table_name = ? AND row_id = ?", (table, row_id))
