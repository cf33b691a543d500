"""print: a confrontation print for the meeting with a pupil and the parents (issue 18)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from cybercase.cli.common import emit_json, get_env, json_option
from cybercase.core.dutchdates import parse_dutch_date
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.termsafe import safe


def _day(value: str | None) -> date | None:
    if not value:
        return None
    return parse_dutch_date(value, msg("confront.date"))  # 3-12-2026 or ISO


@click.command("print")
@click.argument("ref")
@click.option("--for", "for_id", type=int, required=True,
              help="The pupil the meeting is about (their name stays readable).")
@click.option("--evidence", "evidence", multiple=True,
              help="An evidence item to print: an image or a whole chat (repeat).")
@click.option("--message", "messages", multiple=True, metavar="ITEM:N",
              help="One message of chat ITEM (its number, see `cybercase messages`; repeat).")
@click.option("--keep", "keep", type=int, multiple=True,
              help="Another person whose name stays readable, e.g. the bullied child (repeat).")
@click.option("--mask", "rects", multiple=True, metavar="ITEM:X,Y,W,H",
              help="A solid box over image ITEM, in its pixels (repeat).")
@click.option("--date", "day", help="The meeting's date (3-12-2026 or YYYY-MM-DD; default today).")
@click.option("--with", "with_whom", default="",
              help="With whom the meeting is (default: the pupil and the parents).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="The PDF to write.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@json_option
@click.pass_context
def print_cmd(ctx: click.Context, ref: str, for_id: int, evidence: tuple[str, ...],
              messages: tuple[str, ...], keep: tuple[int, ...], rects: tuple[str, ...],
              day: str | None, with_whom: str, out: Path, force: bool, as_json: bool) -> None:
    """Print chats and screenshots for the meeting with a pupil, other children masked."""
    from cybercase.export.confront import make_print
    from cybercase.privacy.confront import parse_message_ref, parse_rect, plan_print

    chosen = [parse_message_ref(m) for m in messages]
    boxes = [parse_rect(r) for r in rects]
    vault = get_env(ctx).vault()
    plan = plan_print(vault, ref, for_id, list(evidence), chosen, list(keep), _day(day),
                      with_whom, boxes)
    result = make_print(vault, plan, out, force)
    if as_json:
        data = result.to_json()
        data["no_reading"] = [p.item.id for p in plan.pages
                              if getattr(p, "no_reading", False)]
        emit_json(data)
        return
    click.echo(msg("print.done", path=safe(str(result.path)), n=result.pages,
                   masks=msg("print.count.masks", n=result.masks), id=result.print_id))
    for page in plan.pages:
        if getattr(page, "no_reading", False):
            click.echo(msg("print.no_reading", id=page.item.id))


@click.command("nickname")
@click.argument("person_id", type=int)
@click.argument("name", required=False)
@click.option("--remove", is_flag=True, help="Remove NAME instead of adding it.")
@json_option
@click.pass_context
def nickname_cmd(ctx: click.Context, person_id: int, name: str | None, remove: bool,
                 as_json: bool) -> None:
    """Other names a person goes by (nicknames, gamer tags), masked with the person."""
    from cybercase.privacy.aliases import add_alias, list_aliases, remove_alias

    vault = get_env(ctx).vault()
    if name is None:
        if remove:
            raise UsageError(msg("privacy.alias.which"))
        names = list_aliases(vault, person_id)
    elif remove:
        names = remove_alias(vault, person_id, name)
    else:
        names = add_alias(vault, person_id, name)
    if as_json:
        emit_json({"person_id": person_id, "nicknames": names})
        return
    for found in names:
        click.echo(safe(found))


@click.command("prints")
@click.argument("ref")
@json_option
@click.pass_context
def prints_cmd(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The masked prints of case REF: for which meeting, from which items, by whom."""
    from cybercase.export.confront import list_prints

    found = list_prints(get_env(ctx).vault(), ref)
    if as_json:
        emit_json(found)
        return
    for p in found:
        click.echo(msg("print.list_line", id=p["id"], on=p["meeting_on"],
                       who=safe(p["meeting_with"]), items=", ".join(map(str, p["items"])),
                       by=safe(p["made_by"])))
