"""case restrict / unrestrict, retention, subject-export, stats, correct (issue 9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cybercase.cases import access
from cybercase.cli.casefile import person
from cybercase.cli.cases import case
from cybercase.cli.common import emit_json, get_env, json_option, table, warn
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import local_display
from cybercase.privacy import corrections
from cybercase.privacy import retention as retention_core


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



# --- retention -------------------------------------------------------------------------------


@click.group()
def retention() -> None:
    """How long closed cases are kept, and their real deletion."""


@retention.command("set")
@click.argument("days")
@click.pass_context
def retention_set(ctx: click.Context, days: str) -> None:
    """Keep closed cases DAYS days after closing (default 730)."""
    new = retention_core.set_retention(get_env(ctx).vault(), days)
    click.echo(f"Closed cases are now kept {new} days after closing.")


@retention.command("list")
@json_option
@click.pass_context
def retention_list(ctx: click.Context, as_json: bool) -> None:
    """Cases past their retention date (these go with `retention purge --yes`)."""
    due = retention_core.due_cases(get_env(ctx).vault())
    if as_json:
        emit_json([{k: v for k, v in c.items() if k != "id"} for c in due])
        return
    table([[c["ref"], local_display(c["opened_at"]), local_display(c["closed_at"]),
            c["delete_after"]] for c in due], ["case", "opened", "closed", "delete after"])


@retention.command("purge")
@click.option("--yes", is_flag=True, help="Really delete (without it: say what would go).")
@json_option
@click.pass_context
def retention_purge(ctx: click.Context, yes: bool, as_json: bool) -> None:
    """Delete every case past its retention date, every trace of it; a receipt stays."""
    result = retention_core.purge(get_env(ctx).vault(), yes)
    if not result.compacted:
        warn("another program has the vault open, so the database log could not be emptied: "
             "close it and run `cybercase retention purge --yes` again")
    if as_json:
        emit_json(result.to_json())
        return
    if not result.receipts:
        click.echo("Nothing to purge: no closed case is past its retention date.")
    for r in result.receipts:
        click.echo(f"Purged case {r.reference}: {sum(r.counts.values())} record(s), "
                   f"{msg('count.evidence_items', n=len(r.evidence))}; receipt {r.id}.")
    if result.receipts:
        warn(retention_core.OUTSIDE)


@retention.command("receipts")
@json_option
@click.pass_context
def retention_receipts(ctx: click.Context, as_json: bool) -> None:
    """What purges removed: reference, dates, counts, SHA-256 of each evidence item."""
    found = retention_core.receipts(get_env(ctx).vault())
    if as_json:
        emit_json([r.to_json() for r in found])
        return
    for r in found:
        click.echo(f"Receipt {r.id}: case {r.reference}, opened {local_display(r.opened_at)},"
                   f" closed {local_display(r.closed_at) if r.closed_at else '-'}")
        click.echo(f"  purged {local_display(r.purged_at)} by {r.purged_by} "
                   f"(retention {r.retention_days} days, delete after {r.delete_after})")
        click.echo("  removed: " + ", ".join(f"{t} {n}" for t, n in r.counts.items()))
        click.echo(f"  audit details erased: {r.audit_details_erased}")
        for e in r.evidence:
            click.echo(f"  evidence {e['id']}: sha256 {e['sha256']} ({e['size']} bytes)")


# --- access requests -----------------------------------------------------------------------


@click.command("subject-request")
@click.argument("person_id", type=int)
@click.option("--received", help="The day the request came in, YYYY-MM-DD (default today).")
@click.option("--note", help="Who asked, how (kept in the case file).")
@json_option
@click.pass_context
def subject_request(ctx: click.Context, person_id: int, received: str | None,
                    note: str | None, as_json: bool) -> None:
    """Register an access request for pupil PERSON_ID (due in four weeks; in the agenda)."""
    from cybercase.privacy.requests import register

    found = register(get_env(ctx).vault(), person_id, received, note)
    if as_json:
        emit_json(found)
    else:
        click.echo(f"Registered access request {found['id']}: answer by {found['due_on']} "
                   f"with `cybercase subject-export {person_id} --out FILE.zip`.")


@click.command("subject-export")
@click.argument("person_id", type=int)
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="The ZIP to write (PDF + JSON).")
@click.option("--include-evidence", "include", multiple=True,
              help="Also include this evidence item's content (repeat); default: none, "
                   "as images may show other children.")
@click.option("--unmasked", "unmasked", multiple=True,
              help="An included item that cannot be masked (an image without OCR reading, "
                   "a recording), checked by you: attach it as it is (repeat).")
@click.option("--encrypt", is_flag=True,
              help="AES-256 encrypt the ZIP (passphrase from $CYBERCASE_EXPORT_PASSPHRASE "
                   "or typed twice).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@json_option
@click.pass_context
def subject_export_cmd(ctx: click.Context, person_id: int, out: Path, include: tuple[str, ...],
                       unmasked: tuple[str, ...], encrypt: bool, force: bool,
                       as_json: bool) -> None:
    """Everything about pupil PERSON_ID for the parents, other children masked."""
    from cybercase.cli.export import _bundle_passphrase
    from cybercase.export.access_export import subject_export

    passphrase = _bundle_passphrase(new=True) if encrypt else None
    result = subject_export(get_env(ctx).vault(), person_id, out, list(include), force,
                            list(unmasked), passphrase)
    if as_json:
        emit_json(result.to_json())
        return
    click.echo(f"Wrote {result.path} (SHA-256 {result.sha256}): cases "
               f"{', '.join(result.cases)}, {msg('count.evidence_files', n=len(result.included))}.")
    click.echo("Left out (stated in the export):")
    for entry in result.left_out:
        click.echo(f"  - {entry['what']}")


# --- yearly figures ------------------------------------------------------------------------


@click.command("stats")
@click.option("--year", required=True, help="The year the cases were opened, e.g. 2026.")
@json_option
@click.pass_context
def stats_cmd(ctx: click.Context, year: str, as_json: bool) -> None:
    """Yearly figures without names; counts under 5 are suppressed."""
    from cybercase.privacy.stats import stats

    data = stats(get_env(ctx).vault(), year)
    if as_json:
        emit_json(data)
        return
    click.echo(f"Cases opened in {data['year']}: {data['cases']}")
    for name, cells in data["dimensions"].items():
        click.echo("")
        click.echo(name.replace("_", " ") + ":")
        table([[str(c["value"]), str(c["count"])] for c in cells], ["value", "cases"])
    click.echo("")
    click.echo(f"Rule: {data['rule']}.")


# --- rectification ---------------------------------------------------------------------------


@click.group()
def correct() -> None:
    """Correct a recorded fact; the old value stays in the history with who and why."""


def _correction_options(fn: Any) -> Any:
    fn = click.option("--reason", required=True, help="Why the recorded value was wrong.")(fn)
    fn = click.option("--set", "pairs", multiple=True, metavar="FIELD=VALUE",
                      help="Correct several fields at once (repeat); instead of "
                           "--field/--value.")(fn)
    fn = click.option("--value", help="The correct value.")(fn)
    fn = click.option("--field", help="The field to correct.")(fn)
    return fn


def _changes(field: str | None, value: str | None, pairs: tuple[str, ...]) -> dict[str, str]:
    changes: dict[str, str] = {}
    if field is not None or value is not None:
        if field is None or value is None:
            raise UsageError("give --field and --value together (or --set FIELD=VALUE)")
        changes[field] = value
    for pair in pairs:
        name, sep, typed = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set {pair!r}: write it as FIELD=VALUE")
        changes[name.strip()] = typed
    if not changes:
        raise UsageError("say what to correct: --field and --value, or --set FIELD=VALUE")
    return changes


def _corrected(ctx: click.Context, kind: str, ident: str, field: str | None,
               value: str | None, pairs: tuple[str, ...], reason: str,
               as_json: bool) -> None:
    done = corrections.correct_many(get_env(ctx).vault(), kind, ident,
                                    _changes(field, value, pairs), reason)
    if as_json:
        emit_json(done[0].to_json() if len(done) == 1 and not pairs
                  else [c.to_json() for c in done])
        return
    for c in done:
        click.echo(f"Corrected the {c.field} of {kind} {ident}: {c.old!r} -> {c.new!r} "
                   f"(kept in the history as correction {c.id}).")


@correct.command("person")
@click.argument("person_id")
@_correction_options
@json_option
@click.pass_context
def correct_person(ctx: click.Context, person_id: str, field: str | None,
                   value: str | None, pairs: tuple[str, ...], reason: str,
                   as_json: bool) -> None:
    """Correct a person's name, born, group, role or sg_role."""
    _corrected(ctx, "person", person_id, field, value, pairs, reason, as_json)


@correct.command("case")
@click.argument("ref")
@_correction_options
@json_option
@click.pass_context
def correct_case(ctx: click.Context, ref: str, field: str | None,
                 value: str | None, pairs: tuple[str, ...], reason: str,
                 as_json: bool) -> None:
    """Correct a case's title, summary, reported_by, reported_on, channel, group, outcome."""
    _corrected(ctx, "case", ref, field, value, pairs, reason, as_json)


@correct.command("evidence")
@click.argument("item_id")
@_correction_options
@json_option
@click.pass_context
def correct_evidence(ctx: click.Context, item_id: str, field: str | None,
                     value: str | None, pairs: tuple[str, ...], reason: str,
                     as_json: bool) -> None:
    """Correct what was stated about an item: description, platform, url, captured_by, ...

    Measured facts (hash, size, times) are never changed.
    """
    _corrected(ctx, "evidence", item_id, field, value, pairs, reason, as_json)


@correct.command("account")
@click.argument("account_id")
@_correction_options
@json_option
@click.pass_context
def correct_account(ctx: click.Context, account_id: str, field: str | None,
                    value: str | None, pairs: tuple[str, ...], reason: str,
                    as_json: bool) -> None:
    """Correct an online account: platform, handle, display_name, profile_url, email, phone,
    impersonates, notes."""
    _corrected(ctx, "account", account_id, field, value, pairs, reason, as_json)


@correct.command("history")
@click.argument("kind", type=click.Choice(sorted(corrections.FIELDS)))
@click.argument("ident")
@json_option
@click.pass_context
def correct_history(ctx: click.Context, kind: str, ident: str, as_json: bool) -> None:
    """The corrections of a person, a case (all in it) or an evidence item."""
    found = corrections.history(get_env(ctx).vault(), kind, ident)
    if as_json:
        emit_json([c.to_json() for c in found])
        return
    print_corrections(found)


def print_corrections(found: list[corrections.Correction], indent: str = "") -> None:
    for c in found:
        click.echo(f"{indent}{local_display(c.at)}  {c.by}: {c.table} {c.row_id} {c.field} "
                   f"{c.old!r} -> {c.new!r}: {c.reason}")


@person.command("show")
@click.argument("person_id", type=int)
@json_option
@click.pass_context
def person_show(ctx: click.Context, person_id: int, as_json: bool) -> None:
    """One person with their corrections."""
    from cybercase.views.casefile import person_file

    found = person_file(get_env(ctx).vault(), person_id)
    data = found.to_json()
    if as_json:
        emit_json(data)
        return
    click.echo(f"Person {found.person.id} in case {found.case_ref}: {found.person.name}")
    for key in ("kind", "role", "sg_role", "group", "born", "age"):
        if key in data:
            click.echo(f"  {key}: {data[key] if data[key] is not None else '-'}")
    if data["corrections"]:
        click.echo("  corrections:")
        print_corrections(found.corrections, "    ")
