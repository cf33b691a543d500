"""Crash safety: real cybercase processes are killed (SIGKILL) at random moments.

Each scenario starts the real program in a subprocess (ingest of real Pillow images and a
file large enough to stream, a loop of case edits, exports and extracts, rekey and
passphrase changes), kills it after a seeded random delay, and then checks the vault from
under the program:

- it opens; SQLCipher's page check and SQLite's integrity check pass; the audit chain
  verifies; every stored content re-hashes to its SHA-256 (``check_vault``) and
  ``cybercase verify`` exits 0;
- nothing half-written is visible: no staging blob, no chunk without its blob, no item or
  case or person without its audit entry, no phase change without its entry;
- nothing committed before is lost; no temporary file is left in TMPDIR or the output
  folder; no partial bundle or extracted file appears at the target path;
- after a killed rekey or passphrase change the vault opens with the old or the new
  passphrase (never neither), every other user's passphrase and the recovery key still
  work.

Default: about 25 kills in all (CYBERCASE_KILLS=500 for a long run; CYBERCASE_KILL_SEED
to vary the moments).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cybercase.core.errors import UnlockError
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.reliability.common import (
    State,
    base_env,
    check_vault,
    command,
    noise_image,
    ok,
    raw,
    run,
    sha256,
)

KILLS = int(os.environ.get("CYBERCASE_KILLS", "25"))
SEED = int(os.environ.get("CYBERCASE_KILL_SEED", "4242"))
SHARE = {"ingest": 0.4, "edits": 0.3, "export": 0.15, "keys": 0.15}
ROUND = 20  # ingest: a fresh vault every ROUND kills (long runs stay quick to check)
# Files above ingest.SMALL (32 MiB in the program) are streamed in 1 MiB chunks through a
# staging blob. The ingest runs here lower that threshold to 4 MiB (INGEST below), so a 9 MiB
# file takes the same streamed path, with 9 chunks, at a quarter of the bytes that every
# kill re-reads (ingest, check_vault's re-hash and page check, verify).
STREAM_FROM = 4 * 1024 * 1024
BIG = 9 * 1024 * 1024  # above STREAM_FROM: streamed in chunks through a staging blob
INGEST = (  # (the module from sys.modules: the package's ``ingest`` is the function)
    "import importlib, runpy, sys\n"
    "ingest = importlib.import_module('cybercase.evidence.ingest')\n"
    "assert isinstance(ingest.SMALL, int), 'ingest.SMALL is gone: see tests/reliability'\n"
    f"ingest.SMALL = {STREAM_FROM}\n"
    "sys.argv = ['cybercase'] + sys.argv[1:]\n"
    "runpy.run_module('cybercase', run_name='__main__', alter_sys=True)\n"
)
VAULT_FILES = {"vault.db", "vault.db-wal", "vault.db-shm", "keys.json", "vault.lock",
               "vault.inuse", "unlock-failures.json", "unlock-failures.lock",
               "keys.json.next"}

# posix_only: SIGKILL and SIGSTOP, which Windows does not have
pytestmark = [pytest.mark.slow, pytest.mark.posix_only]


def kills_for(part: str) -> int:
    return max(3, round(KILLS * SHARE[part]))


def startup(env: dict[str, str]) -> float:
    """How long the program takes to start and unlock: kills before that hit nothing."""
    started = time.monotonic()
    ok(env, "case", "list")
    return time.monotonic() - started


class Timing:
    """How long a run takes, learnt from the runs that finished before their kill."""

    def __init__(self, start: float, first: float) -> None:
        self.start = start  # program start and unlock: kills before that hit nothing
        self.runs = [first]

    def learn(self, outcome: Outcome) -> None:
        if outcome.finished:
            self.runs.append(outcome.elapsed)

    def moment(self, rng: random.Random) -> float:
        """Mostly while the work runs; now and then just after it ended."""
        duration = min(self.runs)  # the fastest run: later ones are often quicker
        low = min(self.start * 0.8, duration * 0.5)
        if rng.random() < 0.9:
            return rng.uniform(low, duration * 0.95)
        return rng.uniform(duration * 0.95, duration * 1.3)


@dataclass
class Outcome:
    finished: bool  # the process ended on its own before the kill
    code: int
    out: str
    err: str
    elapsed: float


@dataclass
class Tally:
    part: str
    kills: int = 0
    mid_run: int = 0
    checks: int = 0
    kept_items: int | None = None  # over several vaults
    problems: list[str] = field(default_factory=list)

    def line(self, state: State) -> str:
        items = len(state.items) if self.kept_items is None else self.kept_items
        return (f"kill {self.part}: {self.kills} SIGKILLs tried ({self.mid_run} mid-run), "
                f"{self.checks} states checked, {items} items, "
                f"{len(state.cases)} cases, {state.audit_head} audit entries kept, "
                f"{'nothing lost' if not self.problems else 'PROBLEMS'}")


def kill_after(args: list[str], env: dict[str, str], delay: float) -> Outcome:
    """Start the real program, SIGKILL it after ``delay`` seconds unless it ended first.

    Its helper processes (image decoders) must end by themselves when it dies."""
    started = time.monotonic()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=delay)
        finished = True
        elapsed = time.monotonic() - started
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        finished = False
        elapsed = delay
    deadline = time.monotonic() + 15
    while True:  # the session of the killed process: no process may outlive it for long
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError(f"helper processes of {args[3:5]} outlived it by 15 s")
        time.sleep(0.05)
    if finished:
        assert "Traceback" not in err, err
        assert proc.returncode == 0, (args, proc.returncode, err)
    return Outcome(finished, proc.returncode, out, err, elapsed)


def after_kill(tally: Tally, vault: Path, env: dict[str, str], before: State,
               passphrase: str = PASSPHRASE,
               extra: Callable[[State], list[str]] | None = None) -> State:
    """Every check after one kill; returns the new committed state."""
    tmp = Path(env["TMPDIR"])
    try:
        state = check_vault(vault, passphrase)
    except AssertionError as exc:
        tally.problems.append(f"after kill {tally.kills}: {exc}")
        return before
    tally.checks += 1
    problems = state.lost_from(before)
    if extra is not None:
        problems += extra(state)
    stray = sorted(p.name for p in vault.iterdir() if p.name not in VAULT_FILES)
    if stray:
        problems.append(f"stray files in the vault folder: {stray}")
    left = sorted(p.name for p in tmp.iterdir())
    if left:
        problems.append(f"temporary files left in TMPDIR: {left}")
    verify = run({**env, "CYBERCASE_PASSPHRASE": passphrase}, "verify")
    if verify.code != 0:
        problems.append(f"verify exit {verify.code}: {verify.out} {verify.err}")
    tally.problems += [f"after kill {tally.kills}: {p}" for p in problems]
    return state


def finish(tally: Tally, state: State, report: Callable[[str], None]) -> None:
    report(tally.line(state))
    assert not tally.problems, "\n".join(tally.problems)


def new_vault(tmp_path: Path) -> tuple[Path, dict[str, str], str]:
    tmp_path.mkdir(exist_ok=True)
    vault = tmp_path / "vault"
    env = base_env(vault, tmp_path)
    recovery = json.loads(ok(env, "init", "--user", USER, "--school", "OBS De Pirouette",
                             "--json").out)["recovery_key"]
    return vault, env, recovery


def new_case(env: dict[str, str], title: str) -> str:
    return str(json.loads(ok(env, "case", "new", "--title", title, "--json").out)["ref"])


# --- ingest -------------------------------------------------------------------------------------


def ingest_command(*args: str) -> list[str]:
    """The real program's ``ingest``, streaming files above STREAM_FROM (see INGEST)."""
    return [sys.executable, "-c", INGEST, "ingest", *args]


def test_kill_ingest(tmp_path: Path, report: Callable[[str], None]) -> None:
    rng = random.Random(SEED)
    known: set[str] = set()
    shared_big = tmp_path / "recording.bin"
    shared_big.write_bytes(rng.randbytes(BIG))
    known.add(sha256(shared_big.read_bytes()))

    def batch(i: int) -> Path:
        folder = tmp_path / "files" / f"batch{i:04d}"
        folder.mkdir(parents=True)
        contents = {
            "a-screenshot.png": noise_image(rng, 360, 640, "PNG"),
            "b-photo.jpg": noise_image(rng, 800, 600, "JPEG", exif_text=f"photo {i}"),
            "c-sticker.gif": noise_image(rng, 120, 120, "GIF"),
            "d-chat.txt": f"chat export {i}\n{rng.random()}\n".encode() * 200,
        }
        if i % ROUND == 4:  # new big content once per vault
            contents["e-recording.bin"] = rng.randbytes(BIG)
        else:  # else the same: streamed through a staging blob, then deduplicated
            os.link(shared_big, folder / "e-recording.bin")
        for name, data in contents.items():
            (folder / name).write_bytes(data)
            known.add(sha256(data))
        return folder

    def only_known(state: State) -> list[str]:
        return [f"evidence {i} has a hash no ingested file has: {sha}"
                for i, sha in state.items.items() if sha not in known]

    tally = Tally("ingest")
    kept = 0
    state = State()
    for i in range(kills_for("ingest")):
        if i % ROUND == 0:  # a fresh vault every ROUND kills keeps the checks quick
            kept += len(state.items)
            vault, env, _ = new_vault(tmp_path / f"round{i // ROUND}")
            ref = new_case(env, "Kill during ingest")
            folder = batch(-1 - i // ROUND)
            full = kill_after(ingest_command(ref, str(folder)), env, 300)  # one full run
            assert full.finished, "a full ingest run took over 300 s"
            timing = Timing(startup(env), full.elapsed)  # how long a run takes
            shutil.rmtree(folder)
            state = check_vault(vault)
        folder = batch(i)
        outcome = kill_after(ingest_command(ref, str(folder), "--json"), env,
                             timing.moment(rng))
        timing.learn(outcome)
        tally.kills += 1
        tally.mid_run += not outcome.finished
        if outcome.finished:  # every file reported stored or duplicate, with its real hash
            for result in json.loads(outcome.out):
                assert result["status"] in ("stored", "flagged", "duplicate"), result
                name = Path(result["path"]).name
                assert result["sha256"] == sha256((folder / name).read_bytes())
        shutil.rmtree(folder)
        state = after_kill(tally, vault, env, state, extra=only_known)
    assert state.items, "nothing was ever stored"
    tally.kept_items = kept + len(state.items)
    finish(tally, state, report)


# --- case edits ---------------------------------------------------------------------------------

EDIT_LOOP = r"""
import contextlib, io, json, sys
from cybercase.cli import main


def cli(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main.main(args=list(args), prog_name="cybercase", standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                raise
    return out.getvalue()


i = int(sys.argv[1])
while True:
    ref = json.loads(cli("case", "new", "--title", f"Loop case {i}", "--group", "7b",
                         "--json"))["ref"]
    pid = json.loads(cli("person", "add", ref, f"Pupil {i}", "--kind", "pupil",
                         "--role", "bullied", "--json"))["id"]
    cli("case", "phase", ref, "2", "--reason", f"more reports in round {i}")
    cli("case", "set", ref, "--summary", f"notes of round {i}\nsecond line")
    cli("notes", ref, str(pid), "--json")
    i += 1
"""


def phases_consistent(vault: Path) -> list[str]:
    """Each case: its first phase entry, one audit entry per phase change, phase = last."""
    conn = raw(vault)
    try:
        problems = []
        for case_id, ref, phase in conn.execute("SELECT id, ref, phase FROM cases").fetchall():
            changes = conn.execute(
                "SELECT from_phase, to_phase FROM phase_changes WHERE case_id = ? ORDER BY id",
                (case_id,)).fetchall()
            audited = conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'case.phase' AND case_ref = ?",
                (ref,)).fetchone()[0]
            if not changes or changes[0][0] is not None:
                problems.append(f"case {ref} has no opening phase entry")
            elif len(changes) - 1 != audited or changes[-1][1] != phase:
                problems.append(f"case {ref}: phase {phase}, {len(changes)} phase entries, "
                                f"{audited} audited changes")
        people = {r[0] for r in conn.execute("SELECT id FROM people")}
        audited_people = {r[0] for r in conn.execute(
            "SELECT object FROM audit WHERE action = 'person.add'")}
        problems += [f"person {p} has no audit entry" for p in sorted(people)
                     if f"person {p}" not in audited_people]
        return problems
    finally:
        conn.close()


def test_kill_case_edits(tmp_path: Path, report: Callable[[str], None]) -> None:
    vault, env, _ = new_vault(tmp_path)
    script = tmp_path / "edit_loop.py"
    script.write_text(EDIT_LOOP, encoding="utf-8")
    rng = random.Random(SEED + 1)
    tally = Tally("case edits")
    state = check_vault(vault)
    for i in range(kills_for("edits")):
        kill_after([sys.executable, str(script), str(i * 1000)], env, rng.uniform(0.3, 2.5))
        tally.kills += 1
        tally.mid_run += 1  # the loop never ends by itself
        state = after_kill(tally, vault, env, state, extra=lambda _s: phases_consistent(vault))
    assert state.cases and state.people, "the loop never got to write"
    finish(tally, state, report)


# --- export and extract -------------------------------------------------------------------------


def test_kill_export_and_extract(tmp_path: Path, report: Callable[[str], None]) -> None:
    vault, env, _ = new_vault(tmp_path)
    env = {**env, "CYBERCASE_EXPORT_PASSPHRASE": "bundle passphrase for the police"}
    ref = new_case(env, "Kill during export")
    rng = random.Random(SEED + 2)
    files = tmp_path / "files"
    files.mkdir()
    big = rng.randbytes(8 * 1024 * 1024)
    (files / "recording.bin").write_bytes(big)
    (files / "shot.png").write_bytes(noise_image(rng, 640, 480, "PNG"))
    ingested = json.loads(ok(env, "ingest", ref, str(files), "--json").out)
    big_id = next(r["id"] for r in ingested if r["path"].endswith("recording.bin"))
    out = tmp_path / "usb-stick"
    out.mkdir()
    started = time.monotonic()
    ok(env, "export", ref, "--out", str(out / "full.zip"))
    timing = Timing(startup(env), time.monotonic() - started)
    ok(env, "verify-bundle", str(out / "full.zip"))
    timing.learn(kill_after(command("export", ref, "--out", str(out / "again.zip")), env, 300))
    tally = Tally("export/extract")
    state = check_vault(vault)
    # a finished export writes its handover sheet beside the ZIP (never a sheet alone)
    done = {"full.zip", "again.zip", "full-overdracht.pdf", "again-overdracht.pdf"}
    n_export = kills_for("export")
    for i in range(n_export + 2):
        if i < n_export:
            target = out / f"bundle-{i}.zip"
            args = ["export", ref, "--out", str(target)] + (["--encrypt"] if i % 2 else [])
        else:
            target = out / f"extracted-{i}.bin"
            args = ["evidence", "extract", str(big_id), "--out", str(target)]
        outcome = kill_after(command(*args), env, timing.moment(rng))
        timing.learn(outcome)
        tally.kills += 1
        tally.mid_run += not outcome.finished
        if target.exists():  # only ever a whole file
            done.add(target.name)
            sheet = target.with_name(target.stem + "-overdracht.pdf")
            if target.suffix == ".zip" and sheet.exists():
                done.add(sheet.name)
            if target.suffix == ".zip":
                check = run(env, "verify-bundle", str(target))
                if check.code != 0:
                    tally.problems.append(f"{target.name} is not whole: {check.out}")
            elif sha256(target.read_bytes()) != sha256(big):
                tally.problems.append(f"{target.name} is not the original")
        elif outcome.finished:
            tally.problems.append(f"{target.name} missing after a finished run")
        present = {p.name for p in out.iterdir()}
        if present != done:
            tally.problems.append(f"after kill {i}: stray files {sorted(present - done)}")
        state = after_kill(tally, vault, env, state)
    finish(tally, state, report)


# --- rekey and passphrase changes ---------------------------------------------------------------


def opens(vault: Path, user: str, passphrase: str) -> bool:
    try:
        Vault.open(vault, user, passphrase).close()
    except UnlockError:
        return False
    return True


def test_kill_rekey_and_passwd(tmp_path: Path, report: Callable[[str], None]) -> None:
    vault, env, recovery = new_vault(tmp_path)
    bert_pass = "bert has his own passphrase"
    ok({**env, "CYBERCASE_NEW_PASSPHRASE": bert_pass}, "user", "add", "bert", "--role", "ict")
    ref = new_case(env, "Kill during rekey")
    rng = random.Random(SEED + 3)
    (tmp_path / "big.bin").write_bytes(rng.randbytes(16 * 1024 * 1024))  # a longer rekey
    ok(env, "ingest", ref, str(tmp_path / "big.bin"))
    passphrases = [PASSPHRASE, "a second passphrase for anna"]
    current = 0
    start = startup(env)
    timing: dict[str, Timing] = {}
    for op in ("rekey", "passwd"):  # how long each takes when not killed
        same = {**env, "CYBERCASE_PASSPHRASE": passphrases[current],
                "CYBERCASE_NEW_PASSPHRASE": passphrases[current]}
        started = time.monotonic()
        ok(same, *op_args(op))
        timing[op] = Timing(start, time.monotonic() - started)
        timing[op].learn(kill_after(command(*op_args(op)), same, 300))
    tally = Tally("rekey/passwd")
    state = check_vault(vault)
    for _ in range(kills_for("keys")):
        op = rng.choice(("rekey", "passwd"))
        op_env = {**env, "CYBERCASE_PASSPHRASE": passphrases[current],
                  "CYBERCASE_NEW_PASSPHRASE": passphrases[1 - current]}
        outcome = kill_after(command(*op_args(op)), op_env, timing[op].moment(rng))
        timing[op].learn(outcome)
        tally.kills += 1
        tally.mid_run += not outcome.finished
        working = [n for n in (current, 1 - current) if opens(vault, USER, passphrases[n])]
        if not working:
            tally.problems.append(f"after a killed {op} neither passphrase opens the vault")
            break
        if outcome.finished and op == "passwd" and working != [1 - current]:
            tally.problems.append("a finished passwd left the old passphrase working")
        current = working[0]
        if not opens(vault, "bert", bert_pass):
            tally.problems.append(f"after a killed {op} bert cannot unlock")
        if not opens(vault, "recovery", recovery):
            tally.problems.append(f"after a killed {op} the recovery key does not unlock")
        state = after_kill(tally, vault, env, state, passphrase=passphrases[current])
    finish(tally, state, report)


def op_args(op: str) -> list[str]:
    return ["rekey"] if op == "rekey" else ["user", "passwd"]
