"""Start the full-screen app, or until it exists, say what to use instead."""

from __future__ import annotations

import click

from cybercase.cli.common import Env


def launch_app(env: Env, demo: bool) -> None:
    try:
        from cybercase.tui.app import run_app  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        click.echo(
            "The full-screen app is not built yet; use the commands below "
            "(`cybercase --help`).",
            err=True,
        )
        click.echo(click.get_current_context().get_help())
        return
    run_app(env.vault_dir, demo=demo)
