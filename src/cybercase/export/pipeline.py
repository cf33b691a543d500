"""The bag writer's pipeline: reading, hashing and writing overlap.

Three kinds of work run at once, each in C code that releases the GIL: a reader thread
pulls the payload's chunks (for evidence: SQLCipher decrypting pages), the calling thread
writes them into the ZIP, and one thread per hash (SHA-256 and SHA-512 of each file, and
SHA-256 of the whole ZIP, from the bytes as written: :class:`HashingFile`) feeds hashlib
in order. Queues are bounded, so memory stays at a
few dozen chunks whatever the bag's size.
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from cybercase.core import osfiles
from cybercase.core.timeutil import AMSTERDAM

CHUNK = 1 << 20


@dataclass
class PayloadFile:
    """A file for ``data/``: its path below data/ and a way to read its bytes in chunks.

    ``check``, when given, is called with the file's SHA-256 and size once they are known
    (after the file is written, before the bag is finished); raising there aborts the bag.
    """

    path: str
    chunks: Callable[[], Iterator[bytes]]
    check: Callable[[str, int], None] | None = None


# measured on 2 cores under load (500 x 1 MB, payload phase, median of 4 alternating
# rounds): depth 4 / backlog 8: 2.26 and 2.72 s; 16 / 32: 1.92 and 2.41 s; 32 / 64 no
# better. Deeper queues absorb the jitter between the decrypting reader and the writer.
QUEUE_DEPTH = 16  # chunks read ahead (MB of memory)
HASH_BACKLOG = 32  # chunks waiting per hash thread (the same chunks: no copies)
ZIP_BACKLOG = 8  # stretches waiting for the ZIP's hash (each up to HOLD_LIMIT held)
SYNC_EVERY = 64 * 1024 * 1024  # bytes written between two background data syncs


class Worker:
    """One thread running submitted calls in order, with a bounded backlog."""

    def __init__(self, name: str, backlog: int | None = None) -> None:
        self._backlog = HASH_BACKLOG if backlog is None else backlog
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=f"cybercase-{name}")
        self._pending: deque[Future[Any]] = deque()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future = self._pool.submit(fn, *args)
        self._pending.append(future)
        while self._pending and (len(self._pending) > self._backlog or self._pending[0].done()):
            self._pending.popleft().result()  # re-raises the worker's error here
        return future

    def drain(self) -> None:
        """Wait for everything submitted; re-raise the first error."""
        while self._pending:
            self._pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


END = object()


def read_ahead(
    payload: Iterable[PayloadFile],
) -> Generator[tuple[PayloadFile, bytes | None], None, None]:
    """(file, chunk) pairs, then (file, None) when a file ends; read on another thread.

    The reader stops when the consumer stops (error or not) and is joined before this
    generator finishes, so nothing touches the payload's sources afterwards."""
    q: queue.Queue[Any] = queue.Queue(QUEUE_DEPTH)
    stop = threading.Event()

    def put(value: Any) -> bool:
        while not stop.is_set():
            try:
                q.put(value, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in payload:
                for chunk in item.chunks():
                    if not put((item, chunk)):
                        return
                if not put((item, None)):
                    return
            put(END)
        except BaseException as exc:  # handed to the consumer, raised there
            put(Failed(exc))

    reader = threading.Thread(target=run, name="cybercase-export-read", daemon=True)
    reader.start()
    try:
        while True:
            value = q.get()
            if value is END:
                return
            if isinstance(value, Failed):
                raise value.exc
            yield value
    finally:
        stop.set()
        reader.join()


HOLD_LIMIT = 8 * 1024 * 1024  # bytes held for the ZIP's hash per stretch (x ZIP_BACKLOG)


class HashingFile:
    """The bundle's file as zipfile writes it, with the SHA-256 of the whole ZIP computed
    from the bytes written: the finished file is never read back.

    zipfile goes back to fill in each entry's local header (CRC and sizes) once the entry
    is written, so the bytes cannot go to the hash the moment they are written. Instead
    the written pieces are held (references to the caller's chunks, no copy) from the
    first unfinished byte on; a write that goes back patches the held piece; when an
    entry is complete (:meth:`settle`), the held stretch is final and goes to the hash on
    a worker thread, in file order. A stretch larger than ``hold_limit`` (one very large
    item) is not held: it is read back from the page cache through a second descriptor
    once final, as before. The ZIP's layout stays the standard one (no data descriptors).
    """

    def __init__(self, fh: BinaryIO, fd: int, worker: Worker,
                 hold_limit: int | None = None) -> None:
        self._fh = fh
        self._fd = fd  # its own descriptor and position (PartialFile.reader)
        self._hash = hashlib.sha256()
        self._worker = worker
        self._limit = HOLD_LIMIT if hold_limit is None else hold_limit
        self._base = fh.tell()  # everything before it was handed to the hash
        self._pos = self._end = self._base
        self._held: list[tuple[int, bytes]] = []  # (offset, bytes) from _base, in order
        self._held_bytes = 0
        self._spilled = False  # the stretch was too large to hold: read back at settle
        self.read_back = 0  # bytes read back from the file (large stretches only)

    # the file interface zipfile uses
    def write(self, data: bytes | bytearray | memoryview) -> int:
        piece = data if isinstance(data, bytes) else bytes(data)
        written = self._fh.write(piece)
        if written != len(piece):  # a buffered writer writes all or raises
            raise OSError(errno.EIO, "short write to the bundle")
        pos, end = self._pos, self._pos + len(piece)
        if pos == self._end:
            self._end = end
            if not self._spilled:
                self._held.append((pos, piece))
                self._held_bytes += len(piece)
                if self._held_bytes > self._limit:
                    self._held, self._held_bytes, self._spilled = [], 0, True
        elif pos >= self._base and end <= self._end:
            if not self._spilled:
                self._patch(pos, piece)
        else:
            raise OSError(errno.EIO, "the bundle was rewritten where it was already hashed")
        self._pos = end
        return written

    def _patch(self, pos: int, piece: bytes) -> None:
        """A write over held bytes (zipfile completing a local header)."""
        for index, (offset, held) in enumerate(self._held):
            if offset <= pos and pos + len(piece) <= offset + len(held):
                at = pos - offset
                self._held[index] = (offset, held[:at] + piece + held[at + len(piece):])
                return
        raise OSError(errno.EIO, "a rewrite of the bundle spans two writes")

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        self._pos = self._fh.seek(offset, whence)
        return self._pos

    def seekable(self) -> bool:
        return True

    def flush(self) -> None:
        self._fh.flush()

    @property
    def size(self) -> int:
        return self._end

    def settle(self) -> None:
        """Everything written so far is final: hash it (on the worker, in order)."""
        if self._end == self._base:
            return
        if self._spilled:
            self._fh.flush()  # the read-back goes through the file, not this buffer
            self._worker.submit(self._read_back, self._base, self._end)
        else:
            self._worker.submit(self._update, [held for _, held in self._held])
        self._base = self._end
        self._held, self._held_bytes, self._spilled = [], 0, False

    def _update(self, pieces: list[bytes]) -> None:
        for piece in pieces:
            self._hash.update(piece)

    def _read_back(self, start: int, end: int) -> None:
        self.read_back += end - start
        while start < end:
            data = osfiles.read_at(self._fd, min(CHUNK, end - start), start)
            if not data:
                raise OSError(errno.EIO, "the bundle shrank while it was written")
            self._hash.update(data)
            start += len(data)

    def hexdigest(self) -> str:
        self.settle()
        self._worker.drain()
        return self._hash.hexdigest()

    def close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)


def zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now(AMSTERDAM)
    return (now.year, now.month, now.day, now.hour, now.minute, now.second)
