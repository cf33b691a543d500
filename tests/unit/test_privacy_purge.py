"""The purge's schema walk on shapes later migrations may bring (core API, real vault)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.cases.cases import close_case, create_case, get_case
from cybercase.cases.checklist import set_item
from cybercase.core.errors import NotFound, PartialFailure, UsageError
from cybercase.evidence import ingest
from cybercase.privacy import retention
from cybercase.vault import Vault
from cybercase.views.verify import verify_vault


def test_walk_follows_composite_self_and_content_references(
    vault: Vault, tmp_path: Path,
) -> None:
    gone = create_case(vault, "to purge")
    kept = create_case(vault, "to keep")
    for case in (gone, kept):
        set_item(vault, case.ref, 1, "done", note=f"note {case.ref}")
    same = tmp_path / "same.txt"
    same.write_bytes(b"shared content\n")
    own = tmp_path / "own.txt"
    own.write_bytes(b"only in the purged case\n")
    ingest(vault, gone.ref, [str(same), str(own)])
    ingest(vault, kept.ref, [str(same)])
    with vault.transaction() as tx:  # as a later migration would
        tx.execute("CREATE TABLE x_item_notes (case_ref_id INTEGER, item INTEGER, note TEXT,"
                   " FOREIGN KEY (case_ref_id, item) REFERENCES checklist(case_id, item))")
        tx.execute("CREATE TABLE x_tree (id INTEGER PRIMARY KEY, case_id INTEGER REFERENCES"
                   " cases(id), parent INTEGER REFERENCES x_tree(id), text TEXT)")
        tx.execute("CREATE TABLE x_thumbs (id INTEGER PRIMARY KEY, blob_id INTEGER"
                   " REFERENCES blobs(id), note TEXT)")
        for case in (gone, kept):
            tx.execute("INSERT INTO x_item_notes VALUES (?, 1, ?)", (case.id, case.ref))
            root = tx.execute("INSERT INTO x_tree(case_id, text) VALUES (?, 'root')",
                              (case.id,)).lastrowid
            child = tx.execute("INSERT INTO x_tree(parent, text) VALUES (?, 'child')",
                               (root,)).lastrowid
            tx.execute("INSERT INTO x_tree(parent, text) VALUES (?, 'grandchild')", (child,))
        # a thumbnail of the purged case's own content, used by nothing else
        blob = tx.execute("SELECT blob_id FROM evidence_items WHERE case_id = ? AND size = ?",
                          (gone.id, own.stat().st_size)).fetchone()[0]
        tx.execute("INSERT INTO x_thumbs(blob_id, note) VALUES (?, 'thumb')", (blob,))
    close_case(vault, gone.ref, "solved")
    retention.set_retention(vault, 0)
    with pytest.raises(UsageError, match="--yes"):
        retention.purge(vault, yes=False)

    result = retention.purge(vault, yes=True)
    counts = result.receipts[0].counts
    assert counts["x_item_notes"] == 1 and counts["x_tree"] == 3
    # the shared content stays (the kept case uses it); the own content is still used by
    # the thumbnail table, which the walk cannot know belongs to the case: kept, not broken
    assert "blobs" not in counts and counts["evidence_items"] == 2
    with pytest.raises(NotFound):
        get_case(vault, gone.ref)
    assert vault.conn.execute("SELECT count(*) FROM x_tree").fetchone()[0] == 3
    assert vault.conn.execute("SELECT note FROM x_item_notes").fetchall() == [(kept.ref,)]
    assert verify_vault(vault).ok
    assert retention.purge(vault, yes=False).receipts == []  # nothing left to do


def test_a_missed_reference_aborts_the_purge_whole(vault: Vault) -> None:
    case = create_case(vault, "to purge")
    with vault.transaction() as tx:  # a table whose rows must stay (a trigger refuses)
        tx.execute("CREATE TABLE x_blocker (id INTEGER PRIMARY KEY, case_id INTEGER"
                   " REFERENCES cases(id))")
        tx.execute("CREATE TRIGGER x_keep BEFORE DELETE ON x_blocker BEGIN"
                   " SELECT RAISE(ABORT, 'kept by law'); END")
        tx.execute("INSERT INTO x_blocker(case_id) VALUES (?)", (case.id,))
    close_case(vault, case.ref, "done")
    retention.set_retention(vault, 0)
    before = vault.conn.execute("SELECT count(*) FROM audit_details").fetchone()[0]
    with pytest.raises(PartialFailure, match=r"purged 0 of 1 .*kept by law.*nothing of it"):
        retention.purge(vault, yes=True)
    assert get_case(vault, case.ref).title == "to purge"
    assert vault.conn.execute("SELECT count(*) FROM audit_details").fetchone()[0] == before
    assert not vault.conn.in_transaction
