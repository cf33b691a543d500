"""Who has the vault open: the session records, their locks, a killed session's records
cleaned up, and the SSH client address taken from the environment only as a log detail."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.vault.sessions import open_sessions, register, ssh_client
from tests.conftest import PASSPHRASE, USER


def test_the_ssh_client_address_from_the_environment() -> None:
    assert ssh_client({"SSH_CONNECTION": "192.0.2.7 51234 192.0.2.1 22"}) == "192.0.2.7 51234"
    assert ssh_client({"SSH_CLIENT": "2001:db8::7 40000 22"}) == "2001:db8::7 40000"
    assert ssh_client({}) is None
    assert ssh_client({"SSH_CONNECTION": "\x1b[31mevil 1 2 3"}) is None
    assert ssh_client({"SSH_CONNECTION": "192.0.2.7 port 2 3"}) is None


def test_register_lists_and_closes(vault: Vault, vault_dir: Path) -> None:
    mine = register(vault, {"SSH_CONNECTION": "192.0.2.7 51234 192.0.2.1 22"})
    try:
        other = Vault.open(vault_dir, USER, PASSPHRASE)
        theirs = register(other, {})
        listed = open_sessions(vault_dir)
        assert [(s.user, s.via) for s in listed] == [(USER, "ssh"), (USER, "local")]
        assert [s.id for s in open_sessions(vault_dir, exclude=mine.id)] == [theirs.id]
        theirs.close()
        other.close()
        assert [s.id for s in open_sessions(vault_dir)] == [mine.id]
        # the address is in the audit log (encrypted), not in the plain record
        record = (vault_dir / "sessions" / f"{mine.id}.json").read_text()
        assert "192.0.2.7" not in record
        opened = [e for e in entries(vault.conn) if e.action == "session.open"]
        assert opened[0].details == {"via": "ssh", "session": mine.id,
                                     "client": "192.0.2.7 51234"}
        assert opened[1].details == {"via": "local", "session": theirs.id}
    finally:
        mine.close()
    assert open_sessions(vault_dir) == []
    assert list((vault_dir / "sessions").iterdir()) == []


def test_a_killed_session_is_no_longer_listed(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from cybercase.vault import Vault\n"
        "from cybercase.vault.sessions import register\n"
        f"v = Vault.open(Path({str(vault_dir)!r}), {USER!r}, {PASSPHRASE!r})\n"
        "register(v, {})\n"
        "print('in', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "in"
        assert [s.pid for s in open_sessions(vault_dir)] == [proc.pid]
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 5
        while open_sessions(vault_dir) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert open_sessions(vault_dir) == []
        assert list((vault_dir / "sessions").iterdir()) == []  # its files cleaned up
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
