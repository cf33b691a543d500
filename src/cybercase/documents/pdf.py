"""The PDF toolkit every document uses: A4 pages with embedded Unicode fonts, text shaping,
wrapping by fpdf2, and a writer that places lines, rows, images and page breaks.

Fonts: shipped in the package (``cybercase/assets/fonts``, licences beside them) and
embedded (subset) in every PDF: DejaVu Sans and DejaVu Sans Mono for the text, Noto Sans
Arabic and a monochrome Noto Emoji as fallbacks for the characters DejaVu lacks. Text is
shaped with HarfBuzz (fpdf2's ``set_text_shaping``, uharfbuzz), so Arabic joins and runs
right to left and combining marks stack. No character is replaced: a name prints, and is
extracted from the PDF, exactly as it was typed.

Wrapping is fpdf2's own (``multi_cell`` in a dry run, :func:`wrap_text`), with the same
fonts, so a wrapped line always fits its column.

Flowing documents (the handover sheet, the agreement form, the access-export PDF) use
:class:`Pdf` with :func:`heading`, :func:`para` and :func:`line`, and get "pagina x van y"
in the footer; the police report uses :class:`Writer`.

PDF/A: fpdf2 (2.8) writes PDF/A in memory (``Pdf(enforce_compliance=...)``: XMP metadata
with the PDF/A identification, an sRGB output intent, embedded fonts; no temporary files).
The police report is PDF/A-3B (its embedded item list is a text file, which PDF/A-2 does
not allow as an attachment), the handover sheet PDF/A-2B.
"""

from __future__ import annotations

import functools
import io
import threading
import unicodedata
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

# the fonts and shaping: documents/pdf_fonts.py (re-exported: one public toolkit)
from cybercase.documents.pdf_fonts import (
    ARABIC as ARABIC,
)
from cybercase.documents.pdf_fonts import EMOJI as EMOJI
from cybercase.documents.pdf_fonts import MONO_FAMILY as MONO_FAMILY
from cybercase.documents.pdf_fonts import SANS as SANS
from cybercase.documents.pdf_fonts import Producer, write_lines
from cybercase.documents.pdf_fonts import add_fonts as add_fonts
from cybercase.documents.pdf_fonts import needs_shaping as needs_shaping
from cybercase.documents.pdf_fonts import shaping as shaping
from cybercase.documents.previews import Preview

# --- text ----------------------------------------------------------------------------------

_TRANSLATE = str.maketrans({"\u00a0": " ", "\t": " "})


def pdf_text(value: Any) -> str:
    """Printable text on one line: NFC, control characters dropped, line breaks as spaces.
    Every printable character is kept as it is (the fonts print it)."""
    text = unicodedata.normalize("NFC", str(value)).translate(_TRANSLATE)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else " " if ch in "\r\n" else ""
                   for ch in text)


def printable(value: Any) -> str:
    """Like :func:`pdf_text`, but line breaks are kept (``multi_cell`` wraps on them)."""
    return "\n".join(pdf_text(line) for line in str(value).split("\n"))


PT_PER_MM = 72 / 25.4  # points per mm
# the widest glyph's advance in 1/1000 em (a bound for "fits without measuring"); DejaVu
# Sans Mono's glyphs are all 602 wide
MAX_WIDTHS = {("H", ""): 2016, ("H", "B"): 2016, ("C", ""): 602, ("C", "B"): 602}

_local = threading.local()


def _measurer() -> FPDF:
    """This thread's page-less FPDF with the fonts, for measuring and wrapping."""
    pdf: FPDF | None = getattr(_local, "pdf", None)
    if pdf is None:
        pdf = FPDF(format="A4")
        add_fonts(pdf)
        pdf.add_page()  # never written out: dry runs need a page
        pdf.c_margin = 0
        _local.pdf = pdf
    return pdf


def _set(pdf: FPDF, font: tuple[str, str], size: float) -> None:
    pdf.set_font(MONO_FAMILY if font[0] == "C" else SANS, font[1], size)


@functools.lru_cache(maxsize=8)
def _metrics(font: tuple[str, str]) -> tuple[dict[int, Any], Any]:
    """The main font's character map and advance widths (1/1000 em)."""
    pdf = _measurer()
    _set(pdf, font, 10)
    current: Any = pdf.current_font
    return current.cmap, current.cw


def simple(text: str, font: tuple[str, str]) -> bool:
    """Whether ``text`` prints glyph by glyph in the main font (no shaping, no fallback):
    then the Writer measures and places it itself, ~30x faster than fpdf2's line breaking.
    Anything else (Arabic, emoji, marks) goes through fpdf2 with shaping and fallbacks."""
    if text.isascii():
        return True
    cmap = _metrics(font)[0]
    return not needs_shaping(text) and all(ord(ch) in cmap for ch in text)


def _width(text: str, font: tuple[str, str], size: float) -> float:
    widths = _metrics(font)[1]
    return float(sum(widths[ord(ch)] for ch in text)) * size / 1000 / PT_PER_MM


def text_width(text: str, font: tuple[str, str], size: float) -> float:
    """Width in mm of one line of text in the given font (shaped, with fallbacks)."""
    text = pdf_text(text)
    if simple(text, font):
        return _width(text, font, size)
    pdf = _measurer()
    _set(pdf, font, size)
    shaping(pdf, text)
    return float(pdf.get_string_width(text))


def _cut(word: str, width: float, font: tuple[str, str], size: float) -> int:
    """How many characters of ``word`` fit in ``width`` mm (at least one)."""
    widths = _metrics(font)[1]
    limit = width * 1000 * PT_PER_MM / size
    total = 0
    for n, ch in enumerate(word):
        total += widths[ord(ch)]
        if total > limit:
            return max(1, n)
    return len(word)


def _greedy(text: str, width: float, font: tuple[str, str], size: float) -> list[str]:
    """Greedy word wrap of simple text with the main font's widths."""
    if len(text) * MAX_WIDTHS[font] * size / 1000 / PT_PER_MM <= width:
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


def wrap(text: str, width: float, font: tuple[str, str], size: float) -> list[str]:
    """One line wrapped to ``width`` mm (words; over-long words are cut): simple text by
    the main font's widths, anything else by fpdf2 (shaped, with fallback fonts)."""
    text = pdf_text(text)
    if not text:
        return [""]
    if simple(text, font):
        return _greedy(text, width, font, size)
    pdf = _measurer()
    _set(pdf, font, size)
    shaping(pdf, text)
    lines: list[str] = pdf.multi_cell(  # type: ignore[assignment]
        width, 5, text, dry_run=True, output="LINES")
    return [str(line) for line in lines] or [""]


def wrap_all(text: Any, width: float, font: tuple[str, str], size: float) -> tuple[str, ...]:
    """Every line of ``text`` (its own line breaks kept), wrapped, printable."""
    return wrap_text(str(text), width, font, size)


@functools.lru_cache(maxsize=4096)  # labels and repeated values: wrapped once
def wrap_text(text: str, width: float, font: tuple[str, str], size: float) -> tuple[str, ...]:
    out: list[str] = []
    for part in text.splitlines() or [""]:
        out.extend(wrap(part, width, font, size))
    return tuple(out)


# --- layout --------------------------------------------------------------------------------

LEFT, TOP, WIDTH, BOTTOM = 15.0, 15.0, 180.0, 280.0
LABEL_W = 52.0
VALUE_X = LEFT + LABEL_W + 3
VALUE_W = WIDTH - LABEL_W - 3


class Pdf(FPDF):
    """A4 document with the shipped fonts embedded and a footer 'text - pagina x van y'.

    Flowing documents (cell/multi_cell, automatic page breaks) get the footer on every
    page by themselves; the report sets ``auto_footer = False`` and calls ``footers``
    once it knows the page count."""

    footer_text = ""
    auto_footer = True
    page_n = "pagina"  # the footer's words (Dutch: every document is)
    page_of = "pagina {n} van {nb}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_fonts(self)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        """fpdf2's output, leaving out the fonts no page uses (``pdf_fonts.Producer``)."""
        kwargs.setdefault("output_producer_class", Producer)
        return super().output(*args, **kwargs)

    def cell(self, w: Any = None, h: Any = None, text: Any = "", *args: Any,
             **kwargs: Any) -> Any:
        """fpdf2's cell, shaped when the text needs it (Arabic, combining marks)."""
        shaping(self, str(text))
        return super().cell(w, h, text, *args, **kwargs)

    def multi_cell(self, w: Any, h: Any = None, text: Any = "", *args: Any,
                   **kwargs: Any) -> Any:
        """fpdf2's multi_cell, shaped when the text needs it."""
        shaping(self, str(text))
        return super().multi_cell(w, h, text, *args, **kwargs)

    def footer(self) -> None:
        if not self.auto_footer:
            return
        self.set_y(-12)
        self.set_font(SANS, size=8)
        page = self.page_of.format(n=self.page_no(), nb=self.str_alias_nb_pages)
        self.cell(0, 6, pdf_text(f"{self.footer_text} - {page}"), align="C")

    def footers(self) -> None:
        """'text - pagina N van M' on every page, once M is known."""
        total = self.pages_count
        for number in range(1, total + 1):
            self.page = number
            self.set_font(SANS, size=8)
            self.current_font_is_set_on_page = False  # this page's text ended in any font
            text = pdf_text(f"{self.footer_text} - " + self.page_of.format(n=number, nb=total))
            self.set_xy(0, 297 - 11)
            self.cell(210, 5, text, align="C")
        self.page = total


def line(pdf: FPDF, text: Any) -> None:
    """One paragraph in a flowing document, wrapped by fpdf2."""
    text = printable(text)
    pdf.multi_cell(0, 5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def heading(pdf: FPDF, text: Any, size: float = 14) -> None:
    """A heading in a flowing document (see ``Pdf``)."""
    pdf.set_font(SANS, "B", size)
    line(pdf, text)
    pdf.ln(3)


def para(pdf: FPDF, text: Any, size: float = 10) -> None:
    """A paragraph in a flowing document (see ``Pdf``)."""
    pdf.set_font(SANS, size=size)
    line(pdf, text)


Font = tuple[str, str]
PLAIN: Font = ("H", "")
BOLD: Font = ("H", "B")
MONO: Font = ("C", "")
MONO_BOLD: Font = ("C", "B")


def line_height(size: float) -> float:
    return size * 0.42


class Writer:
    """Places lines top-down; breaks pages itself.

    A page's lines are collected and written per font when the page is done (switching
    fonts for every label and value cost more than writing the text)."""

    def __init__(self, pdf: Pdf) -> None:
        self.pdf = pdf
        self.y = TOP
        self.pending: dict[tuple[str, str, float], list[tuple[float, float, str]]] = {}

    def flush(self) -> None:
        pdf = self.pdf
        margin, pdf.c_margin = pdf.c_margin, 0
        for (family, style, size), lines in self.pending.items():
            _set(pdf, (family, style), size)
            plain = [(x, y + size * 0.3, text) for x, y, text in lines  # the baselines
                     if simple(text, (family, style))]
            if pdf.fill_color == pdf.text_color:  # no colour of its own: one write
                write_lines(pdf, plain)
            else:
                for x, y, text in plain:
                    pdf.text(x, y, text)
            for x, y, text in lines:
                if not simple(text, (family, style)):
                    pdf.set_xy(x, y)
                    pdf.cell(None, line_height(size), text)
        pdf.c_margin = margin
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
            (x, self.y, line))

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
