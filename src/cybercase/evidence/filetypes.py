"""File types without libmagic: the pure-Python detector used where libmagic is missing.

python-magic (libmagic) stays the first choice (``sniff.mime_of``). Windows has no
libmagic and a Mac has it only through Homebrew; there python-magic cannot load and this
module answers instead, with the MIME names libmagic gives for the types cybercase meets
(tests/unit/test_filetypes.py compares both on the same files).

Chosen: ``filetype`` (pure Python, no dependencies, one wheel for every system), with
cybercase's own rules in front of it where it differs from libmagic: the ISO base media
brands (HEIC vs HEIF, MP4 vs QuickTime vs 3GP, which ``filetype`` merges), and text and
HTML (which ``filetype`` does not detect). ``puremagic`` was compared and not chosen: it
names a plain ZIP as a Word document, HEIF photos fail, and text raises an error.
"""

from __future__ import annotations

import importlib.metadata

UNKNOWN = "application/octet-stream"

# ISO base media file format (``ftyp`` box) major brands -> libmagic's names
_BRANDS = {
    b"heic": "image/heic", b"heix": "image/heic", b"hevc": "image/heic",
    b"hevx": "image/heic", b"heim": "image/heic", b"heis": "image/heic",
    b"mif1": "image/heif", b"msf1": "image/heif", b"avif": "image/avif",
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/x-m4a", b"M4B ": "audio/x-m4a", b"M4V ": "video/x-m4v",
    b"crx ": "image/x-canon-cr3",
}
_BRAND_PREFIXES = {b"3gp": "video/3gpp", b"3g2": "video/3gpp2"}
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
_TEXT_CONTROLS = set(range(32)) - {7, 8, 9, 10, 11, 12, 13, 27}


def _iso_media(head: bytes) -> str | None:
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    brand = head[8:12]
    if brand in _BRANDS:
        return _BRANDS[brand]
    for prefix, mime in _BRAND_PREFIXES.items():
        if brand.startswith(prefix):
            return mime
    return "video/mp4"


def _text(head: bytes) -> str | None:
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut off at the end of the sample is still text
        if exc.start < len(head) - 3:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return None
    if sum(1 for b in head if b in _TEXT_CONTROLS) > len(head) // 100:
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_STARTS):
        return "text/html"
    return "text/plain"


def mime_of(head: bytes) -> str:
    """The MIME type of content from its first bytes (``application/x-empty`` if none)."""
    if not head:
        return "application/x-empty"
    found = _iso_media(head)
    if found:
        return found
    import filetype  # type: ignore[import-untyped,unused-ignore]

    guessed = filetype.guess_mime(head)
    if guessed:
        return str(guessed)
    return _text(head) or UNKNOWN


def describe() -> str:
    try:
        version = importlib.metadata.version("filetype")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return f"filetype {version} (pure Python; libmagic not available)"
