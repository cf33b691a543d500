"""What every command shares: the vault to act on, unlocking, JSON output, error display."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click

from cybercase.errors import CybercaseError, UnlockError, UsageError
from cybercase.paths import default_vault_dir
from cybercase.vault import Vault
from cybercase.vault.db import translate


def fail(error: CybercaseError) -> NoReturn:
    click.echo(f"cybercase: {error.message}", err=True)
    sys.exit(error.exit_code)


class CybercaseGroup(click.Group):
    """Turns every expected failure into one line on stderr and the contract's exit code."""

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
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        except KeyboardInterrupt:
            click.echo("cybercase: interrupted; nothing half-written was kept", err=True)
            sys.exit(130)
        except Exception as exc:
            translated = translate(exc)
            if translated is not None:
                fail(translated)
            if os.environ.get("CYBERCASE_DEBUG"):
                traceback.print_exc()
            click.echo(
                f"cybercase: internal error ({type(exc).__name__}: {exc}); nothing more "
                "was changed. Please report it; CYBERCASE_DEBUG=1 shows the details",
                err=True,
            )
            sys.exit(70)


class Env:
    """The vault directory this invocation acts on, opened on first use."""

    def __init__(self, vault_dir: str | None) -> None:
        self.vault_dir = Path(vault_dir).expanduser() if vault_dir else default_vault_dir()
        self._vault: Vault | None = None

    def user_name(self) -> str:
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


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def warn(message: str) -> None:
    click.echo(f"cybercase: warning: {message}", err=True)


def get_env(ctx: click.Context) -> Env:
    env = ctx.find_object(Env)
    assert env is not None
    return env


json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")


def table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain aligned table on stdout (user text printed as is, never interpreted)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    click.echo(line.rstrip())
    for row in rows:
        click.echo("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
