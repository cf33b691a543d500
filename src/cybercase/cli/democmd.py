"""cybercase demo: the full-screen app on a demo vault, made on first use."""

from __future__ import annotations

import click

from cybercase.core.paths import demo_vault_dir


@click.command()
def demo() -> None:
    """Open the full-screen app on a demo vault (invented cases; passphrase shown)."""
    from cybercase.cli.app_launch import require_terminal

    require_terminal()
    from cybercase.demo import ensure_demo_vault  # draws screenshots: only when asked

    path = demo_vault_dir()
    if ensure_demo_vault(path):
        click.echo(f"Created the demo vault at {path}.", err=True)
    from cybercase.tui.app import run_app

    run_app(path, demo=True)
