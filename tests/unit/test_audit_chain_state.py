"""privacy.auditview.chain_state: the audit chain's problems and length for the app's log
view (the app no longer walks the chain on the vault's connection itself)."""

from __future__ import annotations

import pytest

from cybercase.cases.cases import create_case
from cybercase.core.errors import PermissionDenied
from cybercase.privacy.auditview import chain_state
from cybercase.vault import Vault
from cybercase.vault.audit import head


def test_chain_state_intact_and_counted(vault: Vault) -> None:
    create_case(vault, "A case")
    problems, total = chain_state(vault)
    assert problems == []
    assert total == head(vault.conn)[0] > 0
    assert chain_state(vault, check=False) == (None, total)


def test_chain_state_reports_a_broken_link(vault: Vault) -> None:
    create_case(vault, "A case")
    vault.conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    for (name,) in vault.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
    ).fetchall():
        vault.conn.execute(f"DROP TRIGGER {name}")
    vault.conn.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    problems, _total = chain_state(vault)
    assert problems


def test_chain_state_needs_audit_read(vault: Vault) -> None:
    vault.role = "ict"
    with pytest.raises(PermissionDenied):
        chain_state(vault)
