"""The one masking engine (issue 18): names glued into file names and handles, Dutch
possessives and diminutives, '@' forms, e-mail and phone numbers, URL content ids,
diacritics, and why each mask was made."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from cybercase.privacy.masking import Masker, Subject

SANNE = Subject("leerling A", ("Sanne Koster",), person_id=2)
ANOUK = Subject("leerling B", ("Anouk Bakker",), person_id=3)
ZOE = Subject("leerling C", ("Zoë de Wit",), ("@zoe_dw", "zoe.w@example.org"), ("06-12345678",),
              person_id=4)
ACCOUNT = Subject("account 1", (), ("@tommie_b",), kind="account")


@pytest.fixture
def mask() -> Masker:
    return Masker(["Daan Smit", "Ria Smit"], [SANNE, ANOUK, ZOE, ACCOUNT], "leerling ?")


@pytest.mark.parametrize(("text", "masked"), [
    ("Screenshot_Anouk_huiswerk.png", "Screenshot_leerling B_huiswerk.png"),
    ("IMG-Anouk-2026.jpg", "IMG-leerling B.jpg"),  # a handle-like tail goes with it
    ("sanne.k en sanne2015 en @Sanne", "leerling A en leerling A en @leerling A"),
    ("SanneKoster en sanne_koster", "leerling A en leerling A"),
    ("Sannes telefoon, Sanne's fiets", "leerling A telefoon, leerling A fiets"),
    ("Sannetje en Anoukje en Anouks moeder", "leerling A en leerling B en leerling B moeder"),
    ("Zoe, ZOË en zoë", "leerling C, leerling C en leerling C"),
    ("mail zoe.w@example.org of @zoe_dw", "mail leerling C of leerling C"),
    ("bel 06 1234 5678 of +31 6 12345678", "bel leerling C of leerling C"),
    ("@tommie_b deelde het", "account 1 deelde het"),
])
def test_forms_of_a_name_are_masked(mask: Masker, text: str, masked: str) -> None:
    assert mask(text) == masked


@pytest.mark.parametrize("text", [
    "Daan en Daans moeder en Daantje", "Ria Smit belde", "Tomaat en Sannemarie en Anoukadesk",
    "de fiets van Lisa",
])
def test_kept_names_and_other_words_stay(mask: Masker, text: str) -> None:
    assert mask(text) == text


def test_a_shared_surname_is_masked_only_in_the_full_name() -> None:
    mask = Masker(["Daan Smit"], [Subject("leerling A", ("Sem Smit",))], "leerling ?")
    assert mask("Sem Smit en Daan Smit en Smit") == "leerling A en Daan Smit en Smit"


def test_a_part_two_children_share_gets_the_ambiguous_label() -> None:
    mask = Masker([], [Subject("leerling A", ("Sem Visser",)),
                       Subject("leerling B", ("Sem de Boer",))], "[andere leerling]")
    assert mask("Sem zei het") == "[andere leerling] zei het"
    assert mask("Sem Visser en Sem de Boer") == "leerling A en leerling B"


@pytest.mark.parametrize(("url", "masked"), [
    ("https://www.tiktok.com/@x/video/7312345678901234567?lang=nl",
     "https://www.tiktok.com/@x/video/[id]?lang=nl"),
    ("https://vm.tiktok.com/ZMabc123/", "https://vm.tiktok.com/[id]/"),
    ("https://www.instagram.com/reel/Cx1AbC2dEf/", "https://www.instagram.com/reel/[id]/"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1", "https://www.youtube.com/watch?v=[id]&t=1"),
    ("https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/[id]"),
    ("https://youtube.com/shorts/abcDEF12345", "https://youtube.com/shorts/[id]"),
])
def test_url_content_ids_are_masked(mask: Masker, url: str, masked: str) -> None:
    assert mask(url) == masked


def test_a_withdrawal_reason_naming_a_child(mask: Masker) -> None:
    text, hits = mask.apply("ingetrokken: gaat over Anouk en Sannes zus, niet over Daan")
    assert text == "ingetrokken: gaat over leerling B en leerling A zus, niet over Daan"
    assert [(h.found, h.why, h.person_id) for h in hits] == [
        ("Anouk", "name_part", 3), ("Sannes", "name_part", 2)]


def test_every_mask_says_why(mask: Masker) -> None:
    hits = mask.find("Sanne Koster, @zoe_dw, 0612345678, https://youtu.be/dQw4w9WgXcQ")
    assert [(h.why, h.label) for h in hits] == [
        ("name", "leerling A"), ("handle", "leerling C"), ("phone", "leerling C"),
        ("url_id", "[id]")]


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    block: int = 1
    par: int = 1
    line: int = 1


def test_ocr_words_of_a_masked_name_get_boxes(mask: Masker) -> None:
    words = [Word("Daan:", 10, 10, 50, 20), Word("Sanne", 70, 10, 60, 20),
             Word("Koster", 140, 10, 70, 20), Word("lacht", 220, 10, 50, 20),
             Word("@zoe_dw", 10, 50, 90, 20, line=2)]
    boxes = mask.boxes(words)
    assert [(b.found, b.why, b.label) for b in boxes] == [
        ("Sanne", "name", "leerling A"), ("Koster", "name", "leerling A"),
        ("@zoe_dw", "handle", "leerling C")]
    assert (boxes[0].left, boxes[0].top, boxes[0].width, boxes[0].height) == (68, 8, 64, 24)


def test_an_ocr_misread_name_is_still_boxed(mask: Masker) -> None:
    """Tesseract now and then misreads one letter: 'Anoek' for 'Anouk', 'Koter'."""
    words = [Word("Anoek:", 10, 10, 60, 20), Word("Koter", 80, 10, 60, 20),
             Word("Daan", 150, 10, 40, 20), Word("Dahn", 200, 10, 40, 20),
             Word("Tomaat", 250, 10, 60, 20)]
    boxes = mask.boxes(words)
    assert [(b.found, b.why, b.label) for b in boxes] == [
        ("Anoek:", "name_near", "leerling B"), ("Koter", "name_near", "leerling A")]
    # a kept name one letter from a masked one stays readable
    close = Masker(["Sanne Smit"], [Subject("leerling A", ("Sanna Bos",))], "?")
    assert close.boxes([Word("Sanne", 0, 0, 50, 20)]) == []
