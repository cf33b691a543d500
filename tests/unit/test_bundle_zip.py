"""ZIPs that could harm the checking machine are refused in one line: duplicate entry
names, entries that are not regular files, oversized entries, and a zip bomb (a ~6 MB
entry inflating to 6 GiB: bounded memory, quick). Real bundles from a real export."""

from __future__ import annotations

import stat
import struct
import subprocess
import sys
import time
import tracemalloc
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest
import pyzipper
from PIL import Image

from cybercase.cases.cases import create_case
from cybercase.evidence import ingest
from cybercase.export import verify
from cybercase.export.bundle import export_case
from cybercase.export.bundlecheck import check_bundle
from cybercase.vault import Vault

BAG = "2026-001 bewijs"
EVIDENCE = f"{BAG}/data/evidence/001_a.png"
PASS = "a long bundle passphrase"


@pytest.fixture
def bundle(vault: Vault, tmp_path: Path) -> Path:
    paths = []
    for n, colour in enumerate(((200, 0, 0), (0, 0, 200))):
        path = tmp_path / f"{'ab'[n]}.png"
        Image.new("RGB", (60, 40), colour).save(path)
        paths.append(str(path))
    ref = create_case(vault, "Groepsapp").ref
    ingest(vault, ref, paths, workers=0)
    out = tmp_path / "bundle.zip"
    export_case(vault, ref, out)
    return out


def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def rebuilt(src: Path, dst: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name
        with zipfile.ZipFile(dst, "w") as zf:
            for info, data in members(src):
                zf.writestr(info, data)
            for info_or_name, data in extra:
                zf.writestr(info_or_name, data)
    return dst


def one_refusal(path: Path, words: str, passphrase: str | None = None) -> None:
    problems = check_bundle(path, passphrase).problems
    assert len(problems) == 1, problems
    assert problems[0].kind == "refused" and words in problems[0].message, problems[0]


def test_duplicate_entry_names_are_refused(bundle: Path, tmp_path: Path) -> None:
    assert check_bundle(bundle).problems == []
    same = rebuilt(bundle, tmp_path / "dup.zip", [(EVIDENCE, b"another picture")])
    one_refusal(same, "appears twice")
    case = rebuilt(bundle, tmp_path / "case.zip", [(EVIDENCE.upper(), b"x")])
    one_refusal(case, "appears twice")


def _info(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


@pytest.mark.parametrize(("mode", "name", "words"), [
    (stat.S_IFLNK | 0o777, f"{BAG}/data/evidence/009_link.png", "symbolic link"),
    (stat.S_IFCHR | 0o600, f"{BAG}/data/evidence/009_dev", "device"),
    (stat.S_IFIFO | 0o600, f"{BAG}/data/evidence/009_fifo", "device, pipe or socket"),
    (stat.S_IFDIR | 0o700, f"{BAG}/data/evidence/009_dir/", "folder that carries data"),
])
def test_entries_that_are_not_regular_files_are_refused(
    bundle: Path, tmp_path: Path, mode: int, name: str, words: str
) -> None:
    bad = rebuilt(bundle, tmp_path / "odd.zip", [(_info(name, mode), b"/etc/passwd")])
    one_refusal(bad, words)


def test_entries_bigger_than_the_bounds_are_refused(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "MAX_MEMBER_BYTES", 100)
    one_refusal(bundle, "at most 100 are accepted")
    monkeypatch.undo()
    monkeypatch.setattr(verify, "MAX_TAG_BYTES", 10)  # read through the bounded reader
    one_refusal(bundle, "holds more than 10 bytes")


# --- a zip bomb, written by hand (zipfile cannot write raw deflate data) ---------------------


def _deflated_zeros(gib: int) -> bytes:
    """Raw deflate data of ``gib`` GiB of zeros (~6.2 MB for 6 GiB), made in a blink:
    after a full flush every MiB of zeros compresses to the same bytes."""
    zeros = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    return block * (gib << 10) + c.flush()


def _raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP of (name, data as stored, method, declared size, crc); ZIP64 sizes."""
    out = bytearray()
    central = bytearray()
    for name, data, method, size, crc in entries:
        raw = name.encode()
        extra = struct.pack("<HHQQ", 1, 16, size, len(data))
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, method, 0, 0x21, crc,
                           0xFFFFFFFF, 0xFFFFFFFF, len(raw), len(extra)) + raw + extra + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, method, 0, 0x21,
                               crc, 0xFFFFFFFF, 0xFFFFFFFF, len(raw), len(extra), 0, 0, 0,
                               0o100600 << 16, offset) + raw + extra
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                       len(central), start, 0)
    return bytes(out)


def _bomb(bundle: Path, dst: Path, declared: int) -> Path:
    entries = [(info.filename, data, 0, len(data), zlib.crc32(data))
               for info, data in members(bundle) if info.filename != EVIDENCE]
    entries.insert(0, (EVIDENCE, _deflated_zeros(6), zipfile.ZIP_DEFLATED, declared, 0))
    dst.write_bytes(_raw_zip(entries))
    return dst


def _measured(path: Path) -> tuple[list[verify.Problem], float, int]:
    tracemalloc.start()
    clock = time.perf_counter()
    try:
        problems = check_bundle(path).problems
        return problems, time.perf_counter() - clock, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_fails_in_one_line_in_bounded_memory_and_quickly(
    bundle: Path, tmp_path: Path
) -> None:
    honest = _bomb(bundle, tmp_path / "bomb.zip", declared=6 << 30)
    assert 5_000_000 < honest.stat().st_size < 8_000_000
    problems, seconds, peak = _measured(honest)
    assert [p.kind for p in problems] == ["refused"] and "ZIP bomb" in problems[0].message
    assert seconds < 5 and peak < 32 << 20, (seconds, peak)
    # the header lies (says 6 MiB): the reader stops there, the file fails its CRC
    lying = _bomb(bundle, tmp_path / "lying.zip", declared=6 << 20)
    problems, seconds, peak = _measured(lying)
    assert len(problems) == 1 and problems[0].path == "data/evidence/001_a.png", problems
    assert seconds < 10 and peak < 32 << 20, (seconds, peak)
    # the real command, in its own process: one line, exit 1, quickly
    clock = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cybercase", "verify-bundle", str(honest)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and time.perf_counter() - clock < 30
    assert done.stdout.count("\n") == 1 and "ZIP bomb" in done.stdout
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_an_encrypted_bundle_gets_the_same_checks(vault: Vault, bundle: Path,
                                                 tmp_path: Path) -> None:
    ref = "2026-001"
    secret = tmp_path / "secret.zip"
    export_case(vault, ref, secret, encrypt_passphrase=PASS)
    assert check_bundle(secret, PASS).problems == []
    dup = tmp_path / "secret-dup.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pyzipper.AESZipFile(secret) as src, pyzipper.AESZipFile(
                dup, "w", encryption=pyzipper.WZ_AES) as zf:
            src.setpassword(PASS.encode())
            zf.setpassword(PASS.encode())
            names = src.namelist()
            for name in names:
                zf.writestr(name, src.read(name))
            zf.writestr(names[0], b"a second copy")
    one_refusal(dup, "appears twice", PASS)


def test_a_huge_table_of_contents_is_refused_before_it_is_read(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # read from the ZIP's end record, before zipfile builds an object per entry
    monkeypatch.setattr(verify, "MAX_MEMBERS", 5)
    one_refusal(bundle, "table of contents claims")
    monkeypatch.undo()
    monkeypatch.setattr(verify, "MAX_DIRECTORY", 100)
    one_refusal(bundle, "table of contents claims")
