"""Masked prints are derived items (issue 18): their own SHA-256, linked to the originals,
never changed, and gone with their case in a purge (real vault, real Pillow)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from cybercase.cases.cases import close_case, create_case
from cybercase.cases.people import add_person
from cybercase.evidence import ingest
from cybercase.evidence.items import get_item
from cybercase.evidence.store import read_chunks
from cybercase.export.confront import make_print
from cybercase.privacy import retention
from cybercase.privacy.confront import no_words, plan_print
from cybercase.vault import Vault
from cybercase.views.verify import verify_vault


def test_a_print_is_stored_fixed_and_purged_with_its_case(vault: Vault, tmp_path: Path) -> None:
    case = create_case(vault, "Prints")
    daan = add_person(vault, case.ref, "Daan Smit", "pupil", role="bully").id
    shot = tmp_path / "shot.png"
    Image.new("RGB", (300, 600), (250, 250, 250)).save(shot)
    (item,) = ingest(vault, case.ref, [str(shot)], workers=0)
    assert item.id is not None
    plan = plan_print(vault, case.ref, daan, [item.id], rects=[(item.id, (10, 10, 50, 20))],
                      words=no_words)
    out = tmp_path / "print.pdf"
    done = make_print(vault, plan, out)
    data = out.read_bytes()
    assert done.sha256 == hashlib.sha256(data).hexdigest() != get_item(vault, item.id).sha256
    blob = vault.conn.execute("SELECT blob_id FROM masked_prints WHERE id = ?",
                              (done.print_id,)).fetchone()[0]
    assert b"".join(read_chunks(vault.conn, blob)) == data  # the same bytes in the vault
    with pytest.raises(Exception, match="cannot be changed"), vault.transaction() as tx:
        tx.execute("UPDATE masked_prints SET kept = '[]' WHERE id = ?", (done.print_id,))
    # an existing file is refused without --force, and nothing is stored twice
    with pytest.raises(Exception, match="exists"):
        make_print(vault, plan, out)
    assert vault.conn.execute("SELECT count(*) FROM masked_prints").fetchone()[0] == 1
    assert verify_vault(vault).ok

    close_case(vault, case.ref, "solved")
    retention.set_retention(vault, 0)
    counts = retention.purge(vault, yes=True).receipts[0].counts
    assert counts["masked_prints"] == 1 and counts["masked_print_sources"] == 1
    assert vault.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
    assert verify_vault(vault).ok


def test_a_tall_scrolling_screenshot_is_split_over_pages(vault: Vault, tmp_path: Path) -> None:
    from pypdf import PdfReader

    case = create_case(vault, "Tall")
    daan = add_person(vault, case.ref, "Daan Smit", "pupil", role="bully").id
    shot = tmp_path / "scroll.png"
    Image.new("RGB", (1080, 7000), (250, 250, 250)).save(shot)
    (item,) = ingest(vault, case.ref, [str(shot)], workers=0)
    assert item.id is not None
    plan = plan_print(vault, case.ref, daan, [item.id], words=no_words)
    done = make_print(vault, plan, tmp_path / "tall.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "tall.pdf").pages)
    assert done.pages >= 3 and "Deel 1 van" in text and f"van {done.pages}" in text
