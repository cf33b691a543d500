"""Core fixes found by the reliability suite (tests/reliability), checked fast in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cybercase.cases.cases import create_case, list_cases
from cybercase.core.errors import UsageError, VaultBusy, VaultCorrupt
from cybercase.evidence import ingest
from cybercase.vault import Vault
from cybercase.vault.keyslots import KeyFile
from cybercase.views.verify import verify_vault
from tests.conftest import PASSPHRASE, USER
from tests.helpers import raw_connection


def _edit_slot(vault_dir: Path, **fields: object) -> None:
    path = vault_dir / "keys.json"
    data = json.loads(path.read_text())
    for key, value in fields.items():
        if key.startswith("kdf_"):
            data["slots"][0]["kdf"][key[4:]] = value
        else:
            data["slots"][0][key] = value
    path.write_text(json.dumps(data))


@pytest.mark.parametrize("fields", [
    {"kdf_m": 1 << 40},  # would allocate a petabyte
    {"kdf_t": 10**9},  # would spin for days
    {"kdf_p": 0},
    {"kdf_m": 0},
    {"salt": "AAAA"},  # too short for Argon2id
    {"key_nonce": ""},
    {"wrapped_master": "AAAA"},
    {"kind": "admin"},
])
def test_key_file_fields_out_of_bounds_are_damage(
    vault: Vault, vault_dir: Path, fields: dict[str, object]
) -> None:
    vault.close()
    _edit_slot(vault_dir, **fields)
    with pytest.raises(VaultCorrupt, match=r"key file .* is damaged"):
        KeyFile.load(vault_dir / "keys.json")


def test_page_size_out_of_bounds_is_damage(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    path = vault_dir / "keys.json"
    data = json.loads(path.read_text())
    data["page_size"] = 1000
    path.write_text(json.dumps(data))
    with pytest.raises(VaultCorrupt, match="damaged"):
        Vault.open(vault_dir, USER, PASSPHRASE)


def test_empty_database_says_so(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    (vault_dir / "vault.db").write_bytes(b"")
    with pytest.raises(VaultCorrupt, match="empty"):
        Vault.open(vault_dir, USER, PASSPHRASE)


def _problems_after(vault_dir: Path, *statements: str) -> list[str]:
    raw = raw_connection(vault_dir, USER, PASSPHRASE)
    for statement in statements:
        raw.execute(statement)
    raw.close()
    with Vault.open(vault_dir, USER, PASSPHRASE) as v:
        return verify_vault(v).problems


@pytest.fixture
def with_item(vault: Vault, vault_dir: Path, tmp_path: Path) -> Path:
    case = create_case(vault, "Tamper")
    (tmp_path / "chat.txt").write_text("a message\n")
    ingest(vault, case.ref, [str(tmp_path / "chat.txt")], workers=0)
    vault.close()
    return vault_dir


def test_dropped_and_weakened_triggers_are_found(with_item: Path) -> None:
    problems = _problems_after(
        with_item, "DROP TRIGGER audit_no_delete", "DROP TRIGGER blobs_no_update",
        "CREATE TRIGGER blobs_no_update BEFORE UPDATE ON blobs WHEN 0"
        " BEGIN SELECT RAISE(ABORT, 'x'); END")
    assert any("'audit_no_delete' was removed" in p for p in problems), problems
    assert any("'blobs_no_update' was changed" in p for p in problems), problems


def test_rows_without_parent_and_stray_chunks_are_found(with_item: Path) -> None:
    problems = _problems_after(
        with_item, "INSERT INTO blob_chunks(blob_id, n, data) VALUES (77, 0, x'00')",
        "INSERT INTO blob_chunks(blob_id, n, data) VALUES (1, 9, x'00')")
    assert any("row" in p and "blob_chunks" in p and "missing blobs" in p for p in problems)
    assert any("2 stored chunk(s) belong to no content" in p for p in problems), problems


def test_item_facts_are_tied_to_their_ingest_entry(with_item: Path, vault_dir: Path) -> None:
    problems = _problems_after(
        with_item, "DROP TRIGGER evidence_items_measured_fixed",
        "UPDATE evidence_items SET original_name = 'other.txt', size = 2 WHERE id = 1")
    assert any("evidence 1 " in p and "recorded size 2" in p for p in problems), problems
    assert any("its name differs from what audit entry" in p for p in problems), problems
    problems = _problems_after(vault_dir, "DELETE FROM evidence_items WHERE id = 1")
    assert any("evidence 1 " in p and "missing from the vault" in p for p in problems), problems


@pytest.mark.parametrize("text", ["caf\udce9", "\x9b31m red", "bell\x07", "del\x7f", "\x1b[2J"])
def test_text_that_is_not_text_is_refused(vault: Vault, text: str) -> None:
    with pytest.raises(UsageError, match=r"not valid text|control characters"):
        create_case(vault, text)
    assert vault.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


def test_rekey_refused_while_the_vault_is_open_elsewhere(vault: Vault, vault_dir: Path) -> None:
    other = Vault.open(vault_dir, USER, PASSPHRASE)  # another program (its own lock)
    with pytest.raises(VaultBusy, match="open in another program"):
        vault.rekey()
    create_case(other, "still readable and writable")  # nothing changed for the other
    other.close()
    vault.rekey()
    assert verify_vault(vault).ok
    vault.close()
    with Vault.open(vault_dir, USER, PASSPHRASE) as again:
        assert [c.title for c in list_cases(again)] == ["still readable and writable"]
