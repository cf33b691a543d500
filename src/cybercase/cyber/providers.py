"""Agenda items, timeline events and search hits of the cyber work, registered on import.

``cybercase.cases`` imports this module, so any code that uses the agenda, the timeline or
the search sees these entries. It imports only ``cybercase.cases`` modules (and the
need-to-know clause of ``cybercase.privacy.access``) and reads the tables directly (no
import of the other cyber modules, which import ``cybercase.cases``).

Texts name accounts, referrals and people by id, never a child's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from cybercase.cases import agenda, search, timeline
from cybercase.cases.agenda import AgendaItem
from cybercase.cases.cases import Case
from cybercase.cases.search import Hit, Source
from cybercase.cases.timeline import Event
from cybercase.privacy import access
from cybercase.timeutil import local_today
from cybercase.vault import Vault

ATTRIBUTION = "account {id} ({handle} on {platform}): {status} to be person {person} ({basis})"
BASIS = {"pupil_statement": "pupil's statement", "ict_trace": "ICT trace",
         "admission": "admission", "parent": "parent", "other": "other"}


# --- agenda --------------------------------------------------------------------------------


def _referral_follow_ups(vault: Vault) -> Iterable[AgendaItem]:
    for rid, ref, channel, platform, status, follow in vault.conn.execute(
        "SELECT r.id, c.ref, r.channel, r.platform, r.status, r.follow_up_on FROM referrals r"
        " JOIN cases c ON c.id = r.case_id WHERE c.status = 'open'"
        " AND r.follow_up_on IS NOT NULL AND r.status NOT IN ('removed', 'refused')"
    ).fetchall():
        where = f"{channel}{', ' + platform if platform and channel != 'platform' else ''}"
        if channel == "platform":
            where = platform or channel
        yield AgendaItem(date.fromisoformat(follow), ref, "referral_follow_up",
                         f"referral {rid} ({where}, {status}): check the answer",
                         f"referral {rid}")


def _police_appointments(vault: Vault) -> Iterable[AgendaItem]:
    today = local_today().isoformat()
    for pid, ref, kind, appointment in vault.conn.execute(
        "SELECT p.id, c.ref, p.kind, p.appointment_on FROM police_reports p"
        " JOIN cases c ON c.id = p.case_id WHERE c.status = 'open'"
        " AND p.appointment_on IS NOT NULL AND substr(p.appointment_on, 1, 10) >= ?",
        (today,),
    ).fetchall():
        at = f" at {appointment[11:]}" if len(appointment) > 10 else ""
        yield AgendaItem(date.fromisoformat(appointment[:10]), ref, "police_appointment",
                         f"police appointment{at} ({kind}, police record {pid})",
                         f"police {pid}")


def _agreement_reviews(vault: Vault) -> Iterable[AgendaItem]:
    for aid, ref, pupil, review in vault.conn.execute(
        "SELECT a.id, c.ref, a.pupil_id, a.review_on FROM agreements a"
        " JOIN cases c ON c.id = a.case_id WHERE c.status = 'open'"
        " AND a.review_on IS NOT NULL AND a.status != 'ended'"
    ).fetchall():
        yield AgendaItem(date.fromisoformat(review), ref, "agreement_review",
                         f"review the smartphone agreement {aid} (person {pupil})",
                         f"agreement {aid}")


# --- timeline ------------------------------------------------------------------------------


def _account_events(vault: Vault, case: Case) -> Iterable[Event]:
    for aid, platform, handle, fake, at, by in vault.conn.execute(
        "SELECT id, platform, handle, fake, created_at, created_by FROM accounts"
        " WHERE case_id = ?", (case.id,)
    ).fetchall():
        kind = "fake account" if fake else "account"
        yield Event(at, at, "account", f"{kind} {aid} recorded: {handle} on {platform}", by)
    for aid, platform, handle, person, status, basis, at, by in vault.conn.execute(
        "SELECT a.id, a.platform, a.handle, t.person_id, t.status, t.basis, t.at,"
        " t.established_by FROM attributions t JOIN accounts a ON a.id = t.account_id"
        " WHERE a.case_id = ? ORDER BY t.id", (case.id,)
    ).fetchall():
        yield Event(at, at, "account.attribution", ATTRIBUTION.format(
            id=aid, handle=handle, platform=platform, status=status, person=person,
            basis=BASIS.get(basis, basis)), by)


def _referral_events(vault: Vault, case: Case) -> Iterable[Event]:
    for rid, channel, event, status, on, details, at, by in vault.conn.execute(
        "SELECT r.id, r.channel, e.event, e.status, e.on_date, e.details, e.at, e.by"
        " FROM referral_events e JOIN referrals r ON r.id = e.referral_id"
        " WHERE r.case_id = ? ORDER BY e.id", (case.id,)
    ).fetchall():
        if event == "created":
            yield Event(at, at, "referral", f"referral {rid} to {channel} recorded"
                        f" ({status})", by)
            if status == "sent" and on:
                yield Event(on, at, "referral.sent", f"referral {rid} sent to {channel}", by)
        elif status == "sent":
            yield Event(on or at, at, "referral.sent", f"referral {rid} sent to {channel}", by)
        elif status:
            yield Event(on or at, at, "referral.status",
                        f"referral {rid} ({channel}): {status.replace('_', ' ')}", by)
        else:
            changed = ", ".join(k for k, v in json.loads(details).items() if v)
            yield Event(at, at, "referral.update", f"referral {rid} updated: {changed}", by)


def _police_events(vault: Vault, case: Case) -> Iterable[Event]:
    for pid, kind, offence, reported_on, reference, at, by in vault.conn.execute(
        "SELECT id, kind, offence, reported_on, police_reference, created_at, created_by"
        " FROM police_reports WHERE case_id = ?", (case.id,)
    ).fetchall():
        ref = f", police reference {reference}" if reference else ""
        yield Event(reported_on, at, "police",
                    f"police record {pid}: {kind} ({offence.replace('_', ' ')}){ref}", by)


def _agreement_events(vault: Vault, case: Case) -> Iterable[Event]:
    for aid, pupil, agreed, ended, at, by in vault.conn.execute(
        "SELECT id, pupil_id, agreed_on, ended_on, created_at, created_by FROM agreements"
        " WHERE case_id = ?", (case.id,)
    ).fetchall():
        yield Event(at, at, "agreement", f"smartphone agreement {aid} drawn up "
                    f"(person {pupil})", by)
        if agreed:
            yield Event(agreed, at, "agreement.agreed",
                        f"smartphone agreement {aid} agreed and signed", by)
        if ended:
            yield Event(ended, at, "agreement.ended", f"smartphone agreement {aid} ended", by)
    for aid, reviewed, nxt, at, by in vault.conn.execute(
        "SELECT r.agreement_id, r.reviewed_on, r.next_review_on, r.at, r.by"
        " FROM agreement_reviews r JOIN agreements a ON a.id = r.agreement_id"
        " WHERE a.case_id = ? ORDER BY r.id", (case.id,)
    ).fetchall():
        more = f", next review {nxt}" if nxt else ""
        yield Event(reviewed, at, "agreement.review",
                    f"smartphone agreement {aid} reviewed{more}", by)


# --- search --------------------------------------------------------------------------------


def _account_hits(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
    """Accounts by handle, e-mail address, phone number or platform, in the cases this user
    may see (need-to-know, like every other source). The phone number also matches in its
    normalised form (``+31612345678`` finds ``06-12345678``)."""
    visible, args = access.visible_clause(vault, "c.id")
    fields = ("a.handle", "a.email", "a.phone", "a.phone_norm", "a.platform")
    where = " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f in fields)
    for aid, platform, handle, email, phone, ref in vault.conn.execute(
        "SELECT a.id, a.platform, a.handle, a.email, a.phone, c.ref FROM accounts a"
        f" JOIN cases c ON c.id = a.case_id WHERE ({where}) AND {visible}"
        " ORDER BY c.status = 'closed', c.ref DESC, a.id LIMIT ?",
        (*(pattern,) * len(fields), *args, limit),
    ):
        label = " · ".join(v for v in (handle, platform, email, phone) if v)
        yield Hit("account", ref, label, f"account {aid}")


agenda.PROVIDERS.extend([_referral_follow_ups, _police_appointments, _agreement_reviews])
timeline.PROVIDERS.extend([_account_events, _referral_events, _police_events,
                           _agreement_events])
search.SOURCES.append(Source("account", "accounts.read", _account_hits))
