"""Evidence attached to an access export (``--include-evidence``): masked renditions, or
the original only when the coordinator confirms it unmasked (issue 18).

- A chat export becomes its transcript as text, every other child's name replaced with the
  export's labels (the same engine and labels as the rest of the export).
- An image with an OCR reading becomes a PNG with solid boxes over the words that show a
  masked name, handle, e-mail or phone number (in memory; never on disk unencrypted
  outside the ZIP being written).
- Anything else (an image without an OCR reading, a recording, a document) cannot be
  masked: it is refused, unless the coordinator has checked it and confirms it unmasked
  (``unmasked``); the export then says plainly which attachment is not masked.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cybercase.core.dutchdates import dutch_datetime
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.evidence.chat.messages import chat_summary, list_messages
from cybercase.evidence.items import Item, read_content
from cybercase.privacy.confront import IMAGE_MIMES, ImagePage, ocr_words
from cybercase.privacy.masking import Masker
from cybercase.vault import Vault


@dataclass
class Attachment:
    item: Item
    member: str  # its name in the ZIP
    data: bytes | None  # the masked rendition; None: the original, unmasked (confirmed)
    masked: bool
    kind: str  # chat | image | original
    masks: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.item.id, "file": self.member, "masked": self.masked,
                "kind": self.kind, "masks": len(self.masks)}


def _chat_text(vault: Vault, masker: Masker, item: Item) -> tuple[bytes, list[dict[str, Any]]]:
    _summary, messages = list_messages(vault, item.id)
    lines, masks = [], []
    for m in messages:
        when = dutch_datetime(m.time) if m.time else m.shown_time
        sender, hits = masker.apply(m.sender or "")
        text, more = masker.apply(m.text)
        masks += [h.to_json() for h in hits + more]
        lines.append(f"{when} - {sender}: {text}" if sender and not m.system
                     else f"{when} - {text}")
    return ("\n".join(lines) + "\n").encode("utf-8"), masks


def attachments(vault: Vault, masker: Masker, items: Iterable[Item],
                unmasked: set[int]) -> list[Attachment]:
    """The attachments of an access export, masked where they can be; raises for an
    item that cannot be masked and was not confirmed unmasked."""
    out: list[Attachment] = []
    for item in items:
        if item.id in unmasked:
            out.append(Attachment(item, f"bewijs/{item.id}{item.extension}", None, False,
                                  "original"))
            continue
        if chat_summary(vault, item.id) is not None:
            data, masks = _chat_text(vault, masker, item)
            out.append(Attachment(item, f"bewijs/{item.id}-chat-gemaskeerd.txt", data, True,
                                  "chat", masks))
            continue
        words = ocr_words(vault, item.id) if item.mime in IMAGE_MIMES else None
        if words is None:
            raise UsageError(msg("privacy.subject.cannot_mask", id=item.id, mime=item.mime))
        _item, original = read_content(vault, item.id, purpose="subject_export")
        page = ImagePage(item, original, "", words, masker.boxes(words))
        buf = io.BytesIO()
        page.masked_image().save(buf, "PNG")
        out.append(Attachment(item, f"bewijs/{item.id}-gemaskeerd.png", buf.getvalue(),
                              True, "image", [m.to_json() for m in page.masks()]))
    return out
