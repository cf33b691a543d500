"""The bundle's SHA-256 is computed from the bytes as zipfile writes them (issue 19: the
finished ZIP is not read back), and equals the SHA-256 of the file on disk: with entries
held in memory, with an entry too large to hold (read back from the page cache), with
zipfile going back to complete each local header, and through the AES writer."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cybercase.export import pipeline
from cybercase.export.bagit import PayloadFile, bytes_payload, write_bag
from cybercase.export.bundle import aes_opener
from cybercase.export.pipeline import HashingFile, Worker


def _chunks(size: int) -> PayloadFile:
    data = os.urandom(size)
    return PayloadFile(f"evidence/{size}.bin", lambda: (
        data[i:i + pipeline.CHUNK] for i in range(0, len(data), pipeline.CHUNK)))


def _write_zip(path: Path, hold_limit: int, sizes: list[int]) -> tuple[str, int]:
    worker = Worker("test-zip-hash")
    with path.open("wb") as fh:
        hashing = HashingFile(fh, os.open(path, os.O_RDONLY), worker, hold_limit)
        try:
            with zipfile.ZipFile(hashing, "w", zipfile.ZIP_STORED) as zf:  # type: ignore[arg-type]
                for n, size in enumerate(sizes):
                    with zf.open(f"f{n}.bin", "w", force_zip64=True) as dst:
                        data = os.urandom(size)
                        for i in range(0, size, 65536):
                            dst.write(data[i:i + 65536])
                    hashing.settle()
                zf.writestr("tags.txt", b"tag\n")
            fh.flush()
            return hashing.hexdigest(), hashing.read_back
        finally:
            hashing.close()
            worker.close()


@pytest.mark.parametrize("hold_limit", [64 << 20, 100_000, 0])
def test_the_hash_of_what_was_written_is_the_file_on_disk(tmp_path: Path,
                                                           hold_limit: int) -> None:
    path = tmp_path / "x.zip"
    digest, read_back = _write_zip(path, hold_limit, [0, 1, 70_000, 300_000, 2_000_000])
    on_disk = path.read_bytes()
    assert digest == hashlib.sha256(on_disk).hexdigest()
    with zipfile.ZipFile(path) as zf:  # a standard ZIP: headers completed, no descriptors
        assert zf.testzip() is None
        assert not any(info.flag_bits & 0x08 for info in zf.infolist())
    if hold_limit >= 64 << 20:
        assert read_back == 0  # nothing read back: hashed from the written bytes
    else:
        assert 0 < read_back <= len(on_disk)  # the large entries were read back


def test_a_write_into_hashed_bytes_is_refused(tmp_path: Path) -> None:
    worker = Worker("test-zip-hash")
    path = tmp_path / "y.bin"
    with path.open("wb") as fh:
        hashing = HashingFile(fh, os.open(path, os.O_RDONLY), worker)
        try:
            hashing.write(b"abcdef")
            hashing.settle()
            hashing.seek(2)
            with pytest.raises(OSError):
                hashing.write(b"X")
        finally:
            hashing.close()
            worker.close()


@pytest.mark.parametrize("encrypted", [False, True])
@pytest.mark.parametrize("hold_limit", [None, 500_000])
def test_write_bag_hash_equals_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        encrypted: bool, hold_limit: int | None) -> None:
    if hold_limit is not None:
        monkeypatch.setattr(pipeline, "HOLD_LIMIT", hold_limit)
    payload = [_chunks(size) for size in (10, 900_000, 3_500_000)]
    payload.append(bytes_payload("notes.txt", b"notes\n"))
    opener = aes_opener("a long enough passphrase") if encrypted else None
    result = write_bag(tmp_path / "bundle.zip", "b", [], payload, {},
                       Ed25519PrivateKey.generate(), opener=opener)
    assert result.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
