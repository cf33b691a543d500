"""The report's chronology: what happened by the time it happened, each time with its
basis, then what the school did.

Incident: the messages of chat exports (their parsed times; a key message (kernbericht)
is marked as one, with the coordinator's note, and listed even when its time is unknown),
the EXIF times of photos and screenshots (as the camera wrote them, no zone) and the
times shown on screen as someone stated them. A stated time that cannot be read as a
date is listed after the others.
School: the case's own events (reported, triage, phases with their names, informed,
referrals, police, closed) from the case timeline; never support-group meetings or care.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from cybercase.core.i18n import Msg
from cybercase.core.timeutil import AMSTERDAM, from_iso
from cybercase.documents.report_input import ReportInput
from cybercase.documents.report_words import Dutch, nl_day, nl_when, who_nl

NL = Dutch("report.chrono")
MAX_CHAT_LINE = 300  # characters of a message in the chronology
SCHOOL_KINDS = ("case.opened", "case.reported", "case.triage", "phase", "informed",
                "referral", "referral.sent", "referral.status", "referral.update", "police",
                "case.closed")
_LATE = datetime.max.replace(tzinfo=AMSTERDAM)


@dataclass
class Row:
    at: datetime  # for ordering (aware); _LATE when the time cannot be read
    when: str  # as printed
    what: str
    basis: str


def _local(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


_SHOWN = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T,]+(\d{1,2})[:.](\d{2})"), "ymd"),
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ ,]+(\d{1,2})[:.](\d{2})"), "dmy"),
)


def shown_moment(text: str) -> datetime | None:
    """A time shown on screen as typed ("19-11-2026 21:04", "2026-11-19 21:04"), read as
    Amsterdam time (day before month, as in the Netherlands); None when it is not one."""
    for pattern, order in _SHOWN:
        found = pattern.search(text)
        if found:
            a, b, c, hour, minute = (int(g) for g in found.groups())
            year, month, day = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)
            except ValueError:
                return None
    return None


def exif_moment(text: str) -> datetime | None:
    """``2026:11:19 21:04:05`` (EXIF, no zone) as Amsterdam time for ordering."""
    try:
        return datetime.strptime(text.strip()[:19], "%Y:%m:%d %H:%M:%S").replace(
            tzinfo=AMSTERDAM)
    except ValueError:
        return None


def incident(data: ReportInput) -> list[Row]:
    rows: list[Row] = []
    for item, record in zip(data.chosen, data.records, strict=True):
        number = data.number(item.id)
        for message in data.chats.get(item.id, []):
            note = data.keys.get((item.id, message.n))
            if not message.time_utc and note is None:
                continue
            text = " ".join(message.text.split())
            if len(text) > MAX_CHAT_LINE:
                text = text[:MAX_CHAT_LINE] + " ..."
            what = text if message.system or not message.sender else \
                f"{message.sender}: {text}"
            basis = NL["chat"].format(n=number, m=message.n)
            if note is not None:
                what = NL["key"].format(what=what, note=" ".join(note.split()) or "-")
                basis = NL["key_basis"].format(basis=basis)
            if message.time_utc:
                rows.append(Row(from_iso(message.time_utc), nl_when(message.time_utc),
                                what, basis))
            else:  # a key message whose time the export does not tell: as shown, last
                rows.append(Row(_LATE, message.shown_time or "-", what, basis))
        exif = record["measured"].get("exif_time_as_written")
        moment = exif_moment(exif) if exif else None
        if exif:
            rows.append(Row(moment or _LATE, nl_when(moment) if moment else str(exif),
                            NL["made"].format(n=number, name=item.original_name),
                            NL["exif"].format(n=number)))
        stated = item.stated or {}
        shown = stated.get("shown_time")
        if shown:
            moment = shown_moment(str(shown))
            rows.append(Row(moment or _LATE, nl_when(moment) if moment else str(shown),
                            NL["shown"].format(n=number, name=item.original_name),
                            NL["shown_basis"].format(
                                who=who_nl(stated.get("captured_by")), n=number)))
    rows.sort(key=lambda r: r.at)
    return rows


def _phase(what: Msg, phases: dict[int, str]) -> str:
    params = dict(what.params)

    def named(n: object) -> str:
        name = phases.get(int(str(n))) if str(n).isdigit() else None
        return f"{n} ({name})" if name else str(n)

    return NL["phase"].format(frm=named(params.get("frm")), to=named(params.get("to")),
                              reason=params.get("reason") or "-")


def school(data: ReportInput) -> list[Row]:
    rows: list[Row] = []
    for event in data.timeline:
        if event.kind not in SCHOOL_KINDS:
            continue
        what = event.what
        if event.kind == "phase" and isinstance(what, Msg):
            text = _phase(what, data.phases)
        elif event.kind == "case.opened" and isinstance(what, Msg) and \
                str(what.params.get("phase")).isdigit():
            number = int(str(what.params["phase"]))
            name = data.phases.get(number)
            text = what.localized("nl") + (f" ({name})" if name else "")
        else:
            text = what.localized("nl") if isinstance(what, Msg) else str(what)
        try:
            at = _local(from_iso(event.when)) if not event.date_only else \
                datetime.fromisoformat(event.when[:10]).replace(tzinfo=AMSTERDAM)
        except ValueError:
            at = _LATE
        when = nl_day(event.when) if event.date_only else nl_when(event.when)
        rows.append(Row(at, when, text, NL["by"].format(who=who_nl(event.by))
                        if event.by else ""))
    rows.sort(key=lambda r: r.at)
    return rows
