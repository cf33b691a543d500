"""Start-up of the command line: ``cybercase --version``, ``--help`` and a listing.

Each is a fresh process, timed over several runs (median wall time, and the CPU time of
the child where the system reports it). The floor, measured in the same run, is
``python -c pass``. The listing is ``cybercase case list --json`` on an empty vault made
with the suite's cheap KDF; the unlock (``Vault.open`` + ``close`` on that vault, timed
in this process) is measured apart and subtracted, so the figure is start-up + listing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cybercase.vault import Vault

PASSPHRASE = "benchmark passphrase 2026"
TARGET_VERSION = 0.15  # seconds, issue #15


def _command() -> list[str]:
    """The installed ``cybercase`` script beside this Python, else ``python -m cybercase``."""
    script = Path(sys.executable).with_name("cybercase.exe" if os.name == "nt" else "cybercase")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cybercase"]


def _run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Wall time and the child's CPU time (user + system; None where not reported)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu: float | None = usage.ru_utime + usage.ru_stime
    else:
        proc.wait()
        wall, cpu = time.perf_counter() - start, None
    err = proc.stderr.read() if proc.stderr else b""
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} exited {proc.returncode}: {err.decode(errors='replace')}")
    return wall, cpu


def _median(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, float | None]:
    _run_once(argv, env)  # warm the file cache
    runs = [_run_once(argv, env) for _ in range(repeat)]
    cpus = [c for _w, c in runs if c is not None]
    return (statistics.median(w for w, _c in runs),
            statistics.median(cpus) if cpus else None)


def _median_in_process(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _line(name: str, wall: float, cpu: float | None, floor: float) -> None:
    cpu_text = f", CPU {cpu * 1000:.0f} ms" if cpu is not None else ""
    print(f"{name}: {wall * 1000:.0f} ms{cpu_text}")
    print(f"{name}_vs_floor: {wall / floor:.2f}")


def main(quick: bool) -> None:
    repeat = 3 if quick else 10
    env = {**os.environ, "CYBERCASE_KDF": "fast"}
    cli = _command()
    floor, floor_cpu = _median([sys.executable, "-c", "pass"], env, repeat)
    print(f"python_c_pass (floor): {floor * 1000:.0f} ms"
          + (f", CPU {floor_cpu * 1000:.0f} ms" if floor_cpu is not None else ""))
    version, version_cpu = _median([*cli, "--version"], env, repeat)
    _line("cybercase_version", version, version_cpu, floor)
    help_, help_cpu = _median([*cli, "--help"], env, repeat)
    _line("cybercase_help", help_, help_cpu, floor)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault"
        previous = os.environ.get("CYBERCASE_KDF")
        os.environ["CYBERCASE_KDF"] = "fast"
        try:
            Vault.create(path, "anna", PASSPHRASE)[0].close()
            unlock = _median_in_process(
                lambda: Vault.open(path, "anna", PASSPHRASE).close(), repeat)
        finally:
            if previous is None:
                os.environ.pop("CYBERCASE_KDF")
            else:
                os.environ["CYBERCASE_KDF"] = previous
        list_env = {**env, "CYBERCASE_VAULT": str(path), "CYBERCASE_USER": "anna",
                    "CYBERCASE_PASSPHRASE": PASSPHRASE}
        listing, listing_cpu = _median([*cli, "case", "list", "--json"], list_env, repeat)
    print(f"unlock (fast KDF, in-process, subtracted below): {unlock * 1000:.0f} ms")
    _line("cybercase_case_list_minus_unlock", listing - unlock,
          None if listing_cpu is None else listing_cpu - unlock, floor)
    met = "met" if version < TARGET_VERSION else "not met"
    print(f"--version under {TARGET_VERSION} s: {met} ({version:.3f} s, {cli[-1]})")
