"""Record ids are never handed out twice (issue #14: custody that cannot mix up records).

SQLite gives a plain ``INTEGER PRIMARY KEY`` the highest id + 1, so after a retention
purge removed the newest records, a new evidence item or person got a purged record's id
and its custody log or access export listed the purged record's audit events too.

Every table with an ``id INTEGER PRIMARY KEY`` is rebuilt with ``AUTOINCREMENT`` (SQLite
then never reuses an id, even of a deleted row), keeping its rows, indexes and triggers
exactly as they were (the triggers' text is what ``verify`` compares). The sequence of
each table starts above the highest id any audit entry names (``evidence 17``,
``person 4``, ...), so ids purged before this migration are not handed out again either.

The rebuild copies each table aside, drops it, creates it again with the same definition
plus ``AUTOINCREMENT``, copies the rows back and recreates its indexes and triggers; it
runs with foreign key enforcement off (as SQLite's documentation prescribes for a table
rebuild) and checks every foreign key before it commits.
"""

from __future__ import annotations

import re

from cybercase.vault.db import Connection

FOREIGN_KEYS_OFF = True

_ID = re.compile(r"(\bid\s+INTEGER\s+PRIMARY\s+KEY)\b(?!\s+AUTOINCREMENT)", re.I)

# the audit object's prefix for the tables whose ids audit entries name
AUDIT_PREFIX = {
    "people": "person",
    "evidence_items": "evidence",
    "accounts": "account",
    "agreements": "agreement",
    "due_items": "due",
    "referrals": "referral",
    "police_reports": "police",
    "minor_sexual_reports": "minor report",
    "sg_meetings": "meeting",
    "informed": "informed",
    "protocols": "protocol",
}


def _highest_named(conn: Connection, prefix: str) -> int:
    row = conn.execute(
        "SELECT max(CAST(substr(object, ?) AS INTEGER)) FROM audit"
        " WHERE object GLOB ? || ' [0-9]*'",
        (len(prefix) + 2, prefix),
    ).fetchone()
    return int(row[0] or 0)


def rebuild(conn: Connection, table: str, sql: str) -> None:
    """Rebuild one table with AUTOINCREMENT on its id, keeping rows, indexes, triggers."""
    extras = [
        s for (s,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
            " AND sql IS NOT NULL ORDER BY type, name", (table,)
        )
    ]
    aside = f"_m0008_{table}"
    conn.execute(f'CREATE TABLE "{aside}" AS SELECT * FROM "{table}"')
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(_ID.sub(r"\1 AUTOINCREMENT", sql, count=1))
    conn.execute(f'INSERT INTO "{table}" SELECT * FROM "{aside}"')
    conn.execute(f'DROP TABLE "{aside}"')
    for statement in extras:
        conn.execute(statement)
    highest = _highest_named(conn, AUDIT_PREFIX[table]) if table in AUDIT_PREFIX else 0
    current = conn.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]
    conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
    conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)",
                 (table, max(int(current), highest)))


def tables_to_rebuild(conn: Connection) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    # a virtual table's own storage tables (name_data, ...) belong to its module
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [
        (name, sql) for name, sql in rows
        if sql and _ID.search(sql) and not sql.upper().startswith("CREATE VIRTUAL")
        and not any(name.startswith(v + "_") for v in virtual)
    ]


def apply(conn: Connection) -> None:
    for table, sql in tables_to_rebuild(conn):
        rebuild(conn, table, sql)
