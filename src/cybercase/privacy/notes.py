"""School-system notes: per pupil, the text to paste into the pupil administration.

The bullied pupil and the bullies get an *Incidenten -> pesten* note; the other pupils in
the support group a journal (dagboek) note. Parents may read such notes in the portal, so a
note names no other child (their names are replaced, also inside action points typed by
the coordinator) and carries no support-group role.
"""

from __future__ import annotations

from typing import Any

from cybercase.cases.cases import case_protocol, get_case
from cybercase.cases.people import Person, get_person, kind_word, list_people, parents_of
from cybercase.core.errors import UsageError
from cybercase.core.timeutil import local_today
from cybercase.i18n import msg
from cybercase.privacy.masking import Masker
from cybercase.vault import Vault

OTHER_CHILD_EN = "[another pupil]"
OTHER_CHILD_NL = "[andere leerling]"

CATEGORY = {
    "incident": ("Incidenten -> pesten", "Incidents -> bullying"),
    "journal": ("Dagboek", "Journal"),
}
T = {
    "intro_en": "{day}: {name}{group} is involved in a bullying situation that the school "
                "handles with its anti-bullying protocol (file {ref}).",
    "intro_nl": "{day}: {name}{group} is betrokken bij een pestsituatie die de school "
                "aanpakt volgens het pestprotocol (dossier {ref}).",
    "bullied_en": "{name} was bullied. The school talks with {name} and the parents.",
    "bullied_nl": "{name} werd gepest. De school voert gesprekken met {name} en de ouders.",
    "bully_en": "{name} took part in the bullying. Agreements were made about {name}'s "
                "behaviour.",
    "bully_nl": "{name} heeft meegedaan aan het pesten. Er zijn afspraken gemaakt over het "
                "gedrag van {name}.",
    "member_en": "{name} helps in a support group to make things better in the class.",
    "member_nl": "{name} helpt in een supportgroep om het in de klas beter te maken.",
    "meeting_en": "{day}: {what}",
    "meeting_nl": "{day}: {what}",
    "actions_en": "Action points of {name}:",
    "actions_nl": "Actiepunten van {name}:",
    "phase_en": "Protocol phase {n}: {phase}.",
    "phase_nl": "Protocolfase {n}: {phase}.",
}


def _masker(others: list[Person], own: list[Person], marker: str) -> Masker:
    """Every other child's name (whole, and each part of 3+ letters) becomes ``marker``; a
    part the pupil shares with their own family (a surname) only inside another child's
    full name, so the note still names its own pupil. The engine of the access export
    (:class:`cybercase.privacy.masking.Masker`): a name glued to a handle-like tail
    ("sanne.k") goes whole, spacing inside a name does not matter."""
    return Masker([p.name for p in own], [(p.name, marker) for p in others], [],
                  ambiguous=marker, account=marker)


def school_note(vault: Vault, ref: str, person_id: int) -> dict[str, Any]:
    vault.require("care.read")
    case = get_case(vault, ref)
    person = get_person(vault, person_id, case)
    if person.kind != "pupil":
        raise UsageError(msg("cases.note_pupils_only", id=person_id,
                             kind=kind_word(person.kind)))
    protocol = case_protocol(vault, case)
    everyone = list_people(vault, case)
    own_parents = set(parents_of(vault, person.id))
    others = [p for p in everyone if p.id != person.id and (
        p.kind == "pupil" or (p.kind == "parent" and p.id not in own_parents))]
    own = [p for p in everyone if p.id == person.id or p.id in own_parents]
    kind = "journal"
    if person.role:
        kind = protocol.case_role(person.role).note
    meetings = vault.conn.execute(
        "SELECT m.id, m.step, m.held_on FROM sg_meetings m JOIN sg_participants p"
        " ON p.meeting_id = m.id WHERE m.case_id = ? AND p.person_id = ? ORDER BY m.held_on",
        (case.id, person.id)).fetchall()
    if person.role == "bullied":
        meetings = vault.conn.execute(
            "SELECT id, step, held_on FROM sg_meetings WHERE case_id = ? AND step IN"
            " ('1', '3') ORDER BY held_on", (case.id,)).fetchall()
    actions = [r[0] for r in vault.conn.execute(
        "SELECT a.text FROM sg_actions a JOIN sg_meetings m ON m.id = a.meeting_id"
        " WHERE m.case_id = ? AND a.person_id = ? ORDER BY m.held_on, a.id",
        (case.id, person.id))]
    phase = protocol.phase(case.phase)
    out: dict[str, Any] = {"person_id": person.id, "kind": kind,
                           "category_nl": CATEGORY[kind][0], "category_en": CATEGORY[kind][1]}
    for lang, marker in (("en", OTHER_CHILD_EN), ("nl", OTHER_CHILD_NL)):
        mask = _masker(others, own, marker)
        fill = {"name": person.name, "ref": case.ref, "day": local_today().isoformat(),
                "group": f" ({person.group})" if person.group else ""}
        lines = [T[f"intro_{lang}"].format(**fill)]
        role_key = {"bullied": "bullied", "bully": "bully"}.get(person.role or "", "member")
        lines.append(T[f"{role_key}_{lang}"].format(**fill))
        for _mid, step, held_on in meetings:
            spec = protocol.step(step)
            what = spec.name_en if lang == "en" else spec.name_nl
            lines.append(T[f"meeting_{lang}"].format(day=held_on, what=what))
        if actions:
            lines.append(T[f"actions_{lang}"].format(**fill))
            lines.extend(f"- {mask(a)}" for a in actions)
        lines.append(T[f"phase_{lang}"].format(
            n=phase.number, phase=phase.name_en if lang == "en" else phase.name_nl))
        out[f"text_{lang}"] = "\n".join(lines)
    return out
