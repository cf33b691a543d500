"""Edits that collide: refuse a save over a colleague's newer change (compare-and-swap).

Several coordinators may have one record open at once (two apps, over SSH). A form shows
a record as it was read; when it is saved, the record must still be that version, or the
colleague's change would be overwritten unseen. So a form takes a :class:`Seen` of the
record when it opens (:func:`seen`: the record's version values, e.g. ``updated_at``),
and the save runs inside :func:`unchanged`: the first :meth:`Vault.transaction` in it
(under the write lock, so nothing can slip in between) compares the stored version with
the seen one and refuses with :class:`EditConflict` (one clear line; nothing written)
when they differ. What was typed stays in the form.

Every kind of record the app edits is listed in :data:`KINDS`: how to read its version
(constant SQL) and which values of the record object the form saw.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from cybercase.core.errors import VaultBusy
from cybercase.core.i18n import msg
from cybercase.vault.db import Connection


class EditConflict(VaultBusy):
    """Someone else changed the record after the form was opened (exit 4)."""


@dataclass(frozen=True)
class Kind:
    sql: str  # the version of one record; its parameters come from ``key``
    key: Callable[[Any], tuple[Any, ...]]
    values: Callable[[Any], tuple[Any, ...]]
    absent: tuple[Any, ...] | None = None  # the version of a record with no row yet
    row: Callable[[tuple[Any, ...]], tuple[Any, ...]] = tuple  # stored form -> shown form


KINDS: dict[str, Kind] = {
    "case": Kind("SELECT updated_at FROM cases WHERE id = ?",
                 lambda c: (c.id,), lambda c: (c.updated_at,)),
    "person": Kind("SELECT name, role, sg_role, group_name, born FROM people WHERE id = ?",
                   lambda p: (p.id,), lambda p: (p.name, p.role, p.sg_role, p.group, p.born)),
    "referral": Kind("SELECT updated_at FROM referrals WHERE id = ?",
                     lambda r: (r.id,), lambda r: (r.updated_at,)),
    "police": Kind("SELECT police_reference, appointment_on, export_id, notes"
                   " FROM police_reports WHERE id = ?", lambda r: (r.id,),
                   lambda r: (r.police_reference, r.appointment_on, r.export_id, r.notes)),
    "agreement": Kind("SELECT updated_at FROM agreements WHERE id = ?",
                      lambda a: (a.id,), lambda a: (a.updated_at,)),
    "account": Kind("SELECT (SELECT COUNT(*) FROM attributions t WHERE t.account_id = a.id),"
                    " a.notes FROM accounts a WHERE a.id = ?",
                    lambda a: (a.id,), lambda a: (len(a.attributions), a.notes)),
    # a checklist entry: (case id, the entry as the checklist shows it)
    "checklist": Kind("SELECT at FROM checklist WHERE case_id = ? AND item = ?",
                      lambda e: (e[0], int(e[1]["id"])), lambda e: (e[1]["at"],),
                      absent=(None,)),
    "due": Kind("SELECT done_at FROM due_items WHERE id = ?",
                lambda d: (d,), lambda d: (None,)),
    # what was stated about an evidence item (measured facts never change) and withdrawal
    "evidence": Kind("SELECT stated, withdrawn_at IS NOT NULL FROM evidence_items"
                     " WHERE id = ?", lambda i: (i.id,),
                     lambda i: (_canonical(i.stated), i.withdrawn is not None),
                     row=lambda r: (_canonical(json.loads(r[0] or "{}")), r[1])),
}


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


@dataclass
class Seen:
    """A record's version as a form read it."""

    kind: str
    key: tuple[Any, ...]
    values: tuple[Any, ...]
    checked: bool = field(default=False, compare=False)


def seen(kind: str, record: Any) -> Seen:
    """The version of ``record`` (a Case, Person, Referral, ...) as shown now."""
    spec = KINDS[kind]
    return Seen(kind, spec.key(record), tuple(_plain(v) for v in spec.values(record)))


_expected: ContextVar[tuple[Seen, ...]] = ContextVar("cybercase_expected", default=())


@contextmanager
def unchanged(*versions: Seen | None) -> Iterator[None]:
    """Save only if these records are still as seen (checked in the first transaction)."""
    fresh = tuple(Seen(v.kind, v.key, v.values) for v in versions if v is not None)
    token = _expected.set(_expected.get() + fresh)
    try:
        yield
    finally:
        _expected.reset(token)


def check(conn: Connection, *, final: bool = True) -> None:
    """Called by :meth:`Vault.transaction` right after it began (write lock held). A form
    may also call it first (``final=False``), before the core's own checks, so that a
    collision is named as such rather than as whatever the new version makes wrong."""
    for expected in _expected.get():
        if expected.checked:
            continue
        spec = KINDS[expected.kind]
        row = conn.execute(spec.sql, expected.key).fetchone()
        what = msg(f"remote.what.{expected.kind}")
        if row is None and spec.absent is None:
            raise EditConflict(msg("remote.conflict_gone", what=what))
        now = spec.absent if row is None else tuple(_plain(v) for v in spec.row(row))
        if now != expected.values:
            raise EditConflict(msg("remote.conflict", what=what))
        expected.checked = final


def _plain(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value
