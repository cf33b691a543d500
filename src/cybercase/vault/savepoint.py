"""A part of a transaction that is undone alone when it fails (an SQLite SAVEPOINT).

Used where several independent records share one commit (evidence ingest commits a group
of files together): a file that fails leaves nothing of itself, and the files before it in
the same transaction stay. The audit chain is read from the database on each append, so
undoing a part undoes its audit entries too and the chain stays whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from cybercase.vault import db
from cybercase.vault.vault import Transaction


@contextmanager
def savepoint(tx: Transaction, name: str = "part") -> Iterator[None]:
    if not name.isidentifier():
        raise ValueError(f"savepoint name {name!r}")
    tx.conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        if tx.conn.in_transaction:  # SQLite may have rolled back all of it (a full disk)
            with suppress(db.DatabaseError):
                tx.conn.execute(f"ROLLBACK TO {name}")
                tx.conn.execute(f"RELEASE {name}")
        raise
    tx.conn.execute(f"RELEASE {name}")
