"""The vault through the real CLI in a subprocess: exit codes and one-line errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, Cli
from tests.helpers import all_bytes, raw_connection

OTHER = "the ict passphrase 42"


@pytest.mark.cli_subprocess  # the recovery key on a real process's stderr
def test_init_prints_recovery_key_once(cli: Cli, vault_dir: Path) -> None:
    result = cli.ok("init", "--user", "anna", "--school", "JPS")
    assert "RECOVERY KEY" in result.err
    key = result.err.split("RECOVERY KEY", 1)[1].splitlines()[1].strip()
    assert len(key.replace("-", "")) == 52
    assert key.encode() not in all_bytes(vault_dir)
    again = cli("init", "--user", "anna")
    assert again.code == 2 and "already a vault" in again.err
    rec = cli("case", "list", env={"CYBERCASE_USER": "recovery", "CYBERCASE_PASSPHRASE": key})
    assert rec.code == 0, rec.err


@pytest.mark.cli_subprocess  # exit code and the one line of a real process
def test_missing_vault_one_line(cli: Cli) -> None:
    result = cli("case", "list")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "cybercase init" in result.err


def test_short_new_passphrase(cli: Cli) -> None:
    result = cli("init", "--user", "anna", env={"CYBERCASE_NEW_PASSPHRASE": "kort"})
    assert result.code == 2 and "too short" in result.err


@pytest.mark.cli_subprocess  # exit 3; SQLCipher's own noise would reach the real fd 2
def test_wrong_passphrase_exit_3_and_no_sqlcipher_noise(cli_vault: Cli, vault_dir: Path) -> None:
    before = (vault_dir / "vault.db").read_bytes()
    result = cli_vault("case", "list", env={"CYBERCASE_PASSPHRASE": "wrong wrong wrong"})
    assert result.code == 3
    assert result.err.strip().splitlines() == ["cybercase: wrong passphrase for 'anna': try again"]
    unknown = cli_vault("case", "list", env={"CYBERCASE_USER": "zoe"})
    assert unknown.code == 3 and "unknown user" in unknown.err
    assert (vault_dir / "vault.db").read_bytes() == before


def test_users_and_roles_end_to_end(cli_vault: Cli) -> None:
    cli_vault.ok("user", "add", "bob", "--role", "ict", env={"CYBERCASE_NEW_PASSPHRASE": OTHER})
    cli_vault.ok("user", "add", "dirk", "--role", "viewer")
    users = cli_vault.json("user", "list")
    assert {(u["name"], u["role"]) for u in users} == {
        ("anna", "coordinator"), ("bob", "ict"), ("dirk", "viewer")
    }
    bob = {"CYBERCASE_USER": "bob", "CYBERCASE_PASSPHRASE": OTHER}
    denied = cli_vault("user", "add", "eve", "--role", "viewer", env=bob)
    assert denied.code == 5 and "may not" in denied.err
    dirk = {"CYBERCASE_USER": "dirk"}
    assert cli_vault("case", "new", "--title", "x", env=dirk).code == 5
    cli_vault.ok("rekey")
    assert cli_vault("case", "list", env=bob).code == 0
    cli_vault.ok("user", "remove", "bob")
    assert cli_vault("case", "list", env=bob).code == 3
    cli_vault.ok("user", "passwd", "dirk", env={"CYBERCASE_NEW_PASSPHRASE": OTHER})
    assert cli_vault("case", "list", env=dirk).code == 3
    assert cli_vault("case", "list", env={**dirk, "CYBERCASE_PASSPHRASE": OTHER}).code == 0
    assert cli_vault("verify").code == 0


def test_cases_minimal(cli_vault: Cli) -> None:
    first = cli_vault.json("case", "new", "--title", "Groepsapp 7b", "--group", "7b")
    second = cli_vault.json("case", "new", "--title", "Nep-account [/] juf", "--phase", "3")
    assert first["ref"].endswith("-001") and second["ref"].endswith("-002")
    listed = cli_vault.json("case", "list")
    assert [(c["ref"], c["title"], c["phase"], c["status"]) for c in listed] == [
        (first["ref"], "Groepsapp 7b", 1, "open"),
        (second["ref"], "Nep-account [/] juf", 3, "open"),
    ]
    shown = cli_vault.json("case", "show", second["ref"])
    assert shown["title"] == "Nep-account [/] juf"
    assert cli_vault("case", "show", "2099-999").code == 2
    bad = cli_vault("case", "new", "--title", "x", "--phase", "7")
    assert bad.code == 2 and "phases 1 to 6" in bad.err
    assert cli_vault("case", "new", "--title", "  ").code == 2
    audit = cli_vault.json("audit", first["ref"])
    assert [e["action"] for e in audit] == ["case.create"]


def test_verify_names_tampered_row(cli_vault: Cli, vault_dir: Path) -> None:
    cli_vault.ok("case", "new", "--title", "One")
    assert cli_vault("verify").code == 0
    raw = raw_connection(vault_dir, "anna", PASSPHRASE)
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("UPDATE audit SET action = 'case.delete' WHERE seq = 4")
    raw.close()
    result = cli_vault("verify")
    assert result.code == 1
    assert "audit entry 4 " in result.out and "altered" in result.out


@pytest.mark.cli_subprocess  # SQLCipher's own noise would reach the real fd 2
def test_corrupted_files_one_line(cli_vault: Cli, vault_dir: Path) -> None:
    keys = vault_dir / "keys.json"
    original = keys.read_bytes()
    keys.write_bytes(original[: len(original) // 2])
    result = cli_vault("case", "list")
    assert result.code != 0 and result.err.count("\n") == 1 and "key file" in result.err
    keys.write_bytes(original)
    db = vault_dir / "vault.db"
    db.write_bytes(db.read_bytes()[:5000])
    result = cli_vault("case", "list")
    assert result.code != 0 and result.err.count("\n") == 1, result.err


HOLD = """
import sys, time
from pathlib import Path
import pytest

from cybercase.vault.lock import WriteLock
lock = WriteLock(Path(sys.argv[1]) / "vault.lock")
lock.acquire("bob")
print("held", flush=True)
time.sleep(60)
"""


def _holder(vault_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(vault_dir)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.posix_only  # SIGKILL
@pytest.mark.cli_subprocess  # exit 4 while another real process holds the lock
def test_second_writer_exits_4_then_stale_lock_is_taken_over(
    cli_vault: Cli, vault_dir: Path
) -> None:
    proc = _holder(vault_dir)
    try:
        started = time.monotonic()
        result = cli_vault("case", "new", "--title", "blocked", env={"CYBERCASE_LOCK_WAIT": "1"})
        assert result.code == 4
        assert "in use by bob" in result.err and f"process {proc.pid}" in result.err
        assert time.monotonic() - started >= 1
        # readers are not blocked
        assert cli_vault("case", "list").code == 0
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    # the holder died without releasing: its lock record is stale and is taken over
    assert cli_vault("case", "new", "--title", "after the crash").code == 0
