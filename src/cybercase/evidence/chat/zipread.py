"""A chat export ZIP read as hostile input: only its central directory is trusted as far
as it is checked, and nothing of it ever reaches the disk.

The ZIP is read from the vault (in memory, or chunk by chunk through
:class:`cybercase.evidence.store.BlobReader`),
never from a temporary file. Before any member is unpacked the whole directory is checked:
the number of members, each member's size, their total and the compression ratio are
bounded (a bomb refuses the whole unpacking in one line; the ZIP itself is stored as it
came). Member names are labels only (nothing is written under them), but a name that would
escape a folder (``../``, an absolute path, a drive letter), a symbolic link, an encrypted
member and a second member with the same name are not unpacked and are named in the
item's flags. zipfile itself stops at a member's recorded size and checks its CRC.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from dataclasses import dataclass, field
from typing import IO

from cybercase.core.i18n import msg

MAX_MEMBERS = 20_000  # WhatsApp caps an export with media at about 10,000 messages
MAX_MEMBER_BYTES = 1024 * 1024 * 1024  # one file (a long video)
MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024  # everything unpacked
MAX_CHAT_BYTES = 64 * 1024 * 1024  # the chat text (40,000 messages are about 4 MB)
MAX_RATIO = 200  # unpacked / packed, for members above RATIO_FROM bytes
RATIO_FROM = 8 * 1024 * 1024
MAX_ENTRY_BYTES = 1024  # a directory entry with a long name and extras

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHAT_NAME = re.compile(r"(?:^|/)(?:_chat\.txt|WhatsApp[^/]*\.txt)$", re.I)


class ZipRefused(Exception):
    """The ZIP is not unpacked at all (a bomb or too big); the reason is a Msg."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Checked:
    chat: zipfile.ZipInfo
    media: list[zipfile.ZipInfo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Msg, one per refused member


def directory_size(fp: IO[bytes]) -> tuple[int, int] | None:
    """(entries, bytes) the ZIP's central directory declares, read from its end record
    before zipfile parses anything (so a directory of a million entries is never read)."""
    fp.seek(0, io.SEEK_END)
    size = fp.tell()
    start = max(0, size - (0xFFFF + 22))
    fp.seek(start)
    tail = fp.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None
    entries = int.from_bytes(tail[at + 10:at + 12], "little")
    length = int.from_bytes(tail[at + 12:at + 16], "little")
    locator = tail.rfind(b"PK\x06\x07", 0, at)
    if (entries == 0xFFFF or length == 0xFFFFFFFF) and locator >= 0:
        fp.seek(int.from_bytes(tail[locator + 8:locator + 16], "little"))
        record = fp.read(56)
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            entries = int.from_bytes(record[32:40], "little")
            length = int.from_bytes(record[40:48], "little")
    fp.seek(0)
    return entries, length


def too_many(fp: IO[bytes]) -> int | None:
    """The declared number of entries when the directory is over the limits, else None."""
    declared = directory_size(fp)
    if declared is None:
        return None
    entries, length = declared
    if entries > MAX_MEMBERS or length > MAX_MEMBERS * MAX_ENTRY_BYTES:
        return max(entries, length // MAX_ENTRY_BYTES)
    return None


def unsafe_name(name: str) -> bool:
    if not name or "\x00" in name or name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    return any(part == ".." for part in re.split(r"[/\\]", name))


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def find_chat(zf: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The chat text of an export: ``_chat.txt`` (iOS), ``WhatsApp...txt``, or the only .txt."""
    texts = [i for i in zf.infolist() if not unsafe_name(i.filename) and not i.is_dir()
             and i.filename.lower().endswith(".txt")]
    named = [i for i in texts if _CHAT_NAME.search(i.filename)]
    if named:
        return named[0]
    return texts[0] if len(texts) == 1 else None


def check(zf: zipfile.ZipFile, chat: zipfile.ZipInfo) -> Checked:
    """Check the whole directory before anything is unpacked (raises ZipRefused)."""
    out = Checked(chat)
    if len(zf.infolist()) > MAX_MEMBERS:
        raise ZipRefused(msg("chat.flag.zip_members", n=len(zf.infolist()),
                             limit=MAX_MEMBERS))
    total = 0
    seen: set[str] = set()
    for info in zf.infolist():
        name = info.filename
        if info.file_size > MAX_MEMBER_BYTES:
            raise ZipRefused(msg("chat.flag.zip_member_big", name=name,
                                 mb=info.file_size // (1024 * 1024),
                                 limit=MAX_MEMBER_BYTES // (1024 * 1024)))
        if (info.file_size > RATIO_FROM
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise ZipRefused(msg("chat.flag.zip_bomb", name=name,
                                 ratio=info.file_size // max(info.compress_size, 1)))
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ZipRefused(msg("chat.flag.zip_total",
                                 limit=MAX_TOTAL_BYTES // (1024 * 1024 * 1024)))
        if unsafe_name(name):  # first: an empty name breaks ZipInfo.is_dir()
            out.problems.append(msg("chat.flag.zip_unsafe", name=name))
        elif info.is_dir():
            continue
        elif _is_link(info):
            out.problems.append(msg("chat.flag.zip_link", name=name))
        elif info.flag_bits & 0x1:
            out.problems.append(msg("chat.flag.zip_encrypted", name=name))
        elif name in seen:
            out.problems.append(msg("chat.flag.zip_twice", name=name))
        elif info is not chat:
            out.media.append(info)
        seen.add(name)
    if chat.file_size > MAX_CHAT_BYTES:
        raise ZipRefused(msg("chat.flag.too_big", mb=chat.file_size // (1024 * 1024),
                             limit=MAX_CHAT_BYTES // (1024 * 1024)))
    return out


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes (at most ``limit``; zipfile checks the size and the CRC)."""
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ZipRefused(msg("chat.flag.zip_member_big", name=info.filename,
                             mb=len(data) // (1024 * 1024), limit=limit // (1024 * 1024)))
    return data


def open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    return zf.open(info)
