"""The pure-Python file type detector gives libmagic's MIME names (issue #16).

Where libmagic cannot be loaded (Windows, a Mac without Homebrew) ``evidence/filetypes.py``
answers; the same real files go through both and must get the same name, for every type
cybercase meets in evidence."""

from __future__ import annotations

import io
import random
import struct
import zipfile

import magic
import pytest
from PIL import Image

from cybercase.evidence import filetypes, sniff


def _image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 10, 10)).save(out, fmt)
    return out.getvalue()


def _iso(brand: bytes, compatible: bytes) -> bytes:
    box = b"ftyp" + brand + b"\0\0\0\0" + compatible
    return struct.pack(">I", len(box) + 4) + box + b"\0\0\0\x08free" + b"\0" * 200


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("chat.txt", "hallo")
    return out.getvalue()


SAMPLES = {
    "png": _image("PNG"),
    "jpeg": _image("JPEG"),
    "gif": _image("GIF"),
    "webp": _image("WEBP"),
    "bmp": _image("BMP"),
    "tiff": _image("TIFF"),
    "heic": _iso(b"heic", b"mif1heic"),
    "heif": _iso(b"mif1", b"mif1heic"),
    "mp4": _iso(b"isom", b"isomiso2avc1mp41"),
    "mov": _iso(b"qt  ", b"qt  "),
    "3gp": _iso(b"3gp4", b"isom3gp4"),
    "pdf": b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n",
    "zip": _zip(),
    "txt": "Hoi Sanne, kom je morgen? Groetjes uit groep 7b. Café!\n".encode(),
    "html": b"<!DOCTYPE html>\n<html><head><title>x</title></head><body>hoi</body></html>\n",
    "unknown": random.Random(16).randbytes(300),
}


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_same_mime_as_libmagic(kind: str) -> None:
    data = SAMPLES[kind]
    expected = magic.Magic(mime=True).from_buffer(data)
    assert filetypes.mime_of(data) == expected, kind


def test_expected_names_for_the_types_cybercase_meets() -> None:
    names = {kind: filetypes.mime_of(data) for kind, data in SAMPLES.items()}
    assert names["heic"] == "image/heic" and names["heif"] == "image/heif"
    assert names["mov"] == "video/quicktime" and names["3gp"] == "video/3gpp"
    assert names["zip"] == "application/zip" and names["unknown"] == "application/octet-stream"
    assert names["txt"] == "text/plain" and names["html"] == "text/html"


def test_libmagic_made_unavailable_in_the_portability_mode(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "_detector", [])
    assert sniff.detector().startswith("libmagic")
    monkeypatch.setattr(sniff, "_detector", [])
    monkeypatch.setenv("CYBERCASE_PORTABILITY_TEST", "1")
    assert sniff.detector().startswith("filetype")
    assert sniff.mime_of(SAMPLES["png"]) == "image/png"
    assert sniff.mime_of(b"") == "application/x-empty"
