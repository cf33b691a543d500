"""Concurrency: several real processes (and the app) writing to one vault at once.

- Two processes, each running many CLI commands back to back (case new, person add,
  case phase): with time to wait (CYBERCASE_LOCK_WAIT) every command succeeds, nothing is
  corrupted and every change is there once.
- Without time to wait, against a process that holds the vault for long stretches (ingest
  of a large file, again and again): each command either succeeds or exits 4 with one
  line naming who holds the vault (user, process, host); a command that exited 4 changed
  nothing.
- The app (under Pilot, in this process) creates cases while a CLI process does the same;
  a rekey from the CLI waits for the app to close the vault (exit 4 meanwhile).

Default: 2 x 20 rounds; CYBERCASE_ROUNDS for longer runs.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from cybercase.cases.cases import list_cases
from cybercase.tui.app import make_app
from cybercase.tui.dashboard.new_case import NewCaseModal
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.case_table import CaseTable
from tests.conftest import PASSPHRASE, USER
from tests.reliability.common import base_env, check_vault, ok, run

ROUNDS = int(os.environ.get("CYBERCASE_ROUNDS", "20"))

pytestmark = pytest.mark.slow

# Runs CLI commands one after the other in one process (as fast as a script can), and
# prints one JSON line per command: its arguments, exit code and stderr.
LOOP = r"""
import contextlib, io, json, os, sys, time
from cybercase.cli import main


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main.main(args=list(args), prog_name="cybercase", standalone_mode=False)
        except SystemExit as exc:
            code = exc.code or 0
    print(json.dumps({"args": list(args), "code": code, "out": out.getvalue(),
                      "err": err.getvalue()}), flush=True)
    return code, out.getvalue()


kind, rounds, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for i in range(rounds):
    if kind == "cases":
        code, out = cli("case", "new", "--title", f"{tag} {i}", "--json")
        if code == 0:
            ref = json.loads(out)["ref"]
            cli("person", "add", ref, f"Pupil {tag} {i}", "--kind", "pupil", "--json")
            cli("case", "phase", ref, "2", "--reason", f"round {i}")
        time.sleep(float(os.environ.get("LOOP_PAUSE", "0")))
    else:
        cli("ingest", sys.argv[4], sys.argv[5], "--json")
"""


def start(script: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(script), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def results(proc: subprocess.Popen[str], timeout: float = 600) -> list[dict[str, Any]]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0 and "Traceback" not in err, err
    return [json.loads(line) for line in out.splitlines()]


def setup(tmp_path: Path, **extra: str) -> tuple[Path, dict[str, str], Path]:
    vault = tmp_path / "vault"
    env = base_env(vault, tmp_path, **extra)
    ok(env, "init", "--user", USER)
    script = tmp_path / "loop.py"
    script.write_text(LOOP, encoding="utf-8")
    return vault, env, script


def test_two_writers_take_turns(tmp_path: Path, report: Callable[[str], None]) -> None:
    vault, env, script = setup(tmp_path, CYBERCASE_LOCK_WAIT="30")
    procs = [start(script, env, "cases", str(ROUNDS), tag) for tag in ("A", "B")]
    done = [r for proc in procs for r in results(proc)]
    failed = [r for r in done if r["code"] != 0]
    assert not failed, failed[:3]
    state = check_vault(vault)
    titles = {c.title for c in _cases(vault)}
    assert titles == {f"{tag} {i}" for tag in "AB" for i in range(ROUNDS)}
    assert len(state.cases) == 2 * ROUNDS and len(state.people) == 2 * ROUNDS
    ok(env, "verify")
    report(f"concurrency: 2 processes, {len(done)} commands at once, all done, "
           f"{len(state.cases)} cases each there once, vault verifies")


def _cases(vault: Path) -> list[Any]:
    from cybercase.vault import Vault

    with Vault.open(vault, USER, PASSPHRASE) as v:
        return list_cases(v)


def test_busy_vault_exit_4_names_the_holder(tmp_path: Path,
                                            report: Callable[[str], None]) -> None:
    vault, env, script = setup(tmp_path)
    ref = json.loads(ok(env, "case", "new", "--title", "Big files", "--json").out)["ref"]
    big = tmp_path / "recording.bin"
    big.write_bytes(os.urandom(33 * 1024 * 1024))  # streamed: holds the vault a while
    no_wait = {**env, "CYBERCASE_LOCK_WAIT": "0"}
    holder = start(script, no_wait, "ingest", str(max(3, ROUNDS // 4)), "I", ref, str(big))
    writer = start(script, {**no_wait, "LOOP_PAUSE": "0.2"}, "cases", str(ROUNDS), "W")
    done = {"writer": results(writer), "holder": results(holder)}
    pids = {"writer": writer.pid, "holder": holder.pid}
    host = socket.gethostname()
    busy = 0
    for who, rows in done.items():
        other = pids["holder" if who == "writer" else "writer"]
        for row in rows:
            assert row["code"] in (0, 4), row
            if row["code"] == 4:
                busy += 1
                lines = [line for line in row["err"].splitlines() if line.strip()]
                assert len(lines) == 1, row["err"]
                assert re.search(rf"in use by {USER} \(process {other} on {re.escape(host)}\)"
                                 r" since ", lines[0]), lines[0]
    created = [r for r in done["writer"] if r["args"][:2] == ["case", "new"] and r["code"] == 0]
    people = [r for r in done["writer"] if r["args"][:2] == ["person", "add"] and r["code"] == 0]
    state = check_vault(vault)
    assert len(state.cases) == 1 + len(created)  # exit 4 changed nothing, 0 changed once
    assert len(state.people) == len(people)
    ingested = [r for r in done["holder"] if r["code"] == 0]
    assert ingested and len(state.items) == 1  # one content, stored once
    ok(env, "verify")
    total = sum(len(rows) for rows in done.values())
    report(f"concurrency: {total} commands against a busy vault without waiting: "
           f"{total - busy} done, {busy} exit 4 naming the holder, nothing half-done")


async def test_app_and_cli_at_once(tmp_path: Path, report: Callable[[str], None],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    vault, env, script = setup(tmp_path, CYBERCASE_LOCK_WAIT="30")
    monkeypatch.setenv("CYBERCASE_LOCK_WAIT", "30")  # the app in this process waits too
    cli = start(script, env, "cases", str(ROUNDS), "CLI")
    app = make_app(vault, settings=AppSettings(language="en"),
                   settings_file=tmp_path / "app.json")
    in_app = 5
    async with app.run_test(size=(100, 32)) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        for i in range(in_app):
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, NewCaseModal)
            app.screen.query_one("#title", Input).value = f"APP {i}"
            await pilot.click("#create")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen), app.screen
        rows = results(cli)
        assert all(r["code"] == 0 for r in rows), [r for r in rows if r["code"]][:3]
        await pilot.press("r")  # the app sees what the CLI wrote meanwhile
        await pilot.pause()
        table = app.screen.query_one(CaseTable)
        assert table.row_count == in_app + ROUNDS
        check = run(env, "verify")  # while the app holds the vault open
        assert check.code == 0, check.out + check.err
        # a rekey would leave the app unable to read (and verify elsewhere seeing damage
        # until the log is checkpointed): refused while the app has the vault open
        rekey = run({**env, "CYBERCASE_LOCK_WAIT": "1"}, "rekey")
        assert rekey.code == 4 and "open in another program" in rekey.err, rekey.err
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one(CaseTable).row_count == in_app + ROUNDS
    ok(env, "rekey")  # the app has closed the vault: now it works
    ok(env, "verify")
    state = check_vault(vault)
    titles = {c.title for c in _cases(vault)}
    assert titles == {f"APP {i}" for i in range(in_app)} | {f"CLI {i}" for i in range(ROUNDS)}
    report(f"concurrency: the app created {in_app} cases while a CLI process ran "
           f"{len(rows)} commands; all {len(state.cases)} cases there once, vault verifies")
