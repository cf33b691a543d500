"""Ingest: files and folders into a case, each read once, hashed while stored, atomically.

Per file, a savepoint inside a transaction shared by a few files (``commits.Group``): the
content (new or shared), the item row and its audit entry commit together, so after a
crash or kill at any moment the item is complete or absent. Every file gets a status
(stored, duplicate, flagged, error) and the batch goes on after a bad one.

Decisions:

- Symbolic links are never followed (named directly or met in a folder): they are reported
  as ``error`` "symlink, not followed". The record would otherwise name the link, not the
  file, and folder walks cannot loop. Other special files (FIFOs, devices) are refused the
  same way; files are opened without following a symlink and without blocking
  (``oslayer.open_regular``) so a swap after the walk cannot sneak one in or block.
- Empty files are ``error``: there is nothing to keep as evidence.
- Files up to ``SMALL`` bytes are read into memory once (hash, sniff and image decoding
  from there; nothing written when the content is already stored); bigger ones stream in
  1 MiB chunks straight into the vault (see ``store.py``).
- Image and video reading and perceptual hashing run in a pool of worker processes
  (spawned, so they inherit no vault file descriptors) while this process writes; the
  bytes travel through pipes, never through files.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cybercase.cases import access
from cybercase.cases.cases import get_case
from cybercase.core.errors import UsageError
from cybercase.core.i18n import Msg, msg
from cybercase.core.timeutil import now_iso, to_iso
from cybercase.evidence import flags as stored_flags
from cybercase.evidence import imaging, sniff, video
from cybercase.evidence.chat import importer as chat_import
from cybercase.evidence.commits import Group
from cybercase.evidence.files import (
    Candidate,
    Refused,
    check_paths_exist,
    collect,
    open_file,
    read_all,
)
from cybercase.evidence.near import near_items
from cybercase.evidence.stated import FileResult, Progress, ProgressFn, Stated
from cybercase.evidence.store import CHUNK, BlobReader, BlobWriter, store_bytes
from cybercase.vault import Transaction, Vault
from cybercase.vault.savepoint import savepoint

SMALL = 32 * 1024 * 1024  # read into memory at once
IN_FLIGHT_BYTES = 64 * 1024 * 1024  # read-ahead for the decoding pool
LOOKAHEAD = 8

@dataclass
class _Prepared:
    cand: Candidate
    fd: int | None = None
    st: os.stat_result | None = None
    data: bytes | None = None  # small files only
    sha256: str | None = None
    mime: str | None = None
    image: Future[imaging.ImageInfo] | imaging.ImageInfo | None = None
    error: str | None = None


class _Duplicate(Exception):
    def __init__(self, item_id: int) -> None:
        super().__init__(item_id)
        self.item_id = item_id


# --- the batch ------------------------------------------------------------------------


class _Batch:
    def __init__(
        self, vault: Vault, ref: str, stated: Stated, progress: ProgressFn | None,
        workers: int | None, date_order: str | None = None,
    ) -> None:
        self.vault = vault
        self.date_order = date_order
        self.case = get_case(vault, ref)
        self.stated = stated
        self.stated_json = json.dumps(stated.to_json(), ensure_ascii=False, sort_keys=True)
        self.progress = progress
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.pool: imaging.DecoderPool | None = None
        self.group = Group(vault)
        # every image's hashes, to say which new one looks like a known one
        self.known: list[tuple[int, str, dict[str, Any], str]] = [
            (int(r[0]), r[1], {"dhash": r[2], "ahash": r[3], "fhash": r[5]}, r[4])
            for r in vault.conn.execute(
                "SELECT e.id, c.ref, e.dhash, e.ahash, e.sha256, e.fhash FROM evidence_items e"
                " JOIN cases c ON c.id = e.case_id WHERE e.dhash IS NOT NULL"
                " AND e.ahash IS NOT NULL"
            )
        ]
        # cases this user may not see: never named in a result (need to know)
        self.hidden = access.hidden_refs(vault)
        self.files_done = 0
        self.bytes_done = 0
        self.files_total = 0
        self.bytes_total = 0

    # progress
    def tick(self, current: str, nbytes: int = 0, file_done: bool = False) -> None:
        self.bytes_done += nbytes
        if file_done:
            self.files_done += 1
        if self.progress is not None:
            self.progress(Progress(self.files_done, self.files_total, self.bytes_done,
                                   self.bytes_total, current))

    def run(self, candidates: list[Candidate]) -> list[FileResult]:
        self.files_total = len(candidates)
        self.bytes_total = sum(c.size for c in candidates)
        results: list[FileResult] = []
        queue: deque[_Prepared] = deque()
        pending = iter(candidates)
        in_flight = 0
        exhausted = False
        try:
            while True:
                # read ahead small files so the pool decodes while we write
                while not exhausted and len(queue) < LOOKAHEAD and in_flight < IN_FLIGHT_BYTES:
                    cand = next(pending, None)
                    if cand is None:
                        exhausted = True
                        break
                    prep = self.prepare(cand, remaining=len(candidates) - self.files_done)
                    queue.append(prep)
                    in_flight += len(prep.data or b"")
                    if prep.fd is not None:  # a big file: stream it when its turn comes
                        break
                if not queue:
                    break
                prep = queue.popleft()
                in_flight -= len(prep.data or b"")
                results.append(self.finish(prep))
            self.group.commit()
        except BaseException as exc:
            self.group.abort(exc)  # the open group is rolled back: absent, never half
            raise
        finally:
            for prep in queue:
                if prep.fd is not None:
                    os.close(prep.fd)
            if self.pool is not None:
                self.pool.close()
        return results

    def prepare(self, cand: Candidate, remaining: int) -> _Prepared:
        prep = _Prepared(cand, error=cand.error)
        if prep.error is not None:
            return prep
        try:
            fd, st = open_file(cand.path)
        except Refused as exc:
            prep.error = exc.reason
            return prep
        except FileNotFoundError:
            prep.error = msg("evidence.file.missing")
            return prep
        except OSError as exc:
            prep.error = (msg("evidence.file.symlink") if exc.errno == errno.ELOOP
                          else msg("evidence.file.unreadable", error=exc.strerror))
            return prep
        prep.st = st
        if st.st_size == 0:
            os.close(fd)
            prep.error = msg("evidence.file.empty")
            return prep
        if st.st_size > SMALL:
            prep.fd = fd
            return prep
        try:
            data = read_all(fd)
        except OSError as exc:
            prep.error = msg("evidence.file.unreadable", error=exc.strerror)
            return prep
        finally:
            os.close(fd)
        if not data:
            prep.error = msg("evidence.file.empty")
            return prep
        prep.data = data
        prep.sha256 = hashlib.sha256(data).hexdigest()
        prep.mime = sniff.mime_of(data[: sniff.SNIFF_BYTES])
        kind = "i" if prep.mime.startswith("image/") else "v" if video.is_video(prep.mime) else ""
        if kind and not self._already_here(prep.sha256):
            if remaining > 2 and self.workers > 0:
                self.pool = self.pool or imaging.DecoderPool(self.workers)
                prep.image = self.pool.submit(data, kind)
            else:
                prep.image = imaging.analyse(data) if kind == "i" else imaging.analyse_video(
                    data, video)
        return prep

    def _already_here(self, sha256: str) -> int | None:
        row = self.vault.conn.execute(
            "SELECT id FROM evidence_items WHERE case_id = ? AND sha256 = ?",
            (self.case.id, sha256),
        ).fetchone()
        return int(row[0]) if row else None

    def finish(self, prep: _Prepared) -> FileResult:
        shown = sniff.display(prep.cand.path)
        size = prep.st.st_size if prep.st is not None else 0
        if prep.error is not None:
            self.tick(shown, size, file_done=True)
            return FileResult(shown, "error", reason=prep.error)
        if prep.data is not None:
            assert prep.sha256 is not None
            existing = self._already_here(prep.sha256)
            if existing is not None:
                self.tick(shown, size, file_done=True)
                return self._duplicate(shown, existing)
        streamed = prep.fd is not None
        try:
            tx = self.group.tx()
            with savepoint(tx, "ingest_file"):
                result = self._store(tx, prep, shown)
        except _Duplicate as dup:
            result = self._duplicate(shown, dup.item_id)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise  # the vault's disk is full: stop the batch with that one line
            result = FileResult(shown, "error",
                                reason=msg("evidence.file.unreadable", error=exc.strerror))
        finally:
            if prep.fd is not None:
                os.close(prep.fd)
                prep.fd = None
        self.group.done(size)
        self.tick(shown, 0 if streamed else size, file_done=True)
        return result

    def _duplicate(self, shown: str, item_id: int) -> FileResult:
        row = self.vault.conn.execute(
            "SELECT sha256, size, mime FROM evidence_items WHERE id = ?", (item_id,)
        ).fetchone()
        return FileResult(shown, "duplicate", id=item_id, sha256=row[0], size=row[1],
                          mime=row[2], reason=msg("evidence.file.duplicate", id=item_id))

    def _store(self, tx: Transaction, prep: _Prepared, shown: str) -> FileResult:
        assert prep.st is not None
        flags: list[str] = []
        info: imaging.ImageInfo | None = None
        if prep.data is not None:
            assert prep.sha256 is not None and prep.mime is not None
            blob = store_bytes(tx, prep.data, prep.sha256)
            mime = prep.mime
            if isinstance(prep.image, Future):
                info = prep.image.result()
            elif isinstance(prep.image, imaging.ImageInfo):
                info = prep.image
        else:
            assert prep.fd is not None
            writer = BlobWriter(tx)
            first = True
            mime = "application/octet-stream"
            since_tick = 0
            while True:
                chunk = os.read(prep.fd, CHUNK)
                if not chunk:
                    break
                while len(chunk) < CHUNK:  # os.read may return short: fill the chunk
                    more = os.read(prep.fd, CHUNK - len(chunk))
                    if not more:
                        break
                    chunk += more
                if first:
                    mime = sniff.mime_of(chunk[: sniff.SNIFF_BYTES])
                    first = False
                writer.write(chunk)
                since_tick += len(chunk)
                if since_tick >= 64 * CHUNK:
                    self.tick(shown, since_tick)
                    since_tick = 0
            blob = writer.finish()
            self.tick(shown, since_tick)
            existing = self.vault.conn.execute(
                "SELECT id FROM evidence_items WHERE case_id = ? AND blob_id = ?",
                (self.case.id, blob.id),
            ).fetchone()
            if existing is not None:
                raise _Duplicate(int(existing[0]))
            if mime.startswith("image/"):
                flags.append(msg("evidence.flag.big_image", mb=SMALL // (1024 * 1024)))
            elif video.is_video(mime):  # a long recording: its header, read from the vault
                info = imaging.analyse_video(BlobReader(tx.conn, blob.id), video)
        if blob.size != prep.st.st_size:
            flags.append(msg("evidence.flag.changed", stated=prep.st.st_size, read=blob.size))
        name = os.path.basename(prep.cand.path.rstrip("/")) or prep.cand.path
        original = sniff.display(name)
        mismatch = sniff.extension_mismatch(original, mime)
        if mismatch:
            flags.append(mismatch)
        chat = chat_import.prepare(tx, blob, mime, original, prep.data, self.date_order)
        flags.extend(chat.flags if chat is not None else [])
        if info is not None:
            flags.extend(stored_flags.from_record(f) for f in info.flags)
        copies = [r[0] for r in tx.execute(
            "SELECT DISTINCT c.ref FROM evidence_items e JOIN cases c ON c.id = e.case_id"
            " WHERE e.blob_id = ? AND e.case_id != ? ORDER BY c.ref",
            (blob.id, self.case.id),
        )]
        also_in = [ref for ref in copies if ref not in self.hidden]
        near, near_hidden = near_items(self.known, self.hidden, info, blob.sha256)
        mtime = to_iso(datetime.fromtimestamp(prep.st.st_mtime, UTC))
        columns = ["case_id", "blob_id", "sha256", "size", "mime", "original_name",
                   "original_name_raw", "extension", "source_path", "file_mtime", "ingested_at",
                   "ingested_by", "image_width", "image_height", "image_format", "exif_time",
                   "dhash", "ahash", "flags", "stated"]
        values: list[object] = [
            self.case.id, blob.id, blob.sha256, blob.size, mime, original,
            os.fsencode(name), os.path.splitext(original)[1].lower(), shown, mtime,
            now_iso(), self.vault.actor,
            info.width if info else None, info.height if info else None,
            info.format if info else None, info.exif_time if info else None,
            info.dhash if info else None, info.ahash if info else None,
            stored_flags.dumps(flags), self.stated_json,
        ]
        # the later columns only when they have a value, so a schema from before migrations
        # 12 and 15 (the migration tests build one) takes the row as well
        if info is not None and info.media:
            columns.append("media")
            values.append(json.dumps(info.media, ensure_ascii=False))
        if info is not None and info.fhash:
            columns.append("fhash")
            values.append(info.fhash)
        cur = tx.execute(
            f"INSERT INTO evidence_items({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})", values,
        )
        item_id = int(cur.lastrowid)
        tx.audit(
            "evidence.ingest", f"evidence {item_id}",
            {"sha256": blob.sha256, "size": blob.size, "mime": mime, "name": original,
             "new_content": blob.new, "flags": flags, "stated": self.stated.to_json()},
            case_ref=self.case.ref,
        )
        chat_info = None if chat is None else chat_import.store(
            tx, chat, item_id, self.case.id, self.case.ref, self.stated_json,
            self.stated.to_json())
        if info is not None and info.dhash and info.ahash:
            self.known.append((item_id, self.case.ref, info.to_json(), blob.sha256))
        result = FileResult(
            shown, "flagged" if flags else "stored", id=item_id, sha256=blob.sha256,
            size=blob.size, mime=mime, flags=flags, also_in=also_in, near_duplicates=near,
            chat=chat_info,
        )
        notes: list[Msg] = []
        if also_in:
            notes.append(msg("evidence.file.also_in", refs=", ".join(also_in)))
        if len(also_in) < len(copies):
            notes.append(msg("trust.also_elsewhere"))
        if near_hidden:
            notes.append(msg("trust.near_elsewhere"))
        if notes:
            result.reason = notes[0] if len(notes) == 1 else msg(
                "trust.and", first=notes[0], second=notes[1] if len(notes) == 2 else msg(
                    "trust.and", first=notes[1], second=notes[2]))
        return result


def ingest(
    vault: Vault, ref: str, paths: Iterable[str], stated: Stated | None = None,
    progress: ProgressFn | None = None, workers: int | None = None,
    date_order: str | None = None,
) -> list[FileResult]:
    """Ingest files and folders into case ``ref``; one result per file found.

    ``date_order`` (dmy or mdy) is the day/month order for chat exports whose dates do
    not tell it themselves (see ``evidence/chat/dates.py``)."""
    vault.require("evidence.write")
    chat_import.check_order(date_order)
    checked = (stated or Stated()).checked()
    paths = list(paths)
    if not paths:
        raise UsageError(msg("evidence.error.no_paths"))
    check_paths_exist(paths)
    batch = _Batch(vault, ref, checked, progress, workers, date_order)
    return batch.run(collect(paths))
