"""The schema walk of a purge: every row that belongs to a case, found through the
database's own foreign keys (so a table added by a later migration is purged too).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

CHUNK = 400
# tables a purge never touches
KEEP = frozenset({
    "schema_migrations", "meta", "users", "slot_keys", "audit", "audit_details",
    "deletion_receipts",
})
# Content stores: a row is removed once no remaining row uses it; its parts go with it.
CONTENT_TABLES: dict[str, frozenset[str]] = {"blobs": frozenset({"blob_chunks"})}


@dataclass
class Fk:
    child: str
    child_cols: tuple[str, ...]
    parent: str
    parent_cols: tuple[str, ...]


@dataclass
class Schema:
    tables: list[str]
    keys: dict[str, tuple[str, ...]]  # how a row is named: ("rowid",) or the primary key
    columns: dict[str, list[str]]
    fks: list[Fk]
    fts: list[tuple[str, str]]  # (name, CREATE statement)


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_schema(conn: Any) -> Schema:
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
        info = conn.execute(f"PRAGMA table_info({quoted(name)})").fetchall()
        columns[name] = [r[1] for r in info]
        pk = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
        without_rowid = "WITHOUT ROWID" in " ".join((sql or "").upper().split())
        keys[name] = pk if without_rowid else ("rowid",)
    fks: list[Fk] = []
    for name in tables:
        grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for row in conn.execute(f"PRAGMA foreign_key_list({quoted(name)})").fetchall():
            grouped[row[0]].append(row)
        for parts in grouped.values():
            parts.sort(key=lambda r: r[1])
            parent = parts[0][2]
            child_cols = tuple(r[3] for r in parts)
            parent_cols = tuple(r[4] for r in parts)
            if any(c is None for c in parent_cols):  # REFERENCES t: the primary key
                info = conn.execute(f"PRAGMA table_info({quoted(parent)})").fetchall()
                parent_cols = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
            fks.append(Fk(name, child_cols, parent, parent_cols))
    fts = [(n, s) for n, s in virtual if " USING FTS" in " ".join(s.upper().split())]
    return Schema(tables, keys, columns, fks, fts)


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def match_keys(cols: Sequence[str], n: int) -> str:
    """``col IN (?,?)`` or ``(a,b) IN (VALUES (?,?),(?,?))`` for n values."""
    if len(cols) == 1:
        return f"{quoted(cols[0])} IN ({','.join('?' * n)})"
    one = "(" + ",".join("?" * len(cols)) + ")"
    return f"({','.join(quoted(c) for c in cols)}) IN (VALUES {','.join([one] * n)})"


def flat(values: Sequence[tuple[Any, ...]]) -> list[Any]:
    return [v for tup in values for v in tup]


class Walk:
    """Collects the rows to remove, table by table, as key tuples."""

    def __init__(self, conn: Any, schema: Schema) -> None:
        self.conn = conn
        self.schema = schema
        self.marked: dict[str, set[tuple[Any, ...]]] = defaultdict(set)

    def _keysel(self, table: str) -> str:
        return ", ".join(quoted(k) if k != "rowid" else "rowid" for k in self.schema.keys[table])

    def add_where(self, table: str, where: str, args: Sequence[Any]) -> bool:
        rows = self.conn.execute(
            f"SELECT {self._keysel(table)} FROM {quoted(table)} WHERE {where}", list(args)
        ).fetchall()
        new = {tuple(r) for r in rows} - self.marked[table]
        self.marked[table] |= new
        return bool(new)

    def values_of(self, table: str, cols: Sequence[str]) -> list[tuple[Any, ...]]:
        """The values of ``cols`` in the marked rows of ``table``."""
        keys = sorted(self.marked.get(table, ()), key=repr)
        out: list[tuple[Any, ...]] = []
        key_cols = self.schema.keys[table]
        for part in chunks(keys):
            where = match_keys(key_cols, len(part))
            out.extend(tuple(r) for r in self.conn.execute(
                f"SELECT {', '.join(quoted(c) for c in cols)} FROM {quoted(table)} WHERE {where}",
                flat(part)))
        return [v for v in set(out) if all(x is not None for x in v)]

    def add_referencing(self, fk: Fk, values: list[tuple[Any, ...]]) -> bool:
        changed = False
        for part in chunks(values):
            changed |= self.add_where(fk.child, match_keys(fk.child_cols, len(part)), flat(part))
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
                for part in chunks(values):
                    rows = self.conn.execute(
                        f"SELECT {self._keysel(fk.child)}, "
                        f"{', '.join(quoted(c) for c in fk.child_cols)} FROM {quoted(fk.child)}"
                        f" WHERE {match_keys(fk.child_cols, len(part))}", flat(part)).fetchall()
                    nkey = len(self.schema.keys[fk.child])
                    for row in rows:
                        if tuple(row[:nkey]) not in self.marked[fk.child]:
                            candidates.discard(tuple(row[nkey:]))
            if candidates:
                target = next(fk.parent_cols for fk in users)
                changed |= self.add_referencing(
                    Fk(content, target, content, target), sorted(candidates, key=repr))
        return changed
