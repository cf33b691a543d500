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
from cybercase.privacy.masking import Masker
from cybercase.vault import Vault

# the Dutch words of the export (the school answers the parents in Dutch)
NL = {
    "title": "Inzage in de gegevens van {name}",
    "intro": (
        "U hebt gevraagd welke gegevens de school over uw kind vastlegt in het kader van "
        "het pestprotocol. Dit overzicht bevat alles wat over uw kind in cybercase staat. "
        "Gegevens van andere kinderen zijn afgeschermd: hun namen zijn vervangen door "
        "'leerling A', 'leerling B', enzovoort, en accountnamen door 'account 1', "
        "'account 2', enzovoort. Hieronder staat ook wat is weggelaten en waarom."
    ),
    "school": "School", "made": "Gemaakt op", "by": "Gemaakt door",
    "request": "Verzoek ontvangen", "due": "Uiterlijk beantwoorden op",
    "left_out": "Weggelaten, en waarom",
    "evidence_files": "Bijgevoegde bewijsstukken",
    "page": "pagina",
    "other_pupil": "leerling {letter}",
    "other_parent": "ouder van leerling {letter}",
    "parent_n": "ouder {n}",
    "account": "account {n}",
    "ambiguous": "[andere leerling]",
    "match_basis": "zelfde naam en geboortedatum",
    "match_self": "het gevraagde dossier",
    "no_born": ("Er is geen geboortedatum vastgelegd: daarom is alleen dit dossier "
                "doorzocht, niet andere dossiers met dezelfde naam."),
    "why_masked": ("namen van andere kinderen en hun ouders en accountnamen zijn vervangen; "
                   "zij hebben zelf recht op bescherming van hun gegevens"),
    "why_sg_role": ("de rol in de steungroep wordt nooit genoemd: de steungroepaanpak "
                    "(No Blame) benoemt geen rollen"),
    "why_others_actions": "actiepunten van andere kinderen gaan over die kinderen",
    "why_evidence": ("de inhoud kan andere kinderen tonen of over hen gaan; de school laat "
                     "het u graag op school zien"),
    "parents": "ouders",
    "why_minor": ("beschrijvingen van beelden die volgens de wet niet bewaard mogen worden; "
                  "de school bespreekt dit met u op school"),
}

STATUS_NL = {"done": "gedaan", "open": "open", "na": "niet van toepassing"}


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
        self.left_out.append({"what": what, "why": why})
