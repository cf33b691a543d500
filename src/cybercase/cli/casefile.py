"""person, sg (support group), informed, checklist, agenda, notes, protocol."""

from __future__ import annotations

from pathlib import Path

import click

from cybercase.cases import checklist as checklist_core
from cybercase.cases import people as people_core
from cybercase.cases import supportgroup
from cybercase.cases.cases import get_case
from cybercase.cli.common import emit_json, get_env, json_option, table, warn
from cybercase.core.errors import UsageError
from cybercase.privacy.notes import school_note
from cybercase.protocol import model, store
from cybercase.views import agenda as agenda_core

# --- people ------------------------------------------------------------------------------

@click.group()
def person() -> None:
    """People in a case: pupils, parents/guardians, staff."""


@person.command("add")
@click.argument("ref")
@click.argument("name")
@click.option("--kind", type=click.Choice(people_core.KINDS), required=True)
@click.option("--role", help="pupil: bullied|bully|follower|spreader|bystander; "
                             "staff: teacher|ivp|ib|directeur|ict|...; parent: parent|guardian")
@click.option("--sg-role", help="Support-group role (care data, never printed for children).")
@click.option("--group", help="The pupil's group/class.")
@click.option("--born", help="Date of birth, YYYY-MM-DD or D-M-YYYY.")
@click.option("--phone", help="A parent's or staff member's phone number (06-12345678).")
@click.option("--email", help="A parent's or staff member's e-mail address.")
@json_option
@click.pass_context
def person_add(
    ctx: click.Context, ref: str, name: str, kind: str, role: str | None, sg_role: str | None,
    group: str | None, born: str | None, phone: str | None, email: str | None, as_json: bool,
) -> None:
    """Add a person to a case."""
    added = people_core.add_person(get_env(ctx).vault(), ref, name, kind, role, group, born,
                                   sg_role, phone=phone, email=email)
    if as_json:
        emit_json({"id": added.id})
    else:
        click.echo(f"Added person {added.id}.")


@person.command("list")
@click.argument("ref")
@json_option
@click.pass_context
def person_list(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The people in a case."""
    vault = get_env(ctx).vault()
    care = people_core.sees_care(vault)
    found = people_core.list_people(vault, get_case(vault, ref))
    if as_json:
        emit_json([p.to_json(with_care=care) for p in found])
        return
    rows = []
    for p in found:
        age = p.age()
        row = [str(p.id), p.kind, p.role or "", p.group or "", "" if age is None else str(age),
               p.name]
        if care:
            row.insert(3, p.sg_role or "")
        rows.append(row)
    headers = ["id", "kind", "role", "group", "age", "name"]
    if care:
        headers.insert(3, "sg role")
    table(rows, headers)


@person.command("link")
@click.argument("parent_id", type=int)
@click.argument("pupil_id", type=int)
@click.pass_context
def person_link(ctx: click.Context, parent_id: int, pupil_id: int) -> None:
    """Record that PARENT_ID is a parent/guardian of PUPIL_ID."""
    people_core.link_parent(get_env(ctx).vault(), parent_id, pupil_id)
    click.echo(f"Person {parent_id} is now linked as parent of person {pupil_id}.")


@person.command("role")
@click.argument("person_id", type=int)
@click.option("--role", help="The pupil's case role.")
@click.option("--sg-role", help="The pupil's support-group role.")
@click.option("--reason", help="Why a recorded role is changed (kept with the old value).")
@click.pass_context
def person_role(ctx: click.Context, person_id: int, role: str | None,
                sg_role: str | None, reason: str | None) -> None:
    """Change a pupil's case role or support-group role."""
    people_core.set_roles(get_env(ctx).vault(), person_id, role, sg_role, reason)
    click.echo(f"Person {person_id} updated.")


# --- support group -------------------------------------------------------------------------

@click.group()
def sg() -> None:
    """The support group approach (No Blame): steps 1-4 and the extra step."""


@sg.command("meeting")
@click.argument("ref")
@click.option("--step", required=True, help="1, 2, 3, 4 or extra.")
@click.option("--date", "held_on", required=True, help="When it was held, YYYY-MM-DD or D-M-YYYY.")
@click.option("--participant", "participants", type=int, multiple=True,
              help="A person id taking part (repeat).")
@click.option("--action", "actions", multiple=True,
              help="An action point, PERSON_ID:TEXT (repeat; at least one per child).")
@click.option("--notes", help="What was said and agreed.")
@click.option("--led-by", help="Who led the meeting.")
@click.option("--decision", help="step 1: bullying|incident; step 4: end|again.")
@json_option
@click.pass_context
def sg_meeting(
    ctx: click.Context, ref: str, step: str, held_on: str, participants: tuple[int, ...],
    actions: tuple[str, ...], notes: str | None, led_by: str | None, decision: str | None,
    as_json: bool,
) -> None:
    """Record a support-group meeting (schedules the evaluation the step asks for)."""
    parsed = [supportgroup.parse_action(a) for a in actions]
    result = supportgroup.record_meeting(
        get_env(ctx).vault(), ref, step, held_on, participants=list(participants),
        actions=parsed, notes=notes, led_by=led_by, decision=decision,
    )
    for message in result.warnings:
        warn(message)
    if as_json:
        emit_json(result.to_json())
        return
    click.echo(f"Recorded meeting {result.id}.")
    for item in result.scheduled:
        click.echo(f"Scheduled {item['due']}: {item['what']}")


@sg.command("show")
@click.argument("ref")
@json_option
@click.pass_context
def sg_show(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The support group's meetings, action points and evaluations (care data)."""
    data = supportgroup.case_state(get_env(ctx).vault(), ref)
    if as_json:
        emit_json(data)
        return
    click.echo(f"Support group: {data['status'] or 'not started'}")
    for m in data["meetings"]:
        click.echo(f"  {m['held_on']}  step {m['step']}: {m['name_en']}"
                   f"{' (' + m['decision'] + ')' if m['decision'] else ''}")
        for a in m["actions"]:
            click.echo(f"    action, person {a['person_id']}: {a['text']}")
        if m["still_to_inform"]:
            click.echo(f"    still to inform: {', '.join(m['still_to_inform'])}")
    for e in data["evaluations"]:
        click.echo(f"  evaluation due {e['due']}{' (done)' if e['done_at'] else ''}")


# --- informed ------------------------------------------------------------------------------

@click.group()
def informed() -> None:
    """Who was told what, when and how."""


@informed.command("add")
@click.argument("ref")
@click.option("--who", help="directeur|ib|ivp|teacher|...|parents (follows from --person "
                           "when left out)")
@click.option("--date", "on_date", required=True, help="YYYY-MM-DD or D-M-YYYY")
@click.option("--how", required=True, help="phone, e-mail, in person, letter ...")
@click.option("--meeting", "meeting_id", type=int, help="The support-group meeting it was about.")
@click.option("--person", "person_id", type=int, help="The person informed, if in the case.")
@click.option("--note")
@click.option("--what", help="What they were told.")
@json_option
@click.pass_context
def informed_add(
    ctx: click.Context, ref: str, who: str | None, on_date: str, how: str,
    meeting_id: int | None,
    person_id: int | None, note: str | None, what: str | None, as_json: bool,
) -> None:
    """Record that someone was informed: what, when and how."""
    iid = supportgroup.record_informed(get_env(ctx).vault(), ref, who, on_date, how,
                                       meeting_id=meeting_id, person_id=person_id, note=note,
                                       what=what)
    if as_json:
        emit_json({"id": iid})
    else:
        click.echo(f"Recorded ({iid}).")


@informed.command("list")
@click.argument("ref")
@json_option
@click.pass_context
def informed_list(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Everyone informed in a case."""
    vault = get_env(ctx).vault()
    rows = supportgroup.informed_list(vault, get_case(vault, ref))
    if as_json:
        emit_json(rows)
        return
    table([[r["on"], r["who"], r["how"], r["what"] or "", r["note"] or ""] for r in rows],
          ["on", "who", "how", "what", "note"])


# --- checklist ------------------------------------------------------------------------------

@click.group()
def checklist() -> None:
    """The cyberbullying checklist of a case."""


@checklist.command("set")
@click.argument("ref")
@click.argument("item", type=int)
@click.option("--status", type=click.Choice(checklist_core.STATUSES), required=True)
@click.option("--note")
@click.option("--evidence", type=int, multiple=True, help="An evidence id (repeat).")
@click.option("--person", type=int, multiple=True, help="A person id (repeat).")
@json_option
@click.pass_context
def checklist_set(
    ctx: click.Context, ref: str, item: int, status: str, note: str | None,
    evidence: tuple[int, ...], person: tuple[int, ...], as_json: bool,
) -> None:
    """Mark a checklist item done, open or not applicable."""
    entry = checklist_core.set_item(get_env(ctx).vault(), ref, item, status, note=note,
                                    evidence=list(evidence), people=list(person))
    if as_json:
        emit_json(entry)
    else:
        click.echo(f"Checklist item {item}: {status}.")


@checklist.command("show")
@click.argument("ref")
@json_option
@click.pass_context
def checklist_show(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Every item with its state."""
    vault = get_env(ctx).vault()
    items = checklist_core.items(vault, get_case(vault, ref))
    if as_json:
        emit_json(items)
        return
    table([[str(i["id"]), i["status"], ",".join(i["responsible"]), i["text_en"]]
           for i in items], ["item", "status", "who", "what"])


# --- agenda -----------------------------------------------------------------------------------

@click.group(invoke_without_command=True)
@json_option
@click.pass_context
def agenda(ctx: click.Context, as_json: bool) -> None:
    """Everything due across open cases, overdue first."""
    if ctx.invoked_subcommand is not None:
        return
    items = agenda_core.agenda(get_env(ctx).vault())
    today = agenda_core.today()
    if as_json:
        emit_json([i.to_json(today) for i in items])
        return
    table([[i.due.isoformat(), "OVERDUE" if i.due < today else "", i.case_ref, i.kind, i.what]
           for i in items], ["due", "", "case", "kind", "what"])


@agenda.command("add")
@click.argument("ref")
@click.option("--due", required=True, help="YYYY-MM-DD or D-M-YYYY")
@click.option("--what", required=True)
@click.option("--kind", type=click.Choice(agenda_core.FOLLOW_UP_KINDS), default="followup",
              show_default=True)
@json_option
@click.pass_context
def agenda_add(ctx: click.Context, ref: str, due: str, what: str, kind: str,
               as_json: bool) -> None:
    """Add a follow-up or monitoring term to a case."""
    did = agenda_core.add_follow_up(get_env(ctx).vault(), ref, due, what, kind)
    if as_json:
        emit_json({"id": did})
    else:
        click.echo(f"Added agenda item {did}.")


@agenda.command("done")
@click.argument("item_id", type=int)
@click.pass_context
def agenda_done(ctx: click.Context, item_id: int) -> None:
    """Mark an agenda item (a follow-up or evaluation) done."""
    agenda_core.mark_done(get_env(ctx).vault(), item_id)
    click.echo(f"Agenda item {item_id} done.")


# --- school-system notes -----------------------------------------------------------------------

@click.command("notes")
@click.argument("ref")
@click.argument("person_id", type=int)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@json_option
@click.pass_context
def notes(ctx: click.Context, ref: str, person_id: int, lang: str, as_json: bool) -> None:
    """The note to paste into the pupil system for one pupil (names no other child)."""
    note = school_note(get_env(ctx).vault(), ref, person_id)
    if as_json:
        emit_json(note)
        return
    click.echo(f"[{note['category_' + lang]}]", err=True)
    click.echo(note["text_" + lang])


# --- protocol -----------------------------------------------------------------------------------

@click.group()
def protocol() -> None:
    """The school's protocol template (phases, checklist, support-group steps)."""


@protocol.command("check")
@click.argument("file", type=click.Path(path_type=Path))
def protocol_check(file: Path) -> None:
    """Validate a protocol file (no vault needed)."""
    found = model.read_file(file)
    click.echo(f"{file}: valid ({found.id} {found.version}, sha256 {found.sha256}).")


@protocol.command("use")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def protocol_use(ctx: click.Context, file: Path) -> None:
    """Make FILE the protocol new cases run under (the text is kept in the vault)."""
    found = store.use_file(get_env(ctx).vault(), file)
    click.echo(f"New cases run under {found.id} {found.version} (sha256 {found.sha256}).")


@protocol.command("template")
@click.option("--out", type=click.Path(path_type=Path), required=True)
def protocol_template(out: Path) -> None:
    """Write the default protocol to a file to copy and edit."""
    if out.exists():
        raise UsageError(f"{out} exists already: choose another --out")
    out.write_text(model.default_text(), encoding="utf-8")
    click.echo(f"Wrote {out}; edit it, check it with `cybercase protocol check {out}`.")


@protocol.command("show")
@click.option("--case", "ref", help="The protocol this case runs under.")
@json_option
@click.pass_context
def protocol_show(ctx: click.Context, ref: str | None, as_json: bool) -> None:
    """The school's current protocol, or a case's."""
    vault = get_env(ctx).vault()
    vault.require("case.read")
    if ref:
        from cybercase.cases.cases import case_protocol

        found = case_protocol(vault, get_case(vault, ref))
    else:
        found = store.current(vault)
    if as_json:
        emit_json(found.to_json())
        return
    click.echo(f"{found.name_en} ({found.id} {found.version})")
    for phase in found.phases:
        click.echo(f"  phase {phase.number} {phase.name_en}: {phase.meaning_en}")
    for step in found.steps:
        click.echo(f"  support-group step {step.key}: {step.name_en}")
    click.echo(f"  checklist: {len(found.checklist)} items")


@protocol.command("list")
@json_option
@click.pass_context
def protocol_list(ctx: click.Context, as_json: bool) -> None:
    """Protocols stored in this vault."""
    rows = store.list_stored(get_env(ctx).vault())
    if as_json:
        emit_json(rows)
        return
    table([[str(r["row"]), r["id"], r["version"], r["sha256"][:12], r["source"],
            "*" if r["current"] else ""] for r in rows],
          ["row", "id", "version", "sha256", "source", "current"])


