"""What an OCR reading is: words with their boxes, the text, and how it was made.

An OCR reading is *derived*: the engine's reading of an image, never a measured or stated
fact about the item, and never a change to the original. Every record here says so
(``derived: True`` in its JSON) and names the engine, its version, languages and settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class OcrWord:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float  # 0..100, Tesseract's confidence in the word
    block: int
    par: int
    line: int
    word: int

    def to_row(self) -> list[Any]:
        return [self.text, self.left, self.top, self.width, self.height, self.conf,
                self.block, self.par, self.line, self.word]

    @classmethod
    def from_row(cls, row: list[Any]) -> OcrWord:
        text, left, top, width, height, conf, block, par, line, word = row
        return cls(str(text), int(left), int(top), int(width), int(height), float(conf),
                   int(block), int(par), int(line), int(word))

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "left": self.left, "top": self.top, "width": self.width,
                "height": self.height, "conf": self.conf, "block": self.block,
                "par": self.par, "line": self.line, "word": self.word}


@dataclass(frozen=True)
class EngineInfo:
    """The OCR engine found on this machine (or that none was found)."""

    available: bool
    path: str | None = None
    version: str = ""
    languages: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"available": self.available, "path": self.path, "version": self.version,
                "languages": list(self.languages)}


@dataclass(frozen=True)
class Recognised:
    """One run of the engine over one image (not yet stored)."""

    text: str
    words: list[OcrWord]
    engine: str
    version: str
    languages: str
    settings: dict[str, Any]

    @property
    def mean_conf(self) -> float | None:
        confs = [w.conf for w in self.words if w.conf >= 0]
        return round(sum(confs) / len(confs), 1) if confs else None


@dataclass(frozen=True)
class OcrReading:
    """The stored, derived reading of one evidence item."""

    item_id: int
    text: str
    words: list[OcrWord]
    mean_conf: float | None
    engine: str
    version: str
    languages: str
    settings: dict[str, Any]
    made_at: str
    made_by: str
    derived: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item_id, "derived": True, "kind": "ocr",
            "note": "text read from the image by OCR: a derived reading, not a fact",
            "engine": self.engine, "version": self.version, "languages": self.languages,
            "settings": self.settings, "made_at": self.made_at, "made_by": self.made_by,
            "mean_conf": self.mean_conf, "text": self.text,
            "words": [w.to_json() for w in self.words],
        }


@dataclass(frozen=True)
class OcrStatus:
    queued: int
    running: int
    done: int
    failed: int
    engine_available: bool
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pending(self) -> int:
        return self.queued + self.running

    def to_json(self) -> dict[str, Any]:
        return {"queued": self.queued, "running": self.running, "done": self.done,
                "failed": self.failed, "engine_available": self.engine_available,
                "failures": self.failures}


@dataclass(frozen=True)
class RunProgress:
    """Where a run of the queue is: handed to the progress callback after each job."""

    done: int
    failed: int
    total: int
    current: int | None  # the item just finished
