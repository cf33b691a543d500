"""report.pdf for the police bundle: Dutch, printable A4, made in memory with fpdf2.

Font choice: fpdf2's built-in Helvetica/Courier (no font file to ship or find). They cover
Latin-1 only, which holds Dutch (é, ë, ï, ...); any other character is written as its
closest Latin-1 form or '?'. The evidence files themselves are untouched: this concerns
only the printed text. Images are decoded from bytes in memory (never a temp file) and
scaled down for print; the original is in data/evidence/.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image

from cybercase.cases.cases import Case
from cybercase.cases.timeline import Event, timeline
from cybercase.evidence.items import Item
from cybercase.evidence.store import read_chunks
from cybercase.timeutil import local_display
from cybercase.vault import Vault
from cybercase.vault.audit import AuditEntry

# all printed Dutch text in one place (translatable)
NL = {
    "title": "Bewijsbundel cyberpesten",
    "case": "Zaak",
    "school": "School",
    "coordinator": "Coördinator (exporteur)",
    "made": "Gemaakt op",
    "items": "Aantal bewijsstukken",
    "fingerprint": "Vingerafdruk van de ondertekeningssleutel",
    "summary": "Samenvatting",
    "no_summary": "(geen samenvatting vastgelegd)",
    "timeline": "Tijdlijn",
    "no_timeline": "(geen gebeurtenissen vastgelegd)",
    "item": "Bewijsstuk",
    "file": "Bestand in de bundel",
    "original": "Oorspronkelijke naam",
    "size": "Grootte",
    "type": "Type",
    "ingested": "Opgeslagen in de kluis",
    "mtime": "Wijzigingstijd van het bestand",
    "exif": "EXIF-tijd (zoals door het toestel geschreven, zonder tijdzone)",
    "measured": "Gemeten (door cybercase vastgesteld)",
    "stated": "Verklaard (door een persoon opgegeven, niet gecontroleerd)",
    "not_image": "Dit bestand is geen afbeelding. Het origineel staat onveranderd in de bundel.",
    "bad_image": (
        "De afbeelding kon niet worden getoond. Het origineel staat onveranderd in de bundel."
    ),
    "custody": "Bijlage: bewaarketen (audit-log per bewijsstuk)",
    "left_out": "Weggelaten",
    "left_out_text": (
        "Deze bundel bevat alleen wat de ontvanger nodig heeft. Niet opgenomen zijn: "
        "aantekeningen van de steungroep, zorggegevens van kinderen, gegevens van de "
        "betrokken personen en interne notities van de school. Zie data/left-out.txt."
    ),
    "withdrawn": "Door de school ingetrokken bewijsstukken (niet in de bundel)",
    "not_chosen": "Niet gekozen voor deze bundel",
    "how_title": "Hoe controleert u deze bundel?",
    "page": "pagina",
}

STATED_NL = {
    "captured_by": "Vastgelegd door", "device": "Toestel/app", "platform": "Platform",
    "url": "URL", "accounts": "Accounts", "shown_time": "Tijd op het scherm",
    "description": "Beschrijving", "tags": "Soort", "offence_tags": "Soort",
}

HOW = [
    "Deze bundel is een ZIP-bestand met daarin een map volgens de internationale "
    "standaard BagIt (RFC 8493). Van ieder bestand staat een vingerafdruk (SHA-256) in "
    "het bestand manifest-sha256.txt. Verandert er ook maar één teken in een bestand, "
    "dan klopt die vingerafdruk niet meer.",
    "1. Pak het ZIP-bestand uit (bij een versleutelde bundel met 7-Zip, WinZip of Keka en "
    "het wachtwoord dat u apart van de bundel hebt gekregen).",
    "2. Open een opdrachtvenster in de uitgepakte map en typ: sha256sum -c "
    "manifest-sha256.txt. Achter ieder bestand moet OK staan. (Op een Mac: shasum -a 256 "
    "-c manifest-sha256.txt.)",
    "3. Of gebruik een BagIt-controleprogramma, bijvoorbeeld bagit.py --validate MAP, of "
    "het programma cybercase: cybercase verify-bundle bundel.zip.",
    "4. De bundel is digitaal ondertekend. Bel de school en laat de vingerafdruk van de "
    "sleutel voorlezen. Komt die overeen met de vingerafdruk hieronder en met die in "
    "bag-info.txt, dan komt de bundel van de school en is hij sindsdien niet veranderd.",
    "In data/evidence.csv staan per bewijsstuk de gegevens; data/custody.csv bevat wie "
    "wanneer wat met ieder bewijsstuk heeft gedaan. Beide opent u met een spreadsheet.",
]

_TIMELINE_KINDS = ("case.opened", "case.reported", "phase", "case.closed")
_IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
                "image/tiff")
_MAX_IMAGE_BYTES = 64 * 1024 * 1024
_TRANSLATE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " "})


def latin1(text: Any) -> str:
    """Text for the core fonts: Latin-1, else the nearest form, else '?' (never markup)."""
    out = []
    for ch in unicodedata.normalize("NFC", str(text)).translate(_TRANSLATE):
        if ch in "\t\n" or (ord(ch) >= 32 and ch != "\x7f" and ord(ch) < 256
                            and not 0x80 <= ord(ch) < 0xA0):
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
        out.append(base if base and base.isprintable() else "?")
    return "".join(out)


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, latin1(f"{self.footer_text} - {NL['page']} {self.page_no()}"),
                  align="C")


def _h(pdf: FPDF, text: str, size: int = 14) -> None:
    pdf.set_font("Helvetica", "B", size)
    _line(pdf, text)
    pdf.ln(3)


def _line(pdf: FPDF, text: str) -> None:
    """One paragraph; a plain cell when it fits on a line (multi_cell is much slower)."""
    text = latin1(text)
    if "\n" not in text and pdf.get_string_width(text) < pdf.epw - 1:
        pdf.cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _p(pdf: FPDF, text: str, size: int = 10) -> None:
    pdf.set_font("Helvetica", size=size)
    _line(pdf, text)


def _kv(pdf: FPDF, key: str, value: Any) -> None:
    pdf.set_font("Helvetica", "B", 9)
    _line(pdf, key)
    pdf.set_font("Helvetica", size=9)
    _line(pdf, value if value not in (None, "") else "-")


def _mono(pdf: FPDF, text: str) -> None:
    pdf.set_font("Courier", size=9)
    pdf.cell(0, 5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _image(vault: Vault, item: Item) -> Image.Image | None:
    if item.mime not in _IMAGE_MIMES or item.size > _MAX_IMAGE_BYTES:
        return None
    data = b"".join(read_chunks(vault.conn, item.blob_id))
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.seek(0)
            img.thumbnail((1600, 1600))
            return img.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def build_report(
    vault: Vault, case: Case, chosen: list[Item], records: list[dict[str, Any]],
    events: list[tuple[int, AuditEntry]], withdrawn: list[Item], not_chosen: list[Item],
    fp: str, started: str,
) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(15, 15, 15)
    pdf.footer_text = f"{NL['case']} {case.ref}"
    pdf.set_title(latin1(f"{NL['title']} {case.ref}"))
    pdf.set_author(latin1(vault.school or "cybercase"))
    pdf.set_creator("cybercase")

    pdf.add_page()
    _h(pdf, f"{NL['title']} - {NL['case']} {case.ref}", 18)
    _kv(pdf, NL["school"], vault.school)
    _kv(pdf, NL["coordinator"], vault.actor)
    _kv(pdf, NL["case"], f"{case.ref}: {case.title}")
    _kv(pdf, NL["made"], local_display(started))
    _kv(pdf, NL["items"], len(chosen))
    _kv(pdf, NL["fingerprint"], fp)
    pdf.ln(3)
    _h(pdf, NL["summary"], 13)
    _p(pdf, case.summary or NL["no_summary"])
    pdf.ln(3)
    _h(pdf, NL["left_out"], 13)
    _p(pdf, NL["left_out_text"])
    if withdrawn:
        _p(pdf, f"{NL['withdrawn']}: " + ", ".join(str(i.id) for i in withdrawn))
    if not_chosen:
        _p(pdf, f"{NL['not_chosen']}: " + ", ".join(str(i.id) for i in not_chosen))

    pdf.ln(3)
    _h(pdf, NL["timeline"], 13)
    rows = [e for e in timeline(vault, case.ref) if e.kind in _TIMELINE_KINDS]
    rows += [
        Event(item.ingested_at, item.ingested_at, "evidence",
              f"{NL['item']} {item.id} {NL['ingested'].lower()} ({item.original_name})",
              item.ingested_by)
        for item in chosen
    ]
    if not rows:
        _p(pdf, NL["no_timeline"])
    for event in sorted(rows, key=Event.sort_key):
        when = event.when if event.date_only else local_display(event.when)
        who = f" ({event.by})" if event.by else ""
        _p(pdf, f"{when}  {event.what}{who}", 9)

    for item, record in zip(chosen, records, strict=True):
        pdf.add_page()
        _h(pdf, f"{NL['item']} {item.id}: {item.original_name}", 14)
        img = _image(vault, item)
        if img is not None:
            box_w, box_h = 180.0, 120.0
            scale = min(box_w / img.width, box_h / img.height)
            w, h = img.width * scale, img.height * scale
            pdf.image(img, x=15 + (box_w - w) / 2, y=pdf.get_y(), w=w, h=h)
            pdf.set_y(pdf.get_y() + h + 3)
        else:
            _p(pdf, NL["not_image"] if item.mime not in _IMAGE_MIMES else NL["bad_image"])
            pdf.ln(2)
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(0, 5, "SHA-256", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _mono(pdf, item.sha256)
        _kv(pdf, NL["file"], record["file"])
        _kv(pdf, NL["original"], item.original_name)
        _kv(pdf, NL["size"], f"{item.size} bytes")
        _kv(pdf, NL["type"], item.mime)
        pdf.ln(1)
        _h(pdf, NL["measured"], 11)
        measured = record["measured"]
        _kv(pdf, NL["ingested"], _both(measured["ingested_at"]) + f" ({item.ingested_by})")
        _kv(pdf, NL["mtime"], _both(measured["file_mtime"]))
        _kv(pdf, NL["exif"], measured["exif_time_as_written"])
        _h(pdf, NL["stated"], 11)
        stated = item.stated or {}
        for key, label in STATED_NL.items():
            value = stated.get(key)
            if value:
                _kv(pdf, label, ", ".join(map(str, value)) if isinstance(value, list) else value)

    pdf.add_page()
    _h(pdf, NL["custody"], 13)
    current = None
    for item_id, entry in events:
        if item_id != current:
            current = item_id
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 9)
            pdf.cell(0, 5, latin1(f"{NL['item']} {item_id}"), new_x=XPos.LMARGIN,
                     new_y=YPos.NEXT)
        _p(pdf, f"#{entry.seq}  {local_display(entry.ts)}  {entry.actor}  {entry.action}", 8)

    pdf.add_page()
    _h(pdf, NL["how_title"], 16)
    for para in HOW:
        _p(pdf, para, 11)
        pdf.ln(2)
    _kv(pdf, NL["fingerprint"], fp)
    return bytes(pdf.output())


def _both(times: dict[str, str | None]) -> str:
    if not times.get("utc"):
        return "-"
    return f"{times['amsterdam']} = {times['utc']} (UTC)"
