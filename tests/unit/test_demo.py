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


def test_demo_has_screenshots_people_history_and_an_overdue_agenda(tmp_path: Path) -> None:
    from io import BytesIO

    from PIL import Image

    from cybercase.cases import people, phases
    from cybercase.cases.cases import get_case
    from cybercase.evidence.items import list_items
    from cybercase.evidence.store import read_chunks
    from cybercase.views import agenda

    path = tmp_path / "demo"
    ensure_demo_vault(path)
    assert not [p for p in path.iterdir() if p.name.startswith(".demo-")]  # no leftovers
    with Vault.open(path, DEMO_USER, DEMO_PASSPHRASE) as vault:
        first = list_cases(vault)[0]
        items = list_items(vault, first.ref)
        assert len(items) == 2 and all(i.mime == "image/png" for i in items)
        shot = Image.open(BytesIO(b"".join(read_chunks(vault.conn, items[0].blob_id))))
        assert shot.size == (390, 720)
        kinds = {p.kind for p in people.list_people(vault, get_case(vault, first.ref))}
        assert kinds == {"pupil", "parent", "staff"}
        reasons = [c.reason for c in phases.history(vault, get_case(vault, first.ref))]
        assert len(reasons) == 3 and all(reasons)
        due = agenda.agenda(vault)
        today = agenda.today()
        assert any(i.due < today for i in due) and any(i.due > today for i in due)


def test_demo_has_the_cyber_work(tmp_path: Path) -> None:
    from cybercase.cyber import accounts, agreements, police, referrals

    path = tmp_path / "demo"
    ensure_demo_vault(path)
    with Vault.open(path, DEMO_USER, DEMO_PASSPHRASE) as vault:
        found = accounts.list_accounts(vault)
        assert any(a.fake for a in found)  # the impersonation account
        assert any(a.also_in for a in found)  # an e-mail address seen in another case
        refs = [c.ref for c in list_cases(vault)]
        assert sum(len(referrals.list_referrals(vault, r)) for r in refs) >= 2
        assert sum(len(police.list_reports(vault, r)) for r in refs) == 1
        assert sum(len(agreements.list_agreements(vault, r)) for r in refs) == 1
