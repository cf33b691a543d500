"""What every command shares: the vault to act on, unlocking, JSON output, error display."""

from __future__ import annotations

import io
import json
import os
import re
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import click

from cybercase.cli.commands import LazyGroup
from cybercase.core.errors import CybercaseError, UnlockError, UsageError
from cybercase.core.termsafe import safe

if TYPE_CHECKING:  # the vault (SQLCipher, cryptography) loads when a command needs it
    from cybercase.vault import Vault


def fail(error: CybercaseError) -> NoReturn:
    click.echo(f"cybercase: {safe(error.message)}", err=True)
    sys.exit(error.exit_code)


class SafeStream(io.TextIOBase):
    """stdout or stderr as the CLI writes to it: control characters shown escaped.

    File names, case titles, protocol texts, bag-info fields, paths in click's own error
    messages: whatever a command prints passes :func:`~cybercase.core.termsafe.safe`
    (newlines and tabs kept), so an escape sequence in untrusted text (``ESC]52;...``
    writes the clipboard) is printed as ``\\x1b]52;...`` instead of being obeyed. Only
    :func:`echo_control` writes the CLI's own control sequences (the progress bar).
    It has no ``fileno`` and no ``buffer`` on purpose: click then writes through it
    instead of going around it (a Windows console, a binary stream).
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.stream, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.stream, "errors", None)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.stream.isatty()

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("SafeStream writes text only")
        self.stream.write(safe(text, multiline=True))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def _unwrapped(stream: TextIO) -> TextIO:
    return stream.stream if isinstance(stream, SafeStream) else stream


@contextmanager
def guarded_streams() -> Iterator[None]:
    """sys.stdout and sys.stderr behind a :class:`SafeStream` (the CLI's whole run)."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream) and sys.stdout is not None:
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream) and sys.stderr is not None:
        sys.stderr = SafeStream(sys.stderr)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                with suppress(OSError, ValueError):
                    stream.flush()
        sys.stdout, sys.stderr = saved


@contextmanager
def unguarded_streams() -> Iterator[None]:
    """The real streams back, for the full-screen app (it filters what it draws itself)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _unwrapped(sys.stdout), _unwrapped(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def echo_control(text: str) -> None:
    """The CLI's own control sequences on stderr (``\\r``, erase line), past the guard."""
    stream = _unwrapped(sys.stderr)
    stream.write(text)
    stream.flush()


class CybercaseGroup(LazyGroup):
    """Turns every expected failure into one line on stderr and the contract's exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with guarded_streams():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CybercaseError as exc:
            fail(exc)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # the reader went away (e.g. `| head`): stop quietly, as other tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, _unwrapped(sys.stdout).fileno())
            sys.exit(141)
        except KeyboardInterrupt:
            click.echo("cybercase: interrupted; nothing half-written was kept", err=True)
            sys.exit(130)
        except Exception as exc:
            from cybercase.vault.db import translate

            translated = translate(exc)
            if translated is not None:
                fail(translated)
            if os.environ.get("CYBERCASE_DEBUG"):
                traceback.print_exc()
            click.echo(
                f"cybercase: internal error ({type(exc).__name__}: {safe(exc)}); nothing more "
                "was changed. Please report it; CYBERCASE_DEBUG=1 shows the details",
                err=True,
            )
            sys.exit(70)


class Env:
    """The vault directory this invocation acts on, opened on first use."""

    def __init__(self, vault_dir: str | None) -> None:
        from cybercase.core.paths import default_vault_dir

        self.vault_dir = Path(vault_dir).expanduser() if vault_dir else default_vault_dir()
        self._vault: Vault | None = None

    def user_name(self) -> str:
        from cybercase.vault import Vault

        user = os.environ.get("CYBERCASE_USER")
        if user:
            return user
        users = Vault.users(self.vault_dir)
        if len(users) == 1:
            return users[0]
        if sys.stdin.isatty():
            return str(click.prompt("User", err=True))
        raise UnlockError(
            f"this vault has several users ({', '.join(users)}): set CYBERCASE_USER"
        )

    def vault(self) -> Vault:
        from cybercase.vault import Vault

        if self._vault is None:
            Vault.load_keyfile(self.vault_dir)  # missing vault: say so before prompting
            user = self.user_name()
            passphrase = os.environ.get("CYBERCASE_PASSPHRASE")
            if passphrase is None:
                what = "Recovery key" if user == "recovery" else f"Passphrase for {user}"
                passphrase = str(click.prompt(what, hide_input=True, err=True))
            self._vault = Vault.open(self.vault_dir, user, passphrase)
            if not self._vault.keyfile_intact:
                warn(
                    "the key file was changed outside cybercase; run `cybercase verify` "
                    "and restore it from a backup"
                )
        return self._vault

    def close(self) -> None:
        if self._vault is not None:
            self._vault.close()
            self._vault = None


def new_passphrase(prompt: str = "New passphrase") -> str:
    env = os.environ.get("CYBERCASE_NEW_PASSPHRASE")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise UsageError(
            "no new passphrase given: set CYBERCASE_NEW_PASSPHRASE or run in a terminal"
        )
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=True, err=True))


# What json.dumps(ensure_ascii=False) leaves raw but a terminal would obey (DEL, C1, the
# separators and bidi overrides, lone surrogates): written as \u escapes, still valid JSON.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(data: Any) -> str:
    """``data`` as indented JSON that is safe on a terminal and still means the same."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def emit_json(data: Any) -> None:
    click.echo(json_text(data))


def warn(message: str) -> None:
    click.echo(f"cybercase: warning: {safe(message)}", err=True)


def get_env(ctx: click.Context) -> Env:
    env = ctx.find_object(Env)
    assert env is not None
    return env


json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")


def table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain aligned table on stdout (user text one-line and escaped, never interpreted)."""
    rows = [[safe(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    click.echo(line.rstrip())
    for row in rows:
        click.echo("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
