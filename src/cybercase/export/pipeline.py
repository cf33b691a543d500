"""The bag writer's pipeline: reading, hashing and writing overlap.

Three kinds of work run at once, each in C code that releases the GIL: a reader thread
pulls the payload's chunks (for evidence: SQLCipher decrypting pages), the calling thread
writes them into the ZIP, and one thread per hash (SHA-256 and SHA-512 of each file, and
SHA-256 of the whole ZIP) feeds hashlib in order. Queues are bounded, so memory stays at a
few chunks whatever the bag's size.
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
from typing import Any

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


QUEUE_DEPTH = 4  # chunks read ahead
HASH_BACKLOG = 8  # chunks waiting per hash thread
SYNC_EVERY = 64 * 1024 * 1024  # bytes written between two background data syncs


class Worker:
    """One thread running submitted calls in order, with a bounded backlog."""

    def __init__(self, name: str) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=f"cybercase-{name}")
        self._pending: deque[Future[Any]] = deque()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future = self._pool.submit(fn, *args)
        self._pending.append(future)
        while self._pending and (len(self._pending) > HASH_BACKLOG or self._pending[0].done()):
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


class ZipHash:
    """SHA-256 of the ZIP, computed right behind the writer.

    zipfile goes back to fill in each entry's local header (CRC and sizes) once the entry
    is written, so a write-through hash would see unfinished headers. Instead, each time
    an entry is complete, the finished stretch of the file is hashed on a worker thread,
    read back from the page cache through a second descriptor: no second pass at the end,
    and the ZIP's layout is the standard one (no data descriptors)."""

    def __init__(self, fd: int, worker: Worker) -> None:
        self._fd = fd  # its own descriptor and position (PartialFile.reader)
        self._hash = hashlib.sha256()
        self._done = 0
        self._worker = worker

    def upto(self, end: int) -> None:
        if end > self._done:
            self._worker.submit(self._update, self._done, end)
            self._done = end

    def _update(self, start: int, end: int) -> None:
        while start < end:
            data = osfiles.read_at(self._fd, min(CHUNK, end - start), start)
            if not data:
                raise OSError(errno.EIO, "the bundle shrank while it was written")
            self._hash.update(data)
            start += len(data)

    def hexdigest(self) -> str:
        self._worker.drain()
        return self._hash.hexdigest()

    def close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)


def zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now(AMSTERDAM)
    return (now.year, now.month, now.day, now.hour, now.minute, now.second)
