"""Measure the conversation read from chat screenshots by OCR (docs/evidence.md).

``python tools/chatshot_measure.py [N]`` draws N screenshots per kind (light and dark,
group and 1:1; tests/whatsapp_shots.py), reads each with Tesseract as cybercase does
(``ocr.engine.recognise``) and turns the words into messages
(``ocr.chatshot.read_conversation``), then prints how many drawn bubbles came out with
the right side, sender and time, per kind and in all.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from cybercase.evidence.ocr.chatshot import read_conversation  # noqa: E402
from cybercase.evidence.ocr.engine import recognise  # noqa: E402
from whatsapp_shots import (  # noqa: E402
    GROUP,
    ONE_TO_ONE,
    PHONES,
    TWELVE_HOUR,
    Drawn,
    Score,
    draw_chat,
    random_chat,
    score,
)


def measure(entries: list[Drawn], mode: str, phones: dict[str, str] | None = None) -> Score:
    import io

    img = draw_chat(entries, mode, phones=phones)
    out = io.BytesIO()
    img.save(out, "PNG")
    reading = recognise(out.getvalue(), "image/png")
    return score(entries, read_conversation(reading.words, img.width, img.height))


def measure_demo(dark: bool) -> Score:
    """The demo's screenshot (cybercase.demo.chatshots: a name on every received bubble,
    the time on a line of its own)."""
    from cybercase.demo.chatshots import DUTCH_CHAT, SIZE, chat_png

    entries = [Drawn("sent" if s == "Sanne" else "received", None if s == "Sanne" else s,
                     text, hour) for s, text, hour in DUTCH_CHAT]
    reading = recognise(chat_png(dark=dark), "image/png")
    return score(entries, read_conversation(reading.words, *SIZE))


def line(label: str, s: Score) -> str:
    def pct(n: int) -> str:
        return f"{n}/{s.drawn} ({100 * n / max(s.drawn, 1):.0f}%)"

    return (f"{label:<22} bubbles {s.drawn:>3}  found {pct(s.found):<14} side {pct(s.side):<14}"
            f" sender {pct(s.sender):<14} time {pct(s.time):<14} all three {pct(s.all_three):<14}"
            f" days {s.days_found}/{s.days}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    started = time.perf_counter()
    total = Score()
    kinds = [("group", True), ("1:1", False)]
    for mode in ("light", "dark"):
        for label, group in kinds:
            part = Score()
            for seed in range(n):
                part.add(measure(random_chat(seed * 7 + group, group), mode,
                                 {"~ Jayden": "+31 6 12345678"}))
            print(line(f"{label} {mode} (random)", part))
            total.add(part)
        for label, entries in (("group fixed", GROUP), ("1:1 fixed", ONE_TO_ONE),
                               ("12-hour fixed", TWELVE_HOUR)):
            part = measure(entries, mode, PHONES)
            print(line(f"{label} {mode}", part))
            total.add(part)
        part = measure_demo(mode == "dark")
        print(line(f"demo {mode}", part))
        total.add(part)
    print(line("all", total))
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
