"""Messages of cybercase.protocol in Dutch: a protocol file's errors name file and line in
both languages; the English stays what the CLI always printed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import localize, set_language
from cybercase.protocol.model import default_text, parse, read_file


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield None
    set_language("en")


def both(error: CybercaseError) -> tuple[str, str]:
    english = str(error)
    set_language("nl")
    try:
        return english, localize(error.message)
    finally:
        set_language("en")


def test_schema_error_with_a_field_and_a_kind() -> None:
    text = default_text().replace('version = "', 'version = 3 # "', 1)
    with pytest.raises(UsageError) as caught:
        parse(text, "school.toml")
    english, dutch = both(caught.value)
    assert english.startswith("school.toml: line ")
    assert english.endswith(": protocol.version: must be a text in quotes")
    assert dutch.startswith("school.toml: regel ")
    assert dutch.endswith(": protocol.version: moet een tekst tussen aanhalingstekens zijn")


def test_unknown_staff_role_reference() -> None:
    text = default_text().replace('who_acts = ["', 'who_acts = ["janitor", "', 1)
    with pytest.raises(UsageError) as caught:
        parse(text, "school.toml")
    english, dutch = both(caught.value)
    assert "who_acts: unknown staff role 'janitor' (known: " in english
    assert "who_acts: onbekende personeelsrol 'janitor' (bekend: " in dutch


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        read_file(tmp_path / "nope.toml")
    assert both(caught.value) == (
        f"there is no file {tmp_path / 'nope.toml'}: check the path",
        f"bestand {tmp_path / 'nope.toml'} bestaat niet: controleer het pad")
    bad = tmp_path / "bad.toml"
    bad.write_text("[protocol\n")
    with pytest.raises(UsageError) as caught:
        read_file(bad)
    english, dutch = both(caught.value)
    assert english.startswith(f"{bad}: line 1: not valid TOML (")
    assert dutch.startswith(f"{bad}: regel 1: geen geldige TOML (")
