"""The report's list of evidence items, embedded in report.pdf in a form a checker can read
without a PDF library.

report.pdf is what a police officer reads and prints. So that a checker can tell whether
the report still describes the bag's payload (an item deleted or swapped, with
evidence.json, evidence.csv and the manifests edited to match, would otherwise go
unnoticed), the report carries its item list as an uncompressed attachment
(``bewijsstukken.txt``): plain lines between two marker lines, found by scanning the PDF's
bytes. See ``cybercase.export.bundlecheck``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

START = b"cybercase-report-items 1\n"
END = b"end cybercase-report-items\n"
ATTACHMENT = "bewijsstukken.txt"
MAX_LIST = 64 << 20

Entry = tuple[int, str, str]  # id, data/... path, sha256


def item_list(entries: Iterable[Entry]) -> bytes:
    lines = [START]
    for item_id, file, sha256 in entries:
        lines.append(f"{item_id}\t{file}\t{sha256}\n".encode())
    lines.append(END)
    return b"".join(lines)


class ListError(ValueError):
    pass


def parse(block: bytes) -> list[Entry]:
    entries: list[Entry] = []
    for number, line in enumerate(block.decode("utf-8").splitlines(), 1):
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].isdigit():
            raise ListError(f"line {number} of the item list is not 'id, file, SHA-256'")
        entries.append((int(parts[0]), parts[1], parts[2].lower()))
    return entries


def find(chunks: Iterator[bytes]) -> list[Entry] | None:
    """The item list in a PDF read as ``chunks``; None when there is none; ListError when
    it is damaged or there are two."""
    tail = b""
    block: bytearray | None = None
    found: list[Entry] | None = None
    for chunk in chunks:
        data = tail + chunk
        while data:
            if block is None:
                at = data.find(START)
                if at < 0:
                    tail = data[-len(START):]
                    break
                if found is not None:
                    raise ListError("the report carries two item lists")
                block = bytearray()
                data = data[at + len(START):]
                tail = b""
                continue
            block += data
            data = b""
            end = block.find(END)
            if end >= 0:
                found = parse(bytes(block[:end]))
                data = bytes(block[end + len(END):])
                block = None
            elif len(block) > MAX_LIST:
                raise ListError("the report's item list has no end")
            tail = b""
    if block is not None:
        raise ListError("the report's item list has no end")
    return found
