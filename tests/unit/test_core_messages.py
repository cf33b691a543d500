"""The core's messages (cybercase.core.i18n.msg): English for the CLI, Dutch for the app, every
key the core names exists in both languages with the same placeholders."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

import cybercase
from cybercase.core.errors import UsageError
from cybercase.core.i18n import CATALOGUES, Msg, localize, msg, set_language

SRC = Path(cybercase.__file__).parent
FACES = ("tui", "cli")
MSG_CALL = re.compile(r"""\bmsg\(\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\"""")


def core_files() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] not in FACES]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield None
    set_language("en")


def test_every_core_key_exists_in_both_languages_with_the_same_placeholders() -> None:
    used: set[str] = set()
    for path in core_files():
        used.update(MSG_CALL.findall(path.read_text(encoding="utf-8")))
    for key in sorted(used):
        assert key in CATALOGUES["en"], ("en", key)
        assert key in CATALOGUES["nl"], ("nl", key)
        assert fields(CATALOGUES["en"][key]) == fields(CATALOGUES["nl"][key]), key


def test_both_catalogues_define_the_same_keys() -> None:
    assert set(CATALOGUES["en"]) == set(CATALOGUES["nl"])


def test_a_message_is_english_text_until_localized(monkeypatch: pytest.MonkeyPatch) -> None:
    en, nl = dict(CATALOGUES["en"]), dict(CATALOGUES["nl"])
    monkeypatch.setitem(CATALOGUES, "en", en | {"cases.x": "{n} days in {phase}",
                                                "cases.p": "phase {n}"})
    monkeypatch.setitem(CATALOGUES, "nl", nl | {"cases.x": "{n} dagen in {phase}",
                                                "cases.p": "fase {n}"})
    m = msg("cases.x", n=3, phase=msg("cases.p", n=2))
    assert isinstance(m, Msg) and m == "3 days in phase 2"
    assert json.dumps(m) == '"3 days in phase 2"'
    error = UsageError(m)
    assert str(error) == "3 days in phase 2"
    set_language("nl")
    assert localize(error.message) == "3 dagen in fase 2"
    assert str(m) == "3 days in phase 2"  # the CLI's text does not follow the app
    assert localize("plain text") == "plain text"
