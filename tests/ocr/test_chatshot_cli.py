"""`cybercase ocr messages ITEM_ID [--json]`: a chat screenshot's OCR text as messages,
with real Tesseract and a real vault: the JSON shape (as `messages`, plus side,
confidence and derived), the derived label, the audited read, the one line without a
reading."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cybercase.demo.chatshots import chat_png
from cybercase.evidence.ocr import engine
from tests.conftest import Cli

needs_tesseract = pytest.mark.skipif(not engine.find_engine().available,
                                     reason="tesseract is not installed")


def _ingest(cli: Cli, tmp_path: Path) -> tuple[str, int]:
    ref: str = cli.json("case", "new", "--title", "Groep 7b")["ref"]
    shot = tmp_path / "IMG_0412.PNG"
    shot.write_bytes(chat_png())
    (item,) = cli.json("ingest", ref, str(shot))
    return ref, int(item["id"])


@needs_tesseract
def test_ocr_messages(cli_vault: Cli, tmp_path: Path) -> None:
    ref, item = _ingest(cli_vault, tmp_path)
    cli_vault.ok("ocr", "run", ref)
    result = cli_vault.ok("ocr", "messages", str(item), "--json")
    assert f"derived from the OCR of item {item}; may contain mistakes" in result.err
    doc = result.json()
    first = doc[0]
    assert {"n", "sender", "shown_time", "time", "text", "system", "side", "confidence",
            "derived", "time_utc", "time_note", "media", "media_item", "line"} <= first.keys()
    assert (first["n"], first["sender"], first["shown_time"], first["time"],
            first["side"], first["derived"], first["system"]) == (
        1, "Daan", "19:02", None, "received", "ocr", False)
    assert first["text"] == "Heb je die foto van Sanne gezien?"
    assert 0 < first["confidence"] <= 100
    own = [m for m in doc if m["side"] == "sent"]
    assert own and own[0]["sender"] is None and "Stop alsjeblieft" in own[0]["text"]
    text = cli_vault.ok("ocr", "messages", str(item))
    assert "Daan: Heb je die foto van Sanne gezien?" in text.out
    assert "phone's owner: Waarom doen jullie dit?" in text.out
    audit = cli_vault.json("audit", ref)
    reads = [e for e in audit if e["action"] == "evidence.messages"]
    assert len(reads) == 2 and all(e["user"] == "anna" for e in reads)


def test_ocr_messages_without_a_reading(cli_vault: Cli, tmp_path: Path) -> None:
    env = {"PATH": str(Path(sys.executable).parent), "CYBERCASE_TESSERACT": ""}
    _ref, item = _ingest(cli_vault, tmp_path)
    result = cli_vault("ocr", "messages", str(item), env=env)
    assert result.code == 2 and "Traceback" not in result.err
    assert f"item {item} has no text read by OCR (yet)" in result.err
    assert "tesseract is not installed" in result.err
    missing = cli_vault("ocr", "messages", "9999")
    assert missing.code == 2 and "Traceback" not in missing.err
