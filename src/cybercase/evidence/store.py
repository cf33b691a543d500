"""Content-addressed storage of evidence bytes in the vault, in 1 MiB chunks.

Write inside the caller's transaction. Two ways in, both reading the file once:

- ``store_bytes``: content already in memory (small files): hash first; when the hash is
  already stored nothing is written.
- ``BlobWriter``: streaming (large files): chunks go under a fresh ``staging:`` key while
  SHA-256 runs over them; ``finish`` either renames the staging blob to its hash (one row
  updated: chunks point at the blob's id) or, when that content is already stored, deletes
  the staged chunks (same transaction: nothing of them is ever committed) and links the
  existing blob. Streaming to a staging key was chosen over "hash first" because hashing
  first would read a 2 GB file twice.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from cybercase.core.timeutil import now_iso
from cybercase.vault import Transaction
from cybercase.vault.db import Connection

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Blob:
    id: int
    sha256: str
    size: int
    new: bool  # written by this call (False: the content was already stored)


def find_blob(conn: Connection, sha256: str) -> tuple[int, int] | None:
    row = conn.execute("SELECT id, size FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def store_bytes(tx: Transaction, data: bytes, sha256: str | None = None) -> Blob:
    digest = sha256 or hashlib.sha256(data).hexdigest()
    found = find_blob(tx.conn, digest)
    if found is not None:
        return Blob(found[0], digest, found[1], new=False)
    chunks = max(1, -(-len(data) // CHUNK))
    cur = tx.execute(
        "INSERT INTO blobs(sha256, size, chunk_size, chunks, created_at) VALUES (?,?,?,?,?)",
        (digest, len(data), CHUNK, chunks, now_iso()),
    )
    blob_id = int(cur.lastrowid)
    view = memoryview(data)
    tx.conn.executemany(
        "INSERT INTO blob_chunks(blob_id, n, data) VALUES (?,?,?)",
        ((blob_id, n, view[n * CHUNK:(n + 1) * CHUNK]) for n in range(chunks)),
    )
    return Blob(blob_id, digest, len(data), new=True)


class BlobWriter:
    """Stream one content into the vault; call ``write`` per chunk, then ``finish``."""

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        self.hasher = hashlib.sha256()
        self.size = 0
        self.n = 0
        cur = tx.execute(
            "INSERT INTO blobs(sha256, size, chunk_size, chunks, created_at) VALUES (?,0,?,0,?)",
            (f"staging:{secrets.token_hex(16)}", CHUNK, now_iso()),
        )
        self.blob_id = int(cur.lastrowid)

    def write(self, chunk: bytes) -> None:
        """Append one chunk of at most CHUNK bytes."""
        self.hasher.update(chunk)
        self.size += len(chunk)
        self.tx.execute(
            "INSERT INTO blob_chunks(blob_id, n, data) VALUES (?,?,?)",
            (self.blob_id, self.n, chunk),
        )
        self.n += 1

    def finish(self) -> Blob:
        digest = self.hasher.hexdigest()
        found = find_blob(self.tx.conn, digest)
        if found is not None:
            self.tx.execute("DELETE FROM blob_chunks WHERE blob_id = ?", (self.blob_id,))
            self.tx.execute("DELETE FROM blobs WHERE id = ?", (self.blob_id,))
            return Blob(found[0], digest, found[1], new=False)
        self.tx.execute(
            "UPDATE blobs SET sha256 = ?, size = ?, chunks = ? WHERE id = ?",
            (digest, self.size, self.n, self.blob_id),
        )
        return Blob(self.blob_id, digest, self.size, new=True)


def read_chunks(conn: Connection, blob_id: int) -> Iterator[bytes]:
    """The content's chunks in order, one at a time (bounded memory)."""
    n = 0
    while True:
        row = conn.execute(
            "SELECT data FROM blob_chunks WHERE blob_id = ? AND n = ?", (blob_id, n)
        ).fetchone()
        if row is None:
            return
        yield bytes(row[0])
        n += 1


def rehash(conn: Connection, blob_id: int) -> tuple[str, int, int]:
    """SHA-256, size and number of chunks of the stored content, streamed."""
    hasher = hashlib.sha256()
    size = chunks = 0
    for chunk in read_chunks(conn, blob_id):
        hasher.update(chunk)
        size += len(chunk)
        chunks += 1
    return hasher.hexdigest(), size, chunks
