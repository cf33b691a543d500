"""The report's evidence: the overview table and one section per item.

An item's number is its file's number in the bag (``data/evidence/003_...`` is item 3),
also when a selection was exported. A section shows the image at a legible size (a tall
screenshot at full width over as many pages as it needs), a chat transcript or text file
as text (the first lines, with a note when there are more), what the capturer stated, and
the measured facts in a compact block.
"""

from __future__ import annotations

from typing import Any

from cybercase.core.i18n import Msg
from cybercase.core.sizes import dutch_size
from cybercase.documents.pdf import LEFT, MONO, PLAIN, WIDTH, Writer, line_height
from cybercase.documents.previews import IMAGE_MIMES, Preview
from cybercase.documents.report_chrono import exif_moment, shown_moment
from cybercase.documents.report_input import ReportInput
from cybercase.documents.report_words import Dutch, mime_nl, nl_when, who_nl
from cybercase.evidence.items import Item
from cybercase.evidence.mediafacts import fact_lines

NL = Dutch("report")
ITEM_NL = Dutch("report.itempage")
STATED_NL = Dutch("report.stated")
PHONE_NL = Dutch("report.phone")
STATED = ("captured_by", "device", "received_via", "phone_available", "platform", "url",
          "accounts", "shown_time", "description", "tags", "offence_tags")
MAX_MESSAGES = 200  # a chat transcript's messages printed in the report
MAX_TEXT_LINES = 300  # a text file's lines printed in the report
_PART_W = WIDTH  # a tall image's parts are printed at full width


def _stated(item: Item, key: str) -> str:
    value = (item.stated or {}).get(key)
    if not value:
        return ""
    if key == "captured_by":
        return who_nl(str(value))
    if key == "phone_available":
        return PHONE_NL.get(str(value), str(value))
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _when(item: Item, record: dict[str, Any]) -> str:
    """When it happened as far as the item tells: EXIF, else the time shown on screen."""
    exif = record["measured"].get("exif_time_as_written")
    if exif:
        moment = exif_moment(str(exif))
        return f"{nl_when(moment) if moment else exif} (EXIF)"
    shown = _stated(item, "shown_time")
    if not shown:
        return "-"
    moment = shown_moment(shown)
    return f"{nl_when(moment) if moment else shown} ({ITEM_NL['on_screen']})"


def overview(out: Writer, data: ReportInput) -> None:
    out.heading(ITEM_NL["overview"])
    columns = ((LEFT, 9.0), (LEFT + 10, 48.0), (LEFT + 59, 32.0), (LEFT + 92, 22.0),
               (LEFT + 115, 32.0), (LEFT + 148, 32.0))
    heads = tuple(ITEM_NL[k] for k in ("col_n", "col_what", "col_when", "col_platform",
                                       "col_account", "col_who"))
    out.cells(columns, heads, (("H", "B"),) * 6, 8, gap=0.6)
    out.rule()
    for item, record in zip(data.chosen, data.records, strict=True):
        what = _stated(item, "description") or item.original_name
        out.cells(columns, (
            str(data.number(item.id)), f"{what}\n({mime_nl(item.mime)})",
            _when(item, record), _stated(item, "platform") or "-",
            _stated(item, "accounts") or "-", _stated(item, "captured_by") or "-",
        ), (PLAIN,) * 6, 8, gap=1.0)


def place_image(out: Writer, preview: Preview, room_for_facts: float,
                caption: str | None = None, tallest: float = 170.0) -> None:
    """An image at a legible size: a tall one at full width over as many pages as it
    needs (each part numbered), else as large as the page allows."""
    if preview.parts:
        for n, part in enumerate(preview.parts, 1):
            height = part.height * _PART_W / part.width
            out.ensure(height + 6)
            out.image(part, height)
            out.lines(LEFT, WIDTH, ITEM_NL["part"].format(n=n, total=len(preview.parts)),
                      PLAIN, 7.5, gap=1.5)
        return
    from cybercase.documents.pdf import BOTTOM

    room = BOTTOM - out.y - room_for_facts - 6
    if room < 80:  # a legible image first, the facts on the next page
        room = BOTTOM - out.y - 6
    out.image(preview, max(60.0, min(tallest, room)))
    if caption is None:
        caption = ITEM_NL["still"] if preview.still else NL["preview"]
    if caption:
        out.lines(LEFT, WIDTH, caption, PLAIN, 7.5, gap=1.5)


def _transcript(out: Writer, data: ReportInput, item: Item) -> bool:
    messages = data.chats.get(item.id)
    if messages:
        out.heading(ITEM_NL["transcript"], 11)
        for message in messages[:MAX_MESSAGES]:
            when = nl_when(message.time) if message.time else message.shown_time
            who = "" if message.system or not message.sender else f"{message.sender}: "
            out.cells(((LEFT, 34.0), (LEFT + 36, WIDTH - 36)),
                      (when, f"{who}{message.text}"), (PLAIN, PLAIN), 8, gap=0.4)
        if len(messages) > MAX_MESSAGES:
            out.para(ITEM_NL["more_messages"].format(shown=MAX_MESSAGES,
                                                     total=len(messages)), 8.5)
        return True
    text = data.texts.get(item.id)
    if text is None:
        return False
    out.heading(ITEM_NL["text"], 11)
    lines = text.splitlines()
    for line in lines[:MAX_TEXT_LINES]:
        out.lines(LEFT, WIDTH, line or " ", MONO, 8, gap=0.2)
    if len(lines) > MAX_TEXT_LINES or item.size > len(text.encode("utf-8")):
        out.para(ITEM_NL["more_text"], 8.5)
    return True


def section(out: Writer, data: ReportInput, item: Item, record: dict[str, Any],
            preview: Preview | None) -> None:
    out.page()
    number = data.number(item.id)
    out.heading(f"{NL['item']} {number}: {item.original_name}", 13)
    measured = record["measured"]
    exif = preview.exif if preview is not None else {}
    image = item.image or {}
    facts: list[tuple[str, Any, bool]] = [
        (ITEM_NL["file"], record["file"], False),
        (NL["sha256"], item.sha256, True),
        (ITEM_NL["size_type"], f"{dutch_size(item.size, NL['bytes'])}, {mime_nl(item.mime)}"
         + (f", {image['width']} x {image['height']} pixels" if image.get("width") else ""),
         False),
        (ITEM_NL["ingested"], f"{nl_when(item.ingested_at)} ({ITEM_NL['by']} "
         f"{measured['ingested_by']})", False),
        (NL["mtime"], nl_when(item.file_mtime), False),
    ]
    media = item.media or {}
    if media.get("kind") != "video":  # a photo: facts measured at ingest come first
        exif = {k: str(media.get(m) or exif.get(k) or "") for k, m in
                (("make", "make"), ("model", "model"), ("offset", "exif_offset"))}
    if measured.get("exif_time_as_written"):
        offset = exif.get("offset")
        facts.append((NL["exif"], f"{measured['exif_time_as_written']}"
                      + (f" ({ITEM_NL['offset']} {offset})" if offset else
                         f" ({ITEM_NL['no_offset']})"), False))
    if exif.get("make") or exif.get("model"):
        facts.append((ITEM_NL["camera"], " ".join(
            v for v in (exif.get("make"), exif.get("model")) if v), False))
    if media.get("kind") == "video":
        facts.extend((label.localized("nl"), Msg.localized(value, "nl")
                      if isinstance(value, Msg) else value, False)
                     for label, value in fact_lines(media, nl_when))
    if item.flags:
        facts.append((NL["flags"], "\n".join(
            f.localized("nl") if isinstance(f, Msg) else str(f) for f in item.flags), False))
    stated = [(STATED_NL[k], _stated(item, k), False) for k in STATED if _stated(item, k)]
    needed = sum(out.row_height(label, value, mono, 8.5) for label, value, mono in
                 facts + (stated or [("", NL["nothing_stated"], False)])) + 30
    if preview is not None:
        place_image(out, preview, needed)
    elif not _transcript(out, data, item):
        out.para(NL["bad_image"] if item.mime in IMAGE_MIMES else ITEM_NL["no_view"], 9)
    out.heading(ITEM_NL["statement"], 11)
    if not stated:
        out.para(NL["nothing_stated"], 9)
    for label, value, mono in stated:
        out.row(label, value, mono, 8.5)
    out.heading(NL["measured"], 11)
    for label, value, mono in facts:
        out.row(label, value, mono, 8.5)
    out.y += line_height(8)
