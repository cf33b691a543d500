"""Looking at videos without trusting them: duration, creation time, codecs, frame size and
a still frame, read with PyAV (FFmpeg's libraries, shipped in wheels for Windows, macOS
and Linux).

Like ``imaging.py`` this file imports only the standard library, Pillow and PyAV: the
decoder processes load it by path. Everything is read from memory (``av.open`` on a
file-like object: bytes in memory, or the vault's chunks read through ``BlobReader``);
nothing decrypted is ever written to disk. Where PyAV cannot be imported, the facts say
so (``note``) and the item is stored as any file is.

Creation time: an iPhone writes ``com.apple.quicktime.creationdate`` with the local time
and its offset ("2026-11-20T14:32:05+0100"); every MP4/MOV/3GP has the movie header's
``creation_time``, which the standard defines as UTC (some Android phones write local time
there: the basis is recorded with the time, so nobody has to guess which was read).
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import IO, Any

from PIL import Image

_AV: list[Any] = []  # PyAV, imported on first use (half a second: never at start-up)

VIDEO_MIMES = ("video/mp4", "video/quicktime", "video/3gpp", "video/3gpp2", "video/x-m4v")
FLAG_VIDEO_UNREADABLE = "evidence.flag.video_unreadable"  # values: none
NOTE_NO_READER = "no_video_reader"
STILL_AT = 1.0  # seconds: past a black first frame, still at the start of short clips
MAX_STILL_PIXELS = 40_000_000
MAX_FRAMES = 300  # decoded at most while looking for the still (a broken index)
_APPLE_DATE = "com.apple.quicktime.creationdate"
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})$")


def is_video(mime: str) -> bool:
    return mime in VIDEO_MIMES


def reader() -> Any:
    """The PyAV module, or None where it cannot be imported (a note, never a failure)."""
    if not _AV:
        try:
            import av

            _AV.append(av)
        except Exception:  # ImportError or a broken FFmpeg library
            _AV.append(None)
    return _AV[0]


def _flag(key: str, **values: object) -> dict[str, Any]:
    return {"key": key, "values": values}


def _parse_time(text: str) -> datetime | None:
    value = text.strip()
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    match = _OFFSET.search(value)
    if match and ":" not in value[match.start():]:
        value = value[:match.start()] + f"{match.group(1)}{match.group(2)}:{match.group(3)}"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _creation(metadata: dict[str, str]) -> dict[str, Any]:
    """The recording time, as written and with the basis its offset was taken from."""
    apple = metadata.get(_APPLE_DATE)
    if apple:
        moment = _parse_time(apple)
        if moment is not None:
            return {"created": moment.isoformat(timespec="seconds"),
                    "created_as_written": apple[:40], "created_basis": "local_offset"}
    header = metadata.get("creation_time")
    if header:
        moment = _parse_time(header)
        if moment is not None and moment.year > 1970:  # 1904/1970: the field was left empty
            moment = moment.astimezone(UTC)
            return {"created": moment.isoformat(timespec="seconds"),
                    "created_as_written": header[:40], "created_basis": "utc_header"}
    return {"created": None, "created_as_written": None, "created_basis": None}


def probe(source: bytes | IO[bytes] | io.RawIOBase) -> dict[str, Any]:
    """Facts and flags of a video (JSON-ready). Never raises for bad content."""
    av = reader()
    if av is None:
        return {"facts": {"kind": "video", "note": NOTE_NO_READER}, "flags": []}
    name = f"PyAV {av.__version__}"

    stream_in = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with av.open(stream_in, mode="r", metadata_errors="ignore") as container:
            facts: dict[str, Any] = {"kind": "video", "reader": name}
            duration = container.duration
            facts["duration_s"] = round(duration / 1_000_000, 3) if duration else None
            facts.update(_creation(dict(container.metadata)))
            video = container.streams.video[0] if container.streams.video else None
            audio = container.streams.audio[0] if container.streams.audio else None
            if video is None:
                facts["video_codec"] = None
            else:
                facts["video_codec"] = video.codec_context.name
                facts["width"], facts["height"] = video.width, video.height
                rate = video.average_rate
                facts["frame_rate"] = round(float(rate), 2) if rate else None
                if facts["duration_s"] is None and video.duration and video.time_base:
                    facts["duration_s"] = round(float(video.duration * video.time_base), 3)
            facts["audio_codec"] = audio.codec_context.name if audio is not None else None
        return {"facts": facts, "flags": [] if video is not None else [
            _flag(FLAG_VIDEO_UNREADABLE)]}
    except Exception:  # untrusted input: any demuxer error is a flag, never its text
        return {"facts": {"kind": "video", "reader": name},
                "flags": [_flag(FLAG_VIDEO_UNREADABLE)]}


def still(source: bytes | IO[bytes] | io.RawIOBase, at: float = STILL_AT) -> Image.Image | None:
    """A frame near ``at`` seconds (the first one for shorter clips) as an RGB image,
    turned as the phone shows it; None when there is none. Never raises for bad content."""
    av = reader()
    if av is None:
        return None

    stream_in = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with av.open(stream_in, mode="r", metadata_errors="ignore") as container:
            if not container.streams.video:
                return None
            video = container.streams.video[0]
            if (video.width or 0) * (video.height or 0) > MAX_STILL_PIXELS:
                return None
            video.thread_type = "AUTO"
            target = None
            if video.time_base and container.duration and container.duration > at * 1e6:
                target = int(at / video.time_base)
                container.seek(target, stream=video, backward=True, any_frame=False)
            chosen = None
            for n, frame in enumerate(container.decode(video)):
                chosen = frame
                if target is None or frame.pts is None or frame.pts >= target or n >= MAX_FRAMES:
                    break
            if chosen is None:
                return None
            image = chosen.to_image()
            return _turned(image, getattr(chosen, "rotation", 0) or 0)
    except Exception:  # untrusted input: no still
        return None


def _turned(image: Image.Image, rotation: int) -> Image.Image:
    """The frame as shown: FFmpeg's display rotation is counter-clockwise degrees."""
    turns = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
             270: Image.Transpose.ROTATE_270, -90: Image.Transpose.ROTATE_270,
             -180: Image.Transpose.ROTATE_180, -270: Image.Transpose.ROTATE_90}
    turn = turns.get(int(rotation))
    return image.transpose(turn) if turn is not None else image
