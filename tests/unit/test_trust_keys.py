"""Issue #14, key handling: a stolen key file, an old recovery slot, parallel guessing."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from cybercase.cases.cases import create_case, list_cases
from cybercase.core.errors import UnlockError, VaultCorrupt
from cybercase.vault import Vault, ratelimit
from cybercase.vault.backup import backup, restore
from cybercase.vault.keyslots import KeyFile, derive
from tests.conftest import PASSPHRASE, USER

NEW = "a brand new long passphrase"


def _slot_key(keyfile: KeyFile, user: str, passphrase: str) -> bytes:
    slot = keyfile.find(user)
    kek = derive(passphrase, slot.salt, slot.kdf)
    return AESGCM(kek).decrypt(slot.key_nonce, slot.wrapped_slot_key,
                               slot.aad(keyfile.vault_id, "slot-key"))


def _opens_any_slot(stolen_key: bytes, keyfile: KeyFile) -> bool:
    """Can a slot key taken from a stolen key file unwrap any master key in ``keyfile``?

    Tried against every slot, with the slot's own associated data and with any other
    slot's (an attacker can edit the file freely)."""
    for slot in keyfile.slots:
        for other in keyfile.slots:
            try:
                AESGCM(stolen_key).decrypt(slot.master_nonce, slot.wrapped_master,
                                           other.aad(keyfile.vault_id, "master"))
                return True
            except InvalidTag:
                continue
    return False


def test_stolen_key_file_opens_nothing_after_passwd_rekey_and_backup(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    create_case(vault, "Secret case")
    stolen = (vault_dir / "keys.json").read_bytes()
    stolen_key = _slot_key(KeyFile.load(vault_dir / "keys.json"), USER, PASSPHRASE)
    vault.change_passphrase(USER, NEW)
    assert vault.keyfile.find(USER).id != json.loads(stolen)["slots"][0]["id"]
    vault.rekey()
    backup(vault, tmp_path / "later.zip")
    vault.close()

    # the attacker's view: the old slot key unwraps nothing in the new key file or backup
    assert not _opens_any_slot(stolen_key, KeyFile.load(vault_dir / "keys.json"))
    restored = tmp_path / "restored"
    restore(tmp_path / "later.zip", restored)
    assert not _opens_any_slot(stolen_key, KeyFile.load(restored / "keys.json"))

    # through cybercase: the old key file with the old passphrase opens neither
    for where in (vault_dir, restored):
        current = (where / "keys.json").read_bytes()
        (where / "keys.json").write_bytes(stolen)
        with pytest.raises((UnlockError, VaultCorrupt)):
            Vault.open(where, USER, PASSPHRASE).close()
        (where / "keys.json").write_bytes(current)
        (where / ratelimit.FILE).unlink(missing_ok=True)
        with Vault.open(where, USER, NEW) as again:
            assert [c.title for c in list_cases(again)] == ["Secret case"]
        with pytest.raises(UnlockError, match="wrong passphrase"):
            Vault.open(where, USER, PASSPHRASE)


def test_old_slot_put_back_is_refused_even_before_a_rekey(
    vault: Vault, vault_dir: Path
) -> None:
    stolen = (vault_dir / "keys.json").read_bytes()
    vault.change_passphrase(USER, NEW)
    vault.close()
    (vault_dir / "keys.json").write_bytes(stolen)
    with pytest.raises(UnlockError, match="was replaced"):
        Vault.open(vault_dir, USER, PASSPHRASE)


def test_old_recovery_slot_pasted_back_is_refused(vault: Vault, vault_dir: Path) -> None:
    old_key = vault.new_recovery_key()  # a known recovery key to start from
    old_slot = next(s for s in json.loads((vault_dir / "keys.json").read_text())["slots"]
                    if s["kind"] == "recovery")
    new_key = vault.new_recovery_key()
    vault.close()
    with Vault.open(vault_dir, "recovery", new_key) as v:
        assert v.role == "coordinator"
    with pytest.raises(UnlockError, match="wrong recovery key"):
        Vault.open(vault_dir, "recovery", old_key)
    # paste the old recovery slot back into the key file, beside or instead of the new one
    data = json.loads((vault_dir / "keys.json").read_text())
    data["slots"] = [s for s in data["slots"] if s["kind"] != "recovery"] + [old_slot]
    (vault_dir / "keys.json").write_text(json.dumps(data))
    (vault_dir / ratelimit.FILE).unlink(missing_ok=True)
    with pytest.raises(UnlockError, match="was replaced"):
        Vault.open(vault_dir, "recovery", old_key)


def test_passwd_killed_before_the_new_key_file_moved_in(
    vault: Vault, vault_dir: Path
) -> None:
    """The database committed the new slot, the key file move did not happen."""
    real_replace = os.replace

    def crash(src: object, dst: object) -> None:
        if str(src).endswith("keys.json.next"):
            raise KeyboardInterrupt("killed between commit and move")
        real_replace(src, dst)  # type: ignore[arg-type]

    os.replace = crash  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            vault.change_passphrase(USER, NEW)
    finally:
        os.replace = real_replace
    vault.close()
    assert (vault_dir / "keys.json.next").exists()
    with pytest.raises(UnlockError):
        Vault.open(vault_dir, USER, PASSPHRASE)
    with Vault.open(vault_dir, USER, NEW) as v:
        assert v.verify_problems() == []
    assert not (vault_dir / "keys.json.next").exists()


def _guess(vault_dir: str, barrier: object) -> tuple[str, float]:
    os.environ["CYBERCASE_KDF"] = "fast"
    barrier.wait()  # type: ignore[attr-defined]
    try:
        Vault.open(Path(vault_dir), USER, "a wrong guess of a passphrase").close()
    except UnlockError as error:
        return ("limited" if "wait" in str(error) else "wrong"), time.time()
    return "opened", time.time()


def test_parallel_wrong_passphrases_are_all_counted_and_delayed(
    vault: Vault, vault_dir: Path
) -> None:
    vault.close()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(12)
        with ctx.Pool(12) as pool:
            results = pool.starmap(_guess, [(str(vault_dir), barrier)] * 12, chunksize=1)
    data = json.loads((vault_dir / ratelimit.FILE).read_text())
    assert data[USER]["count"] == 12  # no failure lost
    assert "opened" not in {status for status, _ in results}
    # the free tries tested a passphrase; every later test waited its delay after the
    # previous failure (on a quiet machine all 9 later tries are simply refused)
    wrong = sorted(at for status, at in results if status == "wrong")
    assert len(wrong) >= 3
    for n in range(3, len(wrong)):
        assert wrong[n] - wrong[n - 1] >= ratelimit.delay_for(n) - 0.5, wrong
    assert len(wrong) < 12
