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
from cybercase.cases.people import PARENT_ROLES, contact_details, get_person
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
from cybercase.vault.vault import Transaction

# the names of the history, kept importable from here (the privacy face of the feature)
__all__ = ["CARE_FIELDS", "FIELD_WORD", "NO_REASON", "REASON", "Correction", "case_history",
           "correct", "correct_many",
           "history", "needs_reason", "person_history", "record", "record_changes"]

# --- what can be corrected --------------------------------------------------------------------

Check = Callable[[Vault, Case, Any, str], Any]  # (vault, case, row, typed value) -> stored


Companions = Callable[[Any], dict[str, Any]]  # stored value -> other columns to set with it


@dataclass(frozen=True)
class Spec:
    table: str
    column: str  # a column, or "stated.<key>" inside evidence_items.stated
    permission: str
    check: Check
    companions: Companions | None = None  # e.g. an account's e-mail and its normal form


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


def _tags(v: Vault, c: Case, row: Any, value: str) -> list[str]:
    """Offence tags typed as a comma-separated list ("" clears them)."""
    from cybercase.evidence.stated import Stated

    return Stated(tags=[t for t in value.split(",") if t.strip()]).checked().tags


def _contact(kind: str) -> Check:
    def check(v: Vault, c: Case, row: Any, value: str) -> str | None:
        phone, email = contact_details(row.kind, value if kind == "phone" else None,
                                       value if kind == "email" else None)
        return phone if kind == "phone" else email
    return check


def _account(what: str) -> Check:
    def check(v: Vault, c: Case, row: Any, value: str) -> str:
        from cybercase.cyber import validate

        if what == "handle":
            return validate.handle(value)[0]
        if what == "email":
            return validate.email(value)[0]
        if what == "phone":
            return validate.phone(value)[0]
        return validate.url(value)
    return check


def _norm(column: str, what: str) -> Companions:
    def companions(stored: Any) -> dict[str, Any]:
        from cybercase.cyber import validate

        pick_one = {"handle": validate.handle, "email": validate.email,
                    "phone": validate.phone}[what]
        return {column: pick_one(str(stored))[1]}
    return companions


def _account_fields() -> dict[str, Spec]:
    def spec(column: str, check: Check, companions: Companions | None = None) -> Spec:
        return Spec("accounts", column, "accounts.write", check, companions)

    return {
        "platform": spec("platform",
                         _line(msg("privacy.corrections.fieldname.platform"), 100)),
        "handle": spec("handle", _account("handle"), _norm("handle_norm", "handle")),
        "display_name": spec("display_name",
                             _line(msg("privacy.corrections.fieldname.display_name"))),
        "profile_url": spec("profile_url", _account("url")),
        "email": spec("email", _account("email"), _norm("email_norm", "email")),
        "phone": spec("phone", _account("phone"), _norm("phone_norm", "phone")),
        "impersonates": spec("impersonates",
                             _line(msg("privacy.corrections.fieldname.impersonates"))),
        "notes": spec("notes", _long(msg("privacy.corrections.fieldname.notes"))),
    }


FIELDS: dict[str, dict[str, Spec]] = {
    "person": {
        "name": Spec("people", "name", "case.write", _name),
        "born": Spec("people", "born", "case.write", _born),
        "group": Spec("people", "group_name", "case.write", _group),
        "role": Spec("people", "role", "case.write", _role),
        "sg_role": Spec("people", "sg_role", "care.write", _sg_role),
        "phone": Spec("people", "phone", "case.write", _contact("phone")),
        "email": Spec("people", "email", "case.write", _contact("email")),
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
    } | {"tags": Spec("evidence_items", "stated.offence_tags", "evidence.write", _tags)},
    "account": _account_fields(),
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
    if kind == "account":
        from cybercase.cyber.accounts import get_account

        account = get_account(vault, int(ident))
        return get_case(vault, account.case), account.id, account, f"account {account.id}"
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
    return correct_many(vault, kind, ident, {field: value}, reason)[0]


def correct_many(vault: Vault, kind: str, ident: str | int, changes: dict[str, str],
                 reason: str | None) -> list[Correction]:
    """Correct several facts of one record at once (the app's one dialog): every value is
    checked first, then all are written in one transaction, each with its own history
    row and audit entry and the one reason. A field whose value does not change is
    refused only when nothing changes at all."""
    if kind not in FIELDS:
        raise UsageError(msg("privacy.corrections.kind", kind=kind))
    if not changes:
        raise UsageError(msg("privacy.corrections.nothing"))
    specs: dict[str, Spec] = {}
    for field in changes:
        spec = FIELDS[kind].get(field)
        if spec is None:
            raise UsageError(msg("privacy.corrections.field", kind=kind, field=field,
                                 fields=", ".join(FIELDS[kind])))
        vault.require(spec.permission)
        specs[field] = spec
    case, row_id, row, obj = _resolve(vault, kind, ident)
    planned: list[tuple[str, Spec, Any, Any, str]] = []
    for field, value in changes.items():
        spec = specs[field]
        why = check_reason(reason, field)
        new = spec.check(vault, case, row, value)
        old = _current(vault, spec, row_id)
        if as_text(old) != as_text(new):
            planned.append((field, spec, old, new, why))
    if not planned:
        field, value = next(iter(changes.items()))
        raise UsageError(msg("privacy.corrections.same", field=field_word(field),
                             obj=object_word(obj), value=value))
    ids = []
    with vault.transaction() as tx:
        for field, spec, old, new, why in planned:
            _write(tx, spec, row_id, new)
            ids.append(record(tx, case.id, spec.table, row_id, field, old, new, why))
            tx.audit("correct", obj, {"field": field, "old": old, "new": new, "reason": why},
                     case_ref=case.ref)
    return [read_history(vault, "id = ?", (cid,))[0] for cid in ids]


def _write(tx: Transaction, spec: Spec, row_id: int, new: Any) -> None:
    if spec.column.startswith("stated."):
        stated = json.loads(tx.execute("SELECT stated FROM evidence_items WHERE id = ?",
                                       (row_id,)).fetchone()[0])
        stated[spec.column.split(".", 1)[1]] = new
        tx.execute("UPDATE evidence_items SET stated = ? WHERE id = ?",
                   (json.dumps(stated, ensure_ascii=False), row_id))
        return
    extra = spec.companions(new) if spec.companions is not None and new is not None else {}
    sets = ", ".join(f"{column} = ?" for column in (spec.column, *extra))
    tx.execute(f"UPDATE {spec.table} SET {sets} WHERE rowid = ?",
               (new, *extra.values(), row_id))
    if spec.table in ("cases", "accounts"):
        tx.execute(f"UPDATE {spec.table} SET updated_at = ? WHERE rowid = ?",
                   (now_iso(), row_id))


def history(vault: Vault, kind: str, ident: str | int) -> list[Correction]:
    """The corrections of one person, case or evidence item (a case: all in the case)."""
    vault.require("case.read")
    if kind not in FIELDS:
        raise UsageError(msg("privacy.corrections.kind", kind=kind))
    case, row_id, _row, _obj = _resolve(vault, kind, ident)
    if kind == "case":
        return read_history(vault, "case_id = ?", (case.id,))
    table = {"person": "people", "evidence": "evidence_items", "account": "accounts"}[kind]
    return read_history(vault, "table_name = ? AND row_id = ?", (table, row_id))
