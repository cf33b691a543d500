"""inzage.pdf: the readable part of an access export (Dutch, other children masked).

The sections come gathered and masked from :mod:`cybercase.privacy.subject`.
"""

from __future__ import annotations

import io
from typing import Any

from fpdf import FPDF

from cybercase.core.dutchdates import dutch_datetime
from cybercase.evidence.store import read_chunks
from cybercase.privacy.subject_attach import Attachment
from cybercase.privacy.subject_model import NL, Section, SubjectContext
from cybercase.vault import Vault
from cybercase.vault.settings import get_settings

# printed Dutch text in one place (translatable)


def render(vault: Vault, ctx: SubjectContext, sections: list[Section],
           included: list[Attachment], started: str) -> bytes:
    from cybercase.documents.pdf import SANS, Pdf, heading, line, para
    from cybercase.documents.previews import make_preview, wants_preview

    def _kv(pdf: FPDF, key: str, value: Any) -> None:
        pdf.set_font(SANS, "B", 9)
        line(pdf, key)
        pdf.set_font(SANS, size=9)
        line(pdf, value if value not in (None, "") else "-")

    pdf = Pdf(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(15, 15, 15)
    pdf.footer_text = NL["footer"]
    pdf.set_creator("cybercase")
    pdf.add_page()
    heading(pdf, NL["title"].format(name=ctx.person.name), 16)
    para(pdf, NL["intro"])
    pdf.ln(2)
    settings = get_settings(vault)
    _kv(pdf, NL["school"], settings.school or vault.school)
    if settings.address:
        _kv(pdf, NL["address"], settings.address)
    _kv(pdf, NL["made"], dutch_datetime(started))
    _kv(pdf, NL["by"], settings.contact_name or vault.actor)
    contact = ", ".join(v for v in (settings.phone, settings.email) if v)
    if contact:
        _kv(pdf, NL["contact"], contact)
    for section in sections:
        pdf.ln(3)
        heading(pdf, section.title_nl, 13)
        for label, text in section.lines:
            if label == "#":
                pdf.ln(1)
                heading(pdf, text, 11)
            elif label:
                _kv(pdf, label, text)
            else:
                para(pdf, text)
    pdf.ln(3)
    heading(pdf, NL["left_out"], 13)
    for entry in ctx.left_out:
        para(pdf, f"- {entry['what']}: {entry['why']}.")
    for attached in included:
        item = attached.item
        pdf.add_page()
        heading(pdf, f"{NL['evidence_files']}: {item.id}", 13)
        if not attached.masked:
            pdf.set_font(SANS, "B", 10)
            line(pdf, NL["unmasked_note"].format(id=item.id))
            pdf.ln(2)
        data = attached.data if attached.kind == "image" else (
            b"".join(read_chunks(vault.conn, item.blob_id))
            if not attached.masked and wants_preview(item) else None)
        preview = make_preview(data, item.mime) if data is not None else None
        if preview is not None:
            scale = min(180.0 / preview.width, 200.0 / preview.height)
            pdf.image(io.BytesIO(preview.jpeg), x=15, y=pdf.get_y(), w=preview.width * scale,
                      h=preview.height * scale)
            pdf.set_y(pdf.get_y() + preview.height * scale + 3)
        what = NL["attached_masked"] if attached.masked else NL["attached_unmasked"]
        para(pdf, what.format(file=attached.member), 8)
    return bytes(pdf.output())

