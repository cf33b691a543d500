"""Subject access (AVG art. 15): everything about one pupil, for the parents.

``subject_export(vault, person_id, out)`` writes a ZIP with ``inzage.pdf`` (Dutch,
readable) and ``inzage.json`` (the same data), plus evidence files only when the
coordinator includes them by id.

- The same child in other cases: people are recorded per case, so records with the same
  name (ignoring case and spacing) and the same date of birth are taken as the same child;
  the export lists them and says on what basis. Without a date of birth only the one
  record is used, and the export says so.
- Other children are masked: every other pupil becomes "leerling A", "leerling B", ...
  (the same letter across cases), their parents "ouder van leerling B", and every
  account handle seen in the evidence "account 1", ... (we cannot tell whose a handle is).
  Full names first, then name parts of three letters or more that the child's own family
  does not share. Staff keep their names (they act in their role).
- Evidence content is left out unless included with ``include_evidence``: images and
  recordings may show other children. The export lists what was left out and why.
- The support-group role is never given (the No Blame approach names no roles), nor other
  children's action points.

Sections come from :data:`SECTIONS`, a registry of functions ``(SubjectContext) ->
Section | None``: later modules (accounts attributed to the pupil, referrals, police
reports, agreements) append theirs. The context gives the vault, the pupil's records in
every case and ``mask`` for any free text (a section must pass every text it did not
write itself through ``ctx.mask``).
"""

from __future__ import annotations

from typing import Any

from cybercase.cases import access
from cybercase.cases.cases import OPENED, Case, case_protocol, get_case
from cybercase.cases.people import Person, get_person, parents_of
from cybercase.core.dutchdates import dutch_date, dutch_datetime
from cybercase.core.errors import PermissionDenied, UsageError
from cybercase.core.i18n import msg, render
from cybercase.core.labels import audit_action
from cybercase.core.timeutil import AMSTERDAM, from_iso, local_display
from cybercase.evidence.items import Item, list_items, parse_id
from cybercase.privacy import requests, subject_cyber
from cybercase.privacy.masking import Masker, norm_name
from cybercase.privacy.maskset import Labels, mask_set
from cybercase.privacy.subject_model import NL, STATUS_NL, Section, SectionFn, SubjectContext
from cybercase.vault import Vault, auditscope

# printed Dutch text in one place (translatable)

# --- gathering -------------------------------------------------------------------------------


def _records(vault: Vault, person: Person) -> list[Person]:
    """The same child in every case: same name and date of birth (pupils only)."""
    if not person.born:
        return [person]
    found = [person]
    visible = access.visible_case_ids(vault)
    for pid, case_id, name in vault.conn.execute(
        "SELECT id, case_id, name FROM people WHERE kind = 'pupil' AND born = ? AND id != ?"
        " ORDER BY id", (person.born, person.id)
    ).fetchall():
        if norm_name(name) != norm_name(person.name):
            continue  # another child born the same day: none of this export's business
        if case_id not in visible:
            # the same child in a case this user may not open: answering without it would
            # be incomplete; say so without naming the case
            raise PermissionDenied(msg("trust.subject_hidden_record"))
        found.append(get_person(vault, pid))
    return found


def _masker(vault: Vault, records: list[Person]) -> Masker:
    """The access export's masks (:mod:`cybercase.privacy.maskset`): the child and its own
    parents stay readable, and so do the accounts attributed to the child."""
    labels = Labels(pupil=NL["other_pupil"], parent_of=NL["other_parent"],
                    parent=NL["parent_n"], account=NL["account"], sender=NL["participant"],
                    ambiguous=NL["ambiguous"], url_id=NL["url_id"])
    return mask_set(vault, {p.case_id for p in records}, {p.id for p in records}, labels,
                    senders=True).masker()


def _printed(day: str | None) -> str:
    """A day as the PDF prints it: ``3 december 2026`` (``-`` when there is none)."""
    return dutch_date(day) if day and day != "-" else "-"


def _reason(change: dict[str, Any]) -> str:
    """A phase change's reason; the one the core writes itself (stored in English) in Dutch."""
    if change["from"] is None and change["reason"] == OPENED:
        return render("nl", "cases.reason_opened")
    return str(change["reason"])


def _day(iso: str | None) -> str:
    if not iso:
        return "-"
    return from_iso(iso).astimezone(AMSTERDAM).date().isoformat() if "T" in iso else iso


# --- the sections ------------------------------------------------------------------------------


def _pupil(ctx: SubjectContext) -> Section:
    p = ctx.person
    matched = []
    for rec in ctx.records:
        case = ctx.cases[rec.case_id]
        matched.append({"case": case.ref, "person_id": rec.id,
                        "basis": NL["match_self"] if rec.id == p.id else NL["match_basis"]})
    data = {"name": p.name, "born": p.born, "group": p.group, "records": matched}
    lines = [(NL["l.name"], p.name), (NL["l.born"], p.born or "-"),
             (NL["l.group"], p.group or "-")]
    lines += [(NL["l.case"],
               NL["case_person"].format(case=m["case"], id=m["person_id"], basis=m["basis"]))
              for m in matched]
    if not p.born:
        lines.append(("", NL["no_born"]))
        data["note"] = NL["no_born"]
    return Section("pupil", NL["section.pupil"], data, lines)


def _cases(ctx: SubjectContext) -> Section:
    out = []
    lines: list[tuple[str, str]] = []
    for rec in ctx.records:
        case = ctx.cases[rec.case_id]
        protocol = case_protocol(ctx.vault, case)
        role = protocol.case_role(rec.role).name_nl if rec.role else None
        history = [
            {"date": _day(at), "from": frm, "to": to, "reason": ctx.mask(reason)}
            for frm, to, at, reason in ctx.vault.conn.execute(
                "SELECT from_phase, to_phase, at, reason FROM phase_changes WHERE case_id = ?"
                " ORDER BY id", (case.id,)).fetchall()
        ]
        entry = {
            "case": case.ref, "title": ctx.mask(case.title), "role": role,
            "opened": _day(case.created_at), "closed": _day(case.closed_at),
            "status": case.status, "phase": case.phase,
            "phase_name": protocol.phase(case.phase).name_nl,
            "reported_on": case.reported_on, "reported_by": ctx.mask(case.reported_by),
            "channel": case.channel, "summary": ctx.mask(case.summary),
            "triage": case.triage, "outcome": ctx.mask(case.outcome), "phase_history": history,
        }
        out.append(entry)
        lines += [("#", NL["case_title"].format(ref=case.ref, title=entry["title"])),
                  (NL["l.role"], role or "-"),
                  (NL["l.opened_closed"],
                   f"{_printed(_day(case.created_at))} / {_printed(_day(case.closed_at))}"),
                  (NL["l.phase"], f"{case.phase} {entry['phase_name']}"),
                  (NL["l.report"], NL["reported"].format(
                      on=_printed(case.reported_on), by=entry["reported_by"] or "-",
                      channel=case.channel or "-")),
                  (NL["l.summary"], ctx.mask(case.summary) or "-"),
                  (NL["l.triage"], case.triage or "-"),
                  (NL["l.outcome"], ctx.mask(case.outcome) or "-")]
        lines += [(NL["l.phase_history"],
                   f"{_printed(str(h['date']))}: {h['from'] or '-'} -> {h['to']}: {_reason(h)}")
                  for h in history]
    return Section("cases", NL["section.cases"], out, lines)


def _support_group(ctx: SubjectContext) -> Section | None:
    out = []
    lines: list[tuple[str, str]] = []
    for rec in ctx.records:
        case = ctx.cases[rec.case_id]
        protocol = case_protocol(ctx.vault, case)
        if rec.role == "bullied":
            rows = ctx.vault.conn.execute(
                "SELECT id, step, held_on, notes FROM sg_meetings WHERE case_id = ? AND step IN"
                " ('1', '3') ORDER BY held_on, id", (case.id,)).fetchall()
        else:
            rows = ctx.vault.conn.execute(
                "SELECT m.id, m.step, m.held_on, m.notes FROM sg_meetings m JOIN"
                " sg_participants p ON p.meeting_id = m.id WHERE m.case_id = ? AND"
                " p.person_id = ? ORDER BY m.held_on, m.id", (case.id, rec.id)).fetchall()
        for mid, step, held_on, notes in rows:
            actions = [ctx.mask(t) for (t,) in ctx.vault.conn.execute(
                "SELECT text FROM sg_actions WHERE meeting_id = ? AND person_id = ? ORDER BY id",
                (mid, rec.id))]
            entry = {"case": case.ref, "date": held_on, "step": protocol.step(step).name_nl,
                     "notes": ctx.mask(notes) or None, "own_action_points": actions}
            out.append(entry)
            lines.append(("#", NL["meeting"].format(day=held_on, step=entry["step"],
                                                    ref=case.ref)))
            if entry["notes"]:
                lines.append((NL["l.minutes"], entry["notes"]))
            lines += [(NL["l.own_action"], a) for a in actions]
    if not out:
        return None
    ctx.leave_out(NL["out.others_actions"], NL["why_others_actions"])
    return Section("support_group", NL["section.support_group"], out, lines)


def _informed(ctx: SubjectContext) -> Section | None:
    ids = list(ctx.record_ids)
    for rec in ctx.records:
        ids += parents_of(ctx.vault, rec.id)
    marks = ",".join("?" * len(ids))
    out = [
        {"case": ref, "date": on, "who": who, "how": ctx.mask(how), "note": ctx.mask(note)}
        for ref, on, who, how, note in ctx.vault.conn.execute(
            "SELECT c.ref, i.on_date, i.who, i.how, i.note FROM informed i JOIN cases c"
            f" ON c.id = i.case_id WHERE i.person_id IN ({marks}) ORDER BY i.on_date, i.id",
            ids).fetchall()
    ]
    if not out:
        return None
    lines = []
    for e in out:
        who = NL["parents"] if e["who"] == "parents" else e["who"]
        lines.append((e["date"], f"{who} ({e['how']}){': ' + e['note'] if e['note'] else ''}"))
    return Section("informed", NL["section.informed"], out, lines)


def _checklist(ctx: SubjectContext) -> Section | None:
    out = []
    for rec in ctx.records:
        case = ctx.cases[rec.case_id]
        protocol = case_protocol(ctx.vault, case)
        for item, status, note in ctx.vault.conn.execute(
            "SELECT DISTINCT l.item, c.status, c.note FROM checklist_links l LEFT JOIN"
            " checklist c ON c.case_id = l.case_id AND c.item = l.item WHERE l.case_id = ?"
            " AND l.person_id = ? ORDER BY l.item", (case.id, rec.id)
        ).fetchall():
            out.append({"case": case.ref, "item": item, "text": protocol.item(item).text_nl,
                        "status": status or "open", "note": ctx.mask(note) or None})
    if not out:
        return None
    return Section("checklist", NL["section.checklist"], out, [
        (NL["checklist_step"].format(case=e["case"], item=e["item"]),
         f"{e['text']} ({STATUS_NL.get(e['status'], e['status'])})"
         f"{': ' + e['note'] if e['note'] else ''}") for e in out])


def _evidence(ctx: SubjectContext) -> Section | None:
    out = []
    lines: list[tuple[str, str]] = []
    for rec in ctx.records:
        case = ctx.cases[rec.case_id]
        withdrawn = 0
        for item in list_items(ctx.vault, case.ref):
            if item.withdrawn is not None:
                # withdrawn from the case file (often: about another child); its name,
                # description or reason could point to who it was about
                withdrawn += 1
                continue
            stated = item.stated
            entry = {
                "case": case.ref, "id": item.id, "type": item.mime,
                "stored": _day(item.ingested_at), "sha256": item.sha256,
                "name": ctx.mask(item.original_name),
                "platform": ctx.mask(stated.get("platform")) or None,
                "description": ctx.mask(stated.get("description")) or None,
                "url": ctx.mask(stated.get("url")) or None,
                "accounts": [ctx.mask(a) for a in stated.get("accounts", [])],
                "included": item.id in ctx.include_evidence,
            }
            out.append(entry)
            lines.append((NL["l.item"].format(id=item.id), NL["item_line"].format(
                type=entry["type"], stored=entry["stored"],
                withdrawn="",
                platform=entry["platform"] or "-", description=entry["description"] or "",
                included=NL["item_included"] if entry["included"] else "")))
            if item.id not in ctx.include_evidence:
                ctx.leave_out(NL["out.item_content"].format(id=item.id, mime=item.mime),
                              NL["why_evidence"])
        if withdrawn:
            ctx.leave_out(render("nl", "subject.doc.out.withdrawn", n=withdrawn, ref=case.ref),
                          NL["why_withdrawn"])
        reports = ctx.vault.conn.execute(
            "SELECT count(*) FROM minor_sexual_reports WHERE case_id = ?", (case.id,)
        ).fetchone()[0]
        if reports:
            ctx.leave_out(render("nl", "subject.doc.out.minor", n=reports, ref=case.ref),
                          NL["why_minor"])
    if not out:
        return None
    return Section("evidence", NL["section.evidence"], out, lines)


def _corrections(ctx: SubjectContext) -> Section | None:
    marks = ",".join("?" * len(ctx.record_ids))
    out = [
        {"field": f, "old": ctx.mask(o), "new": ctx.mask(n), "at": _day(at),
         "reason": ctx.mask(r)}
        for f, o, n, at, r in ctx.vault.conn.execute(
            "SELECT field, old_value, new_value, at, reason FROM corrections WHERE"
            f" table_name = 'people' AND row_id IN ({marks}) ORDER BY id", ctx.record_ids)
    ]
    if not out:
        return None
    return Section("corrections", NL["section.corrections"], out, [
        (dutch_datetime(e["at"]),
         f"{e['field']}: {e['old'] or '-'} -> {e['new'] or '-'} ({e['reason']})")
        for e in out])


def _access_log(ctx: SubjectContext) -> Section:
    objects = [f"person {i}" for i in ctx.record_ids]
    marks = ",".join("?" * len(objects))
    since = auditscope.born(ctx.vault.conn, objects)  # not a purged record's events
    rows = ctx.vault.conn.execute(
        "SELECT ts, actor, action, object, seq FROM audit"
        f" WHERE object IN ({marks}) ORDER BY seq", objects).fetchall()
    out = [{"time": local_display(ts), "user": actor, "action": action}
           for ts, actor, action, obj, seq in rows if seq >= since[obj]]
    # printed: a Dutch moment and the action in words, never its code
    other = NL["other_action"]
    return Section("access_log", NL["section.access_log"], out, [
        (dutch_datetime(ts), f"{actor}: {audit_action(action, 'nl', other)}")
        for ts, actor, action, obj, seq in rows if seq >= since[obj]])


def _requests(ctx: SubjectContext) -> Section:
    out = requests.requests_for(ctx.vault, ctx.record_ids)
    return Section("requests", NL["section.requests"], out, [
        (dutch_date(r["received_on"]), NL["request_due"].format(
            due=dutch_date(r["due_on"]), answered=NL["request_answered"] if r["done_at"] else ""))
         for r in out])


# every section of the export, in this order (no module adds itself by being imported)
SECTIONS: tuple[SectionFn, ...] = (
    _pupil, _cases, _support_group, _informed, _checklist, _evidence, _corrections,
    subject_cyber.accounts, subject_cyber.police, subject_cyber.agreements,
    subject_cyber.referrals, _access_log, _requests,
)


def gather(vault: Vault, person: Person, include_evidence: list[int | str] | None
           ) -> tuple[SubjectContext, list[Section], dict[int, Item], list[str]]:
    """What an access export for ``person`` holds: the context, the sections (masked), the
    evidence items asked for (by id) and the references of the cases the child is in."""
    records = _records(vault, person)
    cases: dict[int, Case] = {}
    for rec in records:
        ref = vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                                 (rec.case_id,)).fetchone()[0]
        cases[rec.case_id] = get_case(vault, ref)
    refs = [cases[r.case_id].ref for r in records]
    included: dict[int, Item] = {}
    case_items = {i.id: i for rec in records for i in list_items(vault, cases[rec.case_id].ref)}
    for raw in include_evidence or []:
        item_id = parse_id(raw)
        if item_id not in case_items:
            raise UsageError(msg("privacy.subject.not_here", id=item_id, refs=", ".join(refs)))
        if case_items[item_id].withdrawn is not None:
            raise UsageError(msg("privacy.subject.withdrawn", id=item_id))
        included[item_id] = case_items[item_id]
    ctx = SubjectContext(vault, person, records, cases, _masker(vault, records),
                         set(included))
    ctx.leave_out(NL["out.masked"], NL["why_masked"])
    ctx.leave_out(NL["out.sg_role"], NL["why_sg_role"])
    sections = [s for s in (fn(ctx) for fn in SECTIONS) if s is not None]

    return ctx, sections, included, refs
