"""Checking a bag in a ZIP without trusting it: the ZIP's structure, completeness, every
hash, Payload-Oxum and the signature.

The ZIP comes from outside (a USB stick, an e-mail): before anything is read its entries
are inspected, and a ZIP that could harm the checking machine is refused in one line:
two entries with the same name (tools disagree on which one they unpack), entries that
are not regular files (symlinks, devices, folders carrying data), entries bigger than a
bound or compressed suspiciously well (a 6 MB entry inflating to 6 GiB). Every entry is
then read through a bounded reader, so memory stays at a few chunks whatever the ZIP
claims. Works for AES-encrypted ZIPs (pyzipper) too.

What the signature proves is limited (see SECURITY.md): the key sits inside the bag, so
the checker reports the key's fingerprint it computed itself, for the recipient to
compare with the school's, never a value read from the bag's text.
"""

from __future__ import annotations

import base64
import hashlib
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cybercase.export.bagit import (
    CHUNK,
    PUBKEY_FILE,
    SIG_FILE,
    TAG_MANIFESTED,
    Problem,
    fingerprint,
    parse_info,
    zip_errors,
)

MAX_MEMBERS = 250_000  # 50,000 evidence items and the tag files, with room to spare
MAX_TAG_BYTES = 256 << 20  # a tag file or metadata file read whole into memory
MAX_MEMBER_BYTES = 64 << 30  # one payload file (a long video is a few GiB)
MAX_RATIO = 200  # uncompressed / compressed, for entries bigger than RATIO_FROM
RATIO_FROM = 1 << 20


class Refused(Exception):
    """The ZIP is refused as a whole: one problem, nothing more is read."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class BagCheck:
    problems: list[Problem]
    info: dict[str, str]
    fingerprint: str | None = None  # computed from the public key in the bag
    digests: dict[str, tuple[str, int]] = field(default_factory=dict)  # data/...: (sha256, size)


def _kind(info: zipfile.ZipInfo) -> str | None:
    """What is wrong with an entry's type, or None for a regular file (or empty folder)."""
    mode = info.external_attr >> 16
    is_dir = info.filename.endswith("/")
    if info.create_system == 3 and mode:  # Unix: the file type is in the high bits
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            return "a symbolic link"
        if kind == stat.S_IFDIR and not is_dir:
            return "a folder without a folder name"
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            return "a device, pipe or socket"
        if kind == stat.S_IFREG and is_dir:
            return "a file with a folder name"
    if info.external_attr & 0x10 and not is_dir:  # MS-DOS directory attribute
        return "a folder without a folder name"
    if is_dir and info.file_size:
        return "a folder that carries data"
    return None


def inspect_members(zf: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    """The ZIP's entries, or :class:`Refused` naming the first thing that makes it unsafe."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise Refused(Problem("refused", name, f"holds {len(infos)} entries; at most "
                                               f"{MAX_MEMBERS} are accepted"))
    seen: set[str] = set()
    for info in infos:
        key = unicodedata.normalize("NFC", info.filename).casefold()
        if key in seen:
            raise Refused(Problem("refused", info.filename,
                                  "appears twice in the ZIP (tools differ in which copy they "
                                  "unpack)"))
        seen.add(key)
        wrong = _kind(info)
        if wrong is not None:
            raise Refused(Problem("refused", info.filename, f"is {wrong}, not a regular file"))
        if info.file_size > MAX_MEMBER_BYTES:
            raise Refused(Problem("refused", info.filename,
                                  f"claims {info.file_size} bytes; at most {MAX_MEMBER_BYTES} "
                                  "are accepted"))
        packed = max(1, info.compress_size)
        if info.file_size > RATIO_FROM and info.file_size / packed > MAX_RATIO:
            raise Refused(Problem("refused", info.filename,
                                  f"would inflate {packed} bytes to {info.file_size} bytes "
                                  "(a ZIP bomb?)"))
    return infos


MAX_DIRECTORY = 64 << 20  # the ZIP's central directory, read whole by zipfile


def precheck(path: Path) -> None:
    """Refuse a ZIP whose central directory claims more entries or bytes than the bounds,
    before zipfile reads it (it builds an object per entry): read from its end record."""
    try:
        with open(path, "rb") as fh:
            size = fh.seek(0, 2)
            tail_at = max(0, size - (1 << 16) - 22)
            fh.seek(tail_at)
            tail = fh.read()
            at = tail.rfind(b"PK\x05\x06")
            if at < 0 or len(tail) < at + 22:
                return  # not a ZIP: zipfile says so
            entries, directory = struct.unpack("<HI", tail[at + 10:at + 16])
            locator = at - 20  # a ZIP64 end locator sits right before the end record
            if locator >= 0 and tail[locator:locator + 4] == b"PK\x06\x07":
                (offset,) = struct.unpack("<Q", tail[locator + 8:locator + 16])
                fh.seek(offset)
                record = fh.read(56)
                if record[:4] == b"PK\x06\x06" and len(record) == 56:
                    entries, directory = struct.unpack("<QQ", record[32:48])
    except OSError:
        return  # unreadable: zipfile says so
    if entries > MAX_MEMBERS or directory > MAX_DIRECTORY:
        raise Refused(Problem("refused", path.name,
                              f"its table of contents claims {entries} entries in {directory} "
                              f"bytes; at most {MAX_MEMBERS} entries are accepted"))


def bounded_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """An entry's bytes in chunks of at most ``CHUNK``; :class:`Refused` if it yields more
    than it declares or than ``limit``."""
    bound = min(limit, info.file_size)
    total = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                return
            total += len(chunk)
            if total > bound:
                raise Refused(Problem("refused", info.filename,
                                      f"holds more than {bound} bytes (it declares "
                                      f"{info.file_size})"))
            yield chunk


def _parse_manifest(text: str, name: str, problems: list[Problem]) -> dict[str, str]:
    entries: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(None, 1)
        if len(parts) != 2:
            problems.append(Problem("malformed", name, f"line {number} is not 'checksum path'"))
            continue
        digest, path = parts[0].lower(), parts[1].strip()
        path = path.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
        if path in entries:
            problems.append(Problem("malformed", name, f"line {number} lists {path} again"))
        entries[path] = digest
    return entries


def open_zip(path: Path, password: bytes | None) -> zipfile.ZipFile:
    if password is not None:
        import pyzipper

        zf: zipfile.ZipFile = pyzipper.AESZipFile(path)
        zf.setpassword(password)
        return zf
    return zipfile.ZipFile(path)


Extra = Callable[[Callable[[str], bytes | None], Callable[[str], Iterator[bytes] | None],
                  dict[str, tuple[str, int]], list[Problem]], None]


def check_zip(path: Path, password: bytes | None = None, extra: Extra | None = None
              ) -> BagCheck:
    """Check a bag in a ZIP. ``extra`` runs further checks on the open bag (with readers
    for whole tag files and for streams, the payload's computed digests and the list of
    problems to add to)."""
    try:
        precheck(path)
        zf = open_zip(path, password)
    except Refused as refused:
        return BagCheck([refused.problem], {})
    except zip_errors() as exc:
        return BagCheck([Problem("malformed", path.name, f"not a readable ZIP file ({exc})")],
                        {})
    with zf:
        try:
            return _check_open(zf, path, extra)
        except Refused as refused:
            return BagCheck([refused.problem], {})


def _check_open(zf: zipfile.ZipFile, path: Path, extra: Extra | None) -> BagCheck:
    damaged = zip_errors()
    problems: list[Problem] = []
    infos = [i for i in inspect_members(zf, path.name) if not i.filename.endswith("/")]
    names = [i.filename for i in infos]
    for name in names:
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts or "\\" in name:
            problems.append(Problem("unexpected", name, "unsafe path in the ZIP"))
    roots = {n.split("/", 1)[0] for n in names}
    if len(roots) != 1 or any("/" not in n for n in names):
        problems.append(Problem("malformed", path.name, "the ZIP must hold one bag folder"))
        return BagCheck(problems, {})
    root = roots.pop()
    files = {i.filename[len(root) + 1:]: i for i in infos}

    def read(rel: str) -> bytes | None:
        if rel not in files:
            problems.append(Problem("missing", rel, "required file is missing"))
            return None
        try:
            return b"".join(bounded_chunks(zf, files[rel], MAX_TAG_BYTES))
        except damaged as exc:  # damaged, or encrypted and no/wrong password
            problems.append(Problem("malformed", rel, f"cannot be read ({exc})"))
            return None

    def stream(rel: str) -> Iterator[bytes] | None:
        return bounded_chunks(zf, files[rel], MAX_MEMBER_BYTES) if rel in files else None

    bagit_txt = read("bagit.txt")
    if bagit_txt is not None and b"BagIt-Version:" not in bagit_txt:
        problems.append(Problem("malformed", "bagit.txt", "no BagIt-Version line"))
    info: dict[str, str] = {}
    raw_info = read("bag-info.txt")
    if raw_info is not None:
        info = parse_info(raw_info.decode("utf-8", "replace"))
    manifests: dict[str, dict[str, str]] = {}
    for algo in ("sha256", "sha512"):
        raw = read(f"manifest-{algo}.txt")
        if raw is not None:
            manifests[algo] = _parse_manifest(
                raw.decode("utf-8", "replace"), f"manifest-{algo}.txt", problems)
    payload = {rel for rel in files if rel.startswith("data/")}
    listed = set(manifests.get("sha256", {}))
    for rel in sorted(listed - payload):
        problems.append(Problem("missing", rel, "listed in the manifest but not in the bag"))
    for rel in sorted(payload - listed):
        problems.append(Problem("unexpected", rel, "in the bag but not in the manifest"))
    total = 0
    unreadable = False  # then the total is unknown: Payload-Oxum cannot be compared
    digests: dict[str, tuple[str, int]] = {}
    for rel in sorted(payload):
        h256, h512 = hashlib.sha256(), hashlib.sha512()
        size = 0
        try:
            for chunk in bounded_chunks(zf, files[rel], MAX_MEMBER_BYTES):
                h256.update(chunk)
                h512.update(chunk)
                size += len(chunk)
        except damaged as exc:
            problems.append(Problem("checksum mismatch", rel, f"cannot be read ({exc})"))
            unreadable = True
            continue
        total += size
        digests[rel] = (h256.hexdigest(), size)
        if rel not in listed:
            continue
        differ = [name for name, ok in (
            ("SHA-256", h256.hexdigest() == manifests["sha256"][rel]),
            ("SHA-512", rel not in manifests.get("sha512", {})
             or h512.hexdigest() == manifests["sha512"][rel]),
        ) if not ok]
        if differ:  # one line per file, however many of its checksums differ
            problems.append(Problem("checksum mismatch", rel,
                                    " and ".join(differ) + (" differ" if len(differ) > 1
                                                            else " differs")))
    oxum = info.get("Payload-Oxum")
    if oxum is not None and not unreadable and oxum != f"{total}.{len(payload)}":
        problems.append(Problem("checksum mismatch", "bag-info.txt",
                                f"Payload-Oxum says {oxum}, the bag holds "
                                f"{total}.{len(payload)}"))
    computed: str | None = None
    tagmanifest = read("tagmanifest-sha256.txt")
    if tagmanifest is not None:
        tags = _parse_manifest(tagmanifest.decode("utf-8", "replace"),
                               "tagmanifest-sha256.txt", problems)
        for name in TAG_MANIFESTED:
            if name not in tags:
                problems.append(Problem("missing", "tagmanifest-sha256.txt",
                                        f"does not cover {name}"))
        for name, digest in tags.items():
            if name.startswith("data/"):
                continue  # payload files are checked above, against the manifests
            data = read(name)
            if data is not None and hashlib.sha256(data).hexdigest() != digest:
                problems.append(Problem("checksum mismatch", name, "SHA-256 differs"))
        tag_like = {rel for rel in files if not rel.startswith("data/")}
        extra_tags = tag_like - set(tags) - {"tagmanifest-sha256.txt", SIG_FILE, PUBKEY_FILE}
        for rel in sorted(extra_tags):
            problems.append(Problem("unexpected", rel, "not covered by the tag manifest"))
        computed = _check_signature(read, tagmanifest, info, problems)
    if extra is not None:
        extra(read, stream, digests, problems)
    return BagCheck(problems, info, computed, digests)


def _check_signature(
    read: Callable[[str], bytes | None], tagmanifest: bytes, info: dict[str, str],
    problems: list[Problem],
) -> str | None:
    """Check the signature; return the fingerprint of the key in the bag (computed here)
    when there is a usable key, whether or not the signature holds."""
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        PublicFormat,
        load_pem_public_key,
    )

    sig, pem = read(SIG_FILE), read(PUBKEY_FILE)
    if pem is None:
        return None
    try:
        public = load_pem_public_key(pem)
    except (ValueError, TypeError):
        public = None
    if not isinstance(public, Ed25519PublicKey):
        problems.append(Problem("bad signature", PUBKEY_FILE, "is not an Ed25519 public key"))
        return None
    computed = fingerprint(public)
    if pem != public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo):
        # the key file is not covered by a manifest: any byte beside the key is a change
        problems.append(Problem("bad signature", PUBKEY_FILE,
                                "holds more or other bytes than the key written at export"))
    if sig is None:
        return computed
    try:
        public.verify(base64.b64decode(sig.strip(), validate=True), tagmanifest)
    except (ValueError, InvalidSignature, TypeError):
        problems.append(Problem("bad signature", SIG_FILE,
                                "the signature does not match the tag manifest"))
        return computed
    if info.get("Signing-Key-Fingerprint") != computed:
        problems.append(Problem("bad signature", PUBKEY_FILE,
                                "the key does not match the fingerprint in bag-info.txt"))
    return computed


def verify_zip(path: Path, password: bytes | None = None) -> tuple[list[Problem], dict[str, str]]:
    """Check a bag in a ZIP: (problems, bag-info's fields); no problems means all is well."""
    check = check_zip(path, password)
    return check.problems, check.info
