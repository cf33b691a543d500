"""Every PDF prints names in any script exactly (embedded fonts, text shaping) and dates
in Dutch; the agreement form speaks in one voice per group and marks drafts CONCEPT."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.core.dutchdates import dutch_date, dutch_datetime
from cybercase.core.timeutil import local_today
from cybercase.cyber import agreements
from cybercase.documents import agreement_form
from cybercase.documents.handover import HandoverInput, build_handover
from cybercase.documents.pdf import MONO, Pdf, Writer, heading, para
from cybercase.vault import Vault
from cybercase.vault.settings import Settings, set_settings

POLISH, TURKISH, HANDLE = "Łukasz Wiśniewski", "Ayşe Yılmaz", "@ayşe_yılmaz_2015"
ARABIC, VIETNAMESE, EMOJI = "ليلى حسن", "Nguyễn Thị Hồng", "😀"
NAMES = (POLISH, TURKISH, HANDLE, VIETNAMESE, EMOJI)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def assert_fonts_embedded(data: bytes) -> None:
    reader = PdfReader(io.BytesIO(data))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            assert font["/Subtype"] == "/Type0", font  # no core font (cp1252) left
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()
            seen += 1
    assert seen


def assert_names(text: str) -> None:
    for name in NAMES:
        assert name in text
    # Arabic is shaped and laid out right to left: extraction may order the words and
    # letters differently, so the test asks for its letters, not their order
    letters = set(ARABIC.replace(" ", ""))
    assert letters <= set(text)


def test_toolkit_flowing_and_writer_keep_every_character() -> None:
    line = ", ".join((*NAMES, ARABIC))
    flowing = Pdf(format="A4")
    flowing.add_page()
    heading(flowing, line)
    para(flowing, line)
    data = bytes(flowing.output())
    assert_names(text_of(data))
    assert_fonts_embedded(data)

    pdf = Pdf(format="A4")
    pdf.auto_footer = False
    pdf.set_auto_page_break(False)
    out = Writer(pdf)
    out.page()
    out.heading(line)
    out.row("Naam", line)
    out.row("Account", HANDLE, mono=True)
    out.lines(15, 180, HANDLE, MONO)
    out.flush()
    pdf.footers()
    data = bytes(pdf.output())
    text = text_of(data)
    assert_names(text)
    assert "pagina 1 van 1" in text
    assert_fonts_embedded(data)


def test_dutch_dates() -> None:
    assert dutch_datetime("2026-11-21T13:32:00Z") == "21 november 2026, 14:32"
    assert dutch_datetime("2026-07-03T23:30:00Z") == "4 juli 2026, 01:30"
    assert dutch_date("2026-12-03") == "3 december 2026"
    assert dutch_date(date(2026, 3, 1)) == "1 maart 2026"


def test_handover_sheet_names_and_dutch_date() -> None:
    settings = Settings(school=f"Basisschool {VIETNAMESE}", address="Kerkstraat 1, Utrecht",
                        contact_name=f"{POLISH} {EMOJI}", phone="030 123 4567",
                        email="zorg@school.nl")
    data = build_handover(HandoverInput(
        settings=settings, ref=f"2026-001 {TURKISH} {HANDLE} {ARABIC}", export_id=1,
        file_name="bundle.zip", sha256="ab" * 32, fingerprint="SHA256:xyz", items=3,
        encrypted=False, made="2026-11-21T13:32:00Z", made_by=POLISH))
    text = text_of(data)
    assert_names(text)
    assert "21 november 2026, 14:32" in text and "UTC" not in text
    assert "pagina 1 van 1" in text
    assert_fonts_embedded(data)


def _day(offset: int) -> str:
    return (local_today() + timedelta(days=offset)).isoformat()


def test_agreement_form_voice_concept_contact_dates(vault: Vault) -> None:
    set_settings(vault, school=f"OBS De Pirouette {HANDLE}", contact_name=VIETNAMESE,
                 phone="030 123 4567", email="zorg@pirouette.nl")
    case = create_case(vault, "Telefoon")
    pupil = add_person(vault, case.ref, POLISH, "pupil")
    agr = agreements.add_agreement(vault, case.ref, pupil.id,
                                   f"{TURKISH} {EMOJI} en {ARABIC}", _day(30))
    draft = agreement_form.render_pdf(vault, agreements.get_agreement(vault, agr.id))
    text = text_of(draft)
    # the form names the pupil by first name; the rest come from parents and settings
    assert "Łukasz" in text and TURKISH in text and HANDLE in text and EMOJI in text
    assert set(ARABIC.replace(" ", "")) <= set(text)
    assert "CONCEPT" in text
    assert re.search(r"pagina 1 van \d", text)
    flat = " ".join(text.split())  # a paragraph may wrap anywhere
    assert VIETNAMESE in flat and "030 123 4567" in flat and "zorg@pirouette.nl" in text
    assert dutch_date(_day(30)) in text and _day(30) not in text
    # one voice per group: the child's points under "ik", the parents' under "wij"
    assert "Dit spreek ik, Łukasz, af" in text and "Dit spreken wij als ouders af" in text
    assert "Ouders bekijken" not in text
    for point in agreements.get_agreement(vault, agr.id).points:
        assert agreement_form.voice(point["nl"]) in ("pupil", "parents")
    assert_fonts_embedded(draft)

    agreements.set_status(vault, agr.id, "agreed")
    signed = text_of(agreement_form.render_pdf(vault, agreements.get_agreement(vault, agr.id)))
    assert "CONCEPT" not in signed
    assert dutch_date(local_today()) in signed


@pytest.mark.parametrize(("text", "who"), [
    ("In groepsapps ben ik vriendelijk.", "pupil"),
    ("Wij bekijken elke week de telefoon.", "parents"),
    ("De school belt na een maand.", "together"),
])
def test_voice(text: str, who: str) -> None:
    assert agreement_form.voice(text) == who


@pytest.mark.parametrize(("field", "value", "ok"), [
    ("phone", "030 123 4567", True), ("phone", "+31 (0)6-12345678", True),
    ("phone", "bel mij", False), ("phone", "112", False), ("phone", "1" * 16, False),
    ("email", "zorg@school.nl", True), ("email", "zorg@school", False),
    ("email", "zorg @school.nl", False), ("email", "a@@b.nl", False),
])
def test_settings_check_phone_and_email(vault: Vault, field: str, value: str, ok: bool
                                        ) -> None:
    from cybercase.core.errors import UsageError

    if ok:
        assert getattr(set_settings(vault, **{field: value}), field) == value
    else:
        with pytest.raises(UsageError, match="is not a"):
            set_settings(vault, **{field: value})


def test_contact_rows_for_every_document(vault: Vault) -> None:
    from cybercase.documents.contact import contact_person, contact_rows, school_contact

    settings = school_contact(vault)
    assert settings.school == "OBS De Pirouette"  # the vault's name until settings say else
    assert contact_person(settings, "anna") == "anna"
    set_settings(vault, contact_name=VIETNAMESE, phone="030 123 4567")
    settings = school_contact(vault)
    assert contact_rows(settings) == [("School", "OBS De Pirouette"),
                                      ("Contactpersoon", VIETNAMESE),
                                      ("Telefoon", "030 123 4567")]
    assert contact_person(settings, "anna") == VIETNAMESE
