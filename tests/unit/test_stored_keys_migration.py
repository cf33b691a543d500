"""Evidence flags and the support group's agenda texts are stored as key + values (issue
15); migration 10 converts the English older vaults hold, once, and those vaults show the
same text as before."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from cybercase.cases import people, supportgroup
from cybercase.cases.cases import create_case
from cybercase.core.i18n import Msg, localize, set_language
from cybercase.evidence.ingest import ingest
from cybercase.evidence.items import get_item
from cybercase.vault import Vault, migrations
from cybercase.views import agenda
from cybercase.views.verify import verify_vault
from tests.conftest import PASSPHRASE, USER
from tests.helpers import raw_connection

MISMATCH = "the content is image/png but the name ends in '.jpg' (usually image/jpeg)"
BOMB = ("image claims 225 megapixels, more than the 120 megapixel safety limit: stored but "
        "not decoded")
MEDIA = "2 file(s) the chat refers to are not in the ZIP: a.jpg, b.jpg"
ODD = "a warning written by a version nobody remembers"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield None
    set_language("en")


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (20, 10), (200, 10, 10)).save(buf, "PNG")
    return buf.getvalue()


def _stored(vault_dir: Path, item_id: int) -> list[object]:
    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:
        return list(json.loads(conn.execute(
            "SELECT flags FROM evidence_items WHERE id = ?", (item_id,)).fetchone()[0]))
    finally:
        conn.close()


def test_new_flags_are_stored_as_key_and_values(vault: Vault, vault_dir: Path,
                                                tmp_path: Path) -> None:
    ref = create_case(vault, "WhatsApp 7b").ref
    (tmp_path / "wrong.jpg").write_bytes(_png())
    [result] = ingest(vault, ref, [str(tmp_path / "wrong.jpg")], workers=0)
    assert result.flags == [MISMATCH]
    assert _stored(vault_dir, result.id or 0) == [{
        "key": "evidence.flag.mismatch",
        "values": {"mime": "image/png", "ext": ".jpg", "expected": "image/jpeg"}}]


def test_migration_10_converts_the_english_flags_of_an_older_vault(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # every migration but 10: the code of today writes the vault (it needs the columns
    # later migrations add), and 10 runs on the next open as it would on an older vault
    before = [m for m in migrations.all_migrations() if m.number != 10]
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "all_migrations", lambda: before)
        vault, _ = Vault.create(vault_dir, USER, PASSPHRASE)
        ref = create_case(vault, "WhatsApp 7b").ref
        (tmp_path / "wrong.jpg").write_bytes(_png())
        [result] = ingest(vault, ref, [str(tmp_path / "wrong.jpg")], workers=0)
        vault.close()
    item_id = result.id or 0
    # what a vault written before migration 10 holds: the English sentences
    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:
        trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                               "name = 'evidence_items_measured_fixed'").fetchone()[0]
        conn.execute("DROP TRIGGER evidence_items_measured_fixed")
        conn.execute("UPDATE evidence_items SET flags = ? WHERE id = ?",
                     (json.dumps([MISMATCH, BOMB, MEDIA, ODD]), item_id))
        conn.execute(trigger)
        conn.commit()
    finally:
        conn.close()

    with Vault.open(vault_dir, USER, PASSPHRASE) as vault:
        assert 10 in migrations.applied(vault.conn)
        item = get_item(vault, item_id)
        # the CLI's English is the same (the plural fix aside), the app shows Dutch
        assert item.flags[:2] == [MISMATCH, BOMB]
        assert item.flags[2] == "2 files the chat refers to are not in the ZIP: a.jpg, b.jpg"
        assert item.flags[3] == ODD and not isinstance(item.flags[3], Msg)
        assert all(isinstance(f, Msg) for f in item.flags[:3])
        set_language("nl")
        assert localize(item.flags[1]) == (
            "afbeelding zegt 225 megapixel te hebben, meer dan de veiligheidsgrens van 120 "
            "megapixel: bewaard, maar niet gedecodeerd")
        set_language("en")
        assert migrations.trigger_problems(vault.conn) == []
        assert verify_vault(vault).ok
        with pytest.raises(Exception, match="measured facts"):
            vault.conn.execute("UPDATE evidence_items SET flags = '[]' WHERE id = ?",
                               (item_id,))
    stored = _stored(vault_dir, item_id)
    assert stored[0] == {"key": "evidence.flag.mismatch",
                         "values": {"mime": "image/png", "ext": ".jpg",
                                    "expected": "image/jpeg"}}
    assert stored[1] == {"key": "evidence.flag.too_large",
                         "values": {"mp": 225.0, "limit": 120}}
    assert stored[2] == {"key": "chat.flag.media_missing",
                         "values": {"n": 2, "names": "a.jpg, b.jpg"}}
    assert stored[3] == ODD


def test_migration_10_converts_the_support_groups_agenda_texts(
        vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # every migration but 10: the code of today writes the vault (it needs the columns
    # later migrations add), and 10 runs on the next open as it would on an older vault
    before = [m for m in migrations.all_migrations() if m.number != 10]
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "all_migrations", lambda: before)
        vault, _ = Vault.create(vault_dir, USER, PASSPHRASE)
        case = create_case(vault, "WhatsApp 7b")
        pupil = people.add_person(vault, case.ref, "Sam", "pupil", role="bully")
        supportgroup.record_meeting(vault, case.ref, "2", "2026-01-05",
                                    participants=[pupil.id], actions=[(pupil.id, "sorry")])
        vault.close()
    evaluation = "support group: evaluation after step 2 (The support group meeting)"
    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:  # what a vault written before migration 10 holds
        conn.execute("UPDATE due_items SET what = ?", (evaluation,))
        case_id = conn.execute("SELECT id FROM cases").fetchone()[0]
        for kind, what in (("sg_second_evaluation", "support group: second and last "
                                                    "evaluation (step 4)"),
                           ("sg_evaluation", "support group: evaluation after step 2 (Other)")):
            conn.execute("INSERT INTO due_items(case_id, kind, due_on, what, created_at,"
                         " created_by) VALUES (?, ?, '2026-02-01', ?, '2026-01-05', 'anna')",
                         (case_id, kind, what))
        conn.commit()
    finally:
        conn.close()

    with Vault.open(vault_dir, USER, PASSPHRASE) as vault:
        items = sorted(agenda.agenda(vault), key=lambda i: str(i.what))
        assert [str(i.what) for i in items] == [
            "support group: evaluation after step 2 (Other)",  # unrecognised: as it was
            evaluation, "support group: second and last evaluation (step 4)"]
        assert not isinstance(items[0].what, Msg)
        assert all(isinstance(i.what, Msg) for i in items[1:])
        set_language("nl")
        assert localize(items[1].what) == "supportgroep: evaluatie na stap 2 (De supportgroep)"
        set_language("en")
        stored = [json.loads(w) if w.startswith("{") else w for (w,) in vault.conn.execute(
            "SELECT what FROM due_items ORDER BY id")]
    assert stored[0] == {"key": "cases.sg_evaluation", "values": {
        "step": "2", "name": {"en": "The support group meeting", "nl": "De supportgroep"}}}
    assert stored[1] == {"key": "cases.sg_second_evaluation", "values": {}}
    assert stored[2] == "support group: evaluation after step 2 (Other)"
