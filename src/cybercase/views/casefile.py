"""The whole case file in one document (``case show --json``, the app's case screen)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cybercase.cases import access, checklist, phases, supportgroup
from cybercase.cases.cases import case_protocol, get_case, suggested_phase
from cybercase.cases.history import Correction, person_history
from cybercase.cases.people import Person, get_person, links, list_people, parents_of, sees_care
from cybercase.core.timeutil import local_today
from cybercase.cyber.summary import case_summary
from cybercase.privacy import retention
from cybercase.vault import Vault
from cybercase.views.agenda import agenda


def case_file(vault: Vault, ref: str) -> dict[str, Any]:
    case = get_case(vault, ref)
    protocol = case_protocol(vault, case)
    care = sees_care(vault)
    items = checklist.items(vault, case)
    today = local_today()
    data = case.to_json()
    data.update({
        "protocol": protocol.summary(),
        "phase_info": protocol.phase(case.phase).to_json(),
        "suggested_phase": suggested_phase(vault, case),
        "phase_history": [c.to_json() for c in phases.history(vault, case)],
        "people": [p.to_json(with_care=care) for p in list_people(vault, case)],
        "parent_links": [{"parent_id": a, "pupil_id": b} for a, b in links(vault, case)],
        "checklist": items,
        "checklist_progress": checklist.progress(items),
        "support_group": supportgroup.state(vault, case) if care else None,
        "informed": supportgroup.informed_list(vault, case) if care else None,
        "due": [i.to_json(today) for i in agenda(vault) if i.case_ref == case.ref],
    })
    users = access.restricted_to(vault, case.id)
    data["access"] = {"restricted": bool(users), "users": users}
    data["retention"] = retention.case_retention(vault, case.closed_at)
    from cybercase.cases.history import case_history

    data["corrections"] = [c.to_json() for c in case_history(vault, case)]
    data["cyber"] = case_summary(vault, case)
    return data



@dataclass
class PersonFile:
    """One person (``person show``): as recorded, the case they are in, their parents and
    the corrections of their record."""

    person: Person
    case_ref: str
    parents: list[int]
    corrections: list[Correction]
    with_care: bool

    def to_json(self) -> dict[str, Any]:
        data = self.person.to_json(with_care=self.with_care)
        data["case"] = self.case_ref
        data["parents"] = self.parents
        data["corrections"] = [c.to_json() for c in self.corrections]
        return data


def person_file(vault: Vault, person_id: int) -> PersonFile:
    found = get_person(vault, person_id)
    ref = vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                             (found.case_id,)).fetchone()[0]
    return PersonFile(found, ref, parents_of(vault, found.id), person_history(vault, found),
                      sees_care(vault))
