"""The privacy work's texts in Dutch: the yearly figures' words and the errors.

Each is triggered on a real vault; the English text (CLI, JSON) stays what it was, and
``localize`` after ``set_language("nl")`` gives the Dutch sentence.
"""

from __future__ import annotations

import json

import pytest

from cybercase.cases.cases import create_case
from cybercase.errors import CybercaseError
from cybercase.i18n import localize, set_language
from cybercase.privacy.stats import stats
from cybercase.timeutil import local_today
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
