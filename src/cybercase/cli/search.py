"""search: everything that is text, in the cases this user may see."""

from __future__ import annotations

import click

from cybercase.cli.common import emit_json, get_env, json_option
from cybercase.core.i18n import msg
from cybercase.core.termsafe import safe
from cybercase.views.search import search


@click.command("search")
@click.argument("text")
@click.option("--case", "ref", help="Only in case REF.")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True,
              help="At most this many hits per kind.")
@json_option
@click.pass_context
def search_cmd(ctx: click.Context, text: str, ref: str | None, limit: int,
               as_json: bool) -> None:
    """Search names, descriptions, notes, accounts, text in images and chat messages."""
    hits = search(get_env(ctx).vault(), text, limit=limit, case=ref)
    if as_json:
        emit_json([h.to_json() for h in hits])
        return
    if not hits:
        click.echo(str(msg("search.none")))
    for hit in hits:
        where = hit.object
        if hit.message is not None:
            where = str(msg("search.where_message", id=hit.item, n=hit.message))
        click.echo(f"{hit.case_ref}  {msg(f'search.kind.{hit.kind}')!s:<12} "
                   f"{safe(where):<22} {safe(hit.label)}")
