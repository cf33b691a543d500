"""Text from images (OCR): the public API the faces call.

- :func:`status` ``(vault, ref=None) -> OcrStatus(queued, running, done, failed,
  engine_available)``: the job list of the cases this user may see (or of case ``ref``).
- :func:`run_pending` ``(vault, ref=None, progress=cb)``: work the queue in the
  foreground; :class:`OcrRunner`: the same in the background (a thread worker).
- :func:`load_reading` ``(vault, item_id) -> OcrReading | None``: the stored, *derived*
  reading of one item (``words: list[OcrWord]`` with boxes), need-to-know checked.
- :func:`engine_info` ``() -> EngineInfo``: Tesseract on this machine, or that it is missing.

Images are queued in the transaction that stores them (a trigger; see migration 0011);
decrypted bytes reach Tesseract through a pipe only (``engine.py``).
"""

from __future__ import annotations

from cybercase.cases.cases import get_case
from cybercase.evidence.items import get_item
from cybercase.evidence.ocr import store as _store
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
