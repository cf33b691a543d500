"""iPhone photos (HEIC) and videos (MP4): what is measured, shown and printed.

Real artefacts made here: a HEIC written by pillow-heif with EXIF time, offset, make, model
and orientation 6 on a non-square picture; MP4 files muxed by PyAV from generated frames;
a real vault, real decoder processes, the real CLI and a real report PDF.
"""

from __future__ import annotations

import importlib
import io
import json
import zipfile
from pathlib import Path

import av
import pillow_heif
import pypdf
import pytest
from PIL import Image

from cybercase.cases.cases import create_case
from cybercase.core.i18n import localize, set_language
from cybercase.documents.previews import make_preview
from cybercase.evidence import get_item, imaging, ingest, video
from cybercase.evidence.items import read_content
from cybercase.evidence.mediafacts import fact_lines
from cybercase.export.bundle import export_case
from cybercase.vault import Vault
from tests.conftest import Cli

RED, BLUE, GREEN = (230, 20, 20), (20, 20, 230), (20, 200, 40)


def heic(width: int = 120, height: int = 60, orientation: int = 6) -> bytes:
    """A landscape picture, left half blue and right half red, saved as HEIC with the
    camera's EXIF: 20 Nov 2026 14:32:05 at +01:00, Apple iPhone 15, orientation 6."""
    img = Image.new("RGB", (width, height), RED)
    img.paste(BLUE, (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[imaging.EXIF_MAKE] = "Apple"
    exif[imaging.EXIF_MODEL] = "iPhone 15"
    exif[imaging.EXIF_ORIENTATION] = orientation
    sub = exif.get_ifd(imaging.EXIF_IFD)
    sub[imaging.EXIF_DATETIME_ORIGINAL] = "2026:11:20 14:32:05"
    sub[imaging.EXIF_OFFSET_ORIGINAL] = "+01:00"
    out = io.BytesIO()
    pillow_heif.register_heif_opener()
    img.save(out, "HEIF", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def mp4(seconds: int = 2, fps: int = 10, size: tuple[int, int] = (96, 64),
        created: str | None = "2026-11-20T13:32:05.000000Z") -> bytes:
    """A short MP4: red frames for the first second, then green ones."""
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        if created:
            container.metadata["creation_time"] = created
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for n in range(seconds * fps):
            frame = Image.new("RGB", size, RED if n < fps else GREEN)
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 60) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_heic_facts_time_offset_camera_and_orientation_once() -> None:
    info = imaging.analyse(heic())
    assert info.flags == []
    assert info.format == "HEIF"
    # orientation 6 (turn 90 degrees clockwise): pillow-heif reads it back already turned,
    # so the landscape 120 x 60 is a portrait 60 x 120, and it is not turned a second time
    assert (info.width, info.height) == (60, 120)
    assert info.exif_time == "2026:11:20 14:32:05"
    assert info.media == {"make": "Apple", "model": "iPhone 15", "exif_offset": "+01:00",
                          "orientation": 6}
    assert info.dhash and info.ahash
    # the hash is of the picture as shown: a plain PNG of the turned picture hashes alike
    with imaging.open_image(heic()) as img:
        shown = img.convert("RGB")
    png = io.BytesIO()
    shown.save(png, "PNG")
    same = imaging.analyse(png.getvalue())
    assert imaging.hamming(same.dhash or "", info.dhash) <= 2
    # the fine hash too
    assert info.fhash and imaging.hamming(same.fhash or "", info.fhash) <= 8


def test_heic_preview_is_turned_once_blue_on_top() -> None:
    preview = make_preview(heic())
    assert preview is not None and not preview.still
    img = Image.open(io.BytesIO(preview.jpeg))
    assert img.height > img.width  # portrait: turned
    # turned clockwise, the blue left half of the landscape is now at the top
    assert near(img.getpixel((img.width // 2, img.height // 8)), BLUE)
    assert near(img.getpixel((img.width // 2, img.height * 7 // 8)), RED)
    assert preview.exif == {"make": "Apple", "model": "iPhone 15", "offset": "+01:00"}


def test_mp4_facts_and_still_frame_from_memory() -> None:
    found = video.probe(mp4())
    assert found["flags"] == []
    facts = found["facts"]
    assert facts["duration_s"] == pytest.approx(2.0, abs=0.15)
    assert facts["video_codec"] == "mpeg4" and facts["audio_codec"] is None
    assert (facts["width"], facts["height"]) == (96, 64)
    assert facts["created"] == "2026-11-20T13:32:05+00:00"
    assert facts["created_basis"] == "utc_header"
    frame = video.still(mp4())
    assert frame is not None and frame.size == (96, 64)
    assert near(frame.getpixel((48, 32)), GREEN)  # at 1 s: past the red first second
    short = video.still(mp4(seconds=1, fps=5))  # shorter than 1 s: its first frame
    assert short is not None and near(short.getpixel((10, 10)), RED)


def test_fact_lines_in_both_languages() -> None:
    facts = video.probe(mp4())["facts"]
    lines = fact_lines(facts)
    english = {str(label): str(value) for label, value in lines}
    assert english["Duration"] == "2.0 s"
    assert english["Codec"] == "video mpeg4, audio -"
    assert "UTC by the MP4 standard" in english["Recorded"]
    try:
        set_language("nl")
        dutch = {localize(label): localize(value) for label, value in lines}
    finally:
        set_language("en")
    assert dutch["Duur"] == "2.0 s"
    assert "filmkop, UTC volgens de MP4-standaard" in dutch["Opgenomen"]
    photo = dict((str(k), v) for k, v in fact_lines(imaging.analyse(heic()).media))
    assert photo == {"Camera": "Apple iPhone 15", "EXIF time offset": "+01:00",
                     "Orientation (EXIF)": "6"}


@pytest.mark.parametrize("workers", [0, 2])
def test_ingest_stores_heic_and_mp4_facts(vault: Vault, tmp_path: Path, workers: int) -> None:
    src = tmp_path / "phone"
    src.mkdir()
    (src / "IMG_0001.HEIC").write_bytes(heic())
    (src / "RPReplay.mp4").write_bytes(mp4())
    for n in range(3):  # enough files for the decoder processes to be used
        (src / f"clip{n}.mp4").write_bytes(mp4(seconds=1, fps=5 + n))
    ref = create_case(vault, "Filmpje").ref
    results = {r.path.rsplit("/", 1)[1]: r for r in ingest(vault, ref, [str(src)],
                                                           workers=workers)}
    assert {r.status for r in results.values()} == {"stored"}, [
        (r.path, r.flags) for r in results.values()]
    photo = get_item(vault, results["IMG_0001.HEIC"].id or 0)
    assert photo.mime == "image/heic"
    assert photo.image is not None and photo.image["exif_time"] == "2026:11:20 14:32:05"
    assert (photo.image["width"], photo.image["height"]) == (60, 120)
    assert photo.media == {"make": "Apple", "model": "iPhone 15", "exif_offset": "+01:00",
                           "orientation": 6}
    clip = get_item(vault, results["RPReplay.mp4"].id or 0)
    assert clip.mime == "video/mp4" and clip.image is None
    assert clip.media is not None
    assert clip.media["duration_s"] == pytest.approx(2.0, abs=0.15)
    assert clip.media["video_codec"] == "mpeg4"
    assert clip.media["created"] == "2026-11-20T13:32:05+00:00"
    # the original comes back byte for byte (the still is derived, never stored)
    assert read_content(vault, clip.id)[1] == (src / "RPReplay.mp4").read_bytes()


def test_large_video_is_read_from_the_vault(vault: Vault, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A recording above the in-memory size streams into the vault; its header is then read
    back from the vault's chunks (BlobReader), never from a copy on disk."""
    ingest_module = importlib.import_module("cybercase.evidence.ingest")
    store = importlib.import_module("cybercase.evidence.store")
    monkeypatch.setattr(ingest_module, "SMALL", 512)
    for module in (ingest_module, store):  # several chunks, read back in order
        monkeypatch.setattr(module, "CHUNK", 4096)
    data = mp4(seconds=3, fps=25, size=(160, 120))
    assert len(data) > 3 * 1024
    path = tmp_path / "long.mp4"
    path.write_bytes(data)
    ref = create_case(vault, "Opname").ref
    (result,) = ingest(vault, ref, [str(path)])
    assert result.status == "stored", result.flags
    media = get_item(vault, result.id or 0).media or {}
    assert media["duration_s"] == pytest.approx(3.0, abs=0.15)
    assert (media["width"], media["height"]) == (160, 120)


def test_corrupt_heic_and_mp4_are_flagged_in_words(vault: Vault, tmp_path: Path) -> None:
    whole_heic, whole_mp4 = heic(), mp4()
    (tmp_path / "broken.heic").write_bytes(whole_heic[: len(whole_heic) // 2])
    (tmp_path / "broken.mp4").write_bytes(whole_mp4[:40] + bytes(200))
    ref = create_case(vault, "Kapot").ref
    results = ingest(vault, ref, [str(tmp_path / "broken.heic"), str(tmp_path / "broken.mp4")])
    assert [r.status for r in results] == ["flagged", "flagged"]
    for result in results:
        item = get_item(vault, result.id or 0)
        text = " ".join(map(str, item.flags))
        for python in ("Error", "Exception", "BytesIO", "<", "Traceback", "errno"):
            assert python not in text, text
        try:
            set_language("nl")
            dutch = " ".join(localize(f) for f in item.flags)
        finally:
            set_language("en")
        assert "bewaard zoals ontvangen" in dutch
    assert "cannot be read" in str(get_item(vault, results[0].id or 0).flags[0])
    assert "looks like a video" in str(get_item(vault, results[1].id or 0).flags[0])


def test_no_heic_reader_is_a_flag_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imaging, "_HEIF_READER", [None])  # as where pillow-heif is missing
    info = imaging.analyse(heic())
    assert [f["key"] for f in info.flags] == ["evidence.flag.no_heif_reader"]


def test_no_video_reader_is_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(video, "_AV", [None])  # as where PyAV is missing
    found = video.probe(mp4())
    assert found == {"facts": {"kind": "video", "note": "no_video_reader"}, "flags": []}
    assert video.still(mp4()) is None
    ((_label, value),) = fact_lines(found["facts"])
    assert "PyAV is not installed" in str(value)


def test_cli_json_and_show(cli_vault: Cli, tmp_path: Path) -> None:
    ref = str(cli_vault.json("case", "new", "--title", "iPhone")["ref"])
    (tmp_path / "IMG_0002.heic").write_bytes(heic())
    (tmp_path / "clip.mp4").write_bytes(mp4())
    cli_vault.ok("ingest", ref, str(tmp_path / "IMG_0002.heic"), str(tmp_path / "clip.mp4"))
    items = {i["original_name"]: i for i in cli_vault.json("evidence", "list", ref)}
    photo, clip = items["IMG_0002.heic"], items["clip.mp4"]
    assert photo["image"]["exif_time"] == "2026:11:20 14:32:05"
    assert photo["media"]["exif_offset"] == "+01:00"
    assert photo["media"]["make"] == "Apple" and photo["media"]["model"] == "iPhone 15"
    assert clip["media"]["duration_s"] == pytest.approx(2.0, abs=0.15)
    assert clip["media"]["video_codec"] == "mpeg4"
    assert clip["media"]["created_basis"] == "utc_header"
    assert not photo["flagged"] and not clip["flagged"]
    shown = cli_vault.ok("evidence", "show", str(clip["id"])).out
    assert "duration: 2.0 s" in shown and "codec: video mpeg4" in shown
    shown = cli_vault.ok("evidence", "show", str(photo["id"])).out
    assert "camera: Apple iPhone 15" in shown


def test_report_prints_heic_and_video_still(vault: Vault, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "IMG_0003.heic").write_bytes(heic())
    (src / "clip.mp4").write_bytes(mp4())
    ref = create_case(vault, "Rapport").ref
    ingest(vault, ref, [str(src)])
    out = tmp_path / "bundle.zip"
    export_case(vault, ref, out)
    with zipfile.ZipFile(out) as zf:
        name = next(n for n in zf.namelist() if n.endswith("data/report.pdf"))
        reader = pypdf.PdfReader(io.BytesIO(zf.read(name)))
        evidence = json.loads(zf.read(name.replace("report.pdf", "evidence.json")))
    pages = [page.extract_text() for page in reader.pages]
    titles = {p.splitlines()[0]: n for n, p in enumerate(pages) if p.startswith("Bewijsstuk ")}
    photo = next(n for t, n in titles.items() if t.endswith("IMG_0003.heic"))
    clip = next(n for t, n in titles.items() if t.endswith("clip.mp4"))
    assert len(reader.pages[photo].images) == 1 and len(reader.pages[clip].images) == 1
    assert "Apple iPhone 15" in pages[photo] and "+01:00" in pages[photo]
    assert "Stilstaand beeld uit de video" in pages[clip]
    assert "Duur" in pages[clip] and "2.0 s" in pages[clip]
    assert "filmkop, UTC volgens de MP4-standaard" in pages[clip]
    text = "\n".join(pages)
    assert "UnidentifiedImageError" not in text and "BytesIO" not in text
    assert len(evidence) >= 2


def test_group_commit_keeps_each_file_whole(vault: Vault, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Files share commits (speed), but a file that fails half-way leaves nothing of itself
    (its savepoint is undone: content, row and audit entry) and the others stay."""
    from cybercase.evidence.chat import importer
    from cybercase.evidence.commits import Group
    from cybercase.views.verify import verify_vault

    real = importer.prepare

    def failing(tx, blob, mime, name, data, order):  # type: ignore[no-untyped-def]
        if name == "c.txt":  # after its content was written into the transaction
            raise OSError(5, "Input/output error")
        return real(tx, blob, mime, name, data, order)

    monkeypatch.setattr(importer, "prepare", failing)
    commits: list[int] = []
    original_commit = Group.commit

    def counting(self: Group) -> None:
        commits.append(self.files)
        original_commit(self)

    monkeypatch.setattr(Group, "commit", counting)
    src = tmp_path / "in"
    src.mkdir()
    for n, name in enumerate("abcde"):
        (src / f"{name}.txt").write_text(f"bericht {name}\n" * (50 + n))
    ref = create_case(vault, "Groep").ref
    results = ingest(vault, ref, [str(src)])
    assert [r.status for r in results] == ["stored", "stored", "error", "stored", "stored"]
    assert len([c for c in commits if c]) == 1  # one commit for the five files
    rows = vault.conn.execute("SELECT original_name FROM evidence_items ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["a.txt", "b.txt", "d.txt", "e.txt"]
    sizes = {r[0] for r in vault.conn.execute("SELECT size FROM blobs")}
    assert len((src / "c.txt").read_bytes()) not in sizes  # c's content was undone too
    report = verify_vault(vault)  # the audit chain is whole, every content re-hashes
    assert report.ok, report.problems


def test_nothing_decrypted_reaches_the_disk(vault: Vault, vault_dir: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest, still frame, previews and a large recording read back from the vault: no
    file appears in the temp folder, and no slice of the originals is in any file the
    vault has (the vault is encrypted)."""
    import tempfile

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    ingest_module = importlib.import_module("cybercase.evidence.ingest")
    monkeypatch.setattr(ingest_module, "SMALL", 4096)  # the recording streams
    src = tmp_path / "src"
    src.mkdir()
    clip = mp4(seconds=3, fps=25, size=(160, 120), created=None)
    photo = heic(200, 100)
    (src / "rec.mp4").write_bytes(clip)
    (src / "IMG.heic").write_bytes(photo)
    ref = create_case(vault, "Geheim").ref
    results = ingest(vault, ref, [str(src)])
    assert {r.status for r in results} == {"stored"}
    for result in results:
        item, data = read_content(vault, result.id or 0)
        assert make_preview(data, item.mime) is not None
    assert video.still(clip) is not None
    assert list(temp.iterdir()) == []
    needles = [blob[at:at + 32] for blob in (clip, photo)
               for at in range(64, len(blob) - 32, len(blob) // 6)]
    for path in vault_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert not any(n in content for n in needles), path


def test_video_inside_a_chat_export_is_measured(vault: Vault, tmp_path: Path) -> None:
    chat = ("[13-01-2024, 18:47:25] Anna: kijk dit filmpje\r\n"
            "[13-01-2024, 18:50:00] Daan: \u200e<bijgevoegd: 00000004-VIDEO.mp4>\r\n")
    export = tmp_path / "WhatsApp Chat - Groep 7B.zip"
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("_chat.txt", chat)
        zf.writestr("00000004-VIDEO.mp4", mp4())
    ref = create_case(vault, "Groepsapp").ref
    ingest(vault, ref, [str(export)])
    row = vault.conn.execute(
        "SELECT id FROM evidence_items WHERE original_name = '00000004-VIDEO.mp4'").fetchone()
    media = get_item(vault, row[0]).media or {}
    assert media["duration_s"] == pytest.approx(2.0, abs=0.15)
    assert media["video_codec"] == "mpeg4"


def test_ocr_reads_a_heic_turned_once() -> None:
    """The OCR engine opens a HEIC with pillow-heif and feeds Tesseract the picture as the
    phone shows it: text written upright on the phone, stored turned (orientation 6)."""
    from PIL import ImageDraw, ImageFont

    from cybercase.evidence.ocr import engine

    if not engine.find_engine().available:
        pytest.skip("tesseract is not installed")
    upright = Image.new("RGB", (700, 1000), (255, 255, 255))
    font = ImageFont.truetype("DejaVuSans.ttf", 64)
    ImageDraw.Draw(upright).text((40, 400), "jij stinkt", fill=(0, 0, 0), font=font)
    # the sensor's picture is the upright one turned a quarter anticlockwise; EXIF
    # orientation 6 tells a reader to turn it back clockwise
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[imaging.EXIF_ORIENTATION] = 6
    out = io.BytesIO()
    pillow_heif.register_heif_opener()
    stored.save(out, "HEIF", exif=exif.tobytes(), quality=95)
    fed, how = engine.prepare(out.getvalue(), "image/heic")
    assert how == "png-upright"
    assert Image.open(io.BytesIO(fed)).size == (700, 1000)  # upright, turned once
    assert "stinkt" in engine.recognise(out.getvalue(), "image/heic").text
