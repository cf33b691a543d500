"""report.pdf for the police bundle: Dutch, printable A4, made in memory with fpdf2.

Order: a cover page (case, school, coordinator, summary, what was left out), a page "how
to check this bundle" for a reader without technical knowledge, the timeline, one page per
evidence item (its image scaled to fit, its hash and times, measured facts apart from
stated ones) and the custody appendix.

Fonts: fpdf2's built-in Helvetica and Courier (no font file to ship). They are written
with WinAnsiEncoding, so text is encoded as cp1252: Dutch diacritics, the euro sign and
typographic quotes print as typed; any other character is printed as its closest cp1252
form, else '?'. Only the printed text is affected: the evidence is untouched.

Speed: lines are placed with ``FPDF.text`` and wrapped here with the core fonts' width
tables (fpdf2's ``cell``/``multi_cell`` cost ~0.1 ms a line, which made the report the
slowest part of an export). Image previews are made once per item on worker threads from
the bytes already streamed into the bag (Pillow releases the GIL while decoding and
encoding), scaled for 150 dpi print and embedded as JPEG, which fpdf2 stores as is.
"""

from __future__ import annotations

from typing import Any

from cybercase.core.i18n import Msg, texts
from cybercase.core.sizes import dutch_size
from cybercase.core.timeutil import local_display
from cybercase.documents.itemlist import ATTACHMENT, item_list
from cybercase.documents.pdf import (
    BOLD,
    BOTTOM,
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
from cybercase.documents.previews import IMAGE_MIMES, Preview, wants_preview
from cybercase.documents.report_input import ReportInput as ReportInput
from cybercase.evidence.items import Item
from cybercase.views.timeline import Event

# all printed Dutch text: the catalogue's ``report.*`` entries (cybercase/locale)
NL = texts("report", "nl")
STATED_NL = texts("report.stated", "nl")
STATED = ("captured_by", "device", "platform", "url", "accounts", "shown_time",
          "description", "tags", "offence_tags")  # the order on an item's page
ACTIONS_NL = texts("report.action", "nl")
TIMELINE_NL = texts("report.tl", "nl")

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
HOW_NL = texts("report.how", "nl")

_TIMELINE_KINDS = ("case.opened", "case.reported", "phase", "case.closed")

# --- the report ----------------------------------------------------------------------------


def report_timeline(events: list[Event], chosen: list[Item]) -> list[Event]:
    rows = [e for e in events if e.kind in _TIMELINE_KINDS]
    rows += [
        Event(item.ingested_at, item.ingested_at, "evidence",
              f"{NL['item']} {item.id} {NL['ingested'].lower()} ({item.original_name})",
              item.ingested_by)
        for item in chosen
    ]
    return sorted(rows, key=Event.sort_key)


# the timeline's own events (Msg) in the report's words: key -> report.tl.* (same values)
_TIMELINE_NL = {
    "cases.tl_opened": "opened", "cases.tl_phase": "phase", "cases.tl_closed": "closed",
    "cases.tl_reported": "reported", "cases.tl_reported_by": "reported_by",
    "cases.tl_reported_via": "reported_via", "cases.tl_reported_by_via": "reported_by_via",
}


def _timeline_text(event: Event) -> str:
    what = event.what
    if isinstance(what, Msg) and what.key in _TIMELINE_NL:
        values = {k: str(v) for k, v in what.params.items()}
        return TIMELINE_NL[_TIMELINE_NL[what.key]].format(**values)
    return str(what)


def _both(times: dict[str, str | None]) -> str:
    if not times.get("utc"):
        return "-"
    return f"{times['amsterdam']}\n= {times['utc']} (UTC)"


def build_report(data: ReportInput) -> bytes:
    try:
        return _build(data)
    finally:
        wrap_text.cache_clear()  # it holds the case's texts: not kept after the report


def _build(data: ReportInput) -> bytes:
    pdf = Pdf(format="A4")
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
    out.row(NL["case"], f"{case.ref}: {case.title}")
    out.row(NL["school"], data.school)
    out.row(NL["coordinator"], data.coordinator)
    out.row(NL["made"], local_display(data.started))
    out.row(NL["items"], len(data.chosen))
    out.row(NL["bag"], data.bag_name)
    out.y += 2
    out.para(NL["check_hint"])
    out.heading(NL["summary"])
    out.para(case.summary or NL["no_summary"])
    out.heading(NL["left_out"])
    out.para(NL["left_out_text"])
    if data.withdrawn:
        out.para(f"{NL['withdrawn']}: " + ", ".join(str(i.id) for i in data.withdrawn))
    if data.not_chosen:
        out.para(f"{NL['not_chosen']}: " + ", ".join(str(i.id) for i in data.not_chosen))

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

    # timeline
    out.page()
    out.heading(NL["timeline"])
    rows = report_timeline(data.timeline, data.chosen)
    if not rows:
        out.para(NL["no_timeline"])
    columns = ((LEFT, 50.0), (LEFT + 52, WIDTH - 52))
    for event in rows:
        when = event.when if event.date_only else local_display(event.when)
        who = f" ({event.by})" if event.by else ""
        out.cells(columns, (when, f"{_timeline_text(event)}{who}"), (PLAIN, PLAIN), 8.5,
                  gap=0.6)

    for item, record in zip(data.chosen, data.records, strict=True):
        _item_page(out, item, record, data.preview(item.id) if wants_preview(item) else None)

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
            out.lines(LEFT, WIDTH, f"{NL['item']} {item_id}", BOLD, 9.5, gap=0.5)
            out.lines(LEFT, WIDTH, header, MONO_BOLD, size, gap=0.6)
            out.rule()
        what = ACTIONS_NL.get(entry.action, entry.action)
        if entry.seq == data.this_export:
            what = NL["this_export"]
        fields = (str(entry.seq), local_display(entry.ts), pdf_text(entry.actor))
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
                   mime_type="text/plain", compress=False)
    return bytes(pdf.output())


def _item_page(out: Writer, item: Item, record: dict[str, Any], preview: Preview | None
               ) -> None:
    out.page()
    out.heading(f"{NL['item']} {item.id}: {item.original_name}", 13)
    facts: list[tuple[str, Any, bool]] = [
        (NL["sha256"], item.sha256, True),
        (NL["file"], record["file"], False),
        (NL["original"], item.original_name, False),
        (NL["size"], dutch_size(item.size, NL["bytes"]), False),
        (NL["type"], item.mime, False),
    ]
    image = item.image or {}
    if image.get("width"):
        facts.append((NL["pixels"], f"{image['width']} x {image['height']} pixels", False))
    measured = record["measured"]
    measured_facts: list[tuple[str, Any, bool]] = [
        (NL["ingested"], _both(measured["ingested_at"]), False),
        (NL["ingested_by"], measured["ingested_by"], False),
        (NL["mtime"], _both(measured["file_mtime"]), False),
    ]
    if measured["exif_time_as_written"]:
        measured_facts.append((NL["exif"], measured["exif_time_as_written"], False))
    if item.flags:
        measured_facts.append((NL["flags"], "\n".join(map(str, item.flags)), False))
    stated = item.stated or {}
    stated_facts: list[tuple[str, Any, bool]] = []
    for key in STATED:
        label = STATED_NL[key]
        value = stated.get(key)
        if value:
            stated_facts.append(
                (label, ", ".join(map(str, value)) if isinstance(value, list) else value, False))

    needed = sum(out.row_height(label, value, mono) for label, value, mono in
                 facts + measured_facts + (stated_facts or [("", NL["nothing_stated"], False)]))
    needed += 2 * (11 * 0.42 + 4.5) + 8
    if preview is not None:
        room = BOTTOM - out.y - needed - 6
        out.image(preview, max(60.0, min(170.0, room)))
        out.lines(LEFT, WIDTH, NL["preview"], PLAIN, 7.5, gap=1.5)
    else:
        wanted = item.mime in IMAGE_MIMES
        out.para(NL["bad_image"] if wanted else NL["not_image"])
    for label, value, mono in facts:
        out.row(label, value, mono)
    out.heading(NL["measured"], 11)
    for label, value, mono in measured_facts:
        out.row(label, value, mono)
    out.heading(NL["stated"], 11)
    if not stated_facts:
        out.para(NL["nothing_stated"], 9)
    for label, value, mono in stated_facts:
        out.row(label, value, mono)
