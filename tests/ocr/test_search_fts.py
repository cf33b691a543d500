"""Full-text search (FTS5 inside the encrypted database): chat messages, OCR text, notes,
names, descriptions; diacritics folded, prefixes; need-to-know and roles; purge and
withdrawal keep the index consistent; existing vaults get their index in the migration."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.cases import access
from cybercase.cases.cases import close_case, create_case
from cybercase.cases.people import add_person
from cybercase.core.errors import PermissionDenied
from cybercase.cyber.accounts import add_account
from cybercase.evidence import Stated, ingest, ocr, withdraw
from cybercase.evidence.ocr import engine
from cybercase.privacy import retention
from cybercase.vault import Vault
from cybercase.views.fulltext import fts_query
from cybercase.views.search import search
from tests.conftest import PASSPHRASE

CHAT = (
    "20-11-2026 14:30 - Berichten en oproepen zijn end-to-end versleuteld.\n"
    "20-11-2026 14:32 - Daan: jij stinkt\necht waar\n"
    "20-11-2026 14:33 - Lotte: één keer nog en je ligt eruit\n"
    "21-11-2026 08:01 - Milan: niemand wil naast je zitten\n"
)


def chat_export(folder: Path, name: str = "WhatsApp-chat met Groep 7b.txt",
                extra: str = "") -> str:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(CHAT + extra, encoding="utf-8")
    return str(path)


def kinds(vault: Vault, text: str, **kw: str) -> list[tuple[str, str]]:
    return [(h.kind, h.case_ref) for h in search(vault, text, **kw)]


def test_messages_are_found_with_their_item_and_position(vault: Vault, tmp_path: Path) -> None:
    case = create_case(vault, "Groep 7b")
    (item,) = ingest(vault, case.ref, [chat_export(tmp_path / "a")], workers=0)
    (hit,) = search(vault, "stinkt")
    assert (hit.kind, hit.case_ref, hit.item, hit.message) == ("message", case.ref, item.id, 2)
    assert hit.snippet is not None and "«stinkt»" in hit.snippet
    assert hit.label.startswith("Daan: jij stinkt")
    assert hit.to_json()["message"] == 2 and hit.to_json()["item"] == item.id
    # diacritics folded both ways, and the last word is a prefix
    assert [h.message for h in search(vault, "een keer")] == [3]
    assert [h.message for h in search(vault, "één")] == [3]
    assert [h.message for h in search(vault, "stin")] == [2]
    assert [h.message for h in search(vault, "niemand zit")] == [4]  # the last word a prefix
    assert search(vault, "milan")[0].message == 4  # the sender as shown
    assert search(vault, "nergens te vinden") == []


def test_names_descriptions_accounts_and_notes_fold_diacritics(vault: Vault) -> None:
    case = create_case(vault, "Groep 8", "8b")
    add_person(vault, case.ref, "Zoë Çelik", "pupil", role="bullied")
    add_account(vault, case.ref, "tiktok", "@nepaccount", display_name="Chloé fan")
    assert kinds(vault, "zoe") == [("person", case.ref)]
    assert kinds(vault, "celik") == [("person", case.ref)]
    assert kinds(vault, "chloe") == [("account", case.ref)]
    assert kinds(vault, "nepacc") == [("account", case.ref)]


def test_search_respects_need_to_know_and_case_filter(vault: Vault, tmp_path: Path) -> None:
    open_case = create_case(vault, "Open")
    secret = create_case(vault, "Geheim")
    # the hidden export first in the index, the visible one after it, another hidden last
    ingest(vault, secret.ref, [chat_export(tmp_path / "b", "WhatsApp-chat met Lotte.txt")],
           Stated(description="stinkt ook hier"), workers=0)
    ingest(vault, open_case.ref, [chat_export(tmp_path / "a")], workers=0)
    ingest(vault, secret.ref, [chat_export(tmp_path / "c", "WhatsApp-chat met Milan.txt",
                                           "22-11-2026 09:00 - Milan: nog een\n")], workers=0)
    add_person(vault, secret.ref, "Stinky Pete", "pupil", role="bullied")
    assert sorted(kinds(vault, "stinkt")) == sorted([
        ("evidence", secret.ref), ("message", secret.ref), ("message", open_case.ref),
        ("message", secret.ref)])
    assert kinds(vault, "stinkt", case=open_case.ref) == [("message", open_case.ref)]
    vault.add_user("bram", "coordinator", PASSPHRASE)
    access.restrict(vault, secret.ref, ["anna"])
    bram = Vault.open(vault.path, "bram", PASSPHRASE)
    try:
        assert kinds(bram, "stinkt") == [("message", open_case.ref)]
        assert kinds(bram, "stin") == [("message", open_case.ref)]
        with pytest.raises(PermissionDenied):
            search(bram, "stinkt", case=secret.ref)
    finally:
        bram.close()


def test_care_notes_only_for_roles_that_may_read_them(vault: Vault) -> None:
    case = create_case(vault, "Notities")
    vault.conn.execute("UPDATE cases SET triage_note = ? WHERE id = ?",
                       ("Vader maakt zich zorgen over het schoolreisje", case.id))
    assert kinds(vault, "schoolreis") == [("note", case.ref)]
    vault.add_user("ict1", "ict", PASSPHRASE)
    ict = Vault.open(vault.path, "ict1", PASSPHRASE)
    try:
        assert kinds(ict, "schoolreis") == []  # ict may not read care notes
    finally:
        ict.close()


def test_purge_empties_the_index_and_withdrawal_keeps_it(vault: Vault, tmp_path: Path) -> None:
    keep = create_case(vault, "Blijft")
    gone = create_case(vault, "Weg")
    (kept,) = ingest(vault, keep.ref, [chat_export(tmp_path / "a")],
                     Stated(description="bewaard bewijs"), workers=0)
    ingest(vault, gone.ref, [chat_export(tmp_path / "b", "WhatsApp-chat met X.txt")],
           Stated(description="weg bewijs"), workers=0)
    add_person(vault, gone.ref, "Pieter Weggaan", "pupil", role="bullied")
    withdraw(vault, kept.id or 0, "dubbel")
    assert {h.case_ref for h in search(vault, "stinkt")} == {keep.ref, gone.ref}
    close_case(vault, gone.ref, "solved")
    retention.set_retention(vault, 0)
    retention.purge(vault, yes=True)
    assert {h.case_ref for h in search(vault, "stinkt")} == {keep.ref}
    assert kinds(vault, "weggaan") == []
    assert kinds(vault, "bewijs") == [("evidence", keep.ref)]
    assert vault.conn.execute(
        "SELECT count(*) FROM text_fts WHERE case_id = ?", (gone.id,)).fetchone()[0] == 0
    for name in ("text_fts", "chat_fts", "ocr_fts"):
        vault.conn.execute(f"INSERT INTO {name}({name}) VALUES ('integrity-check')")


@pytest.mark.skipif(not engine.find_engine().available, reason="tesseract is not installed")
def test_ocr_text_is_searchable(vault: Vault, tmp_path: Path) -> None:
    from cybercase.demo.chatshots import chat_png

    case = create_case(vault, "Screenshots")
    (tmp_path / "s.png").write_bytes(chat_png())
    (item,) = ingest(vault, case.ref, [str(tmp_path / "s.png")], workers=0)
    assert [h.kind for h in search(vault, "stinkt")] == []
    ocr.run_pending(vault)
    (hit,) = search(vault, "stinkt")
    assert (hit.kind, hit.item) == ("ocr", item.id)
    assert [h.item for h in search(vault, "een keer")] == [item.id]  # "Één keer"


def test_the_query_is_words_as_prefixes() -> None:
    assert fts_query("stinkt") == '"stinkt"*'
    assert fts_query('  "AND" OR NOT*') == '"AND"* "OR"* "NOT"*'
    assert fts_query("r_s") == '"r"* "s"*'
    assert fts_query("%%") is None
    assert fts_query("niemand zit", last_only=True) == '"niemand" "zit"*'
    assert fts_query("niemand zit", prefix=False) == '"niemand" "zit"'
