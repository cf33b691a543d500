"""Tesseract as a subprocess, fed through a pipe.

``tesseract stdin stdout -l nld+eng --psm 11 tsv``: the decrypted image bytes go to the
process's stdin and the TSV comes back on its stdout; nothing is written to a file (the
reason pytesseract is not used: it writes the image to a temporary file). Each process is
kept to one thread (``OMP_THREAD_LIMIT=1``): the queue runs one process per core.

Settings, chosen by measurement (docs/evidence.md): the colour image at native size
(grayscale loses coloured sender names in dark mode; upscaling did not help), page
segmentation 11 ("sparse text": chat bubbles are scattered blocks), Dutch + English.
PNG, JPEG (upright), TIFF, BMP and GIF go to Tesseract as they are; any other image (WebP,
HEIC, a JPEG with an EXIF rotation) is decoded with Pillow in memory, turned upright and
handed over as PNG, so the word boxes are on the upright image.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from cybercase.evidence.ocr.model import EngineInfo, OcrWord, Recognised

ENGINE = "tesseract"
PSM = 11
WANTED = ("nld", "eng")
TIMEOUT = 180  # seconds for one image
ENV_BINARY = "CYBERCASE_TESSERACT"
NATIVE = frozenset({"image/png", "image/tiff", "image/bmp", "image/gif", "image/x-ms-bmp"})


class EngineMissing(Exception):
    """No usable tesseract (not installed, or without Dutch or English)."""


class EngineFailed(Exception):
    """Tesseract ran but did not read the image (the reason is the message)."""


def _candidates() -> list[str]:
    found: list[str] = []
    override = os.environ.get(ENV_BINARY)
    if override:
        return [override]
    which = shutil.which("tesseract")
    if which:
        found.append(which)
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES", r"C:\Program Files"),
                     os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
                     os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs")):
            path = Path(base) / "Tesseract-OCR" / "tesseract.exe"
            if path.is_file():
                found.append(str(path))
    return found


def _flags() -> int:
    return getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _probe(path: str) -> EngineInfo | None:
    try:
        version = subprocess.run(
            [path, "--version"], capture_output=True, timeout=20, check=False,
            creationflags=_flags(), env=_env())
        langs = subprocess.run(
            [path, "--list-langs"], capture_output=True, timeout=20, check=False,
            creationflags=_flags(), env=_env())
    except (OSError, subprocess.SubprocessError):
        return None
    if version.returncode != 0:
        return None
    first = (version.stdout or version.stderr).decode("utf-8", "replace").strip().splitlines()
    text = first[0] if first else ""
    number = text.split()[1] if text.lower().startswith("tesseract ") and " " in text else text
    listed = (langs.stdout or langs.stderr).decode("utf-8", "replace").splitlines()
    languages = tuple(sorted(x.strip() for x in listed[1:] if x.strip()))
    return EngineInfo(True, path, number.lstrip("v"), languages)


@lru_cache(maxsize=4)
def _find(key: tuple[str, ...]) -> EngineInfo:
    for path in key:
        info = _probe(path)
        if info is not None:
            return info
    return EngineInfo(False)


def find_engine() -> EngineInfo:
    """Tesseract on this machine: on PATH (or ``CYBERCASE_TESSERACT``), on Windows also
    in the usual install folders. Looked up once per PATH."""
    return _find((*_candidates(), os.environ.get("PATH", "")))


def languages_for(info: EngineInfo) -> str:
    chosen = [lang for lang in WANTED if lang in info.languages]
    if not chosen:
        raise EngineMissing(f"tesseract has no {'/'.join(WANTED)} language data")
    return "+".join(chosen)


def prepare(data: bytes, mime: str) -> tuple[bytes, str]:
    """The bytes to feed Tesseract and what they are: the original when Tesseract reads
    it upright as it is, else an upright PNG made in memory."""
    if mime in NATIVE:
        return data, "original"
    from PIL import Image, ImageOps

    from cybercase.evidence import imaging

    try:
        opened = imaging.open_image(data)  # an iPhone HEIC with pillow-heif
        if mime == "image/jpeg" and opened.getexif().get(0x0112, 1) in (0, 1):
            return data, "original"
        # a HEIC reads back already turned (pillow-heif): never turned twice
        image: Image.Image = (opened if opened.format in imaging.HEIF_FORMATS
                              else ImageOps.exif_transpose(opened))
        if image.mode not in ("RGB", "RGBA", "L"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, "PNG", compress_level=1)
    except Exception as exc:
        raise EngineFailed(f"the image could not be decoded: {type(exc).__name__}") from exc
    return out.getvalue(), "png-upright"


def parse_tsv(tsv: str) -> tuple[str, list[OcrWord]]:
    """Words (level 5 rows with text) and the text: words joined by spaces, one line of
    text per line the engine found (with ``--psm 11`` every line is a block of its own)."""
    words: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text:
            continue
        try:
            nums = [int(p) for p in parts[1:10]]
            conf = float(parts[10])
        except ValueError:
            continue
        words.append(OcrWord(text, nums[5], nums[6], nums[7], nums[8], round(conf, 2),
                             nums[1], nums[2], nums[3], nums[4]))
    lines: list[str] = []
    last: tuple[int, int, int] | None = None
    current: list[str] = []
    for w in words:
        key = (w.block, w.par, w.line)
        if key != last and current:
            lines.append(" ".join(current))
            current = []
        current.append(w.text)
        last = key
    if current:
        lines.append(" ".join(current))
    return "\n".join(lines), words


def recognise(data: bytes, mime: str, info: EngineInfo | None = None) -> Recognised:
    """Read the text of one image (bytes in memory) with Tesseract, through pipes only."""
    info = info or find_engine()
    if not info.available or info.path is None:
        raise EngineMissing("tesseract is not installed")
    langs = languages_for(info)
    fed, how = prepare(data, mime)
    settings: dict[str, Any] = {"psm": PSM, "oem": "default (LSTM)", "input": how,
                                "colour": "as stored", "scale": "native", "output": "tsv"}
    try:
        proc = subprocess.run(
            [info.path, "stdin", "stdout", "-l", langs, "--psm", str(PSM), "tsv"],
            input=fed, capture_output=True, timeout=TIMEOUT, check=False,
            creationflags=_flags(), env=_env())
    except subprocess.TimeoutExpired as exc:
        raise EngineFailed(f"tesseract took longer than {TIMEOUT} s") from exc
    except OSError as exc:
        raise EngineMissing(f"tesseract could not be started: {exc.strerror}") from exc
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise EngineFailed(f"tesseract exit {proc.returncode}: {lines[-1] if lines else ''}"[:300])
    text, words = parse_tsv(proc.stdout.decode("utf-8", "replace"))
    return Recognised(text, words, ENGINE, info.version, langs, settings)
