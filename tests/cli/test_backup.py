"""Backup while the vault is in use, restore into a new place, verify; bad backups refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import Cli
from tests.helpers import all_bytes


def test_backup_restore_roundtrip(cli_vault: Cli, tmp_path: Path) -> None:
    marker = "MARKER-backup-4411"
    ref = cli_vault.json("case", "new", "--title", marker)["ref"]
    out = tmp_path / "school.backup"
    cli_vault.ok("backup", "--out", str(out))
    assert marker.encode() not in out.read_bytes()
    assert cli_vault("backup", "--out", str(out)).code == 2  # no silent overwrite

    restored = tmp_path / "restored"
    result = cli_vault.ok("--vault", str(restored), "restore", str(out))
    assert "verifies" in result.out
    again = cli_vault.json("--vault", str(restored), "case", "show", ref)
    assert again["title"] == marker
    assert marker.encode() not in all_bytes(restored)
    refused = cli_vault("--vault", str(restored), "restore", str(out))
    assert refused.code == 2 and "never overwrites" in refused.err


def test_damaged_backup_refused(cli_vault: Cli, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    cli_vault.ok("backup", "--out", str(out))
    with zipfile.ZipFile(out) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    db = bytearray(parts["vault.db"])
    db[len(db) // 2] ^= 0xFF
    parts["vault.db"] = bytes(db)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    target = tmp_path / "never"
    result = cli_vault("--vault", str(target), "restore", str(bad))
    assert result.code == 1 and "damaged" in result.err
    assert not target.exists()
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert cli_vault("--vault", str(target), "restore", str(junk)).code == 2
