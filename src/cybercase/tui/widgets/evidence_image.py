"""The one image widget for evidence (the evidence tab's preview, the viewer, the print
review): the best kind for this terminal, chosen at import (a graphics protocol where the
terminal answered a graphics query, half-blocks otherwise: see imagekind.py). It takes a
Pillow image, so decrypted bytes stay in memory."""

from __future__ import annotations

from typing import Any

from cybercase.tui.imagekind import image_class

_BestImage: Any = image_class()


class EvidenceImage(_BestImage, Renderable=_BestImage._Renderable):  # type: ignore[misc,call-arg]
    """On removal (closing the screen, locking) it tells a graphics terminal to forget the
    image (kitty keeps transmitted images in its memory until told)."""

    def on_unmount(self) -> None:
        self.image = None
