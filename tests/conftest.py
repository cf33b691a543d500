"""Shared fixtures: real SQLCipher vaults in temp dirs, the real CLI in a subprocess.

Vaults made by the suite use ``CYBERCASE_KDF=fast`` (cheap Argon2id parameters, flagged as
weak by the program) so hundreds of unlocks stay quick; one test measures the real ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cybercase.vault import Vault

PASSPHRASE = "correct horse battery staple"
USER = "anna"


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


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    """A fresh, unlocked vault (core API) with coordinator ``anna``."""
    v, _recovery = Vault.create(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
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
    """Runs ``python -m cybercase`` in a subprocess against one vault."""

    def __init__(self, vault_dir: Path, tmp_path: Path) -> None:
        self.vault_dir = vault_dir
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
        proc = subprocess.run(
            [sys.executable, "-m", "cybercase", *args],
            input=input, capture_output=True, text=True, timeout=timeout,
            env={**self.env, **(env or {})},
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


@pytest.fixture
def cli(vault_dir: Path, tmp_path: Path) -> Cli:
    """The CLI against ``vault_dir`` (not yet created)."""
    return Cli(vault_dir, tmp_path)


@pytest.fixture
def cli_vault(cli: Cli) -> Cli:
    """The CLI against a vault freshly made with ``cybercase init``."""
    cli.ok("init", "--user", USER, "--school", "OBS De Pirouette")
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
