"""BagIt 1.0 (RFC 8493) bags inside a ZIP, written in one streaming pass.

The ZIP holds one top-level folder (the bag). Payload files are streamed into the ZIP
while SHA-256 and SHA-512 are computed, so nothing is read twice and no plaintext copy is
made on disk. The tag manifest is signed with Ed25519; the signature and the public key sit
beside it (``tagmanifest-sha256.txt.sig``, ``signing-key.pub``), and the key's fingerprint
is in ``bag-info.txt`` (so it is covered by the signed tag manifest). Checking a bag:
``cybercase.export.verify``.

The whole ZIP is written to an unnamed file in the target folder and named only when
complete (see ``cybercase.safefile``): a crash, a kill or a full disk never leaves a partial
bundle or a stray temporary file with evidence in it.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import os
import queue
import re
import threading
import time
import unicodedata
import zipfile
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cybercase.core import oslayer
from cybercase.core.safefile import PartialFile, check_target, write_error
from cybercase.core.timeutil import AMSTERDAM

CHUNK = 1 << 20
SIG_FILE = "tagmanifest-sha256.txt.sig"
PUBKEY_FILE = "signing-key.pub"
TAG_MANIFESTED = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt")


def fingerprint(public: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, in groups of four hex digits (read aloud by phone)."""
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|%]")


def safe_name(name: str, limit: int = 80) -> str:
    """A file name safe on every system and in a manifest: no separators, '..', controls."""
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE.sub("_", name).strip(" .")
    name = re.sub(r"\.{2,}", ".", name)
    if not name:
        name = "file"
    if len(name) > limit:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: limit - len(ext) - 1] + "." + ext) if dot and len(ext) < 10 else name[:limit]
    return name


@dataclass
class PayloadFile:
    """A file for ``data/``: its path below data/ and a way to read its bytes in chunks.

    ``check``, when given, is called with the file's SHA-256 and size once they are known
    (after the file is written, before the bag is finished); raising there aborts the bag.
    """

    path: str
    chunks: Callable[[], Iterator[bytes]]
    check: Callable[[str, int], None] | None = None


def bytes_payload(path: str, data: bytes) -> PayloadFile:
    return PayloadFile(path, lambda: iter((data,)))


@dataclass
class BagResult:
    path: Path
    sha256: str
    payload_files: int
    payload_bytes: int
    fingerprint: str
    digests: dict[str, str] = field(default_factory=dict)  # data/... -> sha256
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step


def zip_errors() -> tuple[type[BaseException], ...]:
    """What reading a damaged ZIP can raise (the standard library's and pyzipper's own)."""
    import struct
    import zlib

    import pyzipper

    return (zipfile.BadZipFile, pyzipper.BadZipFile, zipfile.LargeZipFile, RuntimeError,
            OSError, EOFError, ValueError, NotImplementedError, zlib.error, struct.error)


def _check_rel(path: str) -> str:
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not path or "\\" in path:
        raise ValueError(f"unsafe payload path {path!r}")
    return pure.as_posix()



# --- the pipeline: reading, hashing and writing overlap ------------------------------------
#
# Three kinds of work run at once, each in C code that releases the GIL: a reader thread
# pulls the payload's chunks (for evidence: SQLCipher decrypting pages), the calling thread
# writes them into the ZIP, and one thread per hash (SHA-256 and SHA-512 of each file, and
# SHA-256 of the whole ZIP) feeds hashlib in order. Queues are bounded, so memory stays at a
# few chunks whatever the bag's size.

_QUEUE_DEPTH = 4  # chunks read ahead
_HASH_BACKLOG = 8  # chunks waiting per hash thread
_SYNC_EVERY = 64 * 1024 * 1024  # bytes written between two background data syncs


class _Worker:
    """One thread running submitted calls in order, with a bounded backlog."""

    def __init__(self, name: str) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=f"cybercase-{name}")
        self._pending: deque[Future[Any]] = deque()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future = self._pool.submit(fn, *args)
        self._pending.append(future)
        while self._pending and (len(self._pending) > _HASH_BACKLOG or self._pending[0].done()):
            self._pending.popleft().result()  # re-raises the worker's error here
        return future

    def drain(self) -> None:
        """Wait for everything submitted; re-raise the first error."""
        while self._pending:
            self._pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


_END = object()


def _read_ahead(
    payload: Iterable[PayloadFile],
) -> Generator[tuple[PayloadFile, bytes | None], None, None]:
    """(file, chunk) pairs, then (file, None) when a file ends; read on another thread.

    The reader stops when the consumer stops (error or not) and is joined before this
    generator finishes, so nothing touches the payload's sources afterwards."""
    q: queue.Queue[Any] = queue.Queue(_QUEUE_DEPTH)
    stop = threading.Event()

    def put(value: Any) -> bool:
        while not stop.is_set():
            try:
                q.put(value, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in payload:
                for chunk in item.chunks():
                    if not put((item, chunk)):
                        return
                if not put((item, None)):
                    return
            put(_END)
        except BaseException as exc:  # handed to the consumer, raised there
            put(_Failed(exc))

    reader = threading.Thread(target=run, name="cybercase-export-read", daemon=True)
    reader.start()
    try:
        while True:
            value = q.get()
            if value is _END:
                return
            if isinstance(value, _Failed):
                raise value.exc
            yield value
    finally:
        stop.set()
        reader.join()


class _ZipHash:
    """SHA-256 of the ZIP, computed right behind the writer.

    zipfile goes back to fill in each entry's local header (CRC and sizes) once the entry
    is written, so a write-through hash would see unfinished headers. Instead, each time
    an entry is complete, the finished stretch of the file is hashed on a worker thread,
    read back from the page cache through a second descriptor: no second pass at the end,
    and the ZIP's layout is the standard one (no data descriptors)."""

    def __init__(self, fd: int, worker: _Worker) -> None:
        self._fd = fd  # its own descriptor and position (PartialFile.reader)
        self._hash = hashlib.sha256()
        self._done = 0
        self._worker = worker

    def upto(self, end: int) -> None:
        if end > self._done:
            self._worker.submit(self._update, self._done, end)
            self._done = end

    def _update(self, start: int, end: int) -> None:
        while start < end:
            data = oslayer.read_at(self._fd, min(CHUNK, end - start), start)
            if not data:
                raise OSError(errno.EIO, "the bundle shrank while it was written")
            self._hash.update(data)
            start += len(data)

    def hexdigest(self) -> str:
        self._worker.drain()
        return self._hash.hexdigest()

    def close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now(AMSTERDAM)
    return (now.year, now.month, now.day, now.hour, now.minute, now.second)


def write_bag(
    out: Path,
    bag_name: str,
    info: list[tuple[str, str]],
    payload: Iterable[PayloadFile],
    tag_files: dict[str, bytes],
    signer: Ed25519PrivateKey,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    opener: Callable[[BinaryIO], zipfile.ZipFile] | None = None,
) -> BagResult:
    """Write the bag as ``out`` (a ZIP). ``info`` are bag-info.txt lines in order;
    Payload-Oxum, Bag-Size and the key fingerprint are added here.

    Every payload file is read once: its SHA-256 and SHA-512 are computed while it is
    written, and so is the SHA-256 of the whole ZIP. The ZIP is written to a temporary file
    in the target folder, synced, and renamed into place only when complete."""
    out = check_target(out, force)
    root = safe_name(bag_name)
    try:
        # unnamed until complete: a kill or a full disk leaves no partial bundle behind
        partial = PartialFile(out, ".cybercase-export-", overwrite=force)
    except OSError as exc:
        raise write_error(exc, out.parent) from None
    workers = [_Worker("sha256"), _Worker("sha512"), _Worker("zip-sha256"), _Worker("sync")]
    h256_worker, h512_worker, zip_worker, sync_worker = workers
    synced = 0
    zip_hash: _ZipHash | None = None
    sync_fd: int | None = None
    stamp = _zip_time()
    timings: dict[str, float] = {}
    zipinfo_cls: Any = zipfile.ZipInfo  # pyzipper's AES writer brings its own class

    def entry(name: str) -> zipfile.ZipInfo:
        zinfo: zipfile.ZipInfo = zipinfo_cls(f"{root}/{name}", stamp)
        zinfo.external_attr = 0o600 << 16  # private to whoever unpacks it
        return zinfo

    try:
        fh = partial.file
        sync_fd = os.dup(fh.fileno())  # the sync thread's own: closed after that thread
        zip_hash = _ZipHash(partial.reader(), zip_worker)
        zf = opener(fh) if opener else zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED)
        zipinfo_cls = getattr(zf, "zipinfo_cls", zipfile.ZipInfo)
        with zf:
            done: list[tuple[str, PayloadFile, Future[Any], Future[Any], int]] = []
            total = count = 0
            clock = time.perf_counter()
            events = _read_ahead(payload)
            try:
                for item, chunk in events:
                    rel = "data/" + _check_rel(item.path)
                    h256, h512 = hashlib.sha256(), hashlib.sha512()
                    size = 0
                    with zf.open(entry(rel), "w", force_zip64=True) as dst:
                        while chunk is not None:
                            h256_worker.submit(h256.update, chunk)
                            h512_worker.submit(h512.update, chunk)
                            dst.write(chunk)
                            size += len(chunk)
                            if progress:
                                progress(count, total + size)
                            chunk = next(events)[1]
                    fh.flush()
                    end = fh.tell()
                    zip_hash.upto(end)
                    if end - synced >= _SYNC_EVERY:
                        # flush to disk behind the writer, so the final fsync is short
                        sync_worker.submit(oslayer.sync_data, sync_fd)
                        synced = end
                    done.append((rel, item, h256_worker.submit(h256.hexdigest),
                                 h512_worker.submit(h512.hexdigest), size))
                    total += size
                    count += 1
            finally:
                events.close()  # stops and joins the reader, even on error
            timings["payload"] = time.perf_counter() - clock
            clock = time.perf_counter()
            h256_worker.drain()
            h512_worker.drain()
            sha256_lines: list[str] = []
            sha512_lines: list[str] = []
            digests: dict[str, str] = {}
            for rel, item, d256, d512, size in done:
                digest = str(d256.result())
                if item.check is not None:
                    item.check(digest, size)
                sha256_lines.append(f"{digest}  {rel}\n")
                sha512_lines.append(f"{d512.result()}  {rel}\n")
                digests[rel] = digest
            public = signer.public_key()
            fp = fingerprint(public)
            info_lines = [
                *info,
                ("Payload-Oxum", f"{total}.{count}"),
                ("Bag-Size", _human(total)),
                ("Signing-Key-Fingerprint", fp),
            ]
            tags: dict[str, bytes] = {
                "bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
                "bag-info.txt": "".join(
                    f"{k}: {_one_line(v)}\n" for k, v in info_lines
                ).encode("utf-8"),
                "manifest-sha256.txt": "".join(sha256_lines).encode("utf-8"),
                "manifest-sha512.txt": "".join(sha512_lines).encode("utf-8"),
                **tag_files,
            }
            tagmanifest = "".join(
                f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                for name, data in tags.items()
            ).encode("utf-8")
            for name, data in tags.items():
                zf.writestr(entry(name), data)
            zf.writestr(entry("tagmanifest-sha256.txt"), tagmanifest)
            zf.writestr(entry(SIG_FILE), base64.b64encode(signer.sign(tagmanifest)) + b"\n")
            zf.writestr(
                entry(PUBKEY_FILE),
                public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
            )
        fh.flush()
        zip_hash.upto(fh.tell())
        timings["tags"] = time.perf_counter() - clock
        clock = time.perf_counter()
        sync_worker.drain()
        os.close(sync_fd)  # no other open descriptor while it is named (Windows)
        sync_fd = None
        oslayer.sync_file(fh.fileno())
        timings["fsync"] = time.perf_counter() - clock
        clock = time.perf_counter()
        whole = zip_hash.hexdigest()
        timings["zip_hash_wait"] = time.perf_counter() - clock
        zip_hash.close()  # no other open descriptor while it is named (Windows)
        partial.commit()
    except BaseException as exc:
        # every other descriptor first: Windows removes no file that is still open
        _release(workers, zip_hash, sync_fd)
        sync_fd = None
        partial.discard()
        if isinstance(exc, OSError):
            raise write_error(exc, out.parent) from None
        raise
    finally:
        _release(workers, zip_hash, sync_fd)
    return BagResult(out, whole, count, total, fp, digests, timings)


def _release(workers: list[_Worker], zip_hash: _ZipHash | None, sync_fd: int | None) -> None:
    for worker in workers:
        worker.close()
    if zip_hash is not None:
        zip_hash.close()
    if sync_fd is not None:
        os.close(sync_fd)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"


# --- verification ------------------------------------------------------------------------


@dataclass
class Problem:
    kind: str  # missing | unexpected | checksum mismatch | bad signature | malformed |
    # refused (an unsafe ZIP) | inconsistent (the item lists disagree) | wrong key
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.path}: {self.message}"


def read_chunks(fh: BinaryIO) -> Iterator[bytes]:
    yield from iter(lambda: fh.read(CHUNK), b"")
