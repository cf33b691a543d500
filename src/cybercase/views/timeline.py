"""One chronological view of a case, by the time things happened (not when entered).

A meeting counts on its date, a report on the day it was made; the time it was entered is
kept alongside. A registry of providers: the evidence module appends one for captured items.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cybercase.cases.cases import Case, case_protocol, get_case
from cybercase.cases.supportgroup import PARENTS, due_text
from cybercase.core.i18n import msg, pair
from cybercase.core.roles import allowed
from cybercase.protocol.schema import Named, Protocol
from cybercase.vault import Vault
from cybercase.views import cyber_sources
from cybercase.views.entries import Event as Event
from cybercase.views.entries import EventSource


def _case_events(vault: Vault, case: Case) -> Iterable[Event]:
    protocol = case_protocol(vault, case)
    yield Event(case.created_at, case.created_at, "case.opened",
                msg("cases.tl_opened", phase=_first_phase(vault, case)), case.created_by)
    if case.reported_on:
        how = _named(protocol.channels, case.channel) if case.channel else None
        if case.reported_by and how:
            what = msg("cases.tl_reported_by_via", who=case.reported_by, how=how)
        elif case.reported_by:
            what = msg("cases.tl_reported_by", who=case.reported_by)
        elif how:
            what = msg("cases.tl_reported_via", how=how)
        else:
            what = msg("cases.tl_reported")
        yield Event(case.reported_on, case.created_at, "case.reported", what, case.created_by)
    if case.triage and case.triage_at:
        yield Event(case.triage_at, case.triage_at, "case.triage",
                    msg("cases.tl_triage",
                        triage=_named(protocol.triage_outcomes, case.triage)),
                    case.triage_by)
    if case.reopened_at:
        yield Event(case.reopened_at, case.reopened_at, "case.reopened",
                    msg("cases.tl_reopened", reason=case.reopen_reason or ""), None)
    if case.voided_at:
        yield Event(case.voided_at, case.voided_at, "case.voided",
                    msg("cases.tl_voided", reason=case.void_reason or ""), case.voided_by)
    elif case.closed_at:
        yield Event(case.closed_at, case.closed_at, "case.closed",
                    msg("cases.tl_closed", outcome=case.outcome or ""), None)


def _named(entries: list[Any], key: str) -> str:
    """``key`` as the CLI has always shown it (the key), in Dutch the protocol's name."""
    found: Named | None = next((e for e in entries if e.key == key), None)
    return key if found is None else pair(key, found.name_nl)


def _first_phase(vault: Vault, case: Case) -> int:
    row = vault.conn.execute(
        "SELECT to_phase FROM phase_changes WHERE case_id = ? ORDER BY id LIMIT 1", (case.id,)
    ).fetchone()
    return int(row[0]) if row else case.phase


def _phase_events(vault: Vault, case: Case) -> Iterable[Event]:
    for frm, to, at, by, reason in vault.conn.execute(
        "SELECT from_phase, to_phase, at, by, reason FROM phase_changes WHERE case_id = ?"
        " AND from_phase IS NOT NULL ORDER BY id", (case.id,)
    ).fetchall():
        yield Event(at, at, "phase", msg("cases.tl_phase", frm=frm, to=to, reason=reason), by)


def _meeting_events(vault: Vault, case: Case) -> Iterable[Event]:
    if not allowed(vault.role, "care.read"):
        return
    protocol = case_protocol(vault, case)
    for step, held_on, created_at, by, decision in vault.conn.execute(
        "SELECT step, held_on, created_at, created_by, decision FROM sg_meetings"
        " WHERE case_id = ?", (case.id,)
    ).fetchall():
        spec = protocol.step(step)
        name = pair(spec.name_en, spec.name_nl)
        what = msg("cases.tl_meeting_decision", step=step, name=name, decision=decision) \
            if decision else msg("cases.tl_meeting", step=step, name=name)
        yield Event(held_on, created_at, "sg.meeting", what, by)


def _informed_events(vault: Vault, case: Case) -> Iterable[Event]:
    if not allowed(vault.role, "care.read"):
        return
    staff = case_protocol(vault, case).staff_roles
    for who, on, how, what, created_at, by in vault.conn.execute(
        "SELECT who, on_date, how, what, created_at, created_by FROM informed"
        " WHERE case_id = ?", (case.id,)
    ).fetchall():
        whom = pair(who, "ouders") if who == PARENTS else _named(staff, who)
        text = msg("cases.tl_informed_what", who=whom, how=how, what=what) if what \
            else msg("cases.tl_informed", who=whom, how=how)
        yield Event(on, created_at, "informed", text, by)


def _checklist_events(vault: Vault, case: Case) -> Iterable[Event]:
    for item, status, at, by in vault.conn.execute(
        "SELECT item, status, at, by FROM checklist WHERE case_id = ?", (case.id,)
    ).fetchall():
        word = _CHECKLIST_STATUS.get(status)
        yield Event(at, at, "checklist",
                    msg("cases.tl_checklist", item=item, status=word() if word else status), by)


_CHECKLIST_STATUS = {"open": lambda: msg("cases.tl_status_open"),
                     "done": lambda: msg("cases.tl_status_done"),
                     "na": lambda: msg("cases.tl_status_na")}


def _due_events(vault: Vault, case: Case) -> Iterable[Event]:
    care = allowed(vault.role, "care.read")
    protocol: Protocol | None = None
    for kind, what, due, created_at, done_at, done_by in vault.conn.execute(
        "SELECT kind, what, due_on, created_at, done_at, done_by FROM due_items"
        " WHERE case_id = ?", (case.id,)
    ).fetchall():
        if not care and kind.startswith("sg_"):
            continue
        if kind.startswith("sg_"):
            protocol = protocol or case_protocol(vault, case)
            what = due_text(protocol, kind, what)
        if done_at:
            yield Event(done_at, done_at, "agenda.done", msg("cases.tl_done", what=what),
                        done_by)
        else:
            yield Event(due, created_at, "agenda.due", msg("cases.tl_due", what=what), None)


def _evidence_events(vault: Vault, case: Case) -> Iterable[Event]:
    """Each item at the moment it came to be: the EXIF capture date (the device's own clock,
    no zone, so the day only), else the file's modification time, else when it was ingested."""
    from cybercase.evidence.items import list_items

    for item in list_items(vault, case.ref):
        exif = (item.image or {}).get("exif_time") or ""
        day = exif[:10].replace(":", "-")
        when = item.file_mtime or item.ingested_at
        if len(day) == 10 and day[4] == "-" and day.replace("-", "").isdigit():
            when, basis = day, msg("cases.tl_basis_exif")
        else:
            basis = msg("cases.tl_basis_file") if item.file_mtime \
                else msg("cases.tl_basis_ingest")
        what = msg("cases.tl_evidence_withdrawn", id=item.id, mime=item.mime, basis=basis) \
            if item.withdrawn else msg("cases.tl_evidence", id=item.id, mime=item.mime,
                                       basis=basis)
        yield Event(when, item.ingested_at, "evidence", what, item.ingested_by)


def _key_message_events(vault: Vault, case: Case) -> Iterable[Event]:
    """Each key message at the moment it was sent (the export's time), not when it was
    marked; a message whose time cannot be known (day/month order open) counts on the
    moment it was marked, and says so."""
    if not allowed(vault.role, "evidence.read"):
        return
    from cybercase.evidence.chat.keymsg import key_messages

    for key in key_messages(vault, case.ref):
        sender = key.sender or "-"
        if key.sender_link:
            sender = f"{sender} ({key.sender_link})"
        text = " ".join(key.text.split())
        if len(text) > TEXT_SHOWN:
            text = text[:TEXT_SHOWN - 1] + "…"
        values = {"id": key.item_id, "n": key.n, "sender": sender, "text": text,
                  "note": key.note}
        if key.time_utc:
            yield Event(key.time_utc, key.marked_at, "key_message",
                        msg("keymsg.tl", **values), key.marked_by)
        else:
            yield Event(key.marked_at, key.marked_at, "key_message",
                        msg("keymsg.tl_untimed", shown=key.shown_time, **values),
                        key.marked_by)


TEXT_SHOWN = 120  # characters of a key message's text in its timeline line

# every source of the timeline (no module adds itself by being imported)
PROVIDERS: tuple[EventSource, ...] = (
    _case_events, _phase_events, _meeting_events, _informed_events, _checklist_events,
    _due_events, _evidence_events, _key_message_events,
    cyber_sources.account_events, cyber_sources.referral_events,
    cyber_sources.police_events, cyber_sources.agreement_events,
)


def timeline(vault: Vault, ref: str) -> list[Event]:
    vault.require("case.read")
    case = get_case(vault, ref)
    events: list[Event] = []
    for provider in PROVIDERS:
        events.extend(provider(vault, case))
    events.sort(key=Event.sort_key)
    return events
