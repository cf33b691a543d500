"""The export's errors in Dutch (the police bundle, verify-bundle, writing the bag).

Each is triggered for real; the English text (CLI) stays what it was, and ``localize``
after ``set_language("nl")`` gives the Dutch sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.cases.cases import create_case
from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import localize, set_language
from cybercase.core.safefile import check_target
from cybercase.export.bundle import check_passphrase, export_case, verify_bundle
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


def test_export_errors_in_dutch_keep_their_english(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "Group chat", "7b", 2).ref
    error = error_of(export_case, vault, ref, tmp_path / "bundle.zip")
    assert str(error) == (f"case {ref} has no evidence to export: add some with `cybercase "
                          f"ingest {ref} FILE`")
    assert dutch(error.message) == (f"zaak {ref} heeft geen bewijs om te exporteren: voeg "
                                    "eerst bewijs toe")
    assert not (tmp_path / "bundle.zip").exists()
    error = error_of(check_passphrase, "short")
    assert str(error) == ("the bundle passphrase is too short (5 characters): use at least 12 "
                          "characters")
    assert dutch(error.message) == ("de wachtwoordzin voor het bewijspakket is te kort (5 "
                                    "tekens): gebruik er ten minste 12")
    existing = tmp_path / "old.zip"
    existing.write_bytes(b"PK")
    error = error_of(check_target, existing, False)
    assert str(error) == f"{existing} already exists: choose another name or add --force"
    assert dutch(error.message) == f"{existing} bestaat al: kies een andere naam"
    error = error_of(check_target, tmp_path / "nowhere" / "b.zip", False)
    assert dutch(error.message) == f"de map {tmp_path / 'nowhere'} bestaat niet: maak die " \
                                   "eerst aan"
    error = error_of(verify_bundle, tmp_path)
    assert str(error) == f"{tmp_path} is not a file: give the bundle's .zip file"
    assert dutch(error.message) == (f"{tmp_path} is geen bestand: kies het .zip-bestand van het "
                                    "bewijspakket")
