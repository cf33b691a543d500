"""The access export on the one masking engine (issue 18): every leak of the issue, tried
as a coordinator would, with the export's PDF, JSON and member names searched as text
(real CLI, real vault, real pyzipper)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import pyzipper
from PIL import Image
from pypdf import PdfReader

# every form in which another child could be named
FORMS = ("Anouk", "Anouks", "Anoukje", "anouk_b", "Sanne", "Sannes", "Sannetje", "Koster",
         "Bakker", "Zoe", "Zoë", "Jansen", "7312345678901234567", "0612345678", "06 1234",
         "Nouk", "Noukie")


def leaks(text: str) -> list[str]:
    return [f for f in FORMS if re.search(rf"(?<![^\W\d_]){re.escape(f)}", text, re.I)]


def test_the_access_export_for_a_suspected_bully_leaks_no_classmate(
    cli_vault: Any, tmp_path: Path,
) -> None:
    cli = cli_vault
    ref = cli.json("case", "new", "--title", "TikTok-filmpje")["ref"]

    def add(name: str, *opts: str) -> int:
        return int(cli.json("person", "add", ref, name, *opts)["id"])

    daan = add("Daan Smit", "--kind", "pupil", "--role", "bully", "--born", "2015-05-05")
    add("Sanne Koster", "--kind", "pupil", "--role", "bullied")
    anouk = add("Anouk Bakker", "--kind", "pupil", "--role", "bystander")
    add("Zoë Jansen", "--kind", "pupil")
    # a screenshot about Anouk, withdrawn (it was about another child)
    other = tmp_path / "Screenshot_Anouk_huiswerk.png"
    Image.new("RGB", (60, 40), (200, 10, 10)).save(other)
    withdrawn = cli.json("ingest", ref, str(other))[0]["id"]
    cli.ok("evidence", "withdraw", str(withdrawn), "--reason", "gaat over Anouk, niet over Daan")
    shot = tmp_path / "IMG_Sannes_fiets-Sannetje.png"
    Image.new("RGB", (60, 40), (10, 10, 200)).save(shot)
    cli.ok("ingest", ref, str(shot), "--description", "Daans filmpje van Sannes fiets",
           "--url", "https://www.tiktok.com/@daan.s/video/7312345678901234567")
    chat = tmp_path / "WhatsApp-chat met Anouk.txt"
    chat.write_text(
        "20-11-2026 14:32 - Daan Smit: kijk Sannes fiets haha\n"
        "20-11-2026 14:33 - Anouk Bakker: @Sanne dit is echt gemeen\n"
        "20-11-2026 14:34 - Zoe: Anoukje bel me 06 1234 5678\n"
        "20-11-2026 14:35 - Daan Smit: Nouk en Noukie deden mee, vraag maar aan Dani\n",
        encoding="utf-8")
    # the nicknames the class uses: masked with the child (Daan's own stays)
    cli.ok("nickname", str(anouk), "Nouk")
    assert cli.json("nickname", str(daan), "Dani")["nicknames"] == ["Dani"]
    chat_item = cli.json("ingest", ref, str(chat))[0]["id"]
    # the account Daan is suspected of, with how the school found out
    acc = cli.json("account", "add", ref, "--platform", "TikTok", "--handle", "@daan.s")["id"]
    cli.ok("account", "attribute", str(acc), "--person", str(daan), "--status", "suspected",
           "--basis", "pupil_statement", "--note",
           "leerling D zegt dat Daan het account heeft gemaakt; Anouk liet het zien")
    other_acc = cli.json("account", "add", ref, "--platform", "TikTok", "--handle",
                         "@anouk_b", "--phone", "06-12345678")["id"]
    cli.ok("account", "attribute", str(other_acc), "--person", str(anouk), "--status",
           "confirmed", "--basis", "admission")
    cli.ok("agreement", "add", ref, "--pupil", str(daan), "--parents", "Ria Smit",
           "--review", "2030-01-01")

    out = tmp_path / "inzage-daan.zip"
    result = cli.json("subject-export", str(daan), "--out", str(out), "--include-evidence",
                      str(chat_item), "--encrypt",
                      env={"CYBERCASE_EXPORT_PASSPHRASE": "een lange geheime zin"})
    assert result["encrypted"] and result["unmasked"] == []
    with pytest.raises((RuntimeError, NotImplementedError)), zipfile.ZipFile(out) as zf:
        zf.read("inzage.json")  # not without the passphrase
    with pyzipper.AESZipFile(out) as zf:
        zf.setpassword(b"een lange geheime zin")
        names = zf.namelist()
        doc = json.loads(zf.read("inzage.json"))
        pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
            zf.read("inzage.pdf"))).pages)
        transcript = zf.read(f"bewijs/{chat_item}-chat-gemaskeerd.txt").decode("utf-8")
    raw = json.dumps(doc, ensure_ascii=False)
    for where, text in (("names", "\n".join(names)), ("json", raw), ("pdf", pdf),
                        ("transcript", transcript)):
        assert leaks(text) == [], (where, leaks(text), text)
    # the withdrawn item is not listed at all, only counted
    assert all(e["id"] != withdrawn for e in doc["sections"]["evidence"])
    assert "huiswerk" not in raw and "huiswerk" not in pdf
    assert any("1 ingetrokken bewijsstuk" in e["what"] for e in doc["left_out"])
    # the attribution note is not there; the account and its status are
    assert "leerling D" not in raw and "zegt" not in raw
    [account] = doc["sections"]["accounts"]
    assert account["handle"] == "@daan.s" and "note" not in account
    # the agreement's points print
    [agreement] = doc["sections"]["agreements"]
    assert agreement["points"] and all(agreement["points"])
    assert "Wij bekijken elke week" in pdf
    # the chat transcript: Daan readable, the others labelled; the PDF says it is masked
    assert "Daan Smit: kijk leerling" in transcript and "leerling" in transcript
    assert "vraag maar aan Dani" in transcript
    assert "afgedekt" in pdf
