"""The BagIt writer and verifier on real ZIPs, checked with independent tools too."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import bagit
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cybercase.core.errors import UsageError
from cybercase.export.bagit import PayloadFile, bytes_payload, safe_name, write_bag
from cybercase.export.verify import verify_zip
from tests.helpers import rewrite_zip, small_tmpfs

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def _bag(tmp_path: Path, key: Ed25519PrivateKey | None = None) -> Path:
    out = tmp_path / "bundle.zip"
    write_bag(
        out, "2026-001 bundle",
        [("Source-Organization", "OBS De Pirouette"), ("External-Identifier", "2026-001")],
        [bytes_payload("evidence/001_chat.png", PNG),
         bytes_payload("evidence/002_notes.txt", "héllo\n".encode())],
        {"VERIFY.txt": b"how to check\n"},
        key or Ed25519PrivateKey.generate(),
    )
    return out


def test_bag_validates_independently(tmp_path: Path) -> None:
    out = _bag(tmp_path)
    assert verify_zip(out)[0] == []
    shutil.unpack_archive(out, tmp_path / "x")
    root = tmp_path / "x" / "2026-001 bundle"
    bag = bagit.Bag(str(root))
    bag.validate()  # raises on any problem
    assert bag.info["Payload-Oxum"] == f"{len(PNG) + 7}.2"
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "-c", "manifest-sha256.txt"], cwd=root, check=True,
                       capture_output=True)
        subprocess.run(["sha256sum", "-c", "tagmanifest-sha256.txt"], cwd=root, check=True,
                       capture_output=True)


@pytest.mark.parametrize(
    ("change", "kind", "where"),
    [
        ({"B/data/evidence/001_chat.png": PNG[:-1] + b"\x00"}, "checksum mismatch",
         "data/evidence/001_chat.png"),
        ({"B/data/evidence/002_notes.txt": None}, "missing", "data/evidence/002_notes.txt"),
        ({"B/data/evidence/003_extra.jpg": b"extra"}, "unexpected", "data/evidence/003_extra.jpg"),
        ({"B/manifest-sha256.txt": (hashlib.sha256(b"forged").hexdigest()
                                    + "  data/evidence/002_notes.txt\n").encode()},
         "checksum mismatch", "manifest-sha256.txt"),
    ],
)
def test_tampering_is_named(
    tmp_path: Path, change: dict[str, bytes | None], kind: str, where: str
) -> None:
    out = _bag(tmp_path)
    fixed = {k.replace("B/", "2026-001 bundle/"): v for k, v in change.items()}
    bad = tmp_path / "bad.zip"
    rewrite_zip(out, bad, fixed)
    problems = verify_zip(bad)[0]
    assert any(p.kind == kind and p.path == where for p in problems), problems


def test_forged_tagmanifest_breaks_signature(tmp_path: Path) -> None:
    out = _bag(tmp_path)
    root = "2026-001 bundle/"
    with zipfile.ZipFile(out) as zf:
        info = zf.read(root + "bag-info.txt").replace(b"OBS De Pirouette", b"Other School")
        tagm = zf.read(root + "tagmanifest-sha256.txt").decode()
    old = hashlib.sha256(info.replace(b"Other School", b"OBS De Pirouette")).hexdigest()
    tagm = tagm.replace(old, hashlib.sha256(info).hexdigest())
    bad = tmp_path / "forged.zip"
    rewrite_zip(
        out, bad, {root + "bag-info.txt": info, root + "tagmanifest-sha256.txt": tagm.encode()}
    )
    kinds = {p.kind for p in verify_zip(bad)[0]}
    assert kinds == {"bad signature"}


def test_refuses_existing_output_and_leaves_nothing(tmp_path: Path) -> None:
    out = _bag(tmp_path)
    with pytest.raises(UsageError, match="already exists"):
        _bag(tmp_path)
    with pytest.raises(UsageError, match="does not exist"):
        write_bag(tmp_path / "no" / "x.zip", "b", [], [], {}, Ed25519PrivateKey.generate())
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_safe_names() -> None:
    for hostile in ("a/b\\c", "line\nbreak.png", "..", "x\x00y", "100%.png", "CON:.txt"):
        name = safe_name(hostile)
        assert "/" not in name and "\\" not in name and ".." not in name
        assert all(ord(c) >= 32 for c in name) and "%" not in name
    assert safe_name("screenshot 12.34.png") == "screenshot 12.34.png"


def _payload(size: int) -> list[PayloadFile]:
    block = os.urandom(1 << 20)

    def chunks() -> Iterator[bytes]:
        for start in range(0, size, len(block)):
            yield block[: min(len(block), size - start)]

    return [PayloadFile("evidence/001_video.mp4", chunks), bytes_payload("notes.txt", b"x\n")]


def test_full_disk_leaves_no_partial_bundle(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "stick", "2m") as stick:
        before = threading.active_count()
        with pytest.raises(UsageError) as raised:
            write_bag(stick / "bundle.zip", "b", [], _payload(12 << 20), {},
                      Ed25519PrivateKey.generate())
        assert "is full" in str(raised.value) and "no partial bundle" in str(raised.value)
        assert "\n" not in str(raised.value)
        assert list(stick.iterdir()) == []  # not the bundle, not its temporary file
        assert threading.active_count() == before  # reader and hash threads are gone
        # the same bag fits once there is room
        out = write_bag(stick / "small.zip", "b", [], _payload(200_000), {},
                        Ed25519PrivateKey.generate())
        assert verify_zip(out.path)[0] == []
        assert out.sha256 == hashlib.sha256(out.path.read_bytes()).hexdigest()


def test_unwritable_folder_is_refused(tmp_path: Path) -> None:
    with (small_tmpfs(tmp_path / "ro", "1m", read_only=True) as folder,
          pytest.raises(UsageError, match=r"cannot write in .*: choose a folder")):
        write_bag(folder / "bundle.zip", "b", [], _payload(10), {},
                  Ed25519PrivateKey.generate())


def test_a_failing_source_or_check_aborts_and_leaves_nothing(tmp_path: Path) -> None:
    def broken() -> Iterator[bytes]:
        yield b"first chunk"
        raise RuntimeError("the vault went away")

    def refuse(sha256: str, size: int) -> None:
        assert sha256 == hashlib.sha256(b"content").hexdigest() and size == 7
        raise ValueError("stored content changed")

    before = threading.active_count()
    with pytest.raises(RuntimeError, match="went away"):
        write_bag(tmp_path / "a.zip", "b", [], [PayloadFile("x.bin", broken)], {},
                  Ed25519PrivateKey.generate())
    with pytest.raises(ValueError, match="content changed"):
        write_bag(tmp_path / "b.zip", "b", [],
                  [PayloadFile("x.bin", lambda: iter((b"content",)), refuse)], {},
                  Ed25519PrivateKey.generate())
    assert list(tmp_path.iterdir()) == []
    assert threading.active_count() == before


def test_many_files_empty_ones_and_the_whole_zip_hash(tmp_path: Path) -> None:
    files = [bytes_payload(f"evidence/{n:03d}.bin", os.urandom(n * 997)) for n in range(40)]
    result = write_bag(tmp_path / "bundle.zip", "b", [], files, {},
                       Ed25519PrivateKey.generate())
    assert result.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert result.payload_files == 40 and verify_zip(result.path)[0] == []
    with zipfile.ZipFile(result.path) as zf:
        assert zf.read("b/data/evidence/000.bin") == b""
        assert not any(info.flag_bits & 0x08 for info in zf.infolist())  # no data descriptors
