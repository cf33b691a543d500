"""Evidence core: ingest, content addressing, metadata, images, extract, withdraw, verify.

Real things only: a real SQLCipher vault, real files and images made here with Pillow, real
libmagic, real decoder worker processes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import struct
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from cybercase.cases.cases import create_case
from cybercase.core.errors import NotFound, PermissionDenied, UsageError, VaultCorrupt
from cybercase.evidence import (
    MinorReport,
    Stated,
    extract,
    get_item,
    imaging,
    ingest,
    list_items,
    list_minor_reports,
    record_minor_report,
    withdraw,
)
from cybercase.evidence.stated import MSG
from cybercase.evidence.store import CHUNK
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.views.verify import verify_vault

PASS = "correct horse battery staple"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"  # an MP4 header


# --- image makers ------------------------------------------------------------------------


def picture(seed: int = 1, size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A photo-like picture: gradient background and a few shapes (seeded)."""
    w, h = size
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(img)
    rnd = __import__("random").Random(seed)
    for _ in range(6):
        x0, y0 = rnd.randrange(w - 60), rnd.randrange(h - 60)
        draw.ellipse((x0, y0, x0 + rnd.randint(40, 160), y0 + rnd.randint(40, 160)),
                     fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    return img


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def jpeg_bytes(img: Image.Image, quality: int = 85, exif: Image.Exif | None = None) -> bytes:
    buf = io.BytesIO()
    if exif is not None:
        img.save(buf, "JPEG", quality=quality, exif=exif)
    else:
        img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def case(vault: Vault) -> str:
    return create_case(vault, "WhatsApp group 7b").ref


def one(vault: Vault, ref: str, *paths: Path, stated: Stated | None = None) -> list[dict]:
    return [r.to_json() for r in ingest(vault, ref, [str(p) for p in paths], stated)]


def count(vault: Vault, table: str) -> int:
    return int(vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# --- storing and getting back ----------------------------------------------------------


@pytest.mark.posix_only  # file modes (0600)
def test_ingest_folder_recursively_and_extract_byte_for_byte(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    a = write(src / "chat.png", png_bytes(picture(1)))
    b = write(src / "sub" / "deeper" / "notes.txt", b"you are not invited\n" * 50)
    c = write(src / "sub" / "video.mp4", MP4 + os.urandom(3 * CHUNK + 17 - len(MP4)))
    results = one(vault, case, src)
    by_path = {r["path"]: r for r in results}
    # an MP4 header over random bytes is no readable video: stored, and flagged as such
    assert [by_path[str(p)]["status"] for p in (a, b, c)] == ["stored", "stored", "flagged"]
    assert "looks like a video" in by_path[str(c)]["flags"][0]
    for path in (a, b, c):
        r = by_path[str(path)]
        assert r["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        out = tmp_path / f"out-{path.name}"
        extract(vault, r["id"], out)
        assert out.read_bytes() == path.read_bytes()
        assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert by_path[str(c)]["size"] == 3 * CHUNK + 17
    assert vault.conn.execute(
        "SELECT chunks FROM blobs WHERE sha256 = ?", (by_path[str(c)]["sha256"],)
    ).fetchone()[0] == 4


def test_large_file_streams_through_staging_and_keeps_no_staging_rows(
    vault: Vault, case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # force the streaming path
    monkeypatch.setattr(sys.modules["cybercase.evidence.ingest"], "SMALL", CHUNK)
    data = MP4 + os.urandom(5 * CHUNK + 3)
    big = write(tmp_path / "rec.mp4", data)
    first = one(vault, case, big)[0]
    assert first["status"] == "flagged"  # no readable video behind the MP4 header
    # same content again into the same case: duplicate, and the staged copy is gone
    again = one(vault, case, write(tmp_path / "copy.mp4", data))[0]
    assert again["status"] == "duplicate" and again["id"] == first["id"]
    # into another case: shared content
    other = create_case(vault, "Other case").ref
    third = one(vault, other, big)[0]
    assert third["status"] == "flagged" and third["also_in"] == [case]
    assert count(vault, "blobs") == 1
    assert count(vault, "blob_chunks") == 6  # 5 MiB + 27 bytes
    assert vault.conn.execute(
        "SELECT count(*) FROM blobs WHERE sha256 LIKE 'staging:%'").fetchone()[0] == 0
    out = tmp_path / "back.mp4"
    extract(vault, third["id"], out)
    assert out.read_bytes() == data


def test_same_bytes_twice_same_case_duplicate_other_case_shared(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    data = png_bytes(picture(2))
    first = one(vault, case, write(tmp_path / "a.png", data))[0]
    dup = one(vault, case, write(tmp_path / "renamed.png", data))[0]
    assert dup["status"] == "duplicate"
    assert dup["id"] == first["id"]
    assert dup["reason"] == MSG["duplicate"].format(id=first["id"])
    other = create_case(vault, "Second case").ref
    shared = one(vault, other, tmp_path / "a.png")[0]
    assert shared["status"] == "stored" and shared["id"] != first["id"]
    assert shared["also_in"] == [case]
    assert case in (shared["reason"] or "")
    assert count(vault, "blobs") == 1 and count(vault, "evidence_items") == 2


def test_recorded_metadata_measured_and_stated_apart(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    exif = Image.Exif()
    exif[0x0132] = "2026:11:02 21:14:05"
    photo = write(tmp_path / "IMG_0001.jpg", jpeg_bytes(picture(3), exif=exif))
    os.utime(photo, (1_700_000_000, 1_700_000_000))
    stated = Stated(
        captured_by="parent: mother of the pupil", device="iPhone, WhatsApp",
        platform="WhatsApp", url="https://chat.whatsapp.com/abc", accounts=["@fake7b", "+31 6"],
        shown_time="21:14", description="Group chat, insults", tags=["belediging", "Smaad"],
    )
    r = one(vault, case, photo, stated=stated)[0]
    item = get_item(vault, r["id"])
    assert item.mime == "image/jpeg"
    assert item.original_name == "IMG_0001.jpg" and item.extension == ".jpg"
    assert item.ingested_by == "anna"
    assert item.file_mtime == "2023-11-14T22:13:20.000000Z"
    assert item.image is not None
    assert (item.image["width"], item.image["height"], item.image["format"]) == (400, 300, "JPEG")
    assert item.image["exif_time"] == "2026:11:02 21:14:05"
    assert item.stated == {
        "captured_by": "parent: mother of the pupil", "device": "iPhone, WhatsApp",
        "platform": "WhatsApp", "url": "https://chat.whatsapp.com/abc",
        "accounts": ["@fake7b", "+31 6"], "shown_time": "21:14",
        "description": "Group chat, insults", "offence_tags": ["belediging", "smaad"],
    }
    measured = item.to_json()
    assert "platform" not in measured and "shown_time" not in measured
    # the measured facts cannot be changed afterwards
    with pytest.raises(Exception, match="cannot be changed"):
        vault.conn.execute("UPDATE evidence_items SET sha256 = 'x' WHERE id = ?", (item.id,))


@pytest.mark.parametrize("field,value", [
    ("tags", ["not-an-offence"]), ("captured_by", "neighbour"), ("description", "a\nb"),
    ("url", "x" * 3000),
])
def test_bad_stated_values_refused_before_anything_is_read(
    vault: Vault, case: str, tmp_path: Path, field: str, value: object
) -> None:
    f = write(tmp_path / "a.txt", b"hello")
    with pytest.raises(UsageError):
        ingest(vault, case, [str(f)], Stated(**{field: value}))  # type: ignore[arg-type]
    assert count(vault, "evidence_items") == 0


def test_unknown_case_and_no_paths(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        ingest(vault, "2026-999", [str(write(tmp_path / "a.txt", b"x"))])
    ref = create_case(vault, "c").ref
    with pytest.raises(UsageError, match="no files given"):
        ingest(vault, ref, [])


# --- bad input --------------------------------------------------------------------------


@pytest.mark.posix_only  # a FIFO and symlinks
def test_bad_input_batch_goes_on_with_a_status_per_file(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    good = write(src / "good.png", png_bytes(picture(4)))
    write(src / "empty.txt", b"")
    write(src / "wrong-ext.jpg", png_bytes(picture(5)))
    # seeded: about 1 in 80 random blocks looks like some format to libmagic (a flaky test)
    write(src / "random.jpg", random.Random(239).randbytes(4096))
    full = png_bytes(picture(6, (800, 600)))
    write(src / "truncated.png", full[: len(full) // 2])
    write(src / "huge.png", png_claiming(20_000, 10_000))  # claims 200 megapixels
    (src / "link.png").symlink_to(good)
    (src / "loop").symlink_to(src)  # a folder symlink loop
    os.mkfifo(src / "pipe")
    missing = tmp_path / "nope.png"
    # A named path that does not exist refuses the whole batch before anything is stored.
    with pytest.raises(UsageError, match=r"no such file or folder: .*nope\.png"):
        one(vault, case, src, missing)
    assert count(vault, "evidence_items") == 0
    results = {Path(r["path"]).name: r for r in one(vault, case, src)}
    assert results["good.png"]["status"] == "stored"
    assert results["empty.txt"]["status"] == "error"
    assert results["empty.txt"]["reason"] == MSG["empty"]
    assert results["link.png"]["reason"] == MSG["symlink"]
    assert results["loop"]["reason"] == MSG["symlink"]
    assert results["pipe"]["reason"] == MSG["special"]
    wrong = results["wrong-ext.jpg"]
    assert wrong["status"] == "flagged" and wrong["mime"] == "image/png"
    assert "'.jpg'" in wrong["flags"][0]
    rnd = results["random.jpg"]
    assert rnd["status"] == "flagged" and rnd["mime"] == "application/octet-stream"
    trunc = results["truncated.png"]
    assert trunc["status"] == "flagged" and "damaged or truncated" in trunc["flags"][0]
    huge = results["huge.png"]
    assert huge["status"] == "flagged" and "200 megapixels" in huge["flags"][0]
    # flagged items are stored all the same, byte for byte
    for name in ("truncated.png", "huge.png", "random.jpg"):
        out = tmp_path / f"back-{name}"
        extract(vault, results[name]["id"], out)
        assert out.read_bytes() == (src / name).read_bytes()
    assert count(vault, "evidence_items") == 5


@pytest.mark.posix_only  # chmod 000 makes a file unreadable only on POSIX
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads every file")
def test_unreadable_file_is_an_error(vault: Vault, case: str, tmp_path: Path) -> None:
    f = write(tmp_path / "secret.txt", b"x")
    f.chmod(0)
    r = one(vault, case, f)[0]
    assert r["status"] == "error" and "cannot be read" in r["reason"]


def test_names_with_newlines_and_non_utf8_bytes(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    raw_dir = os.fsencode(tmp_path)
    weird = raw_dir + b"/chat\xff\xfe 7b\n(1).txt"
    with open(weird, "wb") as fh:
        fh.write(b"hello")
    r = ingest(vault, case, [os.fsdecode(weird)])[0]
    json.dumps(r.to_json(), ensure_ascii=False).encode("utf-8")  # valid UTF-8 JSON
    assert r.status == "stored"
    assert r.path.endswith("chat\\xff\\xfe 7b\n(1).txt")
    item = get_item(vault, r.id or 0)
    assert item.original_name == "chat\\xff\\xfe 7b\n(1).txt"
    raw = vault.conn.execute(
        "SELECT original_name_raw FROM evidence_items WHERE id = ?", (item.id,)).fetchone()[0]
    assert bytes(raw) == b"chat\xff\xfe 7b\n(1).txt"


def test_folder_with_10000_files(vault: Vault, case: str, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for i in range(10_000):
        # 20 distinct contents, the rest repeats: keeps the suite fast (few commits)
        (folder / f"msg{i:05d}.txt").write_bytes(f"message {i % 20}\n".encode())
    seen: list[int] = []
    results = ingest(vault, case, [str(folder)], progress=lambda p: seen.append(p.files_done))
    assert len(results) == 10_000
    statuses = [r.status for r in results]
    assert statuses.count("stored") == 20 and statuses.count("duplicate") == 9_980
    assert seen[-1] == 10_000
    assert count(vault, "evidence_items") == 20


# --- images -----------------------------------------------------------------------------


def test_near_duplicate_across_cases(vault: Vault, case: str, tmp_path: Path) -> None:
    original = picture(7, (600, 800))
    first = one(vault, case, write(tmp_path / "orig.png", png_bytes(original)))[0]
    other = create_case(vault, "Forwarded").ref
    # forwarded: scaled down and recompressed as a low-quality JPEG
    forwarded = original.resize((450, 600))
    fwd = one(vault, other, write(tmp_path / "fwd.jpg", jpeg_bytes(forwarded, quality=35)))[0]
    assert [n["id"] for n in fwd["near_duplicates"]] == [first["id"]]
    assert fwd["near_duplicates"][0]["case"] == case
    unrelated = one(vault, other, write(tmp_path / "other.png", png_bytes(picture(99))))[0]
    assert unrelated["near_duplicates"] == []


def test_hashes_and_hamming() -> None:
    img = picture(8)
    assert len(imaging.dhash(img)) == 16 and len(imaging.ahash(img)) == 16
    assert imaging.hamming("ff", "0f") == 4
    info = imaging.analyse(png_bytes(img))
    assert info.flags == [] and info.dhash == imaging.dhash(img.convert("L"))


def test_decompression_bomb_is_flagged_not_decoded() -> None:
    # the header claims 225 megapixels: never decoded
    info = imaging.analyse(png_claiming(15_000, 15_000))
    assert info.dhash is None
    assert info.flags == [imaging.flag(imaging.FLAG_TOO_LARGE, mp=225.0, limit=120)]
    # twice the limit and more: Pillow raises an error instead of a warning, same flag
    assert imaging.analyse(png_claiming(30_000, 30_000)).flags[0]["key"] == imaging.FLAG_TOO_LARGE
    assert imaging.analyse(b"\x89PNG\r\n\x1a\n garbage").flags  # unreadable: flagged


def test_decoder_pool_survives_a_killed_worker() -> None:
    pool = imaging.DecoderPool(1)
    try:
        data = png_bytes(picture(9))
        assert pool.submit(data).result().dhash is not None
        pool._procs[0].kill()
        pool._procs[0].wait()
        again = pool.submit(data).result()  # a fresh worker takes over
        assert again.dhash is not None and again.flags == []
    finally:
        pool.close()


# --- sexual images of minors --------------------------------------------------------------


def test_sexual_minor_records_description_only(vault: Vault, case: str, tmp_path: Path) -> None:
    f = write(tmp_path / "do-not-store.jpg", jpeg_bytes(picture(10)))
    report = MinorReport(seen_where="on a pupil's phone", platform="Snapchat",
                         url="https://snapchat.com/x", accounts=["@x"], description="...")
    with pytest.raises(UsageError, match="never takes a file"):
        record_minor_report(vault, case, report, [str(f)])
    assert count(vault, "minor_sexual_reports") == 0
    with pytest.raises(UsageError):
        record_minor_report(vault, case, MinorReport())
    rid = record_minor_report(vault, case, report)
    assert count(vault, "blobs") == 0 and count(vault, "evidence_items") == 0
    [saved] = list_minor_reports(vault, case)
    assert saved["id"] == rid and saved["platform"] == "Snapchat" and saved["accounts"] == ["@x"]
    assert entries(vault.conn)[-1].action == "evidence.minor_report"


# --- withdraw, roles, audit, verify ------------------------------------------------------


def test_withdraw_keeps_item_and_record(vault: Vault, case: str, tmp_path: Path) -> None:
    r = one(vault, case, write(tmp_path / "a.txt", b"hello"))[0]
    with pytest.raises(UsageError):
        withdraw(vault, r["id"], "   ")
    item = withdraw(vault, r["id"], "belongs to another pupil's case")
    assert item.withdrawn is not None and item.withdrawn["by"] == "anna"
    assert [i.id for i in list_items(vault, case)] == [r["id"]]
    assert list_items(vault, case, include_withdrawn=False) == []
    with pytest.raises(UsageError, match="already withdrawn"):
        withdraw(vault, r["id"], "again")
    out = tmp_path / "still.txt"
    extract(vault, r["id"], out)
    assert out.read_bytes() == b"hello"
    with pytest.raises(NotFound):
        withdraw(vault, 999, "x")
    with pytest.raises(UsageError):
        get_item(vault, "abc")


def test_roles_and_audit(vault: Vault, vault_dir: Path, case: str, tmp_path: Path) -> None:
    r = one(vault, case, write(tmp_path / "a.txt", b"hello"))[0]
    vault.add_user("dirk", "viewer", PASS)
    viewer = Vault.open(vault_dir, "dirk", PASS)
    try:
        with pytest.raises(PermissionDenied):
            ingest(viewer, case, [str(tmp_path / "a.txt")])
        with pytest.raises(PermissionDenied):
            withdraw(viewer, r["id"], "no")
        assert [i.id for i in list_items(viewer, case)] == [r["id"]]
        extract(viewer, r["id"], tmp_path / "read-by-dirk.txt")
    finally:
        viewer.close()
    log = entries(vault.conn)
    ing = [e for e in log if e.action == "evidence.ingest"]
    assert len(ing) == 1 and ing[0].object == f"evidence {r['id']}" and ing[0].case_ref == case
    ext = [e for e in log if e.action == "evidence.extract"]
    assert [(e.actor, e.object) for e in ext] == [("dirk", f"evidence {r['id']}")]


def test_extract_refuses_existing_file_and_missing_folder(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    r = one(vault, case, write(tmp_path / "a.txt", b"hello"))[0]
    existing = write(tmp_path / "exists.txt", b"keep me")
    with pytest.raises(UsageError, match="already exists"):
        extract(vault, r["id"], existing)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(UsageError, match="does not exist"):
        extract(vault, r["id"], tmp_path / "no" / "such" / "dir.txt")


def test_verify_rehashes_and_names_the_altered_item(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    a = one(vault, case, write(tmp_path / "a.txt", b"hello"))[0]
    b = one(vault, case, write(tmp_path / "b.txt", b"world"))[0]
    report = verify_vault(vault)
    assert report.ok and report.checked["evidence_items"] == 2
    assert report.checked["evidence_bytes_rehashed"] == 10
    # someone with the key and a raw connection alters stored content
    vault.conn.execute("DROP TRIGGER blob_chunks_no_update")
    vault.conn.execute(
        "UPDATE blob_chunks SET data = ? WHERE blob_id = (SELECT blob_id FROM evidence_items"
        " WHERE id = ?)", (b"HELLO", b["id"]))
    report = verify_vault(vault)
    assert not report.ok
    altered = [p for p in report.problems if "safeguard" not in p]
    assert len(altered) == 1 and f"evidence {b['id']} " in altered[0]
    assert any("'blob_chunks_no_update' was removed" in p for p in report.problems)
    out = tmp_path / "b-out.txt"
    with pytest.raises(VaultCorrupt):
        extract(vault, b["id"], out)
    assert not out.exists()  # nothing altered leaves the vault
    extract(vault, a["id"], tmp_path / "a-out.txt")
