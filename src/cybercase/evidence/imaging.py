"""Looking at images without trusting them: validate, measure, perceptual hashes.

Runs in worker processes during batch ingest (it imports only Pillow and the standard
library, so a worker starts quickly). Every function takes bytes already in memory and
never writes anything to disk: no thumbnails, no temp files.

Perceptual hashes (64 bits, hex): dHash compares neighbouring pixels of a 9x8 grey
reduction, aHash compares an 8x8 reduction with its mean. A picture forwarded through a
chat app and recompressed keeps its hashes within a few bits.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

# A phone screenshot is ~3 megapixels, a phone photo up to 200 (rare). Decoding more than
# this could exhaust memory; such images are stored but flagged and not decoded.
MAX_PIXELS = 120_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769

# The texts of the flags, in one place for translation.
MSG_TOO_LARGE = (
    "image claims {w} x {h} pixels ({mp:.0f} megapixels), more than the "
    "{limit} megapixel safety limit: stored but not decoded"
)
MSG_BOMB = "image is a decompression bomb ({error}): stored but not decoded"
MSG_DAMAGED = "damaged or truncated image ({error}): stored as received"
MSG_UNREADABLE = "the content looks like an image but cannot be read ({error})"


@dataclass
class ImageInfo:
    width: int | None = None
    height: int | None = None
    format: str | None = None
    exif_time: str | None = None
    dhash: str | None = None
    ahash: str | None = None
    flags: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "width": self.width, "height": self.height, "format": self.format,
            "exif_time": self.exif_time, "dhash": self.dhash, "ahash": self.ahash,
            "flags": list(self.flags),
        }


def _bits_to_hex(bits: list[bool]) -> str:
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return f"{value:016x}"


def dhash(img: Image.Image) -> str:
    small = img.convert("L").resize((9, 8), Image.Resampling.BOX)
    px = list(small.getdata())
    return _bits_to_hex([px[r * 9 + c] < px[r * 9 + c + 1] for r in range(8) for c in range(8)])


def ahash(img: Image.Image) -> str:
    small = img.convert("L").resize((8, 8), Image.Resampling.BOX)
    px = list(small.getdata())
    mean = sum(px) / len(px)
    return _bits_to_hex([p > mean for p in px])


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _exif_time(img: Image.Image) -> str | None:
    try:
        exif = img.getexif()
        value = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    except Exception:  # broken EXIF is common and never fatal
        return None
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    value = value.strip("\x00 ").strip()
    return value[:40] or None


def analyse(data: bytes) -> ImageInfo:
    """Validate and measure one image held in memory. Never raises for bad content."""
    info = ImageInfo()
    buf = io.BytesIO(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(buf) as img:
                info.format = img.format
                info.width, info.height = img.size
                pixels = img.size[0] * img.size[1]
                if pixels > MAX_PIXELS:
                    info.flags.append(MSG_TOO_LARGE.format(
                        w=img.size[0], h=img.size[1], mp=pixels / 1e6,
                        limit=MAX_PIXELS // 1_000_000,
                    ))
                    return info
                img.verify()  # leaves the image unusable: reopen below
            buf.seek(0)
            with Image.open(buf) as img:
                img.load()
                info.exif_time = _exif_time(img)
                # hash what a person sees: orientation applied
                shown = ImageOps.exif_transpose(img) if info.exif_time is not None else img
                info.dhash = dhash(shown)
                info.ahash = ahash(shown)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        info.flags.append(MSG_BOMB.format(error=_short(exc)))
    except UnidentifiedImageError as exc:
        info.flags.append(MSG_UNREADABLE.format(error=_short(exc)))
    except MemoryError as exc:
        info.flags.append(MSG_BOMB.format(error=_short(exc)))
    except Exception as exc:  # untrusted input: any decoder error is a flag
        info.flags.append(MSG_DAMAGED.format(error=_short(exc)))
    return info
