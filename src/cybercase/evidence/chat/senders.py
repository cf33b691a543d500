"""Who is behind a sender name: a name as shown in a chat export, linked to a person or an
account of the same case (the ICT coordinator's tracing, the report's "sent by").

A link is stored with who made it and when, audited; linking the name again replaces the
link and removing it keeps the old one (``removed_*``). Accounts belong to the cyber
package, a sibling of this one: only their table is read here (case and handle).
"""

from __future__ import annotations

from dataclasses import dataclass

from cybercase.cases.people import get_person
from cybercase.core.errors import NotFound, UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.evidence.items import get_item, parse_id
from cybercase.vault import Vault


@dataclass
class SenderLink:
    sender: str
    person_id: int | None
    account_id: int | None
    label: str  # the person's name, or the account as platform:handle
    linked_at: str
    linked_by: str


def _case_id(vault: Vault, item_id: int) -> int:
    return int(vault.conn.execute("SELECT case_id FROM evidence_items WHERE id = ?",
                                  (item_id,)).fetchone()[0])


def sender_links(vault: Vault, item_id: int) -> dict[str, SenderLink]:
    """The live links of an export item, by sender name as shown."""
    rows = vault.conn.execute(
        "SELECT l.sender, l.person_id, l.account_id, p.name, a.platform, a.handle,"
        " l.linked_at, l.linked_by FROM chat_sender_links l"
        " LEFT JOIN people p ON p.id = l.person_id LEFT JOIN accounts a ON a.id = l.account_id"
        " WHERE l.item_id = ? AND l.removed_at IS NULL", (item_id,)).fetchall()
    return {r[0]: SenderLink(r[0], r[1], r[2], r[3] if r[1] is not None else f"{r[4]}:{r[5]}",
                             r[6], r[7]) for r in rows}


def _senders(vault: Vault, item_id: int) -> set[str]:
    return {r[0] for r in vault.conn.execute(
        "SELECT DISTINCT sender FROM chat_messages WHERE item_id = ? AND sender IS NOT NULL",
        (item_id,))}


def link_sender(vault: Vault, item_id: int | str, sender: str, *,
                person_id: int | None = None, account_id: int | None = None) -> SenderLink:
    """Link ``sender`` (as shown in export ``item_id``) to a person or an account of the case."""
    vault.require("evidence.write")
    item = get_item(vault, parse_id(item_id))
    if (person_id is None) == (account_id is None):
        raise UsageError(msg("sender.error.one_target"))
    if sender not in _senders(vault, item.id):
        raise NotFound(msg("sender.error.no_sender", sender=sender, id=item.id))
    case_id = _case_id(vault, item.id)
    if person_id is not None:
        person = get_person(vault, person_id)
        if person.case_id != case_id:
            raise UsageError(msg("sender.error.other_case_person", id=person_id, ref=item.case))
    else:
        row = vault.conn.execute("SELECT case_id FROM accounts WHERE id = ?",
                                 (account_id,)).fetchone()
        if row is None:
            raise NotFound(msg("sender.error.no_account", id=account_id))
        if int(row[0]) != case_id:
            raise UsageError(msg("sender.error.other_case_account", id=account_id,
                                 ref=item.case))
    now = now_iso()
    with vault.transaction() as tx:
        tx.execute("UPDATE chat_sender_links SET removed_at = ?, removed_by = ?"
                   " WHERE item_id = ? AND sender = ? AND removed_at IS NULL",
                   (now, vault.actor, item.id, sender))
        tx.execute("INSERT INTO chat_sender_links(item_id, sender, person_id, account_id,"
                   " linked_at, linked_by) VALUES (?,?,?,?,?,?)",
                   (item.id, sender, person_id, account_id, now, vault.actor))
        tx.audit("evidence.sender_link", f"evidence {item.id}",
                 {"sender": sender, "person": person_id, "account": account_id},
                 case_ref=item.case)
    return sender_links(vault, item.id)[sender]


def unlink_sender(vault: Vault, item_id: int | str, sender: str) -> None:
    vault.require("evidence.write")
    item = get_item(vault, parse_id(item_id))
    if sender not in sender_links(vault, item.id):
        raise NotFound(msg("sender.error.not_linked", sender=sender, id=item.id))
    with vault.transaction() as tx:
        tx.execute("UPDATE chat_sender_links SET removed_at = ?, removed_by = ?"
                   " WHERE item_id = ? AND sender = ? AND removed_at IS NULL",
                   (now_iso(), vault.actor, item.id, sender))
        tx.audit("evidence.sender_unlink", f"evidence {item.id}", {"sender": sender},
                 case_ref=item.case)
