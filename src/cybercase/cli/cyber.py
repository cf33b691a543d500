"""account, referral, police, agreement: the cyber work of a case."""

from __future__ import annotations

from pathlib import Path

import click

from cybercase.cli.agreements import agreement as agreement
from cybercase.cli.common import emit_json, get_env, json_option, table, warn
from cybercase.cli.police import police as police
from cybercase.core.timeutil import local_display
from cybercase.cyber import accounts as accounts_core
from cybercase.cyber import referrals as referrals_core

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
@click.option("--sent", "sent_on", help="The day it was sent, YYYY-MM-DD or D-M-YYYY.")
@click.option("--reference", help="Their reference number.")
@click.option("--follow-up", help="A new follow-up date, YYYY-MM-DD or D-M-YYYY.")
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


@referral.command("pdf")
@click.argument("referral_id", type=int)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="FILE.pdf")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--name", help="The sender's name (default: the school's contact person).")
@click.option("--email", help="The sender's e-mail address (default: the school's).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@json_option
@click.pass_context
def referral_pdf(ctx: click.Context, referral_id: int, out: Path, lang: str,
                 name: str | None, email: str | None, force: bool, as_json: bool) -> None:
    """The request (EU DSA art. 16) as a PDF letter with the school's header."""
    from cybercase.documents.referral_letter import write_letter

    written = write_letter(get_env(ctx).vault(), referral_id, out, lang, name=name,
                           email=email, force=force)
    if as_json:
        emit_json({"id": referral_id, "lang": lang, "file": str(written)})
    else:
        click.echo(f"Wrote {written}.")


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



