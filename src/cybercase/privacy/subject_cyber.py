"""Subject-export sections for the cyber work (issue 5): accounts, police, agreements,
takedown requests. Listed in :data:`cybercase.privacy.subject.SECTIONS`.

Every free text goes through ``ctx.mask``. An account currently attributed to the pupil
(suspected or confirmed) is the pupil's data and is shown as recorded; every other
account's handle, e-mail and phone are masked (see ``subject._masker``).
"""

from __future__ import annotations

from typing import Any

from cybercase.core.dutchdates import dutch_date
from cybercase.core.i18n import texts
from cybercase.cyber.accounts import list_accounts
from cybercase.cyber.agreements import list_agreements
from cybercase.cyber.police import list_reports
from cybercase.cyber.referrals import list_referrals
from cybercase.privacy.subject_model import Section, SubjectContext

NL = texts("subject.doc", "nl")
STATUS_NL = texts("subject.doc.account_status", "nl")
ROLE_NL = texts("subject.doc.police_role", "nl")
AGREEMENT_NL = texts("subject.doc.agreement_status", "nl")



def _day(day: str | None) -> str:
    """A day as the PDF prints it: ``3 december 2026``."""
    return dutch_date(day) if day else "-"

def own_account_ids(ctx: SubjectContext) -> set[int]:
    ids = set(ctx.record_ids)
    found = set()
    for case in ctx.cases.values():
        for acc in list_accounts(ctx.vault, case.ref):
            cur = acc.current
            if cur and cur.person_id in ids and cur.status != "refuted":
                found.add(acc.id)
    return found


def accounts(ctx: SubjectContext) -> Section | None:
    ids = set(ctx.record_ids)
    own = own_account_ids(ctx)
    out: list[dict[str, Any]] = []
    for case in ctx.cases.values():
        for acc in list_accounts(ctx.vault, case.ref):
            if acc.id in own and acc.current is not None:
                # the attribution's note is left out: it tells how the school found out
                # ("leerling D zegt dat ...") and so points to the child who told
                out.append({"case": case.ref, "platform": acc.platform, "handle": acc.handle,
                            "relation": "attributed", "status": acc.current.status})
                if acc.current.note:
                    ctx.leave_out(NL["out.attribution_note"], NL["why_attribution_note"])
            elif acc.impersonates_person in ids:
                out.append({"case": case.ref, "platform": acc.platform,
                            "handle": ctx.mask(acc.handle), "relation": "impersonates",
                            "status": None, "note": None})
    if not out:
        return None
    lines = []
    for e in out:
        if e["relation"] == "attributed":
            lines.append((f"{e['platform']} {e['handle']}",
                          NL["account_attributed"].format(status=STATUS_NL.get(e["status"], ""))))
        else:
            lines.append((f"{e['platform']} {e['handle']}",
                          NL["account_fake"]))
    return Section("accounts", NL["section.accounts"], out, lines)


def police(ctx: SubjectContext) -> Section | None:
    ids = set(ctx.record_ids)
    out: list[dict[str, Any]] = []
    for case in ctx.cases.values():
        for rep in list_reports(ctx.vault, case.ref):
            suspects = {r[0] for r in ctx.vault.conn.execute(
                "SELECT person_id FROM police_suspects WHERE report_id = ?", (rep.id,))}
            role = "victim" if rep.victim_id in ids else "suspect" if suspects & ids else None
            if role is None:
                continue
            out.append({"case": case.ref, "kind": rep.kind, "offence": rep.offence,
                        "role": role, "reported_on": rep.reported_on,
                        "offence_on": rep.offence_on, "notes": ctx.mask(rep.notes) or None})
    if not out:
        return None
    return Section("police", NL["section.police"], out, [
        (_day(e["reported_on"]), NL["police_line"].format(kind=e["kind"], offence=e["offence"],
                                                    role=ROLE_NL[e["role"]])
         + (": " + e["notes"] if e["notes"] else "")) for e in out])


def agreements(ctx: SubjectContext) -> Section | None:
    ids = set(ctx.record_ids)
    out: list[dict[str, Any]] = []
    for case in ctx.cases.values():
        for agr in list_agreements(ctx.vault, case.ref):
            if agr.pupil_id not in ids:
                continue
            out.append({
                "case": case.ref, "title": agr.title_nl, "status": agr.status,
                "parents": ctx.mask(agr.parents), "agreed_on": agr.agreed_on,
                "review_on": agr.review_on,
                "points": [ctx.mask(p.get("nl") or p.get("text_nl")) for p in agr.points],
                "reviews": [{"on": r.get("reviewed_on"), "outcome": ctx.mask(r.get("outcome"))}
                            for r in agr.reviews],
            })
    if not out:
        return None
    lines: list[tuple[str, str]] = []
    for e in out:
        lines.append(("#", f"{e['title']} ({AGREEMENT_NL.get(e['status'], e['status'])})"))
        lines += [(NL["l.agreement"], p) for p in e["points"]]
        lines += [(NL["l.review"].format(on=_day(r["on"])), r["outcome"]) for r in e["reviews"]]
    return Section("agreements", NL["section.agreements"], out, lines)


def referrals(ctx: SubjectContext) -> Section | None:
    out = [
        {"case": case.ref, "channel": r.channel, "platform": r.platform, "status": r.status,
         "sent_on": r.sent_on, "what": ctx.mask(r.harm_what) or None}
        for case in ctx.cases.values() for r in list_referrals(ctx.vault, case.ref)
    ]
    if not out:
        return None
    return Section("referrals", NL["section.referrals"], out, [
        (_day(e["sent_on"]) if e["sent_on"] else NL["referral_draft"],
         f"{e['channel']} ({e['platform'] or '-'}): {e['status']}"
         f"{'; ' + e['what'] if e['what'] else ''}") for e in out])


# before the last two (who recorded what, the requests themselves)
