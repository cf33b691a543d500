"""The fonts shipped in the package (``cybercase/assets/fonts``, licences beside them) and
text shaping, for :mod:`cybercase.documents.pdf`.

DejaVu Sans and DejaVu Sans Mono print the text; Noto Sans Arabic and a monochrome Noto
Emoji are fallbacks for what DejaVu lacks. HarfBuzz (uharfbuzz) shapes text that needs it.

Parsing a font file (fontTools reading its character map and widths) cost ~0.07 s per
file, ~0.5 s per PDF for the seven files; the parsed fonts are kept per process and each
PDF gets its own light copy (:func:`add_fonts`). At output, a font no page uses is left
out (:class:`Producer`), so its glyph table is never subset.
"""

from __future__ import annotations

import copy
import io
import threading
import unicodedata
from importlib import resources
from typing import Any

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.output import OutputProducer

SANS, MONO_FAMILY, ARABIC, EMOJI = "dejavu", "dejavu-mono", "noto-arabic", "noto-emoji"
_FONT_FILES = (
    (SANS, "", "DejaVuSans.ttf"), (SANS, "B", "DejaVuSans-Bold.ttf"),
    (MONO_FAMILY, "", "DejaVuSansMono.ttf"), (MONO_FAMILY, "B", "DejaVuSansMono-Bold.ttf"),
    (ARABIC, "", "NotoSansArabic-Regular.ttf"), (ARABIC, "B", "NotoSansArabic-Bold.ttf"),
    (EMOJI, "", "NotoEmoji-Regular.ttf"),
)


def font_path(name: str) -> str:
    """Where a shipped font file is (the package is installed as files, not zipped)."""
    return str(resources.files("cybercase.assets").joinpath("fonts", name))


_lock = threading.Lock()
_parsed: dict[str, tuple[TTFFont, bytes]] = {}


def _template(family: str, style: str, name: str) -> tuple[TTFFont, bytes]:
    """The font file parsed once per process (on a scratch FPDF that is never written),
    with the file's bytes."""
    with _lock:
        found = _parsed.get(name)
        if found is None:
            scratch = FPDF()
            scratch.add_font(family, style, fname=font_path(name))
            font = scratch.fonts[f"{family}{style}"]
            assert isinstance(font, TTFFont)
            with open(font_path(name), "rb") as fh:
                found = _parsed[name] = (font, fh.read())
        return found


def _fresh(template: TTFFont, data: bytes, pdf: FPDF) -> TTFFont:
    """A copy of a parsed font for one PDF: the character map and widths are shared
    (read only), what one document changes is its own (the subset of glyphs it uses, the
    font descriptor and the fontTools object that output subsets in place)."""
    font = copy.copy(template)
    font.i = len(pdf.fonts) + 1
    font.desc = copy.copy(template.desc)
    font.ttfont = ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    font._hbfont = None  # HarfBuzz's face: made per copy, when shaping first needs it
    return font


def add_fonts(pdf: FPDF) -> None:
    """Register the shipped fonts, the fallbacks and text shaping on ``pdf``."""
    for family, style, name in _FONT_FILES:
        font = _fresh(*_template(family, style, name), pdf)
        pdf.fonts[font.fontkey] = font
    pdf.set_fallback_fonts([ARABIC, EMOJI], exact_match=False)
    pdf.set_font(SANS, size=10)


def needs_shaping(text: str) -> bool:
    """Whether ``text`` needs HarfBuzz: right-to-left or joining scripts, combining marks.
    Latin text (Dutch, Polish, Turkish, Vietnamese after NFC) is laid out glyph by glyph,
    ~50x faster than shaping every line."""
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(ch) in ("R", "AL", "AN", "NSM")
               or unicodedata.combining(ch) for ch in text)


def shaping(pdf: FPDF, text: str) -> None:
    """Turn text shaping on for ``text`` when it needs it, off otherwise."""
    wanted = needs_shaping(text)
    if wanted != bool(pdf.text_shaping):
        pdf.set_text_shaping(wanted)




class Producer(OutputProducer):
    """fpdf2's output, leaving out the fonts that no page uses (subsetting a font's glyph
    table costs ~25 ms even when no glyph of it is printed)."""

    def _add_fonts(self, *args: Any, **kwargs: Any) -> Any:
        catalog = self.fpdf._resource_catalog
        used = {int(str(i)) for i in catalog.get_used_resources(PDFResourceType.FONT)}
        fonts = catalog.font_registry
        catalog.font_registry = {key: f for key, f in fonts.items() if f.i in used}
        try:
            return super()._add_fonts(*args, **kwargs)
        finally:
            catalog.font_registry = fonts


def write_lines(pdf: FPDF, lines: list[tuple[float, float, str]]) -> None:
    """Place lines of simple text (every character in the current font, no shaping) with
    their baselines at ``y``, as fpdf2's ``text()`` does, in one content-stream write: each
    character's code in the font's subset comes from a table (``str.translate``) instead
    of a lookup per character, ~3x faster for a report of hundreds of pages."""
    font: Any = pdf.current_font
    tables: dict[int, tuple[dict[int, str], set[str]]] = pdf.__dict__.setdefault(
        "cybercase_codes", {})
    codes, known = tables.setdefault(font.i, ({}, set()))
    if not pdf.current_font_is_set_on_page:
        pdf._out(pdf._set_font_for_page(font, pdf.font_size_pt))
    k, height = pdf.k, pdf.h
    out = []
    for x, y, text in lines:
        new = set(text)
        new.difference_update(known)
        for ch in new:
            code = font.subset.pick(ord(ch))
            codes[ord(ch)] = "" if code is None else chr(code)
            known.add(ch)
        encoded = text.translate(codes).encode("utf-16-be").decode("latin-1")
        escaped = (encoded.replace("\\", "\\\\").replace(")", "\\)")
                   .replace("(", "\\(").replace("\r", "\\r"))
        out.append(f"BT {x * k:.2f} {(height - y) * k:.2f} Td ({escaped}) Tj ET")
    if out:
        pdf._out("\n".join(out))
