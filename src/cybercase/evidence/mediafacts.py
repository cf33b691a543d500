"""The measured facts of a photo or video (``Item.media``) as labelled lines, for the app's
details, the CLI and the report: the same facts everywhere, each face choosing its
language (the labels are catalogue messages) and its way of writing a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cybercase.core.i18n import Msg, msg


def fact_lines(media: dict[str, Any] | None,
               when: Callable[[str], str] = str) -> list[tuple[Msg, str]]:
    """(label, value) pairs of what was measured; ``when`` writes a stored ISO time."""
    if not media:
        return []
    lines: list[tuple[Msg, str]] = []
    if media.get("kind") == "video":
        if media.get("note") == "no_video_reader":
            return [(msg("report.itempage.video"), msg("media.no_reader"))]
        if media.get("duration_s") is not None:
            lines.append((msg("media.duration"),
                          msg("media.duration_value", seconds=float(media["duration_s"]))))
        created, basis = media.get("created"), media.get("created_basis")
        if created and basis in ("local_offset", "utc_header"):
            lines.append((msg("media.created"),
                          msg(f"media.created.{basis}", time=when(str(created)))))
        if media.get("video_codec"):
            lines.append((msg("media.codec"), msg(
                "media.codec_value", video=media["video_codec"],
                audio=media.get("audio_codec") or "-")))
        if media.get("width"):
            lines.append((msg("media.frame"), msg(
                "media.frame_value", width=media["width"], height=media["height"],
                fps=media.get("frame_rate") or "?")))
        return lines
    camera = " ".join(str(media[k]) for k in ("make", "model") if media.get(k))
    if camera:
        lines.append((msg("media.camera"), camera))
    if media.get("exif_offset"):
        lines.append((msg("media.exif_offset"), str(media["exif_offset"])))
    if media.get("orientation") not in (None, 1):
        lines.append((msg("media.orientation"), str(media["orientation"])))
    return lines
