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
import io
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

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


class BlobReader(io.RawIOBase):
    """A stored content as a seekable, read-only file object over its chunks: a demuxer
    (PyAV) reads a video's header and one frame from the vault without any copy on disk.
    At most one chunk is held in memory."""

    def __init__(self, conn: Connection, blob_id: int) -> None:
        super().__init__()
        row = conn.execute("SELECT size, chunk_size FROM blobs WHERE id = ?",
                           (blob_id,)).fetchone()
        self._conn = conn
        self._blob = blob_id
        self._size = int(row[0]) if row else 0
        self._chunk_size = int(row[1]) if row else CHUNK
        self._pos = 0
        self._n = -1
        self._chunk = b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos >= self._size or not len(view):
            return 0
        n = self._pos // self._chunk_size
        if n != self._n:
            row = self._conn.execute(
                "SELECT data FROM blob_chunks WHERE blob_id = ? AND n = ?", (self._blob, n)
            ).fetchone()
            self._chunk = bytes(row[0]) if row else b""
            self._n = n
        start = self._pos - n * self._chunk_size
        part = self._chunk[start:start + len(view)]
        view[:len(part)] = part
        self._pos += len(part)
        return len(part)
