"""account, referral, police, agreement: the cyber work of a case."""

from __future__ import annotations

from pathlib import Path

import click

from cybercase.cli.common import emit_json, get_env, json_option, table, warn
from cybercase.cyber import accounts as accounts_core
from cybercase.cyber import agreements as agreements_core
from cybercase.cyber import police as police_core
from cybercase.cyber import referrals as referrals_core
from cybercase.errors import UsageError
from cybercase.timeutil import local_display

# --- accounts ------------------------------------------------------------------------------


@click.group()
def account() -> None:
    """Online accounts seen in a case and who is behind them (ICT coordinator's tracing)."""


@account.command("add")
@click.argument("ref")
@click.option("--platform", required=True, help="Instagram, TikTok, Snapchat, WhatsApp, ...")
@click.option("--handle", required=True, help="The user name, e.g. @name.")
@click.option("--display-name", help="The name the account shows.")
@click.option("--profile-url", help="The profile's exact address (https://...).")
@click.option("--email", help="An e-mail address tied to the account.")
@click.option("--phone", help="A phone number tied to the account.")
@click.option("--fake", is_flag=True, help="A fake account.")
@click.option("--impersonates", help="Who the account pretends to be, e.g. 'teacher of 7b'.")
@click.option("--impersonates-person", type=int,
              help="The person in the case the account pretends to be.")
@click.option("--notes")
@click.option("--evidence", "evidence", type=int, multiple=True,
              help="An evidence item the account appears in (repeat).")
@json_option
@click.pass_context
def account_add(
    ctx: click.Context, ref: str, platform: str, handle: str, display_name: str | None,
    profile_url: str | None, email: str | None, phone: str | None, fake: bool,
    impersonates: str | None, impersonates_person: int | None, notes: str | None,
    evidence: tuple[int, ...], as_json: bool,
) -> None:
    """Record an account seen in case REF."""
    acc = accounts_core.add_account(
        get_env(ctx).vault(), ref, platform, handle, display_name=display_name,
        profile_url=profile_url, email=email, phone=phone, fake=fake,
        impersonates=impersonates, impersonates_person=impersonates_person, notes=notes,
        evidence=evidence,
    )
    for message in accounts_core.also_in_messages(acc):
        warn(message)
    if as_json:
        emit_json({"id": acc.id, "also_in": acc.also_in})
    else:
        click.echo(f"Added account {acc.id}.")


@account.command("attribute")
@click.argument("account_id", type=int)
@click.option("--person", "person_id", type=int, required=True,
              help="The person in the same case.")
@click.option("--status", required=True, help="suspected|confirmed|refuted")
@click.option("--basis", required=True,
              help="How it is known: pupil_statement|ict_trace|admission|parent|other")
@click.option("--note", help="More on how it is known (needed with --basis other).")
@json_option
@click.pass_context
def account_attribute(
    ctx: click.Context, account_id: int, person_id: int, status: str, basis: str,
    note: str | None, as_json: bool,
) -> None:
    """Record who is behind ACCOUNT_ID (the history is kept; the latest is current)."""
    made, warnings = accounts_core.attribute(get_env(ctx).vault(), account_id, person_id,
                                             status, basis, note)
    for message in warnings:
        warn(message)
    if as_json:
        emit_json(made.to_json())
    else:
        click.echo(f"Account {account_id}: {made.status} as person {person_id} "
                   f"({accounts_core.BASIS_EN[made.basis]}).")


@account.command("link")
@click.argument("account_id", type=int)
@click.option("--evidence", "evidence", type=int, multiple=True, required=True,
              help="An evidence item of the same case (repeat).")
@json_option
@click.pass_context
def account_link(ctx: click.Context, account_id: int, evidence: tuple[int, ...],
                 as_json: bool) -> None:
    """Link ACCOUNT_ID to the evidence items it appears in."""
    new = accounts_core.link_evidence(get_env(ctx).vault(), account_id, evidence)
    if as_json:
        emit_json({"account": account_id, "linked": new})
    elif new:
        click.echo(f"Account {account_id} linked to evidence {', '.join(map(str, new))}.")
    else:
        click.echo(f"Account {account_id} was already linked to these items.")


def _who(acc: accounts_core.Account) -> str:
    current = acc.current
    if current is None:
        return ""
    return f"{current.status}: {current.person} ({current.person_id})"


@account.command("list")
@click.argument("ref", required=False)
@json_option
@click.pass_context
def account_list(ctx: click.Context, ref: str | None, as_json: bool) -> None:
    """The accounts of case REF (or of every case)."""
    found = accounts_core.list_accounts(get_env(ctx).vault(), ref)
    if as_json:
        emit_json([a.to_json() for a in found])
        return
    table([[str(a.id), a.case, a.platform, a.handle, "fake" if a.fake else "", _who(a),
            ", ".join(f"{m['case']} ({m['field']})" for m in a.also_in)]
           for a in found], ["id", "case", "platform", "handle", "", "attribution", "also in"])


@account.command("show")
@click.argument("account_id", type=int)
@json_option
@click.pass_context
def account_show(ctx: click.Context, account_id: int, as_json: bool) -> None:
    """One account with its evidence, its attribution history and other cases."""
    acc = accounts_core.get_account(get_env(ctx).vault(), account_id)
    if as_json:
        emit_json(acc.to_json())
        return
    click.echo(f"Account {acc.id} (case {acc.case}): {acc.handle} on {acc.platform}")
    for label, value in (("display name", acc.display_name), ("profile", acc.profile_url),
                         ("e-mail", acc.email), ("phone", acc.phone), ("notes", acc.notes)):
        if value:
            click.echo(f"  {label}: {value}")
    if acc.fake:
        pretends = acc.impersonates or ""
        if acc.impersonates_person is not None:
            pretends += f" (person {acc.impersonates_person})"
        click.echo(f"  FAKE{': pretends to be ' + pretends.strip() if pretends else ''}")
    click.echo(f"  evidence: {', '.join(map(str, acc.evidence)) or '-'}")
    click.echo("  attributions (oldest first, the last is current):")
    for a in acc.attributions:
        note = f": {a.note}" if a.note else ""
        click.echo(f"    {local_display(a.at)}  {a.status} as {a.person} ({a.person_id}), "
                   f"{accounts_core.BASIS_EN[a.basis]}, by {a.established_by}{note}")
    if not acc.attributions:
        click.echo("    -")
    for message in accounts_core.also_in_messages(acc):
        click.echo(f"  {message}")


@account.command("find")
@click.argument("value")
@json_option
@click.pass_context
def account_find(ctx: click.Context, value: str, as_json: bool) -> None:
    """Accounts in any case with this handle, e-mail address or phone number."""
    found = accounts_core.find(get_env(ctx).vault(), value)
    if as_json:
        emit_json([a.to_json() for a in found])
        return
    table([[str(a.id), a.case, a.platform, a.handle, a.email or "", a.phone or ""]
           for a in found], ["id", "case", "platform", "handle", "e-mail", "phone"])


# --- referrals -----------------------------------------------------------------------------


@click.group()
def referral() -> None:
    """Takedown referrals: Meldknop, Helpwanted/Offlimits, the platform, the police."""


@referral.command("add")
@click.argument("ref")
@click.option("--channel", required=True, help="meldknop|helpwanted|platform|police")
@click.option("--url", "urls", multiple=True, help="The exact address of the content (repeat).")
@click.option("--platform", help="The platform the content is on.")
@click.option("--account", "accounts", type=int, multiple=True,
              help="An account of the case that posted it (repeat).")
@click.option("--evidence", "evidence", type=int, multiple=True,
              help="An evidence item that captured the content (repeat).")
@click.option("--what", help="What the content shows.")
@click.option("--why", help="Why it is illegal or harmful.")
@click.option("--sent", "sent_on", help="The day it was sent, YYYY-MM-DD (else a draft).")
@click.option("--reference", help="Their reference number.")
@click.option("--follow-up", help="When to check the answer, YYYY-MM-DD (default: a week "
                                  "after sending).")
@json_option
@click.pass_context
def referral_add(
    ctx: click.Context, ref: str, channel: str, urls: tuple[str, ...], platform: str | None,
    accounts: tuple[int, ...], evidence: tuple[int, ...], what: str | None, why: str | None,
    sent_on: str | None, reference: str | None, follow_up: str | None, as_json: bool,
) -> None:
    """Record a takedown referral for case REF."""
    made, warnings = referrals_core.add_referral(
        get_env(ctx).vault(), ref, channel, urls, platform=platform, what=what, why=why,
        evidence=evidence, accounts=accounts, sent_on=sent_on, reference=reference,
        follow_up=follow_up,
    )
    for message in warnings:
        warn(message)
    if as_json:
        emit_json({"id": made.id, "status": made.status, "follow_up_on": made.follow_up_on,
                   "warnings": warnings})
        return
    click.echo(f"Recorded referral {made.id} ({made.status}).")
    if made.follow_up_on:
        click.echo(f"Follow-up on {made.follow_up_on} (in the agenda).")
    click.echo(f"The request text: cybercase referral text {made.id} [--lang en]")


@referral.command("update")
@click.argument("referral_id", type=int)
@click.option("--status", help="sent|removed|refused|no_answer")
@click.option("--sent", "sent_on", help="The day it was sent, YYYY-MM-DD.")
@click.option("--reference", help="Their reference number.")
@click.option("--follow-up", help="A new follow-up date, YYYY-MM-DD.")
@click.option("--evidence", "evidence", type=int, multiple=True,
              help="Link an evidence item that captured the content (repeat).")
@click.option("--what", help="What the content shows.")
@click.option("--why", help="Why it is illegal or harmful.")
@click.option("--on", "on_date", help="The day of the answer, YYYY-MM-DD (default today).")
@click.option("--note")
@json_option
@click.pass_context
def referral_update(
    ctx: click.Context, referral_id: int, status: str | None, sent_on: str | None,
    reference: str | None, follow_up: str | None, evidence: tuple[int, ...],
    what: str | None, why: str | None, on_date: str | None, note: str | None, as_json: bool,
) -> None:
    """Record sending, the answer, their reference or a new follow-up date."""
    made, warnings = referrals_core.update_referral(
        get_env(ctx).vault(), referral_id, status=status, sent_on=sent_on, reference=reference,
        follow_up=follow_up, evidence=evidence, what=what, why=why, on=on_date, note=note,
    )
    for message in warnings:
        warn(message)
    if as_json:
        emit_json(made.to_json())
    else:
        follow = f", follow-up {made.follow_up_on}" if made.follow_up_open else ""
        click.echo(f"Referral {made.id}: {made.status}{follow}.")


@referral.command("text")
@click.argument("referral_id", type=int)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--name", help="The sender's name (optional).")
@click.option("--email", help="The sender's e-mail address (optional).")
@json_option
@click.pass_context
def referral_text(ctx: click.Context, referral_id: int, lang: str, name: str | None,
                  email: str | None, as_json: bool) -> None:
    """The request text (EU DSA art. 16) to paste into the form or e-mail."""
    text = referrals_core.request_text(get_env(ctx).vault(), referral_id, lang, name=name,
                                       email=email)
    if as_json:
        emit_json({"id": referral_id, "lang": lang, "text": text})
    else:
        click.echo(text, nl=False)


@referral.command("list")
@click.argument("ref")
@json_option
@click.pass_context
def referral_list(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The referrals of case REF."""
    found = referrals_core.list_referrals(get_env(ctx).vault(), ref)
    if as_json:
        emit_json([r.to_json() for r in found])
        return
    table([[str(r.id), r.channel, r.platform or "", r.status, r.sent_on or "",
            (r.follow_up_on or "") if r.follow_up_open else "", r.their_reference or "",
            "" if r.evidence else "NO EVIDENCE", r.urls[0] + (" ..." if len(r.urls) > 1 else "")]
           for r in found],
          ["id", "channel", "platform", "status", "sent", "follow-up", "reference", "",
           "url"])


@referral.command("show")
@click.argument("referral_id", type=int)
@json_option
@click.pass_context
def referral_show(ctx: click.Context, referral_id: int, as_json: bool) -> None:
    """One referral with its URLs, evidence and history."""
    r = referrals_core.get_referral(get_env(ctx).vault(), referral_id)
    if as_json:
        emit_json(r.to_json())
        return
    click.echo(f"Referral {r.id} (case {r.case}): {r.channel}, {r.status}")
    for label, value in (("platform", r.platform), ("sent", r.sent_on),
                         ("reference", r.their_reference),
                         ("follow-up", r.follow_up_on if r.follow_up_open else None),
                         ("what", r.harm_what), ("why", r.harm_why)):
        if value:
            click.echo(f"  {label}: {value}")
    for u in r.urls:
        click.echo(f"  url: {u}")
    click.echo(f"  evidence: {', '.join(map(str, r.evidence)) or '- (none captured yet)'}")
    if r.accounts:
        click.echo(f"  accounts: {', '.join(map(str, r.accounts))}")
    for e in r.events:
        status = f" -> {e['status']}" if e["status"] else ""
        click.echo(f"    {local_display(e['at'])}  {e['event']}{status}"
                   f"{' on ' + e['on'] if e['on'] else ''} ({e['by']})")


# --- police --------------------------------------------------------------------------------


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


# --- agreements ----------------------------------------------------------------------------


@click.group()
def agreement() -> None:
    """Parent smartphone agreements: points, review dates, outcomes, a form to sign."""


@agreement.command("add")
@click.argument("ref")
@click.option("--pupil", "pupil_id", type=int, required=True, help="The pupil (person id).")
@click.option("--parents", required=True, help="The parents who agree, e.g. 'mother and father'.")
@click.option("--review", required=True, help="When to review it, YYYY-MM-DD.")
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
@click.option("--date", "reviewed_on", required=True, help="The day of the review, YYYY-MM-DD.")
@click.option("--outcome", required=True, help="How it went, what changes.")
@click.option("--next", "next_review", help="The next review, YYYY-MM-DD.")
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
    written = agreements_core.write_pdf(get_env(ctx).vault(), agreement_id, out, force)
    click.echo(f"Wrote {written}.")


@agreement.command("template")
@click.option("--out", type=click.Path(path_type=Path), required=True)
def agreement_template(out: Path) -> None:
    """Write the default agreement template to a file to copy and edit (no vault needed)."""
    if out.exists():
        raise UsageError(f"{out} exists already: choose another --out")
    out.write_text(agreements_core.default_text(), encoding="utf-8")
    click.echo(f"Wrote {out}; edit it and use it with `agreement add ... --template {out}`.")
