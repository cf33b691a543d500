"""The command line: thin. Parse, call the core, turn errors into one line and an exit code.

Command groups live in sibling modules (``cases.py``, ``vaultcmds.py``, ...) and register
themselves on :data:`main` when imported at the bottom of this file.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from cybercase import __version__
from cybercase.cli.common import CybercaseGroup, Env
from cybercase.core import oslayer


@click.group(cls=CybercaseGroup, invoke_without_command=True)
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


# Register the command modules (import for their side effect on ``main``).
from cybercase.cli import about as _about  # noqa: E402
from cybercase.cli import casefile as _casefile  # noqa: E402
from cybercase.cli import cases as _cases  # noqa: E402
from cybercase.cli import chat as _chat  # noqa: E402
from cybercase.cli import cyber as _cyber  # noqa: E402
from cybercase.cli import democmd as _democmd  # noqa: E402
from cybercase.cli import evidence as _evidence  # noqa: E402
from cybercase.cli import export as _export  # noqa: E402
from cybercase.cli import privacy as _privacy  # noqa: E402
from cybercase.cli import settings as _settings  # noqa: E402
from cybercase.cli import sshsetup as _sshsetup  # noqa: E402
from cybercase.cli import vaultcmds as _vaultcmds  # noqa: E402

__all__ = ["main", "run"]
_ = (_about, _cases, _casefile, _democmd, _evidence, _export, _settings, _vaultcmds, os, sys)
__privacy = _privacy
_registered_cyber = _cyber
_registered_chat = _chat
_registered_ssh = _sshsetup
