"""Search inside a conversation folds case and diacritics as the full-text search does
(core/folding.py): on a real vault's chat export (pages.find_message) and in what the
conversation view marks."""

from __future__ import annotations

from pathlib import Path

from cybercase.cases.cases import create_case
from cybercase.core.folding import contains, fold, spans
from cybercase.evidence.chat import pages
from cybercase.evidence.ingest import ingest
from cybercase.vault import Vault

CHAT = (
    "20-11-2026 14:30 - Daan: ik zag ZOË gisteren\n"
    "20-11-2026 14:32 - Émile: één keer nog\n"
    "21-11-2026 08:01 - Sem: jij bent een ÖMER-fan\n"
    "21-11-2026 08:02 - Sem: straße\n"
)


def test_fold() -> None:
    assert fold("ÖMER") == fold("ömer") == "omer"
    assert fold("Één") == "een" and fold("Zoë") == "zoe" and fold("É") == "e"
    assert fold("straße") == "strasse"
    assert contains("ik zag ZOË", "zoe") and contains("ik zag zoe", "ZOË")
    assert not contains("ik zag zoe", "") and not contains("abc", "x")


def test_spans_point_into_the_original() -> None:
    text = "Één keer, ÉÉN keer"
    assert [text[a:b] for a, b in spans(text, "een")] == ["Één", "ÉÉN"]
    text = "de straße hier"
    assert [text[a:b] for a, b in spans(text, "STRASSE")] == ["straße"]
    # decomposed input (e + combining acute) is marked whole
    text = "cafe\u0301 open"
    assert [text[a:b] for a, b in spans(text, "café")] == ["cafe\u0301"]


def test_find_message_folds_case_and_diacritics(vault: Vault, tmp_path: Path) -> None:
    case = create_case(vault, "WhatsApp 7b", "7b", 2)
    path = tmp_path / "WhatsApp-chat met 7B.txt"
    path.write_text(CHAT, encoding="utf-8")
    item = ingest(vault, case.ref, [str(path)], workers=0)[0].id
    assert item is not None
    assert pages.find_message(vault, item, "zoe", 0) == 1
    assert pages.find_message(vault, item, "EEN", 0) == 2  # één
    assert pages.find_message(vault, item, "emile", 0) == 2  # the sender, É folded
    assert pages.find_message(vault, item, "ömer", 0) == 3
    assert pages.find_message(vault, item, "Omer", 3) is None
    assert pages.find_message(vault, item, "OMER", 4, forward=False) == 3
    assert pages.find_message(vault, item, "strasse", 0) == 4
    assert pages.find_message(vault, item, "100%", 0) is None
