"""agreement: smartphone agreements with a pupil and parents, and their form.

The group is listed in :data:`cybercase.cli.commands.COMMANDS` (loaded when used).
"""

from __future__ import annotations

from pathlib import Path

import click

from cybercase.cli.common import emit_json, get_env, json_option, table
from cybercase.core.errors import UsageError
from cybercase.cyber import agreements as agreements_core
from cybercase.documents import agreement_form


@click.group()
def agreement() -> None:
    """Parent smartphone agreements: points, review dates, outcomes, a form to sign."""


@agreement.command("add")
@click.argument("ref")
@click.option("--pupil", "pupil_id", type=int, required=True, help="The pupil (person id).")
@click.option("--parents", required=True, help="The parents who agree, e.g. 'mother and father'.")
@click.option("--review", required=True, help="When to review it, YYYY-MM-DD or D-M-YYYY.")
@click.option("--agreed", "agreed_on", help="The day it was agreed and signed (else a draft).")
@click.option("--template", "template_file", type=click.Path(path_type=Path),
              help="The school's own template (see `cybercase agreement template`).")
@json_option
@click.pass_context
def agreement_add(
    ctx: click.Context, ref: str, pupil_id: int, parents: str, review: str,
    agreed_on: str | None, template_file: Path | None, as_json: bool,
) -> None:
    """Draw up a smartphone agreement for a pupil with the template's points."""
    agr = agreements_core.add_agreement(get_env(ctx).vault(), ref, pupil_id, parents, review,
                                        agreed_on=agreed_on, template_file=template_file)
    if as_json:
        emit_json({"id": agr.id, "status": agr.status, "review_on": agr.review_on,
                   "points": len(agr.points)})
    else:
        click.echo(f"Agreement {agr.id} ({agr.status}) with {len(agr.points)} points; "
                   f"review on {agr.review_on} (in the agenda).")


@agreement.command("point")
@click.argument("agreement_id", type=int)
@click.option("--add", "add_nl", help="A new point, in Dutch (as printed).")
@click.option("--en", "add_en", help="Its English translation.")
@click.option("--remove", type=int, help="Remove point N.")
@click.pass_context
def agreement_point(ctx: click.Context, agreement_id: int, add_nl: str | None,
                    add_en: str | None, remove: int | None) -> None:
    """Add or remove a point while the agreement is a draft."""
    vault = get_env(ctx).vault()
    if (add_nl is None) == (remove is None):
        raise UsageError(agreements_core.POINT_EDIT)
    if add_nl is not None:
        agr = agreements_core.add_point(vault, agreement_id, add_nl, add_en)
    else:
        assert remove is not None
        agr = agreements_core.remove_point(vault, agreement_id, remove)
    click.echo(f"Agreement {agr.id} has {len(agr.points)} points.")


@agreement.command("status")
@click.argument("agreement_id", type=int)
@click.argument("status")
@click.option("--date", "on_date", help="The day, YYYY-MM-DD (default today).")
@click.pass_context
def agreement_status(ctx: click.Context, agreement_id: int, status: str,
                     on_date: str | None) -> None:
    """Mark an agreement agreed (signed) or ended."""
    agr = agreements_core.set_status(get_env(ctx).vault(), agreement_id, status, on_date)
    click.echo(f"Agreement {agr.id}: {agr.status}.")


@agreement.command("review")
@click.argument("agreement_id", type=int)
@click.option("--date", "reviewed_on", required=True, help="The review day, D-M-YYYY or ISO.")
@click.option("--outcome", required=True, help="How it went, what changes.")
@click.option("--next", "next_review", help="The next review, D-M-YYYY or ISO.")
@click.option("--end", is_flag=True, help="End the agreement with this review.")
@json_option
@click.pass_context
def agreement_review(ctx: click.Context, agreement_id: int, reviewed_on: str, outcome: str,
                     next_review: str | None, end: bool, as_json: bool) -> None:
    """Record a review outcome (kept; never changed)."""
    agr = agreements_core.review(get_env(ctx).vault(), agreement_id, reviewed_on, outcome,
                                 next_review=next_review, end=end)
    if as_json:
        emit_json(agr.to_json())
    else:
        nxt = f", next review {agr.review_on}" if agr.review_on else ""
        click.echo(f"Agreement {agr.id}: {agr.status}{nxt}.")


@agreement.command("list")
@click.argument("ref")
@json_option
@click.pass_context
def agreement_list(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The smartphone agreements of case REF."""
    found = agreements_core.list_agreements(get_env(ctx).vault(), ref)
    if as_json:
        emit_json([a.to_json() for a in found])
        return
    table([[str(a.id), a.pupil, a.status, a.agreed_on or "",
            (a.review_on or "") if a.status != "ended" else "", str(len(a.points))]
           for a in found], ["id", "pupil", "status", "agreed", "review", "points"])


@agreement.command("show")
@click.argument("agreement_id", type=int)
@json_option
@click.pass_context
def agreement_show(ctx: click.Context, agreement_id: int, as_json: bool) -> None:
    """One agreement with its points and reviews."""
    a = agreements_core.get_agreement(get_env(ctx).vault(), agreement_id)
    if as_json:
        emit_json(a.to_json())
        return
    click.echo(f"Agreement {a.id} (case {a.case}): {a.pupil} ({a.pupil_id}), {a.status}")
    click.echo(f"  parents: {a.parents}")
    click.echo(f"  agreed: {a.agreed_on or '-'}   review: "
               f"{(a.review_on or '-') if a.status != 'ended' else '-'}")
    for p in a.points:
        click.echo(f"  [{p['n']}] {p['nl']}")
        if p["en"]:
            click.echo(f"      {p['en']}")
    for r in a.reviews:
        click.echo(f"  review {r['reviewed_on']} ({r['by']}): {r['outcome']}")


@agreement.command("pdf")
@click.argument("agreement_id", type=int)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="FILE.pdf")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@click.pass_context
def agreement_pdf(ctx: click.Context, agreement_id: int, out: Path, force: bool) -> None:
    """Print the agreement as an A4 form in Dutch, to sign."""
    written = agreement_form.write_pdf(get_env(ctx).vault(), agreement_id, out, force)
    click.echo(f"Wrote {written}.")


@agreement.command("template")
@click.option("--out", type=click.Path(path_type=Path), required=True)
def agreement_template(out: Path) -> None:
    """Write the default agreement template to a file to copy and edit (no vault needed)."""
    if out.exists():
        raise UsageError(f"{out} exists already: choose another --out")
    out.write_text(agreements_core.default_text(), encoding="utf-8")
    click.echo(f"Wrote {out}; edit it and use it with `agreement add ... --template {out}`.")
