"""Agenda items, timeline events and search hits of the cyber work.

The agenda, the timeline and the search name these sources in their explicit lists
(``PROVIDERS``, ``SOURCES``). This module reads the tables directly and applies the
need-to-know clause of :mod:`cybercase.cases.access`.

Texts name accounts, referrals and people by id, never a child's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from cybercase.cases import access
from cybercase.cases.cases import Case
from cybercase.core.i18n import Msg, msg
from cybercase.core.timeutil import local_today
from cybercase.vault import Vault
from cybercase.views.entries import AgendaItem, Event, Hit

# the fixed words inside the texts, as Msg so the app shows them in its language
BASIS = {"pupil_statement": msg("cyber.basis.pupil_statement"),
         "ict_trace": msg("cyber.basis.ict_trace"), "admission": msg("cyber.basis.admission"),
         "parent": msg("cyber.basis.parent"), "other": msg("cyber.basis.other")}
ATTRIBUTION_STATUS = {"suspected": msg("cyber.attribution.suspected"),
                      "confirmed": msg("cyber.attribution.confirmed"),
                      "refuted": msg("cyber.attribution.refuted")}
CHANNEL = {"meldknop": msg("cyber.channel.meldknop"),
           "helpwanted": msg("cyber.channel.helpwanted"),
           "platform": msg("cyber.channel.platform"), "police": msg("cyber.channel.police")}
STATUS_CODE = {"draft": msg("cyber.status_code.draft"), "sent": msg("cyber.status_code.sent"),
               "removed": msg("cyber.status_code.removed"),
               "refused": msg("cyber.status_code.refused"),
               "no_answer": msg("cyber.status_code.no_answer")}
STATUS_WORD = {"draft": msg("cyber.status_word.draft"), "sent": msg("cyber.status_word.sent"),
               "removed": msg("cyber.status_word.removed"),
               "refused": msg("cyber.status_word.refused"),
               "no_answer": msg("cyber.status_word.no_answer")}

OFFENCE_WORD = {
    "discriminatie": msg("cyber.offence_word.discriminatie"),
    "smaad": msg("cyber.offence_word.smaad"), "laster": msg("cyber.offence_word.laster"),
    "belediging": msg("cyber.offence_word.belediging"),
    "bedreiging": msg("cyber.offence_word.bedreiging"),
    "stalking": msg("cyber.offence_word.stalking"),
    "sexual_images": msg("cyber.offence_word.sexual_images"),
    "other": msg("cyber.offence_word.other"),
}


def _word(words: dict[str, Msg], code: str) -> str:
    """The Msg of a fixed word, or the code itself for one this module does not know."""
    return words.get(code, code)


# --- agenda --------------------------------------------------------------------------------


def referral_follow_ups(vault: Vault) -> Iterable[AgendaItem]:
    for rid, ref, channel, platform, status, follow in vault.conn.execute(
        "SELECT r.id, c.ref, r.channel, r.platform, r.status, r.follow_up_on FROM referrals r"
        " JOIN cases c ON c.id = r.case_id WHERE c.status = 'open'"
        " AND r.follow_up_on IS NOT NULL AND r.status NOT IN ('removed', 'refused')"
    ).fetchall():
        where: str = _word(CHANNEL, channel)
        if channel == "platform":
            where = platform or where
        elif platform:
            where = msg("cyber.agenda.where", channel=where, platform=platform)
        yield AgendaItem(date.fromisoformat(follow), ref, "referral_follow_up",
                         msg("cyber.agenda.referral", id=rid, where=where,
                             status=_word(STATUS_CODE, status)),
                         f"referral {rid}")


def police_appointments(vault: Vault) -> Iterable[AgendaItem]:
    today = local_today().isoformat()
    for pid, ref, kind, appointment in vault.conn.execute(
        "SELECT p.id, c.ref, p.kind, p.appointment_on FROM police_reports p"
        " JOIN cases c ON c.id = p.case_id WHERE c.status = 'open'"
        " AND p.appointment_on IS NOT NULL AND substr(p.appointment_on, 1, 10) >= ?",
        (today,),
    ).fetchall():
        what = msg("cyber.agenda.police_at", time=appointment[11:], kind=kind, id=pid) \
            if len(appointment) > 10 else msg("cyber.agenda.police", kind=kind, id=pid)
        yield AgendaItem(date.fromisoformat(appointment[:10]), ref, "police_appointment",
                         what, f"police {pid}")


def agreement_reviews(vault: Vault) -> Iterable[AgendaItem]:
    # the pupil by name, as she knows them ("(persoon 2)" told her nothing: issue 20)
    for aid, ref, pupil, review in vault.conn.execute(
        "SELECT a.id, c.ref, COALESCE(p.name, '#' || a.pupil_id), a.review_on"
        " FROM agreements a JOIN cases c ON c.id = a.case_id"
        " LEFT JOIN people p ON p.id = a.pupil_id WHERE c.status = 'open'"
        " AND a.review_on IS NOT NULL AND a.status != 'ended'"
    ).fetchall():
        yield AgendaItem(date.fromisoformat(review), ref, "agreement_review",
                         msg("cyber.agenda.agreement", id=aid, person=pupil),
                         f"agreement {aid}")


# --- timeline ------------------------------------------------------------------------------


def account_events(vault: Vault, case: Case) -> Iterable[Event]:
    for aid, platform, handle, fake, at, by in vault.conn.execute(
        "SELECT id, platform, handle, fake, created_at, created_by FROM accounts"
        " WHERE case_id = ?", (case.id,)
    ).fetchall():
        what = msg("cyber.timeline.fake_account", id=aid, handle=handle, platform=platform) \
            if fake else msg("cyber.timeline.account", id=aid, handle=handle, platform=platform)
        yield Event(at, at, "account", what, by)
    for aid, platform, handle, person, status, basis, at, by in vault.conn.execute(
        "SELECT a.id, a.platform, a.handle, t.person_id, t.status, t.basis, t.at,"
        " t.established_by FROM attributions t JOIN accounts a ON a.id = t.account_id"
        " WHERE a.case_id = ? ORDER BY t.id", (case.id,)
    ).fetchall():
        yield Event(at, at, "account.attribution", msg(
            "cyber.timeline.attribution", id=aid, handle=handle, platform=platform,
            status=_word(ATTRIBUTION_STATUS, status), person=person,
            basis=_word(BASIS, basis)), by)


def referral_events(vault: Vault, case: Case) -> Iterable[Event]:
    for rid, channel, event, status, on, details, at, by in vault.conn.execute(
        "SELECT r.id, r.channel, e.event, e.status, e.on_date, e.details, e.at, e.by"
        " FROM referral_events e JOIN referrals r ON r.id = e.referral_id"
        " WHERE r.case_id = ? ORDER BY e.id", (case.id,)
    ).fetchall():
        where = _word(CHANNEL, channel)
        sent = msg("cyber.timeline.referral_sent", id=rid, channel=where)
        if event == "created":
            yield Event(at, at, "referral", msg("cyber.timeline.referral", id=rid,
                                                channel=where, status=_word(STATUS_CODE, status)),
                        by)
            if status == "sent" and on:
                yield Event(on, at, "referral.sent", sent, by)
        elif status == "sent":
            yield Event(on or at, at, "referral.sent", sent, by)
        elif status:
            word = STATUS_WORD.get(status) or status.replace("_", " ")
            yield Event(on or at, at, "referral.status",
                        msg("cyber.timeline.referral_status", id=rid, channel=where,
                            status=word), by)
        else:
            changed = ", ".join(k for k, v in json.loads(details).items() if v)
            yield Event(at, at, "referral.update",
                        msg("cyber.timeline.referral_update", id=rid, changed=changed), by)


def police_events(vault: Vault, case: Case) -> Iterable[Event]:
    for pid, kind, offence, reported_on, reference, at, by in vault.conn.execute(
        "SELECT id, kind, offence, reported_on, police_reference, created_at, created_by"
        " FROM police_reports WHERE case_id = ?", (case.id,)
    ).fetchall():
        label = OFFENCE_WORD.get(offence) or offence.replace("_", " ")
        what = msg("cyber.timeline.police_ref", id=pid, kind=kind, offence=label,
                   reference=reference) if reference else \
            msg("cyber.timeline.police", id=pid, kind=kind, offence=label)
        yield Event(reported_on, at, "police", what, by)


def agreement_events(vault: Vault, case: Case) -> Iterable[Event]:
    for aid, pupil, agreed, ended, at, by in vault.conn.execute(
        "SELECT a.id, COALESCE(p.name, '#' || a.pupil_id), a.agreed_on, a.ended_on,"
        " a.created_at, a.created_by FROM agreements a"
        " LEFT JOIN people p ON p.id = a.pupil_id WHERE a.case_id = ?", (case.id,)
    ).fetchall():
        yield Event(at, at, "agreement",
                    msg("cyber.timeline.agreement", id=aid, person=pupil), by)
        if agreed:
            yield Event(agreed, at, "agreement.agreed",
                        msg("cyber.timeline.agreement_agreed", id=aid), by)
        if ended:
            yield Event(ended, at, "agreement.ended",
                        msg("cyber.timeline.agreement_ended", id=aid), by)
    for aid, reviewed, nxt, at, by in vault.conn.execute(
        "SELECT r.agreement_id, r.reviewed_on, r.next_review_on, r.at, r.by"
        " FROM agreement_reviews r JOIN agreements a ON a.id = r.agreement_id"
        " WHERE a.case_id = ? ORDER BY r.id", (case.id,)
    ).fetchall():
        yield Event(reviewed, at, "agreement.review",
                    msg("cyber.timeline.agreement_review_next", id=aid, next=nxt) if nxt
                    else msg("cyber.timeline.agreement_review", id=aid), by)


# --- search --------------------------------------------------------------------------------


def account_hits(vault: Vault, pattern: str, limit: int) -> Iterable[Hit]:
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
