"""The PDF toolkit every document uses: A4 pages with fpdf2's core fonts, text that
prints, fast wrapping, and a writer that places lines, rows, images and page breaks.

Fonts: fpdf2's built-in Helvetica and Courier (no font file to ship). They are written
with WinAnsiEncoding, so text is encoded as cp1252: Dutch diacritics, the euro sign and
typographic quotes print as typed; any other character is printed as its closest cp1252
form, else '?' (:func:`pdf_text`, :func:`latin1`). Only the printed text is affected.

Speed: lines are placed with ``FPDF.text`` and wrapped here with the core fonts' width
tables (fpdf2's ``cell``/``multi_cell`` cost ~0.1 ms a line).

Flowing documents (the handover sheet, the agreement form, the access-export PDF) use
:class:`Pdf` with :func:`heading`, :func:`para` and :func:`line`; the police report uses
:class:`Writer`.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import CORE_FONTS_CHARWIDTHS

from cybercase.documents.previews import Preview

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
    cyber/agreements.py) together with ``Pdf``, ``heading`` and ``para``."""
    return "\n".join(pdf_text(line) for line in str(text).split("\n"))

PT_PER_MM = 72 / 25.4  # points per mm
_FONTS = {("H", ""): "helvetica", ("H", "B"): "helveticaB", ("C", ""): "courier",
          ("C", "B"): "courierB"}
_CP = {key: CORE_FONTS_CHARWIDTHS[name] for key, name in _FONTS.items()}
MAX_WIDTHS = {key: max(widths.values()) for key, widths in _CP.items()}


def text_width(text: str, font: tuple[str, str], size: float) -> float:
    """Width in mm of cp1252-safe text (no fpdf2 call: ~50x faster than get_string_width)."""
    widths = _CP[font]
    raw = text if text.isascii() else text.encode("cp1252").decode("latin-1")
    return sum(widths[c] for c in raw) * size / 1000 / PT_PER_MM


def _cut(word: str, width: float, font: tuple[str, str], size: float) -> int:
    """How many characters of ``word`` fit in ``width`` mm (at least one)."""
    widths = _CP[font]
    limit = width * 1000 * PT_PER_MM / size
    total = 0
    for n, c in enumerate(word.encode("cp1252").decode("latin-1")):
        total += widths[c]
        if total > limit:
            return max(1, n)
    return len(word)


def wrap(text: str, width: float, font: tuple[str, str], size: float) -> list[str]:
    """Greedy word wrap of one cp1252-safe line to ``width`` mm; over-long words are cut."""
    if len(text) * MAX_WIDTHS[font] * size / 1000 / PT_PER_MM <= width:
        return [text]  # fits even if every character were the widest
    if text_width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_width(word, font, size) > width:  # a URL or hash longer than the line
            cut = _cut(word, width, font, size)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    lines.append(current)
    return lines


def wrap_all(text: Any, width: float, font: tuple[str, str], size: float) -> tuple[str, ...]:
    """Every line of ``text`` (its own line breaks kept), wrapped, printable."""
    return wrap_text(str(text), width, font, size)


@functools.lru_cache(maxsize=4096)  # labels and repeated values: wrapped once
def wrap_text(text: str, width: float, font: tuple[str, str], size: float) -> tuple[str, ...]:
    out: list[str] = []
    for part in text.splitlines() or [""]:
        out.extend(wrap(pdf_text(part), width, font, size))
    return tuple(out)


# --- layout --------------------------------------------------------------------------------

LEFT, TOP, WIDTH, BOTTOM = 15.0, 15.0, 180.0, 280.0
LABEL_W = 52.0
VALUE_X = LEFT + LABEL_W + 3
VALUE_W = WIDTH - LABEL_W - 3


class Pdf(FPDF):
    """A4 document with the core fonts in cp1252 and a footer 'text - pagina N'.

    Flowing documents (cell/multi_cell, automatic page breaks) get the footer on every
    page by themselves; the report sets ``auto_footer = False`` and calls ``footers``
    once it knows the page count."""

    footer_text = ""
    auto_footer = True
    page_n = "pagina"  # the footer's words (Dutch: every document is)
    page_of = "pagina {n} van {nb}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.core_fonts_encoding = "cp1252"  # the fonts are written as WinAnsiEncoding

    def footer(self) -> None:
        if not self.auto_footer:
            return
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, latin1(f"{self.footer_text} - {self.page_n} {self.page_no()}"),
                  align="C")

    def footers(self) -> None:
        """'text - pagina N van M' on every page, once M is known (one text call per page:
        a cell per page cost more than the page's own lines)."""
        total = self.pages_count
        for number in range(1, total + 1):
            self.page = number
            self.set_font("Helvetica", size=8)
            self.current_font_is_set_on_page = False  # this page's text ended in any font
            text = pdf_text(f"{self.footer_text} - ") + self.page_of.format(n=number, nb=total)
            self.text((210 - text_width(text, PLAIN, 8)) / 2, 297 - 8, text)
        self.page = total


def line(pdf: FPDF, text: Any) -> None:
    """One paragraph in a flowing document; a plain cell when it fits on a line."""
    text = latin1(text)
    if "\n" not in text and pdf.get_string_width(text) < pdf.epw - 1:
        pdf.cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def heading(pdf: FPDF, text: Any, size: int = 14) -> None:
    """A heading in a flowing document (see ``Pdf``)."""
    pdf.set_font("Helvetica", "B", size)
    line(pdf, text)
    pdf.ln(3)


def para(pdf: FPDF, text: Any, size: int = 10) -> None:
    """A paragraph in a flowing document (see ``Pdf``)."""
    pdf.set_font("Helvetica", size=size)
    line(pdf, text)


Font = tuple[str, str]
PLAIN: Font = ("H", "")
BOLD: Font = ("H", "B")
MONO: Font = ("C", "")
MONO_BOLD: Font = ("C", "B")


def line_height(size: float) -> float:
    return size * 0.42


class Writer:
    """Places lines top-down with FPDF.text; breaks pages itself.

    A page's lines are collected and written per font when the page is done (switching
    fonts for every label and value cost more than writing the text)."""

    def __init__(self, pdf: Pdf) -> None:
        self.pdf = pdf
        self.y = TOP
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
        self.y = TOP

    def ensure(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.page()

    def draw(self, x: float, line: str, font: Font, size: float) -> None:
        self.pending.setdefault((font[0], font[1], size), []).append(
            (x, self.y + size * 0.3, line))

    def lines(self, x: float, width: float, text: Any, font: Font = PLAIN,
              size: float = 10, gap: float = 0.0) -> None:
        """A paragraph, wrapped to ``width``; it may continue on the next page."""
        for line in wrap_all(text, width, font, size):
            self.ensure(line_height(size))
            self.draw(x, line, font, size)
            self.y += line_height(size)
        self.y += gap

    def heading(self, text: Any, size: float = 13) -> None:
        self.ensure(line_height(size) + 12)  # a heading never ends a page
        self.y += 1.5
        self.lines(LEFT, WIDTH, text, BOLD, size, gap=1.5)

    def para(self, text: Any, size: float = 10) -> None:
        self.lines(LEFT, WIDTH, text, PLAIN, size, gap=1.5)

    def cells(self, columns: tuple[tuple[float, float], ...], texts: tuple[Any, ...],
              fonts: tuple[Font, ...], size: float = 9, gap: float = 0.8) -> float:
        """One table row: each text wrapped in its column, the row kept on one page (unless
        it is taller than a page). Returns the row's height."""
        wrapped = [wrap_all(t, w, f, size)
                   for (_x, w), t, f in zip(columns, texts, fonts, strict=True)]
        height = max(len(w) for w in wrapped) * line_height(size)
        if height <= BOTTOM - TOP:
            self.ensure(height)
        top = self.y
        for (x, _w), lines, font in zip(columns, wrapped, fonts, strict=True):
            self.y = top
            for line in lines:
                self.ensure(line_height(size))
                self.draw(x, line, font, size)
                self.y += line_height(size)
        self.y = top + height + gap if height <= BOTTOM - TOP else self.y + gap
        return height + gap

    def row_height(self, label: str, value: Any, mono: bool = False, size: float = 9) -> float:
        return max(len(wrap_all(label, LABEL_W, BOLD, size)),
                   len(wrap_all(value, VALUE_W, MONO if mono else PLAIN, size))
                   ) * line_height(size) + 0.8

    def row(self, label: str, value: Any, mono: bool = False, size: float = 9) -> None:
        """Label left (bold), value right; long values wrap in their column."""
        value = "-" if value in (None, "") else value
        self.cells(((LEFT, LABEL_W), (VALUE_X, VALUE_W)), (label, value),
                   (BOLD, MONO if mono else PLAIN), size)

    def image(self, preview: Preview, max_height: float) -> None:
        scale = min(WIDTH / preview.width, max_height / preview.height)
        w, h = preview.width * scale, preview.height * scale
        x = LEFT + (WIDTH - w) / 2
        self.pdf.image(io.BytesIO(preview.jpeg), x=x, y=self.y, w=w, h=h)
        self.pdf.rect(x, self.y, w, h)  # the image's edge, also where it is white
        self.y += h + 2

    def rule(self) -> None:
        self.pdf.line(LEFT, self.y - 0.2, LEFT + WIDTH, self.y - 0.2)
