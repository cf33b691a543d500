"""What the police bundle adds to the evidence for its reader: the case's account
register (with attributions), takedown referrals and police records as JSON files in the
bag (accounts.json, referrals.json, police.json), and the inputs of the report that come
from the vault (chat messages and which of them are key messages, the start of text
files, phase names, the named contact).

Everything is read before the bag is written (the report is built beside the writer and
does not touch the vault). A register the exporter's role may not read is left out (its
file says so) rather than failing the export.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cybercase.cases.cases import Case, case_protocol
from cybercase.core.errors import PermissionDenied
from cybercase.cyber.accounts import list_accounts
from cybercase.cyber.police import list_reports
from cybercase.cyber.referral_records import list_referrals
from cybercase.evidence.chat.keymsg import key_messages
from cybercase.evidence.chat.messages import Message, chat_items, list_messages
from cybercase.evidence.items import Item
from cybercase.evidence.store import read_chunks
from cybercase.vault import Vault
from cybercase.vault.settings import get_settings

TEXT_MIMES = ("text/plain", "text/csv", "text/markdown")
MAX_TEXT_READ = 256 * 1024  # a text file is printed from its first bytes only
CONTACT_KEYS = ("school", "address", "contact_name", "phone", "email")


@dataclass
class Records:
    contact: dict[str, str]
    accounts: list[dict[str, Any]] | None  # None: the role may not read them
    referrals: list[dict[str, Any]] | None
    police: list[dict[str, Any]] | None
    phases: dict[int, str]
    chats: dict[int, list[Message]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    keys: dict[tuple[int, int], str] = field(default_factory=dict)  # (item, message) -> note


def contact(vault: Vault) -> dict[str, str]:
    """The named contact from the vault's settings; keys the settings lack are left out
    (a later settings version may add e.g. the coordinator's full name)."""
    settings = get_settings(vault).to_json()
    out = {k: str(settings.get(k) or "") for k in CONTACT_KEYS}
    for key, value in settings.items():  # any further document settings, as they are
        out.setdefault(key, str(value or ""))
    return {k: v for k, v in out.items() if v}


def pick(values: dict[str, str], *keys: str) -> str:
    """The first of ``keys`` that is filled in (the coordinator's own details before the
    school's general contact), else ''."""
    return next((values[k] for k in keys if values.get(k)), "")


NAME_KEYS = ("coordinator_name", "contact_name")
PHONE_KEYS = ("coordinator_phone", "phone")
EMAIL_KEYS = ("coordinator_email", "email")
ADDRESS_KEYS = ("address", "school_address")


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _readable(load: Any) -> list[dict[str, Any]] | None:
    try:
        return [_plain(r) for r in load()]
    except PermissionDenied:
        return None


def gather(vault: Vault, case: Case, chosen: list[Item]) -> Records:
    def accounts() -> list[dict[str, Any]]:
        rows = []
        for acc in list_accounts(vault, case.ref):
            row = acc.to_json()
            row.pop("also_in", None)  # other cases are not this bundle's business
            rows.append(row)
        return rows

    def referrals() -> list[dict[str, Any]]:
        rows = []
        for ref in list_referrals(vault, case.ref):
            row = ref.to_json()
            row.pop("evidence_warning", None)
            rows.append(row)
        return rows

    def police() -> list[dict[str, Any]]:
        return [r.to_json() for r in list_reports(vault, case.ref)]

    protocol = case_protocol(vault, case)
    records = Records(
        contact=contact(vault), accounts=_readable(accounts),
        referrals=_readable(referrals), police=_readable(police),
        phases={p.number: p.name_nl for p in protocol.phases},
    )
    chats = chat_items(vault, [item.id for item in chosen])  # one query, not one per item
    for item in chosen:
        if item.id in chats:
            try:
                records.chats[item.id] = list_messages(vault, item.id)[1]
                continue
            except PermissionDenied:  # the report shows the file's text instead
                pass
        if item.mime.split(";")[0] in TEXT_MIMES:
            records.texts[item.id] = _start(vault, item)
    records.keys = key_notes(vault, case, set(records.chats))
    return records


def key_notes(vault: Vault, case: Case, items: set[int]) -> dict[tuple[int, int], str]:
    """The key messages (kernberichten) of the exported chats: (item id, message number)
    -> the coordinator's note, for the report's chronology."""
    if not items:
        return {}
    try:
        marks = key_messages(vault, case.ref)
    except PermissionDenied:  # the chronology then lists the messages unmarked
        return {}
    return {(k.item_id, k.n): k.note for k in marks if k.item_id in items}


def _start(vault: Vault, item: Item) -> str:
    parts, size = [], 0
    for chunk in read_chunks(vault.conn, item.blob_id):
        parts.append(chunk)
        size += len(chunk)
        if size >= MAX_TEXT_READ:
            break
    raw = b"".join(parts)[:MAX_TEXT_READ]
    return raw.decode("utf-8-sig", "replace")


def accounts_json(stated: list[dict[str, Any]], register: list[dict[str, Any]] | None
                  ) -> bytes:
    """accounts.json: the accounts stated with the exported items (as stated) and the
    case's account register with its attributions."""
    doc: dict[str, Any] = {"stated": stated, "register": register or [],
                           "register_complete": register is not None}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def register_json(rows: list[dict[str, Any]] | None, what: str) -> bytes:
    """accounts.json / referrals.json / police.json: the case's records as the vault holds
    them (the ids in ``evidence`` are vault ids, as in evidence.json's ``id``)."""
    doc: dict[str, Any] = {"records": rows if rows is not None else [],
                           "complete": rows is not None}
    if rows is None:
        doc["note"] = f"the exporter's role may not read the {what}: left out"
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def bag_info(values: dict[str, str], school: str, actor: str, ref: str, items: int,
             today: str) -> list[tuple[str, str]]:
    """bag-info.txt's fields (RFC 8493 2.2.2's reserved names) in order; a contact detail
    that is not filled in is left out rather than written empty."""
    from cybercase import __version__

    things = "one evidence item" if items == 1 else f"{items} evidence items"
    info = [
        ("Source-Organization", school or "unknown school"),
        ("Organization-Address", pick(values, *ADDRESS_KEYS)),
        ("Contact-Name", pick(values, *NAME_KEYS) or actor),
        ("Contact-Phone", pick(values, *PHONE_KEYS)),
        ("Contact-Email", pick(values, *EMAIL_KEYS)),
        ("External-Identifier", ref),
        ("Bagging-Date", today),
        ("Bag-Software-Agent", f"cybercase {__version__}"),
        ("External-Description",
         f"Evidence bundle of case {ref} from {school or 'the school'}: {things} byte for "
         "byte, their facts (evidence.csv/json), the account register (accounts.json), "
         "takedown referrals (referrals.json), police records (police.json), the custody "
         "log (custody.csv) and a printable Dutch report (report.pdf). See VERIFY.txt."),
    ]
    return [(k, v) for k, v in info if v]
