"""Issue 19's last parts on a real vault through the real CLI: the capturer's statement
(how it reached the school, whether the phone is still available) in report.pdf and
evidence.csv, the handover sheet made by the logged-in user, the referral letter as a PDF,
and the toolkit's per-process font cache (every PDF still embeds what it prints and
nothing it does not)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from cybercase.documents.handover import handover_path
from cybercase.documents.pdf import MONO, PLAIN, Pdf, Writer, para
from tests.conftest import USER, Cli

BAG = "bewijs"
POLISH = "Łukasz Wiśniewski"


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def font_names(data: bytes) -> set[str]:
    """The embedded fonts' names (subset prefix dropped); each must carry its file."""
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names


def _case_with_item(cli: Cli, tmp_path: Path) -> tuple[str, int]:
    cli.ok("settings", "set", "--school", "OBS De Pirouette", "--address",
           "Kerkstraat 1, 3511 AB Utrecht", "--contact-name", f"{POLISH}", "--phone",
           "030 123 4567", "--email", "zorg@pirouette.example.nl")
    ref = cli.json("case", "new", "--title", "Groepsapp")["ref"]
    shot = tmp_path / "shot.png"
    Image.new("RGB", (300, 500), (200, 220, 240)).save(shot)
    found = cli.json("ingest", ref, str(shot), "--captured-by", "parent: moeder",
                     "--received-via", "doorgestuurd via WhatsApp",
                     "--phone-available", "no", "--platform", "WhatsApp")
    return ref, int(found[0]["id"])


def test_statement_fields_in_report_and_csv_and_the_handover_maker(
        cli_vault: Cli, tmp_path: Path) -> None:
    cli = cli_vault
    ref, item = _case_with_item(cli, tmp_path)
    shown = cli.json("evidence", "show", str(item))
    assert shown["stated"]["received_via"] == "doorgestuurd via WhatsApp"
    assert shown["stated"]["phone_available"] == "no"
    out = tmp_path / "bundle.zip"
    cli.ok("export", ref, "--out", str(out))
    with zipfile.ZipFile(out) as zf:
        root = zf.namelist()[0].split("/", 1)[0]
        report = zf.read(f"{root}/data/report.pdf")
        table = zf.read(f"{root}/data/evidence.csv").decode("utf-8-sig")
    text = text_of(report)
    assert "Hoe het bij de school kwam" in text and "doorgestuurd via WhatsApp" in text
    assert "Telefoon nog beschikbaar" in text
    item_page = text[text.index("Bewijsstuk 1: shot.png"):].split("pagina", 1)[0]
    lines = [line.strip() for line in item_page.splitlines()]
    assert "nee" in lines and "no" not in lines  # in Dutch
    rows = list(csv.DictReader(io.StringIO(table), delimiter=";"))
    assert rows[0]["stated_received_via"] == "doorgestuurd via WhatsApp"
    assert rows[0]["stated_phone_available"] == "no"
    # the handover sheet: made by the logged-in user; the contact person is named apart
    sheet = text_of(handover_path(out).read_bytes())
    made_by = next(line for line in sheet.splitlines() if line.startswith("Gemaakt door"))
    assert made_by.split("Gemaakt door", 1)[1].strip() == USER
    assert f"Contactpersoon {POLISH}" in sheet or f"Contactpersoon{POLISH}" in sheet


def test_phone_available_takes_only_yes_no_unknown(cli_vault: Cli, tmp_path: Path) -> None:
    ref = cli_vault.json("case", "new", "--title", "Test")["ref"]
    shot = tmp_path / "a.png"
    Image.new("RGB", (20, 20)).save(shot)
    bad = cli_vault("ingest", ref, str(shot), "--phone-available", "maybe")
    assert bad.code == 2 and "Traceback" not in bad.err
    from cybercase.core.errors import UsageError
    from cybercase.evidence.stated import Stated

    with pytest.raises(UsageError, match="yes, no, unknown"):
        Stated(phone_available="misschien").checked()
    assert Stated(phone_available=" Unknown ").checked().phone_available == "unknown"


def test_referral_letter_as_pdf(cli_vault: Cli, tmp_path: Path) -> None:
    cli = cli_vault
    ref, item = _case_with_item(cli, tmp_path)
    cli.ok("person", "add", ref, "Lisa de Vries", "--kind", "pupil", "--role", "bullied")
    url = "https://www.tiktok.com/@plaagstoot/video/7312345678901234567"
    made = cli.json("referral", "add", ref, "--channel", "meldknop", "--url", url,
                    "--evidence", str(item), "--why", "Een vernederende foto van een kind.")
    out = tmp_path / "melding.pdf"
    cli.ok("referral", "pdf", str(made["id"]), "--out", str(out))
    data = out.read_bytes()
    text = text_of(data)
    assert "OBS De Pirouette" in text and "Kerkstraat 1, 3511 AB Utrecht" in text
    assert POLISH in text and "030 123 4567" in text and "zorg@pirouette.example.nl" in text
    assert url in text.replace("\n", "")
    assert "Meldknop.nl" in text and "te goeder trouw" in text
    assert "Lisa" not in text and "Vries" not in text
    assert "pagina 1 van 1" in text
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")
    assert any(f" {m} 20" in text for m in months)  # a Dutch date, not ISO
    assert font_names(data) and all(n.startswith("DejaVu") for n in font_names(data))
    # never over an existing file without --force; English on request
    again = cli("referral", "pdf", str(made["id"]), "--out", str(out))
    assert again.code == 2 and out.read_bytes() == data
    cli.ok("referral", "pdf", str(made["id"]), "--out", str(out), "--lang", "en",
           "--force")
    english = text_of(out.read_bytes())
    assert "good faith" in english and "page 1 of 1" in english
    audit = cli.ok("audit", ref).out
    assert audit.count("referral.pdf") == 2


def test_cached_fonts_give_independent_documents() -> None:
    """Two PDFs built one after the other share the parsed fonts, not their subsets: each
    embeds exactly the fonts it uses and reads back its own text."""
    first = Pdf(format="A4")
    first.add_page()
    para(first, f"{POLISH} 🦄")  # a unicorn: not in DejaVu Sans, from Noto Emoji
    one = bytes(first.output())
    second = Pdf(format="A4")
    out = Writer(second)
    out.page()
    out.lines(15, 180, "Ayşe Yılmaz", PLAIN, 10)
    out.lines(15, 180, "sha256 0123abcd", MONO, 9)
    out.lines(15, 180, "haakjes (zo) en C:\\map\\foto.png; 100%", PLAIN, 10)
    out.flush()
    two = bytes(second.output())
    assert POLISH in text_of(one) and "Ayşe Yılmaz" in text_of(two)
    assert POLISH not in text_of(two)
    assert "haakjes (zo) en C:\\map\\foto.png; 100%" in text_of(two)  # escaped as needed
    assert font_names(one) == {"DejaVuSansBook", "NotoEmoji"}
    assert font_names(two) == {"DejaVuSansBook", "DejaVuSansMonoBook"}


def _pdfa_parts(data: bytes) -> tuple[str, str]:
    """The PDF/A identification (part, conformance), after checking what PDF/A-2 and -3
    ask of a file's structure that pypdf can see (no validator is installable here:
    veraPDF is not on PyPI or Debian): the binary comment after the header, a file ID,
    no encryption or JavaScript, XMP metadata, an sRGB output intent with its ICC profile,
    every font embedded."""
    import re

    assert data.startswith(b"%PDF-1.") and data[9:10] == b"%"
    assert all(b > 127 for b in data[10:14])
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "/ID" in reader.trailer and "/Encrypt" not in reader.trailer
    assert b"/JavaScript" not in data and b"/JS " not in data
    root = reader.trailer["/Root"]
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"] == "sRGB"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 3
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    part = re.search(r"<pdfaid:part>(\d)</pdfaid:part>", xmp)
    conformance = re.search(r"<pdfaid:conformance>(\w)</pdfaid:conformance>", xmp)
    assert part and conformance
    assert font_names(data)
    return part[1], conformance[1]


def test_report_is_pdfa3b_and_handover_pdfa2b(cli_vault: Cli, tmp_path: Path) -> None:
    cli = cli_vault
    ref, _item = _case_with_item(cli, tmp_path)
    out = tmp_path / "bundle.zip"
    cli.ok("export", ref, "--out", str(out))
    with zipfile.ZipFile(out) as zf:
        root = zf.namelist()[0].split("/", 1)[0]
        report = zf.read(f"{root}/data/report.pdf")
    assert _pdfa_parts(report) == ("3", "B")
    # PDF/A-3: the embedded item list is an associated file with its MIME type and date
    reader = pypdf.PdfReader(io.BytesIO(report))
    catalog = reader.trailer["/Root"]
    spec = catalog["/Names"]["/EmbeddedFiles"]["/Names"][1].get_object()
    assert spec["/AFRelationship"] == "/Data" and spec["/UF"] == "bewijsstukken.txt"
    assert [a.get_object() for a in catalog["/AF"]] == [spec]
    stream = spec["/EF"]["/F"].get_object()
    assert stream["/Subtype"] == "/text/plain" and "/ModDate" in stream["/Params"]
    assert _pdfa_parts(handover_path(out).read_bytes()) == ("2", "B")
    # the bundle's own check still finds the item list in the report
    verified = cli("verify-bundle", str(out))
    assert verified.code == 0, verified.out + verified.err


# families of report.* keys the code builds from a stored value (report_words.py,
# report_register.py: an audit action, a MIME type, a register's code)
BUILT = ("report.action.", "report.mime.", "report.reg.", "report.who.", "report.phone.")


def test_no_unused_document_entries() -> None:
    """The catalogue test counts every key under a prefix the code reads with texts() or
    Dutch() as used; here each report.* and handover.* entry must be named in the code
    (the rest of its key as a string) or belong to a family built from values."""
    import ast

    import cybercase
    from cybercase.core.i18n import CATALOGUES

    src = Path(cybercase.__file__).parent
    strings: set[str] = set()
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    prefixes = ("report.stated.", "report.chrono.", "report.cover.", "report.how.",
                "report.itempage.", "report.", "handover.")
    unused = []
    for key in CATALOGUES["en"]:
        if key.startswith(BUILT) or not key.startswith(prefixes):
            continue
        prefix = next(p for p in prefixes if key.startswith(p))
        if key[len(prefix):] not in strings and key not in strings:
            unused.append(key)
    assert unused == []
