"""Which part of an image the viewer shows: a zoom factor and a centre, as plain values.

``zoom`` 1 shows the whole image (fit); 2 shows half its width and half its height, and
so on. The centre is in image pixels and always kept where the shown part stays inside
the image. No Textual here: the screen maps keys and the mouse onto these moves.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_ZOOM = 16.0
STEP = 1.5  # one + or - multiplies or divides the zoom by this
PAN = 0.2  # one arrow key moves the shown part by this share of its size


@dataclass
class View:
    width: int  # the image's size in pixels
    height: int
    zoom: float = 1.0
    cx: float = 0.0
    cy: float = 0.0

    def __post_init__(self) -> None:
        self.fit()

    def fit(self) -> None:
        self.zoom = 1.0
        self.cx, self.cy = self.width / 2, self.height / 2

    def shown_size(self) -> tuple[float, float]:
        return self.width / self.zoom, self.height / self.zoom

    def _clamp(self) -> None:
        w, h = self.shown_size()
        self.cx = min(max(self.cx, w / 2), self.width - w / 2)
        self.cy = min(max(self.cy, h / 2), self.height - h / 2)

    def zoom_by(self, factor: float) -> None:
        self.zoom = min(MAX_ZOOM, max(1.0, self.zoom * factor))
        self._clamp()

    def pan(self, dx: float, dy: float) -> None:
        """Move by ``dx``, ``dy`` in shares of the shown part (1 = one whole view)."""
        w, h = self.shown_size()
        self.pan_pixels(dx * w, dy * h)

    def pan_pixels(self, dx: float, dy: float) -> None:
        self.cx += dx
        self.cy += dy
        self._clamp()

    def box(self) -> tuple[int, int, int, int]:
        """The shown part as a crop box (left, top, right, bottom) in whole pixels."""
        w, h = self.shown_size()
        left = round(self.cx - w / 2)
        top = round(self.cy - h / 2)
        right = max(left + 1, min(self.width, round(self.cx + w / 2)))
        bottom = max(top + 1, min(self.height, round(self.cy + h / 2)))
        return max(0, left), max(0, top), right, bottom
