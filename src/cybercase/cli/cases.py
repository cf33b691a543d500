"""case new / list / show."""

from __future__ import annotations

import click

from cybercase.cases.cases import create_case, get_case, list_cases
from cybercase.cli import main
from cybercase.cli.common import emit_json, get_env, json_option, table
from cybercase.timeutil import local_display


@main.group()
def case() -> None:
    """Case files."""


@case.command("new")
@click.option("--title", required=True, help="A short title, e.g. 'WhatsApp group 7b'.")
@click.option("--group", help="The group/class, e.g. 7b.")
@click.option("--phase", type=int, default=1, show_default=True, help="Starting phase 1-6.")
@json_option
@click.pass_context
def case_new(
    ctx: click.Context, title: str, group: str | None, phase: int, as_json: bool
) -> None:
    """Open a new case."""
    created = create_case(get_env(ctx).vault(), title, group, phase)
    if as_json:
        emit_json({"ref": created.ref})
    else:
        click.echo(f"Opened case {created.ref}.")


@case.command("list")
@json_option
@click.pass_context
def case_list(ctx: click.Context, as_json: bool) -> None:
    """All cases."""
    cases = list_cases(get_env(ctx).vault())
    if as_json:
        emit_json([c.to_json() for c in cases])
        return
    table(
        [[c.ref, str(c.phase), c.status, c.group or "", c.title] for c in cases],
        ["ref", "phase", "status", "group", "title"],
    )


@case.command("show")
@click.argument("ref")
@json_option
@click.pass_context
def case_show(ctx: click.Context, ref: str, as_json: bool) -> None:
    """One case in full."""
    found = get_case(get_env(ctx).vault(), ref)
    if as_json:
        emit_json(found.to_json())
        return
    click.echo(f"Case {found.ref}: {found.title}")
    click.echo(f"  group:  {found.group or '-'}")
    click.echo(f"  phase:  {found.phase}")
    click.echo(f"  status: {found.status}{' (' + found.outcome + ')' if found.outcome else ''}")
    click.echo(f"  opened: {local_display(found.created_at)} by {found.created_by}")
