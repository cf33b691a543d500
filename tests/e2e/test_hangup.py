"""The app without a terminal, and when its terminal goes away.

Started on pipes (``ssh host cmd`` without -t, ``cybercase demo </dev/null >file``) the
app says in one line that it needs a terminal and exits 2, writing no escape codes. In a
real pseudo-terminal: when the terminal hangs up (its other end closed: the SSH
connection dropped) or SIGHUP arrives, the app closes the vault and exits (129) instead
of spinning on an input that has ended.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cybercase.vault import Vault
from cybercase.vault.lock import OpenLock
from cybercase.vault.sessions import open_sessions
from tests.conftest import PASSPHRASE, USER

CYBERCASE = [sys.executable, "-m", "cybercase"]


@pytest.mark.parametrize("args", [[], ["demo"]])
def test_without_a_terminal_one_line_and_exit_2(
    vault: Vault, vault_dir: Path, args: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with open(out, "wb") as sink:
        done = subprocess.run([*CYBERCASE, "--vault", str(vault_dir), *args],
                              stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.PIPE,
                              timeout=60)
    assert done.returncode == 2
    assert out.read_bytes() == b""  # no escape codes in the file
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "needs a terminal" in lines[0], lines
    assert not (tmp_path / "xdg-data" / "cybercase").exists()  # no demo vault made either


class Pty:
    """The app in a pseudo-terminal of its own; everything it draws is collected."""

    def __init__(self, vault_dir: Path, tmp_path: Path) -> None:
        import termios

        master, slave = os.openpty()
        termios.tcsetwinsize(slave, (32, 100))
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "en_US.UTF-8", "LC_ALL": ""}
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.proc = subprocess.Popen([*CYBERCASE, "--vault", str(vault_dir)], stdin=slave,
                                     stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        import select

        while True:
            master = self.master
            if master is None:
                return
            # short waits: a read blocked in the kernel would keep the master open
            if not select.select([master], [], [], 0.05)[0]:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output.extend(data)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text.encode() in self.output:
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not drawn; got {bytes(self.output[-2000:])!r}")

    def type(self, text: str) -> None:
        assert self.master is not None
        os.write(self.master, text.encode())

    def hang_up(self) -> None:
        master, self.master = self.master, None
        if master is not None:
            self._reader.join(5)
            os.close(master)


@pytest.fixture
def closed_vault(vault: Vault, vault_dir: Path) -> Path:
    from cybercase.cases.cases import create_case

    create_case(vault, "Hangup case", "7b", 2)
    vault.close()
    return vault_dir


@pytest.fixture
def app_in_pty(closed_vault: Path, tmp_path: Path) -> Iterator[Pty]:
    if sys.platform == "win32":
        pytest.skip("pseudo-terminals are POSIX")
    pty = Pty(closed_vault, tmp_path)
    try:
        pty.wait_for("Unlock the vault")
        time.sleep(0.5)
        pty.type(PASSPHRASE + "\r")
        pty.wait_for("Hangup case")
        assert [s.user for s in open_sessions(closed_vault)] == [USER]
        yield pty
    finally:
        pty.hang_up()
        if pty.proc.poll() is None:
            pty.proc.kill()
            pty.proc.wait(10)


def _assert_closed_and_gone(pty: Pty, vault_dir: Path) -> None:
    try:
        code = pty.proc.wait(15)
    except subprocess.TimeoutExpired:
        pytest.fail("the app runs on after its terminal went away")
    assert code == 129, code  # our handler ran (a bare SIGHUP death would be -1)
    assert open_sessions(vault_dir) == []
    lock = OpenLock(vault_dir / "vault.inuse")
    lock.hold()
    try:
        assert lock.alone()  # nobody holds the vault open any more
    finally:
        lock.release()


def test_input_ended_closes_the_vault_and_stops(app_in_pty: Pty, closed_vault: Path) -> None:
    app_in_pty.hang_up()  # the terminal's other end is gone: reads fail / end
    _assert_closed_and_gone(app_in_pty, closed_vault)


def test_sighup_closes_the_vault_and_stops(app_in_pty: Pty, closed_vault: Path) -> None:
    app_in_pty.proc.send_signal(signal.SIGHUP)
    _assert_closed_and_gone(app_in_pty, closed_vault)
