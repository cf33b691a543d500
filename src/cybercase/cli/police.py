"""police: the police reports of a case (aangifte, melding, advice).

The group is listed in :data:`cybercase.cli.commands.COMMANDS` (loaded when used).
"""

from __future__ import annotations

import click

from cybercase.cli.common import emit_json, get_env, json_option
from cybercase.cyber import police as police_core


@click.group()
def police() -> None:
    """Police reports (aangifte) and notifications (melding)."""


@police.command("add")
@click.argument("ref")
@click.option("--kind", required=True, help="aangifte|melding")
@click.option("--offence", required=True,
              help="discriminatie|smaad|laster|belediging|bedreiging|stalking|sexual_images|"
                   "other")
@click.option("--offence-note", help="Which offence, with --offence other; or more detail.")
@click.option("--victim", type=int, help="The victim (a person id of the case).")
@click.option("--suspect", "suspects", type=int, multiple=True,
              help="A suspect (a person id of the case; repeat).")
@click.option("--account", "accounts", type=int, multiple=True,
              help="An account of the case involved (repeat).")
@click.option("--date", "reported_on", help="The day of the report, YYYY-MM-DD (default today).")
@click.option("--offence-date", help="The day of the offence, YYYY-MM-DD (ages count from it).")
@click.option("--appointment", help="An appointment with the police, 'YYYY-MM-DD [HH:MM]'.")
@click.option("--reference", help="The police reference (proces-verbaal number).")
@click.option("--export", "export_id", type=int, help="The evidence bundle export it went with.")
@click.option("--filed-by", help="Who filed it, e.g. 'mother of the victim'.")
@click.option("--notes")
@json_option
@click.pass_context
def police_add(
    ctx: click.Context, ref: str, kind: str, offence: str, offence_note: str | None,
    victim: int | None, suspects: tuple[int, ...], accounts: tuple[int, ...],
    reported_on: str | None, offence_date: str | None, appointment: str | None,
    reference: str | None, export_id: int | None, filed_by: str | None, notes: str | None,
    as_json: bool,
) -> None:
    """Record a police report or notification for case REF."""
    rep = police_core.add_report(
        get_env(ctx).vault(), ref, kind, offence, victim=victim, suspects=suspects,
        accounts=accounts, reported_on=reported_on, offence_on=offence_date,
        appointment=appointment, reference=reference, export_id=export_id,
        filed_by=filed_by, offence_note=offence_note, notes=notes,
    )
    for notice in rep.notices:
        click.echo(f"cybercase: note: {notice}", err=True)
    if as_json:
        emit_json(rep.to_json())
    else:
        click.echo(f"Recorded police record {rep.id} ({rep.kind}, {rep.offence}).")


@police.command("update")
@click.argument("report_id", type=int)
@click.option("--reference", help="The police reference.")
@click.option("--appointment", help="An appointment, 'YYYY-MM-DD [HH:MM]'.")
@click.option("--export", "export_id", type=int, help="The evidence bundle export.")
@click.option("--notes")
@json_option
@click.pass_context
def police_update(ctx: click.Context, report_id: int, reference: str | None,
                  appointment: str | None, export_id: int | None, notes: str | None,
                  as_json: bool) -> None:
    """Add the police reference, an appointment or the bundle export."""
    rep = police_core.update_report(get_env(ctx).vault(), report_id, reference=reference,
                                    appointment=appointment, export_id=export_id, notes=notes)
    if as_json:
        emit_json(rep.to_json())
    else:
        click.echo(f"Police record {rep.id} updated.")


def _print_report(rep: police_core.Report) -> None:
    click.echo(f"Police record {rep.id} (case {rep.case}): {rep.kind}, "
               f"{police_core.OFFENCE_EN[rep.offence]}"
               f"{' - ' + rep.offence_note if rep.offence_note else ''}")
    click.echo(f"  reported: {rep.reported_on}"
               f"{', offence on ' + rep.offence_on if rep.offence_on else ''}")
    if rep.victim:
        click.echo(f"  victim: {rep.victim['name']} ({rep.victim['person_id']})")
    for s in rep.suspects:
        click.echo(f"  suspect: {s['name']} ({s['person_id']}): {s['note']}")
    for label, value in (("appointment", rep.appointment_on),
                         ("police reference", rep.police_reference),
                         ("bundle export", rep.export_id), ("filed by", rep.filed_by),
                         ("notes", rep.notes)):
        if value:
            click.echo(f"  {label}: {value}")
    if rep.accounts:
        click.echo(f"  accounts: {', '.join(map(str, rep.accounts))}")
    click.echo(f"  who can file: {rep.complaint['who_can_file']}")
    for note in rep.complaint["notes"]:
        click.echo(f"  note: {note}")
    if rep.offence == "sexual_images":
        click.echo(f"  note: {police_core.SEXUAL}")


@police.command("show")
@click.argument("report_id", type=int)
@json_option
@click.pass_context
def police_show(ctx: click.Context, report_id: int, as_json: bool) -> None:
    """One police record with the suspects' ages and who can file."""
    rep = police_core.get_report(get_env(ctx).vault(), report_id)
    if as_json:
        emit_json(rep.to_json())
    else:
        _print_report(rep)


@police.command("list")
@click.argument("ref")
@json_option
@click.pass_context
def police_list(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The police records of case REF."""
    vault = get_env(ctx).vault()
    found = police_core.list_reports(vault, ref)
    if as_json:
        emit_json([r.to_json() for r in found])
        return
    route = police_core.police_route(vault, ref)
    if route["police_route"]:
        click.echo(f"POLICE ROUTE: {'; '.join(route['reasons'])}")
    for rep in found:
        _print_report(rep)


@police.command("route")
@click.argument("ref")
@json_option
@click.pass_context
def police_route(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Whether case REF takes the police route (sexual images of a minor) and why."""
    route = police_core.police_route(get_env(ctx).vault(), ref)
    if as_json:
        emit_json(route)
        return
    if not route["police_route"]:
        click.echo(f"Case {ref}: no police route recorded.")
        return
    click.echo(f"Case {ref} takes the police route:")
    for reason in route["reasons"]:
        click.echo(f"  {reason}")
    click.echo(f"  {route['advice']}")


