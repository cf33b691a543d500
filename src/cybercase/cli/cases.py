"""case new / list / show / phase / close / triage / set / timeline."""

from __future__ import annotations

from pathlib import Path

import click

from cybercase.cases.cases import (
    close_case,
    create_case,
    list_cases,
    set_intake,
    triage,
)
from cybercase.cases.phases import change_phase, expectations
from cybercase.cli.common import emit_json, get_env, json_option, table, warn
from cybercase.core.timeutil import local_display
from cybercase.views.casefile import case_file
from cybercase.views.timeline import timeline

YES_NO = click.Choice(["yes", "no"])


def _yn(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


@click.group()
def case() -> None:
    """Case files."""


@case.command("new")
@click.option("--title", required=True, help="A short title, e.g. 'WhatsApp group 7b'.")
@click.option("--group", help="The group/class, e.g. 7b.")
@click.option("--phase", type=int, default=1, show_default=True, help="Starting phase 1-6.")
@click.option("--reason", help="Why the case starts in this phase.")
@click.option("--protocol", "protocol_file", type=click.Path(path_type=Path),
              help="Run this case under this protocol file (default: the school's).")
@click.option("--reported-by", help="Who reported it (e.g. 'mother of the pupil').")
@click.option("--channel", help="How it was reported: pupil|parent|letterbox|teacher|other.")
@click.option("--reported-on", help="The day it was reported, YYYY-MM-DD or D-M-YYYY.")
@click.option("--summary", help="What is going on, in a few lines.")
@json_option
@click.pass_context
def case_new(
    ctx: click.Context, title: str, group: str | None, phase: int, reason: str | None,
    protocol_file: Path | None, reported_by: str | None, channel: str | None,
    reported_on: str | None, summary: str | None, as_json: bool,
) -> None:
    """Open a new case."""
    created = create_case(
        get_env(ctx).vault(), title, group, phase, protocol_file=protocol_file,
        reported_by=reported_by, channel=channel, reported_on=reported_on, summary=summary,
        reason=reason,
    )
    if as_json:
        emit_json({"ref": created.ref})
    else:
        click.echo(f"Opened case {created.ref}.")


@case.command("list")
@click.option("--include-void", is_flag=True,
              help="Also list cases voided as made by mistake.")
@json_option
@click.pass_context
def case_list(ctx: click.Context, include_void: bool, as_json: bool) -> None:
    """All cases (not the voided ones unless asked)."""
    cases = list_cases(get_env(ctx).vault(), include_void=include_void)
    if as_json:
        emit_json([c.to_json() for c in cases])
        return
    table(
        [[c.ref, str(c.phase), "void" if c.voided else c.status, c.group or "", c.title]
         for c in cases],
        ["ref", "phase", "status", "group", "title"],
    )


@case.command("show")
@click.argument("ref")
@json_option
@click.pass_context
def case_show(ctx: click.Context, ref: str, as_json: bool) -> None:
    """One case in full: phase and its history, people, checklist, support group, due."""
    data = case_file(get_env(ctx).vault(), ref)
    if as_json:
        emit_json(data)
        return
    info = data["phase_info"]
    click.echo(f"Case {data['ref']}: {data['title']}")
    click.echo(f"  group:    {data['group'] or '-'}")
    click.echo(f"  status:   {data['status']}"
               f"{' (' + data['outcome'] + ')' if data['outcome'] else ''}")
    click.echo(f"  opened:   {local_display(data['created_at'])} by {data['created_by']}")
    if data["closed_at"]:
        click.echo(f"  closed:   {local_display(data['closed_at'])}; "
                   f"delete after {data['retention']['delete_after']}"
                   f" (retention {data['retention']['days']} days)")
    if data["access"]["restricted"]:
        click.echo(f"  access:   only {', '.join(data['access']['users'])}")
    if data.get("voided_at"):
        click.echo(f"  VOID:     {local_display(data['voided_at'])} by {data['voided_by']}: "
                   f"{data['void_reason']}")
    if data.get("reopened_at"):
        click.echo(f"  reopened: {local_display(data['reopened_at'])}: {data['reopen_reason']}")
    if data["reported_by"] or data["channel"]:
        click.echo(f"  reported: {data['reported_on'] or '-'} by {data['reported_by'] or '-'}"
                   f" via {data['channel'] or '-'}")
    if data["triage"]:
        click.echo(f"  triage:   {data['triage']}")
    if data.get("suggested_phase"):
        click.echo(f"            the protocol suggests phase {data['suggested_phase']}")
    click.echo(f"  protocol: {data['protocol']['id']} {data['protocol']['version']}")
    click.echo(f"  phase:    {data['phase']} {info['name_en']}: {info['meaning_en']}")
    for expected in info["expects_en"]:
        click.echo(f"            expects: {expected}")
    click.echo(f"            escalate when: {info['escalate_en']}")
    click.echo("  phase history:")
    for change in data["phase_history"]:
        frm = change["from_phase"] or "-"
        click.echo(f"    {local_display(change['at'])}  {frm} -> {change['to_phase']}  "
                   f"{change['by']}: {change['reason']}")
    progress = data["checklist_progress"]
    click.echo(f"  checklist: {progress['done']} done, {progress['na']} n/a, "
               f"{progress['open']} open")
    click.echo(f"  people:   {len(data['people'])}")
    if data["support_group"] is not None:
        sg = data["support_group"]
        click.echo(f"  support group: {sg['status'] or 'not started'}, "
                   f"{len(sg['meetings'])} meeting(s)")
    cyber = data["cyber"]
    if cyber["police_route"]["police_route"]:
        click.echo(f"  POLICE ROUTE: {'; '.join(cyber['police_route']['reasons'])}")
    if any(cyber[k] for k in ("accounts", "referrals", "police_records", "agreements")):
        click.echo(f"  cyber:    {cyber['accounts']} account(s) ({cyber['fake_accounts']} fake),"
                   f" {cyber['referrals']} referral(s) ({cyber['referrals_open']} awaiting an"
                   f" answer), {cyber['police_records']} police record(s),"
                   f" {cyber['agreements']} smartphone agreement(s)")
    names = {p["id"]: p["name"] for p in data["people"]}
    for told in data["informed"] or []:  # None: care notes are not for this role
        what = f": {told['what']}" if told.get("what") else ""
        whom = f"{names[told['person_id']]}, {told['who']}" \
            if told.get("person_id") in names else told["who"]
        click.echo(f"  informed {told['on']}: {whom} ({told['how']}){what}")
    for item in data["due"]:
        flag = " OVERDUE" if item["overdue"] else ""
        click.echo(f"  due {item['due']}{flag}: {item['what']}")
    if data["corrections"]:
        click.echo("  corrections:")
        for c in data["corrections"]:
            click.echo(f"    {local_display(c['at'])}  {c['by']}: {c['table']} {c['row_id']} "
                       f"{c['field']} {c['old']!r} -> {c['new']!r}: {c['reason']}")


@case.command("phase")
@click.argument("ref")
@click.argument("phase", type=int)
@click.option("--reason", required=True, help="Why the case moves up or down.")
@click.pass_context
def case_phase(ctx: click.Context, ref: str, phase: int, reason: str) -> None:
    """Move a case to phase N (1-6), with the reason."""
    vault = get_env(ctx).vault()
    change = change_phase(vault, ref, phase, reason)
    click.echo(f"Case {ref}: phase {change.from_phase} -> {change.to_phase}.")
    from cybercase.cases.cases import get_case

    info = expectations(vault, get_case(vault, ref))
    click.echo(f"Phase {info['number']} {info['name_en']}: {info['meaning_en']}")
    for expected in info["expects_en"]:
        click.echo(f"  expects: {expected}")


@case.command("close")
@click.argument("ref")
@click.option("--outcome", required=True, help="How it ended.")
@click.pass_context
def case_close(ctx: click.Context, ref: str, outcome: str) -> None:
    """Close a case with its outcome."""
    close_case(get_env(ctx).vault(), ref, outcome)
    click.echo(f"Closed case {ref}.")


@case.command("reopen")
@click.argument("ref")
@click.option("--reason", required=True, help="Why the closed case is opened again.")
@click.pass_context
def case_reopen(ctx: click.Context, ref: str, reason: str) -> None:
    """Open a closed case again, with the reason (kept and audited)."""
    from cybercase.cases.lifecycle import reopen_case

    reopen_case(get_env(ctx).vault(), ref, reason)
    click.echo(f"Reopened case {ref}.")


@case.command("void")
@click.argument("ref")
@click.option("--reason", required=True, help="Why the case was made by mistake.")
@click.pass_context
def case_void(ctx: click.Context, ref: str, reason: str) -> None:
    """Void a case made by mistake: kept and audited, left out of lists and figures."""
    from cybercase.cases.lifecycle import void_case

    void_case(get_env(ctx).vault(), ref, reason)
    click.echo(f"Voided case {ref}: kept, but left out of the lists and the yearly figures.")


@case.command("triage")
@click.argument("ref")
@click.option("--as", "outcome", required=True,
              help="pesten|plagen|conflict|incident (the protocol's triage outcomes).")
@click.option("--intent", type=YES_NO, help="Deliberate, meant to hurt?")
@click.option("--repetition", type=YES_NO, help="Repeated, against the same pupil?")
@click.option("--power", type=YES_NO, help="Power imbalance?")
@click.option("--note", help="Why.")
@click.pass_context
def case_triage(
    ctx: click.Context, ref: str, outcome: str, intent: str | None, repetition: str | None,
    power: str | None, note: str | None,
) -> None:
    """Record the triage: bullying, teasing, conflict or incident, with the criteria."""
    vault = get_env(ctx).vault()
    warnings = triage(vault, ref, outcome, {
        "intent": _yn(intent), "repetition": _yn(repetition), "power": _yn(power)}, note)
    for message in warnings:
        warn(message)
    click.echo(f"Case {ref}: triage {outcome}.")
    from cybercase.cases.cases import case_protocol, get_case, suggested_phase

    case = get_case(vault, ref)
    suggested = suggested_phase(vault, case)
    if suggested is not None:
        name = case_protocol(vault, case).phase(suggested).name_en
        click.echo(f"The protocol suggests phase {suggested} ({name}); the case is in phase "
                   f"{case.phase}: cybercase case phase {ref} {suggested} --reason ...")


@case.command("set")
@click.argument("ref")
@click.option("--summary")
@click.option("--reported-by")
@click.option("--channel")
@click.option("--reported-on", help="YYYY-MM-DD or D-M-YYYY")
@click.option("--group")
@click.option("--reason", help="Why a recorded value is changed (kept with the old value).")
@click.pass_context
def case_set(
    ctx: click.Context, ref: str, summary: str | None, reported_by: str | None,
    channel: str | None, reported_on: str | None, group: str | None, reason: str | None,
) -> None:
    """Change the summary, how it was reported, or the group."""
    set_intake(get_env(ctx).vault(), ref, summary=summary, reported_by=reported_by,
               channel=channel, reported_on=reported_on, group=group, reason=reason)
    click.echo(f"Case {ref} updated.")


@case.command("timeline")
@click.argument("ref")
@json_option
@click.pass_context
def case_timeline(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Everything in the case by the time it happened."""
    events = timeline(get_env(ctx).vault(), ref)
    if as_json:
        emit_json([e.to_json() for e in events])
        return
    table(
        [[e.when if e.date_only else local_display(e.when), e.kind, e.by or "", e.what]
         for e in events],
        ["when", "what", "by", "details"],
    )
