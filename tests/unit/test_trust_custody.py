"""Issue #14, custody that cannot mix up records: ids are never handed out twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.cases.cases import close_case, create_case
from cybercase.cases.people import add_person
from cybercase.evidence import ingest
from cybercase.evidence.items import list_items
from cybercase.export.access_export import subject_export
from cybercase.export.bundlefiles import custody_events
from cybercase.privacy import retention
from cybercase.vault import Vault, migrations
from cybercase.views.verify import verify_vault
from tests.conftest import PASSPHRASE, USER


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def _purge_a_case(vault: Vault, tmp_path: Path) -> tuple[int, int]:
    """A case with two items and one pupil, purged; returns (first item id, person id)."""
    old = create_case(vault, "to purge")
    ingest(vault, old.ref, [_file(tmp_path, "old.txt", "purged evidence\n"),
                            _file(tmp_path, "old2.txt", "more purged evidence\n")])
    item = list_items(vault, old.ref)[0].id
    person = add_person(vault, old.ref, "Sem de Vries", "pupil", born="2015-03-01").id
    close_case(vault, old.ref, "solved")
    retention.set_retention(vault, 0)
    assert retention.purge(vault, yes=True).receipts
    return item, person


def _own_events_only(vault: Vault, ref: str, item_id: int) -> None:
    events = custody_events(vault, ref, [item_id])
    assert [e.action for _, e in events] == ["evidence.ingest"]
    assert {e.case_ref for _, e in events} == {ref}


def test_purge_then_new_items_get_new_ids_and_their_own_custody(
    vault: Vault, tmp_path: Path
) -> None:
    old_item, old_person = _purge_a_case(vault, tmp_path)
    new = create_case(vault, "new")
    ingest(vault, new.ref, [_file(tmp_path, "new.txt", "new evidence\n")])
    item = list_items(vault, new.ref)[0].id
    assert item > old_item
    _own_events_only(vault, new.ref, item)
    child = add_person(vault, new.ref, "Noor Bakker", "pupil", born="2016-05-02")
    assert child.id > old_person
    done = subject_export(vault, child.id, tmp_path / "inzage.zip")
    import json
    import zipfile

    with zipfile.ZipFile(done.path) as zf:
        log = json.loads(zf.read("inzage.json"))["sections"]["access_log"]
    assert [e["action"] for e in log] == ["person.add"]
    assert verify_vault(vault).ok


def test_a_vault_purged_before_the_migration(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ids already reused before migration 8: lookups still separate the records, and the
    migration keeps rows, triggers and indexes and never hands out a purged id again.

    The vault is built with every migration except 8 (today's code needs the later
    columns); migration 8 rebuilds whatever tables it finds, so it is the same step."""
    without8 = [m for m in migrations.all_migrations() if m.number != 8]
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "all_migrations", lambda: without8)
        vault, _ = Vault.create(vault_dir, USER, PASSPHRASE)
        old_item, _person = _purge_a_case(vault, tmp_path)
        second = create_case(vault, "second")
        ingest(vault, second.ref, [_file(tmp_path, "b.txt", "second evidence\n")])
        reused = list_items(vault, second.ref)[0].id
        assert reused == old_item  # what SQLite did before migration 8
        vault.close()
    before = _schema(vault_dir)
    with Vault.open(vault_dir, USER, PASSPHRASE) as vault:
        assert 8 in migrations.applied(vault.conn)
        _own_events_only(vault, second.ref, reused)
        ingest(vault, second.ref, [_file(tmp_path, "c.txt", "third evidence\n")])
        ids = [i.id for i in list_items(vault, second.ref)]
        assert ids == [reused, reused + 2]  # above the purged second item too
        assert verify_vault(vault).ok
        assert migrations.trigger_problems(vault.conn) == []
    after = _schema(vault_dir)

    def plain(schema: dict[str, str]) -> dict[str, str]:
        return {k: v.replace(" AUTOINCREMENT", "") for k, v in schema.items()
                if not k.startswith("table sqlite_sequence")}

    assert plain(after) == plain(before)
    assert after != before  # migration 8 did rebuild tables


def _schema(vault_dir: Path) -> dict[str, str]:
    from tests.helpers import raw_connection

    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:
        return {f"{t} {n}": s for t, n, s in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    finally:
        conn.close()
