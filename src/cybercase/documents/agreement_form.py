"""The printable smartphone agreement form (Dutch A4, names the pupil by first name).

``write_pdf`` renders the form of one agreement (:mod:`cybercase.cyber.agreements`) and
writes it where the coordinator asked, never over an existing file unless told to, audited
before the personal data leaves the vault.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from pathlib import Path

from cybercase.core import oslayer
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, texts
from cybercase.cyber.agreements import Agreement, get_agreement
from cybercase.vault import Vault

# all printed Dutch text of the form: the catalogue's ``agreements.form.*`` entries
FORM_NL = texts("agreements.form", "nl")


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def _blank(day: str | None) -> str:
    return day or FORM_NL["blank"]


def render_pdf(vault: Vault, agr: Agreement) -> bytes:
    """The Dutch A4 form to sign (fpdf2 core fonts via the report's helpers), one page for
    the usual number of points."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    from cybercase.documents.pdf import SANS, Pdf, heading, para, printable

    def inline(pdf: FPDF, key: str, value: str) -> None:
        pdf.set_font(SANS, "B", 10)
        label = printable(f"{key}: ")
        pdf.cell(pdf.get_string_width(label) + 1, 6, label)
        pdf.set_font(SANS, size=10)
        pdf.multi_cell(0, 6, printable(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf = Pdf(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(18, 16, 18)
    reference = f"{agr.case}/A{agr.id}"
    pdf.footer_text = f"{FORM_NL['footer']} - {FORM_NL['reference']} {reference}"
    pdf.set_title(printable(agr.title_nl))
    pdf.set_author(printable(vault.school or "cybercase"))
    pdf.set_creator("cybercase")
    pdf.add_page()
    heading(pdf, agr.title_nl, 16)
    if vault.school:
        inline(pdf, FORM_NL["school"], vault.school)
    pupil = first_name(agr.pupil)
    if agr.pupil_group:
        pupil += f" ({FORM_NL['group']} {agr.pupil_group})"
    inline(pdf, FORM_NL["pupil"], pupil)
    inline(pdf, FORM_NL["parents"], agr.parents)
    inline(pdf, FORM_NL["reference"], reference)
    if agr.intro_nl:
        pdf.ln(2)
        para(pdf, agr.intro_nl)
    pdf.ln(3)
    heading(pdf, FORM_NL["points"], 13)
    for point in agr.points:
        if pdf.get_y() > pdf.h - 35:
            pdf.add_page()
        pdf.rect(pdf.l_margin, pdf.get_y() + 0.8, 3.6, 3.6)
        pdf.set_x(pdf.l_margin + 7)
        pdf.set_font(SANS, size=10)
        pdf.multi_cell(pdf.epw - 7, 5, printable(f"{point['n']}. {point['nl']}"),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    pdf.ln(2)
    inline(pdf, FORM_NL["agreed"], _blank(agr.agreed_on))
    inline(pdf, FORM_NL["review"], _blank(agr.review_on))
    row_height = 31.0
    if pdf.get_y() > pdf.h - 20 - 12 - 2 * row_height:
        pdf.add_page()
    pdf.ln(3)
    heading(pdf, FORM_NL["sign"], 13)
    signers = [FORM_NL["sign_parent"], FORM_NL["sign_parent"], FORM_NL["sign_pupil"],
               FORM_NL["sign_school"] + (f" ({vault.school})" if vault.school else "")]
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
            line_y = y + 11 + j * 8
            pdf.set_xy(x, line_y - 4)
            pdf.cell(22, 5, printable(label))
            pdf.line(x + 22, line_y, x + col - 6, line_y)
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
