"""The fonts shipped in the package (``cybercase/assets/fonts``, licences beside them) and
text shaping, for :mod:`cybercase.documents.pdf`.

DejaVu Sans and DejaVu Sans Mono print the text; Noto Sans Arabic and a monochrome Noto
Emoji are fallbacks for what DejaVu lacks. HarfBuzz (uharfbuzz) shapes text that needs it.
"""

from __future__ import annotations

import unicodedata
from importlib import resources

from fpdf import FPDF

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


def add_fonts(pdf: FPDF) -> None:
    """Register the shipped fonts, the fallbacks and text shaping on ``pdf``."""
    for family, style, name in _FONT_FILES:
        pdf.add_font(family, style, fname=font_path(name))
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


