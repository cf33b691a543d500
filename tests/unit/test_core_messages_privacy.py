"""The privacy work's texts in Dutch: the yearly figures' words and the errors.

Each is triggered on a real vault; the English text (CLI, JSON) stays what it was, and
``localize`` after ``set_language("nl")`` gives the Dutch sentence.
"""

from __future__ import annotations

import json

import pytest

from cybercase.cases.cases import create_case
from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import localize, set_language
from cybercase.core.timeutil import local_today
from cybercase.privacy.stats import stats
from cybercase.vault import Vault


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield None
    set_language("en")


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


def test_stats_words_follow_the_language(vault: Vault) -> None:
    for n in range(6):
        create_case(vault, f"Group chat {n}", None, 2)
    figures = stats(vault, local_today().year)
    values = {d: [r["value"] for r in rows] for d, rows in figures["dimensions"].items()}
    assert values["phase_reached"] == ["phase 2"]
    assert values["group"] == ["(none recorded)"]
    assert values["time_to_resolution"] == ["still open"]
    assert values["outcome"] == ["open"]
    assert json.loads(json.dumps(figures))["dimensions"]["phase_reached"][0]["value"] == \
        "phase 2"
    assert dutch(values["phase_reached"][0]) == "fase 2"
    assert dutch(values["group"][0]) == "(niets vastgelegd)"
    assert dutch(values["time_to_resolution"][0]) == "nog open"
    assert figures["rule"].startswith("counts of 1-4 are shown as '<5'")
    assert dutch(figures["rule"]).startswith("aantallen van 1-4 staan er als '<5'")
    error = error_of(stats, vault, "20x6")
    assert str(error) == "--year '20x6' is not a year: give four digits, e.g. 2026"
    assert dutch(error.message) == "'20x6' is geen jaartal: typ vier cijfers, bijv. 2026"


def test_privacy_errors_in_dutch_keep_their_english(vault: Vault) -> None:
    from cybercase.cases import access
    from cybercase.cases.people import add_person
    from cybercase.privacy import auditview, corrections, requests, retention
    from cybercase.views.agenda import agenda

    ref = create_case(vault, "Group chat", "7b", 2).ref
    pupil = add_person(vault, ref, "Sanne", "pupil", group="7b").id
    parent = add_person(vault, ref, "Mother", "parent").id
    error = error_of(corrections.correct, vault, "person", pupil, "group", "7b", "typo")
    assert str(error) == f"the group of person {pupil} is already '7b': nothing to correct"
    assert dutch(error.message) == f"de groep van persoon {pupil} is al '7b': er is niets " \
                                   "te corrigeren"
    error = error_of(corrections.correct, vault, "person", pupil, "group", "8a", None)
    assert str(error) == ("a correction needs a reason: give --reason TEXT (why the recorded "
                          "group was wrong)")
    assert dutch(error.message) == ("een correctie vraagt een reden: schrijf waarom de groep "
                                    "zoals vastgelegd niet klopte")
    error = error_of(corrections.correct, vault, "person", parent, "role", "aunt", "typo")
    assert str(error) == "unknown parent role 'aunt': choose one of parent, guardian"
    assert dutch(error.message) == "onbekende rol van een ouder 'aunt': kies een van: parent, " \
                                   "guardian"
    error = error_of(requests.register, vault, parent)
    assert str(error) == (f"person {parent} is a parent: access requests here are for pupils "
                          "(the parents ask for their child's data)")
    assert dutch(error.message).startswith(f"persoon {parent} is ouder: een inzageverzoek")
    requests.register(vault, pupil, "2026-01-05")
    (item,) = [i for i in agenda(vault) if i.kind == "subject_access"]
    assert item.what == (f"access request for person {pupil} (received 2026-01-05): answer "
                         f"with `cybercase subject-export {pupil} --out FILE.zip`")
    assert dutch(item.what) == (f"inzageverzoek voor persoon {pupil} (ontvangen 2026-01-05): "
                                "beantwoord het met een inzage-export")
    error = error_of(retention.set_retention, vault, "ten")
    assert str(error) == (f"retention must be a whole number of days from 0 to "
                          f"{retention.MAX_DAYS}, not 'ten'")
    assert dutch(error.message).startswith("de bewaartermijn moet een heel aantal dagen zijn")
    error = error_of(access.unrestrict, vault, ref)
    assert str(error) == f"case {ref} is not restricted: nothing to lift"
    assert dutch(error.message) == f"zaak {ref} is niet afgeschermd: er is niets op te heffen"
    error = error_of(auditview.visible_entries, vault, "2019-404")
    assert str(error) == ("there is no case '2019-404' and none was purged: see `cybercase "
                          "case list`")
    assert dutch(error.message).startswith("er is geen zaak '2019-404' en er is er ook geen")
    assert dutch(retention.OUTSIDE).startswith("kopieën buiten de kluis blijven staan")
