"""What a file is, from its content (libmagic), and whether its name agrees.

libmagic (python-magic) is the first choice; where it cannot be loaded (Windows, a Mac
without Homebrew) the pure-Python detector in ``filetypes.py`` answers with the same MIME
names. ``CYBERCASE_PORTABILITY_TEST=1`` makes libmagic unavailable, to test that path.

Also the safe display form of file names: names are bytes on disk and may hold newlines
or bytes that are not UTF-8; what we show and put into JSON is always valid text.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable

from cybercase.core import oslayer
from cybercase.core.i18n import msg
from cybercase.evidence import filetypes

SNIFF_BYTES = 64 * 1024


# libmagic and the mimetypes table sometimes name the same thing differently
_ALIASES = {
    "image/jpg": "image/jpeg",
    "image/x-png": "image/png",
    "image/x-ms-bmp": "image/bmp",
    "image/x-bmp": "image/bmp",
    "image/vnd.microsoft.icon": "image/x-icon",
    "audio/x-wav": "audio/wav",
    "audio/x-m4a": "audio/mp4",
    "audio/mpeg3": "audio/mpeg",
    "video/x-m4v": "video/mp4",
    "application/x-pdf": "application/pdf",
}
# text-like types: libmagic often says text/plain for these, which is not a mismatch
_TEXTISH = {"application/json", "application/xml", "application/javascript",
            "application/x-sh", "application/x-python-code", "application/rtf",
            "application/x-csh", "application/x-tex", "application/csv"}
# containers: a .docx/.xlsx/.apk is a zip, an .m4a/.mov may be sniffed as mp4
_FAMILIES = [
    {"application/zip", "application/java-archive", "application/epub+zip"},
    {"video/mp4", "video/quicktime", "audio/mp4", "video/3gpp", "audio/3gpp"},
]
_detector: list[tuple[str, Callable[[bytes], str]]] = []  # (description, function)


def _load() -> tuple[str, Callable[[bytes], str]]:
    if not _detector:
        _detector.append(_libmagic() or (filetypes.describe(), filetypes.mime_of))
    return _detector[0]


def _libmagic() -> tuple[str, Callable[[bytes], str]] | None:
    if oslayer.portability_test():
        return None  # as on a system without libmagic
    try:
        import magic

        finder = magic.Magic(mime=True)
    except Exception:  # ImportError, or OSError/MagicException: no usable libmagic
        return None
    version = getattr(magic, "version", lambda: 0)
    try:
        number = int(version())
        label = f"libmagic {number // 100}.{number % 100:02d}"
    except Exception:
        label = "libmagic"

    def find(head: bytes) -> str:
        return str(finder.from_buffer(head))

    return f"{label} (python-magic)", find


def detector() -> str:
    """Which file type detector this process uses (``cybercase about``)."""
    return _load()[0]


def mime_of(head: bytes) -> str:
    """The MIME type of content, from its first bytes."""
    if not head:
        return "application/x-empty"
    return _load()[1](head[:SNIFF_BYTES])


def _norm(mime: str) -> str:
    return _ALIASES.get(mime.lower(), mime.lower())


def _kind(mime: str) -> str:
    mime = _norm(mime)
    if mime.startswith("text/") or mime in _TEXTISH or mime.endswith(("+xml", "+json")):
        return "text"
    for i, family in enumerate(_FAMILIES):
        if mime in family or mime.startswith("application/vnd.openxmlformats"):
            return f"family{i}"
    return mime


def extension_mismatch(name: str, mime: str) -> str | None:
    """A warning when the name's extension promises another type than the content has.

    Only extensions the system knows are judged; an unknown or missing extension is not a
    mismatch (chat exports and phones produce many names without one).
    """
    ext = os.path.splitext(name)[1].lower()
    if not ext:
        return None
    expected, _enc = mimetypes.guess_type("x" + ext, strict=False)
    if expected is None:
        return None
    if _kind(expected) == _kind(mime):
        return None
    return msg("evidence.flag.mismatch", mime=mime, ext=ext, expected=_norm(expected))


def display(name: str | bytes) -> str:
    """A file name or path as valid text: undecodable bytes become ``\\xNN``."""
    raw = name if isinstance(name, bytes) else os.fsencode(name)
    return raw.decode("utf-8", "backslashreplace")


def printable(text: str) -> str:
    """``display`` output made safe for one terminal line (see :func:`termsafe.safe`)."""
    from cybercase.core.termsafe import safe

    return safe(text)
