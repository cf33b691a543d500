"""Phone-sized WhatsApp screenshots (1170x2532, an iPhone at 3x) drawn with Pillow, with
known content: light and dark mode, a group with coloured sender names (and an unsaved
"~ Name" with its number), a 1:1 chat, day separators, times in the bubbles (24-hour or
12-hour), ticks after the sent times. Each drawing returns what was drawn, so the OCR
conversation reading can be measured against it (tests/ocr/test_chatshot.py,
tools/chatshot_measure.py)."""

from __future__ import annotations

import difflib
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
W, H = 1170, 2532
BODY, NAME, SMALL, DAY = 46, 40, 32, 36
MAX_BUBBLE = int(W * 0.76)

THEMES: dict[str, dict[str, Any]] = {
    "light": {"bg": (239, 234, 226), "in": (255, 255, 255), "out": (217, 253, 211),
              "text": (17, 27, 33), "time": (102, 119, 129), "tick": (83, 189, 235),
              "bar": (246, 246, 246), "bar_text": (17, 27, 33), "pill": (255, 255, 255),
              "pill_text": (84, 101, 111),
              "names": [(229, 57, 53), (0, 137, 123), (123, 31, 162), (230, 81, 0),
                        (21, 101, 192)]},
    "dark": {"bg": (11, 20, 26), "in": (32, 44, 51), "out": (0, 92, 75),
             "text": (233, 237, 239), "time": (160, 175, 185), "tick": (83, 189, 235),
             "bar": (31, 44, 52), "bar_text": (233, 237, 239), "pill": (24, 34, 41),
             "pill_text": (160, 175, 185),
             "names": [(255, 128, 128), (83, 189, 165), (206, 147, 216), (255, 183, 77),
                       (100, 181, 246)]},
}


@dataclass(frozen=True)
class Drawn:
    """One drawn bubble or day separator: the truth a reading is measured against."""

    side: str  # received | sent | day
    sender: str | None  # the name drawn in the bubble (None: none drawn)
    text: str
    time: str  # as drawn ("20:14", "8:43 PM"); "" for a day separator


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")),
                              size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def draw_chat(entries: list[Drawn], mode: str = "light", title: str = "Groep 7b",
              phones: dict[str, str] | None = None) -> Image.Image:
    """A screenshot of ``entries`` from the top of the chat area down (as far as fits)."""
    theme = THEMES[mode]
    img = Image.new("RGB", (W, H), theme["bg"])
    draw = ImageDraw.Draw(img)
    body, name_font, small, day_font = _font(BODY), _font(NAME, True), _font(SMALL), _font(DAY)
    # status bar and header (chrome)
    draw.rectangle((0, 0, W, 290), fill=theme["bar"])
    draw.text((90, 50), "21:07", font=_font(44, True), fill=theme["bar_text"])
    draw.text((W - 250, 50), "5G  87%", font=_font(38), fill=theme["bar_text"])
    draw.ellipse((140, 160, 240, 260), fill=(180, 180, 180))
    draw.text((270, 180), title, font=_font(48, True), fill=theme["bar_text"])
    names = theme["names"]
    colours: dict[str, tuple[int, int, int]] = {}
    y = 330
    previous_side = ""
    for entry in entries:
        if entry.side == "day":
            tw = draw.textlength(entry.text, font=day_font)
            x0 = (W - tw) / 2 - 30
            draw.rounded_rectangle((x0, y, x0 + tw + 60, y + 70), radius=20, fill=theme["pill"])
            draw.text((x0 + 30, y + 14), entry.text, font=day_font, fill=theme["pill_text"])
            y += 100
            previous_side = "day"
            continue
        left = entry.side == "received"
        y += 28 if previous_side and previous_side != entry.side else 10
        previous_side = entry.side
        lines = _wrap(draw, entry.text, body, MAX_BUBBLE - 60)
        time_w = draw.textlength(entry.time, font=small) + (70 if not left else 0)
        widths = [draw.textlength(line, font=body) for line in lines]
        header = ""
        if entry.sender:
            header = entry.sender
        inner = max([*widths, draw.textlength(header, font=name_font) if header else 0])
        same_line = widths[-1] + 30 + time_w <= MAX_BUBBLE - 60
        inner = max(inner, widths[-1] + 30 + time_w if same_line else time_w)
        phone = (phones or {}).get(entry.sender or "")
        if phone:
            inner = max(inner, draw.textlength(header, font=name_font) + 40
                        + draw.textlength(phone, font=small))
        bw = int(min(inner, MAX_BUBBLE - 60)) + 60
        bh = 24 + (58 if header else 0) + 60 * len(lines) + (0 if same_line else 46) + 22
        x0 = 40 if left else W - 40 - bw
        draw.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=26,
                               fill=theme["in"] if left else theme["out"])
        ty = y + 24
        if header:
            colour = colours.setdefault(header, names[len(colours) % len(names)])
            draw.text((x0 + 30, ty), header, font=name_font, fill=colour)
            if phone:
                draw.text((x0 + bw - 30 - draw.textlength(phone, font=small), ty + 6), phone,
                          font=small, fill=theme["time"])
            ty += 58
        for line in lines:
            draw.text((x0 + 30, ty), line, font=body, fill=theme["text"])
            ty += 60
        tx = x0 + bw - 30 - time_w
        time_y = y + bh - 22 - 40
        draw.text((tx, time_y), entry.time, font=small, fill=theme["time"])
        if not left:  # the two ticks after a sent message's time
            base = tx + draw.textlength(entry.time, font=small) + 14
            for dx in (0, 16):
                draw.line((base + dx, time_y + 22, base + dx + 10, time_y + 32, base + dx + 30,
                           time_y + 6), fill=theme["tick"], width=4)
        y += bh
        if y > H - 320:
            break
    draw.rectangle((0, H - 200, W, H), fill=theme["bar"])
    draw.rounded_rectangle((120, H - 175, W - 200, H - 90), radius=42, fill=theme["in"])
    draw.text((160, H - 155), "Bericht", font=_font(42), fill=theme["time"])
    return img


GROUP = [
    Drawn("day", None, "Gisteren", ""),
    Drawn("received", "Daan", "wie komt er morgen naar het feestje", "19:02"),
    Drawn("received", "Sanne", "ik niet haha", "19:03"),
    Drawn("sent", None, "ik kom wel", "19:05"),
    Drawn("received", "Daan", "jij mag niet komen, niemand wil jou erbij", "19:06"),
    Drawn("received", "~ Jayden", "echt zielig dit", "19:07"),
    Drawn("day", None, "Vandaag", ""),
    Drawn("received", "Sanne", "kijk die foto van haar in de gymles, iedereen lacht erom",
          "08:12"),
    Drawn("sent", None, "stop ermee ik zeg het tegen de juf", "08:15"),
    Drawn("received", "Daan", "lol ga maar huilen", "08:16"),
]
PHONES = {"~ Jayden": "+31 6 12345678"}

ONE_TO_ONE = [
    Drawn("day", None, "18 november 2026", ""),
    Drawn("received", None, "waarom deed je dat vandaag op school", "15:41"),
    Drawn("sent", None, "ik deed niks", "15:44"),
    Drawn("received", None, "iedereen heeft het gezien, morgen krijg je het terug", "15:45"),
    Drawn("day", None, "Maandag", ""),
    Drawn("received", None, "je bent zo dom", "07:58"),
    Drawn("sent", None, "laat me met rust", "08:01"),
    Drawn("received", None, "haha nee", "08:02"),
]

TWELVE_HOUR = [
    Drawn("day", None, "Today", ""),
    Drawn("received", None, "where are you", "8:43 PM"),
    Drawn("sent", None, "at home why", "8:45 PM"),
    Drawn("received", None, "everyone is talking about your video", "8:46 PM"),
    Drawn("sent", None, "please stop sending this", "9:02 PM"),
]

WORDS = ["je", "bent", "zo", "dom", "niemand", "wil", "jou", "in", "de", "groep", "haha",
         "kijk", "die", "foto", "morgen", "op", "school", "wat", "een", "loser", "ga", "weg",
         "stop", "ermee", "ik", "zeg", "het", "tegen", "juf", "echt", "waar", "niet",
         "iedereen", "lacht", "om", "gym", "zaterdag", "feestje", "jij", "mag", "komen",
         "zielig", "vanavond", "buiten", "spelen", "telefoon"]
SENDERS = ["Daan", "Sanne", "Noah", "Emma", "~ Jayden", "Lotte de Vries"]


def random_chat(seed: int, group: bool) -> list[Drawn]:
    """A screenshot's worth of messages chosen by ``seed`` (for the measurement)."""
    rng = random.Random(seed)
    out = [Drawn("day", None, rng.choice(["Vandaag", "Gisteren", "Maandag",
                                          "18 november 2026"]), "")]
    last_sender: str | None = None
    hour, minute = rng.randint(7, 20), rng.randint(0, 30)
    for _ in range(rng.randint(7, 10)):
        sent = rng.random() < 0.35
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 14)))
        minute += rng.randint(0, 4)
        shown = f"{hour:02d}:{minute % 60:02d}"
        if sent:
            out.append(Drawn("sent", None, words, shown))
            last_sender = None
            continue
        sender = rng.choice(SENDERS) if group else None
        drawn_name = sender if group and sender != last_sender else None
        out.append(Drawn("received", drawn_name, words, shown))
        last_sender = sender
    return out


def expected_senders(entries: list[Drawn]) -> list[str | None]:
    """Who each received bubble is from as the screenshot tells it: the name drawn, or
    the one drawn on the bubble above it in the same run."""
    out: list[str | None] = []
    current: str | None = None
    for e in entries:
        if e.side == "received":
            current = e.sender or current
            out.append(current)
        else:
            current = None
            out.append(None)
    return out


@dataclass
class Score:
    drawn: int = 0  # bubbles drawn (day separators not counted)
    found: int = 0  # found as a message (text at least half alike, in order)
    side: int = 0
    sender: int = 0
    time: int = 0
    all_three: int = 0
    days: int = 0  # day separators drawn
    days_found: int = 0  # read as a day separator with the text as drawn

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(entries: list[Drawn], messages: list[Any]) -> Score:
    """How many drawn bubbles came out with the right side, sender and time. ``messages``
    are ``ShotMessage``s; a drawn bubble is matched to the next unmatched message (at most
    three ahead) whose text is most alike (difflib ratio at least 0.5)."""
    result = Score()
    shown = [m for m in messages if m.kind == "message"]
    days = {m.text for m in messages if m.kind == "day"}
    senders = expected_senders(entries)
    at = 0
    for entry, sender in zip(entries, senders, strict=True):
        if entry.side == "day":
            result.days += 1
            result.days_found += entry.text in days
            continue
        result.drawn += 1
        best, best_ratio = None, 0.5
        for i in range(at, min(at + 4, len(shown))):
            ratio = difflib.SequenceMatcher(None, entry.text, shown[i].text).ratio()
            if ratio >= best_ratio:
                best, best_ratio = i, ratio
        if best is None:
            continue
        at = best + 1
        got = shown[best]
        result.found += 1
        ok = (got.side == entry.side, got.sender == sender, got.shown_time == entry.time)
        result.side += ok[0]
        result.sender += ok[1]
        result.time += ok[2]
        result.all_three += all(ok)
    return result
