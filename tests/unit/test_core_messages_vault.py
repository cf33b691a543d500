"""Messages of cybercase.vault, roles and safefile in Dutch: the unlock screen's errors
(wrong passphrase, unknown user, busy vault, missing vault), refusals, users, backups."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cybercase.core.errors import (
    CybercaseError,
    PermissionDenied,
    UnlockError,
    UsageError,
    VaultBusy,
    VaultMissing,
)
from cybercase.core.i18n import CATALOGUES, localize, set_language
from cybercase.core.roles import PERMISSION_TEXT, PERMISSIONS
from cybercase.core.safefile import PartialFile
from cybercase.vault import Vault
from cybercase.vault.backup import restore
from cybercase.vault.lock import WriteLock
from tests.conftest import PASSPHRASE, USER


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


def test_unlock_errors(vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(UnlockError) as caught:
        Vault.open(vault_dir, USER, "not the passphrase at all")
    assert both(caught.value) == ("wrong passphrase for 'anna': try again",
                                  "verkeerde wachtwoordzin voor 'anna': probeer het opnieuw")
    with pytest.raises(UnlockError) as caught:
        Vault.open(vault_dir, "bram", PASSPHRASE)
    assert both(caught.value) == (
        "unknown user 'bram': check the name with your coordinator",
        "onbekende gebruiker 'bram': controleer de naam bij je coördinator")


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing) as caught:
        Vault.open(tmp_path / "none", USER, PASSPHRASE)
    english, dutch = both(caught.value)
    assert english.endswith(": create one with `cybercase init --user NAME` or point --vault "
                            "/ CYBERCASE_VAULT at an existing one")
    assert dutch.startswith("er is geen kluis in ")
    assert dutch.endswith(": maak er een aan of kies een bestaande kluis")


def test_busy_vault_names_who_holds_it(vault: Vault) -> None:
    vault.lock.acquire(USER)
    try:
        with pytest.raises(VaultBusy) as caught:
            WriteLock(vault.lock.path).acquire("bram", wait=0)
    finally:
        vault.lock.release()
    english, dutch = both(caught.value)
    assert re.fullmatch(r"the vault is in use by anna \(process \d+ on .+\) since .+: wait "
                        r"until they are done, then try again", english)
    assert re.fullmatch(r"de kluis is in gebruik door anna \(proces \d+ op .+\) sinds .+: "
                        r"wacht tot die klaar is en probeer het dan opnieuw", dutch)


def test_refusal_and_users(vault: Vault, vault_dir: Path) -> None:
    vault.add_user("dirk", "viewer", PASSPHRASE)
    viewer = Vault.open(vault_dir, "dirk", PASSPHRASE)
    try:
        with pytest.raises(PermissionDenied) as caught:
            viewer.require("case.write")
    finally:
        viewer.close()
    assert both(caught.value) == (
        "dirk (viewer) may not change case files (case.write): ask the coordinator",
        "dirk (viewer) heeft geen recht om zaakdossiers te wijzigen (case.write): vraag het "
        "de coördinator")
    with pytest.raises(UsageError) as caught:
        vault.remove_user(USER)
    assert both(caught.value) == (
        "you cannot remove yourself: ask another coordinator",
        "je kunt jezelf niet verwijderen: vraag het een andere coördinator")
    with pytest.raises(UsageError) as caught:
        vault.add_user("eva", "viewer", "short")
    english, dutch = both(caught.value)
    assert english.startswith("the passphrase is too short: use at least ")
    assert dutch.startswith("de wachtwoordzin is te kort: gebruik minstens ")


def test_every_permission_has_a_text_in_both_languages() -> None:
    for permission in PERMISSIONS:
        key = f"vault.perm.{permission}"
        assert key in CATALOGUES["en"] and key in CATALOGUES["nl"], key
        assert PERMISSION_TEXT[permission] == CATALOGUES["en"][key]


def test_restore_and_safefile(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        restore(tmp_path / "nope.zip", tmp_path / "new")
    assert both(caught.value) == (f"there is no backup file {tmp_path / 'nope.zip'}",
                                  f"reservekopie {tmp_path / 'nope.zip'} bestaat niet")
    target = tmp_path / "out.txt"
    target.write_text("already here")
    partial = PartialFile(target, ".cybercase-test-")
    try:
        partial.file.write(b"x")
        with pytest.raises(UsageError) as caught:
            partial.commit()
    finally:
        partial.discard()
    assert both(caught.value) == (f"{target} already exists: choose another name",
                                  f"{target} bestaat al: kies een andere naam")
    assert target.read_text() == "already here"
