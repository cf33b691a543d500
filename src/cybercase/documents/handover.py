"""The handover sheet: one Dutch A4 page that goes with a police bundle, outside the ZIP.

It names the school, the contact person and their phone number, the case, the bundle's
file and its SHA-256, the fingerprint of the key that signed it and the date, with room
for signatures. The officer who receives the bundle computes the ZIP's SHA-256 and the key
fingerprint themselves (VERIFY.txt says how) and compares them with this sheet and, by
phone, with the school. The sheet is written beside the ZIP
(``<name>-overdracht.pdf``), atomically like the ZIP itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cybercase.core.dutchdates import dutch_datetime
from cybercase.core.i18n import texts
from cybercase.core.safefile import check_target, write_whole
from cybercase.vault.settings import Settings

SUFFIX = "-overdracht.pdf"

# the sheet's words: catalogue entries ``handover.*`` (Dutch; English in the English
# catalogue), read when the sheet is built
NL = texts("handover", "nl")
CHECKS = ("check_compute", "check_compare", "check_fingerprint")
COMMANDS = ("command_powershell", "command_cmd", "command_unix")


@dataclass
class HandoverInput:
    settings: Settings
    ref: str
    export_id: int
    file_name: str
    sha256: str
    fingerprint: str
    items: int
    encrypted: bool
    made: str  # when: a stored ISO time (printed in Dutch) or a text printed as is
    made_by: str  # who made the bundle: the logged-in user, not the contact person


def handover_path(bundle: Path) -> Path:
    """``bundle.zip`` -> ``bundle-overdracht.pdf`` in the same folder."""
    return bundle.with_name(bundle.stem + SUFFIX)


def grouped(sha256: str, size: int = 8) -> str:
    """A hash in groups (read aloud by phone, a group at a time)."""
    return " ".join(sha256[i:i + size] for i in range(0, len(sha256), size))


def build_handover(data: HandoverInput) -> bytes:
    from fpdf.enums import XPos, YPos

    from cybercase.documents.pdf import MONO_FAMILY, SANS, Pdf, heading, para, printable

    pdf = Pdf(format="A4", enforce_compliance="PDFA_2B")  # archival, like the report
    pdf.footer_text = f"{NL['footer']} - {data.ref}"
    pdf.set_title(printable(f"{NL['title']} {data.ref}"))
    pdf.set_author(printable(data.settings.school or "cybercase"))
    pdf.set_creator("cybercase")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, 18)
    pdf.add_page()
    heading(pdf, f"{NL['title']} - {data.ref}", 16)
    para(pdf, NL["intro"])
    pdf.ln(3)

    def row(label: str, value: str, mono: bool = False, size: float = 10) -> None:
        pdf.set_font(SANS, "B", 10)
        pdf.cell(52, 6, printable(label))
        pdf.set_font(MONO_FAMILY if mono else SANS, size=size)
        pdf.multi_cell(0, 6, printable(value or NL["unknown"]), align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)

    s = data.settings
    row(NL["school"], s.school)
    if s.address:
        row(NL["address"], s.address)
    row(NL["contact"], s.contact_name)
    row(NL["phone"], s.phone)
    if s.email:
        row(NL["email"], s.email)
    pdf.ln(2)
    row(NL["case"], data.ref)
    row(NL["export"], str(data.export_id))
    row(NL["file"], data.file_name)
    row(NL["items"], str(data.items))
    row(NL["encrypted"], NL["encrypted_yes"] if data.encrypted else NL["encrypted_no"])
    row(NL["made"], dutch_datetime(data.made) if "T" in data.made else data.made)
    row(NL["by"], data.made_by)
    pdf.ln(3)
    heading(pdf, NL["sha_title"], 12)
    pdf.set_font(MONO_FAMILY, "B", 13)
    groups = grouped(data.sha256).split(" ")
    for half in (groups[:4], groups[4:]):  # two lines of four groups: read aloud in turn
        pdf.cell(0, 7, " ".join(half), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    heading(pdf, NL["fp_title"], 12)
    pdf.set_font(MONO_FAMILY, "B", 13)
    pdf.cell(0, 7, data.fingerprint, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    heading(pdf, NL["check_title"], 12)
    para(pdf, NL[CHECKS[0]])
    pdf.set_font(MONO_FAMILY, size=8.5)
    for command in COMMANDS:
        pdf.multi_cell(0, 4.5, printable("  " + NL[command].format(file=data.file_name)),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    for check in CHECKS[1:]:
        para(pdf, NL[check])
        pdf.ln(1)
    pdf.ln(2)
    heading(pdf, NL["sign_title"], 12)
    col = (pdf.epw - 8) / 2
    top = pdf.get_y()
    for n, who in enumerate((NL["handed"], NL["received"])):
        x = pdf.l_margin + n * (col + 8)
        pdf.set_xy(x, top)
        pdf.set_font(SANS, "B", 10)
        pdf.cell(col, 6, printable(who))
        for k, label in enumerate((NL["name"], NL["date"], NL["signature"])):
            y = top + 9 + k * 10
            pdf.set_xy(x, y)
            pdf.set_font(SANS, size=9)
            pdf.cell(24, 6, printable(label))
            pdf.line(x + 24, y + 5.5, x + col, y + 5.5)
    return bytes(pdf.output())


def check_handover_target(bundle: Path, force: bool) -> Path:
    return check_target(handover_path(bundle), force)


def write_handover(bundle: Path, pdf: bytes, force: bool) -> Path:
    """Write the sheet beside ``bundle``: whole or not at all (like the ZIP)."""
    return write_whole(handover_path(bundle), pdf, ".cybercase-export-", force)
