"""report.pdf and the export core on a real vault: pages, images, text, hashes, timings."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from cybercase.cases.cases import create_case
from cybercase.core.errors import VaultCorrupt
from cybercase.documents.pdf import pdf_text, wrap
from cybercase.evidence import ingest
from cybercase.evidence.stated import Stated
from cybercase.export.bundle import export_case
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.helpers import raw_connection

BAG = "2026-001 bewijs"
LONG_URL = "https://example.org/" + "x" * 300
DESCRIPTION = "‘Ga je eraan’ — zei hij; € 50 gevraagd. Daniëlle, Zoë, Ĳsbrand 😀\tend"


def _screenshot(path: Path, seed: int, size: tuple[int, int]) -> Path:
    rnd = random.Random(seed)
    img = Image.new("RGBA", size, (236, 229, 221, 255))
    for _ in range(30):
        x, y = rnd.randrange(size[0] - 40), rnd.randrange(size[1] - 20)
        img.paste((rnd.randrange(256), 80, 80, 255), (x, y, x + 40, y + 20))
    img.paste((0, 0, 0, 0), (0, 0, 20, 20))  # a transparent corner
    img.save(path, "PNG")
    return path


@pytest.fixture
def exported(vault: Vault, tmp_path: Path) -> tuple[Path, list[str]]:
    src = tmp_path / "in"
    src.mkdir()
    _screenshot(src / "chat één.png", 1, (1170, 2532))
    _screenshot(src / "wide.png", 2, (2400, 600))
    (src / "note.txt").write_text("dreiging\n")
    whole = (src / "wide.png").read_bytes()
    (src / "broken.png").write_bytes(whole[: len(whole) // 2])  # a PNG cut in half
    ref = create_case(vault, "Groepsapp", summary="Sinds september: één leerling.").ref
    results = ingest(vault, ref, [str(p) for p in sorted(src.iterdir())],
                     stated=Stated(platform="WhatsApp", url=LONG_URL, description=DESCRIPTION,
                                   accounts=["@pester7b"]))
    out = tmp_path / "bundle.zip"
    result = export_case(vault, ref, out)
    assert result.timings["bag"] > 0 and result.timings["report"] > 0
    return out, [r.sha256 for r in results if r.sha256]


def test_report_pages_images_and_text(exported: tuple[Path, list[str]]) -> None:
    out, shas = exported
    with zipfile.ZipFile(out) as zf:
        reader = pypdf.PdfReader(io.BytesIO(zf.read(f"{BAG}/data/report.pdf")))
    pages = [page.extract_text() for page in reader.pages]
    for page in reader.pages:  # A4 portrait
        assert round(float(page.mediabox.width)) == 595
        assert round(float(page.mediabox.height)) == 842
    assert "Hoe controleert u deze bundel?" in pages[1]  # page 2, as the cover promises
    assert "pagina 2" in pages[1] and f"van {len(pages)}" in pages[1]
    # one page per item, each with its own SHA-256 (not cut off) and, for images, the image
    item_pages = [n for n, text in enumerate(pages) if text.startswith("Bewijsstuk ")]
    assert len(item_pages) == 4
    for sha in shas:
        holders = [n for n in item_pages if sha in pages[n]]
        assert len(holders) == 1, sha
    by_name = {pages[n].splitlines()[0]: reader.pages[n] for n in item_pages}
    images = {title.split(": ", 1)[1]: len(page.images) for title, page in by_name.items()}
    assert images == {"broken.png": 0, "chat één.png": 1, "note.txt": 0, "wide.png": 1}
    broken = next(pages[n] for n in item_pages if "broken.png" in pages[n].splitlines()[0])
    assert "kon niet worden getoond" in broken
    text = "\n".join(pages)
    # Dutch text with diacritics, euro sign and quotes as typed, an emoji too
    assert "Daniëlle, Zoë, Ĳsbrand 😀" in text  # as typed: no character replaced
    assert "Daniëlle, Zoë," in text and "€ 50" in text and "‘Ga je eraan’" in text
    assert "Bijlage: bewaarketen" in text and "export gestart: deze bundel" in text
    # the long URL is wrapped, not cut: all of it is there across its lines
    assert "x" * 300 in text.replace("\n", "")


def test_previews_fit_the_print_box(exported: tuple[Path, list[str]]) -> None:
    out, _ = exported
    with zipfile.ZipFile(out) as zf:
        pdf = zf.read(f"{BAG}/data/report.pdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    shown = [img for page in reader.pages for img in page.images]
    sizes = sorted(Image.open(io.BytesIO(img.data)).size for img in shown)
    assert sizes == [(464, 1004), (1063, 266)]  # fitted to the print box, shape kept
    assert {Image.open(io.BytesIO(img.data)).format for img in shown} == {"JPEG"}


def test_printed_text_keeps_every_character() -> None:
    assert pdf_text("één € ‘x’ — ok") == "één € ‘x’ — ok"
    assert pdf_text("Ĳ 😀 a\x00b\nc\td") == "Ĳ 😀 ab c d"  # control characters dropped
    assert pdf_text("(x) [/bold] %s {0}") == "(x) [/bold] %s {0}"  # data, never markup
    lines = wrap("a " + "y" * 400, 100, ("H", ""), 9)
    assert "".join(lines).replace(" ", "") == "a" + "y" * 400 and len(lines) > 3


def test_changed_stored_content_writes_no_bundle(vault: Vault, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("original\n")
    ref = create_case(vault, "x").ref
    ingest(vault, ref, [str(tmp_path / "a.txt")])
    conn = raw_connection(vault.path, USER, PASSPHRASE)  # someone with the key and sqlite
    conn.execute("DROP TRIGGER blob_chunks_no_update")
    conn.execute("UPDATE blob_chunks SET data = ?", (b"altered!!\n",))
    conn.close()
    with pytest.raises(VaultCorrupt, match="no longer matches"):
        export_case(vault, ref, tmp_path / "bundle.zip")
    assert not list(tmp_path.glob("*.zip")) and not list(tmp_path.glob(".cybercase-export-*"))


def test_helpers_for_other_dutch_forms() -> None:
    """The agreement form and the other flowing documents: Pdf, heading, para and printable,
    automatic page breaks, a footer 'pagina x van y' on every page, every character kept."""
    from fpdf.enums import XPos, YPos

    from cybercase.documents.pdf import SANS, Pdf, heading, para, printable

    pdf = Pdf(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.footer_text = "Afspraken - Referentie 2026-001/A1"
    pdf.add_page()
    heading(pdf, "Afspraken – één € 5", 16)
    para(pdf, "regel één\nregel twee 😀")
    pdf.set_font(SANS, size=10)
    for n in range(80):
        pdf.multi_cell(0, 5, printable(f"{n}. punt met ‘quotes’"), new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    reader = pypdf.PdfReader(io.BytesIO(bytes(pdf.output())))
    assert len(reader.pages) == 2
    first = reader.pages[0].extract_text()
    assert "Afspraken – één € 5" in first and "regel één\nregel twee 😀" in first
    for number, page in enumerate(reader.pages, 1):
        assert f"Referentie 2026-001/A1 - pagina {number} van 2" in page.extract_text()
