"""Reading a chat export's messages back; choosing the day/month order of an export.

Access is checked as for the item itself (role ``evidence.read`` and the case's
need-to-know list, through ``get_item``); every read of the messages is in the audit
log (``evidence.messages``), as viewing an item is. Choosing the date order is a change
(``evidence.write``), recorded with who and when and audited; it recomputes the times,
never what was read from the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.evidence.chat import dates
from cybercase.evidence.chat.parse import Entry, Parsed
from cybercase.evidence.items import Item, get_item
from cybercase.vault import Vault


@dataclass
class Message:
    n: int
    line: int
    sender: str | None
    shown_time: str
    time: str | None
    time_utc: str | None
    time_note: str | None
    text: str
    system: bool
    media: str | None
    media_item: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n, "sender": self.sender, "shown_time": self.shown_time,
            "time": self.time, "text": self.text, "system": self.system,
            "media": self.media, "media_item": self.media_item, "time_utc": self.time_utc,
            "time_note": self.time_note, "line": self.line,
        }


@dataclass
class ChatSummary:
    item_id: int
    member: str | None
    layout: str
    date_order: str | None
    order_basis: str
    order_chosen_by: str | None
    order_chosen_at: str | None
    zone: str
    messages: int
    notices: int
    participants: int
    first: str | None  # earliest and latest known message time (Amsterdam, ISO)
    last: str | None
    problems: list[str]

    @property
    def ambiguous(self) -> bool:
        return self.date_order is None

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item_id, "member": self.member, "layout": self.layout,
            "date_order": self.date_order, "date_order_basis": self.order_basis,
            "date_order_chosen_by": self.order_chosen_by,
            "date_order_chosen_at": self.order_chosen_at, "zone": self.zone,
            "messages": self.messages, "notices": self.notices,
            "participants": self.participants, "first": self.first, "last": self.last,
            "ambiguous": self.ambiguous, "problems": self.problems,
        }


def _summary(vault: Vault, item_id: int) -> ChatSummary | None:
    row = vault.conn.execute(
        "SELECT member, layout, date_order, order_basis, order_chosen_by, order_chosen_at,"
        " zone, messages, notices, participants, problems FROM chat_exports WHERE item_id = ?",
        (item_id,)).fetchone()
    if row is None:
        return None
    first, last = vault.conn.execute(
        "SELECT min(time_utc), max(time_utc) FROM chat_messages WHERE item_id = ?"
        " AND system = 0 AND time_utc IS NOT NULL", (item_id,)).fetchone()
    return ChatSummary(item_id, row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                       row[7], row[8], row[9], _local(vault, item_id, first),
                       _local(vault, item_id, last), json.loads(row[10]))


def _local(vault: Vault, item_id: int, utc: str | None) -> str | None:
    if utc is None:
        return None
    row = vault.conn.execute(
        "SELECT time_local FROM chat_messages WHERE item_id = ? AND time_utc = ? LIMIT 1",
        (item_id, utc)).fetchone()
    return str(row[0]) if row else None


def chat_items(vault: Vault, item_ids: list[int]) -> set[int]:
    """Which of these items are chat exports read as messages (one query for them all;
    the caller has checked access to the items)."""
    vault.require("evidence.read")
    wanted = set(item_ids)
    return {int(r[0]) for r in vault.conn.execute("SELECT item_id FROM chat_exports")
            if int(r[0]) in wanted}


def chat_summary(vault: Vault, item_id: int | str) -> ChatSummary | None:
    """What the export item holds (counts, span, date order); None for other items."""
    item = get_item(vault, item_id)
    return _summary(vault, item.id)


def _require_chat(vault: Vault, item: Item) -> ChatSummary:
    summary = _summary(vault, item.id)
    if summary is None:
        raise UsageError(msg("chat.error.not_chat", id=item.id, name=item.original_name))
    return summary


def list_messages(vault: Vault, item_id: int | str) -> tuple[ChatSummary, list[Message]]:
    """Every entry of an export item in file order; the read is audited."""
    item = get_item(vault, item_id)
    summary = _require_chat(vault, item)
    with vault.transaction() as tx:
        tx.audit("evidence.messages", f"evidence {item.id}",
                 {"sha256": item.sha256, "messages": summary.messages}, case_ref=item.case)
    rows = vault.conn.execute(
        "SELECT n, line, sender, shown, time_local, time_utc, time_note, text, system, media,"
        " media_item_id FROM chat_messages WHERE item_id = ? ORDER BY n", (item.id,))
    return summary, [Message(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]),
                             r[9], r[10]) for r in rows]


def set_date_order(vault: Vault, item_id: int | str, order: str) -> ChatSummary:
    """Choose the day/month order of an export whose dates do not tell; audited."""
    vault.require("evidence.write")
    if order not in dates.CHOOSABLE:
        raise UsageError(msg("chat.error.bad_order", value=order,
                             choices=", ".join(dates.CHOOSABLE)))
    item = get_item(vault, item_id)
    summary = _require_chat(vault, item)
    if summary.order_basis == "values" and summary.date_order != order:
        raise UsageError(msg("chat.error.order_proven", id=item.id,
                             order=summary.date_order or "-", value=order))
    rows = vault.conn.execute(
        "SELECT id, d1, d2, d3, hour, minute, second, ampm FROM chat_messages"
        " WHERE item_id = ?", (item.id,)).fetchall()
    probe = Parsed()
    entries = [(r[0], Entry(0, 0, "", None, "", (r[1], r[2], r[3]), (r[4], r[5], r[6], r[7]),
                            "", False, None)) for r in rows]
    probe.entries = [e for _id, e in entries]
    if not dates.fits(probe, order):
        raise UsageError(msg("chat.error.order_unfit", id=item.id, value=order))
    updates = [(*dates.stamps(entry, order), row_id) for row_id, entry in entries]
    with vault.transaction() as tx:
        tx.conn.executemany("UPDATE chat_messages SET time_local = ?, time_utc = ?,"
                            " time_note = ? WHERE id = ?", updates)
        tx.execute("UPDATE chat_exports SET date_order = ?, order_basis = 'chosen',"
                   " order_chosen_by = ?, order_chosen_at = ? WHERE item_id = ?",
                   (order, vault.actor, now_iso(), item.id))
        tx.audit("evidence.chat_date_order", f"evidence {item.id}",
                 {"date_order": order, "before": summary.date_order,
                  "basis_before": summary.order_basis}, case_ref=item.case)
    result = _summary(vault, item.id)
    assert result is not None
    return result

