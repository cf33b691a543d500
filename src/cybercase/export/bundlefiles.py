"""The police bundle's data files: evidence.json and evidence.csv (one record per item,
measured and stated facts apart), custody.csv (the audit entries of the case and its
items, with only the details that are safe to hand over) and accounts.json.
"""

from __future__ import annotations

import csv
import io
import json
import mimetypes
import re
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from cybercase.core.timeutil import local_display
from cybercase.evidence.items import Item
from cybercase.export.bagit import (
    safe_name,
)
from cybercase.export.bundlecheck import bundle_encrypted as bundle_encrypted  # re-exported
from cybercase.export.bundlecheck import verify_bundle as verify_bundle  # re-exported
from cybercase.vault import Vault, auditscope
from cybercase.vault.audit import AuditEntry

if TYPE_CHECKING:
    pass


def times(utc: str | None) -> dict[str, str | None]:
    if not utc:
        return {"utc": None, "amsterdam": None}
    try:
        return {"utc": utc, "amsterdam": local_display(utc)}
    except ValueError:
        return {"utc": utc, "amsterdam": None}


def evidence_file(item: Item, number: int, hide_name: bool = False) -> str:
    """The evidence's path below data/. In an encrypted bundle the original name is left
    out: ZIP entry names are not encrypted, and file names often name a child (it is in
    the encrypted evidence.json/csv)."""
    if hide_name:
        ext = item.extension if re.fullmatch(r"\.[a-z0-9]{1,5}", item.extension) else ""
        return f"evidence/{number:03d}{ext or mimetypes.guess_extension(item.mime) or '.bin'}"
    return f"evidence/{number:03d}_{safe_name(item.original_name)}"


def item_record(item: Item, file: str) -> dict[str, Any]:
    """One item for evidence.json: measured facts apart from what someone stated."""
    exif = (item.image or {}).get("exif_time")
    measured: dict[str, Any] = {
        "ingested_at": times(item.ingested_at),
        "ingested_by": item.ingested_by,
        "file_mtime": times(item.file_mtime),
        # EXIF times carry no zone: kept exactly as the camera wrote them
        "exif_time_as_written": exif,
        # a photo's EXIF offset, make and model; a video's duration, recording time (with
        # the basis of its zone), codecs and frame size (docs/evidence.md)
        "media": item.media,
    }
    image = item.image or {}
    return {
        "id": item.id,
        "file": "data/" + file,
        "original_name": item.original_name,
        "sha256": item.sha256,
        "size": item.size,
        "mime": item.mime,
        "image": (
            {"width": image.get("width"), "height": image.get("height"),
             "format": image.get("format")} if item.image else None
        ),
        "measured": measured,
        "stated": item.stated,
        "flags": item.flags,
    }


_CSV_FIELDS = (
    "id", "file", "original_name", "sha256", "size", "mime",
    "ingested_utc", "ingested_amsterdam", "ingested_by", "file_mtime_utc",
    "file_mtime_amsterdam", "exif_time_as_written",
    "stated_captured_by", "stated_device", "stated_platform", "stated_url",
    "stated_accounts", "stated_time_shown_on_screen", "stated_description", "stated_tags",
    "stated_received_via", "stated_phone_available",
)


CSV_DELIMITER = ";"  # what Excel expects with Dutch regional settings (comma = decimal)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv(rows: list[list[str]], header: tuple[str, ...]) -> bytes:
    """A table Dutch Excel opens as columns: UTF-8 with a byte order mark, semicolons,
    CRLF, every cell quoted (line breaks and semicolons inside a value stay in its cell).

    The formula guard, documented in VERIFY.txt: a spreadsheet runs a cell starting with
    = + - @ as a formula (a handle like @sanne_2015 too), so such a cell gets a leading
    apostrophe here; evidence.json and the other JSON files keep every value unchanged."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=CSV_DELIMITER, lineterminator="\r\n",
                        quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["'" + c if c[:1] in FORMULA_START else c for c in row])
    return buf.getvalue().encode("utf-8-sig")


def _s(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def evidence_csv(records: list[dict[str, Any]]) -> bytes:
    rows = []
    for r in records:
        m, st = r["measured"], r["stated"]
        rows.append([_s(x) for x in (
            r["id"], r["file"], r["original_name"], r["sha256"], r["size"], r["mime"],
            m["ingested_at"]["utc"], m["ingested_at"]["amsterdam"], m["ingested_by"],
            m["file_mtime"]["utc"], m["file_mtime"]["amsterdam"], m["exif_time_as_written"],
            st.get("captured_by"), st.get("device"), st.get("platform"), st.get("url"),
            st.get("accounts"), st.get("shown_time"), st.get("description"),
            st.get("tags", st.get("offence_tags")), st.get("received_via"),
            st.get("phone_available"),
        )])
    return _csv(rows, _CSV_FIELDS)


_SAFE_DETAILS = ("sha256", "size", "reason", "out", "file", "items", "encrypted")


def custody_events(vault: Vault, ref: str, ids: list[int]) -> list[tuple[int, AuditEntry]]:
    """(item id, entry) for every audit event touching each item, exports included.

    One query: the entries whose object is one of the items, and the case's exports (an
    export names its items in its details)."""
    wanted = {f"evidence {item_id}": item_id for item_id in ids}
    rows = vault.conn.execute(
        "SELECT a.seq, a.ts, a.actor, a.action, a.object, a.case_ref, d.details, a.hash"
        " FROM audit a LEFT JOIN audit_details d ON d.seq = a.seq"
        " WHERE a.object IN (SELECT value FROM json_each(?))"
        " OR (a.case_ref = ? AND a.action LIKE 'export.%')",
        (json.dumps(list(wanted)), ref),
    )
    since = auditscope.born(vault.conn, list(wanted))  # not a purged record's events
    per_item: list[tuple[int, AuditEntry]] = []
    for seq, ts, actor, action, obj, case_ref, details, own in rows:
        if obj in wanted and seq < since[obj]:
            continue
        entry = AuditEntry(seq, ts, actor, action, obj, case_ref,
                           json.loads(details) if details is not None else None, own)
        if obj in wanted:
            per_item.append((wanted[obj], entry))
        elif action.startswith("export."):
            listed = set((entry.details or {}).get("items") or [])
            per_item.extend((item_id, entry) for item_id in ids if item_id in listed)
    per_item.sort(key=lambda pair: (pair[0], pair[1].seq))
    return per_item


def _safe_details(details: dict[str, Any]) -> dict[str, Any]:
    """The custody details a recipient may see; file paths cut to their name (a folder
    can name a person, e.g. /home/<name>/)."""
    what = {k: details[k] for k in _SAFE_DETAILS if k in details}
    for key in ("out", "file"):
        if isinstance(what.get(key), str):
            what[key] = PurePath(what[key]).name
    if isinstance(what.get("items"), list):  # an export: the row already names the item
        what["items"] = len(what["items"])
    return what


def custody_csv(events: list[tuple[int, AuditEntry]]) -> bytes:
    rows = []
    for item_id, e in events:
        what = _safe_details(e.details or {})
        rows.append([
            str(item_id), str(e.seq), e.ts, local_display(e.ts), e.actor, e.action, e.object,
            json.dumps(what, ensure_ascii=False, sort_keys=True) if what else "",
            e.hash,
        ])
    return _csv(rows, ("evidence_id", "audit_seq", "when_utc", "when_amsterdam", "who",
                       "action", "object", "details", "audit_entry_hash"))


def stated_accounts(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The accounts stated with the exported items (as stated)."""
    seen: dict[str, list[int]] = {}
    for r in records:
        for account in r["stated"].get("accounts") or []:
            seen.setdefault(str(account), []).append(int(r["id"]))
    return [{"account": a, "stated": True, "evidence_ids": ids} for a, ids in seen.items()]
