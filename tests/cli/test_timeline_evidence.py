"""Evidence appears on the case timeline by when it was made, not when it was ingested."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from tests.conftest import Cli


def test_evidence_on_timeline_by_file_time(cli_vault: Cli, tmp_path: Path) -> None:
    ref = cli_vault.json("case", "new", "--title", "Groepsapp")["ref"]
    shot = tmp_path / "chat.png"
    Image.new("RGB", (60, 120), (20, 140, 60)).save(shot)
    old = 1_700_000_000  # 2023-11-14, long before the case was opened
    os.utime(shot, (old, old))
    cli_vault.ok("ingest", ref, str(shot))
    events = cli_vault.json("case", "timeline", ref)
    kinds = [e["kind"] for e in events]
    assert "evidence" in kinds
    assert kinds.index("evidence") < kinds.index("case.opened")
    evidence = next(e for e in events if e["kind"] == "evidence")
    assert evidence["when"].startswith("2023-11-14") and "file time" in evidence["what"]
