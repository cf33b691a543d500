"""The text read from an image by OCR, beside or under it in the viewer: labelled as a
derived reading (it may hold mistakes), with the words searched for marked, in the text
and (by their word boxes) on the image."""

from __future__ import annotations

from PIL import Image as PILImage
from PIL import ImageDraw
from rich.text import Text
from textual.widgets import Static

from cybercase.core.i18n import t
from cybercase.evidence.ocr import OcrReading, load_reading
from cybercase.tui.termsafe import safe_text
from cybercase.tui.widgets.base import AppAccess

MARK = (255, 221, 0, 110)  # the hits on the image: translucent yellow
MARK_EDGE = (230, 120, 0, 255)


def words_of(query: str) -> list[str]:
    return [w.casefold() for w in query.split() if w.strip()]


def is_hit(word: str, wanted: list[str]) -> bool:
    """A word of the image matches when it starts with a searched word (as the search's
    prefix matching does), ignoring case and the punctuation around it."""
    folded = word.casefold().strip(".,:;!?\"'()[]{}«»“”‘’")
    return any(folded.startswith(w) for w in wanted)


def ocr_text(reading: OcrReading | None, highlight: str) -> Text:
    out = Text(t("viewer.ocr_label") + "\n", style="bold italic")
    if reading is None:
        out.append(t("viewer.ocr_none"), style="dim")
        return out
    out.append(t("viewer.ocr_engine", engine=reading.engine, version=reading.version,
                 languages=reading.languages) + "\n\n", style="dim")
    body = safe_text(reading.text, multiline=True)
    wanted = words_of(highlight)
    if wanted:
        plain = body.plain
        position = 0
        for token in plain.split():
            start = plain.index(token, position)
            position = start + len(token)
            if is_hit(token, wanted):
                body.stylize("black on yellow", start, position)
    out.append_text(body)
    return out


def marked(image: PILImage.Image, reading: OcrReading | None, highlight: str
           ) -> PILImage.Image:
    """A copy of ``image`` with the boxes of the searched words drawn on it (in memory);
    ``image`` itself when nothing is searched or found."""
    wanted = words_of(highlight)
    if reading is None or not wanted:
        return image
    hits = [w for w in reading.words if is_hit(w.text, wanted)]
    if not hits:
        return image
    layer = PILImage.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    edge = max(2, image.width // 400)
    for w in hits:
        box = (w.left - edge, w.top - edge, w.left + w.width + edge, w.top + w.height + edge)
        draw.rectangle(box, fill=MARK, outline=MARK_EDGE, width=edge)
    return PILImage.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


class OcrPanel(AppAccess, Static):
    def __init__(self, item_id: int, highlight: str = "") -> None:
        super().__init__("", id="ocr-text")
        self.item_id = item_id
        self.highlight = highlight
        self.reading: OcrReading | None = None

    def on_mount(self) -> None:
        self.reading = load_reading(self.vault, self.item_id)
        self.update(ocr_text(self.reading, self.highlight))
