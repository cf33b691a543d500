"""The text read from an image by OCR, beside or under it in the viewer: labelled as a
derived reading (it may hold mistakes), with the words searched for marked."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cybercase.core.i18n import t
from cybercase.tui.termsafe import safe_text


def ocr_text(label: str, text: str | None, highlight: str, note: str = "") -> Text:
    out = Text(label + "\n", style="bold italic")
    if note:
        out.append(note + "\n", style="dim")
    if text is None:
        out.append(t("viewer.ocr_none"), style="dim")
        return out
    body = safe_text(text, multiline=True)
    if highlight:
        body.highlight_words(highlight.split(), style="black on yellow", case_sensitive=False)
    out.append("\n")
    out.append_text(body)
    return out


class OcrPanel(Static):
    def __init__(self, item_id: int, highlight: str = "") -> None:
        super().__init__("", id="ocr-text")
        self.item_id = item_id
        self.highlight = highlight

    def on_mount(self) -> None:
        self.update(ocr_text(t("viewer.ocr_label"), None, self.highlight))
