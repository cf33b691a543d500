"""The CLI as a real process, where in-process runs cannot show it: the installed entry
point, exit codes, a passphrase on stdin, ctrl-c in the middle of a write.

(Most CLI tests run in-process through the ``cli`` fixture; the ones marked
``cli_subprocess`` elsewhere run ``python -m cybercase`` for the same reasons.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, Cli

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def _entry_point() -> str:
    script = Path(sys.executable).with_name("cybercase.exe" if os.name == "nt" else "cybercase")
    if not script.exists():
        pytest.skip("the cybercase script is not installed beside this Python")
    return str(script)


def test_the_installed_entry_point(cli_subprocess: Cli) -> None:
    env = {**cli_subprocess.env}
    done = subprocess.run([_entry_point(), "--version"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "cybercase, version 0.1.0\n", "")
    done = subprocess.run([_entry_point(), "case", "list"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "cybercase init" in done.stderr
    done = subprocess.run([_entry_point(), "no-such-command"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 2 and "No such command" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.posix_only  # Windows' getpass reads the console (msvcrt), never a piped stdin
@pytest.mark.cli_subprocess  # the passphrase read from a real stdin (a pipe)
def test_passphrase_on_stdin(cli_vault: Cli) -> None:
    env = {**cli_vault.env}
    del env["CYBERCASE_PASSPHRASE"]
    done = subprocess.run([sys.executable, "-m", "cybercase", "case", "list", "--json"],
                          input=PASSPHRASE + "\n", capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []  # the prompt went to stderr, not into the JSON
    assert "Passphrase for anna" in done.stderr and "Traceback" not in done.stderr
    wrong = subprocess.run([sys.executable, "-m", "cybercase", "case", "list"],
                           input="not the passphrase\n", capture_output=True, text=True,
                           env=env, timeout=60)
    assert wrong.returncode == 3 and wrong.stdout == ""
    assert wrong.stderr.splitlines()[-1] == "cybercase: wrong passphrase for 'anna': try again"


@pytest.mark.slow
@pytest.mark.posix_only  # SIGINT to a child process (os.kill with a signal)
@pytest.mark.cli_subprocess  # ctrl-c reaches a real process
def test_ctrl_c_during_an_ingest(cli_vault: Cli, tmp_path: Path, vault_dir: Path) -> None:
    ref = cli_vault.json("case", "new", "--title", "big")["ref"]
    big = tmp_path / "recording.mp4"
    with open(big, "wb") as fh:
        fh.write(MP4)
        fh.truncate(2 * 1024 ** 3)
    proc = subprocess.Popen([sys.executable, "-m", "cybercase", "ingest", ref, str(big)],
                            env=cli_vault.env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        # in the middle of storing: the vault's write-ahead log is growing
        wal = vault_dir / "vault.db-wal"
        deadline = time.monotonic() + 120
        while not (wal.exists() and wal.stat().st_size > 8 * 1024 ** 2):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the ingest never started writing"
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, (out, err)
    assert err.strip().splitlines()[-1] == (
        "cybercase: interrupted; nothing half-written was kept")
    assert "Traceback" not in err
    assert cli_vault.json("evidence", "list", ref) == []
    assert cli_vault("verify").code == 0
