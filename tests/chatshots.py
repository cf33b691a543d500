"""Realistic chat screenshots for the near-duplicate tests and their measurement
(tools/neardup_measure.py): one chat layout (header, bubbles left and right at fixed
places and sizes, times under the text) filled with different text, and the ways one
screenshot comes back changed (recompressed, resized, forwarded through a chat app).
Real Pillow images drawn with the DejaVu font the documents ship."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "DejaVuSans.ttf"
WORDS = [
    "je", "bent", "zo", "dom", "niemand", "wil", "jou", "in", "de", "groep", "haha", "kijk",
    "die", "foto", "morgen", "op", "school", "wat", "een", "loser", "ga", "weg", "stop",
    "ermee", "ik", "zeg", "het", "tegen", "de", "juf", "lol", "echt", "waar", "niet",
    "iedereen", "lacht", "om", "je", "gym", "zaterdag", "feestje", "jij", "mag", "niet",
    "komen", "zielig"
]
SIZE = (720, 1560)
# the layout every screenshot shares: (top, left side?, bubble width, lines)
LAYOUT = [(170, True, 420, 2), (290, False, 380, 1), (370, True, 520, 3), (530, False, 300, 1),
          (610, False, 460, 2), (730, True, 360, 1), (810, True, 560, 3), (970, False, 420, 2),
          (1090, True, 300, 1), (1170, False, 520, 3), (1330, True, 400, 2)]


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def chat_screenshot(seed: int, contact: str = "Groep 7b") -> Image.Image:
    """One screenshot of the shared layout; ``seed`` chooses the words and times."""
    rng = random.Random(seed)
    img = Image.new("RGB", SIZE, (236, 229, 221))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, SIZE[0], 40), fill=(7, 94, 84))  # status bar
    draw.text((20, 8), f"21:0{seed % 10}", font=_font(22), fill="white")
    draw.rectangle((0, 40, SIZE[0], 130), fill=(7, 94, 84))  # chat header
    draw.ellipse((20, 55, 80, 115), fill=(200, 200, 200))
    draw.text((100, 70), contact, font=_font(30), fill="white")
    body, small = _font(24), _font(16)
    for top, left, width, lines in LAYOUT:
        height = 20 + 30 * lines + 18
        x0 = 20 if left else SIZE[0] - 20 - width
        colour = (255, 255, 255) if left else (220, 248, 198)
        draw.rounded_rectangle((x0, top, x0 + width, top + height), radius=12, fill=colour)
        for line in range(lines):
            text = ""
            while True:
                word = rng.choice(WORDS)
                if draw.textlength(f"{text} {word}".strip(), font=body) > width - 30:
                    break
                text = f"{text} {word}".strip()
            draw.text((x0 + 14, top + 10 + 30 * line), text, font=body, fill=(20, 20, 20))
        clock = f"{rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}"
        draw.text((x0 + width - 60, top + height - 24), clock, font=small, fill=(120, 120, 120))
    draw.rectangle((0, SIZE[1] - 90, SIZE[0], SIZE[1]), fill=(240, 240, 240))  # input bar
    draw.rounded_rectangle((20, SIZE[1] - 75, SIZE[0] - 110, SIZE[1] - 15), radius=30,
                           fill="white")
    return img


def encode(img: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    return Image.open(io.BytesIO(encode(img.convert("RGB"), "JPEG", quality=quality)))


def _resized(img: Image.Image, factor: float) -> Image.Image:
    return img.resize((round(img.width * factor), round(img.height * factor)),
                      Image.Resampling.LANCZOS)


def _forwarded(img: Image.Image) -> Image.Image:
    """What a chat app does to a forwarded picture: longest side to 1280 (here: scaled
    by 0.82), JPEG at quality 60, then saved again by the receiving phone at 80."""
    return _jpeg(_jpeg(_resized(img, 0.82), 60), 80)


CHANGES: dict[str, Callable[[Image.Image], Image.Image]] = {
    "jpeg q=70": lambda img: _jpeg(img, 70),
    "jpeg q=50": lambda img: _jpeg(img, 50),
    "resized 75%": lambda img: _resized(img, 0.75),
    "resized 50% + jpeg q=70": lambda img: _jpeg(_resized(img, 0.5), 70),
    "forwarded": _forwarded,
}
