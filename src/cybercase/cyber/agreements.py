"""Parent smartphone agreements (checklist item 18): per pupil, with the parents.

The points come from an editable template (``assets/agreements/default.toml``, or a copy
the school edited) and are copied into the agreement, so a later edit of the template does
not change an agreement already made. While a ``draft``, points may be added or removed;
once ``agreed`` (signed) the points are fixed. Reviews are appended (never changed); the
next review date appears in the agenda until the agreement has ``ended``.

Status: draft -> agreed -> reviewed (after each review) -> ended.

:func:`write_pdf` prints a Dutch A4 form to sign: school, the pupil's first name, the
parents, the points with checkboxes, the dates and signature lines.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cybercase.cases.cases import Case, get_case, require_open
from cybercase.cases.people import get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import Msg, msg
from cybercase.core.paths import assets
from cybercase.core.text import check_long_text, check_text
from cybercase.core.timeutil import local_today, now_iso, parse_date
from cybercase.cyber.common import case_of_row
from cybercase.vault import Vault
from cybercase.vault.db import named

STATUSES = ("draft", "agreed", "reviewed", "ended")
MAX_POINT = 500
MAX_TEMPLATE_TEXT = 4000
# the statuses and person kinds inside sentences (English: the codes)
STATUS_WORD = {"draft": msg("cyber.agreements.status_word.draft"),
               "agreed": msg("cyber.agreements.status_word.agreed"),
               "reviewed": msg("cyber.agreements.status_word.reviewed"),
               "ended": msg("cyber.agreements.status_word.ended")}
KIND_WORD = {"pupil": msg("cyber.agreements.kind_word.pupil"),
             "parent": msg("cyber.agreements.kind_word.parent"),
             "staff": msg("cyber.agreements.kind_word.staff")}
POINT_EDIT = msg("cyber.agreements.point_edit")  # the CLI's `agreement point` without options
REVIEW_DATE = msg("cyber.agreements.field.review_date")


def _word(words: dict[str, Msg], code: str) -> str:
    """The Msg of a status or kind (its code in English), or the code if unknown."""
    return words.get(code, code)

@dataclass(frozen=True)
class Point:
    key: str | None
    nl: str
    en: str | None


@dataclass(frozen=True)
class Template:
    id: str
    version: str
    sha256: str
    title_nl: str
    title_en: str
    intro_nl: str
    intro_en: str
    points: tuple[Point, ...]

    def label(self) -> str:
        return f"{self.id} {self.version} sha256:{self.sha256[:16]}"


def _template_error(name: str, detail: str) -> UsageError:
    return UsageError(msg("cyber.agreements.template_field", name=name, detail=detail))


def _text(doc: dict[str, Any], key: str, name: str, where: str = "",
          required: bool = True) -> str:
    value = doc.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise _template_error(name, msg("cyber.agreements.tpl_empty", where=where, field=key))
    if len(value) > MAX_TEMPLATE_TEXT:
        raise _template_error(name, msg("cyber.agreements.tpl_long", where=where, field=key,
                                        limit=MAX_TEMPLATE_TEXT))
    return " ".join(value.split())


def parse_template(text: str, name: str) -> Template:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(msg("cyber.agreements.template_toml", name=name, error=exc)) from None
    points_raw = doc.get("points")
    if not isinstance(points_raw, list) or not points_raw:
        raise _template_error(name, msg("cyber.agreements.tpl_no_points", table="[[points]]"))
    points: list[Point] = []
    seen: set[str] = set()
    for i, raw in enumerate(points_raw, 1):
        where = msg("cyber.agreements.tpl_point", n=i)
        if not isinstance(raw, dict):
            raise _template_error(name, msg("cyber.agreements.tpl_not_table", where=where))
        key = _text(raw, "key", name, where)
        if key in seen:
            raise _template_error(name, msg("cyber.agreements.tpl_twice", where=where, value=key))
        seen.add(key)
        nl = _text(raw, "nl", name, where)
        if len(nl) > MAX_POINT:
            raise _template_error(name, msg("cyber.agreements.tpl_long", where=where, field="nl",
                                            limit=MAX_POINT))
        points.append(Point(key, nl, _text(raw, "en", name, where, required=False) or None))
    return Template(
        id=_text(doc, "id", name), version=_text(doc, "version", name),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title_nl=_text(doc, "title_nl", name), title_en=_text(doc, "title_en", name),
        intro_nl=_text(doc, "intro_nl", name, required=False),
        intro_en=_text(doc, "intro_en", name, required=False), points=tuple(points),
    )


def default_text() -> str:
    return assets().joinpath("agreements", "default.toml").read_text(encoding="utf-8")


def load_template(path: Path | None = None) -> Template:
    """The school's template file, or the default shipped in assets/."""
    if path is None:
        return parse_template(default_text(), "default.toml")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(msg("cyber.agreements.template_read", name=path, error=exc)) from None
    return parse_template(text, str(path))


@dataclass
class Agreement:
    id: int
    case: str
    pupil_id: int
    parents: str
    status: str
    template: str
    title_nl: str
    intro_nl: str | None
    agreed_on: str | None
    review_on: str | None
    ended_on: str | None
    created_at: str
    created_by: str
    updated_at: str
    pupil: str = ""
    pupil_group: str | None = None
    points: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "case": self.case, "pupil_id": self.pupil_id, "pupil": self.pupil,
            "parents": self.parents, "status": self.status, "template": self.template,
            "title_nl": self.title_nl,
            "agreed_on": self.agreed_on,
            "review_on": self.review_on if self.status != "ended" else None,
            "ended_on": self.ended_on, "points": self.points, "reviews": self.reviews,
            "created_at": self.created_at, "created_by": self.created_by,
            "updated_at": self.updated_at,
        }


_COLS = (
    'a.id, c.ref AS "case",'
    " a.pupil_id, a.parents, a.status, a.template, a.title_nl, a.intro_nl,"
    " a.agreed_on, a.review_on,"
    " a.ended_on, a.created_at, a.created_by, a.updated_at"
)


def _load(vault: Vault, rows: Iterable[dict[str, Any]]) -> list[Agreement]:
    out = []
    for r in rows:
        agr = Agreement(**r)
        pupil = get_person(vault, agr.pupil_id)
        agr.pupil, agr.pupil_group = pupil.name, pupil.group
        agr.points = [{"n": n, "key": k, "nl": nl, "en": en} for n, k, nl, en in
                      vault.conn.execute(
                          "SELECT n, point_key, text_nl, text_en FROM agreement_points"
                          " WHERE agreement_id = ? ORDER BY n", (agr.id,))]
        agr.reviews = [{"id": i, "reviewed_on": d, "outcome": o, "next_review_on": x,
                        "at": at, "by": by} for i, d, o, x, at, by in vault.conn.execute(
            "SELECT id, reviewed_on, outcome, next_review_on, at, by FROM agreement_reviews"
            " WHERE agreement_id = ? ORDER BY id", (agr.id,))]
        out.append(agr)
    return out


def get_agreement(vault: Vault, agreement_id: int) -> Agreement:
    vault.require("case.read")
    case_of_row(vault, "agreements", agreement_id, "agreement")
    return _load(vault, named(vault.conn.execute(
        f"SELECT {_COLS} FROM agreements a JOIN cases c ON c.id = a.case_id WHERE a.id = ?",
        (agreement_id,))))[0]


def list_agreements(vault: Vault, ref: str) -> list[Agreement]:
    vault.require("case.read")
    case = get_case(vault, ref)
    return _load(vault, named(vault.conn.execute(
        f"SELECT {_COLS} FROM agreements a JOIN cases c ON c.id = a.case_id"
        " WHERE a.case_id = ? ORDER BY a.id", (case.id,))))


def add_agreement(
    vault: Vault, ref: str, pupil_id: int, parents: str, review: str, *,
    agreed_on: str | None = None, template_file: Path | None = None,
) -> Agreement:
    """Draw up an agreement for a pupil with the template's points (``agreed`` when a date
    agreed is given, else a ``draft``)."""
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    pupil = get_person(vault, pupil_id, case)
    if pupil.kind != "pupil":
        raise UsageError(msg("cyber.agreements.not_pupil", id=pupil_id,
                             kind=_word(KIND_WORD, pupil.kind)))
    parents = check_text(parents, msg("cyber.agreements.field.parents"), 300)
    agreed = parse_date(agreed_on, msg("cyber.agreements.field.agreed")) if agreed_on else None
    if agreed is not None and agreed > local_today():
        raise UsageError(msg("cyber.agreements.agreed_future", day=agreed))
    review_day = parse_date(review, REVIEW_DATE)
    base = agreed or local_today()
    if review_day <= base:
        raise UsageError(msg("cyber.agreements.review_before", review=review_day, base=base))
    template = load_template(template_file)
    row = vault.conn.execute(
        "SELECT id, status FROM agreements WHERE pupil_id = ? AND status != 'ended'",
        (pupil_id,)).fetchone()
    if row is not None:
        raise UsageError(msg("cyber.agreements.active", pupil=pupil_id, id=row[0],
                             status=_word(STATUS_WORD, row[1])))
    status = "agreed" if agreed else "draft"
    now = now_iso()
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO agreements(case_id, pupil_id, parents, status, template, title_nl,"
            " intro_nl, agreed_on, review_on, created_at, created_by, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (case.id, pupil_id, parents, status, template.label(), template.title_nl,
             template.intro_nl or None,
             agreed.isoformat() if agreed else None, review_day.isoformat(), now,
             vault.actor, now),
        )
        aid = int(cur.lastrowid)
        for n, point in enumerate(template.points, 1):
            tx.execute("INSERT INTO agreement_points(agreement_id, n, point_key, text_nl,"
                       " text_en) VALUES (?,?,?,?,?)", (aid, n, point.key, point.nl, point.en))
        tx.audit("agreement.add", f"agreement {aid}", {
            "pupil": pupil_id, "parents": parents, "status": status,
            "template": template.label(), "agreed_on": agreed and agreed.isoformat(),
            "review_on": review_day.isoformat(),
            "points": [p.key for p in template.points]}, case_ref=ref)
    return get_agreement(vault, aid)


def _open(vault: Vault, agreement_id: int) -> tuple[Case, Agreement]:
    vault.require("case.write")
    case = case_of_row(vault, "agreements", agreement_id, "agreement")
    require_open(case)
    return case, get_agreement(vault, agreement_id)


def add_point(vault: Vault, agreement_id: int, text_nl: str,
              text_en: str | None = None) -> Agreement:
    """Add a point of the school's own to a draft."""
    case, agr = _open(vault, agreement_id)
    if agr.status != "draft":
        raise UsageError(msg("cyber.agreements.fixed", id=agreement_id,
                             status=_word(STATUS_WORD, agr.status)))
    text_nl = check_text(text_nl, msg("cyber.agreements.field.point"), MAX_POINT)
    text_en = check_text(text_en, msg("cyber.agreements.field.point_en"), MAX_POINT) \
        if text_en else None
    n = max((p["n"] for p in agr.points), default=0) + 1
    with vault.transaction() as tx:
        tx.execute("INSERT INTO agreement_points(agreement_id, n, point_key, text_nl, text_en)"
                   " VALUES (?,?,NULL,?,?)", (agreement_id, n, text_nl, text_en))
        tx.execute("UPDATE agreements SET updated_at = ? WHERE id = ?", (now_iso(),
                                                                           agreement_id))
        tx.audit("agreement.point_add", f"agreement {agreement_id}",
                 {"n": n, "nl": text_nl, "en": text_en}, case_ref=case.ref)
    return get_agreement(vault, agreement_id)


def remove_point(vault: Vault, agreement_id: int, n: int) -> Agreement:
    """Remove point ``n`` from a draft (the points after it move up)."""
    case, agr = _open(vault, agreement_id)
    if agr.status != "draft":
        raise UsageError(msg("cyber.agreements.fixed", id=agreement_id,
                             status=_word(STATUS_WORD, agr.status)))
    point = next((p for p in agr.points if p["n"] == n), None)
    if point is None:
        raise UsageError(msg("cyber.agreements.no_point", id=agreement_id, n=n))
    with vault.transaction() as tx:
        tx.execute("DELETE FROM agreement_points WHERE agreement_id = ? AND n = ?",
                   (agreement_id, n))
        for later in sorted(p["n"] for p in agr.points if p["n"] > n):
            tx.execute("UPDATE agreement_points SET n = ? WHERE agreement_id = ? AND n = ?",
                       (later - 1, agreement_id, later))
        tx.execute("UPDATE agreements SET updated_at = ? WHERE id = ?", (now_iso(),
                                                                           agreement_id))
        tx.audit("agreement.point_remove", f"agreement {agreement_id}",
                 {"n": n, "key": point["key"], "nl": point["nl"]}, case_ref=case.ref)
    return get_agreement(vault, agreement_id)


_ALLOWED = {"agreed": ("draft",), "ended": ("draft", "agreed", "reviewed")}


def set_status(vault: Vault, agreement_id: int, status: str,
               on: str | None = None) -> Agreement:
    """Mark a draft ``agreed`` (signed, on ``on`` or today) or end an agreement."""
    if status not in STATUSES:
        raise UsageError(msg("cyber.agreements.status", value=status,
                             choices=", ".join(STATUSES)))
    if status not in _ALLOWED:
        raise UsageError(msg("cyber.agreements.set_status", id=agreement_id))
    case, agr = _open(vault, agreement_id)
    if agr.status not in _ALLOWED[status]:
        raise UsageError(msg("cyber.agreements.transition", id=agreement_id,
                             now=_word(STATUS_WORD, agr.status),
                             new=_word(STATUS_WORD, status)))
    day = parse_date(on, msg("cyber.agreements.field.date")) if on else local_today()
    if day > local_today():
        raise UsageError(msg("cyber.agreements.agreed_future", day=day))
    changes: dict[str, Any] = {"status": status}
    if status == "agreed":
        if not agr.points:
            raise UsageError(msg("cyber.agreements.no_points", id=agreement_id))
        if agr.review_on and date.fromisoformat(agr.review_on) <= day:
            raise UsageError(msg("cyber.agreements.review_before", review=agr.review_on,
                                 base=day))
        changes["agreed_on"] = day.isoformat()
    else:
        changes["ended_on"] = day.isoformat()
    with vault.transaction() as tx:
        sets = ", ".join(f"{k} = ?" for k in changes)
        tx.execute(f"UPDATE agreements SET {sets}, updated_at = ? WHERE id = ?",
                   (*changes.values(), now_iso(), agreement_id))
        tx.audit("agreement.status", f"agreement {agreement_id}", changes, case_ref=case.ref)
    return get_agreement(vault, agreement_id)


def review(
    vault: Vault, agreement_id: int, reviewed_on: str, outcome: str, *,
    next_review: str | None = None, end: bool = False,
) -> Agreement:
    """Append a review outcome; set the next review date, or end the agreement."""
    case, agr = _open(vault, agreement_id)
    if agr.status not in ("agreed", "reviewed"):
        raise UsageError(msg("cyber.agreements.not_running", id=agreement_id,
                             status=_word(STATUS_WORD, agr.status)))
    day = parse_date(reviewed_on, REVIEW_DATE)
    if day > local_today():
        raise UsageError(msg("cyber.agreements.review_future", day=day))
    outcome = check_long_text(outcome, msg("cyber.agreements.field.outcome"), 3000)
    nxt = parse_date(next_review, msg("cyber.agreements.field.next_review")) \
        if next_review and not end else None
    if nxt is not None and nxt <= day:
        raise UsageError(msg("cyber.agreements.next_before", next=nxt, day=day))
    status = "ended" if end else "reviewed"
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO agreement_reviews(agreement_id, reviewed_on, outcome, next_review_on,"
            " at, by) VALUES (?,?,?,?,?,?)",
            (agreement_id, day.isoformat(), outcome, nxt.isoformat() if nxt else None,
             now_iso(), vault.actor),
        )
        tx.execute(
            "UPDATE agreements SET status = ?, review_on = ?, ended_on = ?, updated_at = ?"
            " WHERE id = ?",
            (status, nxt.isoformat() if nxt else None,
             day.isoformat() if end else None, now_iso(), agreement_id),
        )
        tx.audit("agreement.review", f"agreement {agreement_id}", {
            "review": int(cur.lastrowid), "reviewed_on": day.isoformat(), "outcome": outcome,
            "next_review_on": nxt and nxt.isoformat(), "status": status}, case_ref=case.ref)
    return get_agreement(vault, agreement_id)


# --- the printable form --------------------------------------------------------------------
