"""Numbered, transactional schema migrations, recorded in the database.

A migration is a module here named ``mNNNN_<name>.py`` with a ``SQL`` string (statements
separated by semicolons; triggers allowed) and optionally ``def apply(conn)`` for work SQL
cannot express. Each runs in its own transaction together with its row in
``schema_migrations``; a failure rolls it back whole. Numbers never change once released.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from cybercase.core.errors import VaultCorrupt
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.vault.db import Connection, split_script

_NAME = re.compile(r"^m(\d{4})_(\w+)$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    statements: tuple[str, ...]
    apply: Callable[[Connection], None] | None
    # a table rebuild: foreign keys are not enforced while it runs, checked before COMMIT
    foreign_keys_off: bool = False


def _load(module: ModuleType, number: int, name: str) -> Migration:
    sql = getattr(module, "SQL", "")
    return Migration(number, name, tuple(split_script(sql)), getattr(module, "apply", None),
                     bool(getattr(module, "FOREIGN_KEYS_OFF", False)))


def all_migrations() -> list[Migration]:
    found: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if not match:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(_load(module, int(match.group(1)), match.group(2)))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return found


def latest() -> int:
    migrations = all_migrations()
    return migrations[-1].number if migrations else 0


def applied(conn: Connection) -> list[int]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [r[0] for r in conn.execute("SELECT number FROM schema_migrations ORDER BY number")]


def check_not_newer(conn: Connection) -> None:
    done = applied(conn)
    if done and done[-1] > latest():
        raise VaultCorrupt(msg("vault.schema_newer", schema=done[-1], known=latest()))


def pending(conn: Connection) -> list[Migration]:
    done = set(applied(conn))
    return [m for m in all_migrations() if m.number not in done]


def migrate(conn: Connection) -> list[int]:
    """Apply every pending migration, each in its own transaction. Returns their numbers."""
    check_not_newer(conn)
    ran: list[int] = []
    for migration in pending(conn):
        if migration.foreign_keys_off:
            conn.execute("PRAGMA foreign_keys = OFF")  # (a no-op inside a transaction)
        try:
            _run(conn, migration)
        finally:
            if migration.foreign_keys_off:
                conn.execute("PRAGMA foreign_keys = ON")
        ran.append(migration.number)
    return ran


def _run(conn: Connection, migration: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in migration.statements:
            conn.execute(statement)
        if migration.apply is not None:
            migration.apply(conn)
        if migration.foreign_keys_off and conn.execute("PRAGMA foreign_key_check").fetchone():
            raise VaultCorrupt(msg("vault.db_unopenable", name="vault.db",
                                   error=f"migration {migration.number}: foreign keys"))
        conn.execute(
            "INSERT INTO schema_migrations(number, name, applied_at) VALUES (?,?,?)",
            (migration.number, migration.name, now_iso()),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


_CREATE_TRIGGER = re.compile(r"^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.I)
_DROP_TRIGGER = re.compile(r"^DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?(\w+)", re.I)


def _normal(sql: str) -> str:
    """A statement without leading comment lines, its final ';' and extra whitespace."""
    lines = sql.strip().splitlines()
    while lines and lines[0].lstrip().startswith("--"):
        lines.pop(0)
    return " ".join("\n".join(lines).strip().rstrip(";").split())


def trigger_problems(conn: Connection) -> list[str]:
    """Triggers the applied migrations created (the append-only and never-changed rules)
    that are missing or were altered: possible only with the key and a raw connection."""
    done = set(applied(conn))
    expected: dict[str, str] = {}
    for migration in all_migrations():
        if migration.number not in done:
            continue
        for statement in map(_normal, migration.statements):
            if created := _CREATE_TRIGGER.match(statement):
                expected[created.group(1)] = statement
            elif dropped := _DROP_TRIGGER.match(statement):
                expected.pop(dropped.group(1), None)
    found = {
        name: _normal(sql or "")
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'")
    }
    return [
        f"the database's safeguard {name!r} was {'changed' if name in found else 'removed'} "
        "outside cybercase: someone edited the database with its key; compare with a backup"
        for name, sql in expected.items()
        if found.get(name) != sql
    ]
