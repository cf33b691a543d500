"""The demo vault behind `cybercase demo`."""

from __future__ import annotations

from pathlib import Path

from cybercase.cases.cases import list_cases
from cybercase.demo import DEMO_CASES, DEMO_PASSPHRASE, DEMO_USER, ensure_demo_vault
from cybercase.vault import Vault


def test_demo_vault_is_made_once_with_cases_in_several_phases(tmp_path: Path) -> None:
    path = tmp_path / "demo"
    assert ensure_demo_vault(path) is True
    keyfile = (path / "keys.json").read_bytes()
    assert ensure_demo_vault(path) is False  # the second call leaves it alone
    assert (path / "keys.json").read_bytes() == keyfile
    with Vault.open(path, DEMO_USER, DEMO_PASSPHRASE) as vault:
        cases = list_cases(vault)
        assert [c.title for c in cases] == [c.title for c in DEMO_CASES]
        assert len({c.phase for c in cases}) >= 3
        assert all(c.status == "open" for c in cases)
        assert vault.school.endswith("(demo)")
