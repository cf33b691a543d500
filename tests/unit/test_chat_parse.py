"""The WhatsApp export parser and its date rules on exports written here (no vault)."""

from __future__ import annotations

from cybercase.evidence.chat import dates
from cybercase.evidence.chat.parse import decode, looks_like_chat, parse

LRM, RLM, BOM, NNBSP = "\u200e", "\u200f", "\ufeff", "\u202f"

DUTCH_ANDROID = (
    "20-11-2026 14:30 - Berichten en oproepen zijn end-to-end versleuteld. Niemand buiten "
    "deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet.\n"
    "20-11-2026 14:31 - Juf Anja heeft de groep \"7B: chill\" aangemaakt\n"
    "20-11-2026 14:31 - Juf Anja heeft je toegevoegd\n"
    "20-11-2026 14:32 - Daan: jij stinkt\n"
    "20-11 is de toets - echt: waar\n"
    "\n"
    "en nog een regel\n"
    f"20-11-2026 14:33 - ~{NNBSP}Sem: IMG-20261120-WA0001.jpg (bestand bijgevoegd)\n"
    "kijk dan\n"
    "20-11-2026 14:34 - Jan-Willem: <Media weggelaten>\n"
    "20-11-2026 14:35 - Sanne 🦄: Dit bericht is verwijderd\n"
    "20-11-2026 14:36 - Daan: Je hebt dit bericht verwijderd\n"
    "20-11-2026 14:37 - Daan:\n"
    "20-11-2026 14:38 - Daan heeft de groep verlaten\n"
)


def test_dutch_android_messages_notices_media_and_multi_line() -> None:
    parsed = parse(DUTCH_ANDROID)
    got = [(e.n, e.sender, e.system, e.media) for e in parsed.entries]
    assert got == [
        (1, None, True, None), (2, None, True, None), (3, None, True, None),
        (4, "Daan", False, None),
        (5, f"~{NNBSP}Sem", False, "IMG-20261120-WA0001.jpg"),
        (6, "Jan-Willem", False, "<Media weggelaten>"),
        (7, "Sanne 🦄", False, None),  # a tombstone has an author: a message
        (8, "Daan", False, None),
        (9, "Daan", False, None),  # an empty body (view once) is a message
        (10, None, True, None),
    ]
    daan = parsed.entries[3]
    assert daan.text == "jij stinkt\n20-11 is de toets - echt: waar\n\nen nog een regel"
    assert parsed.entries[4].text.endswith("\nkijk dan")  # the caption on the next line
    assert parsed.entries[8].text == ""
    assert parsed.layout == "android" and parsed.separator == "-"
    order = dates.infer(parsed)
    assert order == dates.Order("dmy", "values")
    moment, note = dates.local_time(daan, order.order)
    assert moment is not None and note is None
    assert dates.iso_local(moment) == "2026-11-20T14:32:00+01:00"
    assert dates.iso_utc(moment) == "2026-11-20T13:32:00Z"
    assert daan.shown == "20-11-2026 14:32" and daan.line == 4
    assert dates.stamps(daan, "dmy") == ("2026-11-20T14:32:00+01:00", "2026-11-20T13:32:00Z",
                                         None)
    summer = parse("01-07-2026 00:30 - Daan: zomer\n").entries[0]
    assert dates.stamps(summer, "dmy") == ("2026-07-01T00:30:00+02:00",
                                           "2026-06-30T22:30:00Z", None)
    assert dates.stamps(summer, None) == (None, None, "date-order")


DUTCH_IOS = (
    f"{BOM}[13-01-2024, 18:47:25] Groep 7B Chill: {LRM}Berichten en gesprekken worden "
    "end-to-end versleuteld. Niemand buiten deze chat kan ze lezen of beluisteren, zelfs "
    "WhatsApp niet.\r\n"
    f"[13-01-2024, 18:47:30] Groep 7B Chill: {LRM}Juf Anja heeft Daan toegevoegd\r\n"
    f"{LRM}[13-01-2024, 18:48:00] Daan: {LRM}<bijgevoegd: 00000001-PHOTO-2024-01-13-18-48-00"
    ".jpg>\r\n"
    f"{LRM}[13-01-2024, 18:48:10] Daan: Werkstuk.pdf • 3 pagina's {LRM}<bijgevoegd: "
    "00000002-Werkstuk.pdf>\r\n"
    f"[13-01-2024, 18:49:01] Sanne: {LRM}afbeelding weggelaten\r\n"
    "[13-01-2024, 18:49:30] Sanne: ik heb Daan toegevoegd aan mijn lijst\r\n"
    f"[{BOM}13-01-2024, 18:50:00] Daan: {LRM}Je beveiligingscode met Sanne is gewijzigd.\r\n"
)


def test_dutch_ios_notices_under_the_groups_name_crlf_marks_and_boms() -> None:
    text, replaced = decode(DUTCH_IOS.encode("utf-8"))
    assert not replaced and looks_like_chat(text)
    parsed = parse(text)
    got = [(e.sender, e.system, e.media) for e in parsed.entries]
    assert got == [
        ("Groep 7B Chill", True, None), ("Groep 7B Chill", True, None),
        ("Daan", False, "00000001-PHOTO-2024-01-13-18-48-00.jpg"),
        ("Daan", False, "00000002-Werkstuk.pdf"),
        ("Sanne", False, "afbeelding weggelaten"),
        ("Sanne", False, None),  # no mark before it: a child's words, not a notice
        ("Daan", True, None),
    ]
    assert parsed.layout == "ios"
    assert all("\r" not in e.text for e in parsed.entries)
    assert parsed.entries[0].shown == "13-01-2024, 18:47:25"
    assert dates.infer(parsed) == dates.Order("dmy", "values")


def test_twelve_hour_clocks_narrow_spaces_and_spanish_am_pm() -> None:
    text = (
        f"1/29/18, 11:33{NNBSP}PM - Alice: late\n"
        "1/30/18, 12:05 AM - Bob: after midnight\n"
        "01/30/2019, 08:49 p.\u00a0m. - Jahn: tarde\n"
        "01/30/2019, 00:08 a. m. - Jahn: medianoche\n"
        "1/30/18, 23:59 PM - Bob: hand-edited\n"
        "1/30/18, 13:00 AM - Bob: impossible\n"
        "1/31/18, 12:00 PM - Bob: noon\n"
    )
    parsed = parse(text)
    assert [e.sender for e in parsed.entries] == ["Alice", "Bob", "Jahn", "Jahn", "Bob",
                                                   "Bob", "Bob"]
    order = dates.infer(parsed)
    assert order == dates.Order("mdy", "values")
    clock = []
    for e in parsed.entries:
        moment, note = dates.local_time(e, order.order)
        clock.append(moment.strftime("%H:%M") if moment else note)
    assert clock == ["23:33", "00:05", "20:49", "00:08", "23:59", "bad-clock", "12:00"]


def test_day_and_month_are_never_guessed() -> None:
    slashes = "01/02/2026, 10:00 - Daan: a\n03/04/2026, 11:00 - Sem: b\n"
    parsed = parse(slashes)
    assert dates.infer(parsed) == dates.Order(None, "ambiguous")
    assert dates.local_time(parsed.entries[0], None) == (None, "date-order")
    assert dates.fits(parsed, "dmy") and dates.fits(parsed, "mdy")
    first = dates.local_time(parsed.entries[0], "dmy")[0]
    assert first is not None and first.date().isoformat() == "2026-02-01"
    # dots and dashes are day-first in every locale that writes them: the layout decides
    assert dates.infer(parse("01.02.18, 10:00 - Daan: a\n")) == dates.Order("dmy", "layout")
    assert dates.infer(parse("01-02-2026 10:00 - Daan: a\n")) == dates.Order("dmy", "layout")
    # the year first decides; one day above 12 decides; both ways at once is a conflict
    assert dates.infer(parse("2026/01/02, 10:00 - Daan: a\n")).order == "ymd"
    assert dates.infer(parse("01/02/26, 10:00 - D: a\n25/02/26, 10:00 - D: b\n")).order == "dmy"
    conflict = parse("13/02/26, 10:00 - D: a\n02/13/26, 10:00 - D: b\n")
    assert dates.infer(conflict) == dates.Order(None, "conflict")
    assert not dates.fits(conflict, "dmy") and not dates.fits(conflict, "mdy")


def test_arabic_marks_inside_the_date_and_daylight_saving_notes() -> None:
    arabic = f"[{RLM}18{RLM}/3{RLM}/2022\u060c 14:56:01] Elon: hi\n"
    parsed = parse(arabic)
    assert parsed.entries[0].sender == "Elon" and parsed.entries[0].date == ("18", "3", "2022")
    repeated = parse("25-10-2026 02:30 - Daan: twice\n29-03-2026 02:30 - Daan: never\n")
    notes = [dates.local_time(e, "dmy")[1] for e in repeated.entries]
    assert notes == ["dst-repeat", "dst-gap"]


def test_other_text_is_not_a_chat_export() -> None:
    assert not looks_like_chat("12:01 you are nothing\n" * 40)
    assert not looks_like_chat("Dear parents,\n20-11-2026 14:32 - Daan: hi\n")
    assert not looks_like_chat("")
    text, replaced = decode(b"20-11-2026 14:32 - Daan: \xff\xfe hoi\n")
    assert replaced and looks_like_chat(text) and "\ufffd" in parse(text).entries[0].text
