"""Key messages (kernberichten) in the police report's chronology (issue 19): at the time
the message was sent, marked as a key message, with the coordinator's note. Through the
CLI, the report read back with pypdf."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pypdf

CHAT = (
    "20-11-2026 18:10 - Daan: laatste bericht van de avond\n"
    "18-11-2026 16:02 - Sem: eerste bericht, niemand wil naast je zitten\n"
    "19-11-2026 07:45 - Daan: tweede bericht\n"
)


def _chronology(cli_vault: Any, ref: str, out: Path) -> str:
    cli_vault.ok("export", ref, "--out", str(out))
    with zipfile.ZipFile(out) as zf:
        name = next(n for n in zf.namelist() if n.endswith("/data/report.pdf"))
        reader = pypdf.PdfReader(io.BytesIO(zf.read(name)))
    page = next(p.extract_text() for p in reader.pages
                if "Verloop van het incident" in p.extract_text() and "Samenvatting" not in
                p.extract_text())
    return " ".join(page.split())

def test_key_messages_in_the_chronology(cli_vault: Any, tmp_path: Path) -> None:
    ref = str(cli_vault.json("case", "new", "--title", "Groepsapp 7b")["ref"])
    chat = tmp_path / "WhatsApp-chat met Groep 7B.txt"
    chat.write_text(CHAT, encoding="utf-8")
    item = cli_vault.json("ingest", ref, str(chat))[0]["id"]
    # message 2 of the file is the first one sent; message 3 the second
    cli_vault.json("keymsg", "add", str(item), "2", "--note", "hier begint het buitensluiten")
    before = _chronology(cli_vault, ref, tmp_path / "one.zip")
    key = ("kernbericht: Sem: eerste bericht, niemand wil naast je zitten "
           "(notitie: hier begint het buitensluiten)")
    assert key in before, before
    assert before.count("kernbericht") == 2  # the line and its basis, once
    assert "gemarkeerd als kernbericht" in before
    # at the message's time, in the order things happened (not the file's order)
    assert before.index("18 november 2026, 16:02") < before.index(key) \
        < before.index("tweede bericht") < before.index("laatste bericht")
    # a removed mark is no longer a key message in the next report
    marks = cli_vault.json("keymsg", "list", ref)
    cli_vault.ok("keymsg", "remove", str(marks[0]["id"]), "--reason", "vergissing")
    after = _chronology(cli_vault, ref, tmp_path / "two.zip")
    assert "kernbericht" not in after and "Sem: eerste bericht" in after
