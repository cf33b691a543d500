"""cybercase about: versions, system and detectors in use (for support and bug reports)."""

from __future__ import annotations

import click

from cybercase.cli.common import emit_json, json_option
from cybercase.views.about import facts


@click.command()
@json_option
def about(as_json: bool) -> None:
    """Versions in use: cybercase, Python, system, SQLCipher, file type detector."""
    found = facts()
    if as_json:
        emit_json(found)
        return
    width = max(len(name) for name in found)
    for name, value in found.items():
        click.echo(f"{name + ':':<{width + 1}} {value}")
