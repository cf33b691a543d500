"""What the evidence tab shows of its items: a table row (a page at a time from the
core) and the detail text, measured facts first, then what people stated.
"""

from __future__ import annotations

from rich.text import Text

from cybercase.core import sizes
from cybercase.core.dutchdates import exif_moment
from cybercase.core.i18n import get_language, localize, t
from cybercase.evidence import Item
from cybercase.evidence.items import count_items, page_items
from cybercase.evidence.mediafacts import fact_lines
from cybercase.evidence.stated import CAPTURED_BY
from cybercase.tui.when import shown_day, shown_moment
from cybercase.tui.widgets.virtual_table import Row
from cybercase.vault import Vault


def human_size(size: int) -> str:
    """The size in the app's language (binary units): ``16.0 KB``, Dutch ``16,0 kB``."""
    return sizes.human_size(size, base=1024, byte_unit="B", language=get_language())


def item_row(item: Item) -> Row:
    if item.withdrawn:
        state = Text(t("evidence.state.withdrawn"), style="dim")
    elif item.flags:
        state = Text(t("evidence.state.flagged"), style="yellow")
    else:
        state = Text("")
    description = str(item.stated.get("description") or "")
    return Row(item.id, (
        Text(str(item.id)),
        Text(item.original_name),
        Text(human_size(item.size)),
        Text(shown_day(item.ingested_at)),
        state,
        Text(description.replace("\n", " ")),
    ))


class EvidenceSource:
    """The case's items a page at a time (LIMIT/OFFSET over the (case_id, id) index)."""

    def __init__(self, vault: Vault, ref: str) -> None:
        self.vault = vault
        self.ref = ref

    def count(self) -> int:
        return count_items(self.vault, self.ref)

    def rows(self, start: int, stop: int) -> list[Row]:
        return [item_row(i) for i in page_items(self.vault, self.ref, start, stop - start)]


def metadata_text(item: Item) -> Text:
    """Measured facts first, then what people stated (labelled as stated)."""
    text = Text()

    def line(label: str, value: object, style: str = "") -> None:
        if value in (None, "", []):
            return
        text.append(f"{label}: ", style="bold")
        text.append(str(value), style=style)
        text.append("\n")

    text.append(f"#{item.id} ", style="bold")
    text.append(item.original_name + "\n", style="bold")
    if item.withdrawn:
        line(t("evidence.meta.withdrawn"), t(
            "evidence.meta.withdrawn_value", when=shown_moment(item.withdrawn["at"]),
            who=item.withdrawn["by"], reason=item.withdrawn["reason"]), "bold red")
    line("SHA-256", item.sha256)
    line(t("evidence.meta.size"), f"{human_size(item.size)} ({item.size} bytes)")
    line(t("evidence.meta.type"), item.mime)
    if item.image:
        dims = f"{item.image['width']} × {item.image['height']} {item.image['format'] or ''}"
        line(t("evidence.meta.image"), dims.strip())
        exif = item.image.get("exif_time")
        # camera-local time without a zone: shown the reader's way, never "2026:11:18 ..."
        line(t("evidence.meta.exif_time"),
             exif_moment(exif, get_language()) if exif else None)
        line("dHash", item.image.get("dhash"))
    for label, value in fact_lines(item.media, shown_moment):
        line(localize(label), localize(value))
    line(t("evidence.meta.file_time"), shown_moment(item.file_mtime) if item.file_mtime
         else None)
    line(t("evidence.meta.source"), item.source_path)
    line(t("evidence.meta.ingested"), t("evidence.meta.by", when=shown_moment(
        item.ingested_at), who=item.ingested_by))
    for flag in item.flags:
        text.append("⚠ " + localize(flag) + "\n", style="yellow")
    if item.stated:
        text.append(t("evidence.meta.stated") + "\n", style="bold underline")
        for key, value in item.stated.items():
            shown = ", ".join(value) if isinstance(value, list) else value
            if key == "captured_by":
                shown = captured_text(str(value))
            line(t(f"evidence.stated.{key}"), shown)
    return text


def captured_text(stored: str) -> str:
    """"parent: mother of Tim" as stored, in words: "een ouder: moeder van Tim"."""
    kind, _, who = stored.partition(":")
    if kind.strip() not in CAPTURED_BY:
        return stored
    words = t(f"ingest.captured.{kind.strip()}")
    return f"{words}: {who.strip()}" if who.strip() else words
