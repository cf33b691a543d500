"""Files that appear whole or not at all (cybercase.safefile)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cybercase.core import oslayer, safefile
from cybercase.core.errors import UsageError
from cybercase.core.safefile import PartialFile

PREFIX = ".cybercase-test-"


@pytest.fixture(params=["unnamed", "named"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "named":  # what systems without O_TMPFILE (or FAT sticks) get
        monkeypatch.setattr(safefile, "_unnamed", lambda folder: None)
    return str(request.param)


@pytest.mark.posix_only  # file modes (0600)
def test_invisible_until_commit_then_whole(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "out.bin"
    partial = PartialFile(target, PREFIX)
    partial.file.write(b"x" * 100_000)
    assert not target.exists()
    visible = [p.name for p in tmp_path.iterdir()]
    if mode == "unnamed":
        assert visible == []  # no name at all while it is written
    else:
        assert len(visible) == 1 and visible[0].startswith(PREFIX)
    partial.commit()
    assert target.read_bytes() == b"x" * 100_000
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_discard_leaves_nothing(tmp_path: Path, mode: str) -> None:
    partial = PartialFile(tmp_path / "out.bin", PREFIX)
    partial.file.write(b"secret")
    partial.discard()
    assert list(tmp_path.iterdir()) == []


def test_never_overwrites_unless_asked(tmp_path: Path, mode: str) -> None:
    target = tmp_path / "out.bin"
    partial = PartialFile(target, PREFIX)
    target.write_bytes(b"old")  # appeared meanwhile
    partial.file.write(b"new")
    with pytest.raises(UsageError, match="already exists"):
        partial.commit()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
    replacing = PartialFile(target, PREFIX, overwrite=True)
    replacing.file.write(b"new")
    replacing.commit()
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_sweep_removes_only_files_of_dead_writers(tmp_path: Path) -> None:
    stale = tmp_path / f"{PREFIX}dead"
    stale.write_bytes(b"left by a killed writer")
    alive = tmp_path / f"{PREFIX}alive"
    alive.write_bytes(b"being written")
    other = tmp_path / "unrelated.zip"
    other.write_bytes(b"not ours")
    fd = os.open(alive, os.O_RDONLY)
    assert oslayer.lock_fd(fd, exclusive=True, blocking=True)
    try:
        PartialFile(tmp_path / "out.bin", PREFIX).discard()
        assert not stale.exists()
        assert alive.exists() and other.exists()
    finally:
        os.close(fd)
