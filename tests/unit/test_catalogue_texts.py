"""The move to gettext catalogues kept every text word for word (issue 15): a sample of
messages rendered in both languages, with the texts the old Python dicts gave, and the
plural entries that replaced "bestand(en)", "item(s)", "zaak/zaken"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cybercase.core.i18n import Msg, localize, msg, render, set_language, t, texts

# (key, values, English, Dutch) as cybercase/i18n.py and catalogue/*.py rendered them
BEFORE = [
    ("cases.closed", {"outcome": "resolved", "ref": "2026-007"},
     "case 2026-007 is closed (resolved): it cannot change",
     "zaak 2026-007 is gesloten (resolved): er kan niets meer veranderen"),
    ("cases.text_too_long", {"what": "title", "n": 1234, "limit": 200},
     "the title is too long (1234 characters, at most 200)",
     "title is te lang (1234 tekens, hoogstens 200)"),
    ("evidence.flag.mismatch", {"ext": ".jpg", "expected": "image/jpeg", "mime": "image/png"},
     "the content is image/png but the name ends in '.jpg' (usually image/jpeg)",
     "de inhoud is image/png, maar de naam eindigt op '.jpg' (meestal image/jpeg)"),
    ("evidence.flag.too_large", {"mp": 225.0, "limit": 200},
     "image claims 225 megapixels, more than the 200 megapixel safety limit: stored but not "
     "decoded",
     "afbeelding zegt 225 megapixel te hebben, meer dan de veiligheidsgrens van 200 "
     "megapixel: bewaard, maar niet gedecodeerd"),
    ("cases.tl_reported_by_via", {"how": "app", "who": "mother"},
     "reported by mother via app", "gemeld door mother, via: app"),
    ("unlock.title", {}, "Unlock the vault", "De kluis ontgrendelen"),
    ("app.demo_banner", {"passphrase": "x y z", "user": "anna"},
     "Demo vault · user anna · passphrase: x y z",
     "Demokluis · gebruiker anna · wachtwoordzin: x y z"),
    ("chat.flag.zip_member_big", {"mb": 12, "name": "a.jpg", "limit": 200},
     "chat export ZIP not unpacked: 'a.jpg' would be 12 MB, more than the limit of 200 MB; "
     "the ZIP is stored as it came",
     "ZIP van de chatexport niet uitgepakt: 'a.jpg' zou 12 MB worden, meer dan de grens van "
     "200 MB; de ZIP is bewaard zoals hij binnenkwam"),
    ("vault.perm.export", {}, "export case files", "zaakdossiers te exporteren"),
    ("admin.protocol.used", {"id": "cb-1", "sha256": "ab12", "version": "2"},
     "New cases now run under cb-1 2 (SHA-256 ab12).",
     "Nieuwe zaken lopen nu volgens cb-1 2 (SHA-256 ab12)."),
    ("cmd.open_case", {"ref": "2026-007"}, "Open case 2026-007", "Zaak 2026-007 openen"),
]


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield None
    set_language("en")


@pytest.mark.parametrize(("key", "values", "english", "dutch"), BEFORE)
def test_texts_are_word_for_word_what_they_were(key: str, values: dict[str, object],
                                                english: str, dutch: str) -> None:
    made = msg(key, **values)
    assert isinstance(made, Msg) and made == english
    assert made.localized("nl") == dutch
    if any(isinstance(v, float) for v in values.values()):
        return  # t() hands values over as text, as it always did: no number format there
    set_language("nl")
    assert t(key, **values) == dutch
    set_language("en")
    assert t(key, **values) == english


def test_plural_forms_follow_the_count() -> None:
    assert msg("privacy.retention.confirm", n=1, refs="A") == (
        "would purge 1 case: A; this cannot be undone: run again with --yes to delete it")
    assert msg("privacy.retention.confirm", n=2, refs="A, B") == (
        "would purge 2 cases: A, B; this cannot be undone: run again with --yes to delete them")
    assert msg("chat.flag.media_left", n=0, names="").startswith("0 files in the ZIP are")
    assert render("nl", "stats.summary", n=1, year=2026) == "1 zaak geopend in 2026"
    assert render("nl", "stats.summary", n=15, year=2026) == "15 zaken geopend in 2026"
    assert render("nl", "ingest.summary", n="1", parts="x") == "1 bestand: x"  # t() passes text
    # a counted noun inside a longer message follows its own count and the app's language
    line = msg("purge.done_line", ref="2026-001", rows=msg("count.records", n=1),
               evidence=msg("count.evidence_items", n=3), receipt=7)
    assert line == ("Case 2026-001: 1 record and 3 evidence items deleted; receipt 7.")
    set_language("nl")
    assert localize(line) == ("Zaak 2026-001: 1 gegeven en 3 bewijsstukken verwijderd; "
                              "verwijderbewijs 7.")


def test_document_texts_come_from_the_catalogue_in_their_language() -> None:
    assert texts("report", "nl")["title"] == "Bewijsbundel cyberpesten"
    assert texts("report.action", "nl")["evidence.ingest"] == "opgeslagen in de kluis"
    assert texts("referrals.letter", "en")["to"] == "To: {recipient}"
    assert render("nl", "referrals.letter.captured", n=2).endswith(
        "bewaart die als bewijs (2 stukken); op verzoek van de politie is die beschikbaar.")
    with pytest.raises(KeyError):
        texts("report", "nl")["no_such_text"]
