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

import functools
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import CORE_FONTS_CHARWIDTHS

from cybercase.cases.cases import Case
from cybercase.core.timeutil import local_display
from cybercase.documents.itemlist import ATTACHMENT, item_list
from cybercase.documents.previews import IMAGE_MIMES, Preview, wants_preview
from cybercase.evidence.items import Item
from cybercase.vault.audit import AuditEntry
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

# --- text ----------------------------------------------------------------------------------

_TRANSLATE = str.maketrans({"\u00a0": " ", "\t": " ", "\u2192": "->", "\u2190": "<-",
                            "\u2212": "-", "\u2010": "-", "\u2011": "-"})


def pdf_text(value: Any) -> str:
    """Text for the core fonts (cp1252), one line: the nearest form of other characters,
    else '?'. Never markup: fpdf2's text() prints it literally."""
    text = unicodedata.normalize("NFC", str(value)).translate(_TRANSLATE)
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            try:
                ch.encode("cp1252")
                out.append(ch)
                continue
            except UnicodeEncodeError:
                pass
            base = unicodedata.normalize("NFKD", ch).encode("cp1252", "ignore").decode("cp1252")
            out.append(base if base and base.isprintable() else "?")
        elif ch in "\r\n":
            out.append(" ")
    return "".join(out)


def latin1(text: Any) -> str:
    """Printable text for fpdf2's cell/multi_cell with the core fonts: like ``pdf_text``,
    but line breaks are kept (multi_cell wraps on them). Used by other Dutch forms (e.g.
    cyber/agreements.py) together with ``_Pdf``, ``_h`` and ``_p``."""
    return "\n".join(pdf_text(line) for line in str(text).split("\n"))

_K = 72 / 25.4  # points per mm
_FONTS = {("H", ""): "helvetica", ("H", "B"): "helveticaB", ("C", ""): "courier",
          ("C", "B"): "courierB"}
_CP = {key: CORE_FONTS_CHARWIDTHS[name] for key, name in _FONTS.items()}
_MAXW = {key: max(widths.values()) for key, widths in _CP.items()}


def _width(text: str, font: tuple[str, str], size: float) -> float:
    """Width in mm of cp1252-safe text (no fpdf2 call: ~50x faster than get_string_width)."""
    widths = _CP[font]
    raw = text if text.isascii() else text.encode("cp1252").decode("latin-1")
    return sum(widths[c] for c in raw) * size / 1000 / _K


def _cut(word: str, width: float, font: tuple[str, str], size: float) -> int:
    """How many characters of ``word`` fit in ``width`` mm (at least one)."""
    widths = _CP[font]
    limit = width * 1000 * _K / size
    total = 0
    for n, c in enumerate(word.encode("cp1252").decode("latin-1")):
        total += widths[c]
        if total > limit:
            return max(1, n)
    return len(word)


def _wrap(text: str, width: float, font: tuple[str, str], size: float) -> list[str]:
    """Greedy word wrap of one cp1252-safe line to ``width`` mm; over-long words are cut."""
    if len(text) * _MAXW[font] * size / 1000 / _K <= width:
        return [text]  # fits even if every character were the widest
    if _width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while _width(word, font, size) > width:  # a URL or hash longer than the line
            cut = _cut(word, width, font, size)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    lines.append(current)
    return lines


def _wrap_all(text: Any, width: float, font: tuple[str, str], size: float) -> tuple[str, ...]:
    """Every line of ``text`` (its own line breaks kept), wrapped, printable."""
    return _wrap_text(str(text), width, font, size)


@functools.lru_cache(maxsize=4096)  # labels and repeated values: wrapped once
def _wrap_text(text: str, width: float, font: tuple[str, str], size: float) -> tuple[str, ...]:
    out: list[str] = []
    for part in text.splitlines() or [""]:
        out.extend(_wrap(pdf_text(part), width, font, size))
    return tuple(out)


# --- layout --------------------------------------------------------------------------------

_LEFT, _TOP, _WIDTH, _BOTTOM = 15.0, 15.0, 180.0, 280.0
_LABEL_W = 52.0
_VALUE_X = _LEFT + _LABEL_W + 3
_VALUE_W = _WIDTH - _LABEL_W - 3


class _Pdf(FPDF):
    """A4 document with the core fonts in cp1252 and a footer 'text - pagina N'.

    Flowing documents (cell/multi_cell, automatic page breaks) get the footer on every
    page by themselves; the report sets ``auto_footer = False`` and calls ``footers``
    once it knows the page count."""

    footer_text = ""
    auto_footer = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.core_fonts_encoding = "cp1252"  # the fonts are written as WinAnsiEncoding

    def footer(self) -> None:
        if not self.auto_footer:
            return
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, latin1(f"{self.footer_text} - {NL['page_n']} {self.page_no()}"),
                  align="C")

    def footers(self) -> None:
        """'text - pagina N van M' on every page, once M is known (one text call per page:
        a cell per page cost more than the page's own lines)."""
        total = self.pages_count
        for number in range(1, total + 1):
            self.page = number
            self.set_font("Helvetica", size=8)
            self.current_font_is_set_on_page = False  # this page's text ended in any font
            text = pdf_text(f"{self.footer_text} - ") + NL["page"].format(n=number, nb=total)
            self.text((210 - _width(text, _PLAIN, 8)) / 2, 297 - 8, text)
        self.page = total


def _line(pdf: FPDF, text: Any) -> None:
    """One paragraph in a flowing document; a plain cell when it fits on a line."""
    text = latin1(text)
    if "\n" not in text and pdf.get_string_width(text) < pdf.epw - 1:
        pdf.cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _h(pdf: FPDF, text: Any, size: int = 14) -> None:
    """A heading in a flowing document (see ``_Pdf``)."""
    pdf.set_font("Helvetica", "B", size)
    _line(pdf, text)
    pdf.ln(3)


def _p(pdf: FPDF, text: Any, size: int = 10) -> None:
    """A paragraph in a flowing document (see ``_Pdf``)."""
    pdf.set_font("Helvetica", size=size)
    _line(pdf, text)


Font = tuple[str, str]
_PLAIN: Font = ("H", "")
_BOLD: Font = ("H", "B")
_MONO: Font = ("C", "")
_MONO_BOLD: Font = ("C", "B")


def _line_h(size: float) -> float:
    return size * 0.42


class _Writer:
    """Places lines top-down with FPDF.text; breaks pages itself.

    A page's lines are collected and written per font when the page is done (switching
    fonts for every label and value cost more than writing the text)."""

    def __init__(self, pdf: _Pdf) -> None:
        self.pdf = pdf
        self.y = _TOP
        self.pending: dict[tuple[str, str, float], list[tuple[float, float, str]]] = {}

    def flush(self) -> None:
        for (family, style, size), lines in self.pending.items():
            self.pdf.set_font("Courier" if family == "C" else "Helvetica", style, size)
            for x, y, line in lines:
                self.pdf.text(x, y, line)
        self.pending = {}

    def page(self) -> None:
        if self.pdf.page:
            self.flush()
        self.pdf.add_page()
        self.y = _TOP

    def ensure(self, height: float) -> None:
        if self.y + height > _BOTTOM:
            self.page()

    def _draw(self, x: float, line: str, font: Font, size: float) -> None:
        self.pending.setdefault((font[0], font[1], size), []).append(
            (x, self.y + size * 0.3, line))

    def lines(self, x: float, width: float, text: Any, font: Font = _PLAIN,
              size: float = 10, gap: float = 0.0) -> None:
        """A paragraph, wrapped to ``width``; it may continue on the next page."""
        for line in _wrap_all(text, width, font, size):
            self.ensure(_line_h(size))
            self._draw(x, line, font, size)
            self.y += _line_h(size)
        self.y += gap

    def heading(self, text: Any, size: float = 13) -> None:
        self.ensure(_line_h(size) + 12)  # a heading never ends a page
        self.y += 1.5
        self.lines(_LEFT, _WIDTH, text, _BOLD, size, gap=1.5)

    def para(self, text: Any, size: float = 10) -> None:
        self.lines(_LEFT, _WIDTH, text, _PLAIN, size, gap=1.5)

    def cells(self, columns: tuple[tuple[float, float], ...], texts: tuple[Any, ...],
              fonts: tuple[Font, ...], size: float = 9, gap: float = 0.8) -> float:
        """One table row: each text wrapped in its column, the row kept on one page (unless
        it is taller than a page). Returns the row's height."""
        wrapped = [_wrap_all(t, w, f, size)
                   for (_x, w), t, f in zip(columns, texts, fonts, strict=True)]
        height = max(len(w) for w in wrapped) * _line_h(size)
        if height <= _BOTTOM - _TOP:
            self.ensure(height)
        top = self.y
        for (x, _w), lines, font in zip(columns, wrapped, fonts, strict=True):
            self.y = top
            for line in lines:
                self.ensure(_line_h(size))
                self._draw(x, line, font, size)
                self.y += _line_h(size)
        self.y = top + height + gap if height <= _BOTTOM - _TOP else self.y + gap
        return height + gap

    def row_height(self, label: str, value: Any, mono: bool = False, size: float = 9) -> float:
        return max(len(_wrap_all(label, _LABEL_W, _BOLD, size)),
                   len(_wrap_all(value, _VALUE_W, _MONO if mono else _PLAIN, size))
                   ) * _line_h(size) + 0.8

    def row(self, label: str, value: Any, mono: bool = False, size: float = 9) -> None:
        """Label left (bold), value right; long values wrap in their column."""
        value = "-" if value in (None, "") else value
        self.cells(((_LEFT, _LABEL_W), (_VALUE_X, _VALUE_W)), (label, value),
                   (_BOLD, _MONO if mono else _PLAIN), size)

    def image(self, preview: Preview, max_height: float) -> None:
        scale = min(_WIDTH / preview.width, max_height / preview.height)
        w, h = preview.width * scale, preview.height * scale
        x = _LEFT + (_WIDTH - w) / 2
        self.pdf.image(io.BytesIO(preview.jpeg), x=x, y=self.y, w=w, h=h)
        self.pdf.rect(x, self.y, w, h)  # the image's edge, also where it is white
        self.y += h + 2

    def rule(self) -> None:
        self.pdf.line(_LEFT, self.y - 0.2, _LEFT + _WIDTH, self.y - 0.2)


# --- the report ----------------------------------------------------------------------------


@dataclass
class ReportInput:
    """Everything the report shows, gathered before the bag is written (building the
    report does not touch the vault, so it can run beside the writer)."""

    school: str
    coordinator: str
    case: Case
    chosen: list[Item]
    records: list[dict[str, Any]]
    events: list[tuple[int, AuditEntry]]
    timeline: list[Event]
    withdrawn: list[Item]
    not_chosen: list[Item]
    started: str
    bag_name: str
    preview: Callable[[int], Preview | None]
    this_export: int | None = None  # the audit seq of this export's start


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


def _size(n: int) -> str:
    """``70.406 bytes (70,4 kB)``: Dutch digit grouping and decimal comma."""
    grouped = f"{n:,}".replace(",", ".")
    if n < 1000:
        return f"{grouped} {NL['bytes']}"
    value, unit = n / 1000, "kB"
    if value >= 1000:
        value, unit = value / 1000, "MB"
    return f"{grouped} {NL['bytes']} ({f'{value:.1f}'.replace('.', ',')} {unit})"


def _both(times: dict[str, str | None]) -> str:
    if not times.get("utc"):
        return "-"
    return f"{times['amsterdam']}\n= {times['utc']} (UTC)"


def build_report(data: ReportInput) -> bytes:
    try:
        return _build(data)
    finally:
        _wrap_text.cache_clear()  # it holds the case's texts: not kept after the report


def _build(data: ReportInput) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(_LEFT, _TOP, _LEFT)
    case = data.case
    pdf.auto_footer = False  # footers() below, with the page count
    pdf.footer_text = f"{NL['title']} - {NL['case']} {case.ref}"
    pdf.set_title(pdf_text(f"{NL['title']} {case.ref}"))
    pdf.set_author(pdf_text(data.school or "cybercase"))
    pdf.set_creator("cybercase")
    pdf.set_draw_color(160, 160, 160)
    pdf.set_line_width(0.2)
    out = _Writer(pdf)

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
            out.lines(_LEFT + 2, 4, "\u2022", _PLAIN, 10.5)
            out.y = top
            out.lines(_LEFT + 6, _WIDTH - 6, text, _PLAIN, 10.5, gap=0.5)
        else:
            out.lines(_LEFT + 8, _WIDTH - 8, text.format(**fill), _MONO, 9.5, gap=1.5)

    # timeline
    out.page()
    out.heading(NL["timeline"])
    rows = report_timeline(data.timeline, data.chosen)
    if not rows:
        out.para(NL["no_timeline"])
    columns = ((_LEFT, 50.0), (_LEFT + 52, _WIDTH - 52))
    for event in rows:
        when = event.when if event.date_only else local_display(event.when)
        who = f" ({event.by})" if event.by else ""
        out.cells(columns, (when, f"{_timeline_text(event)}{who}"), (_PLAIN, _PLAIN), 8.5,
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
    table = ((_LEFT, 12.0), (_LEFT + 13, 55.0), (_LEFT + 69, 30.0), (_LEFT + 100, 80.0))
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
            out.lines(_LEFT, _WIDTH, f"{NL['item']} {item_id}", _BOLD, 9.5, gap=0.5)
            out.lines(_LEFT, _WIDTH, header, _MONO_BOLD, size, gap=0.6)
            out.rule()
        what = ACTIONS_NL.get(entry.action, entry.action)
        if entry.seq == data.this_export:
            what = NL["this_export"]
        fields = (str(entry.seq), local_display(entry.ts), pdf_text(entry.actor))
        line = "  ".join(f.ljust(w) for f, w in zip(fields, widths, strict=True)) + "  " + \
            pdf_text(what)
        if all(len(f) <= w for f, w in zip(fields, widths, strict=True)) and \
                len(line) * _MAXW[_MONO] * size / 1000 / _K <= _WIDTH:
            out.ensure(_line_h(size))
            out._draw(_LEFT, line, _MONO, size)
            out.y += _line_h(size) + 0.2
        else:
            out.cells(table, (*fields, what), (_PLAIN,) * 4, 8, gap=0.3)
    out.flush()
    pdf.footers()
    # the item list a checker can read without a PDF library (see export/itemlist.py)
    pdf.embed_file(bytes=item_list((item.id, str(record["file"]), item.sha256)
                                   for item, record in zip(data.chosen, data.records,
                                                           strict=True)),
                   basename=ATTACHMENT, desc="Bewijsstukken in deze bundel",
                   mime_type="text/plain", compress=False)
    return bytes(pdf.output())


def _item_page(out: _Writer, item: Item, record: dict[str, Any], preview: Preview | None
               ) -> None:
    out.page()
    out.heading(f"{NL['item']} {item.id}: {item.original_name}", 13)
    facts: list[tuple[str, Any, bool]] = [
        (NL["sha256"], item.sha256, True),
        (NL["file"], record["file"], False),
        (NL["original"], item.original_name, False),
        (NL["size"], _size(item.size), False),
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
        room = _BOTTOM - out.y - needed - 6
        out.image(preview, max(60.0, min(170.0, room)))
        out.lines(_LEFT, _WIDTH, NL["preview"], _PLAIN, 7.5, gap=1.5)
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
