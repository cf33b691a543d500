"""Text from images (OCR): the public API the faces call.

- :func:`status` ``(vault, ref=None) -> OcrStatus(queued, running, done, failed,
  engine_available)``: the job list of the cases this user may see (or of case ``ref``).
- :func:`run_pending` ``(vault, ref=None, progress=cb)``: work the queue in the
  foreground; :class:`OcrRunner`: the same in the background (a thread worker).
- :func:`load_reading` ``(vault, item_id) -> OcrReading | None``: the stored, *derived*
  reading of one item (``words: list[OcrWord]`` with boxes), need-to-know checked.
- :func:`read_messages` ``(vault, item_id) -> ShotConversation | None``: a chat
  screenshot's reading as messages (``chatshot.py``; derived, may be wrong), the read
  audited as ``evidence.messages``, as a chat export's messages are.
- :func:`engine_info` ``() -> EngineInfo``: Tesseract on this machine, or that it is missing.

Images are queued in the transaction that stores them (a trigger; see migration 0011);
decrypted bytes reach Tesseract through a pipe only (``engine.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cybercase.cases.cases import get_case
from cybercase.core.i18n import Msg, msg
from cybercase.evidence.items import get_item
from cybercase.evidence.ocr import store as _store
from cybercase.evidence.ocr.chatshot import ShotMessage as ShotMessage
from cybercase.evidence.ocr.chatshot import read_conversation
from cybercase.evidence.ocr.engine import find_engine
from cybercase.evidence.ocr.model import EngineInfo as EngineInfo
from cybercase.evidence.ocr.model import OcrReading as OcrReading
from cybercase.evidence.ocr.model import OcrStatus as OcrStatus
from cybercase.evidence.ocr.model import OcrWord as OcrWord
from cybercase.evidence.ocr.model import RunProgress as RunProgress
from cybercase.evidence.ocr.worker import OcrRunner as OcrRunner
from cybercase.evidence.ocr.worker import RunSummary as RunSummary
from cybercase.evidence.ocr.worker import run_pending as run_pending
from cybercase.vault import Vault


def engine_info() -> EngineInfo:
    return find_engine()


def status(vault: Vault, ref: str | None = None) -> OcrStatus:
    """Counts of the OCR jobs in the cases this user may see (or in case ``ref``)."""
    vault.require("evidence.read")
    if ref is not None:
        get_case(vault, ref)  # exists and visible, or the one-line refusal
    return _store.status(vault, ref, find_engine().available)


def load_reading(vault: Vault, item_id: int | str) -> OcrReading | None:
    """The OCR reading of an item (derived), or None while there is none."""
    item = get_item(vault, item_id)  # evidence.read + need-to-know
    return _store.load(vault, item.id)


def retry_failed(vault: Vault, ref: str | None = None) -> int:
    vault.require("evidence.write")
    return _store.retry_failed(vault, ref)


def set_auto(vault: Vault, on: bool) -> None:
    _store.set_auto(vault, on)


@dataclass(frozen=True)
class ShotConversation:
    """The messages read from one screenshot's OCR: a derived reading, never a fact."""

    item_id: int
    messages: list[ShotMessage]
    engine: str
    version: str
    made_at: str
    mean_conf: float | None

    @property
    def label(self) -> Msg:
        return msg("ocr.chat.derived", id=self.item_id)

    def to_json(self) -> list[dict[str, Any]]:
        return [m.to_json() for m in self.messages]


def read_messages(vault: Vault, item_id: int | str) -> ShotConversation | None:
    """A chat screenshot's OCR reading as messages (None while there is no reading).

    Built on the fly from the stored word boxes (nothing new is stored); the read is
    audited once, as ``evidence.messages`` of a chat export is."""
    item = get_item(vault, item_id)  # evidence.read + need-to-know
    reading = _store.load(vault, item.id)
    if reading is None:
        return None
    image = item.image or {}
    width = int(image.get("width") or 0) or max(
        (w.left + w.width for w in reading.words), default=1)
    height = int(image.get("height") or 0) or None
    messages = read_conversation(reading.words, width, height)
    with vault.transaction() as tx:
        tx.audit("evidence.messages", f"evidence {item.id}",
                 {"sha256": item.sha256, "messages": len(messages), "derived": "ocr",
                  "engine": reading.engine, "version": reading.version}, case_ref=item.case)
    return ShotConversation(item.id, messages, reading.engine, reading.version,
                            reading.made_at, reading.mean_conf)
