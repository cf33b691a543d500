"""Takedown referrals: asking Meldknop, Helpwanted/Offlimits, the platform or the police to
have content removed, and following up on the answer.

A referral has a channel, the platform, one or more exact URLs, the evidence items that
captured the content (capture *before* reporting: content may vanish once reported), what
is harmful and why, the date sent, their reference, a status and a follow-up date (shown in
the agenda while no final answer came). Every change is kept in ``referral_events``.

:func:`request_text` writes the notice a platform needs under the EU Digital Services Act,
art. 16: the exact URL(s), an explanation of why the content is illegal or harmful, a
statement of good faith, and optionally the sender's name and e-mail address; in Dutch or
English, plain text ready to paste. :func:`request_letter` gives the same notice in
paragraphs, which ``documents/referral_letter.py`` prints as a PDF letter. It holds only
what the user typed for this referral (URLs, platform, account handles, the explanation)
and never a child's name from the case.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cybercase.cases.cases import Case, get_case, require_open
from cybercase.core.dutchdates import written_date
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, render, texts
from cybercase.core.text import check_long_text, check_text
from cybercase.core.timeutil import local_today, now_iso, parse_date
from cybercase.cyber import validate
from cybercase.cyber.common import case_of_row, check_accounts, check_evidence
from cybercase.cyber.referral_records import FINAL as FINAL
from cybercase.cyber.referral_records import Referral as Referral
from cybercase.cyber.referral_records import get_referral as get_referral
from cybercase.cyber.referral_records import list_referrals as list_referrals
from cybercase.vault import Vault
from cybercase.vault.vault import Transaction

CHANNELS = ("meldknop", "helpwanted", "platform", "police")
STATUSES = ("draft", "sent", "removed", "refused", "no_answer")
FOLLOW_UP_DAYS = 7
MAX_URLS = 50
# field names inside the shared checks' messages
WHAT = msg("cyber.referrals.field.what")
WHY = msg("cyber.referrals.field.why")
REFERENCE = msg("cyber.referrals.field.reference")
FOLLOW_UP = msg("cyber.referrals.field.follow_up")

# the letter's texts: the catalogue's ``referrals.letter.*`` and ``referrals.recipient.*``
RECIPIENT = {lang: texts("referrals.recipient", lang) for lang in ("nl", "en")}
TEXT = {lang: texts("referrals.letter", lang) for lang in ("nl", "en")}


def _urls(urls: Iterable[str]) -> list[str]:
    found: list[str] = []
    for u in urls:
        checked = validate.url(u)
        if checked not in found:
            found.append(checked)
    if not found:
        raise UsageError(msg("cyber.referrals.no_url"))
    if len(found) > MAX_URLS:
        raise UsageError(msg("cyber.referrals.too_many", n=MAX_URLS))
    return found


def _sent(text: str) -> date:
    day = parse_date(text, msg("cyber.referrals.field.sent"))
    if day > local_today():
        raise UsageError(msg("cyber.referrals.future", day=day.isoformat()))
    return day


def _platform_of(vault: Vault, account_ids: list[int]) -> str | None:
    for account_id in account_ids:
        row = vault.conn.execute("SELECT platform FROM accounts WHERE id = ?",
                                 (account_id,)).fetchone()
        if row:
            return str(row[0])
    return None


def add_referral(
    vault: Vault, ref: str, channel: str, urls: Iterable[str], *,
    platform: str | None = None, what: str | None = None, why: str | None = None,
    evidence: Iterable[int] = (), accounts: Iterable[int] = (), sent_on: str | None = None,
    reference: str | None = None, follow_up: str | None = None,
) -> tuple[Referral, list[str]]:
    """Record a referral; status ``sent`` when a date sent is given, else ``draft``.

    Without --follow-up a sent referral is followed up a week after sending.
    Returns the referral and warnings (no captured evidence linked).
    """
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    if channel not in CHANNELS:
        raise UsageError(msg("cyber.referrals.channel", value=channel,
                             choices=", ".join(CHANNELS)))
    found_urls = _urls(urls)
    items = check_evidence(vault, case, evidence)
    account_ids = check_accounts(vault, case, accounts)
    platform = check_text(platform, msg("cyber.referrals.field.platform"), 80) if platform else \
        _platform_of(vault, account_ids)
    if channel == "platform" and not platform:
        raise UsageError(msg("cyber.referrals.platform"))
    what = check_long_text(what, WHAT, 3000) if what else None
    why = check_long_text(why, WHY, 3000) if why else None
    reference = check_text(reference, REFERENCE, 200) if reference else None
    sent = _sent(sent_on) if sent_on else None
    follow = parse_date(follow_up, FOLLOW_UP) if follow_up else None
    if follow is None and sent is not None:
        follow = sent + timedelta(days=FOLLOW_UP_DAYS)
    if follow is not None and sent is not None and follow < sent:
        raise UsageError(msg("cyber.referrals.follow_before", day=follow, sent=sent))
    status = "sent" if sent else "draft"
    now = now_iso()
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO referrals(case_id, channel, platform, harm_what, harm_why, status,"
            " sent_on, their_reference, follow_up_on, created_at, created_by, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (case.id, channel, platform, what, why, status,
             sent.isoformat() if sent else None, reference,
             follow.isoformat() if follow else None, now, vault.actor, now),
        )
        rid = int(cur.lastrowid)
        for n, u in enumerate(found_urls, 1):
            tx.execute("INSERT INTO referral_urls(referral_id, n, url) VALUES (?,?,?)",
                       (rid, n, u))
        for item in items:
            tx.execute("INSERT INTO referral_evidence(referral_id, evidence_id) VALUES (?,?)",
                       (rid, item))
        for account_id in account_ids:
            tx.execute("INSERT INTO referral_accounts(referral_id, account_id) VALUES (?,?)",
                       (rid, account_id))
        details = {"channel": channel, "platform": platform, "urls": found_urls,
                   "evidence": items, "accounts": account_ids, "what": what, "why": why,
                   "reference": reference,
                   "follow_up": follow.isoformat() if follow else None}
        _event(tx, rid, "created", status, sent.isoformat() if sent else None, details)
        tx.audit("referral.add", f"referral {rid}", {**details, "status": status,
                                                     "sent_on": sent and sent.isoformat()},
                 case_ref=ref)
    warnings: list[str] = [] if items else [msg("cyber.referrals.no_evidence", id=rid)]
    return get_referral(vault, rid), warnings


def _event(tx: Transaction, rid: int, event: str, status: str | None, on: str | None,
           details: dict[str, Any]) -> None:
    tx.execute(
        "INSERT INTO referral_events(referral_id, event, status, on_date, details, at, by)"
        " VALUES (?,?,?,?,?,?,?)",
        (rid, event, status, on, json.dumps(details, ensure_ascii=False), now_iso(),
         tx.vault.actor),
    )


def _open_case(vault: Vault, referral_id: int) -> Case:
    case = case_of_row(vault, "referrals", referral_id, "referral")
    require_open(case)
    return case


def update_referral(
    vault: Vault, referral_id: int, *, status: str | None = None, sent_on: str | None = None,
    reference: str | None = None, follow_up: str | None = None,
    evidence: Iterable[int] = (), what: str | None = None, why: str | None = None,
    on: str | None = None, note: str | None = None,
) -> tuple[Referral, list[str]]:
    """Record that a referral was sent, answered (removed/refused), not answered, ...

    ``on`` is the day the answer came (default today). Giving --sent on a draft makes it
    ``sent``. A final answer (removed, refused) ends the follow-up.
    """
    vault.require("case.write")
    case = _open_case(vault, referral_id)
    before = get_referral(vault, referral_id)
    if status is not None and status not in STATUSES:
        raise UsageError(msg("cyber.referrals.status", value=status,
                             choices=", ".join(STATUSES)))
    sent = _sent(sent_on) if sent_on else None
    reference = check_text(reference, REFERENCE, 200) if reference else None
    follow = parse_date(follow_up, FOLLOW_UP) if follow_up else None
    items = [i for i in check_evidence(vault, case, evidence) if i not in before.evidence]
    what = check_long_text(what, WHAT, 3000) if what else None
    why = check_long_text(why, WHY, 3000) if why else None
    day = parse_date(on, msg("cyber.referrals.field.answered")) if on else local_today()
    note = check_long_text(note, msg("cyber.referrals.field.note"), 1000) if note else None
    new_status = status
    if sent is not None and new_status is None and before.status == "draft":
        new_status = "sent"
    if new_status == "sent" and sent is None and before.sent_on is None:
        sent = local_today()
    if new_status in ("removed", "refused", "no_answer") and sent is None \
            and before.sent_on is None:
        raise UsageError(msg("cyber.referrals.not_sent", id=referral_id))
    if follow is None and sent is not None and before.follow_up_on is None:
        follow = sent + timedelta(days=FOLLOW_UP_DAYS)
    changes: dict[str, Any] = {}
    if new_status is not None and new_status != before.status:
        changes["status"] = new_status
    if sent is not None:
        changes["sent_on"] = sent.isoformat()
    if reference is not None:
        changes["their_reference"] = reference
    if follow is not None:
        changes["follow_up_on"] = follow.isoformat()
    if what is not None:
        changes["harm_what"] = what
    if why is not None:
        changes["harm_why"] = why
    if not changes and not items and note is None:
        raise UsageError(msg("cyber.referrals.nothing"))
    with vault.transaction() as tx:
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            tx.execute(f"UPDATE referrals SET {sets}, updated_at = ? WHERE id = ?",
                       (*changes.values(), now_iso(), referral_id))
        for item in items:
            tx.execute("INSERT INTO referral_evidence(referral_id, evidence_id) VALUES (?,?)",
                       (referral_id, item))
        details = {**changes, "evidence": items, "note": note}
        event_day = changes.get("sent_on") if changes.get("status") == "sent" else \
            day.isoformat()
        _event(tx, referral_id, "status" if "status" in changes else "update",
               changes.get("status"), event_day, details)
        tx.audit("referral.update", f"referral {referral_id}", details, case_ref=case.ref)
    after = get_referral(vault, referral_id)
    warnings: list[str] = [] if after.evidence else \
        [msg("cyber.referrals.no_evidence", id=referral_id)]
    if changes.get("status") == "no_answer" and follow is None:
        warnings.append(msg("cyber.referrals.no_answer", id=referral_id))
    return after, warnings


@dataclass
class Letter:
    """The DSA art. 16 notice of one referral in one language, as paragraphs of lines
    (the first paragraph is the subject); :meth:`text` is the plain-text form."""

    referral_id: int
    case: str
    lang: str
    reference: str  # our reference: case/R<id>
    day: date
    paragraphs: list[list[str]]

    def text(self) -> str:
        return "\n\n".join("\n".join(lines) for lines in self.paragraphs) + "\n"


def request_letter(
    vault: Vault, referral_id: int, lang: str = "nl", *, name: str | None = None,
    email: str | None = None,
) -> Letter:
    """The DSA art. 16 notice for this referral, in paragraphs."""
    if lang not in TEXT:
        raise UsageError(msg("cyber.referrals.language", value=lang))
    referral = get_referral(vault, referral_id)
    if not (referral.harm_what or referral.harm_why):
        raise UsageError(msg("cyber.referrals.no_explanation", id=referral_id))
    name = check_text(name, msg("cyber.referrals.field.name"), 120) if name else None
    email = validate.email(email)[0] if email else None
    t = TEXT[lang]
    recipient = RECIPIENT[lang].get(referral.channel) or referral.platform or ""
    head = [t["to"].format(recipient=recipient)]
    if referral.platform:
        head.append(t["platform"].format(platform=referral.platform))
    paragraphs = [[t["subject"]], head, [t["intro"]],
                  [t["urls"], *(f"- {u}" for u in referral.urls)]]
    handles = _account_lines(vault, referral.accounts)
    if handles:
        paragraphs.append([t["accounts"], *handles])
    if referral.harm_what:
        paragraphs.append([t["what"], referral.harm_what])
    if referral.harm_why:
        paragraphs.append([t["why"], referral.harm_why])
    minor = [t["minor"]]
    if referral.evidence:
        minor.append(render(lang, "referrals.letter.captured", n=len(referral.evidence)))
    paragraphs += [minor, [t["good_faith"]]]
    signed = []
    if name:
        signed.append(t["name"].format(name=name))
    if email:
        signed.append(t["email"].format(email=email))
    reference = f"{referral.case}/R{referral.id}"
    today = local_today()
    signed.append(t["reference"].format(ref=reference))
    signed.append(t["date"].format(day=written_date(today, lang)))
    paragraphs.append(signed)
    return Letter(referral.id, referral.case, lang, reference, today, paragraphs)


def request_text(
    vault: Vault, referral_id: int, lang: str = "nl", *, name: str | None = None,
    email: str | None = None,
) -> str:
    """The DSA art. 16 notice for this referral, ready to paste (plain text)."""
    return request_letter(vault, referral_id, lang, name=name, email=email).text()


def _account_lines(vault: Vault, account_ids: list[int]) -> list[str]:
    out = []
    for account_id in account_ids:
        row = vault.conn.execute(
            "SELECT platform, handle, profile_url FROM accounts WHERE id = ?", (account_id,)
        ).fetchone()
        if row:
            platform, handle, profile = row
            out.append(f"- {handle} ({platform})" + (f": {profile}" if profile else ""))
    return out
