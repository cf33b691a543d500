"""The cyber work's texts in Dutch: police lines, agenda and timeline texts, and errors.

Each is triggered on a real vault; the English text (CLI, JSON) stays what it was, and
``localize`` after ``set_language("nl")`` gives the Dutch sentence.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import localize, set_language
from cybercase.core.timeutil import local_today
from cybercase.cyber import agreements, police, referrals
from cybercase.vault import Vault
from cybercase.views.agenda import agenda
from cybercase.views.timeline import timeline


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield None
    set_language("en")


def born(years: int) -> str:
    return date(local_today().year - years, 1, 1).isoformat()  # that age all year


def dutch(value: object) -> str:
    set_language("nl")
    try:
        return localize(value)
    finally:
        set_language("en")


def error_of(call: object, *args: object, **kw: object) -> CybercaseError:
    with pytest.raises(CybercaseError) as info:
        call(*args, **kw)  # type: ignore[operator]
    return info.value


def test_police_lines_follow_the_language(vault: Vault) -> None:
    ref = create_case(vault, "Group chat", "7b", 3).ref
    victim = add_person(vault, ref, "Sanne", "pupil", born=born(11)).id
    young = add_person(vault, ref, "Tim", "pupil", born=born(10)).id
    unknown = add_person(vault, ref, "Daan", "pupil").id
    rep = police.add_report(vault, ref, "melding", "smaad", victim=victim,
                            suspects=[young, unknown])
    under, nobody = rep.suspects[0]["note"], rep.suspects[1]["note"]
    today = local_today().isoformat()
    assert under == f"10 on {today}: under 12, cannot be prosecuted"
    assert dutch(under) == f"10 op {today}: jonger dan 12, kan niet worden vervolgd"
    assert nobody.startswith("date of birth unknown")
    assert dutch(nobody).startswith("geboortedatum onbekend")
    who = rep.complaint["who_can_file"]
    assert who == ("defamation (smaad) is a complaint offence: only the victim can file the "
                   "complaint, and the victim is 11 (under 16), so the parents file it")
    assert dutch(who) == ("smaad is een klachtdelict: alleen het slachtoffer kan aangifte "
                          "doen, en het slachtoffer is 11 (jonger dan 16), dus doen de ouders "
                          "aangifte")
    assert "een melding is geen aangifte" in [dutch(n)[:28] for n in rep.notices]
    assert rep.to_json()["offence_en"] == "defamation (smaad)"

    police.add_report(vault, ref, "aangifte", "sexual_images")
    route = police.police_route(vault, ref)
    assert route["reasons"] == ["police record 2: sexual images of a minor"]
    assert dutch(route["reasons"][0]) == "politiedossier 2: seksuele afbeeldingen van een " \
                                          "minderjarige"
    assert route["advice"].startswith("sexual images of a minor: never store")
    assert dutch(route["advice"]).startswith("seksuele afbeeldingen van een minderjarige: "
                                             "nooit bewaren")


def test_agenda_and_timeline_texts_follow_the_language(vault: Vault) -> None:
    ref = create_case(vault, "Group chat", "7b", 3).ref
    pupil = add_person(vault, ref, "Sanne", "pupil").id
    sent = (local_today() - timedelta(days=1)).isoformat()
    referrals.add_referral(vault, ref, "platform", ["https://instagram.com/p/1"],
                           platform="Instagram", sent_on=sent)
    referrals.add_referral(vault, ref, "helpwanted", ["https://example.nl/x"],
                           platform="TikTok", sent_on=sent)
    referrals.update_referral(vault, 2, status="no_answer")
    review = (local_today() + timedelta(days=30)).isoformat()
    agreements.add_agreement(vault, ref, pupil, "mother", review)
    police.add_report(vault, ref, "aangifte", "sexual_images",
                      appointment=(local_today() + timedelta(days=2)).isoformat() + " 14:30")
    texts = {i.kind + str(n): i.what for n, i in enumerate(agenda(vault))}
    english = sorted(texts.values())
    assert "referral 1 (Instagram, sent): check the answer" in english
    assert "referral 2 (helpwanted, TikTok, no_answer): check the answer" in english
    assert "review the smartphone agreement 1 (Sanne)" in english
    assert "police appointment at 14:30 (aangifte, police record 1)" in english
    nl = sorted(dutch(w) for w in texts.values())
    assert "verwijderverzoek 1 (Instagram, verstuurd): kijk of er antwoord is" in nl
    assert "verwijderverzoek 2 (Helpwanted, TikTok, geen antwoord): kijk of er antwoord is" in nl
    assert "smartphoneafspraak 1 evalueren (Sanne)" in nl
    assert "afspraak met de politie om 14:30 (aangifte, politiedossier 1)" in nl

    events = [e.what for e in timeline(vault, ref)]
    assert "referral 2 (helpwanted): no answer" in events
    assert "police record 1: aangifte (sexual images)" in events
    dutch_events = [dutch(e) for e in events]
    assert "verwijderverzoek 2 (Helpwanted): geen antwoord" in dutch_events
    assert "politiedossier 1: aangifte (seksuele afbeeldingen)" in dutch_events
    assert "smartphoneafspraak 1 opgesteld (Sanne)" in dutch_events


def test_police_errors_in_dutch_keep_their_english(vault: Vault) -> None:
    ref = create_case(vault, "Group chat", "7b", 3).ref
    future = (local_today() + timedelta(days=3)).isoformat()
    error = error_of(police.add_report, vault, ref, "aangifte", "smaad", reported_on=future)
    assert str(error) == f"the report date {future} lies in the future: check it"
    assert dutch(error.message) == f"de datum van de aangifte {future} ligt in de toekomst: " \
                                   "controleer de datum"
    error = error_of(police.add_report, vault, ref, "aangifte", "other")
    assert str(error) == "offence 'other' needs --offence-note saying which offence"
    assert dutch(error.message).startswith("bij strafbaar feit 'anders' hoort een toelichting")
    error = error_of(police.add_report, vault, ref, "brief", "smaad")
    assert str(error) == "unknown kind 'brief': choose one of aangifte, melding"
    assert dutch(error.message) == "onbekende soort 'brief': kies een van: aangifte, melding"


def test_account_referral_and_agreement_errors_in_dutch(vault: Vault) -> None:
    from cybercase.cyber import accounts

    ref = create_case(vault, "Group chat", "7b", 3).ref
    parent = add_person(vault, ref, "Mother", "parent").id
    error = error_of(accounts.add_account, vault, ref, "Instagram", "@x",
                     profile_url="instagram/x")
    assert str(error) == ("the profile URL 'instagram/x' is not a web address: give the exact "
                          "address, starting with https:// (copy it from the browser's address "
                          "bar)")
    assert dutch(error.message).startswith("de profiel-URL 'instagram/x' is geen webadres")
    error = error_of(accounts.add_account, vault, ref, "Instagram", "@x", phone="12345")
    assert dutch(error.message).startswith("'12345' is geen telefoonnummer")
    error = error_of(accounts.get_account, vault, 99)
    assert str(error) == "there is no account 99: see `cybercase account list`"
    assert dutch(error.message) == "er is geen account 99: ververs de lijst en kies opnieuw"
    error = error_of(referrals.update_referral, vault, 7, status="sent")
    assert str(error) == "there is no referral 7: see `cybercase referral list REF`"
    assert dutch(error.message) == "er is geen verwijderverzoek 7: ververs de lijst en kies " \
                                   "opnieuw"
    error = error_of(referrals.add_referral, vault, ref, "platform", [])
    assert dutch(error.message).startswith("een verwijderverzoek heeft het precieze adres")
    made, warnings = referrals.add_referral(vault, ref, "meldknop", ["https://example.nl/a"])
    assert warnings[0].startswith(f"referral {made.id} has no captured evidence")
    assert dutch(warnings[0]).startswith(f"bij verwijderverzoek {made.id} is geen bewijs")
    review = (local_today() + timedelta(days=30)).isoformat()
    error = error_of(agreements.add_agreement, vault, ref, parent, "mother", review)
    assert str(error) == (f"person {parent} is a parent, not a pupil: an agreement is made for "
                          "a pupil")
    assert dutch(error.message) == (f"persoon {parent} is ouder, geen leerling: een afspraak "
                                    "wordt voor een leerling gemaakt")
    pupil = add_person(vault, ref, "Sanne", "pupil").id
    agr = agreements.add_agreement(vault, ref, pupil, "mother", review)
    error = error_of(agreements.review, vault, agr.id, local_today().isoformat(), "fine")
    assert str(error) == (f"agreement {agr.id} is draft: only an agreed agreement can be "
                          "reviewed")
    assert dutch(error.message) == (f"afspraak {agr.id} is concept: alleen een afgesproken "
                                    "afspraak kan worden geëvalueerd")
    error = error_of(agreements.add_point, vault, agr.id, "x" * 600)
    assert str(error) == "the point is too long (600 characters, at most 500)"
    error = error_of(agreements.parse_template, '[[points]]\nkey = "a"\n', "mine.toml")
    assert str(error) == "the agreement template mine.toml: point 1: nl must be a non-empty text"
    assert dutch(error.message) == ("het sjabloon voor afspraken mine.toml: punt 1: nl moet een "
                                    "tekst zijn die niet leeg is")
    error = error_of(agreements.parse_template, 'id = "x"\n', "mine.toml")
    assert str(error) == "the agreement template mine.toml: it needs at least one [[points]] entry"
    assert dutch(error.message) == ("het sjabloon voor afspraken mine.toml: er moet ten minste "
                                    "één [[points]]-blok in staan")
