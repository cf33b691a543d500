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

import re
from typing import Any

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

# all printed Dutch text in one place (translatable)
NL = {
    "title": "Bewijsbundel cyberpesten",
    "case": "Zaak",
    "school": "School",
    "coordinator": "Coördinator (exporteur)",
    "made": "Gemaakt op",
    "items": "Aantal bewijsstukken",
    "bag": "Map in het ZIP-bestand",
    "check_hint": (
        "Op pagina 2 leest u hoe u controleert dat deze bundel van de school komt en niet "
        "is veranderd: met twee waarden die u zelf berekent en telefonisch met de school "
        "vergelijkt."
    ),
    "summary": "Samenvatting",
    "no_summary": "(geen samenvatting vastgelegd)",
    "timeline": "Tijdlijn",
    "no_timeline": "(geen gebeurtenissen vastgelegd)",
    "item": "Bewijsstuk",
    "sha256": "SHA-256 (vingerafdruk)",
    "file": "Bestand in de bundel",
    "original": "Oorspronkelijke naam",
    "size": "Grootte",
    "bytes": "bytes",
    "type": "Type",
    "pixels": "Afmetingen",
    "ingested": "Opgeslagen in de kluis",
    "ingested_by": "Opgeslagen door",
    "mtime": "Wijzigingstijd van het bestand",
    "exif": "EXIF-tijd (door het toestel geschreven, zonder tijdzone)",
    "flags": "Opmerkingen bij het opslaan",
    "measured": "Gemeten (door cybercase vastgesteld)",
    "stated": "Verklaard (door een persoon opgegeven, niet gecontroleerd)",
    "nothing_stated": "(niets verklaard)",
    "not_image": "Dit bestand is geen afbeelding. Het origineel staat onveranderd in de bundel.",
    "bad_image": (
        "De afbeelding kon niet worden getoond. Het origineel staat onveranderd in de bundel."
    ),
    "preview": "Verkleinde weergave om af te drukken; het origineel staat onveranderd in de "
               "bundel.",
    "custody": "Bijlage: bewaarketen (audit-log per bewijsstuk)",
    "custody_intro": (
        "Iedere handeling met een bewijsstuk staat in het audit-log van de kluis, met wie en "
        "wanneer. Het volledige log per bewijsstuk, met de hash van iedere regel, staat in "
        "data/custody.csv."
    ),
    "this_export": "export gestart: deze bundel",
    "col_seq": "Nr.",
    "col_when": "Tijd (Nederlandse tijd)",
    "col_who": "Wie",
    "col_what": "Handeling",
    "left_out": "Weggelaten",
    "left_out_text": (
        "Deze bundel bevat alleen wat de ontvanger nodig heeft. Niet opgenomen zijn: "
        "aantekeningen van de steungroep, zorggegevens van kinderen, gegevens van de "
        "betrokken personen en interne notities van de school. Zie data/left-out.txt."
    ),
    "withdrawn": "Door de school ingetrokken bewijsstukken (niet in de bundel)",
    "not_chosen": "Niet gekozen voor deze bundel",
    "how_title": "Hoe controleert u deze bundel?",
    "page": "pagina {n} van {nb}",
    "page_n": "pagina",
}

STATED_NL = {
    "captured_by": "Vastgelegd door", "device": "Toestel/app", "platform": "Platform",
    "url": "URL", "accounts": "Accounts", "shown_time": "Tijd op het scherm",
    "description": "Beschrijving", "tags": "Soort", "offence_tags": "Soort",
}

ACTIONS_NL = {
    "evidence.ingest": "opgeslagen in de kluis",
    "evidence.extract": "kopie uit de kluis gehaald",
    "evidence.withdraw": "ingetrokken",
    "evidence.verify": "gecontroleerd",
    "export.start": "export gestart (een eerdere bundel)",
    "export.done": "export voltooid",
    "export.failed": "export mislukt",
}

# The page for a reader without technical knowledge: (kind, text); kinds: h (heading),
# p (paragraph), li (list item), code (a command, in a fixed-width font). It gives no
# value to compare with: whoever could change the bundle could change the report too.
HOW: list[tuple[str, str]] = [
    ("p", "Deze bundel bevat de bewijsstukken precies zoals de school ze heeft ontvangen en "
          "bewaard. Van ieder bestand is een digitale vingerafdruk vastgelegd (een "
          "SHA-256-code van 64 tekens). Verandert er ook maar één teken in een bestand, dan "
          "klopt die vingerafdruk niet meer. Zo is na te gaan dat er niets is veranderd."),
    ("h", "1. Komt de bundel van de school? Bereken twee waarden en bel de school."),
    ("p", "Niets in deze bundel kan zelf bewijzen waar hij vandaan komt: wie de bundel kan "
          "veranderen, kan ook dit rapport veranderen. Daarom staat hier geen waarde om mee "
          "te vergelijken. Bereken zelf twee waarden en laat {school} ze door de telefoon "
          "voorlezen. Bel een nummer waarvan u weet dat het van de school is (niet een nummer "
          "uit deze bundel); ook het overdrachtsformulier dat bij de bundel hoort noemt ze."),
    ("li", "A: de SHA-256 van het ZIP-bestand, precies zoals u het ontving;"),
    ("li", "B: de vingerafdruk van de sleutel waarmee de bundel is ondertekend."),
    ("p", "Kloppen beide, dan is dit precies de bundel die de school heeft gemaakt. De "
          "SHA-256 van het ZIP-bestand berekent u vóór het uitpakken, bijvoorbeeld met:"),
    ("code", "Get-FileHash -Algorithm SHA256 bundel.zip    (Windows PowerShell)"),
    ("code", "certutil -hashfile bundel.zip SHA256          (Windows)"),
    ("code", "sha256sum bundel.zip  of  shasum -a 256 bundel.zip    (Linux, Mac)"),
    ("p", "Beide waarden, en alle controles hieronder, geeft cybercase. Met --expect en de "
          "vingerafdruk die de school voorlas, keurt het iedere andere sleutel af:"),
    ("code", "cybercase verify-bundle bundel.zip --expect \"VINGERAFDRUK\""),
    ("p", "Zonder cybercase: VERIFY.txt in de bundel beschrijft hoe u met openssl de "
          "handtekening controleert en de vingerafdruk van de sleutel berekent."),
    ("h", "2. Is er niets veranderd? Laat de bundel controleren."),
    ("p", "Uw digitale recherche of ICT-afdeling kan dit met gangbare, gratis programma's "
          "nagaan; het bestand VERIFY.txt in de bundel beschrijft de stappen. Kort: pak het "
          "ZIP-bestand uit, ga naar de map \"{bag}\" en geef een van deze opdrachten:"),
    ("code", "sha256sum -c manifest-sha256.txt"),
    ("p", "Achter ieder bestand moet OK staan (op een Mac: shasum -a 256 -c "
          "manifest-sha256.txt). Of met een BagIt-controleprogramma:"),
    ("code", "bagit.py --validate \"{bag}\""),
    ("h", "3. Vergelijk met dit rapport."),
    ("p", "Op de pagina van ieder bewijsstuk staat zijn SHA-256. Dezelfde code staat in "
          "manifest-sha256.txt en in data/evidence.csv. De lijst van bewijsstukken van dit "
          "rapport zit ook als bijlage bewijsstukken.txt in het PDF-bestand; cybercase "
          "verify-bundle controleert dat die lijst, evidence.json en evidence.csv precies "
          "de bestanden in data/evidence/ beschrijven."),
    ("h", "Wat staat waar?"),
    ("li", "data/evidence/: de bewijsstukken zelf, onveranderd;"),
    ("li", "data/evidence.csv en data/evidence.json: de gegevens per bewijsstuk (de CSV "
           "opent in een spreadsheet);"),
    ("li", "data/custody.csv: wie wanneer wat met ieder bewijsstuk heeft gedaan;"),
    ("li", "data/left-out.txt: wat bewust niet in de bundel zit;"),
    ("li", "data/report.pdf: dit rapport."),
    ("p", "Is de bundel versleuteld? Open hem dan met 7-Zip, WinZip of Keka en het "
          "wachtwoord dat u apart van de bundel hebt gekregen."),
]

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


_TIMELINE_NL: list[tuple[str, re.Pattern[str], str]] = [
    ("case.opened", re.compile(r"case opened in phase (\d+)"), "zaak geopend in fase {0}"),
    ("phase", re.compile(r"phase (\d+) -> (\d+): (.*)", re.S), "fase {0} -> {1}: {2}"),
    ("case.closed", re.compile(r"closed: (.*)", re.S), "zaak gesloten: {0}"),
    ("case.reported", re.compile(r"reported(?: by (.*?))?(?: via ([^ ]*))?", re.S),
     "gemeld"),
]


def _timeline_text(event: Event) -> str:
    for kind, pattern, template in _TIMELINE_NL:
        match = pattern.fullmatch(event.what) if event.kind == kind else None
        if match is None:
            continue
        if kind == "case.reported":
            who, how = match.groups()
            return "gemeld" + (f" door {who}" if who else "") + (f" via {how}" if how else "")
        return template.format(*match.groups())
    return event.what


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
    fill = {"school": data.school or "de school", "bag": data.bag_name}
    for kind, text in HOW:
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
    for key, label in STATED_NL.items():
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
