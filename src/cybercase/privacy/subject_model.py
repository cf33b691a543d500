"""The parts of an access export (AVG art. 15): a section, and what every section reads.

Sections are functions ``(SubjectContext) -> Section | None`` listed in
:data:`cybercase.privacy.subject.SECTIONS` (the cyber ones come from
:mod:`cybercase.privacy.subject_cyber`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cybercase.cases.cases import Case
from cybercase.cases.people import Person
from cybercase.core.i18n import texts
from cybercase.privacy.masking import Masker
from cybercase.vault import Vault

# printed Dutch text: the catalogue's ``subject.doc.*`` entries (cybercase/locale)
NL = texts("subject.doc", "nl")

STATUS_NL = texts("subject.doc.status", "nl")


SectionFn = Callable[["SubjectContext"], "Section | None"]


@dataclass
class Section:
    key: str
    title_nl: str
    data: Any  # JSON-ready, masked
    lines: list[tuple[str, str]] = field(default_factory=list)  # (label, text); "" = paragraph


@dataclass
class SubjectContext:
    vault: Vault
    person: Person  # the record the request names
    records: list[Person]  # the same child in every case (the first is ``person``)
    cases: dict[int, Case]  # case id -> case, for every record
    masker: Masker
    include_evidence: set[int]
    left_out: list[dict[str, str]] = field(default_factory=list)

    @property
    def record_ids(self) -> list[int]:
        return [p.id for p in self.records]

    def mask(self, text: Any) -> str:
        return self.masker(text)

    def leave_out(self, what: str, why: str) -> None:
        entry = {"what": what, "why": why}
        if entry not in self.left_out:
            self.left_out.append(entry)
