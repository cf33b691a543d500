"""BagIt 1.0 (RFC 8493) bags inside a ZIP, written in one streaming pass.

The ZIP holds one top-level folder (the bag). Payload files are streamed into the ZIP
while SHA-256 and SHA-512 are computed, so nothing is read twice and no plaintext copy is
made on disk. The tag manifest is signed with Ed25519; the signature and the public key sit
beside it (``tagmanifest-sha256.txt.sig``, ``signing-key.pub``), and the key's fingerprint
is in ``bag-info.txt`` (so it is covered by the signed tag manifest). Checking a bag:
``cybercase.export.verify``.

The whole ZIP is written to an unnamed file in the target folder and named only when
complete (see ``cybercase.core.safefile``): a crash, a kill or a full disk never leaves a partial
bundle or a stray temporary file with evidence in it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cybercase.core import oslayer
from cybercase.core.safefile import PartialFile, check_target, write_error
from cybercase.core.sizes import human_size
from cybercase.export.pipeline import CHUNK as CHUNK
from cybercase.export.pipeline import (
    SYNC_EVERY,
    ZIP_BACKLOG,
    HashingFile,
    Worker,
    read_ahead,
    zip_time,
)
from cybercase.export.pipeline import PayloadFile as PayloadFile

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
    workers = [Worker("sha256"), Worker("sha512"), Worker("zip-sha256", ZIP_BACKLOG),
               Worker("sync")]
    h256_worker, h512_worker, zip_worker, sync_worker = workers
    synced = 0
    zip_hash: HashingFile | None = None
    sync_fd: int | None = None
    stamp = zip_time()
    timings: dict[str, float] = {}
    zipinfo_cls: Any = zipfile.ZipInfo  # pyzipper's AES writer brings its own class

    def entry(name: str) -> zipfile.ZipInfo:
        zinfo: zipfile.ZipInfo = zipinfo_cls(f"{root}/{name}", stamp)
        zinfo.external_attr = 0o600 << 16  # private to whoever unpacks it
        return zinfo

    try:
        fh = partial.file
        sync_fd = os.dup(fh.fileno())  # the sync thread's own: closed after that thread
        # the ZIP is hashed from the bytes as they are written (the file is not read back)
        zip_hash = HashingFile(fh, partial.reader(), zip_worker)
        out_file: Any = zip_hash  # zipfile takes any file-like object
        zf = opener(out_file) if opener else zipfile.ZipFile(out_file, "w", zipfile.ZIP_STORED)
        zipinfo_cls = getattr(zf, "zipinfo_cls", zipfile.ZipInfo)
        with zf:
            done: list[tuple[str, PayloadFile, Future[Any], Future[Any], int]] = []
            total = count = 0
            clock = time.perf_counter()
            events = read_ahead(payload)
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
                    zip_hash.settle()  # the entry is complete: its bytes are final
                    end = zip_hash.size
                    if end - synced >= SYNC_EVERY:
                        fh.flush()
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
                ("Bag-Size", human_size(total)),
                ("Signing-Key-Fingerprint", fp),
            ]
            tags: dict[str, bytes] = {
                "bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
                "bag-info.txt": "".join(
                    info_line(k, v) for k, v in info_lines
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
        zip_hash.settle()
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


def _release(workers: list[Worker], zip_hash: HashingFile | None, sync_fd: int | None) -> None:
    for worker in workers:
        worker.close()
    if zip_hash is not None:
        zip_hash.close()
    if sync_fd is not None:
        os.close(sync_fd)


def _one_line(value: str) -> str:
    return " ".join(value.split())


INFO_WIDTH = 79  # RFC 8493 2.2.2: long values SHOULD be wrapped, continuation lines indented


def info_line(key: str, value: str) -> str:
    """One bag-info.txt field, wrapped at word boundaries to 79 characters where it can be;
    continuation lines start with two spaces (a reader joins them with one space)."""
    words = _one_line(value).split(" ")
    lines: list[str] = []
    current = f"{key}:"
    for word in words:
        if current.endswith(":") or len(current) + 1 + len(word) <= INFO_WIDTH:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = f"  {word}"
    lines.append(current)
    return "\n".join(lines) + "\n"


def parse_info(text: str) -> dict[str, str]:
    """bag-info.txt's fields; a line starting with whitespace continues the field before."""
    info: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and key is not None:
            info[key] = f"{info[key]} {line.strip()}".strip()
            continue
        key, _, value = line.partition(":")
        key = key.strip()
        info[key] = value.strip()
    return info


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
