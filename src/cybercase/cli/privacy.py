"""case restrict / unrestrict, retention, subject-export, stats, correct (issue 9)."""

from __future__ import annotations

import click

from cybercase.cli import main
from cybercase.cli.cases import case
from cybercase.cli.common import get_env
from cybercase.privacy import access


@case.command("restrict")
@click.argument("ref")
@click.option("--users", required=True,
              help="Comma-separated user names who may see the case (one a coordinator).")
@click.pass_context
def case_restrict(ctx: click.Context, ref: str, users: str) -> None:
    """Restrict case REF to named users (coordinator only; logged)."""
    names = access.restrict(get_env(ctx).vault(), ref, users.split(","))
    click.echo(f"Case {ref} is now visible only to {', '.join(names)}.")


@case.command("unrestrict")
@click.argument("ref")
@click.pass_context
def case_unrestrict(ctx: click.Context, ref: str) -> None:
    """Lift the restriction of case REF (coordinator only; logged)."""
    access.unrestrict(get_env(ctx).vault(), ref)
    click.echo(f"Case {ref} is visible to every user again (within their role).")


_ = main
