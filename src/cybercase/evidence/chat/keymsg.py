"""Key messages (kernberichten): a message of a chat export marked as key, with a note.

Marking, changing the note and removing a mark need ``evidence.write``; each is one
transaction with its audit entry. A changed note keeps the old one in the correction
history (with the reason); a removed mark stays in the table with who, when and why, and
is no longer listed. Reading follows the export item's access (``get_item`` checks the
role and the case's need-to-know list).

:func:`key_messages` is the small API other parts read (the timeline, the report, the
prints): the live marks of a case, each with the message as it was read from the export,
its time *as sent* and the person or account its sender name was linked to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cybercase.cases import access, history
from cybercase.cases.cases import get_case
from cybercase.core.errors import NotFound, UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import MAX_LONG_TEXT, MAX_REASON, check_long_text, check_text
from cybercase.core.timeutil import now_iso
from cybercase.evidence.chat.senders import sender_links
from cybercase.evidence.items import Item, get_item, parse_id
from cybercase.vault import Vault
from cybercase.vault.db import named

NOTE = msg("keymsg.field.note")
REASON = msg("keymsg.field.reason")


@dataclass
class KeyMessage:
    id: int
    case: str
    item_id: int
    n: int  # the message's position in the export
    sender: str | None  # as shown in the export
    sender_link: str | None  # the person or account it was linked to, if any
    shown_time: str
    time: str | None  # when it was sent: ISO, Europe/Amsterdam (None when unknown)
    time_utc: str | None
    text: str
    note: str
    marked_at: str
    marked_by: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "case": self.case, "item": self.item_id, "n": self.n,
                "sender": self.sender, "sender_link": self.sender_link,
                "shown_time": self.shown_time, "time": self.time, "text": self.text,
                "note": self.note, "marked_at": self.marked_at, "marked_by": self.marked_by}


_SELECT = (
    "SELECT k.id, c.ref AS \"case\", k.item_id, m.n, m.sender, m.shown AS shown_time,"
    " m.time_local AS time, m.time_utc, m.text, k.note, k.marked_at, k.marked_by"
    " FROM key_messages k JOIN chat_messages m ON m.id = k.message_id"
    " JOIN evidence_items e ON e.id = k.item_id JOIN cases c ON c.id = e.case_id"
)


def _build(vault: Vault, rows: list[dict[str, Any]]) -> list[KeyMessage]:
    links: dict[int, dict[str, str]] = {}
    out = []
    for row in rows:
        item_links = links.get(row["item_id"])
        if item_links is None:
            item_links = {s: link.label for s, link in sender_links(vault, row["item_id"]).items()}
            links[row["item_id"]] = item_links
        out.append(KeyMessage(sender_link=item_links.get(row["sender"] or ""), **row))
    return out


def key_messages(vault: Vault, case_ref: str) -> list[KeyMessage]:
    """The live key messages of a case, in the order they were sent (unknown times last)."""
    vault.require("evidence.read")
    case = get_case(vault, case_ref)
    rows = named(vault.conn.execute(
        f"{_SELECT} WHERE e.case_id = ? AND k.removed_at IS NULL"
        " ORDER BY m.time_utc IS NULL, m.time_utc, k.item_id, m.n", (case.id,)))
    return _build(vault, rows)


def item_key_messages(vault: Vault, item_id: int | str) -> dict[int, KeyMessage]:
    """The live key messages of one export item, by message number (for the viewer)."""
    item = get_item(vault, item_id)
    rows = named(vault.conn.execute(
        f"{_SELECT} WHERE k.item_id = ? AND k.removed_at IS NULL ORDER BY m.n", (item.id,)))
    return {k.n: k for k in _build(vault, rows)}


def get_key_message(vault: Vault, key_id: int | str) -> KeyMessage:
    vault.require("evidence.read")
    try:
        ident = int(key_id)
    except (TypeError, ValueError):
        raise UsageError(msg("keymsg.error.bad_id", value=key_id)) from None
    rows = named(vault.conn.execute(f"{_SELECT} WHERE k.id = ? AND k.removed_at IS NULL",
                                    (ident,)))
    if not rows:
        raise NotFound(msg("keymsg.error.no_key", id=ident))
    access.check_ref(vault, rows[0]["case"])
    return _build(vault, rows)[0]


def _case_id(vault: Vault, item: Item) -> int:
    return int(vault.conn.execute("SELECT case_id FROM evidence_items WHERE id = ?",
                                  (item.id,)).fetchone()[0])


def _message_id(vault: Vault, item: Item, n: int | str) -> int:
    try:
        number = int(n)
    except (TypeError, ValueError):
        raise UsageError(msg("keymsg.error.bad_n", value=n)) from None
    row = vault.conn.execute("SELECT id FROM chat_messages WHERE item_id = ? AND n = ?",
                             (item.id, number)).fetchone()
    if row is None:
        raise NotFound(msg("keymsg.error.no_message", n=number, id=item.id))
    return int(row[0])


def mark_key(vault: Vault, item_id: int | str, n: int | str, note: str) -> KeyMessage:
    """Mark message ``n`` of export ``item_id`` as key, with a note; audited."""
    vault.require("evidence.write")
    item = get_item(vault, parse_id(item_id))
    message_id = _message_id(vault, item, n)
    text = check_long_text(note, NOTE, MAX_LONG_TEXT)
    if vault.conn.execute("SELECT 1 FROM key_messages WHERE message_id = ?"
                          " AND removed_at IS NULL", (message_id,)).fetchone():
        raise UsageError(msg("keymsg.error.already", n=n, id=item.id))
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO key_messages(item_id, message_id, note, marked_at, marked_by)"
            " VALUES (?,?,?,?,?)", (item.id, message_id, text, now_iso(), vault.actor))
        key_id = int(cur.lastrowid)
        tx.audit("evidence.key_message", f"evidence {item.id}",
                 {"key": key_id, "n": int(n), "note": text}, case_ref=item.case)
    return get_key_message(vault, key_id)


def change_note(vault: Vault, key_id: int | str, note: str, reason: str) -> KeyMessage:
    """Replace a key message's note; the old note stays in the correction history."""
    vault.require("evidence.write")
    key = get_key_message(vault, key_id)
    text = check_long_text(note, NOTE, MAX_LONG_TEXT)
    why = check_text(reason, REASON, MAX_REASON)
    if text == key.note:
        return key
    item = get_item(vault, key.item_id)
    with vault.transaction() as tx:
        tx.execute("UPDATE key_messages SET note = ? WHERE id = ?", (text, key.id))
        history.record(tx, _case_id(vault, item), "key_messages", key.id, "note", key.note,
                       text, why)
        tx.audit("evidence.key_message_note", f"evidence {key.item_id}",
                 {"key": key.id, "n": key.n, "old": key.note, "new": text, "reason": why},
                 case_ref=key.case)
    return get_key_message(vault, key.id)


def remove_key(vault: Vault, key_id: int | str, reason: str) -> KeyMessage:
    """Take a mark away (kept in the table with who, when and why); audited."""
    vault.require("evidence.write")
    key = get_key_message(vault, key_id)
    why = check_text(reason, REASON, MAX_REASON)
    with vault.transaction() as tx:
        tx.execute("UPDATE key_messages SET removed_at = ?, removed_by = ?,"
                   " removed_reason = ? WHERE id = ?", (now_iso(), vault.actor, why, key.id))
        tx.audit("evidence.key_message_remove", f"evidence {key.item_id}",
                 {"key": key.id, "n": key.n, "reason": why}, case_ref=key.case)
    return key
