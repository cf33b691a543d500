"""The full-screen image viewer: fit, zoom (+/-, the mouse wheel), pan (arrows or hjkl,
dragging with the mouse), 0 back to fit; the OCR text beside the image on a wide terminal
and under it on a narrow one (``t`` shows or hides it); ``c`` shows a chat screenshot as
a conversation read from that text (shot_screen.py).

The image is decrypted into memory in a thread worker on a connection of its own
(``read_content``, audited as ``evidence.view``); only the shown part is handed to the
image widget: the terminal's graphics protocol where it has one (kitty, sixel), coloured
half-blocks otherwise (see imagekind.py). Nothing is written to disk.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

from PIL import Image as PILImage
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from cybercase.core.i18n import t
from cybercase.evidence import get_item
from cybercase.evidence.items import read_content
from cybercase.evidence.ocr import engine_info
from cybercase.tui.bindings import tbinding
from cybercase.tui.termsafe import safe_text
from cybercase.tui.viewer.ocr_panel import OcrPanel, marked
from cybercase.tui.viewer.zoom import PAN, STEP, View
from cybercase.tui.widgets.base import AppAccess
from cybercase.tui.widgets.evidence_image import EvidenceImage as ViewerImage

WIDE = 110  # from this many columns the OCR text stands beside the image, else under it
SHOWN_PIXELS = 2400  # the shown part is scaled down to this before it goes to the widget





class ImageViewerScreen(AppAccess, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("escape", "close", "key.back"),
        # one footer entry for the pair: "+/- zoomen" (both keys are in help by name)
        tbinding("plus,equals_sign", "zoom(1)", "viewer.key.zoom", key_display="+/-"),
        tbinding("minus", "zoom(-1)", "viewer.key.zoom_out", key_display="-", show=False),
        tbinding("0", "fit", "viewer.key.fit", show=False),
        tbinding("t", "toggle_text", "viewer.key.text"),
        tbinding("c", "as_chat", "viewer.key.as_chat"),
        Binding("left,h", "pan(-1,0)", show=False),
        Binding("right,l", "pan(1,0)", show=False),
        Binding("up,k", "pan(0,-1)", show=False),
        Binding("down,j", "pan(0,1)", show=False),
    ]
    DEFAULT_CSS = """
    ImageViewerScreen #viewer-body { layout: vertical; height: 1fr; }
    ImageViewerScreen #viewer-body.-wide { layout: horizontal; }
    ImageViewerScreen #viewer-stage { width: 1fr; height: 1fr; align: center middle; }
    ImageViewerScreen #viewer-image { width: auto; height: auto; }
    ImageViewerScreen #viewer-note { width: 1fr; height: auto; content-align: center middle; }
    ImageViewerScreen #viewer-text-box { height: 40%; width: 1fr; padding: 0 1;
        border-top: solid $primary; }
    ImageViewerScreen #viewer-body.-wide #viewer-text-box { height: 1fr; width: 45%;
        max-width: 70; border-top: none; border-left: solid $primary; }
    ImageViewerScreen #viewer-body.-no-text #viewer-text-box { display: none; }
    ImageViewerScreen OcrPanel { width: 100%; height: auto; }
    ImageViewerScreen #viewer-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, item_id: int, highlight: str = "") -> None:
        super().__init__()
        self.item_id = item_id
        self.highlight = highlight
        self.original: PILImage.Image | None = None
        self.view: View | None = None
        self._drag: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        item = get_item(self.vault, self.item_id)
        self.title = t("viewer.image_title", id=item.id)
        yield Header()
        with Container(id="viewer-body"):
            with Container(id="viewer-stage"):
                yield Static(Text(t("evidence.preview_loading")), id="viewer-note")
                yield ViewerImage(None, id="viewer-image")
            # not focusable: the arrow keys pan the image (the wheel scrolls the text)
            with VerticalScroll(id="viewer-text-box", can_focus=False):
                yield OcrPanel(item.id, self.highlight)
        status = Text(f"#{item.id} ", style="bold")
        status.append_text(safe_text(item.original_name))
        yield Static(status, id="viewer-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._layout(self.size.width)
        self._decode()

    def on_resize(self, event: events.Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.query_one("#viewer-body").set_class(width >= WIDE, "-wide")

    # --- decoding -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="viewer", exit_on_error=False)
    def _decode(self) -> PILImage.Image:
        with self.vault.sibling() as vault:  # not on the app's connection
            _item, data = read_content(vault, self.item_id, purpose="viewer in the app")
        with PILImage.open(io.BytesIO(data)) as img:
            img.load()
            return img.convert("RGB")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "viewer" or not self.is_attached:
            return
        note = self.query_one("#viewer-note", Static)
        if event.state == WorkerState.SUCCESS:
            image = event.worker.result
            assert isinstance(image, PILImage.Image)
            panel = self.query_one(OcrPanel)
            self.original = marked(image, panel.reading, self.highlight)
            self.view = View(image.width, image.height)
            note.display = False
            self._show()
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, (OSError, ValueError, PILImage.DecompressionBombError)):
                note.update(Text(t("evidence.preview_failed")))
            elif error is not None:
                note.update("")
                self.cyber.show_error(error)

    # --- what is shown --------------------------------------------------------------------

    def _show(self) -> None:
        if self.original is None or self.view is None:
            return
        box = self.view.box()
        part = self.original.crop(box)
        part.thumbnail((SHOWN_PIXELS, SHOWN_PIXELS))
        widget: Any = self.query_one("#viewer-image", ViewerImage)
        widget.image = part
        left, top, right, bottom = box
        status = self.query_one("#viewer-status", Static)
        text = Text(f"#{self.item_id}  ", style="bold")
        text.append(t("viewer.zoom_status", zoom=f"{self.view.zoom:.1f}",
                      width=self.view.width, height=self.view.height,
                      box=f"{left},{top}–{right},{bottom}"))
        status.update(text)

    def action_zoom(self, direction: int) -> None:
        if self.view is not None:
            self.view.zoom_by(STEP if direction > 0 else 1 / STEP)
            self._show()

    def action_fit(self) -> None:
        if self.view is not None:
            self.view.fit()
            self._show()

    def action_pan(self, dx: int, dy: int) -> None:
        if self.view is not None:
            self.view.pan(dx * PAN, dy * PAN)
            self._show()

    def action_toggle_text(self) -> None:
        self.query_one("#viewer-body").toggle_class("-no-text")

    def action_as_chat(self) -> None:
        """The screenshot as a conversation read from its OCR text (derived)."""
        if self.query_one(OcrPanel).reading is None:
            missing = not engine_info().available
            self.notify(t("viewer.ocr_missing" if missing else "viewer.shot_no_reading"),
                        markup=False)
            return
        from cybercase.tui.viewer.shot_screen import ShotConversationScreen

        self.app.push_screen(ShotConversationScreen(self.item_id, self.highlight))

    def action_close(self) -> None:
        self.dismiss(None)

    # --- the mouse: the wheel zooms, dragging pans ------------------------------------------

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if self._on_image(event):
            event.stop()
            self.action_zoom(1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self._on_image(event):
            event.stop()
            self.action_zoom(-1)

    def _on_image(self, event: events.MouseEvent) -> bool:
        stage = self.query_one("#viewer-stage")
        return stage.region.contains(event.screen_x, event.screen_y)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self._on_image(event):
            self._drag = (event.screen_x, event.screen_y)
            self.capture_mouse()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag is not None:
            self._drag = None
            self.capture_mouse(False)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag is None or self.view is None:
            return
        widget = self.query_one("#viewer-image", ViewerImage)
        cols, rows = max(widget.size.width, 1), max(widget.size.height, 1)
        x, y = self._drag
        self._drag = (event.screen_x, event.screen_y)
        w, h = self.view.shown_size()
        # dragging moves the image with the pointer: the view goes the other way
        self.view.pan_pixels(-(event.screen_x - x) * w / cols,
                             -(event.screen_y - y) * h / rows)
        self._show()
