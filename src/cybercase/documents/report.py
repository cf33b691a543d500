"""report.pdf for the police bundle: Dutch, printable A4, made in memory with fpdf2.

Written for its reader (a police intake officer): a cover (school, named contact, case,
what happened in three sentences), the page "how to check this bundle", the chronology of
the incident by the time things happened (report_chrono.py), what the school did, the
overview of the items and one section per item (report_items.py; an item's number is its
file's number in the bag), the account register, the takedown referrals and the police
record (report_register.py), the custody appendix (the only place with UTC times) and the
list of items embedded for a checker. Dates and codes in Dutch words: report_words.py.

Layout: the toolkit's :class:`Writer` (documents/pdf.py). Image previews are made once per
item on worker threads from the bytes already streamed into the bag (previews.py).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC

from fpdf.enums import AssociatedFileRelationship

from cybercase.core.timeutil import from_iso
from cybercase.documents import report_chrono, report_items, report_register
from cybercase.documents.itemlist import ATTACHMENT, item_list
from cybercase.documents.pdf import (
    BOLD,
    LEFT,
    MAX_WIDTHS,
    MONO,
    MONO_BOLD,
    PLAIN,
    PT_PER_MM,
    TOP,
    WIDTH,
    Pdf,
    Writer,
    line_height,
    pdf_text,
    wrap_text,
)
from cybercase.documents.previews import wants_preview
from cybercase.documents.report_input import ReportInput as ReportInput
from cybercase.documents.report_words import Dutch, action_nl, nl_when, who_nl

# all printed Dutch text: the catalogue's ``report.*`` entries (cybercase/locale)
NL = Dutch("report")
COVER_NL = Dutch("report.cover")
CHRONO_NL = Dutch("report.chrono")

# The page for a reader without technical knowledge: (kind, key of report.how.*); kinds: h
# (heading), p (paragraph), li (list item), code (a command, in a fixed-width font). It
# gives no value to compare with: whoever could change the bundle could change the report.
HOW: list[tuple[str, str]] = [
    ("p", "01"), ("h", "02"), ("p", "03"), ("li", "04"), ("li", "05"), ("p", "06"),
    ("code", "07"), ("code", "08"), ("code", "09"), ("p", "10"), ("code", "11"), ("p", "12"),
    ("h", "13"), ("p", "14"), ("code", "15"), ("p", "16"), ("code", "17"), ("h", "18"),
    ("p", "19"), ("h", "20"), ("li", "21"), ("li", "22"), ("li", "23"), ("li", "24"),
    ("li", "25"), ("p", "26"),
]
HOW_NL = Dutch("report.how")

# --- the report ----------------------------------------------------------------------------


PDFA = "PDFA_3B"  # the report's archival profile (fpdf2's DocumentCompliance)


def build_report(data: ReportInput) -> bytes:
    try:
        return _build(data)
    finally:
        wrap_text.cache_clear()  # it holds the case's texts: not kept after the report


def _build(data: ReportInput) -> bytes:
    # PDF/A-3B (archival): fonts embedded, sRGB output intent, XMP metadata, all written in
    # memory by fpdf2. PDF/A-3 rather than 2 because of the embedded item list below
    # (PDF/A-2 allows only PDF/A files as attachments); otherwise the two are the same.
    pdf = Pdf(format="A4", enforce_compliance=PDFA)
    pdf.page_n, pdf.page_of = NL["page_n"], NL["page"]
    pdf.set_auto_page_break(False)
    pdf.set_margins(LEFT, TOP, LEFT)
    case = data.case
    pdf.auto_footer = False  # footers() below, with the page count
    pdf.footer_text = f"{NL['title']} - {NL['case']} {case.ref}"
    pdf.set_title(pdf_text(f"{NL['title']} {case.ref}"))
    pdf.set_author(pdf_text(data.school or "cybercase"))
    pdf.set_creator("cybercase")
    pdf.set_draw_color(160, 160, 160)
    pdf.set_line_width(0.2)
    out = Writer(pdf)

    # cover
    out.page()
    out.heading(f"{NL['title']} - {NL['case']} {case.ref}", 18)
    contact = data.contact
    out.row(NL["school"], data.school)
    if contact.get("address"):
        out.row(COVER_NL["address"], contact["address"])
    out.row(COVER_NL["contact"], contact.get("contact_name") or data.coordinator)
    out.row(COVER_NL["phone"], contact.get("phone") or "-")
    out.row(COVER_NL["email"], contact.get("email") or "-")
    out.row(NL["case"], f"{case.ref}: {case.title}")
    out.row(NL["made"], nl_when(data.started))
    out.row(NL["items"], len(data.chosen))
    out.row(NL["bag"], data.bag_name)
    out.y += 2
    out.para(NL["check_hint"])
    out.heading(COVER_NL["what_happened"])
    out.para(three_sentences(case.summary) or NL["no_summary"])
    out.heading(NL["left_out"])
    out.para(NL["left_out_text"])
    if data.withdrawn:
        out.para(COVER_NL["withdrawn_n"].format(n=len(data.withdrawn)))
    if data.not_chosen:
        out.para(COVER_NL["not_chosen_n"].format(n=len(data.not_chosen)))

    # how to check (page 2, as the cover says)
    out.page()
    out.heading(NL["how_title"], 16)
    fill = {"school": data.school or NL["the_school"], "bag": data.bag_name}
    for kind, number in HOW:
        text = HOW_NL[number]
        if kind == "h":
            out.heading(text, 11.5)
        elif kind == "p":
            out.para(text.format(**fill), 10.5)
        elif kind == "li":
            top = out.y
            out.lines(LEFT + 2, 4, "\u2022", PLAIN, 10.5)
            out.y = top
            out.lines(LEFT + 6, WIDTH - 6, text, PLAIN, 10.5, gap=0.5)
        else:
            out.lines(LEFT + 8, WIDTH - 8, text.format(**fill), MONO, 9.5, gap=1.5)

    # chronology: the incident, then the school's actions
    out.page()
    out.heading(CHRONO_NL["title"])
    out.para(CHRONO_NL["intro"], 9)
    _rows(out, report_chrono.incident(data), CHRONO_NL["none"])
    out.heading(CHRONO_NL["school"])
    _rows(out, report_chrono.school(data), CHRONO_NL["none_school"])

    out.page()
    report_items.overview(out, data)
    for item, record in zip(data.chosen, data.records, strict=True):
        report_items.section(out, data, item, record,
                             data.preview(item.id) if wants_preview(item) else None)

    out.page()
    report_register.accounts(out, data.accounts, data.number)
    report_register.referrals(out, data.referrals, data.number)
    report_register.police(out, data.police)

    # custody appendix
    out.page()
    out.heading(NL["custody"])
    out.para(NL["custody_intro"], 9)
    # one fixed-width line per entry (one text call, not four: the appendix can hold
    # thousands of entries); an entry whose fields do not fit wraps in columns instead
    widths = (6, 32, 18)
    table = ((LEFT, 12.0), (LEFT + 13, 55.0), (LEFT + 69, 30.0), (LEFT + 100, 80.0))
    header = "  ".join(h.ljust(w) for h, w in zip(
        (NL["col_seq"], NL["col_when"], NL["col_who"]), widths, strict=True)) + "  " + \
        NL["col_what"]
    size = 7.5
    current = None
    for item_id, entry in data.events:
        if item_id != current:
            current = item_id
            out.ensure(16)
            out.y += 1.5
            out.lines(LEFT, WIDTH, f"{NL['item']} {data.number(item_id)}", BOLD, 9.5,
                      gap=0.5)
            out.lines(LEFT, WIDTH, header, MONO_BOLD, size, gap=0.6)
            out.rule()
        what = action_nl(entry.action)
        if entry.seq == data.this_export:
            what = NL["this_export"]
        fields = (str(entry.seq), utc_text(entry.ts), pdf_text(who_nl(entry.actor)))
        line = "  ".join(f.ljust(w) for f, w in zip(fields, widths, strict=True)) + "  " + \
            pdf_text(what)
        if all(len(f) <= w for f, w in zip(fields, widths, strict=True)) and \
                len(line) * MAX_WIDTHS[MONO] * size / 1000 / PT_PER_MM <= WIDTH:
            out.ensure(line_height(size))
            out.draw(LEFT, line, MONO, size)
            out.y += line_height(size) + 0.2
        else:
            out.cells(table, (*fields, what), (PLAIN,) * 4, 8, gap=0.3)
    out.flush()
    pdf.footers()
    # the item list a checker can read without a PDF library (see export/itemlist.py)
    pdf.embed_file(bytes=item_list((item.id, str(record["file"]), item.sha256)
                                   for item, record in zip(data.chosen, data.records,
                                                           strict=True)),
                   basename=ATTACHMENT, desc="Bewijsstukken in deze bundel",
                   mime_type="text/plain", compress=False,
                   modification_date=from_iso(data.started),
                   associated_file_relationship=AssociatedFileRelationship.DATA.value)
    return bytes(pdf.output())



def _rows(out: Writer, rows: list[report_chrono.Row], empty: str) -> None:
    if not rows:
        out.para(empty, 9)
        return
    columns = ((LEFT, 34.0), (LEFT + 36, 92.0), (LEFT + 130, WIDTH - 130))
    for row in rows:
        out.cells(columns, (row.when, row.what, row.basis), (PLAIN, PLAIN, PLAIN), 8,
                  gap=0.7)


def three_sentences(text: str | None) -> str:
    """The first three sentences of the case's summary (all of it when shorter)."""
    if not text:
        return ""
    parts = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return " ".join(parts[:3])


@functools.lru_cache(maxsize=8192)  # an export's own entries are on every item's custody
def utc_text(ts: str) -> str:
    """``2026-12-03 07:40 UTC``: the appendix's times (the only UTC in the report)."""
    try:
        return from_iso(ts).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return ts
