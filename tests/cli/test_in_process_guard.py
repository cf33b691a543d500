"""The in-process CLI fixture fails where a real process would have shown the problem or
where a command left state behind in the test process (tests/conftest.py: _in_process)."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from cybercase.cli import common
from tests.conftest import Cli


def test_a_vault_left_open_fails_the_call(cli_vault: Cli,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    cli_vault.ok("case", "list")
    monkeypatch.setattr(common.Env, "close", lambda self: None)
    with pytest.raises(AssertionError, match=r"left .* open"):
        cli_vault("case", "list")


def test_an_escaping_exception_fails_the_call(cli_vault: Cli,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Any, ctx: Any) -> None:
        raise RuntimeError("not turned into one line")

    monkeypatch.setattr(common.CybercaseGroup, "invoke", boom)
    with pytest.raises(AssertionError, match="traceback"):
        cli_vault("case", "list")


def test_a_changed_signal_handler_fails_the_call(cli_vault: Cli,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    original = common.Env.close

    def close(self: Any) -> None:
        original(self)
        signal.signal(signal.SIGTERM, lambda *_: None)

    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(common.Env, "close", close)
    try:
        with pytest.raises(AssertionError, match="signal handlers"):
            cli_vault("case", "list")
    finally:
        signal.signal(signal.SIGTERM, before)
