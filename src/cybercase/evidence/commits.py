"""Ingest commits: a few files per transaction, each file all or nothing.

Measured (benchmarks/ingest.py, docs/evidence.md "Speed and what it costs"): committing
each phone screenshot alone cost half of the writing process's time, because every commit
rewrites the same index and audit pages (64 KiB each) and waits for an fsync. A group
commits after ``FILES`` files, ``BYTES`` bytes or ``SECONDS`` seconds, whichever comes
first; inside it each file is a savepoint (``vault.savepoint``), so a file that fails
leaves nothing and the files before it stay. After a crash or kill every item is still
complete or absent: a group that was not committed is absent as a whole, and nothing was
reported as stored before its commit (results are returned after the last one).
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager

from cybercase.vault import Transaction, Vault

FILES = 16
BYTES = 32 * 1024 * 1024
SECONDS = 0.5


class Group:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self._cm: AbstractContextManager[Transaction] | None = None
        self._tx: Transaction | None = None
        self.files = 0
        self.bytes = 0
        self.started = 0.0

    def tx(self) -> Transaction:
        """The open transaction, begun on first use (write lock taken then)."""
        if self._tx is None:
            self._cm = self.vault.transaction()
            self._tx = self._cm.__enter__()
            self.started = time.monotonic()
        return self._tx

    def done(self, nbytes: int) -> None:
        """One more file written; commit when the group is full or old enough."""
        if self._tx is None:
            return
        self.files += 1
        self.bytes += nbytes
        if (self.files >= FILES or self.bytes >= BYTES
                or time.monotonic() - self.started >= SECONDS):
            self.commit()

    def commit(self) -> None:
        cm, self._cm, self._tx = self._cm, None, None
        self.files = self.bytes = 0
        if cm is not None:
            cm.__exit__(None, None, None)

    def abort(self, exc: BaseException) -> None:
        """Roll the open group back (the batch stops with ``exc``)."""
        cm, self._cm, self._tx = self._cm, None, None
        self.files = self.bytes = 0
        if cm is not None:
            cm.__exit__(type(exc), exc, exc.__traceback__)
