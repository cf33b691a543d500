"""Several coordinators, one vault, the app over a real OpenSSH server.

Starts ``sshd`` on 127.0.0.1 (a free high port, its own host key, a config in the temp
dir made from the block ``cybercase ssh-setup`` writes, for the current user), connects
with a generated key and checks: a command or a shell through the account runs cybercase
instead (which, without a terminal, says so in one line and exits 2); a port forward and
SFTP are refused; the app over ``ssh -tt`` in tmux unlocks, opens a case and records a
phase change; a second session at the same time sees the change and who else is in;
killing that second connection mid-dialog ends its cybercase process with the vault
closed, and the vault verifies.

CI installs openssh-server (``.ci/run``); without sshd, ssh or tmux the test skips.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from cybercase.cases.cases import create_case, get_case
from cybercase.cli import main
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.vault.sessions import open_sessions
from tests.conftest import PASSPHRASE
from tests.e2e.test_tmux import Tmux

SSHD = next((p for p in (shutil.which("sshd"), "/usr/sbin/sshd") if p and Path(p).is_file()),
            None)

pytestmark = [
    pytest.mark.skipif(SSHD is None, reason="sshd is not installed (apt install "
                                            "openssh-server)"),
    pytest.mark.skipif(shutil.which("ssh") is None or shutil.which("sftp") is None,
                       reason="the OpenSSH client is not installed"),
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(sys.platform == "win32", reason="sshd runs on Linux and macOS"),
]

WIDTH, HEIGHT = 120, 36
BOB_PASSPHRASE = "staple battery horse correct"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


@dataclass
class Server:
    port: int
    user: str
    key: Path
    known: Path
    vault_dir: Path
    setup: Path

    def ssh_args(self, *extra: str) -> list[str]:
        return ["ssh", "-F", "/dev/null", "-i", str(self.key), "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={self.known}",
                "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-p", str(self.port), *extra,
                f"{self.user}@127.0.0.1"]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    user = os.environ.get("USER") or subprocess.run(
        ["id", "-un"], capture_output=True, text=True).stdout.strip()
    if os.geteuid() == 0:
        try:
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privsep folder
        except OSError as exc:
            pytest.skip(f"cannot make /run/sshd: {exc}")
    vault_dir = tmp_path / "vault"
    vault, _ = Vault.create(vault_dir, "anna", PASSPHRASE, school="OBS De Pirouette")
    try:
        vault.add_user("bob", "coordinator", BOB_PASSPHRASE)
        create_case(vault, "Nepaccount 6a", "6a", 2)
    finally:
        vault.close()
    key = tmp_path / "client_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ivp@laptop",
                    "-f", str(key)], check=True)
    setup = tmp_path / "setup"
    done = CliRunner().invoke(
        main, ["--vault", str(vault_dir), "ssh-setup", "--account", user, "--key",
               f"{key}.pub", "--out", str(setup)],
        env={"CYBERCASE_USER": "anna", "CYBERCASE_PASSPHRASE": PASSPHRASE})
    assert done.exit_code == 0, done.output
    block = (setup / "sshd_config-cybercase").read_text()
    assert "ForceCommand /usr/bin/env CYBERCASE_VAULT=" in block
    assert f"{Path(sys.executable).parent}/cybercase" in block  # this venv's, absolute
    hostkey = tmp_path / "host_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(hostkey)],
                   check=True)
    port = free_port()
    config = tmp_path / "sshd_config"
    config.write_text("\n".join([
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {hostkey}",
        f"PidFile {tmp_path / 'sshd.pid'}",
        f"AuthorizedKeysFile {setup / 'authorized_keys'}",
        "StrictModes no", "UsePAM no", "PermitRootLogin prohibit-password",
        # a global SFTP subsystem, as distributions ship it: the block must still stop it
        "Subsystem sftp internal-sftp",
        "LogLevel VERBOSE",
        "", block]))
    checked = subprocess.run([str(SSHD), "-t", "-f", str(config)], capture_output=True,
                             text=True)
    assert checked.returncode == 0, checked.stderr
    log = open(tmp_path / "sshd.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(config)], stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        wait_port(port)
        yield Server(port, user, key, tmp_path / "known_hosts", vault_dir, setup)
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def test_a_shell_a_port_forward_and_sftp_are_refused(server: Server, tmp_path: Path) -> None:
    # a command (a shell) runs cybercase instead, which without a terminal says so
    done = subprocess.run([*server.ssh_args(), "sh -c id"], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "uid=" not in done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "needs a terminal" in lines[0], done.stderr
    assert done.stdout == ""

    # a port forward to the SSH port itself: the client listens, the server refuses
    local = free_port()
    forward = subprocess.Popen([*server.ssh_args("-N", "-L", f"{local}:127.0.0.1:"
                                                 f"{server.port}")],
                               stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_port(local)
        with socket.create_connection(("127.0.0.1", local), timeout=10) as s:
            s.settimeout(10)
            try:
                got = s.recv(100)
            except (TimeoutError, ConnectionResetError):
                got = b""
        assert not got.startswith(b"SSH-"), got  # nothing reached the other end
    finally:
        forward.terminate()
        try:
            forward.communicate(timeout=10)
        except subprocess.TimeoutExpired:  # seen once in CI on a loaded machine
            forward.kill()
            forward.communicate(timeout=10)
    log = (tmp_path / "sshd.log").read_text(errors="replace")
    assert "refused local port forward" in log, log

    # SFTP: the ForceCommand runs instead of the SFTP server, which then fails
    sftp = subprocess.run(
        ["sftp", "-F", "/dev/null", "-i", str(server.key), "-o", "IdentitiesOnly=yes",
         "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={server.known}",
         "-o", "BatchMode=yes", "-P", str(server.port), "-b", "-",
         f"{server.user}@127.0.0.1"],
        input="ls /\n", capture_output=True, text=True, timeout=60)
    assert sftp.returncode != 0, sftp.stdout
    assert "bin" not in sftp.stdout


def _ssh_window(tmux: Tmux, server: Server, name: str, exit_file: Path) -> None:
    import shlex

    command = " ".join(shlex.quote(a) for a in server.ssh_args("-tt"))
    tmux("new-session" if name == "a" else "new-window", *(["-d"] if name == "a" else []),
         *(["-s", "ssh"] if name == "a" else ["-d", "-t", "ssh"]), "-n", name,
         *(["-x", str(WIDTH), "-y", str(HEIGHT)] if name == "a" else []), "sh", "-c",
         f"env TERM=xterm-256color {command}; echo EXIT=$? > {shlex.quote(str(exit_file))};"
         " sleep 120")


class Window:
    def __init__(self, tmux: Tmux, name: str) -> None:
        self.tmux, self.target = tmux, f"ssh:{name}"

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def wait_for(self, text: str, timeout: float = 40) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear within {timeout} s; screen:\n{screen}")

    def pane_pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.target, "#{pane_pid}"))


def _gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    runner = Tmux(f"cybercase-ssh-{tmp_path.name}")
    yield runner
    runner("kill-server")


def test_two_coordinators_over_ssh_and_a_dropped_connection(
    server: Server, tmux: Tmux, tmp_path: Path
) -> None:
    exit_a, exit_b = tmp_path / "exit-a", tmp_path / "exit-b"
    _ssh_window(tmux, server, "a", exit_a)
    a = Window(tmux, "a")
    a.wait_for("Unlock the vault")
    a.wait_for("anna")  # the first user, chosen
    time.sleep(0.5)
    a.keys(PASSPHRASE, "Enter")
    a.wait_for("Nepaccount 6a")
    a.keys("Enter")  # open the case
    a.wait_for("Overview")
    a.keys("p")  # change the phase: the next one (3), with a reason
    a.wait_for("Change the phase")
    a.keys("Bewijs van nepaccount veiliggesteld", "Enter")
    a.wait_for("Phase 2 → 3 recorded")

    # a second coordinator, at the same time, over a second connection
    _ssh_window(tmux, server, "b", exit_b)
    b = Window(tmux, "b")
    b.wait_for("Unlock the vault")
    b.wait_for("anna")
    time.sleep(0.5)
    for keys in (["BTab"], ["Enter"], ["Down"], ["Enter"], ["Tab"]):  # choose bob
        b.keys(*keys)
        time.sleep(0.7)
    b.keys(BOB_PASSPHRASE, "Enter")
    b.wait_for("Nepaccount 6a")
    b.wait_for("bob (anti-bullying coordinator)")  # the user chosen at unlock
    screen = b.wait_for("Also open: anna", timeout=20)
    assert "over SSH" in screen
    b.keys("Enter")
    screen = b.wait_for("Overview")
    assert "Bewijs van nepaccount veiliggesteld" in screen or "3" in screen
    with Vault.open(server.vault_dir, "anna", PASSPHRASE) as v:
        ref = v.conn.execute("SELECT ref FROM cases").fetchone()[0]
        assert get_case(v, ref).phase == 3
    sessions = {s.user: s for s in open_sessions(server.vault_dir)}
    assert set(sessions) == {"anna", "bob"} and sessions["bob"].via == "ssh"

    # bob opens a dialog and his connection drops (the client is killed)
    b.keys("p")
    b.wait_for("Change the phase")
    b.keys("half getypt")
    shell_pid = b.pane_pid()
    clients = _children(shell_pid)
    assert clients, "no ssh client under the pane"
    for pid in clients:
        os.kill(pid, signal.SIGKILL)
    bob_pid = sessions["bob"].pid
    assert _gone(bob_pid, 20), f"cybercase of the dropped session ({bob_pid}) still runs"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and {s.user for s in open_sessions(
            server.vault_dir)} != {"anna"}:
        time.sleep(0.2)
    assert {s.user for s in open_sessions(server.vault_dir)} == {"anna"}

    # anna goes on, then quits normally
    a.keys("Escape")
    a.wait_for("Nepaccount 6a")
    a.keys("C-q")
    deadline = time.monotonic() + 30
    while not exit_a.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert exit_a.exists(), a.screen()
    assert exit_a.read_text().strip() == "EXIT=0"
    assert _gone(sessions["anna"].pid, 10)
    assert open_sessions(server.vault_dir) == []

    # nothing half-written: the vault verifies; the phase change is there once, bob's not
    done = CliRunner().invoke(main, ["--vault", str(server.vault_dir), "verify"],
                              env={"CYBERCASE_USER": "anna",
                                   "CYBERCASE_PASSPHRASE": PASSPHRASE})
    assert done.exit_code == 0, done.output
    with Vault.open(server.vault_dir, "anna", PASSPHRASE) as v:
        changes = v.conn.execute("SELECT to_phase, by, reason FROM phase_changes"
                                 " ORDER BY id").fetchall()
        assert changes[1:] == [(3, "anna", "Bewijs van nepaccount veiliggesteld")]
        opened = [e for e in entries(v.conn) if e.action == "session.open"]
    # each unlock is in the audit log with the SSH client's address, never as identity
    assert [e.actor for e in opened] == ["anna", "bob"]
    for entry in opened:
        assert entry.details is not None and entry.details["via"] == "ssh"
        assert str(entry.details["client"]).startswith("127.0.0.1 ")
