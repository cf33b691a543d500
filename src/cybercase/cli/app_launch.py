"""Start the full-screen app (textual is imported only here, when the app runs)."""

from __future__ import annotations

import sys
from typing import TextIO

import click

from cybercase.cli.common import Env

NO_TERMINAL = (
    "cybercase: the app needs a terminal (its input or output is not one): run it in a "
    "terminal, over SSH with `ssh -t`; scripts use the commands (cybercase --help)"
)


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed or detached
        return False


def require_terminal() -> None:
    """Refuse to start the app on pipes: one line, exit 2 (checked before textual and
    the image probe are imported, which would write escape codes to a pipe). Textual
    draws on stderr, so that one must be the terminal too."""
    if not all(_is_terminal(s) for s in (sys.stdin, sys.stdout, sys.stderr)):
        click.echo(NO_TERMINAL, err=True)
        sys.exit(2)


def launch_app(env: Env, demo: bool) -> None:
    require_terminal()
    from cybercase.tui.app import run_app

    run_app(env.vault_dir, demo=demo)
