"""Confrontation prints (issue 18): what is printed for the meeting with a pupil (and the
parents) who bullied, with every other child masked.

The protocol: "Als de pesters bekend zijn, confronteert de groepsleerkracht/directie de
pesters en hun ouders met de geprinte chats/posts/beelden." A :class:`PrintPlan` holds
the pages of one print before it is made: the chosen images (their bytes in memory only,
never on disk), each with its solid boxes (over the OCR words that show a masked name or
handle, and rectangles drawn by hand), and the chosen chats or key messages with every
other child's name replaced by a neutral label ("leerling B", the same label for the same
child throughout the print). The coordinator reviews the plan (the app shows every page
and its masks; she may add a mask or lift one) before :mod:`cybercase.export.confront`
makes the PDF and stores it.

Names kept readable by default: the pupil the meeting is about (``for``), their parents
and staff; the child who was bullied only when the coordinator asks (``keep``).
Where an image has no OCR reading, nothing on it is masked automatically: the plan says so
(``ImagePage.no_reading``) and the coordinator masks by hand.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PIL import Image, ImageDraw, ImageOps

from cybercase.cases.cases import Case, get_case
from cybercase.cases.people import Person, get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, render
from cybercase.evidence.chat.messages import Message, chat_summary, list_messages
from cybercase.evidence.items import Item, get_item, parse_id, read_content
from cybercase.privacy.masking import BoxMask, Hit, Masker, WordBox
from cybercase.privacy.maskset import Labels, MaskSet, mask_set
from cybercase.privacy.subject_model import NL
from cybercase.vault import Vault

IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")
MAX_PRINT_IMAGE_PIXELS = 40_000_000

# where the OCR words of an item come from (the OCR reading, when the item has one)
WordSource = Callable[[Vault, int], "Sequence[WordBox] | None"]


def no_words(vault: Vault, item_id: int) -> Sequence[WordBox] | None:
    """The OCR words of an item: none (no OCR reading)."""
    return None


def ocr_words(vault: Vault, item_id: int) -> Sequence[WordBox] | None:
    """The words of the item's stored OCR reading, or None when it has none."""
    from cybercase.evidence.ocr import load_reading

    reading = load_reading(vault, item_id)
    return None if reading is None else reading.words


def labels() -> Labels:
    """The print's labels (Dutch, like the print): the access export's words."""
    return Labels(pupil=NL["other_pupil"], parent_of=NL["other_parent"],
                  parent=NL["parent_n"], account=NL["account"], sender=NL["participant"],
                  ambiguous=NL["ambiguous"], url_id=NL["url_id"])


@dataclass
class ImagePage:
    item: Item
    data: bytes  # the original, in memory only
    caption: str  # masked
    words: Sequence[WordBox] | None  # the OCR words; None: the item has no OCR reading
    auto: list[BoxMask] = field(default_factory=list)  # over OCR words
    manual: list[BoxMask] = field(default_factory=list)  # drawn by hand
    lifted: set[int] = field(default_factory=set)  # indices into ``auto``

    @property
    def no_reading(self) -> bool:
        return self.words is None

    def masks(self) -> list[BoxMask]:
        return [m for n, m in enumerate(self.auto) if n not in self.lifted] + self.manual

    def masked_image(self) -> Image.Image:
        """The image with its boxes drawn solid black (RGB, in memory)."""
        with Image.open(io.BytesIO(self.data)) as img:
            img.seek(0)
            shown = ImageOps.exif_transpose(img)
            if shown.mode in ("RGBA", "LA", "PA") or "transparency" in shown.info:
                rgba = shown.convert("RGBA")
                shown = Image.new("RGB", rgba.size, (255, 255, 255))
                shown.paste(rgba, mask=rgba.getchannel("A"))
            shown = shown.convert("RGB")
        draw = ImageDraw.Draw(shown)
        for m in self.masks():
            draw.rectangle((m.left, m.top, m.left + m.width - 1, m.top + m.height - 1),
                           fill=(0, 0, 0))
        return shown


@dataclass
class ChatLine:
    n: int
    when: str | None  # ISO local time, or None
    shown_time: str
    sender: str  # masked ("" for a notice)
    text: str  # masked
    system: bool


@dataclass
class ChatPage:
    item: Item
    caption: str  # masked
    lines: list[ChatLine]
    numbers: list[int]  # the chosen messages; [] = the whole chat
    hits: list[Hit] = field(default_factory=list)


Page = ImagePage | ChatPage


@dataclass
class PrintPlan:
    case: Case
    person: Person  # the pupil the meeting is about
    kept: list[Person]  # whose names stay readable (besides ``person``)
    meeting_on: date
    meeting_with: str
    masks: MaskSet
    masker: Masker
    pages: list[Page]
    text_hits: list[Hit] = field(default_factory=list)  # captions

    def mask_records(self) -> list[dict[str, Any]]:
        """Every mask used, for the stored print (why, label, what was found)."""
        out: list[dict[str, Any]] = []
        for hit in self.text_hits:
            out.append({"item": None, **hit.to_json()})
        for page in self.pages:
            if isinstance(page, ImagePage):
                out += [{"item": page.item.id, **m.to_json()} for m in page.masks()]
            else:
                out += [{"item": page.item.id, **h.to_json()} for h in page.hits]
        return out

    def sources(self) -> list[tuple[Item, list[int]]]:
        return [(p.item, p.numbers if isinstance(p, ChatPage) else []) for p in self.pages]


def parse_message_ref(value: str) -> tuple[int, int]:
    """``ITEM:N`` (a chat item and a message number)."""
    item, sep, n = value.partition(":")
    if not sep or not n.strip().isdigit():
        raise UsageError(msg("print.bad_message", value=value))
    return parse_id(item), int(n)


def parse_rect(value: str) -> tuple[int, tuple[int, int, int, int]]:
    """``ITEM:X,Y,W,H`` (a rectangle in the image's pixels)."""
    item, sep, rest = value.partition(":")
    parts = rest.split(",")
    if not sep or len(parts) != 4 or not all(p.strip().isdigit() for p in parts):
        raise UsageError(msg("print.bad_rect", value=value))
    x, y, w, h = (int(p) for p in parts)
    if w <= 0 or h <= 0:
        raise UsageError(msg("print.bad_rect", value=value))
    return parse_id(item), (x, y, w, h)


def _item_here(vault: Vault, case: Case, item_id: int) -> Item:
    item = get_item(vault, item_id)
    if item.case != case.ref:
        raise UsageError(msg("print.not_here", id=item_id, ref=case.ref))
    if item.withdrawn is not None:
        raise UsageError(msg("print.withdrawn", id=item_id))
    return item


def _chat_page(vault: Vault, masker: Masker, item: Item, numbers: list[int],
               caption: str) -> ChatPage:
    _summary, messages = list_messages(vault, item.id)
    chosen: list[Message] = messages
    if numbers:
        by_n = {m.n: m for m in messages}
        missing = [n for n in numbers if n not in by_n]
        if missing:
            raise UsageError(msg("print.no_message", id=item.id, n=missing[0]))
        chosen = [by_n[n] for n in sorted(set(numbers))]
    page = ChatPage(item, caption, [], sorted(set(numbers)))
    for m in chosen:
        sender, hits = masker.apply(m.sender or "")
        text, more = masker.apply(m.text)
        page.hits += hits + more
        page.lines.append(ChatLine(m.n, m.time, m.shown_time, sender, text, m.system))
    return page


def manual_mask(rect: tuple[int, int, int, int]) -> BoxMask:
    x, y, w, h = rect
    return BoxMask(x, y, w, h, "manual")


def plan_print(vault: Vault, ref: str, for_id: int, evidence: Sequence[int | str] = (),
               messages: Sequence[tuple[int, int]] = (), keep: Sequence[int] = (),
               meeting_on: date | None = None, meeting_with: str = "",
               rects: Sequence[tuple[int, tuple[int, int, int, int]]] = (),
               words: WordSource = ocr_words) -> PrintPlan:
    """The pages of a confrontation print, masked, for review (nothing is stored)."""
    from cybercase.core.text import check_text
    from cybercase.core.timeutil import local_today

    vault.require("evidence.read")
    case = get_case(vault, ref)
    person = get_person(vault, for_id, case)
    if person.kind != "pupil":
        raise UsageError(msg("print.for_pupil", id=for_id))
    kept = [get_person(vault, pid, case) for pid in dict.fromkeys(keep) if pid != for_id]
    with_whom = check_text(meeting_with, msg("print.field.with")) if meeting_with.strip() else \
        render("nl", "print.with_default", name=person.name)
    ids = list(dict.fromkeys(parse_id(i) for i in evidence))
    chosen_messages: dict[int, list[int]] = {}
    for item_id, n in messages:
        chosen_messages.setdefault(item_id, []).append(n)
    order = ids + [i for i in chosen_messages if i not in ids]
    if not order:
        raise UsageError(msg("print.nothing_chosen"))
    masks = mask_set(vault, [case.id], {person.id, *(p.id for p in kept)}, labels(),
                     senders=True, keep_account=lambda _p, status: False)
    masker = masks.masker()
    plan = PrintPlan(case, person, kept, meeting_on or local_today(), str(with_whom), masks,
                     masker, [])
    manual: dict[int, list[BoxMask]] = {}
    for item_id, rect in rects:
        manual.setdefault(item_id, []).append(manual_mask(rect))
    for item_id in order:
        item = _item_here(vault, case, item_id)
        caption, hits = masker.apply(str(item.stated.get("description") or item.original_name))
        plan.text_hits += hits
        if chat_summary(vault, item.id) is not None:
            plan.pages.append(_chat_page(vault, masker, item, chosen_messages.get(item.id, []),
                                         caption))
            continue
        if item.id in chosen_messages:
            raise UsageError(msg("print.not_chat", id=item.id))
        image = item.image or {}
        pixels = (image.get("width") or 0) * (image.get("height") or 0)
        if item.mime not in IMAGE_MIMES or not 0 < pixels <= MAX_PRINT_IMAGE_PIXELS:
            raise UsageError(msg("print.not_printable", id=item.id, mime=item.mime))
        _item, data = read_content(vault, item.id, purpose="print")
        found = words(vault, item.id)
        page = ImagePage(item, data, caption, found,
                         masker.boxes(found) if found is not None else [],
                         manual.pop(item.id, []))
        plan.pages.append(page)
    if manual:
        raise UsageError(msg("print.rect_not_chosen", id=next(iter(manual))))
    return plan
