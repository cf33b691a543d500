"""What a protocol template holds: phases, steps, case roles, triage outcomes, the
checklist (validated by :mod:`cybercase.protocol.model`, stored per case by
:mod:`cybercase.protocol.store`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg


@dataclass(frozen=True)
class Named:
    key: str
    name_nl: str
    name_en: str


@dataclass(frozen=True)
class CaseRole(Named):
    note: str


@dataclass(frozen=True)
class TriageOutcome(Named):
    when_all: bool
    text_nl: str
    text_en: str
    phase: int | None = None  # the phase this outcome suggests (optional in the file)


@dataclass(frozen=True)
class Phase:
    number: int
    name_nl: str
    name_en: str
    meaning_nl: str
    meaning_en: str
    who_acts: tuple[str, ...]
    escalate_nl: str
    escalate_en: str
    expects_nl: tuple[str, ...]
    expects_en: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number, "name_nl": self.name_nl, "name_en": self.name_en,
            "meaning_nl": self.meaning_nl, "meaning_en": self.meaning_en,
            "who_acts": list(self.who_acts), "escalate_nl": self.escalate_nl,
            "escalate_en": self.escalate_en, "expects_nl": list(self.expects_nl),
            "expects_en": list(self.expects_en),
        }


@dataclass(frozen=True)
class Step:
    key: str
    name_nl: str
    name_en: str
    leads: tuple[str, ...]
    points_nl: tuple[str, ...]
    points_en: tuple[str, ...]
    decisions: tuple[str, ...]
    evaluation_after_days: int
    again_after_days: int
    actions_required: bool
    bullied_absent: bool
    inform: tuple[str, ...]


@dataclass(frozen=True)
class ChecklistItem:
    id: int
    responsible: tuple[str, ...]
    text_nl: str
    text_en: str


@dataclass
class Protocol:
    id: str
    version: str
    name_nl: str
    name_en: str
    staff_roles: list[Named]
    case_roles: list[CaseRole]
    support_group_roles: list[Named]
    channels: list[Named]
    triage_criteria: list[Named]
    triage_outcomes: list[TriageOutcome]
    phases: list[Phase]
    steps: list[Step]
    checklist: list[ChecklistItem]
    text: str = field(repr=False, default="")
    sha256: str = ""

    def phase(self, number: int) -> Phase:
        for phase in self.phases:
            if phase.number == number:
                return phase
        raise UsageError(msg("protocol.phase_unknown", phase=number))

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise UsageError(msg("protocol.step_unknown", step=key,
                             choices=", ".join(s.key for s in self.steps)))

    def item(self, number: int) -> ChecklistItem:
        for item in self.checklist:
            if item.id == number:
                return item
        raise UsageError(msg("protocol.item_unknown", number=number,
                             first=self.checklist[0].id, last=self.checklist[-1].id))

    def case_role(self, key: str) -> CaseRole:
        found: CaseRole = pick(self.case_roles, key, msg("protocol.field.pupil_role"))
        return found

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256,
                "name_nl": self.name_nl, "name_en": self.name_en}

    def to_json(self) -> dict[str, Any]:
        def named(items: list[Any]) -> list[dict[str, Any]]:
            return [dict(vars(i)) for i in items]

        return {
            **self.summary(),
            "staff_roles": named(self.staff_roles),
            "case_roles": named(self.case_roles),
            "support_group_roles": named(self.support_group_roles),
            "channels": named(self.channels),
            "triage": {"criteria": named(self.triage_criteria),
                       "outcomes": named(self.triage_outcomes)},
            "phases": [p.to_json() for p in self.phases],
            "support_group_steps": [
                {k: list(v) if isinstance(v, tuple) else v for k, v in vars(s).items()}
                for s in self.steps
            ],
            "checklist": [
                {"id": c.id, "responsible": list(c.responsible), "text_nl": c.text_nl,
                 "text_en": c.text_en} for c in self.checklist
            ],
        }


def pick(items: list[Any], key: str, what: str) -> Any:
    """The entry of ``items`` with ``key``; ``what`` names the list (best a Msg)."""
    for item in items:
        if item.key == key:
            return item
    raise UsageError(msg("protocol.unknown_choice", what=what, value=key,
                         choices=", ".join(i.key for i in items)))
