"""verify-bundle: check a police bundle without the vault and without trusting it.

On top of the bag's own checks (``cybercase.export.verify``) a bundle's files must agree
with each other and with the bytes they describe: every hash in evidence.json and
evidence.csv is checked against the file it names, the evidence folder holds exactly the
items evidence.json lists, and the list of items embedded in report.pdf (see
``cybercase.documents.itemlist``) matches them too.

None of this proves who made the bundle: whoever forges one can recompute every hash and
sign it with their own key. What does is a value the checker computes itself and the
recipient compares with the school by phone: the ZIP's SHA-256 and the fingerprint of the
key that signed it. ``check_bundle`` reports both, and with ``expect`` refuses a bundle
signed by any other key.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cybercase.core.errors import UnlockError, UsageError
from cybercase.core.i18n import msg
from cybercase.documents import itemlist
from cybercase.export.bagit import CHUNK, PUBKEY_FILE, Problem, zip_errors
from cybercase.export.verify import Refused, check_zip, precheck

EVIDENCE_JSON = "data/evidence.json"
EVIDENCE_CSV = "data/evidence.csv"
REPORT = "data/report.pdf"


@dataclass
class BundleCheck:
    path: Path
    problems: list[Problem]
    info: dict[str, str]  # bag-info.txt as the bundle states it (not evidence of anything)
    sha256: str  # of the ZIP file, computed here
    fingerprint: str | None  # of the key in the bag, computed here
    expected: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def key_matches(self) -> bool | None:
        if self.expected is None:
            return None
        return self.fingerprint == self.expected

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "ok": self.ok,
            "problems": [{"kind": p.kind, "path": p.path, "message": p.message}
                         for p in self.problems],
            "bag_info": self.info, "sha256": self.sha256, "fingerprint": self.fingerprint,
            "expected_fingerprint": self.expected, "key_matches": self.key_matches,
        }


_HEX = re.compile(r"[0-9A-F]+")


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, colons, dashes, any case) in the form cybercase
    prints it; UsageError when it is not one."""
    digits = re.sub(r"[\s:.-]", "", text).upper()
    if len(digits) == 64 and _HEX.fullmatch(digits):
        digits = digits[:32]  # the whole SHA-256 of the key: its first half is the print
    if len(digits) != 32 or not _HEX.fullmatch(digits):
        raise UsageError(msg("export.verify.bad_expect", value=text))
    return " ".join(digits[i:i + 4] for i in range(0, 32, 4))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def bundle_encrypted(path: Path) -> bool:
    """Whether the ZIP's entries are encrypted (AES or ZipCrypto); UsageError if no ZIP."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(msg("export.verify.not_file", path=path))
    try:
        precheck(path)
    except Refused:
        return False  # not opened here: the check refuses it in one line
    try:
        with zipfile.ZipFile(path) as zf:
            return any(info.flag_bits & 0x1 for info in zf.infolist())
    except zip_errors():
        raise UsageError(msg("export.verify.not_zip", path=path)) from None


def _password(path: Path, passphrase: str | None) -> bytes | None:
    if not bundle_encrypted(path):
        return None
    if passphrase is None:
        raise UsageError(msg("export.verify.need_pass", path=path))
    password = passphrase.encode("utf-8")
    import pyzipper

    try:
        with pyzipper.AESZipFile(path) as zf:
            zf.setpassword(password)
            first = next((i for i in zf.infolist()
                          if not i.filename.endswith("/") and i.file_size), None)
            if first is not None:
                with zf.open(first) as fh:
                    fh.read(1)
    except RuntimeError:
        raise UnlockError(msg("export.verify.bad_pass", path=path)) from None
    except zip_errors():
        pass  # damaged rather than locked: the check names what is wrong
    return password


def check_bundle(path: Path, passphrase: str | None = None, expect: str | None = None
                 ) -> BundleCheck:
    """Check a bundle file; needs no vault. ``expect``: the key fingerprint the school
    read out (a bundle signed with another key is a problem)."""
    path = Path(path)
    expected = normal_fingerprint(expect) if expect is not None else None
    password = _password(path, passphrase)
    bag = check_zip(path, password, _contents)
    problems = bag.problems
    if expected is not None and bag.fingerprint != expected:
        problems.append(Problem(
            "wrong key", PUBKEY_FILE,
            f"the bundle was signed with key {bag.fingerprint or '(none)'}, not with the "
            f"expected {expected}: it does not come from that school, or the school uses "
            "another key now (ask them)"))
    return BundleCheck(path, problems, bag.info, file_sha256(path), bag.fingerprint, expected)


def verify_bundle(path: Path, passphrase: str | None = None
                  ) -> tuple[list[Problem], dict[str, str]]:
    """Check a bundle file: (problems by kind, bag-info fields). Needs no vault."""
    check = check_bundle(path, passphrase)
    return check.problems, check.info


# --- the bundle's files against each other -------------------------------------------------

Record = tuple[int, str, str, int]  # id, data/... file, sha256, size


def _records_json(raw: bytes, problems: list[Problem]) -> list[Record] | None:
    try:
        items = json.loads(raw.decode("utf-8"))["items"]
        return [(int(r["id"]), str(r["file"]), str(r["sha256"]).lower(), int(r["size"]))
                for r in items]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        problems.append(Problem("malformed", EVIDENCE_JSON,
                                "is not the bundle's list of evidence items"))
        return None


def _records_csv(raw: bytes, problems: list[Problem]) -> list[Record] | None:
    try:
        text = raw.decode("utf-8-sig")
        header = text.split("\n", 1)[0]
        # semicolons since the bundle is made for Dutch Excel; commas in older bundles
        delimiter = ";" if header.count(";") > header.count(",") else ","
        rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [(int(r["id"]), str(r["file"]), str(r["sha256"]).lower(), int(r["size"]))
                for r in rows]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, csv.Error):
        problems.append(Problem("malformed", EVIDENCE_CSV,
                                "is not the bundle's table of evidence items"))
        return None


def _compare(name: str, theirs: list[tuple[Any, ...]], ours: list[tuple[Any, ...]],
             problems: list[Problem]) -> None:
    """One line per item ``name`` describes differently from evidence.json (by id)."""
    mine = {row[0]: row for row in ours}
    other = {row[0]: row for row in theirs}
    if len(other) != len(theirs):
        problems.append(Problem("inconsistent", name, "names an item twice"))
    for item_id in sorted(set(mine) | set(other)):
        if item_id not in other:
            problems.append(Problem("inconsistent", name,
                                    f"does not list item {item_id}, which evidence.json lists"))
        elif item_id not in mine:
            problems.append(Problem("inconsistent", name,
                                    f"lists item {item_id}, which evidence.json does not"))
        elif other[item_id] != mine[item_id]:
            problems.append(Problem("inconsistent", name,
                                    f"describes item {item_id} differently from evidence.json "
                                    "(file or SHA-256)"))


def _contents(read: Callable[[str], bytes | None],
              stream: Callable[[str], Iterator[bytes] | None],
              digests: dict[str, tuple[str, int]], problems: list[Problem]) -> None:
    raw = read(EVIDENCE_JSON)
    records = _records_json(raw, problems) if raw is not None else None
    if records is None:
        return
    named: dict[str, int] = {}
    for item_id, file, sha256, size in records:
        if file in named:
            problems.append(Problem("inconsistent", EVIDENCE_JSON,
                                    f"names {file} for items {named[file]} and {item_id}"))
        named[file] = item_id
        computed = digests.get(file)
        if computed is None and any(p.path == file for p in problems):
            continue  # there but unreadable: already said
        if computed is None:
            problems.append(Problem("missing", file,
                                    f"evidence.json names it for item {item_id}, the bag "
                                    "does not hold it"))
        elif computed[0] != sha256:
            problems.append(Problem("checksum mismatch", file,
                                    f"evidence.json gives item {item_id} another SHA-256 "
                                    "than the file has"))
        elif computed[1] != size:
            problems.append(Problem("checksum mismatch", file,
                                    f"evidence.json gives item {item_id} another size than "
                                    "the file has"))
    for rel in sorted(r for r in digests if r.startswith("data/evidence/") and r not in named):
        problems.append(Problem("unexpected", rel, "evidence.json does not name it"))
    raw_csv = read(EVIDENCE_CSV)
    rows = _records_csv(raw_csv, problems) if raw_csv is not None else None
    if rows is not None:
        _compare(EVIDENCE_CSV, list(rows), list(records), problems)
    chunks = stream(REPORT)
    if chunks is None:
        return  # already reported: the manifest lists it
    try:
        listed = itemlist.find(chunks)
    except (itemlist.ListError, UnicodeDecodeError) as exc:
        problems.append(Problem("malformed", REPORT, f"its list of items is damaged ({exc})"))
        return
    except zip_errors():
        return  # a damaged report is already named by the hash check
    if listed is None:
        problems.append(Problem("inconsistent", REPORT,
                                "carries no list of its evidence items, so it cannot be "
                                "matched with the bag (made by an older cybercase, or altered)"))
        return
    _compare(REPORT, list(listed), [(i, f, s) for i, f, s, _ in records], problems)
