"""Evidence items after ingest: list, extract (byte for byte, re-hashed), withdraw, verify."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cybercase.cases import access
from cybercase.cases.cases import get_case
from cybercase.core.errors import NotFound, UsageError, VaultCorrupt
from cybercase.core.i18n import msg
from cybercase.core.safefile import PartialFile
from cybercase.core.text import MAX_REASON, check_text
from cybercase.core.timeutil import local_display, now_iso
from cybercase.evidence import flags as stored_flags
from cybercase.evidence.store import read_chunks, rehash
from cybercase.vault import Vault
from cybercase.vault.db import named

# User-facing texts: the catalogue (cybercase/locale, English and Dutch).


@dataclass
class Item:
    id: int
    case: str
    sha256: str
    size: int
    mime: str
    original_name: str
    extension: str
    source_path: str
    file_mtime: str | None
    ingested_at: str
    ingested_by: str
    image: dict[str, Any] | None
    flags: list[str]
    stated: dict[str, Any]
    withdrawn: dict[str, Any] | None
    blob_id: int
    # measured facts of a photo (EXIF offset, make, model) or a video (duration, creation
    # time and its basis, codecs, frame size): evidence_items.media, None when none
    media: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "case": self.case, "sha256": self.sha256, "size": self.size,
            "mime": self.mime, "original_name": self.original_name,
            "extension": self.extension, "source_path": self.source_path,
            "file_mtime": self.file_mtime, "ingested_at": self.ingested_at,
            "ingested_by": self.ingested_by, "image": self.image, "flags": self.flags,
            "flagged": bool(self.flags), "stated": self.stated,
            "withdrawn": self.withdrawn, "media": self.media,
        }


_COLUMNS = (
    'e.id, c.ref AS "case", e.sha256,'
    " e.size, e.mime, e.original_name, e.extension, e.source_path,"
    " e.file_mtime, e.ingested_at, e.ingested_by, e.image_width, e.image_height,"
    " e.image_format, e.exif_time, e.dhash, e.ahash, e.flags, e.stated, e.withdrawn_at,"
    " e.withdrawn_by, e.withdrawn_reason, e.blob_id, e.media"
)


def _item(r: dict[str, Any]) -> Item:
    image = None
    if r["image_width"] is not None or r["image_format"] is not None:
        image = {"width": r["image_width"], "height": r["image_height"],
                 "format": r["image_format"], "exif_time": r["exif_time"],
                 "dhash": r["dhash"], "ahash": r["ahash"]}
    withdrawn = None
    if r["withdrawn_at"] is not None:
        withdrawn = {"at": r["withdrawn_at"], "by": r["withdrawn_by"],
                     "reason": r["withdrawn_reason"]}
    return Item(
        id=r["id"], case=r["case"], sha256=r["sha256"], size=r["size"], mime=r["mime"],
        original_name=r["original_name"], extension=r["extension"],
        source_path=r["source_path"], file_mtime=r["file_mtime"],
        ingested_at=r["ingested_at"], ingested_by=r["ingested_by"], image=image,
        flags=stored_flags.loads(r["flags"]),
        stated=json.loads(r["stated"]),
        withdrawn=withdrawn, blob_id=r["blob_id"],
        media=json.loads(r["media"]) if r["media"] else None,
    )


def parse_id(value: str | int) -> int:
    try:
        item_id = int(value)
    except (TypeError, ValueError):
        raise UsageError(msg("evidence.error.bad_id", value=value)) from None
    if item_id < 1:
        raise UsageError(msg("evidence.error.bad_id", value=value))
    return item_id


def list_items(vault: Vault, ref: str, include_withdrawn: bool = True) -> list[Item]:
    vault.require("evidence.read")
    case = get_case(vault, ref)
    sql = (f"SELECT {_COLUMNS} FROM evidence_items e JOIN cases c ON c.id = e.case_id"
           " WHERE e.case_id = ?")
    if not include_withdrawn:
        sql += " AND e.withdrawn_at IS NULL"
    return [_item(r) for r in named(vault.conn.execute(sql + " ORDER BY e.id", (case.id,)))]


def get_item(vault: Vault, item_id: int | str) -> Item:
    vault.require("evidence.read")
    item_id = parse_id(item_id)
    rows = named(vault.conn.execute(
        f"SELECT {_COLUMNS} FROM evidence_items e JOIN cases c ON c.id = e.case_id"
        " WHERE e.id = ?", (item_id,)))
    if not rows:
        raise NotFound(msg("evidence.error.no_item", id=item_id))
    access.check_ref(vault, rows[0]["case"])
    return _item(rows[0])


def extract(vault: Vault, item_id: int | str, out: Path) -> Item:
    """Write the original to ``out`` byte for byte, re-hashing on the way; audited.

    ``out`` must not exist (nothing is overwritten). The read is logged before any byte
    leaves the vault, so even an interrupted extract is in the audit chain. The file gets
    its name only when every byte was written and re-hashed to its SHA-256 (see
    ``cybercase.core.safefile``): a kill or an error never leaves a partial original behind.
    """
    item = get_item(vault, item_id)
    out = Path(out)
    if out.exists() or out.is_symlink():
        raise UsageError(msg("evidence.error.out_exists", path=out))
    if not out.parent.is_dir():
        raise UsageError(msg("evidence.error.out_no_dir", path=out.parent))
    try:
        partial = PartialFile(out, ".cybercase-extract-")
    except OSError as exc:
        raise UsageError(msg("evidence.error.out_fail", path=out, error=exc.strerror)) from None
    try:
        with vault.transaction() as tx:
            tx.audit("evidence.extract", f"evidence {item.id}",
                     {"sha256": item.sha256, "size": item.size, "out": out.name},
                     case_ref=item.case)
        hasher = hashlib.sha256()
        size = 0
        for chunk in read_chunks(vault.conn, item.blob_id):
            hasher.update(chunk)
            size += len(chunk)
            partial.file.write(chunk)
        if hasher.hexdigest() != item.sha256 or size != item.size:
            raise VaultCorrupt(msg("evidence.error.extract_corrupt", id=item.id, sha=item.sha256,
                                   path=out))
        partial.commit()
    except OSError as exc:
        raise UsageError(msg("evidence.error.out_fail", path=out, error=exc.strerror)) from None
    finally:
        partial.discard()
    return item


def withdraw(vault: Vault, item_id: int | str, reason: str) -> Item:
    """Hide an item from exports; the item, its content and its record stay."""
    vault.require("evidence.write")
    reason = check_text(reason, msg("evidence.field.reason"), MAX_REASON)
    item = get_item(vault, item_id)
    with vault.transaction() as tx:
        row = tx.execute(
            "SELECT withdrawn_at, withdrawn_by FROM evidence_items WHERE id = ?", (item.id,)
        ).fetchone()
        if row[0] is not None:
            raise UsageError(msg("evidence.error.withdrawn", id=item.id, when=local_display(row[0]),
                                 who=row[1]))
        tx.execute(
            "UPDATE evidence_items SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?"
            " WHERE id = ?", (now_iso(), vault.actor, reason, item.id),
        )
        tx.audit("evidence.withdraw", f"evidence {item.id}",
                 {"reason": reason, "sha256": item.sha256}, case_ref=item.case)
    return get_item(vault, item.id)


# --- verify ---------------------------------------------------------------------------


def verify_problems(vault: Vault) -> tuple[list[str], int, int]:
    """Re-hash every stored content (streamed); check every item points at its hash.

    Returns (problems, items checked, bytes re-hashed).
    """
    problems: list[str] = []
    conn = vault.conn
    bad_blobs: dict[int, str] = {}
    total = 0
    blobs = conn.execute("SELECT id, sha256, size, chunks FROM blobs ORDER BY id").fetchall()
    for blob_id, sha, size, chunks in blobs:
        if str(sha).startswith("staging:"):
            bad_blobs[blob_id] = "an unfinished write was left behind"
            continue
        got_sha, got_size, got_chunks = rehash(conn, blob_id)
        total += got_size
        if got_sha != sha or got_size != size or got_chunks != chunks:
            bad_blobs[blob_id] = (
                f"the stored content no longer re-hashes to {sha} "
                f"({got_size} of {size} bytes, {got_chunks} of {chunks} chunks)"
            )
    items = conn.execute(
        "SELECT e.id, c.ref, e.sha256, e.size, e.blob_id, b.sha256 FROM evidence_items e"
        " JOIN cases c ON c.id = e.case_id LEFT JOIN blobs b ON b.id = e.blob_id ORDER BY e.id"
    ).fetchall()
    sizes = {int(r[0]): int(r[2]) for r in blobs}
    for item_id, ref, sha, size, blob_id, blob_sha in items:
        where = f"evidence {item_id} (case {ref})"
        if blob_sha is None:
            problems.append(f"{where}: its content is missing from the vault")
        elif blob_id in bad_blobs:
            problems.append(f"{where}: {bad_blobs[blob_id]}")
        elif blob_sha != sha:
            problems.append(f"{where}: recorded SHA-256 {sha} differs from its content's")
        elif sizes.get(blob_id) != size:
            problems.append(f"{where}: recorded size {size} differs from its content's")
    used = {row[4] for row in items}
    for blob_id, why in bad_blobs.items():
        if blob_id not in used:
            problems.append(f"stored content {blob_id} (no item): {why}")
    stray = conn.execute(
        "SELECT count(*) FROM blob_chunks c LEFT JOIN blobs b ON b.id = c.blob_id"
        " WHERE b.id IS NULL OR c.n < 0 OR c.n >= b.chunks"
    ).fetchone()[0]
    if stray:
        problems.append(
            f"{stray} stored chunk(s) belong to no content: the vault was edited outside "
            "cybercase"
        )
    problems.extend(_custody_problems(vault))
    return problems, len(items), total


# --- pages for the app's table, and content for its preview ---------------------------

PREVIEW_MAX_BYTES = 32 * 1024 * 1024


def count_items(vault: Vault, ref: str, include_withdrawn: bool = True) -> int:
    """How many items case ``ref`` holds (uses the (case_id, id) index)."""
    vault.require("evidence.read")
    case = get_case(vault, ref)
    sql = "SELECT count(*) FROM evidence_items WHERE case_id = ?"
    if not include_withdrawn:
        sql += " AND withdrawn_at IS NULL"
    return int(vault.conn.execute(sql, (case.id,)).fetchone()[0])


def page_items(
    vault: Vault, ref: str, offset: int, limit: int, include_withdrawn: bool = True,
) -> list[Item]:
    """Items ``offset`` to ``offset + limit`` of case ``ref`` in id order.

    The ids of the page come from the index alone (LIMIT/OFFSET skips index entries, not
    rows); only the page's rows are read and decoded, so a page costs about the same at
    item 0 and at item 49,900.
    """
    vault.require("evidence.read")
    case = get_case(vault, ref)
    inner = "SELECT id FROM evidence_items WHERE case_id = ?"
    if not include_withdrawn:
        inner += " AND withdrawn_at IS NULL"
    inner += " ORDER BY id LIMIT ? OFFSET ?"
    sql = (f"SELECT {_COLUMNS} FROM evidence_items e JOIN cases c ON c.id = e.case_id"
           f" WHERE e.id IN ({inner}) ORDER BY e.id")
    return [_item(r) for r in named(vault.conn.execute(
        sql, (case.id, max(0, limit), max(0, offset))))]


def read_content(vault: Vault, item_id: int | str, purpose: str = "view") -> tuple[Item, bytes]:
    """The item's original bytes, in memory only, re-hashed; the read is audited first.

    For showing an image on screen: nothing is written to disk. Items over
    ``PREVIEW_MAX_BYTES`` are refused (extract them instead).
    """
    item = get_item(vault, item_id)
    if item.size > PREVIEW_MAX_BYTES:
        raise UsageError(msg("evidence.error.preview_too_big", id=item.id,
                             mb=item.size // (1024 * 1024)))
    with vault.transaction() as tx:
        tx.audit("evidence.view", f"evidence {item.id}",
                 {"sha256": item.sha256, "purpose": purpose}, case_ref=item.case)
    data = b"".join(read_chunks(vault.conn, item.blob_id))
    if hashlib.sha256(data).hexdigest() != item.sha256:
        raise VaultCorrupt(msg("evidence.error.preview_corrupt", id=item.id, sha=item.sha256))
    return item, data


_INGEST_FACTS = (("sha256", "SHA-256"), ("size", "size"), ("mime", "type"), ("name", "name"))


def _custody_problems(vault: Vault) -> list[str]:
    """Every item still has the facts its ingest entry in the audit chain recorded.

    The chain itself is checked elsewhere; this ties the items to it, so an item deleted
    or a measured fact edited outside cybercase is found. Items of a case that no longer
    exists (purged after its retention period) are not expected.
    """
    problems: list[str] = []
    cases = {r[0] for r in vault.conn.execute("SELECT ref FROM cases")}
    items = {
        r[0]: {"sha256": r[1], "size": r[2], "mime": r[3], "name": r[4]}
        for r in vault.conn.execute(
            "SELECT id, sha256, size, mime, original_name FROM evidence_items")
    }
    rows = vault.conn.execute(
        "SELECT a.seq, a.object, a.case_ref, d.details FROM audit a"
        " LEFT JOIN audit_details d ON d.seq = a.seq"
        " WHERE a.action = 'evidence.ingest' ORDER BY a.seq"
    ).fetchall()
    for seq, obj, ref, details in rows:
        try:
            item_id = int(str(obj).removeprefix("evidence "))
        except ValueError:
            continue  # the chain check reports an altered entry
        item = items.get(item_id)
        if item is None:
            if ref in cases:
                problems.append(
                    f"evidence {item_id} (case {ref}, ingested in audit entry {seq}) is "
                    "missing from the vault: it was deleted outside cybercase"
                )
            continue
        if details is None:
            continue  # details erased: nothing to compare
        try:
            recorded = json.loads(details)
        except ValueError:
            continue  # the chain check reports altered details
        for key, label in _INGEST_FACTS:
            if key in recorded and recorded[key] != item[key]:
                problems.append(
                    f"evidence {item_id} (case {ref}): its {label} differs from what audit "
                    f"entry {seq} recorded at ingest: it was edited outside cybercase"
                )
    return problems
