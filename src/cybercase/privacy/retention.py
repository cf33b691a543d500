"""Retention and real deletion.

A vault keeps a closed case for a retention period (default 730 days, ``retention set``);
from the day it ends the case is listed by ``retention list`` and removed by
``retention purge --yes``. A purge removes every trace of the case:

1. rows: the case, every row of every table with a ``case_id`` (or ``case_ref``) column
   for it, and every row that references a removed row, followed through the foreign
   keys of every table in ``sqlite_master`` until nothing more is found (so tables added
   by later migrations are covered without changes here);
2. evidence content: blobs (and their chunks) no longer used by any remaining item;
3. full-text entries: rows of FTS tables with a ``case_id``/``case_ref`` column, external
   content FTS tables rebuilt, every FTS index merged ('optimize') so no old segment
   keeps a deleted word;
4. the details of the case's audit entries: the chain keeps each entry's digest, so it
   still verifies, but the personal details (and the salt) are gone;
5. then the file is rebuilt (``Vault.compact``: VACUUM and a TRUNCATE checkpoint; with
   ``secure_delete`` on) so the bytes are really gone, not just unlinked.

What stays: a deletion receipt (reference, dates, counts per table, SHA-256 of each
removed evidence item, who purged and when) and the audit entries themselves (time, user,
action, object such as "case 2026-001" or "person 5": no personal data by design).
Not reachable from here: copies outside the vault (backups made before, exported
bundles, extracted files); the receipt says so.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from cybercase.core.errors import CybercaseError, PartialFailure, UsageError
from cybercase.core.timeutil import AMSTERDAM, from_iso, local_today, now_iso
from cybercase.i18n import msg
from cybercase.vault import Transaction, Vault
from cybercase.vault.db import DatabaseError

DEFAULT_DAYS = 730
MAX_DAYS = 36500
META_KEY = "retention_days"

# Tables that are never walked: the vault's own bookkeeping and the receipts.
KEEP = frozenset({
    "schema_migrations", "meta", "users", "slot_keys", "audit", "audit_details",
    "deletion_receipts",
})
# Content stores: a row is removed once no remaining row uses it; its parts go with it.
CONTENT_TABLES: dict[str, frozenset[str]] = {"blobs": frozenset({"blob_chunks"})}
CASE_COLUMNS = ("case_id", "case_ref")
OUTSIDE = msg("privacy.retention.outside")  # said with every purge and receipt
_CHUNK = 400


# --- the period ----------------------------------------------------------------------------


def retention_days(vault: Vault) -> int:
    value = vault.meta(META_KEY)
    return int(value) if value.isdigit() else DEFAULT_DAYS


def set_retention(vault: Vault, days: int | str) -> int:
    vault.require("retention")
    text = str(days).strip()
    if not text.isdigit() or int(text) > MAX_DAYS:
        raise UsageError(msg("privacy.retention.days", max=MAX_DAYS, value=str(days)))
    new = int(text)
    before = retention_days(vault)
    with vault.transaction() as tx:
        tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (META_KEY, str(new)))
        tx.audit("retention.set", "vault", {"days": new, "before": before})
    return new


def delete_after(closed_at: str | None, days: int) -> date | None:
    """The day a closed case's retention ends (local date of closing + days)."""
    if not closed_at:
        return None
    return from_iso(closed_at).astimezone(AMSTERDAM).date() + timedelta(days=days)


def case_retention(vault: Vault, closed_at: str | None) -> dict[str, Any]:
    days = retention_days(vault)
    until = delete_after(closed_at, days)
    return {"days": days, "delete_after": until.isoformat() if until else None,
            "due": until is not None and until <= local_today()}


def due_cases(vault: Vault) -> list[dict[str, Any]]:
    """Closed cases whose retention has ended (every case: purging is a vault duty)."""
    vault.require("retention")
    days = retention_days(vault)
    today = local_today()
    out = []
    for case_id, ref, created_at, closed_at in vault.conn.execute(
        "SELECT id, ref, created_at, closed_at FROM cases WHERE status = 'closed'"
        " ORDER BY closed_at, ref"
    ).fetchall():
        until = delete_after(closed_at, days)
        if until is not None and until <= today:
            out.append({"id": case_id, "ref": ref, "opened_at": created_at,
                        "closed_at": closed_at, "delete_after": until.isoformat(),
                        "days_past": (today - until).days})
    return out


# --- the schema walk -------------------------------------------------------------------------


@dataclass
class _Fk:
    child: str
    child_cols: tuple[str, ...]
    parent: str
    parent_cols: tuple[str, ...]


@dataclass
class _Schema:
    tables: list[str]
    keys: dict[str, tuple[str, ...]]  # how a row is named: ("rowid",) or the primary key
    columns: dict[str, list[str]]
    fks: list[_Fk]
    fts: list[tuple[str, str]]  # (name, CREATE statement)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema(conn: Any) -> _Schema:
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    kinds = dict(conn.execute(
        "SELECT name, type FROM pragma_table_list WHERE schema = 'main'").fetchall())
    virtual = [(n, s) for n, s in rows if kinds.get(n) == "virtual"]
    # shadow tables (an FTS index's own storage) are handled through their virtual table
    tables = [n for n, _s in rows if kinds.get(n) == "table" and n not in KEEP]
    keys: dict[str, tuple[str, ...]] = {}
    columns: dict[str, list[str]] = {}
    for name, sql in rows:
        if name not in tables:
            continue
        info = conn.execute(f"PRAGMA table_info({_q(name)})").fetchall()
        columns[name] = [r[1] for r in info]
        pk = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
        without_rowid = "WITHOUT ROWID" in " ".join((sql or "").upper().split())
        keys[name] = pk if without_rowid else ("rowid",)
    fks: list[_Fk] = []
    for name in tables:
        grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for row in conn.execute(f"PRAGMA foreign_key_list({_q(name)})").fetchall():
            grouped[row[0]].append(row)
        for parts in grouped.values():
            parts.sort(key=lambda r: r[1])
            parent = parts[0][2]
            child_cols = tuple(r[3] for r in parts)
            parent_cols = tuple(r[4] for r in parts)
            if any(c is None for c in parent_cols):  # REFERENCES t: the primary key
                info = conn.execute(f"PRAGMA table_info({_q(parent)})").fetchall()
                parent_cols = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
            fks.append(_Fk(name, child_cols, parent, parent_cols))
    fts = [(n, s) for n, s in virtual if " USING FTS" in " ".join(s.upper().split())]
    return _Schema(tables, keys, columns, fks, fts)


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i:i + _CHUNK]


def _match(cols: Sequence[str], n: int) -> str:
    """``col IN (?,?)`` or ``(a,b) IN (VALUES (?,?),(?,?))`` for n values."""
    if len(cols) == 1:
        return f"{_q(cols[0])} IN ({','.join('?' * n)})"
    one = "(" + ",".join("?" * len(cols)) + ")"
    return f"({','.join(_q(c) for c in cols)}) IN (VALUES {','.join([one] * n)})"


def _flat(values: Sequence[tuple[Any, ...]]) -> list[Any]:
    return [v for tup in values for v in tup]


class _Walk:
    """Collects the rows to remove, table by table, as key tuples."""

    def __init__(self, conn: Any, schema: _Schema) -> None:
        self.conn = conn
        self.schema = schema
        self.marked: dict[str, set[tuple[Any, ...]]] = defaultdict(set)

    def _keysel(self, table: str) -> str:
        return ", ".join(_q(k) if k != "rowid" else "rowid" for k in self.schema.keys[table])

    def add_where(self, table: str, where: str, args: Sequence[Any]) -> bool:
        rows = self.conn.execute(
            f"SELECT {self._keysel(table)} FROM {_q(table)} WHERE {where}", list(args)
        ).fetchall()
        new = {tuple(r) for r in rows} - self.marked[table]
        self.marked[table] |= new
        return bool(new)

    def values_of(self, table: str, cols: Sequence[str]) -> list[tuple[Any, ...]]:
        """The values of ``cols`` in the marked rows of ``table``."""
        keys = sorted(self.marked.get(table, ()), key=repr)
        out: list[tuple[Any, ...]] = []
        key_cols = self.schema.keys[table]
        for part in _chunks(keys):
            where = _match(key_cols, len(part))
            out.extend(tuple(r) for r in self.conn.execute(
                f"SELECT {', '.join(_q(c) for c in cols)} FROM {_q(table)} WHERE {where}",
                _flat(part)))
        return [v for v in set(out) if all(x is not None for x in v)]

    def add_referencing(self, fk: _Fk, values: list[tuple[Any, ...]]) -> bool:
        changed = False
        for part in _chunks(values):
            changed |= self.add_where(fk.child, _match(fk.child_cols, len(part)), _flat(part))
        return changed

    def follow(self) -> None:
        """Mark every row referencing a marked row, until nothing changes."""
        changed = True
        while changed:
            changed = False
            for fk in self.schema.fks:
                if fk.child not in self.schema.keys or not self.marked.get(fk.parent):
                    continue
                if fk.parent not in self.schema.keys:
                    continue
                values = self.values_of(fk.parent, fk.parent_cols)
                changed |= self.add_referencing(fk, values)

    def release_content(self) -> bool:
        """Mark content rows (blobs) that no remaining row uses any more."""
        changed = False
        for content, parts in CONTENT_TABLES.items():
            if content not in self.schema.keys:
                continue
            users = [fk for fk in self.schema.fks
                     if fk.parent == content and fk.child not in parts]
            candidates: set[tuple[Any, ...]] = set()
            for fk in users:
                if self.marked.get(fk.child):
                    candidates |= set(self.values_of(fk.child, fk.child_cols))
            for fk in users:
                values = sorted(candidates, key=repr)
                for part in _chunks(values):
                    rows = self.conn.execute(
                        f"SELECT {self._keysel(fk.child)}, "
                        f"{', '.join(_q(c) for c in fk.child_cols)} FROM {_q(fk.child)}"
                        f" WHERE {_match(fk.child_cols, len(part))}", _flat(part)).fetchall()
                    nkey = len(self.schema.keys[fk.child])
                    for row in rows:
                        if tuple(row[:nkey]) not in self.marked[fk.child]:
                            candidates.discard(tuple(row[nkey:]))
            if candidates:
                target = next(fk.parent_cols for fk in users)
                changed |= self.add_referencing(
                    _Fk(content, target, content, target), sorted(candidates, key=repr))
        return changed


# --- purging -------------------------------------------------------------------------------


@dataclass
class Receipt:
    id: int
    reference: str
    opened_at: str
    closed_at: str | None
    delete_after: str | None
    retention_days: int | None
    purged_at: str
    purged_by: str
    counts: dict[str, int]
    evidence: list[dict[str, Any]]
    audit_details_erased: int
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "reference": self.reference, "opened_at": self.opened_at,
            "closed_at": self.closed_at, "delete_after": self.delete_after,
            "retention_days": self.retention_days, "purged_at": self.purged_at,
            "purged_by": self.purged_by, "counts": self.counts, "evidence": self.evidence,
            "audit_details_erased": self.audit_details_erased, "notes": self.notes,
        }


def _purge_one(tx: Transaction, case: dict[str, Any], days: int) -> Receipt:
    conn = tx.conn
    schema = _schema(conn)
    walk = _Walk(conn, schema)
    walk.add_where("cases", "id = ?", (case["id"],))
    for table in schema.tables:
        cols = schema.columns[table]
        if "case_id" in cols:
            walk.add_where(table, "case_id = ?", (case["id"],))
        if "case_ref" in cols:
            walk.add_where(table, "case_ref = ?", (case["ref"],))
    walk.follow()
    while walk.release_content():
        walk.follow()

    evidence: list[dict[str, Any]] = []
    if walk.marked.get("evidence_items"):
        items = sorted(walk.marked["evidence_items"], key=repr)
        for part in _chunks(items):
            evidence.extend(
                {"id": i, "sha256": s, "size": z} for i, s, z in conn.execute(
                    "SELECT id, sha256, size FROM evidence_items WHERE"
                    f" rowid IN ({','.join('?' * len(part))}) ORDER BY id", _flat(part)))
        evidence.sort(key=lambda e: e["id"])

    before = {tuple(r) for r in conn.execute("PRAGMA foreign_key_check").fetchall()}
    conn.execute("PRAGMA defer_foreign_keys = ON")
    counts: dict[str, int] = {}
    for table, keys in walk.marked.items():
        if not keys:
            continue
        key_cols = schema.keys[table]
        for part in _chunks(sorted(keys, key=repr)):
            conn.execute(f"DELETE FROM {_q(table)} WHERE {_match(key_cols, len(part))}",
                         _flat(part))
        counts[table] = len(keys)
    counts.update(_purge_fts(conn, schema, case))
    after = {tuple(r) for r in conn.execute("PRAGMA foreign_key_check").fetchall()}
    if after - before:
        where = ", ".join(sorted({str(r[0]) for r in after - before}))
        raise PartialFailure(msg("privacy.retention.fk", ref=case["ref"], where=where))

    erased = conn.execute(
        "SELECT count(*) FROM audit_details WHERE seq IN"
        " (SELECT seq FROM audit WHERE case_ref = ?)", (case["ref"],)).fetchone()[0]
    conn.execute("DELETE FROM audit_details WHERE seq IN"
                 " (SELECT seq FROM audit WHERE case_ref = ?)", (case["ref"],))
    now = now_iso()
    counts = dict(sorted(counts.items()))
    cur = conn.execute(
        "INSERT INTO deletion_receipts(reference, opened_at, closed_at, delete_after,"
        " retention_days, purged_at, purged_by, counts, evidence, audit_details_erased)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (case["ref"], case["opened_at"], case["closed_at"], case["delete_after"], days, now,
         tx.vault.actor, json.dumps(counts), json.dumps(evidence), erased))
    receipt_id = int(cur.lastrowid)
    # no personal data here: the reference, counts and the receipt number
    tx.audit("retention.purge", f"case {case['ref']}",
             {"receipt": receipt_id, "counts": counts, "evidence_items": len(evidence),
              "audit_details_erased": erased}, case_ref=case["ref"])
    return Receipt(receipt_id, case["ref"], case["opened_at"], case["closed_at"],
                   case["delete_after"], days, now, tx.vault.actor, counts, evidence, erased,
                   [OUTSIDE])


def _purge_fts(conn: Any, schema: _Schema, case: dict[str, Any]) -> dict[str, int]:
    """Full-text entries: own case column deleted; external content rebuilt; all merged."""
    counts: dict[str, int] = {}
    for name, sql in schema.fts:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({_q(name)})").fetchall()]
        flat = "".join(sql.split()).lower()
        external = "content=" in flat and "content=''" not in flat and 'content=""' not in flat
        if external:  # indexes another table's rows, which are gone now: index it anew
            conn.execute(f"INSERT INTO {_q(name)}({_q(name)}) VALUES ('rebuild')")
        else:
            removed = 0
            for col, value in (("case_id", case["id"]), ("case_ref", case["ref"])):
                if col in cols:
                    removed += conn.execute(
                        f"DELETE FROM {_q(name)} WHERE {_q(col)} = ?", (value,)).rowcount
            if removed:
                counts[name] = removed
        conn.execute(f"INSERT INTO {_q(name)}({_q(name)}) VALUES ('optimize')")
    return counts


@dataclass
class PurgeResult:
    receipts: list[Receipt]
    compacted: bool

    def to_json(self) -> dict[str, Any]:
        return {"purged": [r.to_json() for r in self.receipts], "compacted": self.compacted}


def purge(vault: Vault, yes: bool) -> PurgeResult:
    """Remove every case past its retention; without ``yes`` say what would go (exit 2)."""
    vault.require("retention")
    due = due_cases(vault)
    if not due:
        return PurgeResult([], True)
    if not yes:
        raise UsageError(msg("privacy.retention.confirm", n=len(due),
                             refs=", ".join(c["ref"] for c in due)))
    days = retention_days(vault)
    receipts: list[Receipt] = []
    failed: str | None = None
    for case in due:
        try:
            with vault.transaction() as tx:
                receipts.append(_purge_one(tx, case, days))
        except (DatabaseError, PartialFailure) as exc:
            # the core's own message follows the language; SQLite's detail stays as it is
            error = exc.message if isinstance(exc, CybercaseError) else str(exc)
            failed = msg("privacy.retention.stopped", ref=case["ref"], error=error)
            break
    compacted = vault.compact() if receipts else True
    if failed is not None:
        raise PartialFailure(msg("privacy.retention.partial", done=len(receipts), n=len(due),
                                 failed=failed))
    return PurgeResult(receipts, compacted)


def receipts(vault: Vault) -> list[Receipt]:
    vault.require("retention")
    return [
        Receipt(i, ref, o, c, d, days, at, by, json.loads(counts), json.loads(ev), erased,
                [OUTSIDE])
        for i, ref, o, c, d, days, at, by, counts, ev, erased in vault.conn.execute(
            "SELECT id, reference, opened_at, closed_at, delete_after, retention_days,"
            " purged_at, purged_by, counts, evidence, audit_details_erased"
            " FROM deletion_receipts ORDER BY id")
    ]
