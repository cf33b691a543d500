"""A confrontation print of a real drawn chat screenshot with its real OCR reading: every
other child's name gets a solid box from the OCR word boxes; the printed PDF, rendered by
poppler and read again by Tesseract, shows none of them and does show the kept name."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.evidence import ingest, ocr
from cybercase.evidence.items import get_item, read_content
from cybercase.evidence.ocr import engine
from cybercase.export.confront import make_print
from cybercase.privacy.confront import ImagePage, plan_print
from cybercase.vault import Vault

pytestmark = pytest.mark.skipif(not engine.find_engine().available,
                                reason="tesseract is not installed")


def read_pdf(pdf: Path, tmp: Path) -> str:
    subprocess.run(["pdftoppm", "-r", "120", "-gray", "-png", str(pdf), str(tmp / "p")],
                   check=True)
    return "\n".join(
        subprocess.run(["tesseract", str(png), "-", "-l", "nld+eng"], check=True,
                       capture_output=True, text=True).stdout
        for png in sorted(tmp.glob("p*.png")))


def test_ocr_words_of_other_children_are_boxed(vault: Vault, tmp_path: Path) -> None:
    from cybercase.demo.chatshots import chat_png

    case = create_case(vault, "Groep 7b")
    daan = add_person(vault, case.ref, "Daan de Boer", "pupil", role="bully").id
    sanne = add_person(vault, case.ref, "Sanne Visser", "pupil", role="bullied").id
    add_person(vault, case.ref, "Lotte Mulder", "pupil", role="bystander")
    add_person(vault, case.ref, "Milan Bos", "pupil", role="bystander")
    shot = tmp_path / "IMG_Lotte_groep.png"
    shot.write_bytes(chat_png())
    (result,) = ingest(vault, case.ref, [str(shot)], workers=0)
    assert result.id is not None
    assert ocr.run_pending(vault).done == 1
    original = get_item(vault, result.id).sha256

    plan = plan_print(vault, case.ref, daan, [result.id], meeting_on=date(2026, 12, 3))
    [page] = plan.pages
    assert isinstance(page, ImagePage) and not page.no_reading
    boxed = {(m.found, m.label) for m in page.masks()}
    assert {"Lotte", "Milan", "Sanne"} <= {f for f, _label in boxed}
    assert all(f != "Daan" for f, _ in boxed)
    # the same child has the same label everywhere; the file name is masked too
    labels = {f: label for f, label in boxed}
    assert len({labels["Lotte"], labels["Milan"], labels["Sanne"]}) == 3
    assert "Lotte" not in page.caption and labels["Lotte"] in page.caption

    # the coordinator lifts one mask and adds it back by hand (review)
    lifted = next(n for n, m in enumerate(page.auto) if m.found == "Milan")
    page.lifted.add(lifted)
    m = page.auto[lifted]
    page.manual.append(type(m)(m.left, m.top, m.width, m.height, "manual"))

    out = tmp_path / "gesprek.pdf"
    done = make_print(vault, plan, out)
    seen = read_pdf(out, tmp_path)
    assert "Daan" in seen, seen
    for name in ("Lotte", "Milan", "Sanne"):
        assert not re.search(name, seen, re.I), (name, seen)
    # stored derived, linked to the original (unchanged) and to the masks
    row = vault.conn.execute("SELECT sha256, kept, masks, for_person_id FROM masked_prints"
                             " WHERE id = ?", (done.print_id,)).fetchone()
    assert row[0] == done.sha256 and json.loads(row[1]) == [daan] and row[3] == daan
    masks = json.loads(row[2])
    assert {"manual", "name_part"} <= {m["why"] for m in masks}
    assert vault.conn.execute("SELECT item_id, sha256 FROM masked_print_sources WHERE"
                              " print_id = ?", (done.print_id,)).fetchall() == [
        (result.id, original)]
    assert read_content(vault, result.id)[0].sha256 == original
    assert sanne not in json.loads(row[1])


def test_an_access_export_attaches_the_screenshot_masked(vault: Vault, tmp_path: Path) -> None:
    """The access export's attachment of an image with an OCR reading is a masked PNG:
    read back by Tesseract, no other child's name is on it."""
    import io
    import zipfile

    from PIL import Image

    from cybercase.demo.chatshots import chat_png
    from cybercase.export.access_export import subject_export

    case = create_case(vault, "Groep 7b")
    daan = add_person(vault, case.ref, "Daan de Boer", "pupil", role="bully",
                      born="2015-01-01").id
    for name in ("Sanne Visser", "Lotte Mulder", "Milan Bos"):
        add_person(vault, case.ref, name, "pupil")
    shot = tmp_path / "Screenshot_Lotte.png"
    shot.write_bytes(chat_png())
    (result,) = ingest(vault, case.ref, [str(shot)], workers=0)
    assert result.id is not None and ocr.run_pending(vault).done == 1
    out = tmp_path / "inzage.zip"
    done = subject_export(vault, daan, out, [result.id])
    assert done.attachments == [{"id": result.id, "file": f"bewijs/{result.id}-gemaskeerd.png",
                                 "masked": True, "kind": "image",
                                 "masks": done.attachments[0]["masks"]}]
    assert done.attachments[0]["masks"] >= 3
    with zipfile.ZipFile(out) as zf:
        png = zf.read(f"bewijs/{result.id}-gemaskeerd.png")
        assert f"bewijs/{result.id}.png" not in zf.namelist()
    Image.open(io.BytesIO(png)).save(tmp_path / "masked.png")
    seen = subprocess.run(["tesseract", str(tmp_path / "masked.png"), "-", "-l", "nld+eng"],
                          check=True, capture_output=True, text=True).stdout
    assert "Daan" in seen and "stinkt" in seen, seen
    for name in ("Lotte", "Milan", "Sanne"):
        assert name not in seen, (name, seen)
