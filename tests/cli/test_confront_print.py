"""Confrontation prints (issue 18): the PDF is rendered to images and read back with
tesseract; no masked name is readable in any form, the kept names are (real CLI, real
vault, real Pillow images, real poppler and tesseract)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from cybercase.core.paths import assets

# every form of a masked name that must not be readable anywhere in the print
MASKED = ("Sanne", "Sannes", "Koster", "Anouk", "Anoukje", "Bakker", "anouk_b", "Zoe",
          "Jansen", "0612345678", "7312345678901234567")


def font(size: int) -> Any:
    return ImageFont.truetype(str(assets() / "fonts" / "DejaVuSans.ttf"), size)


def screenshot(path: Path, lines: list[str], height: int = 1600) -> dict[str, tuple[int, ...]]:
    """A phone screenshot with the lines drawn large; returns each line's box."""
    img = Image.new("RGB", (720, height), (245, 245, 245))
    draw = ImageDraw.Draw(img)
    boxes: dict[str, tuple[int, ...]] = {}
    y = 40
    for text in lines:
        draw.text((30, y), text, fill=(0, 0, 0), font=font(34))
        boxes[text] = draw.textbbox((30, y), text, font=font(34))
        y += 90
    img.save(path)
    return boxes


def ocr_pdf(pdf: Path, tmp: Path) -> str:
    """The PDF as it looks on paper, read by tesseract."""
    prefix = tmp / "page"
    subprocess.run(["pdftoppm", "-r", "110", "-gray", "-png", str(pdf), str(prefix)],
                   check=True)
    text = []
    for png in sorted(tmp.glob("page*.png")):
        text.append(subprocess.run(["tesseract", str(png), "-", "-l", "nld+eng"],
                                   check=True, capture_output=True, text=True).stdout)
    return "\n".join(text)


def readable(text: str) -> list[str]:
    return [n for n in MASKED if re.search(rf"(?<![^\W\d_]){re.escape(n)}", text, re.I)]


def setup_case(cli: Any, tmp_path: Path) -> dict[str, Any]:
    ref = cli.json("case", "new", "--title", "Groepsapp 7b")["ref"]

    def add(name: str, *opts: str) -> int:
        return int(cli.json("person", "add", ref, name, *opts)["id"])

    daan = add("Daan Smit", "--kind", "pupil", "--role", "bully")
    sanne = add("Sanne Koster", "--kind", "pupil", "--role", "bullied")
    anouk = add("Anouk Bakker", "--kind", "pupil", "--role", "bystander")
    zoe = add("Zoë Jansen", "--kind", "pupil")
    mother = add("Ria Smit", "--kind", "parent")
    cli.ok("person", "link", str(mother), str(daan))
    acc = cli.json("account", "add", ref, "--platform", "TikTok", "--handle", "@anouk_b",
                   "--phone", "06-12345678")["id"]
    cli.ok("account", "attribute", str(acc), "--person", str(anouk), "--status", "suspected",
           "--basis", "pupil_statement")
    shot = tmp_path / "Screenshot_Anouk_groep.png"
    boxes = screenshot(shot, ["Daan: kijk dan haha", "Sanne's fiets is kapot",
                              "@anouk_b deelde het", "Sannetje huilt"])
    chat = tmp_path / "WhatsApp-chat met Daan.txt"
    chat.write_text(
        "20-11-2026 14:32 - Daan Smit: wie heeft dat filmpje van Sannes fiets?\n"
        "20-11-2026 14:33 - Anouk Bakker: ik, staat op "
        "https://www.tiktok.com/@anouk_b/video/7312345678901234567\n"
        "20-11-2026 14:34 - Zoe: Anoukje je bent gemeen, bel me 06 1234 5678\n"
        "20-11-2026 14:35 - Daan Smit: haha Sanne is zo dom\n", encoding="utf-8")
    [image_item, chat_item] = [r["id"] for r in cli.json(
        "ingest", ref, str(shot), str(chat), "--description", "Bericht van Daan")]
    return {"ref": ref, "daan": daan, "sanne": sanne, "anouk": anouk, "zoe": zoe,
            "image": image_item, "chat": chat_item, "boxes": boxes}


def rect(item: int, box: tuple[int, ...], pad: int = 4) -> str:
    x0, y0, x1, y1 = box
    return f"{item}:{x0 - pad},{y0 - pad},{x1 - x0 + 2 * pad},{y1 - y0 + 2 * pad}"


def test_a_confrontation_print_masks_every_other_child(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    c = setup_case(cli, tmp_path)
    boxes = c["boxes"]
    out = tmp_path / "gesprek-daan.pdf"
    # no OCR reading of the screenshot: the coordinator masks the names by hand
    result = cli.json(
        "print", c["ref"], "--for", str(c["daan"]), "--evidence", str(c["image"]),
        "--evidence", str(c["chat"]), "--date", "2026-12-03", "--mask",
        rect(c["image"], boxes["Sanne's fiets is kapot"]), "--mask",
        rect(c["image"], boxes["@anouk_b deelde het"]), "--mask",
        rect(c["image"], boxes["Sannetje huilt"]), "--out", str(out))
    assert result["items"] == [c["image"], c["chat"]] and result["kept"] == [c["daan"]]
    assert result["no_reading"] == [c["image"]]
    assert out.read_bytes()[:5] == b"%PDF-"
    pages = tmp_path / "pages"
    pages.mkdir()
    seen = ocr_pdf(out, pages)
    assert readable(seen) == [], (readable(seen), seen)
    # the pupil the meeting is about stays readable, the others have labels
    assert "Daan" in seen and "leerling" in seen.lower()
    assert "Vertrouwelijk" in seen and "3 december 2026" in seen
    assert re.search(r"pagina 1 van \d", seen)
    # the text layer too (what a copy-paste would give)
    layer = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert readable(layer) == [] and "Daan Smit" in layer
    assert "SHA" not in layer and "sha256" not in layer.lower()
    # stored as a derived item, linked and audited; the originals are unchanged
    trail = cli.json("audit", c["ref"])
    printed = [e for e in trail if e["action"] == "print.confrontation"]
    assert len(printed) == 1
    details = printed[0].get("details") or {}
    if isinstance(details, str):
        details = json.loads(details)
    assert details.get("meeting_on") == "2026-12-03" and details.get("kept") == [c["daan"]]
    assert [e["object"] for e in trail if e["action"] == "evidence.print"] == [
        f"evidence {c['image']}", f"evidence {c['chat']}"]
    assert cli.json("evidence", "show", str(c["image"]))["sha256"] == \
        cli.json("evidence", "list", c["ref"])[0]["sha256"]
    [stored] = cli.json("prints", c["ref"])
    assert (stored["id"], stored["items"], stored["meeting_on"], stored["sha256"]) == (
        result["print_id"], [c["image"], c["chat"]], "2026-12-03", result["sha256"])
    assert "Daan Smit en ouders" in cli.ok("prints", c["ref"]).out


def test_the_bullied_child_is_readable_only_when_kept(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    c = setup_case(cli, tmp_path)
    out = tmp_path / "kept.pdf"
    cli.ok("print", c["ref"], "--for", str(c["daan"]), "--message", f"{c['chat']}:1",
           "--message", f"{c['chat']}:4", "--keep", str(c["sanne"]), "--with",
           "Daan en zijn moeder", "--out", str(out))
    layer = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Sanne" in layer and "Daan en zijn moeder" in layer
    assert "Anouk" not in layer and "zo dom" in layer and "ik, staat op" not in layer


def test_bad_input_gets_one_line(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    c = setup_case(cli, tmp_path)
    out = tmp_path / "x.pdf"
    other = tmp_path / "Screenshot_Anouk_huiswerk.png"
    Image.new("RGB", (60, 40), (200, 10, 10)).save(other)
    withdrawn = cli.json("ingest", c["ref"], str(other))[0]["id"]
    cli.ok("evidence", "withdraw", str(withdrawn), "--reason", "over Anouk")
    for args, words in [
        (["--message", "abc"], "ITEM:N"),
        (["--evidence", str(c["image"]), "--mask", f"{c['image']}:1,2,3"], "X,Y,W,H"),
        (["--message", f"{c['image']}:1"], "not a chat"),
        (["--message", f"{c['chat']}:99"], "no message 99"),
        ([], "choose what to print"),
        (["--evidence", str(c["image"]), "--keep", "999"], "999"),
        (["--evidence", str(withdrawn)], "withdrawn"),
    ]:
        res = cli("print", c["ref"], "--for", str(c["daan"]), *args, "--out", str(out))
        assert res.code == 2 and words in res.err and "Traceback" not in res.err, \
            res.err
        assert not out.exists()
