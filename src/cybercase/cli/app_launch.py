"""Start the full-screen app (textual is imported only here, when the app runs)."""

from __future__ import annotations

from cybercase.cli.common import Env


def launch_app(env: Env, demo: bool) -> None:
    from cybercase.tui.app import run_app

    run_app(env.vault_dir, demo=demo)
