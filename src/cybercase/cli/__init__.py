"""The command line: thin. Parse, call the core, turn errors into one line and an exit code.

Command groups live in sibling modules (``cases.py``, ``vaultcmds.py``, ...); the explicit
list in ``commands.py`` says where each one lives, and a command's module is imported only
when that command runs (``--version`` and ``--help`` stay quick).
"""

from __future__ import annotations

from typing import Any

import click

from cybercase import __version__
from cybercase.cli.commands import COMMANDS
from cybercase.cli.common import CybercaseGroup, Env
from cybercase.core import oslayer


@click.group(cls=CybercaseGroup, invoke_without_command=True, lazy_commands=COMMANDS)
@click.option(
    "--vault",
    "vault_dir",
    type=click.Path(file_okay=False, path_type=str),
    help="The vault directory (default: $CYBERCASE_VAULT or the user data dir).",
)
@click.version_option(__version__, prog_name="cybercase")
@click.pass_context
def main(ctx: click.Context, vault_dir: str | None) -> None:
    """cybercase: cyberbullying case files and an encrypted evidence vault.

    Without a command, opens the full-screen app on the vault.
    """
    ctx.obj = Env(vault_dir)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from cybercase.cli.app_launch import launch_app

        launch_app(ctx.obj, demo=False)


def run() -> Any:
    """The ``cybercase`` command. Core dumps go off first, before anything reads a
    passphrase or derives a key (a core file would hold keys, notes and images)."""
    oslayer.disable_core_dumps()
    return main(prog_name="cybercase")


__all__ = ["main", "run"]
