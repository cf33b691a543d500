"""A chat screenshot's OCR words read as a conversation (evidence/ocr/chatshot.py): on
drawn WhatsApp screenshots (tests/whatsapp_shots.py, the demo's) read by the real
Tesseract, and on word boxes made by hand for the rules themselves."""

from __future__ import annotations

import io
from functools import cache

import pytest
from PIL import Image

from cybercase.demo.chatshots import DUTCH_CHAT, SIZE, chat_png
from cybercase.evidence.ocr.chatshot import (
    ShotMessage,
    clock_note,
    day_date,
    read_conversation,
    split_time,
)
from cybercase.evidence.ocr.engine import find_engine, recognise
from cybercase.evidence.ocr.model import OcrWord
from tests.whatsapp_shots import (
    GROUP,
    ONE_TO_ONE,
    PHONES,
    TWELVE_HOUR,
    Drawn,
    draw_chat,
    score,
)

needs_tesseract = pytest.mark.skipif(not find_engine().available,
                                     reason="tesseract is not installed")


@cache
def _read(name: str, mode: str) -> tuple[list[Drawn], list[ShotMessage]]:
    entries, title = {"group": (GROUP, "Groep 7b"), "one": (ONE_TO_ONE, "Mila"),
                      "twelve": (TWELVE_HOUR, "Mila")}[name]
    img: Image.Image = draw_chat(entries, mode, title=title, phones=PHONES)
    out = io.BytesIO()
    img.save(out, "PNG")
    words = recognise(out.getvalue(), "image/png").words
    return entries, read_conversation(words, img.width, img.height)


@needs_tesseract
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_group_screenshot_sides_senders_times(mode: str) -> None:
    entries, messages = _read("group", mode)
    result = score(entries, messages)
    assert result.drawn == 8 and result.found == 8
    assert result.side == 8 and result.sender >= 7 and result.time >= 7
    assert result.days_found == 2
    days = [m.text for m in messages if m.kind == "day"]
    assert days == ["Gisteren", "Vandaag"]  # kept as shown, no date made up
    assert all(m.date is None for m in messages)
    first = next(m for m in messages if m.kind == "message")
    assert (first.side, first.sender, first.sender_basis, first.shown_time) == (
        "received", "Daan", "shown", "19:02")
    assert first.text == "wie komt er morgen naar het feestje"
    assert first.day_shown == "Gisteren" and first.confidence is not None
    assert first.to_json()["time"] is None and first.to_json()["derived"] == "ocr"
    jayden = [m for m in messages if m.sender == "~ Jayden"]  # the number beside it dropped
    assert len(jayden) == 1 and jayden[0].text == "echt zielig dit"
    sent = [m for m in messages if m.side == "sent"]
    assert [m.sender for m in sent] == [None, None]  # the phone's owner, no name shown
    assert sent[1].text == "stop ermee ik zeg het tegen de juf"  # ticks not in the text


@needs_tesseract
def test_one_to_one_has_no_senders_and_a_dated_separator() -> None:
    entries, messages = _read("one", "light")
    result = score(entries, messages)
    assert (result.found, result.side, result.sender) == (6, 6, 6)
    assert result.time >= 5
    assert all(m.sender is None for m in messages)  # nobody's name is on a 1:1 screenshot
    dated = [m for m in messages if m.kind == "message" and m.date]
    assert {m.date for m in dated} == {"2026-11-18"}  # only under "18 november 2026"
    assert [m.day_shown for m in messages if m.kind == "message"][-1] == "Maandag"
    assert all(m.date is None for m in messages if m.day_shown == "Maandag")


@needs_tesseract
def test_twelve_hour_times_stay_as_shown() -> None:
    entries, messages = _read("twelve", "light")
    assert score(entries, messages).found == 4
    shown = [m.shown_time for m in messages if m.kind == "message"]
    assert shown[0] == "8:43 PM" and sum(1 for s in shown if s and s.endswith("PM")) >= 3


@needs_tesseract
@pytest.mark.parametrize("dark", [False, True])
def test_the_demo_screenshot(dark: bool) -> None:
    words = recognise(chat_png(dark=dark), "image/png").words
    messages = [m for m in read_conversation(words, *SIZE) if m.kind == "message"]
    entries = [Drawn("sent" if s == "Sanne" else "received", None if s == "Sanne" else s,
                     text, hour) for s, text, hour in DUTCH_CHAT]
    result = score(entries, messages)
    assert result.found == len(DUTCH_CHAT) and result.side == result.found
    assert result.sender == result.found and result.time >= result.found - 1


def _w(text: str, left: int, top: int, width: int = 0, height: int = 30,
       conf: float = 90.0) -> OcrWord:
    return OcrWord(text, left, top, width or 20 * len(text), height, conf, 1, 1, 1, 1)


def test_rules_on_word_boxes() -> None:
    """Words placed by hand on a 1000x1000 image (not phone-shaped: no chrome cut)."""
    words = [
        _w("Maandag", 440, 20),                                      # centred: a day
        _w("Lotte", 30, 80), _w("de", 140, 80), _w("Vries", 190, 80),  # a name line
        _w("kom", 30, 120), _w("je?", 110, 120), _w("7:05", 300, 125, 60, 20),
        _w("ok", 30, 200), _w("19.06", 100, 205, 60, 20),             # same run: inherits
        _w("nee", 700, 280), _w("19:07", 800, 285, 60, 20), _w("vv", 870, 285, 30, 20),
        _w("Sem", 30, 360), _w("hoi", 30, 400), _w("19:08", 120, 405, 60, 20),
    ]
    got = read_conversation(words, 1000)
    assert [(m.kind, m.side, m.sender, m.sender_basis, m.shown_time, m.text) for m in got] == [
        ("day", "centre", None, None, None, "Maandag"),
        ("message", "received", "Lotte de Vries", "shown", "7:05", "kom je?"),
        ("message", "received", "Lotte de Vries", "above", "19:06", "ok"),
        ("message", "sent", None, None, "19:07", "nee"),
        ("message", "received", "Sem", "shown", "19:08", "hoi"),
    ]
    assert got[1].confidence == 90.0 and got[1].day_shown == "Maandag"


def test_no_group_no_names() -> None:
    """One name-like first line alone does not make a group: it stays text."""
    words = [_w("Hoi", 30, 80), _w("Sanne", 110, 80), _w("hoe", 30, 120),
             _w("gaat", 110, 120), _w("het", 220, 120), _w("10:00", 300, 125, 60, 20)]
    (only,) = read_conversation(words, 1000)
    assert only.sender is None and only.text == "Hoi Sanne hoe gaat het"


def test_times_and_dates() -> None:
    assert split_time(["ok", "20:14"]) == (["ok"], "20:14")
    assert split_time(["ok", "8:43", "p.m."]) == (["ok"], "8:43 PM")
    assert split_time(["ok", "8:43PM"]) == (["ok"], "8:43 PM")
    assert split_time(["ok", "08-16", "4/"]) == (["ok"], "08:16")  # ticks read as marks
    assert split_time(["om", "20:14", "bij", "school"]) == (["om", "20:14", "bij", "school"],
                                                           None)
    assert split_time(["ok", "20:75"]) == (["ok", "20:75"], None)
    # a digit read as a letter or as another digit: the bubble still ends, the time stays
    # as read and says it is no clock time (never corrected by guessing)
    assert split_time(["ok", "j0:01"]) == (["ok"], "j0:01")
    assert split_time(["ok", "72:36"]) == (["ok"], "72:36")
    assert clock_note("72:36") and clock_note("j0:01") and clock_note("13:05 PM")
    assert clock_note("19:02") is None and clock_note("8:43 PM") is None
    assert day_date("18 november 2026") == "2026-11-18"
    assert day_date("November 18, 2026") == "2026-11-18"
    assert day_date("Vandaag") is None and day_date("18 november") is None
    assert day_date("31 februari 2026") is None
    assert read_conversation([], 1000) == []
