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
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from cybercase.core.errors import CybercaseError, PartialFailure, UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import AMSTERDAM, from_iso, local_today, now_iso
from cybercase.privacy.schemawalk import KEEP as KEEP
from cybercase.privacy.schemawalk import Schema, Walk, chunks, flat, match_keys, quoted, read_schema
from cybercase.vault import Transaction, Vault
from cybercase.vault.db import DatabaseError

DEFAULT_DAYS = 730
MAX_DAYS = 36500
META_KEY = "retention_days"

# Tables that are never walked: the vault's own bookkeeping and the receipts.
CASE_COLUMNS = ("case_id", "case_ref")
OUTSIDE = msg("privacy.retention.outside")  # said with every purge and receipt


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
    schema = read_schema(conn)
    walk = Walk(conn, schema)
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
        for part in chunks(items):
            evidence.extend(
                {"id": i, "sha256": s, "size": z} for i, s, z in conn.execute(
                    "SELECT id, sha256, size FROM evidence_items WHERE"
                    f" rowid IN ({','.join('?' * len(part))}) ORDER BY id", flat(part)))
        evidence.sort(key=lambda e: e["id"])

    before = {tuple(r) for r in conn.execute("PRAGMA foreign_key_check").fetchall()}
    conn.execute("PRAGMA defer_foreign_keys = ON")
    counts: dict[str, int] = {}
    for table, keys in walk.marked.items():
        if not keys:
            continue
        key_cols = schema.keys[table]
        for part in chunks(sorted(keys, key=repr)):
            conn.execute(f"DELETE FROM {quoted(table)} WHERE {match_keys(key_cols, len(part))}",
                         flat(part))
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


def _purge_fts(conn: Any, schema: Schema, case: dict[str, Any]) -> dict[str, int]:
    """Full-text entries: own case column deleted; external content rebuilt; all merged."""
    counts: dict[str, int] = {}
    for name, sql in schema.fts:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({quoted(name)})").fetchall()]
        flat = "".join(sql.split()).lower()
        external = "content=" in flat and "content=''" not in flat and 'content=""' not in flat
        if external:  # indexes another table's rows, which are gone now: index it anew
            conn.execute(f"INSERT INTO {quoted(name)}({quoted(name)}) VALUES ('rebuild')")
        else:
            removed = 0
            for col, value in (("case_id", case["id"]), ("case_ref", case["ref"])):
                if col in cols:
                    removed += conn.execute(
                        f"DELETE FROM {quoted(name)} WHERE {quoted(col)} = ?", (value,)).rowcount
            if removed:
                counts[name] = removed
        conn.execute(f"INSERT INTO {quoted(name)}({quoted(name)}) VALUES ('optimize')")
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
