"""Looking at images without trusting them: validate, measure, perceptual hashes.

Runs in worker processes during batch ingest (it imports only Pillow, pillow-heif for
iPhone HEIC/HEIF photos, and the standard library, so a worker starts quickly; videos go to
``video.py``, loaded beside it). Every function takes bytes already in memory and
never writes anything to disk: no thumbnails, no temp files.

Perceptual hashes (hex): dHash (64 bits) compares neighbouring pixels of a 9x8 grey
reduction, aHash (64 bits) compares an 8x8 reduction with its mean. They are too coarse for
chat screenshots: two screenshots of one chat app share their layout (bars, bubbles), and at
8x8 the text inside the bubbles is gone, so different conversations collide. The fine hash
(:func:`fine_hash`, 1024 bits: dHash of a 33x32 reduction) keeps the lines of text; two
images "look alike" (``evidence.near.looks_alike``) when their fine hashes differ in at
most ``FINE_NEAR_BITS`` bits. The threshold was chosen by measurement (tools/neardup_measure.py,
docs/evidence.md): a screenshot recompressed, resized or forwarded stays far below it,
different screenshots of one layout far above. Items stored before the fine hash existed
are compared by the old rule (dHash and aHash each within ``near.NEAR_BITS``).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import threading
import warnings
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from PIL import Image, ImageOps, UnidentifiedImageError

HEIF_FORMATS = ("HEIF", "AVIF")
HEIF_MIMES = ("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence")

# A phone screenshot is ~3 megapixels, a phone photo up to 200 (rare). Decoding more than
# this could exhaust memory; such images are stored but flagged and not decoded. Pillow
# enforces it at open() (a warning above the limit, an error above twice the limit: both
# are turned into a flag below).
MAX_PIXELS = 120_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769
EXIF_MAKE, EXIF_MODEL, EXIF_ORIENTATION = 0x010F, 0x0110, 0x0112
EXIF_OFFSET, EXIF_OFFSET_ORIGINAL = 0x9010, 0x9011

# The flags, as the key of their text in the catalogue and the values to fill in: this
# file runs alone in the decoder processes (no cybercase imports), so it hands over
# {"key", "values"} records; the parent makes them Msg (cybercase.evidence.flags).
# No flag carries a Python error's text (it would reach the police report): the key says
# what happened in the reader's words.
FLAG_TOO_LARGE = "evidence.flag.too_large"  # values: mp (float), limit (int)
FLAG_BOMB = "evidence.flag.bomb"
FLAG_DAMAGED = "evidence.flag.damaged"
FLAG_UNREADABLE = "evidence.flag.unreadable"
FLAG_CRASHED = "evidence.flag.crashed"
FLAG_NO_HEIF = "evidence.flag.no_heif_reader"


def flag(key: str, **values: object) -> dict[str, Any]:
    """A flag for the parent: the catalogue key and its values (JSON-ready)."""
    return {"key": key, "values": values}


@dataclass
class ImageInfo:
    width: int | None = None
    height: int | None = None
    format: str | None = None
    exif_time: str | None = None
    dhash: str | None = None
    ahash: str | None = None
    fhash: str | None = None  # the fine hash (fine_hash)
    flags: list[dict[str, Any]] = field(default_factory=list)  # see flag()
    # further measured facts (evidence_items.media): a photo's EXIF offset, make, model
    # and orientation; a video's duration, creation time, codecs and frame size
    media: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "width": self.width, "height": self.height, "format": self.format,
            "exif_time": self.exif_time, "dhash": self.dhash, "ahash": self.ahash,
            "fhash": self.fhash, "flags": list(self.flags), "media": self.media,
        }


def _bits_to_hex(bits: list[bool]) -> str:
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return f"{value:016x}"


HASH_BASE = (72, 64)


def _grey(img: Image.Image) -> Image.Image:
    return img if img.mode == "L" else img.convert("L")


def _base(img: Image.Image) -> Image.Image:
    """The grey 72 x 64 reduction both hashes start from (a whole multiple of 9 x 8 and of
    8 x 8): one pass over a large picture's pixels serves both."""
    grey = _grey(img)
    return grey if grey.size == HASH_BASE else grey.resize(HASH_BASE, Image.Resampling.BOX)


def dhash(img: Image.Image) -> str:
    small = _base(img).resize((9, 8), Image.Resampling.BOX)
    px = small.tobytes()
    return _bits_to_hex([px[r * 9 + c] < px[r * 9 + c + 1] for r in range(8) for c in range(8)])


def ahash(img: Image.Image) -> str:
    small = _base(img).resize((8, 8), Image.Resampling.BOX)
    px = small.tobytes()
    mean = sum(px) / len(px)
    return _bits_to_hex([p > mean for p in px])


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


FINE_SIDE = 32
FINE_BITS = FINE_SIDE * FINE_SIDE
FINE_NEAR_BITS = 96  # of 1024; measured: see docs/evidence.md


def fine_hash(img: Image.Image) -> str:
    """dHash of a 33x32 grey reduction: 1024 bits, 256 hex digits."""
    side = FINE_SIDE
    small = _grey(img).resize((side + 1, side), Image.Resampling.BOX)
    px = small.tobytes()
    value = 0
    for r in range(side):
        row = r * (side + 1)
        for c in range(side):
            value = (value << 1) | (px[row + c] < px[row + c + 1])
    return f"{value:0{FINE_BITS // 4}x}"


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _clean(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    return " ".join(value.replace("\x00", " ").split())[:64] or None


def _camera(img: Image.Image) -> dict[str, Any]:
    """Make, model, the offset of the EXIF time and the orientation tag, where written."""
    try:
        exif = img.getexif()
        sub = exif.get_ifd(EXIF_IFD)
    except Exception:  # broken EXIF is common and never fatal
        return {}
    found: dict[str, Any] = {"make": _clean(exif.get(EXIF_MAKE)),
             "model": _clean(exif.get(EXIF_MODEL)),
             "exif_offset": _clean(sub.get(EXIF_OFFSET_ORIGINAL) or sub.get(EXIF_OFFSET))}
    orientation = img.info.get("original_orientation") or exif.get(EXIF_ORIENTATION)
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        found["orientation"] = orientation
    return {k: v for k, v in found.items() if v is not None}


def _exif_time(img: Image.Image) -> str | None:
    try:
        exif = img.getexif()
        value = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    except Exception:  # broken EXIF is common and never fatal
        return None
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    value = value.strip("\x00 ").strip()
    return value[:40] or None


def is_heif(data: bytes) -> bool:
    """HEIC/HEIF (an iPhone photo) or AVIF, from the ISO media brand."""
    return data[4:8] == b"ftyp" and data[8:12] in (
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")


_HEIF_READER: list[str | None] = []


def heif_reader() -> str | None:
    """pillow-heif registered with Pillow (on first use: it takes a few tenths of a second
    to load, so screenshots never wait for it); its name and version, None when missing."""
    if not _HEIF_READER:
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _HEIF_READER.append(f"pillow-heif {pillow_heif.__version__}")
        except Exception:  # ImportError or a broken libheif: HEIC is flagged, not read
            _HEIF_READER.append(None)
    return _HEIF_READER[0]


def open_image(data: bytes) -> Image.Image:
    """``Image.open`` on bytes in memory, with the HEIC reader when they are HEIC."""
    if is_heif(data):
        heif_reader()
    return Image.open(io.BytesIO(data))


def analyse(data: bytes) -> ImageInfo:
    """Validate and measure one image held in memory. Never raises for bad content."""
    info = ImageInfo()
    buf = io.BytesIO(data)
    if is_heif(data) and heif_reader() is None:
        info.flags.append(flag(FLAG_NO_HEIF))
        return info
    try:
        with warnings.catch_warnings():
            # damaged files make Pillow warn; the flags below say it in the user's words
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(buf) as img:
                info.format = img.format
                info.width, info.height = img.size
                img.verify()  # leaves the image unusable: reopen below
            buf.seek(0)
            with Image.open(buf) as img:
                img.load()
                info.exif_time = _exif_time(img)
                info.media = _camera(img) or None
                # hash what a person sees: orientation applied (a HEIF reads back already
                # turned by pillow-heif, which resets its orientation tag: never twice)
                turn = info.exif_time is not None and img.format not in HEIF_FORMATS
                shown = ImageOps.exif_transpose(img) if turn else img
                # one grey conversion and two passes over the pixels serve the three
                # hashes: the 72 x 64 reduction (a whole multiple of 9 x 8 and 8 x 8) for
                # dHash and aHash, the 33 x 32 one for the fine hash
                grey = _grey(shown)
                small = _base(grey)
                info.dhash = dhash(small)
                info.ahash = ahash(small)
                info.fhash = fine_hash(grey)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses at open(), before the size can be read: take it from its message
        claimed = re.search(r"\((\d+) pixels\)", str(exc))
        if claimed:
            info.flags.append(flag(FLAG_TOO_LARGE, mp=int(claimed.group(1)) / 1e6,
                                   limit=MAX_PIXELS // 1_000_000))
        else:
            info.flags.append(flag(FLAG_BOMB))
    except UnidentifiedImageError:
        info.flags.append(flag(FLAG_UNREADABLE))
    except MemoryError:
        info.flags.append(flag(FLAG_BOMB))
    except Exception:  # untrusted input: any decoder error is a flag (never its text)
        info.flags.append(flag(FLAG_DAMAGED))
    return info


def analyse_video(data: bytes | IO[bytes] | io.RawIOBase, video: Any) -> ImageInfo:
    """A video's facts (``video`` is the video module: loaded by path in a worker)."""
    found = video.probe(data)
    return ImageInfo(flags=found["flags"], media=found["facts"])


# --- worker processes -------------------------------------------------------------------
#
# Decoding runs in separate Python processes started with subprocess (not multiprocessing:
# no re-import of the caller's __main__, no inherited file descriptors, and the vault key
# is never in a decoder's memory). Each worker loads only this file, video.py, the OS seam,
# Pillow (with pillow-heif) and PyAV, turns core dumps off, limits its own address space so
# a decompression bomb ends in MemoryError instead of exhausting the machine, and talks over
# pipes: request = 1 byte kind (i: image, v: video) + 8-byte length + the bytes, answer =
# 8-byte length + JSON. A worker that dies is replaced;
# its image is flagged, not lost.

WORKER_MEMORY = 2 * 1024 * 1024 * 1024
# The worker loads this file and the OS seam (standard library only) by path: no core
# dumps (it holds evidence images), then its memory cap, then the loop.
_WORKER_BOOT = (
    "import importlib.util, sys\n"
    "def load(name, path):\n"
    "    spec = importlib.util.spec_from_file_location(name, path)\n"
    "    mod = importlib.util.module_from_spec(spec)\n"
    "    sys.modules[name] = mod\n"
    "    spec.loader.exec_module(mod)\n"
    "    return mod\n"
    "seam = load('cybercase_oslayer', sys.argv[2])\n"
    "seam.disable_core_dumps()\n"
    f"seam.limit_memory({WORKER_MEMORY})\n"
    "load('cybercase_imaging', sys.argv[1]).serve(load('cybercase_video', sys.argv[3]))\n"
)
_SEAM_FILE = str(Path(__file__).resolve().parents[1] / "core" / "oslayer.py")
_VIDEO_FILE = str(Path(__file__).resolve().parent / "video.py")


def _read_exact(stream: IO[bytes], n: int) -> bytes:
    parts: list[bytes] = []
    while n:
        part = stream.read(n)
        if not part:
            raise EOFError("pipe closed")
        parts.append(part)
        n -= len(part)
    return b"".join(parts)


def serve(video: Any) -> None:
    """The worker loop (runs in the child): analyse images and videos until stdin closes."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            head = _read_exact(stdin, 9)
        except EOFError:
            return
        data = _read_exact(stdin, int.from_bytes(head[1:], "big"))
        found = analyse_video(data, video) if head[:1] == b"v" else analyse(data)
        answer = json.dumps(found.to_json()).encode("utf-8")
        stdout.write(len(answer).to_bytes(8, "big") + answer)
        stdout.flush()


class DecoderPool:
    """``submit(bytes) -> Future[ImageInfo]`` over a few worker processes."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="cybercase-img")
        self._local = threading.local()
        self._procs: list[subprocess.Popen[bytes]] = []
        self._mutex = threading.Lock()

    def submit(self, data: bytes, kind: str = "i") -> Future[ImageInfo]:
        """Analyse ``data`` as an image (kind ``i``) or a video (``v``)."""
        return self._executor.submit(self._run, data, kind)

    def _start(self) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-c", _WORKER_BOOT, __file__, _SEAM_FILE, _VIDEO_FILE],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        with self._mutex:
            self._procs.append(proc)
        return proc

    def _run(self, data: bytes, kind: str) -> ImageInfo:
        proc: subprocess.Popen[bytes] | None = getattr(self._local, "proc", None)
        if proc is None or proc.poll() is not None:
            proc = self._start()
            self._local.proc = proc
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(kind.encode("ascii")[:1] + len(data).to_bytes(8, "big"))
            proc.stdin.write(data)
            proc.stdin.flush()
            size = int.from_bytes(_read_exact(proc.stdout, 8), "big")
            fields = json.loads(_read_exact(proc.stdout, size))
            return ImageInfo(**fields)
        except (OSError, EOFError, ValueError, TypeError):
            with suppress(OSError):
                proc.kill()
            proc.wait()
            self._local.proc = None
            return ImageInfo(flags=[flag(FLAG_CRASHED)])

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._mutex:
            procs, self._procs = self._procs, []
        for proc in procs:
            with suppress(OSError):
                if proc.stdin is not None:
                    proc.stdin.close()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
