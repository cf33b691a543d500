"""The OCR job list and the stored readings, in the vault.

Jobs (``ocr_jobs``): queued by a trigger when an image item is inserted (see migration
0011), claimed by a worker for a lease, then ``done`` (a reading is stored) or ``failed``
(with a one-line reason). A ``running`` job is claimed again when its worker's process is
gone (same machine) or its lease has run out (another machine, or a hung worker), up to
``MAX_ATTEMPTS`` times.

Who is recorded: a reading and its audit entry name the user whose session ran the job
(the CLI user of ``ocr run``, the app's user for the background runner); the user whose
ingest queued it is in the audit details (``queued_by``; ``system`` for images queued by
the migration).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from datetime import timedelta
from typing import Any

from cybercase.cases import access
from cybercase.core.osfiles import process_alive
from cybercase.core.timeutil import from_iso, now_iso, to_iso
from cybercase.evidence.ocr.model import OcrReading, OcrStatus, OcrWord, Recognised
from cybercase.vault import Transaction, Vault

LEASE = timedelta(seconds=600)
MAX_ATTEMPTS = 3


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def _scope(vault: Vault, ref: str | None) -> tuple[str, list[Any]]:
    """SQL condition on ``c`` (cases) for the jobs this user may see, optionally one case."""
    visible, args = access.visible_clause(vault, "c.id")
    where, params = visible, list(args)
    if ref is not None:
        where += " AND c.ref = ?"
        params.append(ref)
    return where, params


def status(vault: Vault, ref: str | None = None, engine_available: bool = True) -> OcrStatus:
    where, params = _scope(vault, ref)
    counts = dict.fromkeys(("queued", "running", "done", "failed"), 0)
    for state, n in vault.conn.execute(
        "SELECT j.state, count(*) FROM ocr_jobs j JOIN evidence_items e ON e.id = j.item_id"
        f" JOIN cases c ON c.id = e.case_id WHERE {where} GROUP BY j.state", params,
    ):
        counts[str(state)] = int(n)
    failures = [
        {"item": int(i), "case": r, "reason": reason, "at": at}
        for i, r, reason, at in vault.conn.execute(
            "SELECT j.item_id, c.ref, j.reason, j.finished_at FROM ocr_jobs j"
            " JOIN evidence_items e ON e.id = j.item_id JOIN cases c ON c.id = e.case_id"
            f" WHERE j.state = 'failed' AND {where} ORDER BY j.item_id LIMIT 20", params)
    ]
    return OcrStatus(counts["queued"], counts["running"], counts["done"], counts["failed"],
                     engine_available, failures)


def _dead(worker: str | None, lease_until: str | None, now: str) -> bool:
    if worker is None:
        return True
    host, _sep, rest = worker.partition(":")
    pid_text = rest.partition(":")[0]
    if (host == socket.gethostname() and pid_text.isdigit() and int(pid_text) != os.getpid()
            and not process_alive(int(pid_text))):
        return True
    return lease_until is None or lease_until < now


def reclaim_dead(vault: Vault) -> int:
    """Put running jobs whose worker is gone back in the queue (or fail them after
    ``MAX_ATTEMPTS``). Returns how many were put back."""
    now = now_iso()
    rows = vault.conn.execute(
        "SELECT item_id, worker, lease_until, attempts FROM ocr_jobs WHERE state = 'running'"
    ).fetchall()
    dead = [(int(i), int(a)) for i, w, lease, a in rows if _dead(w, lease, now)]
    if not dead:
        return 0
    with vault.transaction() as tx:
        for item_id, attempts in dead:
            if attempts >= MAX_ATTEMPTS:
                tx.execute(
                    "UPDATE ocr_jobs SET state = 'failed', worker = NULL, lease_until = NULL,"
                    " finished_at = ?, reason = ? WHERE item_id = ? AND state = 'running'",
                    (now, f"the OCR worker stopped {attempts} times on this image", item_id))
            else:
                tx.execute(
                    "UPDATE ocr_jobs SET state = 'queued', worker = NULL, lease_until = NULL"
                    " WHERE item_id = ? AND state = 'running'", (item_id,))
    return len(dead)


def claim(vault: Vault, worker: str, ref: str | None = None) -> tuple[int, str, str, int] | None:
    """Take the next queued job this user may see: (item id, mime, case ref, blob id)."""
    where, params = _scope(vault, ref)
    with vault.transaction() as tx:
        row = tx.execute(
            "SELECT j.item_id, e.mime, c.ref, e.blob_id FROM ocr_jobs j"
            " JOIN evidence_items e ON e.id = j.item_id JOIN cases c ON c.id = e.case_id"
            f" WHERE j.state = 'queued' AND {where} ORDER BY j.item_id LIMIT 1", params,
        ).fetchone()
        if row is None:
            return None
        lease = to_iso(from_iso(now_iso()) + LEASE)
        tx.execute(
            "UPDATE ocr_jobs SET state = 'running', worker = ?, lease_until = ?,"
            " attempts = attempts + 1 WHERE item_id = ?", (worker, lease, row[0]))
    return int(row[0]), str(row[1]), str(row[2]), int(row[3])


def _holds(tx: Transaction, item_id: int, worker: str) -> str | None:
    row = tx.execute("SELECT queued_by FROM ocr_jobs WHERE item_id = ? AND state = 'running'"
                     " AND worker = ?", (item_id, worker)).fetchone()
    return None if row is None else str(row[0])


def save(vault: Vault, item_id: int, ref: str, worker: str, result: Recognised) -> bool:
    """Store the reading, mark the job done and audit it, in one transaction. False when
    the job was taken over meanwhile (nothing stored)."""
    now = now_iso()
    with vault.transaction() as tx:
        queued_by = _holds(tx, item_id, worker)
        if queued_by is None:
            return False
        tx.execute(
            "INSERT OR REPLACE INTO ocr_readings(item_id, text, words, mean_conf, engine,"
            " version, languages, settings, made_at, made_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (item_id, result.text,
             json.dumps([w.to_row() for w in result.words], ensure_ascii=False,
                        separators=(",", ":")),
             result.mean_conf, result.engine, result.version, result.languages,
             json.dumps(result.settings, sort_keys=True), now, vault.actor))
        tx.execute(
            "UPDATE ocr_jobs SET state = 'done', worker = NULL, lease_until = NULL,"
            " finished_at = ?, reason = NULL WHERE item_id = ?", (now, item_id))
        tx.audit("evidence.ocr", f"evidence {item_id}",
                 {"derived": True, "engine": result.engine, "version": result.version,
                  "languages": result.languages, "settings": result.settings,
                  "words": len(result.words), "queued_by": queued_by}, case_ref=ref)
    return True


def fail(vault: Vault, item_id: int, ref: str, worker: str, reason: str) -> None:
    now = now_iso()
    with vault.transaction() as tx:
        queued_by = _holds(tx, item_id, worker)
        if queued_by is None:
            return
        tx.execute(
            "UPDATE ocr_jobs SET state = 'failed', worker = NULL, lease_until = NULL,"
            " finished_at = ?, reason = ? WHERE item_id = ?", (now, reason[:300], item_id))
        tx.audit("evidence.ocr_failed", f"evidence {item_id}",
                 {"reason": reason[:300], "queued_by": queued_by}, case_ref=ref)


def release(vault: Vault, item_id: int, worker: str) -> None:
    """Give a claimed job back to the queue untouched (the run was stopped)."""
    with vault.transaction() as tx:
        tx.execute(
            "UPDATE ocr_jobs SET state = 'queued', worker = NULL, lease_until = NULL,"
            " attempts = max(0, attempts - 1) WHERE item_id = ? AND worker = ?",
            (item_id, worker))


def retry_failed(vault: Vault, ref: str | None = None) -> int:
    """Queue failed jobs again (e.g. after installing tesseract)."""
    where, params = _scope(vault, ref)
    with vault.transaction() as tx:
        cur = tx.execute(
            "UPDATE ocr_jobs SET state = 'queued', attempts = 0, reason = NULL,"
            " finished_at = NULL WHERE state = 'failed' AND item_id IN (SELECT e.id FROM"
            f" evidence_items e JOIN cases c ON c.id = e.case_id WHERE {where})", params)
        return int(cur.rowcount)


def load(vault: Vault, item_id: int) -> OcrReading | None:
    row = vault.conn.execute(
        "SELECT text, words, mean_conf, engine, version, languages, settings, made_at,"
        " made_by FROM ocr_readings WHERE item_id = ?", (item_id,)).fetchone()
    if row is None:
        return None
    text, words, mean_conf, engine, version, languages, settings, made_at, made_by = row
    return OcrReading(item_id, text, [OcrWord.from_row(w) for w in json.loads(words)],
                      mean_conf, engine, version, languages, json.loads(settings),
                      made_at, made_by)


def set_auto(vault: Vault, on: bool) -> None:
    """Queue new images automatically (default) or not (for measuring ingest alone)."""
    vault.require("vault.admin")
    with vault.transaction() as tx:
        if on:
            tx.execute("DELETE FROM meta WHERE key = 'ocr_auto'")
        else:
            tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('ocr_auto', 'off')")
        tx.audit("settings.ocr_auto", "vault", {"on": on})
