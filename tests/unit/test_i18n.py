"""The message catalogues (core: no textual)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pytest

from cybercase.core.i18n import CATALOGUES, get_language, language_from_locale, set_language, t


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    before = get_language()
    yield
    set_language(before)


def test_dutch_and_english_have_the_same_keys_and_placeholders() -> None:
    en, nl = CATALOGUES["en"], CATALOGUES["nl"]
    assert set(en) == set(nl)

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key in en:
        assert fields(en[key]) == fields(nl[key]), key


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_from_locale(env: dict[str, str], expected: str) -> None:
    assert language_from_locale(env) == expected


def test_switching_language_at_runtime() -> None:
    set_language("nl")
    assert t("key.quit") == "Afsluiten"
    set_language("en")
    assert t("key.quit") == "Quit"
    with pytest.raises(ValueError, match="unknown language"):
        set_language("fr")


def test_values_are_data_not_templates() -> None:
    set_language("en")
    shown = t("dash.created", ref="{ref} [b]x[/b] {0!r}")
    assert shown == "Opened case {ref} [b]x[/b] {0!r}."


def test_unknown_key_shows_the_key() -> None:
    assert t("no.such.key") == "no.such.key"


def test_messages_have_no_markup() -> None:
    """Catalogue text is shown as plain text; square brackets would look like markup.

    The texts of documents (the access export's and the school note's "[other pupil]" for a
    masked name) are written into PDFs and notes, never shown as markup."""
    documents = ("subject.doc.", "notes.text.", "report.", "agreements.form.",
                 "referrals.letter.")
    for lang, catalogue in CATALOGUES.items():
        for key, text in catalogue.items():
            if key.startswith(documents):
                continue
            assert not re.search(r"\[/?[a-z]", text), (lang, key)
