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
from cybercase.core.i18n import msg, texts
from cybercase.core.timeutil import local_today
from cybercase.privacy.aliases import aliases_of
from cybercase.privacy.masking import Masker, Subject
from cybercase.vault import Vault

# the notes' texts: the catalogue's ``notes.text.*`` entries, written in both languages
TEXT = {lang: texts("notes.text", lang) for lang in ("en", "nl")}


def _masker(others: list[Person], own: list[Person], marker: str,
            aliases: dict[int, list[str]]) -> Masker:
    """Every other child's name (whole, and each part of 3+ letters) becomes ``marker``; a
    part the pupil shares with their own family (a surname) only inside another child's
    full name, so the note still names its own pupil. The engine of the access export
    (:class:`cybercase.privacy.masking.Masker`): a name glued to a handle-like tail
    ("sanne.k") goes whole, spacing inside a name does not matter."""
    return Masker([n for p in own for n in (p.name, *aliases.get(p.id, []))],
                  [Subject(marker, (p.name, *aliases.get(p.id, [])), person_id=p.id,
                           kind=p.kind) for p in others],
                  ambiguous=marker)


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
    aliases = aliases_of(vault, [p.id for p in everyone])
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
                           "category_nl": TEXT["nl"][f"category.{kind}"],
                           "category_en": TEXT["en"][f"category.{kind}"]}
    for lang in ("en", "nl"):
        T, marker = TEXT[lang], TEXT[lang]["other_child"]
        mask = _masker(others, own, marker, aliases)
        fill = {"name": person.name, "ref": case.ref, "day": local_today().isoformat(),
                "group": f" ({person.group})" if person.group else ""}
        lines = [T["intro"].format(**fill)]
        role_key = {"bullied": "bullied", "bully": "bully"}.get(person.role or "", "member")
        lines.append(T[role_key].format(**fill))
        for _mid, step, held_on in meetings:
            spec = protocol.step(step)
            what = spec.name_en if lang == "en" else spec.name_nl
            lines.append(T["meeting"].format(day=held_on, what=what))
        if actions:
            lines.append(T["actions"].format(**fill))
            lines.extend(f"- {mask(a)}" for a in actions)
        lines.append(T["phase"].format(
            n=phase.number, phase=phase.name_en if lang == "en" else phase.name_nl))
        out[f"text_{lang}"] = "\n".join(lines)
    return out
