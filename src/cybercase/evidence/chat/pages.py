"""A chat export read a page at a time, for a viewer that shows only what fits on screen.

Opening the conversation is the audited read (``evidence.messages``, as ``list_messages``
is); the pages, the search within and the jump to a date then read only the rows the
viewer needs, on the (item_id, n) index: a 40,000-message export opens as fast as a short
one. Messages are numbered from 1 in file order and the numbers have no gaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cybercase.core.folding import fold
from cybercase.evidence.chat.messages import Message
from cybercase.evidence.items import get_item
from cybercase.vault import Vault

_COLUMNS = ("n, line, sender, shown, time_local, time_utc, time_note, text, system, media,"
            " media_item_id")


def _message(r: tuple[object, ...]) -> Message:
    return Message(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]),  # type: ignore[arg-type]
                   r[9], r[10])  # type: ignore[arg-type]


@dataclass
class ExportHead:
    """What the viewer's head line says: the counts stored at import (no scan of the
    messages, so a big export opens as fast as a small one)."""

    item_id: int
    messages: int
    notices: int
    participants: int
    ambiguous: bool


def open_conversation(vault: Vault, item_id: int | str) -> ExportHead | None:
    """The export's counts, the read audited once; None when the item is no chat export."""
    item = get_item(vault, item_id)
    row = vault.conn.execute(
        "SELECT messages, notices, participants, date_order FROM chat_exports"
        " WHERE item_id = ?", (item.id,)).fetchone()
    if row is None:
        return None
    with vault.transaction() as tx:
        tx.audit("evidence.messages", f"evidence {item.id}",
                 {"sha256": item.sha256, "messages": row[0], "viewer": True},
                 case_ref=item.case)
    return ExportHead(item.id, row[0], row[1], row[2], row[3] is None)


def message_count(vault: Vault, item_id: int) -> int:
    row = vault.conn.execute("SELECT max(n) FROM chat_messages WHERE item_id = ?",
                             (item_id,)).fetchone()
    return int(row[0] or 0)


def message_page(vault: Vault, item_id: int, first: int, count: int) -> list[Message]:
    """Messages ``first`` .. ``first + count - 1`` (numbers from 1), in file order."""
    rows = vault.conn.execute(
        f"SELECT {_COLUMNS} FROM chat_messages WHERE item_id = ? AND n BETWEEN ? AND ?"
        " ORDER BY n", (item_id, first, first + count - 1)).fetchall()
    return [_message(r) for r in rows]


def find_message(vault: Vault, item_id: int, text: str, after: int,
                 forward: bool = True) -> int | None:
    """The number of the next (or previous) message after ``after`` whose text or sender
    holds ``text``, folded as the full-text search folds (case and diacritics: "Ö" finds
    "ö", "een" finds "één"); None when there is none. The rows are read in order and
    folded here (SQL's LIKE folds ASCII letters only), stopping at the first hit."""
    if forward:
        sql = "SELECT n, text, sender FROM chat_messages WHERE item_id = ? AND n > ? ORDER BY n"
    else:
        sql = ("SELECT n, text, sender FROM chat_messages WHERE item_id = ? AND n < ?"
               " ORDER BY n DESC")
    wanted = fold(text)
    if not wanted:
        return None
    for n, body, sender in vault.conn.execute(sql, (item_id, after)):
        if wanted in fold(str(body or "")) or wanted in fold(str(sender or "")):
            return int(n)
    return None


def first_on_or_after(vault: Vault, item_id: int, day: date) -> int | None:
    """The first message sent on ``day`` or later (Europe/Amsterdam), None when none is."""
    row = vault.conn.execute(
        "SELECT min(n) FROM chat_messages WHERE item_id = ? AND time_local >= ?",
        (item_id, day.isoformat())).fetchone()
    return None if row[0] is None else int(row[0])
