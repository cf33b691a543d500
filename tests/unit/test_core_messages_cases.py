"""Messages of cybercase.cases (and the shared checks of timeutil and protocol) in Dutch:
real errors on a real vault keep their English text and render in Dutch when localized."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from cybercase.cases import checklist, people, phases, supportgroup
from cybercase.cases.cases import close_case, create_case, get_case, set_intake
from cybercase.core.errors import CybercaseError, NotFound, UsageError
from cybercase.core.i18n import localize, set_language
from cybercase.vault import Vault
from cybercase.views import agenda, search, timeline


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield None
    set_language("en")


def both(error: CybercaseError) -> tuple[str, str]:
    """(English as the CLI prints it, Dutch as the app shows it)."""
    english = str(error)
    set_language("nl")
    try:
        return english, localize(error.message)
    finally:
        set_language("en")


def test_unknown_case(vault: Vault) -> None:
    with pytest.raises(NotFound) as caught:
        get_case(vault, "2026-999")
    assert both(caught.value) == (
        "there is no case '2026-999': see `cybercase case list`",
        "zaak '2026-999' bestaat niet: kies een zaak uit de lijst",
    )


def test_field_names_follow_the_language(vault: Vault) -> None:
    with pytest.raises(UsageError) as caught:
        create_case(vault, "   ")
    assert both(caught.value) == ("the title is empty: give a short title",
                                  "de titel is leeg: vul de titel in")
    with pytest.raises(UsageError) as caught:
        create_case(vault, "x" * 201)
    assert both(caught.value) == ("the title is too long (201 characters, at most 200)",
                                  "de titel is te lang (201 tekens, hoogstens 200)")
    with pytest.raises(UsageError) as caught:
        create_case(vault, "ok", reported_on="gisteren")
    assert both(caught.value) == (
        "the report date 'gisteren' is not a date: write it as 3-12-2026, 3 dec 2026 "
        "or 2026-12-03",
        "de meldingsdatum 'gisteren' is geen datum: schrijf hem als 3-12-2026, 3 dec 2026 "
        "of 2026-12-03",
    )
    with pytest.raises(UsageError) as caught:
        create_case(vault, "ok", channel="pigeon")
    english, dutch = both(caught.value)
    assert english.startswith("unknown reporting channel 'pigeon': choose one of pupil, ")
    assert dutch.startswith("het meldkanaal 'pigeon' bestaat niet: kies uit pupil, ")


def test_phase_reason_and_closed_case(vault: Vault) -> None:
    case = create_case(vault, "WhatsApp 7b")
    with pytest.raises(UsageError) as caught:
        phases.change_phase(vault, case.ref, 2, "a\x1bb")
    assert both(caught.value) == (
        "the reason contains control characters: type it on one line",
        "de reden bevat stuurtekens: typ het op één regel",
    )
    close_case(vault, case.ref, "solved")
    with pytest.raises(UsageError) as caught:
        set_intake(vault, case.ref, summary="more")
    assert both(caught.value) == (
        f"case {case.ref} is closed (solved): it cannot change",
        f"zaak {case.ref} is gesloten (solved): er kan niets meer veranderen",
    )


def test_people_errors(vault: Vault) -> None:
    case = create_case(vault, "WhatsApp 7b")
    with pytest.raises(UsageError) as caught:
        people.add_person(vault, case.ref, "Sam", "pupil", role="villain")
    english, dutch = both(caught.value)
    assert english.startswith("unknown pupil role 'villain': choose one of ")
    assert dutch.startswith("de leerlingrol 'villain' bestaat niet: kies uit ")
    teacher = people.add_person(vault, case.ref, "Mw. Jansen", "staff")
    pupil = people.add_person(vault, case.ref, "Sam", "pupil")
    with pytest.raises(UsageError) as caught:
        people.link_parent(vault, teacher.id, pupil.id)
    assert both(caught.value) == (f"person {teacher.id} is a staff, not a parent",
                                  f"persoon {teacher.id} is personeel, geen ouder")
    with pytest.raises(NotFound) as caught:
        people.get_person(vault, 999, case)
    assert both(caught.value) == (
        f"there is no person 999 in case {case.ref}: see `cybercase person list REF`",
        f"persoon 999 hoort niet bij zaak {case.ref}: kies iemand uit de betrokkenen van "
        "de zaak",
    )


def test_checklist_agenda_search_and_support_group(vault: Vault) -> None:
    case = create_case(vault, "WhatsApp 7b")
    with pytest.raises(UsageError) as caught:
        checklist.set_item(vault, case.ref, 999, "done")
    english, dutch = both(caught.value)
    assert english.startswith("checklist item 999 does not exist: the protocol has items 1 to")
    assert dutch.startswith("checklistpunt 999 bestaat niet: het protocol kent de punten 1 ")
    with pytest.raises(NotFound) as caught:
        agenda.mark_done(vault, 77)
    assert both(caught.value) == ("there is no agenda item 77: see `cybercase agenda`",
                                  "agendapunt 77 bestaat niet: kijk in de agenda")
    with pytest.raises(UsageError) as caught:
        search.search(vault, "x")
    assert both(caught.value) == ("type at least 2 characters to search",
                                  "typ minstens 2 tekens om te zoeken")
    with pytest.raises(UsageError) as caught:
        supportgroup.record_meeting(vault, case.ref, "4", "2026-01-05")
    assert both(caught.value) == ("step 4 needs --decision (end|again)",
                                  "stap 4 vraagt een besluit (end|again)")


def test_agenda_and_timeline_texts_follow_the_language(vault: Vault) -> None:
    case = create_case(vault, "WhatsApp 7b", reported_by="mother", channel="parent",
                       reported_on="2026-01-04")
    pupil = people.add_person(vault, case.ref, "Sam", "pupil", role="bully")
    supportgroup.record_meeting(vault, case.ref, "2", "2026-01-05", participants=[pupil.id],
                                actions=[(pupil.id, "says sorry")])
    checklist.set_item(vault, case.ref, 1, "na")
    [item] = [i for i in agenda.agenda(vault) if i.case_ref == case.ref]
    assert item.what == "support group: evaluation after step 2 (The support group meeting)"
    # stored as key + values (never English to be recognised again)
    stored = json.loads(vault.conn.execute("SELECT what FROM due_items").fetchone()[0])
    assert stored == {"key": "cases.sg_evaluation", "values": {
        "step": "2", "name": {"en": "The support group meeting", "nl": "De supportgroep"}}}
    events = {e.kind: e.what for e in timeline.timeline(vault, case.ref)}
    assert events["case.reported"] == "reported by mother via parent"
    assert events["checklist"] == "checklist item 1: na"
    set_language("nl")
    assert localize(item.what) == "supportgroep: evaluatie na stap 2 (De supportgroep)"
    assert localize(events["case.reported"]) == (
        "gemeld door mother, via: ouders melden bij de groepsleerkracht")
    assert localize(events["checklist"]) == "checklistpunt 1: niet van toepassing"
    assert localize(events["sg.meeting"]) == "supportgroep stap 2: De supportgroep"
    assert localize(events["agenda.due"]).startswith("gepland: supportgroep: evaluatie na ")
    assert localize(events["case.opened"]) == "zaak geopend in fase 1"


def test_the_reason_the_core_stores_for_a_new_case_is_shown_in_dutch(vault: Vault) -> None:
    case = create_case(vault, "WhatsApp 7b")
    [first] = phases.history(vault, case)
    assert first.reason == "case opened" and first.to_json()["reason"] == "case opened"
    assert vault.conn.execute("SELECT reason FROM phase_changes").fetchone()[0] == "case opened"
    set_language("nl")
    assert localize(first.reason) == "zaak geopend"
