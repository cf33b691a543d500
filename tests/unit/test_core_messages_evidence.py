"""Messages of cybercase.evidence in Dutch: per-file ingest results, flags (also those the
image decoder process writes in English), and errors, on a real vault."""

from __future__ import annotations

import io
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from cybercase.cases.cases import create_case
from cybercase.core.errors import CybercaseError, NotFound, UsageError
from cybercase.core.i18n import CATALOGUES, Msg, localize, msg, set_language
from cybercase.evidence import imaging
from cybercase.evidence.flags import FLAG_KEYS, dumps, from_record, loads
from cybercase.evidence.ingest import ingest
from cybercase.evidence.items import get_item, list_items, withdraw
from cybercase.evidence.stated import Stated
from cybercase.vault import Vault


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield None
    set_language("en")


def dutch(value: object) -> str:
    set_language("nl")
    try:
        return localize(value)
    finally:
        set_language("en")


def both(error: CybercaseError) -> tuple[str, str]:
    return str(error), dutch(error.message)


def png(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buf, "PNG")
    return buf.getvalue()


def test_the_decoders_keys_are_in_the_catalogue() -> None:
    # imaging.py runs without cybercase in its own processes; it hands over keys + values
    for key in (imaging.FLAG_TOO_LARGE, imaging.FLAG_BOMB, imaging.FLAG_DAMAGED,
                imaging.FLAG_UNREADABLE, imaging.FLAG_CRASHED):
        assert key in CATALOGUES["en"] and key in CATALOGUES["nl"], key
        assert key in FLAG_KEYS


def test_flags_from_the_decoder_come_back_as_dutch() -> None:
    made = from_record(imaging.flag(imaging.FLAG_TOO_LARGE, mp=225.0, limit=120))
    assert isinstance(made, Msg)
    assert made == ("image claims 225 megapixels, more than the 120 megapixel safety limit: "
                    "stored but not decoded")
    assert dutch(made) == ("afbeelding zegt 225 megapixel te hebben, meer dan de "
                           "veiligheidsgrens van 120 megapixel: bewaard, maar niet gedecodeerd")
    # a flag stored by an older version with the decoder's error text: the text is no
    # longer shown (a Python error never reaches the app or the police report)
    damaged = from_record(imaging.flag(imaging.FLAG_DAMAGED, error="OSError: truncated (x)"))
    assert dutch(damaged) == "beschadigde of afgebroken afbeelding: bewaard zoals ontvangen"
    assert "OSError" not in damaged
    assert from_record("something else entirely") == "something else entirely"
    assert not isinstance(from_record("something else entirely"), Msg)


def test_every_flag_round_trips_through_the_vaults_json() -> None:
    for key in FLAG_KEYS:
        template = CATALOGUES["en"][key]
        names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
        values: dict[str, object] = {
            n: 7 if n in ("mp", "limit", "mb", "stated", "read", "n") else "v (x)"
            for n in names}
        made = msg(key, **values)
        [back] = loads(dumps([made]))
        assert isinstance(back, Msg) and back == made and back.key == key, key
        assert "{" not in back, key


def test_ingest_results_and_stored_flags_in_dutch(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "WhatsApp 7b").ref
    other = create_case(vault, "Instagram 8a").ref
    (tmp_path / "a.png").write_bytes(png((200, 10, 10)))
    (tmp_path / "wrong.jpg").write_bytes(png((10, 200, 10)))
    (tmp_path / "empty.txt").write_bytes(b"")
    results = {Path(r.path).name: r for r in ingest(vault, ref, [str(tmp_path)], workers=0)}
    assert results["empty.txt"].reason == "empty file (0 bytes): nothing to store"
    assert dutch(results["empty.txt"].reason) == "leeg bestand (0 bytes): niets te bewaren"
    [mismatch] = results["wrong.jpg"].flags
    assert mismatch == "the content is image/png but the name ends in '.jpg' (usually image/jpeg)"
    assert dutch(mismatch) == ("de inhoud is image/png, maar de naam eindigt op '.jpg' "
                               "(meestal image/jpeg)")
    # read back from the vault (stored as key + values): still shown in Dutch
    item = get_item(vault, results["wrong.jpg"].id or 0)
    assert dutch(item.flags[0]).startswith("de inhoud is image/png")
    again = {Path(r.path).name: r for r in ingest(vault, ref, [str(tmp_path / "a.png")])}
    assert dutch(again["a.png"].reason) == f"staat al in deze zaak als bewijsstuk {item.id - 1}"
    shared = ingest(vault, other, [str(tmp_path / "a.png")])[0]
    assert shared.reason == f"the same content is also evidence in case {ref}"
    assert dutch(shared.reason) == f"dezelfde inhoud is ook bewijs in zaak {ref}"


def test_evidence_errors_in_dutch(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "WhatsApp 7b").ref
    with pytest.raises(UsageError) as caught:
        ingest(vault, ref, [str(tmp_path / "nope.png"), str(tmp_path / "gone.png")])
    english, nl = both(caught.value)
    assert re.fullmatch(r"no such file or folder: .*nope\.png \(and 1 more\); check the path "
                        r"\(nothing was stored\)", english)
    assert re.fullmatch(r"bestand of map bestaat niet: .*nope\.png \(en nog 1\); controleer "
                        r"het pad \(er is niets bewaard\)", nl)
    with pytest.raises(UsageError) as caught:
        ingest(vault, ref, [str(tmp_path)], Stated(tags=["gossip"]))
    assert both(caught.value)[1].startswith("onbekend strafbaar feit 'gossip': kies uit ")
    with pytest.raises(UsageError) as caught:
        ingest(vault, ref, [str(tmp_path)], Stated(platform="x" * 101))
    assert both(caught.value) == ("the platform is too long (101 characters, at most 100)",
                                  "het platform is te lang (101 tekens, hoogstens 100)")
    with pytest.raises(NotFound) as caught:
        get_item(vault, 404)
    assert both(caught.value) == (
        "there is no evidence item 404: see `cybercase evidence list REF`",
        "bewijsstuk 404 bestaat niet: kies een stuk uit de bewijslijst")
    (tmp_path / "a.png").write_bytes(png((1, 2, 3)))
    [stored] = ingest(vault, ref, [str(tmp_path / "a.png")])
    withdraw(vault, stored.id or 0, "wrong pupil")
    with pytest.raises(UsageError) as caught:
        withdraw(vault, stored.id or 0, "again")
    english, nl = both(caught.value)
    assert english.startswith(f"evidence {stored.id} was already withdrawn on ")
    assert nl.startswith(f"bewijsstuk {stored.id} is al ingetrokken op ")
    assert nl.endswith(" door anna")
    assert len(list_items(vault, ref)) == 1
