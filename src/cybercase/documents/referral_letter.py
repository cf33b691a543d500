"""A takedown referral's notice (EU DSA art. 16) as a PDF letter from the school.

The letter's text is the one ``cybercase referral text`` gives (:func:`request_letter`),
on the PDF toolkit: the school's header (name, address, contact person, phone, e-mail from
the vault's settings), the date written out ("3 december 2026"), the notice's paragraphs
with their headings in bold, and "pagina x van y" in the footer. Dutch by default, English
on request, like the text. It names no child (the notice holds only what was typed for the
referral). The file is written whole or not at all and the write is audited (its name,
never its folder, and its SHA-256).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cybercase.core.dutchdates import written_date
from cybercase.core.i18n import texts
from cybercase.core.safefile import check_target, write_whole
from cybercase.cyber.referrals import Letter, request_letter
from cybercase.documents.contact import school_contact
from cybercase.vault import Vault
from cybercase.vault.settings import Settings

# the letter's own words (header labels, footer): catalogue entries ``referrals.pdf.*``
WORDS = {lang: texts("referrals.pdf", lang) for lang in ("nl", "en")}
_HEADER = (("address", ""), ("contact_name", "contact"), ("phone", "phone"),
           ("email", "email"))


def build_letter(letter: Letter, settings: Settings) -> bytes:
    """The letter as PDF bytes (A4, embedded fonts)."""
    from fpdf.enums import XPos, YPos

    from cybercase.documents.pdf import SANS, Pdf, line, printable

    words = WORDS[letter.lang]
    pdf = Pdf(format="A4")
    pdf.page_of = words["page"]
    pdf.footer_text = words["footer"].format(ref=letter.reference)
    pdf.set_title(printable(words["title"].format(ref=letter.reference)))
    pdf.set_author(printable(settings.school or "cybercase"))
    pdf.set_creator("cybercase")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    # the school's header, the date on the right
    top = pdf.get_y()
    pdf.set_font(SANS, "B", 12)
    pdf.multi_cell(110, 6, printable(settings.school or "-"), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(SANS, size=9.5)
    for field, label in _HEADER:
        value = getattr(settings, field)
        if value:
            text = f"{words[label]}: {value}" if label else value
            pdf.multi_cell(110, 4.8, printable(text), align="L", new_x=XPos.LMARGIN,
                           new_y=YPos.NEXT)
    below = pdf.get_y()
    pdf.set_xy(pdf.l_margin + 110, top)
    pdf.cell(pdf.epw - 110, 6, printable(written_date(letter.day, letter.lang)), align="R")
    pdf.set_y(max(below, top + 8) + 3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    pdf.ln(6)
    subject, *rest = letter.paragraphs
    pdf.set_font(SANS, "B", 11)
    line(pdf, "\n".join(subject))
    pdf.ln(3)
    for lines in rest:
        heading = len(lines) > 1 and lines[0].endswith(":")
        if heading:
            pdf.set_font(SANS, "B", 10)
            line(pdf, lines[0])
            lines = lines[1:]
        pdf.set_font(SANS, size=10)
        for text in lines:
            if text.startswith("- "):  # a URL or an account: hanging under its dash
                pdf.cell(5, 5, "-")
                pdf.multi_cell(pdf.epw - 5, 5, printable(text[2:]), align="L",
                               new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else:
                line(pdf, text)
        pdf.ln(3.5)
    return bytes(pdf.output())


def write_letter(vault: Vault, referral_id: int, out: Path, lang: str = "nl", *,
                 name: str | None = None, email: str | None = None,
                 force: bool = False) -> Path:
    """Write the referral's letter to ``out`` (never over a file unless ``force``).

    Without ``name`` and ``email`` the letter is signed with the contact person and e-mail
    address of the school's settings."""
    vault.require("case.read")
    out = check_target(Path(out), force)
    settings = school_contact(vault)
    letter = request_letter(vault, referral_id, lang, name=name or settings.contact_name or None,
                            email=email or settings.email or None)
    data = build_letter(letter, settings)
    with vault.transaction() as tx:
        tx.audit("referral.pdf", f"referral {referral_id}",
                 {"file": out.name, "lang": lang, "sha256": hashlib.sha256(data).hexdigest()},
                 case_ref=letter.case)
    return write_whole(out, data, ".cybercase-letter-", force)
