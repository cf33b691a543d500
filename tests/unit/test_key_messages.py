"""Key messages (kernberichten) and sender links on a real vault: marking with a note,
changing it with a reason (history), removing with a reason, the audit, the timeline at
the time the message was sent, the paged reads of the conversation view, and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.cases.cases import create_case
from cybercase.cases.history import case_history
from cybercase.cases.people import add_person
from cybercase.core.errors import NotFound, UsageError
from cybercase.cyber.accounts import add_account
from cybercase.evidence.chat import keymsg, pages, senders
from cybercase.evidence.ingest import ingest
from cybercase.vault import Vault
from cybercase.views.timeline import timeline
from tests.conftest import Cli

CHAT = (
    "20-11-2026 14:30 - Berichten en oproepen zijn end-to-end versleuteld.\n"
    "20-11-2026 14:32 - Daan: jij stinkt\n"
    "21-11-2026 08:01 - Sem: hoezo\n"
    "22-11-2026 09:15 - Daan: zomaar\nen morgen weer\n"
)


def _export(vault: Vault, tmp_path: Path, text: str = CHAT) -> tuple[str, int]:
    case = create_case(vault, "WhatsApp 7b", "7b", 2)
    path = tmp_path / "WhatsApp-chat met 7B.txt"
    path.write_text(text, encoding="utf-8")
    result = ingest(vault, case.ref, [str(path)], workers=0)
    item_id = result[0].id
    assert item_id is not None
    return case.ref, item_id


def _audit(vault: Vault) -> list[str]:
    return [r[0] for r in vault.conn.execute("SELECT action FROM audit ORDER BY seq")]


def test_mark_change_remove(vault: Vault, tmp_path: Path) -> None:
    ref, item = _export(vault, tmp_path)
    key = keymsg.mark_key(vault, item, 2, "eerste belediging")
    assert (key.n, key.sender, key.text, key.note) == (2, "Daan", "jij stinkt",
                                                        "eerste belediging")
    assert key.time == "2026-11-20T14:32:00+01:00"
    with pytest.raises(UsageError, match="already a key message"):
        keymsg.mark_key(vault, item, 2, "nog eens")
    with pytest.raises(NotFound, match="no message 9"):
        keymsg.mark_key(vault, item, 9, "x")
    with pytest.raises(UsageError):
        keymsg.mark_key(vault, item, 3, "  ")
    changed = keymsg.change_note(vault, key.id, "belediging in de groep", "typfout")
    assert changed.note == "belediging in de groep"
    [correction] = [c for c in case_history(vault, _case(vault, ref))
                    if c.table == "key_messages"]
    assert (correction.old, correction.new, correction.reason) == (
        "eerste belediging", "belediging in de groep", "typfout")
    with pytest.raises(UsageError):
        keymsg.remove_key(vault, key.id, "")
    keymsg.remove_key(vault, key.id, "toch niet relevant")
    assert keymsg.key_messages(vault, ref) == []
    row = vault.conn.execute("SELECT removed_by, removed_reason FROM key_messages").fetchone()
    assert row == ("anna", "toch niet relevant")
    actions = _audit(vault)
    for action in ("evidence.key_message", "evidence.key_message_note",
                   "evidence.key_message_remove"):
        assert action in actions
    # marked again after removal: a new mark
    again = keymsg.mark_key(vault, item, 2, "toch wel")
    assert again.id != key.id and [k.id for k in keymsg.key_messages(vault, ref)] == [again.id]


def _case(vault: Vault, ref: str):  # type: ignore[no-untyped-def]
    from cybercase.cases.cases import get_case

    return get_case(vault, ref)


def test_timeline_at_sent_time_with_linked_sender(vault: Vault, tmp_path: Path) -> None:
    ref, item = _export(vault, tmp_path)
    person = add_person(vault, ref, "Daan de Vries", "pupil", group="7b")
    keymsg.mark_key(vault, item, 4, "dreigt met morgen")
    senders.link_sender(vault, item, "Daan", person_id=person.id)
    events = [e for e in timeline(vault, ref) if e.kind == "key_message"]
    assert len(events) == 1
    event = events[0]
    # sent 22-11-2026 09:15 Amsterdam = 08:15 UTC; marked today
    assert event.when.startswith("2026-11-22T08:15")
    assert "Daan (Daan de Vries)" in event.what and "dreigt met morgen" in event.what
    assert "zomaar en morgen weer" in event.what
    kinds = [e.kind for e in timeline(vault, ref)]
    # before the case was opened (it was created today, the message was sent in November)
    assert kinds.index("key_message") < kinds.index("case.opened")
    assert "evidence.sender_link" in _audit(vault)


def test_sender_links_check_the_case(vault: Vault, tmp_path: Path) -> None:
    ref, item = _export(vault, tmp_path)
    other = create_case(vault, "Ander", "8a", 1)
    stranger = add_person(vault, other.ref, "Iemand", "pupil")
    with pytest.raises(UsageError, match="not in case"):
        senders.link_sender(vault, item, "Daan", person_id=stranger.id)
    with pytest.raises(NotFound, match="no sender"):
        senders.link_sender(vault, item, "Nobody", person_id=stranger.id)
    with pytest.raises(UsageError):
        senders.link_sender(vault, item, "Daan")
    account = add_account(vault, ref, "instagram", "@daan_7b")
    link = senders.link_sender(vault, item, "Daan", account_id=account.id)
    assert "daan_7b" in link.label
    senders.unlink_sender(vault, item, "Daan")
    assert senders.sender_links(vault, item) == {}


def test_pages_search_and_dates(vault: Vault, tmp_path: Path) -> None:
    _ref, item = _export(vault, tmp_path)
    assert pages.open_conversation(vault, item) is not None
    assert pages.message_count(vault, item) == 4
    assert [m.n for m in pages.message_page(vault, item, 2, 2)] == [2, 3]
    assert pages.find_message(vault, item, "ZOMAAR", 0) == 4
    assert pages.find_message(vault, item, "daan", 2) == 4  # the sender counts too
    assert pages.find_message(vault, item, "daan", 4, forward=False) == 2
    assert pages.find_message(vault, item, "100%", 0) is None
    from datetime import date

    assert pages.first_on_or_after(vault, item, date(2026, 11, 21)) == 3
    assert pages.first_on_or_after(vault, item, date(2026, 12, 1)) is None


def test_cli_keymsg(cli_vault: Cli, tmp_path: Path) -> None:
    ref = cli_vault.json("case", "new", "--title", "WhatsApp 7b")["ref"]
    path = tmp_path / "chat.txt"
    path.write_text(CHAT, encoding="utf-8")
    cli_vault.ok("ingest", ref, str(path))
    item = cli_vault.json("evidence", "list", ref)[0]["id"]
    added = cli_vault.json("keymsg", "add", str(item), "2", "--note", "eerste keer")
    assert added["n"] == 2 and added["sender"] == "Daan"
    listed = cli_vault.json("keymsg", "list", ref)
    assert [(k["n"], k["note"], k["time"]) for k in listed] == [
        (2, "eerste keer", "2026-11-20T14:32:00+01:00")]
    out = cli_vault.ok("keymsg", "list", ref).out
    assert "jij stinkt" in out and "eerste keer" in out
    bad = cli_vault("keymsg", "note", str(added["id"]), "--note", "nieuw", "--reason", "")
    assert bad.code == 2 and "Traceback" not in bad.err
    cli_vault.ok("keymsg", "note", str(added["id"]), "--note", "nieuw", "--reason", "beter")
    person = cli_vault.json("person", "add", ref, "Sem Jansen", "--kind", "pupil")
    cli_vault.ok("keymsg", "sender", str(item), "Sem", "--person", str(person["id"]))
    cli_vault.ok("keymsg", "remove", str(added["id"]), "--reason", "dubbel")
    assert cli_vault.json("keymsg", "list", ref) == []
    missing = cli_vault("keymsg", "add", str(item), "99", "--note", "x")
    assert missing.code == 2 and "no message 99" in missing.err


def test_purge_takes_key_messages_and_links(vault: Vault, tmp_path: Path) -> None:
    from cybercase.cases.cases import close_case
    from cybercase.privacy import retention

    ref, item = _export(vault, tmp_path)
    person = add_person(vault, ref, "Daan de Vries", "pupil")
    key = keymsg.mark_key(vault, item, 2, "weg ermee")
    keymsg.remove_key(vault, key.id, "ook de verwijderde gaat mee")
    keymsg.mark_key(vault, item, 3, "blijft tot de purge")
    senders.link_sender(vault, item, "Daan", person_id=person.id)
    close_case(vault, ref, "solved")
    retention.set_retention(vault, 0)
    counts = retention.purge(vault, yes=True).receipts[0].counts
    assert counts["key_messages"] == 2 and counts["chat_sender_links"] == 1
    for table in ("key_messages", "chat_sender_links"):
        assert vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
