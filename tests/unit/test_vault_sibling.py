"""Vault.sibling (a second connection for a worker) and Vault.holding_lock (a dialog's
save with a bounded wait): the app reads on its own connection while a worker writes on
another, and a save that cannot get the write lock in time is refused as busy."""

from __future__ import annotations

import threading
import time

import pytest

from cybercase.cases.cases import create_case, list_cases
from cybercase.core.errors import VaultBusy
from cybercase.vault import Vault


def test_reads_go_on_while_a_sibling_writes(vault: Vault) -> None:
    create_case(vault, "Before")
    worker = vault.sibling()
    try:
        assert worker.conn is not vault.conn
        with worker.transaction() as tx:
            tx.execute("INSERT INTO meta(key, value) VALUES ('sibling-test', 'x')")
            # the writer holds its transaction open: the app's connection still reads
            # (WAL), and sees the last committed state
            started = time.monotonic()
            assert [c.title for c in list_cases(vault)] == ["Before"]
            assert vault.meta("sibling-test") == ""
            assert time.monotonic() - started < 1.0
        assert vault.meta("sibling-test") == "x"
    finally:
        worker.close()
    # closing the sibling leaves the vault open and writable
    create_case(vault, "After")
    assert sorted(c.title for c in list_cases(vault)) == ["After", "Before"]


def test_holding_lock_waits_a_bounded_time_then_says_busy(vault: Vault) -> None:
    worker = vault.sibling()
    release = threading.Event()
    holding = threading.Event()

    def write() -> None:
        with worker.transaction():
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        with pytest.raises(VaultBusy), vault.holding_lock(wait=0.3):
            pass
        assert 0.25 <= time.monotonic() - started < 3.0
        with pytest.raises(VaultBusy), vault.holding_lock(wait=0):
            pass
    finally:
        release.set()
        thread.join()
        worker.close()
    # free again: the save goes through, its transactions joining the held lock
    with vault.holding_lock(wait=0):
        create_case(vault, "Saved while holding the lock")
        create_case(vault, "And a second transaction")
    assert len(list_cases(vault)) == 2
