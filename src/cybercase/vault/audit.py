"""The append-only, hash-chained audit log.

Each entry is a row of ``audit`` (sequence, UTC time, actor, action, object, case
reference, digest of the details, previous hash, own hash). The details themselves live in
``audit_details`` with a random salt: the chain covers ``SHA-256(salt || details)``, so
erasing a purged case's details (the law's right to erasure) leaves the chain verifiable
while the digest reveals nothing (the salt is gone with them).

Triggers make the database refuse UPDATE and DELETE on ``audit`` and UPDATE on
``audit_details``; someone with the key and a raw connection can still drop them, which
``verify`` then detects.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cybercase.core.timeutil import now_iso
from cybercase.vault.db import Connection

GENESIS = "0" * 64


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def details_digest(salt: bytes, details_json: str) -> str:
    return hashlib.sha256(salt + details_json.encode("utf-8")).hexdigest()


def entry_hash(
    seq: int, ts: str, actor: str, action: str, obj: str, case_ref: str | None,
    digest: str, prev: str,
) -> str:
    body = {
        "seq": seq, "ts": ts, "actor": actor, "action": action, "object": obj,
        "case": case_ref, "details_digest": digest, "prev": prev,
    }
    return hashlib.sha256(canonical(body)).hexdigest()


@dataclass
class AuditEntry:
    seq: int
    ts: str
    actor: str
    action: str
    object: str
    case_ref: str | None
    details: dict[str, Any] | None  # None once erased
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "ts": self.ts, "actor": self.actor, "action": self.action,
            "object": self.object, "case": self.case_ref, "details": self.details,
            "hash": self.hash,
        }


def append(
    conn: Connection, actor: str, action: str, obj: str,
    details: dict[str, Any] | None = None, case_ref: str | None = None,
) -> int:
    """Append one entry inside the caller's transaction; returns its sequence number."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    ts = now_iso()
    details_json = canonical(details or {}).decode("utf-8")
    salt = secrets.token_bytes(16)
    digest = details_digest(salt, details_json)
    own = entry_hash(seq, ts, actor, action, obj, case_ref, digest, prev)
    conn.execute(
        "INSERT INTO audit(seq, ts, actor, action, object, case_ref, details_digest,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
        (seq, ts, actor, action, obj, case_ref, digest, prev, own),
    )
    conn.execute(
        "INSERT INTO audit_details(seq, salt, details) VALUES (?,?,?)", (seq, salt, details_json)
    )
    return seq


def entries(
    conn: Connection, case_ref: str | None = None, actor: str | None = None,
    object_prefix: str | None = None, limit: int | None = None,
) -> list[AuditEntry]:
    sql = (
        "SELECT a.seq, a.ts, a.actor, a.action, a.object, a.case_ref, d.details, a.hash"
        " FROM audit a LEFT JOIN audit_details d ON d.seq = a.seq WHERE 1=1"
    )
    args: list[Any] = []
    if case_ref is not None:
        sql += " AND a.case_ref = ?"
        args.append(case_ref)
    if actor is not None:
        sql += " AND a.actor = ?"
        args.append(actor)
    if object_prefix is not None:
        sql += " AND a.object LIKE ? ESCAPE '\\'"
        args.append(object_prefix.replace("\\", "\\\\").replace("%", "\\%") + "%")
    sql += " ORDER BY a.seq"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    out = []
    for seq, ts, act, action, obj, case, details, own in conn.execute(sql, args):
        out.append(
            AuditEntry(seq, ts, act, action, obj, case,
                       json.loads(details) if details is not None else None, own)
        )
    return out


def verify_chain(conn: Connection) -> Iterator[str]:
    """Walk the chain; yield a one-line problem for every broken link (the first is first)."""
    prev = GENESIS
    expected_seq = 1
    rows = conn.execute(
        "SELECT a.seq, a.ts, a.actor, a.action, a.object, a.case_ref, a.details_digest,"
        " a.prev_hash, a.hash, d.salt, d.details"
        " FROM audit a LEFT JOIN audit_details d ON d.seq = a.seq ORDER BY a.seq"
    )
    for seq, ts, actor, action, obj, case, digest, prev_hash, own, salt, details in rows:
        where = f"audit entry {seq} ({action} {obj}, {ts})"
        if seq != expected_seq:
            yield f"audit entries {expected_seq}-{seq - 1} are missing before {where}"
        if prev_hash != prev:
            yield f"{where} does not link to the entry before it: the chain was broken here"
        if entry_hash(seq, ts, actor, action, obj, case, digest, prev_hash) != own:
            yield f"{where} was altered: its contents no longer match its hash"
        if details is not None and details_digest(salt, details) != digest:
            yield f"{where} has altered details: they no longer match the recorded digest"
        prev = own
        expected_seq = seq + 1
    orphans = conn.execute(
        "SELECT count(*) FROM audit_details WHERE seq NOT IN (SELECT seq FROM audit)"
    ).fetchone()[0]
    if orphans:
        yield f"{orphans} audit detail record(s) belong to no audit entry"


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)
