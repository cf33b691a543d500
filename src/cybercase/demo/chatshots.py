"""Drawn chat screenshots with known text (1170x2532, an iPhone's size), for the demo,
the OCR tests and the OCR benchmarks: a group chat in WhatsApp's colours, light or dark,
with coloured sender names, times and bubbles. Nothing here reads evidence.
"""

from __future__ import annotations

import io
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

SIZE = (1170, 2532)

DUTCH_CHAT: tuple[tuple[str, str, str], ...] = (
    ("Daan", "Heb je die foto van Sanne gezien?", "19:02"),
    ("Lotte", "ja haha ze stinkt gewoon", "19:03"),
    ("Daan", "Niemand wil naast haar zitten morgen", "19:04"),
    ("Milan", "Zet hem in de groep dan ziet iedereen het", "19:06"),
    ("Lotte", "Zeg maar dat ze niet meer mag komen", "19:07"),
    ("Sanne", "Waarom doen jullie dit? Stop alsjeblieft", "19:11"),
    ("Milan", "Huil maar lekker, loser", "19:12"),
    ("Daan", "Één keer nog en je ligt eruit", "19:15"),
)
_NAME_COLOURS = ((229, 57, 53), (30, 136, 229), (67, 160, 71), (142, 36, 170),
                 (245, 124, 0))


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        path = resources.files("cybercase.assets").joinpath("fonts", "DejaVuSans.ttf")
        with resources.as_file(path) as real:
            return ImageFont.truetype(str(real), size)
    except (OSError, ModuleNotFoundError, FileNotFoundError):
        return ImageFont.load_default(size)


def draw_chat(
    messages: tuple[tuple[str, str, str], ...] = DUTCH_CHAT, title: str = "Groep 7b",
    dark: bool = False, me: str = "Sanne", seed: int = 0,
) -> Image.Image:
    """A chat screenshot as a Pillow image: each message as (sender, text, "HH:MM")."""
    bg, bar, mine, theirs, ink, muted = (
        ((11, 20, 26), (31, 44, 52), (0, 92, 75), (32, 44, 51), (233, 237, 239),
         (134, 150, 160)) if dark else
        ((236, 229, 221), (7, 94, 84), (220, 248, 198), (255, 255, 255), (17, 27, 33),
         (102, 119, 129)))
    img = Image.new("RGB", SIZE, bg)
    draw = ImageDraw.Draw(img)
    big, text_font, small = _font(52), _font(44), _font(32)
    draw.rectangle((0, 0, SIZE[0], 260), fill=bar)
    draw.text((150, 140), title, font=big, fill=(255, 255, 255))
    senders = sorted({s for s, _t, _h in messages})
    y = 320 + (seed % 5) * 10
    for sender, text, hour in messages:
        own = sender == me
        lines = _wrap(draw, text, text_font, 760)
        height = 40 + (0 if own else 56) + 58 * len(lines) + 50
        width = max(260, max(int(draw.textlength(t, font=text_font)) for t in lines) + 80)
        x0 = SIZE[0] - 40 - width if own else 40
        draw.rounded_rectangle((x0, y, x0 + width, y + height), 28,
                               fill=mine if own else theirs)
        ty = y + 24
        if not own:
            colour = _NAME_COLOURS[senders.index(sender) % len(_NAME_COLOURS)]
            draw.text((x0 + 32, ty), sender, font=small, fill=colour)
            ty += 56
        for line in lines:
            draw.text((x0 + 32, ty), line, font=text_font, fill=ink)
            ty += 58
        draw.text((x0 + width - 110, y + height - 48), hour, font=small, fill=muted)
        y += height + 36
        if y > SIZE[1] - 300:
            break
    draw.rectangle((0, SIZE[1] - 180, SIZE[0], SIZE[1]), fill=bar)
    return img


def _wrap(draw: ImageDraw.ImageDraw, text: str,
          font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines or [""]


def chat_png(**kwargs: object) -> bytes:
    """``draw_chat(**kwargs)`` as PNG bytes."""
    out = io.BytesIO()
    draw_chat(**kwargs).save(out, "PNG", compress_level=1)  # type: ignore[arg-type]
    return out.getvalue()
