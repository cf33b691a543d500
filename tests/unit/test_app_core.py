"""Core helpers the app uses: search across cases, evidence pages, content in memory,
last activity per case. Real vaults, real files (Pillow images), no textual here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.core.errors import UsageError
from cybercase.evidence import Stated, ingest
from cybercase.evidence.items import count_items, list_items, page_items, read_content
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.views import search as search_mod
from cybercase.views.activity import last_activity
from cybercase.views.search import Hit, Source, like_pattern, search
from tests.conftest import PASSPHRASE


def png(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (40, 30), colour).save(path, "PNG")
    return path


def test_search_finds_cases_people_and_evidence_descriptions(vault: Vault, tmp_path: Path) -> None:
    a = create_case(vault, "WhatsApp group 7b", "7b")
    b = create_case(vault, "Fake Instagram account", "8a")
    add_person(vault, b.ref, "Sanne de Vries", "pupil", role="bullied")
    ingest(vault, a.ref, [str(png(tmp_path / "s.png", (200, 0, 0)))],
           Stated(description="Screenshot of the Instagram story"), workers=0)
    hits = search(vault, "instagram")
    assert [(h.kind, h.case_ref) for h in hits] == [("case", b.ref), ("evidence", a.ref)]
    assert hits[1].label == "Screenshot of the Instagram story"
    assert hits[1].object.startswith("evidence ")
    (person,) = search(vault, "de vries")
    assert person == Hit("person", b.ref, "Sanne de Vries", person.object)
    assert [h.case_ref for h in search(vault, "8a")] == [b.ref]  # the group too
    assert search(vault, "nobody here") == []


def test_search_treats_like_wildcards_as_text(vault: Vault) -> None:
    create_case(vault, "100% fake account")
    create_case(vault, "under_score")
    create_case(vault, "something else")
    assert [h.label for h in search(vault, "0%")] == ["100% fake account"]
    assert [h.label for h in search(vault, "r_s")] == ["under_score"]
    assert search(vault, "%%") == []
    assert like_pattern("a\\b") == "%a\\\\b%"


def test_search_refuses_short_long_and_control_text(vault: Vault) -> None:
    for bad, words in (("a", "at least 2"), (" ", "at least 2"), ("x" * 101, "too long"),
                       ("ab\x1b[2J", "control")):
        with pytest.raises(UsageError, match=words):
            search(vault, bad)


def test_search_skips_sources_the_role_may_not_read(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = create_case(vault, "Care notes case")
    vault.add_user("ict1", "ict", PASSPHRASE)
    care = Source("note", "care.read",
                  lambda v, pattern, limit: [Hit("note", case.ref, "care note", "note 1")])
    monkeypatch.setattr(search_mod, "SOURCES", [*search_mod.SOURCES, care])
    assert [h.kind for h in search(vault, "care")] == ["case", "note"]
    ict = Vault.open(vault.path, "ict1", PASSPHRASE)
    try:
        assert [h.kind for h in search(ict, "care")] == ["case"]
    finally:
        ict.close()


def test_evidence_pages_follow_id_order_and_count(vault: Vault, tmp_path: Path) -> None:
    case = create_case(vault, "Pages")
    other = create_case(vault, "Other case")
    files = [str(png(tmp_path / f"{n}.png", (n * 20, 5, 5))) for n in range(7)]
    ingest(vault, case.ref, files, workers=0)
    ingest(vault, other.ref, [str(png(tmp_path / "o.png", (1, 2, 3)))], workers=0)
    everything = [i.id for i in list_items(vault, case.ref)]
    assert count_items(vault, case.ref) == 7
    assert [i.id for i in page_items(vault, case.ref, 0, 3)] == everything[:3]
    assert [i.id for i in page_items(vault, case.ref, 3, 3)] == everything[3:6]
    assert [i.id for i in page_items(vault, case.ref, 6, 3)] == everything[6:]
    assert page_items(vault, case.ref, 7, 3) == []
    # the (case_id, id) index of migration 0007 serves the pages
    plan = " ".join(str(r) for r in vault.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM evidence_items WHERE case_id = 1 ORDER BY id"
        " LIMIT 3 OFFSET 3"))
    assert "evidence_items_case" in plan


def test_read_content_is_in_memory_rehashed_and_audited(vault: Vault, tmp_path: Path) -> None:
    case = create_case(vault, "Preview")
    path = png(tmp_path / "p.png", (10, 200, 10))
    (result,) = ingest(vault, case.ref, [str(path)], workers=0)
    assert result.id is not None
    item, data = read_content(vault, result.id)
    assert data == path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == item.sha256
    (entry,) = [e for e in entries(vault.conn, case_ref=case.ref)
                if e.action == "evidence.view"]
    assert entry.object == f"evidence {item.id}" and entry.actor == "anna"


def test_last_activity_is_the_newest_audit_entry_of_each_case(vault: Vault) -> None:
    a = create_case(vault, "First")
    b = create_case(vault, "Second")
    before = last_activity(vault)
    add_person(vault, a.ref, "Tim", "pupil")  # does not touch the case row
    after = last_activity(vault)
    assert set(after) == {a.ref, b.ref}
    assert after[a.ref] > before[a.ref] and after[b.ref] == before[b.ref]
    last = [e for e in entries(vault.conn, case_ref=a.ref)][-1]
    assert after[a.ref] == last.ts


def test_search_and_activity_keep_to_the_cases_the_user_may_see(vault: Vault) -> None:
    from cybercase.cases import access

    open_case = create_case(vault, "Shared case about a game chat")
    secret = create_case(vault, "Restricted case about a game chat")
    add_person(vault, secret.ref, "Hidden Pupil", "pupil")
    vault.add_user("bram", "coordinator", PASSPHRASE)
    access.restrict(vault, secret.ref, ["anna"])
    assert {h.case_ref for h in search(vault, "game chat")} == {open_case.ref, secret.ref}
    bram = Vault.open(vault.path, "bram", PASSPHRASE)
    try:
        assert [h.case_ref for h in search(bram, "game chat")] == [open_case.ref]
        assert search(bram, "hidden pupil") == []
        assert set(last_activity(bram)) == {open_case.ref}
    finally:
        bram.close()
