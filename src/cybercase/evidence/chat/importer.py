"""The ingest hook: an export ``.txt`` or ``.zip`` read into messages as it is stored.

Called by ``evidence/ingest.py`` inside the file's one transaction, in two steps:
:func:`prepare` after the original's bytes are in the vault and before its item row is
written (it reads the export from memory or from the vault, never from a temporary file,
and returns the flags the item gets), then :func:`store` with the new item's id (messages,
and each file of a ZIP as an evidence item of its own, linked to its message). Either the
item, its messages and its media items commit together, or none of them.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
import zlib
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.evidence import flags as stored_flags
from cybercase.evidence import imaging, sniff, video
from cybercase.evidence.chat import dates, zipread
from cybercase.evidence.chat import patterns as p
from cybercase.evidence.chat.parse import Parsed, decode, looks_like_chat, parse
from cybercase.evidence.store import CHUNK, Blob, BlobReader, BlobWriter, store_bytes
from cybercase.vault import Transaction

PARSER = "cybercase-whatsapp 1"
ZONE = "Europe/Amsterdam"
IN_MEMORY = 32 * 1024 * 1024  # media up to this size are read at once (and images decoded)
IN_FLIGHT = 64 * 1024 * 1024  # image bytes waiting for the decoders
LOOKAHEAD = 8
ZIP_MIMES = ("application/zip", "application/x-zip-compressed")
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
                RuntimeError, ValueError)


def _why(exc: BaseException) -> str:
    """Why a member could not be read, in the user's words (never Python's error text,
    which is English and names internals)."""
    if isinstance(exc, NotImplementedError):
        return msg("chat.why.compression")
    if isinstance(exc, RuntimeError) and "encrypt" in str(exc).lower():
        return msg("chat.why.encrypted")
    if isinstance(exc, OSError) and not isinstance(exc, EOFError):
        return msg("chat.why.read")
    return msg("chat.why.damaged")


@dataclass
class Plan:
    parsed: Parsed | None  # None: a ZIP that was refused (flags say why)
    order: dates.Order
    member: str | None = None
    flags: list[str] = field(default_factory=list)
    zf: zipfile.ZipFile | None = None
    checked: zipread.Checked | None = None

    def close(self) -> None:
        if self.zf is not None:
            self.zf.close()


def check_order(order: str | None) -> None:
    """A date order given with an ingest must be one a person may choose."""
    if order is not None and order not in dates.CHOOSABLE:
        raise UsageError(msg("chat.error.bad_order", value=order,
                             choices=", ".join(dates.CHOOSABLE)))


def _order(parsed: Parsed, wanted: str | None) -> dates.Order:
    found = dates.infer(parsed)
    if wanted and found.basis in ("ambiguous", "layout") and dates.fits(parsed, wanted):
        return dates.Order(wanted, "chosen")
    return found


def _is_file_ref(media: str | None) -> bool:
    return bool(media) and not p.OMITTED.search(media or "")


def prepare(tx: Transaction, blob: Blob, mime: str, name: str, data: bytes | None,
            date_order: str | None) -> Plan | None:
    """A plan when the content is a chat export; None for anything else."""
    lower = name.lower()
    if mime in ZIP_MIMES or lower.endswith(".zip"):
        return _prepare_zip(tx, blob, name, data, date_order)
    if not (mime.startswith("text/") or lower.endswith(".txt")):
        return None
    if blob.size > zipread.MAX_CHAT_BYTES:
        head = data[:4096] if data is not None else _head(tx, blob)
        if looks_like_chat(decode(head)[0]):
            return Plan(None, dates.Order(None, "ambiguous"), flags=[msg(
                "chat.flag.too_big", mb=blob.size // (1024 * 1024),
                limit=zipread.MAX_CHAT_BYTES // (1024 * 1024))])
        return None
    raw = data if data is not None else BlobReader(tx.conn, blob.id).read()
    text, replaced = decode(raw)
    if not looks_like_chat(text):
        return None
    parsed = parse(text, replaced)
    plan = Plan(parsed, _order(parsed, date_order))
    plan.flags.extend(_text_flags(plan))
    return plan


def _head(tx: Transaction, blob: Blob) -> bytes:
    return BlobReader(tx.conn, blob.id).read(4096)


def _text_flags(plan: Plan) -> list[str]:
    flags: list[str] = []
    assert plan.parsed is not None
    if plan.parsed.replaced_bytes:
        flags.append(msg("chat.flag.not_utf8"))
    if plan.order.basis == "conflict":
        flags.append(msg("chat.flag.order_conflict"))
    return flags


def _prepare_zip(tx: Transaction, blob: Blob, name: str, data: bytes | None,
                 date_order: str | None) -> Plan | None:
    stream: io.RawIOBase | io.BytesIO = (
        io.BytesIO(data) if data is not None else BlobReader(tx.conn, blob.id))
    unknown = dates.Order(None, "ambiguous")
    try:
        many = zipread.too_many(stream)  # type: ignore[arg-type]
        if many is not None:  # never parse such a directory; say so for an export's name
            return Plan(None, unknown, flags=[msg(
                "chat.flag.zip_members", n=many, limit=zipread.MAX_MEMBERS)]) \
                if "whatsapp" in name.lower() else None
        zf = zipfile.ZipFile(stream)
        chat = zipread.find_chat(zf)
    except _READ_ERRORS:
        return None  # not a ZIP zipfile can read: stored as it came, like any file
    if chat is None:
        zf.close()
        return None
    try:
        checked = zipread.check(zf, chat)
        text, replaced = decode(zipread.read_member(zf, chat, zipread.MAX_CHAT_BYTES))
    except zipread.ZipRefused as refused:
        zf.close()
        return Plan(None, unknown, member=chat.filename, flags=[refused.reason])
    except _READ_ERRORS as exc:
        zf.close()
        return Plan(None, unknown, member=chat.filename, flags=[msg(
            "chat.flag.zip_unreadable", name=chat.filename, error=_why(exc))])
    if not looks_like_chat(text):
        zf.close()
        return None
    parsed = parse(text, replaced)
    plan = Plan(parsed, _order(parsed, date_order), member=chat.filename, zf=zf,
                checked=checked)
    plan.flags.extend(checked.problems)
    plan.flags.extend(_text_flags(plan))
    names = {os.path.basename(i.filename) for i in checked.media}
    refs = {e.media for e in parsed.entries if _is_file_ref(e.media)}
    missing = sorted(r for r in refs if r is not None and r not in names)
    left = sorted(n for n in names if n not in refs)
    if missing:
        plan.flags.append(msg("chat.flag.media_missing", n=len(missing),
                              names=_few(missing)))
    if left:
        plan.flags.append(msg("chat.flag.media_left", n=len(left), names=_few(left)))
    return plan


def _few(names: list[str], shown: int = 5) -> str:
    more = f" (+{len(names) - shown})" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


# --- storing ---------------------------------------------------------------------------


def store(tx: Transaction, plan: Plan, item_id: int, case_id: int, case_ref: str,
          stated_json: str, stated: dict[str, Any]) -> dict[str, Any]:
    """Messages and media items of the export item ``item_id``; returns a summary."""
    try:
        if plan.parsed is None:
            return {"refused": plan.flags[0] if plan.flags else None}
        media = _Media(tx, plan, item_id, case_id, case_ref, stated_json, stated).run()
        return _store_messages(tx, plan, item_id, case_id, case_ref, media)
    finally:
        plan.close()


def _store_messages(tx: Transaction, plan: Plan, item_id: int, case_id: int, case_ref: str,
                    media: list[dict[str, Any]]) -> dict[str, Any]:
    parsed = plan.parsed
    assert parsed is not None
    by_name = {m["name"]: m["id"] for m in media if m["id"] is not None}
    # Android shares the media beside the .txt: files of this case with the named name
    refs = {e.media for e in parsed.entries if e.media and _is_file_ref(e.media)}
    for ref in sorted(refs - set(by_name)):
        row = tx.execute("SELECT id FROM evidence_items WHERE case_id = ? AND original_name = ?"
                         " ORDER BY id LIMIT 1", (case_id, ref)).fetchone()
        if row is not None:
            by_name[str(ref)] = int(row[0])
    order = plan.order.order
    rows = []
    for e in parsed.entries:
        local, utc, note = dates.stamps(e, order)
        link = by_name.get(e.media) if e.media and not e.system else None
        rows.append((item_id, e.n, e.line, e.sender, e.shown, *e.date, *e.clock, local, utc,
                     note, e.text, int(e.system), e.media, link))
    tx.conn.executemany(
        "INSERT INTO chat_messages(item_id, n, line, sender, shown, d1, d2, d3, hour, minute,"
        " second, ampm, time_local, time_utc, time_note, text, system, media, media_item_id)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    messages = parsed.messages
    participants = len({m.sender for m in messages})
    problems = [m["reason"] for m in media if m.get("reason")]
    tx.execute(
        "INSERT INTO chat_exports(item_id, member, layout, date_order, order_basis,"
        " order_chosen_by, order_chosen_at, zone, messages, notices, participants, problems,"
        " parser, imported_at, imported_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (item_id, plan.member, parsed.layout, order, plan.order.basis,
         tx.vault.actor if plan.order.basis == "chosen" else None,
         now_iso() if plan.order.basis == "chosen" else None, ZONE, len(messages),
         len(parsed.entries) - len(messages), participants,
         json.dumps(problems, ensure_ascii=False), PARSER, now_iso(), tx.vault.actor),
    )
    summary = {
        "messages": len(messages), "notices": len(parsed.entries) - len(messages),
        "participants": participants, "layout": parsed.layout, "date_order": order,
        "date_order_basis": plan.order.basis, "ambiguous": order is None,
        "media": media,
    }
    tx.audit("evidence.chat_import", f"evidence {item_id}", {
        k: v for k, v in summary.items() if k != "media"} | {
        "media_items": [m["id"] for m in media if m["id"] is not None],
        "parser": PARSER}, case_ref=case_ref)
    return summary


@dataclass
class _Member:
    entry: dict[str, Any]
    info: zipfile.ZipInfo
    blob: Blob
    head: bytes
    size: int  # bytes held in memory while the image is decoded
    image: Future[imaging.ImageInfo] | None


class _Media:
    """The files of an export ZIP into the vault, in ZIP order; images are decoded by the
    same kind of worker processes as any ingested image (no vault key, bounded memory),
    a few at a time while the next files are read."""

    def __init__(self, tx: Transaction, plan: Plan, export_id: int, case_id: int,
                 case_ref: str, stated_json: str, stated: dict[str, Any]) -> None:
        self.tx, self.plan, self.export_id = tx, plan, export_id
        self.case_id, self.case_ref = case_id, case_ref
        self.stated_json, self.stated = stated_json, stated
        self.pool: imaging.DecoderPool | None = None
        self.out: list[dict[str, Any]] = []

    def run(self) -> list[dict[str, Any]]:
        if self.plan.zf is None or self.plan.checked is None:
            return self.out
        pending: deque[_Member] = deque()
        in_flight = 0
        try:
            for info in self.plan.checked.media:
                member = self._read(info)
                if member is None:
                    continue
                pending.append(member)
                in_flight += member.size
                while pending and (in_flight > IN_FLIGHT or len(pending) > LOOKAHEAD):
                    done = pending.popleft()
                    in_flight -= done.size
                    self._finish(done)
            while pending:
                self._finish(pending.popleft())
        finally:
            if self.pool is not None:
                self.pool.close()
        return self.out

    def _row(self, entry: dict[str, Any], info: zipfile.ZipInfo) -> None:
        zip_time = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(*info.date_time)
        self.tx.execute(
            "INSERT INTO chat_media(export_item_id, member, item_id, zip_time, status, reason)"
            " VALUES (?,?,?,?,?,?)", (self.export_id, info.filename, entry["id"], zip_time,
                                      entry["status"], entry.get("reason")))
        self.out.append(entry)

    def _read(self, info: zipfile.ZipInfo) -> _Member | None:
        assert self.plan.zf is not None
        entry: dict[str, Any] = {"name": os.path.basename(info.filename),
                                 "member": info.filename, "id": None, "status": "stored"}
        try:
            blob, head, data = _member_blob(self.tx, self.plan.zf, info)
        except _READ_ERRORS as exc:
            entry.update(status="unreadable", reason=msg(
                "chat.flag.zip_unreadable", name=info.filename, error=_why(exc)))
            self._row(entry, info)
            return None
        image = None
        mime = sniff.mime_of(head) if data else ""
        if mime.startswith("image/") or video.is_video(mime):  # a photo or video: measured
            if self.pool is None:
                self.pool = imaging.DecoderPool(min(2, os.cpu_count() or 1))
            image = self.pool.submit(data or b"", "v" if video.is_video(mime) else "i")
        return _Member(entry, info, blob, head, len(data or b""), image)

    def _finish(self, m: _Member) -> None:
        existing = self.tx.execute(
            "SELECT id FROM evidence_items WHERE case_id = ? AND blob_id = ?",
            (self.case_id, m.blob.id)).fetchone()
        if existing is not None:
            m.entry.update(id=int(existing[0]), status="duplicate")
        else:
            image = m.image.result() if m.image is not None else None
            m.entry["id"] = _media_item(
                self.tx, m.blob, m.head, image, m.entry["name"], m.info.filename,
                self.export_id, self.case_id, self.case_ref, self.stated_json, self.stated)
        self._row(m.entry, m.info)


def _member_blob(tx: Transaction, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                 ) -> tuple[Blob, bytes, bytes | None]:
    """The member stored as a blob; its first bytes; its bytes when read into memory."""
    if info.file_size <= IN_MEMORY:
        data = zipread.read_member(zf, info, IN_MEMORY)
        return store_bytes(tx, data), data[:sniff.SNIFF_BYTES], data
    writer = BlobWriter(tx)
    head = b""
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(CHUNK):
                if not head:
                    head = chunk[:sniff.SNIFF_BYTES]
                writer.write(chunk)
    except BaseException:
        tx.execute("DELETE FROM blob_chunks WHERE blob_id = ?", (writer.blob_id,))
        tx.execute("DELETE FROM blobs WHERE id = ?", (writer.blob_id,))
        raise
    return writer.finish(), head, None


def _media_item(tx: Transaction, blob: Blob, head: bytes, image: imaging.ImageInfo | None,
                name: str, member: str, export_id: int, case_id: int, case_ref: str,
                stated_json: str, stated: dict[str, Any]) -> int:
    mime = sniff.mime_of(head) if head else "application/x-empty"
    flags = [stored_flags.from_record(f) for f in (image.flags if image else [])]
    mismatch = sniff.extension_mismatch(name, mime)
    if mismatch:
        flags.insert(0, mismatch)
    cur = tx.execute(
        "INSERT INTO evidence_items(case_id, blob_id, sha256, size, mime, original_name,"
        " original_name_raw, extension, source_path, file_mtime, ingested_at, ingested_by,"
        " image_width, image_height, image_format, exif_time, dhash, ahash, flags, stated,"
        " media, fhash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (case_id, blob.id, blob.sha256, blob.size, mime, name, name.encode("utf-8"),
         os.path.splitext(name)[1].lower(), f"from chat export item {export_id}: {member}",
         None, now_iso(), tx.vault.actor,
         image.width if image else None, image.height if image else None,
         image.format if image else None, image.exif_time if image else None,
         image.dhash if image else None, image.ahash if image else None,
         stored_flags.dumps(flags), stated_json,
         json.dumps(image.media, ensure_ascii=False) if image and image.media else None,
         image.fhash if image else None),
    )
    item_id = int(cur.lastrowid)
    tx.audit("evidence.ingest", f"evidence {item_id}", {
        "sha256": blob.sha256, "size": blob.size, "mime": mime, "name": name,
        "new_content": blob.new, "flags": flags, "stated": stated,
        "from_chat_export": export_id, "member": member}, case_ref=case_ref)
    return item_id
