"""The printable smartphone agreement form (Dutch A4, names the pupil by first name).

``write_pdf`` renders the form of one agreement (:mod:`cybercase.cyber.agreements`) and
writes it where the coordinator asked, never over an existing file unless told to, audited
before the personal data leaves the vault.
"""

from __future__ import annotations

import hashlib
import os
import re
from contextlib import suppress
from pathlib import Path
from typing import Any

from cybercase.core import oslayer
from cybercase.core.dutchdates import dutch_date
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, texts
from cybercase.cyber.agreements import Agreement, get_agreement
from cybercase.vault import Vault
from cybercase.vault.settings import get_settings

# all printed Dutch text of the form: the catalogue's ``agreements.form.*`` entries
FORM_NL = texts("agreements.form", "nl")


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def _blank(day: str | None) -> str:
    return dutch_date(day) if day else FORM_NL["blank"]


_CHILD = re.compile(r"\b(ik|mij|me|mijn)\b", re.IGNORECASE)
_PARENTS = re.compile(r"\b(wij|we|ons|onze)\b", re.IGNORECASE)


def voice(text: str) -> str:
    """Whose point it is, by its words: ``pupil`` ("ik", "mijn"), ``parents`` ("wij",
    "ons"), else ``together``. The form prints each group under its own heading, so the
    voice never switches inside a group."""
    if _CHILD.search(text):
        return "pupil"
    if _PARENTS.search(text):
        return "parents"
    return "together"


def grouped_points(points: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The points in three groups (pupil, parents, together), numbering kept."""
    groups: dict[str, list[dict[str, Any]]] = {"pupil": [], "parents": [], "together": []}
    for point in points:
        groups[voice(str(point["nl"]))].append(point)
    return [(who, found) for who, found in groups.items() if found]


def render_pdf(vault: Vault, agr: Agreement) -> bytes:
    """The Dutch A4 form to sign (embedded fonts, "pagina x van y"); a draft is marked
    CONCEPT on every page, the signed version is not."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    from cybercase.documents.pdf import SANS, Pdf, heading, para, printable

    draft = agr.status == "draft"
    settings = get_settings(vault)

    class Form(Pdf):
        def header(self) -> None:
            if not draft:
                return
            with self.local_context(text_color=(200, 40, 40)):
                self.set_font(SANS, "B", 11)
                self.set_xy(self.l_margin, 6)
                self.cell(self.epw, 6, FORM_NL["concept"], align="R")
                self.set_font(SANS, "B", 90)
                self.set_text_color(235, 235, 235)
                with self.rotation(55, self.w / 2, self.h / 2):
                    self.set_xy(0, self.h / 2 - 20)
                    self.cell(self.w, 40, FORM_NL["concept"], align="C")
            self.set_xy(self.l_margin, self.t_margin)

    def inline(pdf: FPDF, key: str, value: str) -> None:
        pdf.set_font(SANS, "B", 10)
        label = printable(f"{key}: ")
        pdf.cell(pdf.get_string_width(label) + 1, 6, label)
        pdf.set_font(SANS, size=10)
        pdf.multi_cell(0, 6, printable(value), align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)

    pdf = Form(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 16, 18)
    reference = f"{agr.case}/A{agr.id}"
    pdf.footer_text = f"{FORM_NL['footer']} - {FORM_NL['reference']} {reference}"
    if draft:
        pdf.footer_text = f"{FORM_NL['concept']} - {pdf.footer_text}"
    pdf.set_title(printable(agr.title_nl))
    pdf.set_author(printable(settings.school or vault.school or "cybercase"))
    pdf.set_creator("cybercase")
    pdf.add_page()
    heading(pdf, agr.title_nl, 16)
    if draft:
        with pdf.local_context(text_color=(200, 40, 40)):
            pdf.set_font(SANS, "B", 10)
            pdf.multi_cell(0, 6, FORM_NL["concept_note"], border=1, align="L",
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    school = settings.school or vault.school
    if school:
        inline(pdf, FORM_NL["school"], school)
    name = first_name(agr.pupil)
    pupil = name + (f" ({FORM_NL['group']} {agr.pupil_group})" if agr.pupil_group else "")
    inline(pdf, FORM_NL["pupil"], pupil)
    inline(pdf, FORM_NL["parents"], agr.parents)
    inline(pdf, FORM_NL["reference"], reference)
    if agr.intro_nl:
        pdf.ln(2)
        para(pdf, agr.intro_nl, 9.5)
    pdf.ln(1)
    for who, points in grouped_points(agr.points):
        pdf.ln(1)
        title = {"pupil": FORM_NL["for_pupil"].format(name=name),
                 "parents": FORM_NL["for_parents"], "together": FORM_NL["together"]}[who]
        heading(pdf, title, 11)
        for point in points:
            if pdf.get_y() > pdf.h - 35:
                pdf.add_page()
            pdf.rect(pdf.l_margin, pdf.get_y() + 0.8, 3.6, 3.6)
            pdf.set_x(pdf.l_margin + 7)
            pdf.set_font(SANS, size=10)
            pdf.multi_cell(pdf.epw - 7, 4.8, printable(f"{point['n']}. {point['nl']}"),
                           align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
    pdf.ln(2)
    heading(pdf, FORM_NL["contact"], 11)
    details = [settings.contact_name,
               f"{FORM_NL['phone'].lower()} {settings.phone}" if settings.phone else "",
               f"{FORM_NL['email'].lower()} {settings.email}" if settings.email else ""]
    filled = ", ".join(d for d in details if d)
    para(pdf, f"{FORM_NL['contact_text']} {filled or FORM_NL['no_contact']}")
    pdf.ln(2)
    inline(pdf, FORM_NL["agreed"], _blank(agr.agreed_on))
    inline(pdf, FORM_NL["review"], _blank(agr.review_on))
    row_height = 27.0
    if pdf.get_y() > pdf.h - 18 - 10 - 2 * row_height:  # the signatures stay together
        pdf.add_page()
    pdf.ln(1)
    heading(pdf, FORM_NL["sign"], 12)
    signers = [FORM_NL["sign_parent"], FORM_NL["sign_parent"], FORM_NL["sign_pupil"],
               FORM_NL["sign_school"] + (f" ({school})" if school else "")]
    col = pdf.epw / 2
    y = pdf.get_y()
    for i, who in enumerate(signers):
        x = pdf.l_margin + (i % 2) * col
        if i % 2 == 0 and i:
            y += row_height
        pdf.set_xy(x, y)
        pdf.set_font(SANS, "B", 9)
        pdf.cell(col - 6, 5, printable(who))
        pdf.set_font(SANS, size=9)
        for j, label in enumerate((FORM_NL["name"], FORM_NL["date"], FORM_NL["signature"])):
            line_y = y + 10 + j * 7
            pdf.set_xy(x, line_y - 4)
            pdf.cell(26, 5, printable(label))
            pdf.line(x + 26, line_y, x + col - 6, line_y)
    return bytes(pdf.output())


def write_pdf(vault: Vault, agreement_id: int, out: Path, force: bool = False) -> Path:
    """Write the form to ``out`` (never over an existing file unless ``force``); audited."""
    vault.require("case.read")
    agr = get_agreement(vault, agreement_id)
    out = Path(out)
    if (out.exists() or out.is_symlink()) and not force:
        raise UsageError(msg("cyber.agreements.exists", path=out))
    if not out.parent.is_dir():
        raise UsageError(msg("cyber.agreements.no_dir", path=out.parent))
    data = render_pdf(vault, agr)
    # logged before the personal data leaves the vault, as an evidence extract is
    with vault.transaction() as tx:
        tx.audit("agreement.pdf", f"agreement {agreement_id}",
                 {"file": out.name, "sha256": hashlib.sha256(data).hexdigest()},
                 case_ref=agr.case)
    if force and (out.exists() or out.is_symlink()):
        # a new file beside it, then one rename: the old form stays until the new is whole
        _write_new(out.with_name(f".{out.name}.{os.getpid()}.part"), data, out)
    else:
        _write_new(out, data, None)
    return out


def _write_new(path: Path, data: bytes, replace: Path | None) -> None:
    """Create ``path`` (never over an existing file), write ``data``; optionally rename it
    over ``replace``. Nothing half-written is left behind."""
    try:
        fd = oslayer.create_new(path)
    except FileExistsError:
        raise UsageError(msg("cyber.agreements.exists", path=replace or path)) from None
    except OSError as exc:
        raise UsageError(msg("cyber.agreements.out_fail", path=replace or path,
                             error=exc.strerror)) from None
    done = False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            oslayer.sync_file(fh.fileno())
        if replace is not None:
            os.replace(path, replace)
        done = True
    except OSError as exc:
        raise UsageError(msg("cyber.agreements.out_fail", path=replace or path,
                             error=exc.strerror)) from None
    finally:
        if not done:
            with suppress(OSError):
                path.unlink()
