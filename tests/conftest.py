"""Shared fixtures: real SQLCipher vaults in temp dirs, the real CLI in-process or in a subprocess.

Vaults made by the suite use ``CYBERCASE_KDF=fast`` (cheap Argon2id parameters, flagged as
weak by the program) so hundreds of unlocks stay quick; one test measures the real ones.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cybercase.core import oslayer
from cybercase.core.i18n import get_language, language_from_locale, set_language
from cybercase.vault import Vault
from tests.helpers import new_vault, set_template_root

PASSPHRASE = "correct horse battery staple"
USER = "anna"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: two workers per core (at most four more than the cores). The suite
    waits about half of its time (subprocesses, tesseract, sshd, tmux, the app's timers
    under Pilot): measured with one worker per core on 2 idle cores, 925 s of CPU in a
    990 s run. Two per core overlap the waits: 630 s on the same 2 cores under load
    (session 7). ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still overrides it."""
    cores = os.cpu_count() or 1
    return max(2, min(2 * cores, cores + 4))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``posix_only`` tests (FIFOs, symlinks, SIGKILL, file modes, /proc, tmux) are skipped
    on Windows; each says why at the marker."""
    if sys.platform != "win32":
        return
    skip = pytest.mark.skip(reason="POSIX-only (see the comment at the marker)")
    for item in items:
        if item.get_closest_marker("posix_only"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fast_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CYBERCASE_KDF", "fast")
    monkeypatch.setenv("CYBERCASE_LOCK_WAIT", "1")
    # keep platformdirs (demo vault, config) inside the test's temp dir
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    for name in ("CYBERCASE_VAULT", "CYBERCASE_USER", "CYBERCASE_PASSPHRASE",
                 "CYBERCASE_NEW_PASSPHRASE", "CYBERCASE_DEBUG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session", autouse=True)
def _vault_templates(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Template vaults (tests/helpers.py: new_vault) live in this session's temp dir."""
    set_template_root(tmp_path_factory.mktemp("vault-templates"))


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    """A fresh, unlocked vault (core API) with coordinator ``anna`` (a template's copy)."""
    v, _recovery = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        yield v
    finally:
        v.close()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """The CLI against one vault: in-process (click's CliRunner) by default, or a real
    ``python -m cybercase`` subprocess (``subprocess=True``; the :func:`cli_subprocess`
    fixture) for what only a real process shows.

    In-process, each call sees what a fresh process would: exactly ``env`` as its
    environment (the same variables a subprocess gets), ``TMPDIR`` re-read, the language
    taken from that environment, stdout and stderr apart. A call fails the test where a
    real process would have printed a traceback (an exception escaping the CLI) or where
    it left state behind in this process: a vault still open, a thread still running,
    the terminal-safe guard still around ``sys.stdout``, the language, signal handlers,
    working directory or umask changed.
    """

    def __init__(self, vault_dir: Path, tmp_path: Path, *, subprocess: bool = False) -> None:
        self.vault_dir = vault_dir
        self.subprocess = subprocess
        self.env = {
            **os.environ,
            "CYBERCASE_VAULT": str(vault_dir),
            "CYBERCASE_USER": USER,
            "CYBERCASE_PASSPHRASE": PASSPHRASE,
            "CYBERCASE_NEW_PASSPHRASE": PASSPHRASE,
            "TMPDIR": str(tmp_path / "tmp"),
        }
        (tmp_path / "tmp").mkdir(exist_ok=True)

    def __call__(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> Result:
        full_env = {**self.env, **(env or {})}
        if not self.subprocess:
            return _in_process(list(args), input, full_env)
        proc = subprocess.run(
            [sys.executable, "-m", "cybercase", *args],
            input=input, capture_output=True, text=True, timeout=timeout, env=full_env,
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def ok(self, *args: str, **kw: Any) -> Result:
        """Run and require exit 0."""
        result = self(*args, **kw)
        assert result.code == 0, (args, result.code, result.err)
        return result

    def json(self, *args: str, **kw: Any) -> Any:
        """Run with --json, require exit 0, return the parsed document."""
        return self.ok(*args, "--json", **kw).json()


def _vault_free(vault_dir: Path) -> bool | None:
    """Whether nobody in this process (or another) has the vault open: its ``vault.inuse``
    lock can be taken alone. None when there is no vault (yet)."""
    path = vault_dir / "vault.inuse"
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        free = oslayer.lock_fd(fd, exclusive=True, blocking=False)
        if free:
            oslayer.unlock_fd(fd)
        return free
    finally:
        os.close(fd)


def _process_state() -> tuple[Any, ...]:
    """Process-wide things a command could change and a real process would drop at exit."""
    names = ("SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE", "SIGBREAK")
    handlers = tuple(signal.getsignal(getattr(signal, n)) for n in names if hasattr(signal, n))
    umask = os.umask(0o077)
    os.umask(umask)
    return handlers, os.getcwd(), umask


def _in_process(args: list[str], input: str | None, env: dict[str, str]) -> Result:
    from cybercase.cli import main
    from cybercase.cli.common import SafeStream

    vault_dir = Path(env["CYBERCASE_VAULT"]) if env.get("CYBERCASE_VAULT") else None
    free_before = _vault_free(vault_dir) if vault_dir else None
    threads_before = set(threading.enumerate())
    process_before = _process_state()
    saved_env, saved_tempdir, saved_language = dict(os.environ), tempfile.tempdir, get_language()
    os.environ.clear()
    os.environ.update(env)
    tempfile.tempdir = None  # TMPDIR of this call, as a new process reads it
    try:
        language = language_from_locale()
        set_language(language)
        result = CliRunner(capture="fd").invoke(main, args, input=input, catch_exceptions=True,
                                    prog_name="python -m cybercase")
        language_after = get_language()
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        tempfile.tempdir = saved_tempdir
        set_language(saved_language)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"the CLI raised (a real process prints a traceback):\n{trace}")
    for thread in set(threading.enumerate()) - threads_before:
        thread.join(timeout=30)
        assert not thread.is_alive(), f"the CLI left thread {thread.name} running"
    assert not isinstance(sys.stdout, SafeStream) and not isinstance(sys.stderr, SafeStream)
    assert _process_state() == process_before, "the CLI changed signal handlers, cwd or umask"
    assert language_after == language, "the CLI changed the process-wide language"
    if vault_dir is not None and free_before:
        assert _vault_free(vault_dir) is not False, f"the CLI left {vault_dir} open"
    return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli(vault_dir: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Cli:
    """The CLI against ``vault_dir`` (not yet created): in-process, or a real
    ``python -m cybercase`` subprocess for a test marked ``cli_subprocess``."""
    real = request.node.get_closest_marker("cli_subprocess") is not None
    return Cli(vault_dir, tmp_path, subprocess=real)


@pytest.fixture
def cli_subprocess(vault_dir: Path, tmp_path: Path) -> Cli:
    """The CLI as a real ``python -m cybercase`` subprocess against ``vault_dir`` (not yet
    created), whatever the marks."""
    return Cli(vault_dir, tmp_path, subprocess=True)


@pytest.fixture
def cli_vault(cli: Cli) -> Cli:
    """The CLI against a new vault: what ``cybercase init --user anna --school 'OBS De
    Pirouette'`` makes (Vault.create), copied from a template (tests/helpers.py: new_vault);
    tests of ``init`` itself run it."""
    new_vault(cli.vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")[0].close()
    return cli


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Show the counts the reliability tests record (kills, tampered variants, fuzzed inputs).

    They are recorded with ``record_property("reliability", line)`` so they reach this
    summary with and without ``-s`` and from xdist workers too.
    """
    lines: list[str] = []
    for reports in terminalreporter.stats.values():
        for rep in reports:
            for name, value in getattr(rep, "user_properties", ()):
                if name == "reliability" and value not in lines:
                    lines.append(value)
    if lines:
        terminalreporter.section("reliability")
        for line in lines:
            terminalreporter.write_line(line)
