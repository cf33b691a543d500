"""Cases: references a school can say aloud (``2026-014``), title, group, phase, status."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from cybercase.errors import NotFound, UsageError
from cybercase.timeutil import AMSTERDAM, now_iso, now_utc
from cybercase.vault import Vault

MAX_TITLE = 200


@dataclass
class Case:
    id: int
    ref: str
    title: str
    group: str | None
    phase: int
    status: str
    outcome: str | None
    created_at: str
    created_by: str
    updated_at: str
    closed_at: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = (
    "id, ref, title, group_name, phase, status, outcome, created_at, created_by,"
    " updated_at, closed_at"
)


def check_phase(phase: int) -> int:
    if not 1 <= phase <= 6:
        raise UsageError(f"phase {phase} does not exist: the protocol has phases 1 to 6")
    return phase


def check_text(value: str, what: str, limit: int = MAX_TITLE, required: bool = True) -> str:
    cleaned = value.strip()
    if required and not cleaned:
        raise UsageError(f"the {what} is empty: give a short {what}")
    if len(cleaned) > limit:
        raise UsageError(f"the {what} is too long ({len(cleaned)} characters, at most {limit})")
    if any(ord(ch) < 32 and ch not in "\t" for ch in cleaned):
        raise UsageError(f"the {what} contains control characters: type it on one line")
    return cleaned


def next_ref(vault: Vault) -> str:
    year = now_utc().astimezone(AMSTERDAM).year
    rows = vault.conn.execute(
        "SELECT ref FROM cases WHERE ref LIKE ?", (f"{year}-%",)
    ).fetchall()
    numbers = [int(r[0].split("-", 1)[1]) for r in rows if r[0].split("-", 1)[1].isdigit()]
    return f"{year}-{max(numbers, default=0) + 1:03d}"


def create_case(vault: Vault, title: str, group: str | None = None, phase: int = 1) -> Case:
    vault.require("case.write")
    title = check_text(title, "title")
    group = check_text(group, "group", 40, required=False) or None if group else None
    check_phase(phase)
    with vault.transaction() as tx:
        ref = next_ref(vault)
        now = now_iso()
        tx.execute(
            "INSERT INTO cases(ref, title, group_name, phase, status, created_at, created_by,"
            " updated_at) VALUES (?,?,?,?,'open',?,?,?)",
            (ref, title, group, phase, now, vault.actor, now),
        )
        tx.audit("case.create", f"case {ref}", {"title": title, "group": group,
                                                 "phase": phase}, case_ref=ref)
    return get_case(vault, ref)


def _row(row: tuple[Any, ...]) -> Case:
    return Case(*row)


def get_case(vault: Vault, ref: str) -> Case:
    vault.require("case.read")
    row = vault.conn.execute(f"SELECT {_COLUMNS} FROM cases WHERE ref = ?", (ref,)).fetchone()
    if row is None:
        raise NotFound(f"there is no case {ref!r}: see `cybercase case list`")
    return _row(row)


def list_cases(vault: Vault, status: str | None = None) -> list[Case]:
    vault.require("case.read")
    sql = f"SELECT {_COLUMNS} FROM cases"
    args: tuple[Any, ...] = ()
    if status:
        sql += " WHERE status = ?"
        args = (status,)
    sql += " ORDER BY ref"
    return [_row(r) for r in vault.conn.execute(sql, args)]
