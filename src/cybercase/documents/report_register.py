"""The report's registers: the accounts with their attributions, the takedown referrals
with their status, and the police record (offence, suspects' ages against 12).

They come from the case's own records (cyber/), gathered by the export as JSON (the same
records as accounts.json, referrals.json and police.json in the bag).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cybercase.documents.pdf import LEFT, Writer
from cybercase.documents.report_words import Dutch, nl_day, nl_when

REG_NL = Dutch("report.reg")
OFFENCE_NL = Dutch("cyber.police.offence")


def _word(group: str, value: object) -> str:
    key = f"{group}.{value}"
    return REG_NL[key] if key in REG_NL else str(value or "-")


def _items(ids: list[int], number: Callable[[int], int]) -> str:
    return ", ".join(str(number(i)) for i in ids) if ids else "-"


def accounts(out: Writer, register: list[dict[str, Any]], number: Callable[[int], int]
             ) -> None:
    out.heading(REG_NL["accounts"])
    if not register:
        out.para(REG_NL["no_accounts"], 9)
    for acc in register:
        out.lines(LEFT, 180, f"{acc['handle']} ({acc['platform']})", ("H", "B"), 9.5,
                  gap=0.8)
        rows = [
            (REG_NL["display_name"], acc.get("display_name")),
            (REG_NL["profile_url"], acc.get("profile_url")),
            (REG_NL["fake"], REG_NL["yes"] if acc.get("fake") else REG_NL["no"]),
            (REG_NL["impersonates"], acc.get("impersonates")),
            (REG_NL["items"], _items(acc.get("evidence") or [], number)),
        ]
        for attribution in acc.get("attributions") or []:
            rows.append((REG_NL["attribution"], REG_NL["attribution_text"].format(
                person=attribution["person"], status=_word("status", attribution["status"]),
                basis=_word("basis", attribution["basis"]), who=attribution["established_by"],
                when=nl_when(attribution["at"]))
                + (f" {attribution['note']}" if attribution.get("note") else "")))
        if not acc.get("attributions"):
            rows.append((REG_NL["attribution"], REG_NL["no_attribution"]))
        for label, value in rows:
            if value not in (None, ""):
                out.row(label, value, False, 8.5)
        out.y += 1.5


def referrals(out: Writer, records: list[dict[str, Any]], number: Callable[[int], int]
              ) -> None:
    out.heading(REG_NL["referrals"])
    if not records:
        out.para(REG_NL["no_referrals"], 9)
    for ref in records:
        out.lines(LEFT, 180, REG_NL["referral"].format(
            id=ref["id"], channel=_word("channel", ref["channel"]),
            platform=ref.get("platform") or "-"), ("H", "B"), 9.5, gap=0.8)
        for label, value in (
            (REG_NL["status"], _word("ref", ref["status"])),
            (REG_NL["sent_on"], nl_day(ref["sent_on"]) if ref.get("sent_on") else None),
            (REG_NL["their_ref"], ref.get("reference")),
            (REG_NL["what"], ref.get("what")),
            (REG_NL["urls"], "\n".join(ref.get("urls") or [])),
            (REG_NL["items"], _items(ref.get("evidence") or [], number)),
        ):
            if value not in (None, ""):
                out.row(label, value, False, 8.5)
        out.y += 1.5


def police(out: Writer, records: list[dict[str, Any]]) -> None:
    out.heading(REG_NL["police"])
    if not records:
        out.para(REG_NL["no_police"], 9)
    for rec in records:
        offence = OFFENCE_NL.get(rec["offence"], rec["offence"])
        out.lines(LEFT, 180, REG_NL["police_record"].format(
            id=rec["id"], offence=offence), ("H", "B"), 9.5, gap=0.8)
        rows: list[tuple[str, Any]] = [
            (REG_NL["offence_note"], rec.get("offence_note")),
            (REG_NL["offence_on"], nl_day(rec["offence_on"]) if rec.get("offence_on")
             else None),
            (REG_NL["reported_on"], nl_day(rec["reported_on"]) if rec.get("reported_on")
             else None),
            (REG_NL["appointment"], rec.get("appointment")),
            (REG_NL["police_ref"], rec.get("police_reference")),
        ]
        for suspect in rec.get("suspects") or []:
            age = suspect.get("age")
            if age is None:
                text = REG_NL["age_unknown"]
            elif age < 12:
                text = REG_NL["under_12"].format(age=age, day=nl_day(suspect["age_on"]))
            else:
                text = REG_NL["over_12"].format(age=age, day=nl_day(suspect["age_on"]))
            rows.append((REG_NL["suspect"], f"{suspect.get('name') or '-'}: {text}"))
        for label, value in rows:
            if value not in (None, ""):
                out.row(label, value, False, 8.5)
        out.y += 1.5

