"""Print previews of the image evidence for report.pdf.

Made once per item on worker threads from the bytes the bag writer streams anyway (no
second read from the vault; Pillow releases the GIL while decoding, scaling and encoding),
scaled for 150 dpi print and encoded as JPEG, which fpdf2 embeds as is. This module does
not import fpdf2, so the export can start writing while the report's code loads.
"""

from __future__ import annotations

import io
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from PIL import Image, ImageOps

from cybercase.evidence import imaging, video
from cybercase.evidence.items import Item

# iPhone photos (HEIC) are opened with pillow-heif (imaging.open_image) and print like any
# image
IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
               "image/tiff", *imaging.HEIF_MIMES)
MAX_IMAGE_BYTES = 64 * 1024 * 1024
MAX_PREVIEW_PIXELS = 60_000_000  # larger images are shown as a description only


@dataclass
class Preview:
    jpeg: bytes
    width: int
    height: int
    # a tall screenshot: the image at full print width, cut into page-sized parts
    # (``jpeg`` is then the first part); camera facts read from the EXIF (make, model,
    # offset of the time): measured, printed in the item's facts
    parts: tuple[Preview, ...] = ()
    exif: dict[str, str] = field(default_factory=dict)
    still: bool = False  # a video's still frame (derived), not the item itself


PREVIEW_BOX_PX = (1063, 1004)  # 180 x 170 mm at 150 dpi
TALL = 2.6  # height / width above which an image is printed at full width over pages
# (a phone screenshot, about 2.2, still fits one page at a legible 105 mm wide)
PART_RATIO = 235 / 180  # one part's height / width: 235 x 180 mm fits on a page
_EXIF_IFD, _MAKE, _MODEL, _OFFSET, _OFFSET_ORIGINAL = 0x8769, 0x010F, 0x0110, 0x9010, 0x9011


def _exif_facts(img: Image.Image) -> dict[str, str]:
    try:
        exif = img.getexif()
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:  # damaged EXIF: no facts
        return {}
    found = {"make": exif.get(_MAKE), "model": exif.get(_MODEL),
             "offset": sub.get(_OFFSET_ORIGINAL) or sub.get(_OFFSET)}
    return {k: " ".join(str(v).replace("\x00", " ").split()) for k, v in found.items()
            if v not in (None, "")}


def _jpeg(img: Image.Image) -> Preview:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85, subsampling=0)
    return Preview(out.getvalue(), img.width, img.height)


def _parts(shown: Image.Image) -> tuple[Preview, ...]:
    """A tall image at print width (150 dpi for 180 mm), cut into page-sized parts."""
    width = min(shown.width, PREVIEW_BOX_PX[0])
    height = max(1, round(shown.height * width / shown.width))
    scaled = shown.resize((width, height)) if width != shown.width else shown
    step = round(width * PART_RATIO)
    return tuple(_jpeg(scaled.crop((0, top, width, min(height, top + step))))
                 for top in range(0, height, step))


def make_preview(data: bytes, mime: str = "") -> Preview | None:
    """A JPEG of the image scaled to the print box (orientation applied, transparency on
    white), or of a video's still frame; None when it cannot be shown. Never raises for
    bad content."""
    if video.is_video(mime):
        frame = video.still(data)
        if frame is None:
            return None
        frame.thumbnail(PREVIEW_BOX_PX)
        preview = _jpeg(frame.convert("RGB"))
        preview.still = True
        return preview
    try:
        with imaging.open_image(data) as img:
            img.seek(0)
            facts = _exif_facts(img)
            tall = img.height > TALL * img.width
            if not tall:
                img.draft("RGB", PREVIEW_BOX_PX)  # JPEG: decode at a reduced scale
            # a HEIF reads back already turned (pillow-heif): never turn it twice
            shown = img if img.format in imaging.HEIF_FORMATS else ImageOps.exif_transpose(img)
            tall = shown.height > TALL * shown.width
            if not tall:
                shown.thumbnail(PREVIEW_BOX_PX)
            if shown.mode in ("RGBA", "LA", "PA") or "transparency" in shown.info:
                rgba = shown.convert("RGBA")
                shown = Image.new("RGB", rgba.size, (255, 255, 255))
                shown.paste(rgba, mask=rgba.getchannel("A"))
            return preview_image(shown.convert("RGB"), facts)
    except Exception:  # untrusted content: no preview, the report says so
        return None


def preview_image(shown: Image.Image, facts: dict[str, str] | None = None) -> Preview:
    """The print preview of an image already decoded (RGB, upright): scaled to the print
    box, or a tall one cut into page-sized parts at full width. A masked print passes its
    masked image here (in memory) and is laid out like the report."""
    if shown.height > TALL * shown.width:
        parts = _parts(shown)
        first = parts[0]
        return Preview(first.jpeg, first.width, first.height, parts, dict(facts or {}))
    if shown.width > PREVIEW_BOX_PX[0] or shown.height > PREVIEW_BOX_PX[1]:
        shown = shown.copy()
        shown.thumbnail(PREVIEW_BOX_PX)
    preview = _jpeg(shown)
    preview.exif = dict(facts or {})
    return preview


def wants_preview(item: Item) -> bool:
    image = item.image or ((item.media or {}) if video.is_video(item.mime) else {})
    pixels = (image.get("width") or 0) * (image.get("height") or 0)
    return ((item.mime in IMAGE_MIMES or video.is_video(item.mime))
            and item.size <= MAX_IMAGE_BYTES and 0 < pixels <= MAX_PREVIEW_PIXELS)


class Previews:
    """Previews of the image items, made on worker threads from the bytes the bag writer
    streams anyway (no second read from the vault). A few images at most wait in memory.

    ``get`` waits until the item has streamed by and its preview is made, so the report
    can be built beside the writer; ``close`` releases every waiter (None: no preview)."""

    def __init__(self, items: list[Item], workers: int = 2, backlog: int = 4) -> None:
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="cybercase-preview")
        self._results: dict[int, Future[Preview | None]] = {
            item.id: Future() for item in items if wants_preview(item)
        }
        self._jobs: deque[Future[Preview | None]] = deque()
        self._backlog = backlog
        self._lock = threading.Lock()

    def wanted(self, item: Item) -> bool:
        return item.id in self._results

    def _settle(self, item_id: int, value: Preview | None) -> None:
        with self._lock:
            result = self._results[item_id]
            if not result.done():
                result.set_result(value)

    def tee(self, item: Item, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """Pass the chunks on; when the item is complete, start its preview."""
        parts = []
        for chunk in chunks:
            parts.append(chunk)
            yield chunk
        while len(self._jobs) >= self._backlog:
            wait([self._jobs.popleft()])
        job = self._pool.submit(make_preview, b"".join(parts), item.mime)
        del parts
        job.add_done_callback(lambda done: self._settle(
            item.id, None if done.cancelled() or done.exception() else done.result()))
        self._jobs.append(job)

    def get(self, item_id: int) -> Preview | None:
        result = self._results.get(item_id)
        return result.result() if result is not None else None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        for item_id in self._results:
            self._settle(item_id, None)
