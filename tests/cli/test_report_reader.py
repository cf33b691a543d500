"""The police report and the bundle's texts as their reader meets them (issue #19 items 2
and 3): the chronology by the time things happened, a tall screenshot over several pages,
item numbers equal to file numbers, no English codes in the Dutch texts, bag-info's
contact fields wrapped, the registers in the bag. Through the CLI, read back with pypdf."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PIL import Image

BAG = "2026-001 bewijs"
# a chat export whose lines are not in time order (a message pasted later, a phone whose
# clock was corrected): the chronology goes by the message times, not the file's order
CHAT = (
    "20-11-2026 18:10 - Daan: laatste bericht van de avond\n"
    "18-11-2026 16:02 - Sem: eerste bericht, niemand wil naast je zitten\n"
    "19-11-2026 07:45 - Daan: tweede bericht\n"
)
LEAKS = ("parent:", "pupil:", "staff:", "image/png", "image/jpeg", "text/plain",
         "evidence.view", "evidence.ingest", "export.start", "evidence.messages")
ADDRESS = ("Schoolstraat 12, 1234 AB Voorbeelddorp, gemeente Voorbeeldstad, bezoekadres via "
           "de achteringang aan het Kerkplein")


def _exif_jpeg(path: Path) -> Path:
    img = Image.new("RGB", (400, 300), (90, 140, 200))
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 12"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2026:11:19 21:04:05"
    sub[0x9011] = "+01:00"
    img.save(path, "JPEG", exif=exif.tobytes())
    return path


def _tall(path: Path) -> Path:
    img = Image.new("RGB", (1080, 9000), (250, 250, 250))
    for top in range(0, 9000, 600):  # stripes, so a part is no blank page
        img.paste((40, 120, 40), (40, top, 1040, top + 80))
    img.save(path, "PNG")
    return path


@pytest.fixture
def case(cli_vault: Any, tmp_path: Path) -> dict[str, Any]:
    cli_vault.ok("settings", "set", "--contact-name", "Mirjam de Vries", "--phone",
                 "020-1234567", "--email", "m.devries@pirouette.example", "--address", ADDRESS)
    ref = str(cli_vault.json(
        "case", "new", "--title", "Groepsapp 7b", "--reported-by", "moeder van Sanne",
        "--reported-on", "2026-11-21", "--summary",
        "Sanne wordt in de groepsapp uitgescholden. Er is een foto gedeeld. Haar moeder "
        "meldde het op 21 november. Deze vierde zin staat niet op het voorblad.")["ref"])
    src = tmp_path / "in"
    src.mkdir()
    chat = src / "WhatsApp-chat met Groep 7B.txt"
    chat.write_text(CHAT, encoding="utf-8")
    docs = cli_vault.json("ingest", ref, str(chat), "--captured-by",
                          "parent: moeder van Sanne")
    photo = cli_vault.json("ingest", ref, str(_exif_jpeg(src / "foto.jpg")),
                           "--captured-by", "pupil", "--platform", "WhatsApp",
                           "--account", "@ayse_7b")
    tall = cli_vault.json("ingest", ref, str(_tall(src / "scroll.png")), "--captured-by",
                          "staff", "--shown-time", "19-11-2026 12:30")
    ids = [d["id"] for d in docs + photo + tall]
    cli_vault.ok("evidence", "show", str(ids[1]))
    return {"ref": ref, "ids": ids}


def _export(cli_vault: Any, ref: str, out: Path, *args: str) -> dict[str, bytes]:
    cli_vault.ok("export", ref, "--out", str(out), *args)
    with zipfile.ZipFile(out) as zf:
        files = {n.split("/", 1)[1]: zf.read(n) for n in zf.namelist() if not n.endswith("/")}
    return files


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_the_report_tells_what_happened_in_order_in_dutch(
        cli_vault: Any, case: dict[str, Any], tmp_path: Path) -> None:
    files = _export(cli_vault, case["ref"], tmp_path / "bundle.zip")
    pages = _pages(files["data/report.pdf"])
    text = " ".join("\n".join(pages).split())
    # the cover names a contact the police can call
    assert "Mirjam de Vries" in text and "020-1234567" in text
    assert "m.devries@pirouette.example" in text
    # the chronology: message times, not the file's order; the photo's EXIF time between
    chrono = " ".join(next(p for p in pages if "Verloop van het incident" in p).split())
    first = chrono.index("eerste bericht")
    second = chrono.index("tweede bericht")
    photo = chrono.index("foto of schermafbeelding gemaakt")
    shown = chrono.index("tijd op het scherm van bewijsstuk 3")
    last = chrono.index("laatste bericht")
    assert first < second < shown < photo < last, chrono
    assert "18 november 2026, 16:02" in chrono and "tijd uit het chatbestand" in chrono
    assert "EXIF-tijd van de camera" in chrono
    assert "tijd zoals op het scherm, opgegeven door medewerker" in chrono
    # the chat printed as text on its item's page; EXIF facts measured from the file
    assert "Dit bestand is geen afbeelding" not in text
    assert "Sem: eerste bericht, niemand wil naast je zitten" in text
    assert "Apple iPhone 12" in text and "+01:00" in text
    # Dutch words, never the stored codes
    for leak in LEAKS:
        assert leak not in text, leak
    assert not re.search(r"\bcorrect\b", text)
    assert "ouder (moeder van Sanne)" in text and "leerling" in text
    assert "Er is een foto gedeeld." in text and "vierde zin" not in text


def test_a_tall_screenshot_is_printed_over_several_pages(
        cli_vault: Any, case: dict[str, Any], tmp_path: Path) -> None:
    files = _export(cli_vault, case["ref"], tmp_path / "bundle.zip")
    pages = _pages(files["data/report.pdf"])
    reader = pypdf.PdfReader(io.BytesIO(files["data/report.pdf"]))
    parts = [n for n, page in enumerate(pages) if "van de afbeelding, op volle breedte" in page]
    assert len(parts) >= 5  # 9000 px high at 1080 px wide: never one 20 mm strip
    wide = 0
    for n in parts:
        for image in reader.pages[n].images:
            wide = max(wide, image.image.width)
    assert wide >= 1000  # printed at full width (150 dpi for 180 mm)


def test_item_numbers_are_file_numbers_with_a_selection(
        cli_vault: Any, case: dict[str, Any], tmp_path: Path) -> None:
    ids = case["ids"]
    files = _export(cli_vault, case["ref"], tmp_path / "bundle.zip",
                    "--evidence", str(ids[1]), "--evidence", str(ids[2]))
    evidence = sorted(n for n in files if n.startswith("data/evidence/"))
    assert evidence == ["data/evidence/001_foto.jpg", "data/evidence/002_scroll.png"]
    text = "\n".join(_pages(files["data/report.pdf"]))
    assert "Bewijsstuk 1: foto.jpg" in text and "Bewijsstuk 2: scroll.png" in text
    assert "Bewijsstuk 3" not in text  # the vault id of scroll.png is not its number


def test_bundle_texts_are_dutch_first_and_bag_info_names_the_contact(
        cli_vault: Any, case: dict[str, Any], tmp_path: Path) -> None:
    files = _export(cli_vault, case["ref"], tmp_path / "bundle.zip")
    for name in ("VERIFY.txt", "data/left-out.txt"):
        body = files[name].decode()
        dutch, _, english = body.partition("-" * 78)
        assert english.strip(), name
        for leak in LEAKS:
            assert leak not in dutch, (name, leak)
        lines = body.splitlines()
        for n, line in enumerate(lines[1:], 1):  # every title's underline fits its title
            if line and set(line) == {"="}:
                assert len(line) == len(lines[n - 1]), (name, lines[n - 1])
    info_raw = files["bag-info.txt"].decode()
    assert all(len(line) <= 79 for line in info_raw.splitlines()), info_raw
    assert any(line.startswith("  ") for line in info_raw.splitlines())  # wrapped
    from cybercase.export.bagit import parse_info

    info = parse_info(info_raw)
    assert info["Contact-Name"] == "Mirjam de Vries"
    assert info["Contact-Phone"] == "020-1234567"
    assert info["Contact-Email"] == "m.devries@pirouette.example"
    assert info["Organization-Address"] == ADDRESS
    assert re.fullmatch(r"cybercase \d+\.\d+\.\d+.*", info["Bag-Software-Agent"])
    # evidence.csv for Dutch Excel; the raw values in evidence.json
    csv_text = files["data/evidence.csv"].decode("utf-8")
    assert csv_text.startswith("\ufeff\"id\";\"file\";") and "\r\n" in csv_text
    assert "\"'@ayse_7b\"" in csv_text and "apostrof" in files["VERIFY.txt"].decode()
    records = json.loads(files["data/evidence.json"])["items"]
    assert records[1]["stated"]["accounts"] == ["@ayse_7b"]
    for name in ("data/accounts.json", "data/referrals.json", "data/police.json"):
        assert name in files and f"  {name}" in files["manifest-sha256.txt"].decode()
    ok = cli_vault("verify-bundle", str(tmp_path / "bundle.zip"))
    assert ok.code == 0, ok.out + ok.err


def test_the_registers_are_in_the_report_and_the_bag(
        cli_vault: Any, case: dict[str, Any], tmp_path: Path) -> None:
    ref, ids = case["ref"], case["ids"]
    person = cli_vault.json("person", "add", ref, "Daan Jansen", "--kind", "pupil",
                            "--born", "2015-03-01")["id"]
    account = cli_vault.json("account", "add", ref, "--platform", "WhatsApp", "--handle",
                             "@ayse_7b", "--evidence", str(ids[1]))["id"]
    cli_vault.ok("account", "attribute", str(account), "--person", str(person), "--status",
                 "suspected", "--basis", "pupil_statement")
    cli_vault.ok("referral", "add", ref, "--channel", "platform", "--platform", "WhatsApp",
                 "--url", "https://example.org/post/1", "--evidence", str(ids[1]),
                 "--sent", "2026-11-22")
    cli_vault.ok("police", "add", ref, "--kind", "melding", "--offence", "belediging",
                 "--suspect", str(person), "--offence-date", "2026-11-19")
    files = _export(cli_vault, ref, tmp_path / "bundle.zip")
    text = " ".join("\n".join(_pages(files["data/report.pdf"])).split())
    assert "@ayse_7b (WhatsApp)" in text and "Daan Jansen: vermoed" in text
    assert "verklaring van een leerling" in text and "suspected" not in text
    assert "verstuurd, nog geen resultaat" in text and "22 november 2026" in text
    assert "belediging" in text and "jonger dan 12" in text
    accounts = json.loads(files["data/accounts.json"])
    assert accounts["register"][0]["attribution"]["status"] == "suspected"
    assert "also_in" not in accounts["register"][0]
    assert json.loads(files["data/referrals.json"])["records"][0]["status"] == "sent"
    police = json.loads(files["data/police.json"])["records"][0]
    assert police["suspects"][0]["under_12"] is True
