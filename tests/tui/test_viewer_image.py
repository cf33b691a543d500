"""The image viewer, search in the app and OCR in the background, under Pilot on a real
vault with a Pillow-drawn Dutch chat screenshot read by the real Tesseract: fit, zoom and
pan with keys and the mouse wheel, the OCR text beside (120x40) or under (80x24) the
image labelled as derived, the searched words marked; the dashboard's search opens an
image hit in the viewer and a chat hit in the conversation at that message; the evidence
tab shows the OCR progress that the app's background runner makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from cybercase.cases.cases import create_case
from cybercase.demo.chatshots import chat_png
from cybercase.evidence.ingest import ingest
from cybercase.evidence.ocr import engine_info, run_pending
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.viewer.case_search import CaseSearchModal
from cybercase.tui.viewer.chat_screen import ConversationScreen
from cybercase.tui.viewer.conversation import ConversationView
from cybercase.tui.viewer.image_screen import ImageViewerScreen
from cybercase.tui.viewer.ocr_panel import OcrPanel
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.views.search import Hit
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import (
    AppFactory,
    Unlock,
    open_tab,
    settle,
    wait_until,
    widget_text,
)

pytestmark = pytest.mark.skipif(not engine_info().available,
                                reason="tesseract is not installed")

CHAT = (
    "20-11-2026 14:30 - Daan: hoi\n"
    "20-11-2026 14:32 - Lotte: jij stinkt echt\n"
    "21-11-2026 08:01 - Sem: hoezo\n"
)


def _vault(vault_dir: Path, tmp_path: Path, read: bool) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Groepsapp 7b", "7b", 2)
        shot = tmp_path / "IMG_0412.PNG"
        shot.write_bytes(chat_png())
        chat = tmp_path / "WhatsApp-chat met Groep 7b.txt"
        chat.write_text(CHAT, encoding="utf-8")
        ingest(vault, case.ref, [str(shot), str(chat)], workers=0)
        if read:
            assert run_pending(vault).done == 1
    finally:
        vault.close()
    return vault_dir


@pytest.fixture
def read_vault(vault_dir: Path, tmp_path: Path) -> Path:
    return _vault(vault_dir, tmp_path, read=True)


async def _open_image(pilot: Any, unlock: Unlock) -> ImageViewerScreen:
    screen = await open_tab(pilot, unlock, "evidence")
    table = screen.query_one(EvidencePane).query_one(VirtualTable)
    table.focus()
    table.cursor_row = 0  # the screenshot
    await pilot.press("o")
    await settle(pilot)
    viewer = pilot.app.screen
    assert isinstance(viewer, ImageViewerScreen), viewer
    await wait_until(pilot, lambda: viewer.view is not None, "the image decoded")
    return viewer


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_viewer_zoom_pan_fit(read_vault: Path, app_factory: AppFactory,
                                   unlock: Unlock, size: tuple[int, int]) -> None:
    app = app_factory(read_vault)
    async with app.run_test(size=size) as pilot:
        viewer = await _open_image(pilot, unlock)
        view = viewer.view
        assert view is not None and view.box() == (0, 0, 1170, 2532)
        body = viewer.query_one("#viewer-body")
        assert body.has_class("-wide") == (size[0] >= 110)
        panel = viewer.query_one(OcrPanel)
        # beside the image when wide, under it when narrow; both on screen
        image_region = viewer.query_one("#viewer-stage").region
        text_region = viewer.query_one("#viewer-text-box").region
        if size[0] >= 110:
            assert text_region.x >= image_region.right - 1
        else:
            assert text_region.y >= image_region.bottom - 1
        assert text_region.height >= 5 and image_region.height >= 5
        shown = widget_text(panel)
        assert "Text recognised by OCR (may contain mistakes)" in shown
        assert "stinkt" in panel.reading.text if panel.reading else False
        status = widget_text(viewer.query_one("#viewer-status"))
        assert "zoom 1.0×" in status and "1170 × 2532" in status

        await pilot.press("plus")
        assert view.zoom == pytest.approx(1.5)
        left, top, right, bottom = view.box()
        assert (right - left, bottom - top) == (780, 1688)
        await pilot.press("right", "down")
        moved = view.box()
        assert moved[0] > left and moved[1] > top
        await pilot.press("l", "l", "l", "l", "l", "l")  # stops at the edge
        assert view.box()[2] == 1170
        await pilot.press("minus")
        assert view.zoom == pytest.approx(1.0) and view.box() == (0, 0, 1170, 2532)
        await pilot.press("plus", "plus", "0")
        assert view.zoom == 1.0 and view.box() == (0, 0, 1170, 2532)
        # the wheel over the image zooms
        stage = viewer.query_one("#viewer-stage").region
        x, y = stage.x + stage.width // 2, stage.y + stage.height // 2
        viewer.post_message(events.MouseScrollUp(viewer, x, y, 0, -1, 0, False, False, False,
                                                 screen_x=x, screen_y=y))
        await pilot.pause()
        assert view.zoom == pytest.approx(1.5)
        # dragging pans: the image follows the pointer
        before = view.box()
        await pilot.mouse_down(viewer.query_one("#viewer-stage"))
        viewer.post_message(events.MouseMove(viewer, x - 5, y - 5, -5, -5, 1, False, False,
                                             False, screen_x=x - 5, screen_y=y - 5))
        await pilot.pause()
        await pilot.mouse_up(viewer.query_one("#viewer-stage"))
        assert view.box() != before
        await pilot.pause()
        assert "zoom 1.5×" in widget_text(viewer.query_one("#viewer-status"))
        await pilot.press("t")
        assert body.has_class("-no-text")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ImageViewerScreen)


async def _dashboard_search(pilot: Any, text: str) -> VirtualTable:
    box = pilot.app.screen.query_one("#search", Input)
    box.focus()
    box.value = text
    results = pilot.app.screen.query_one("#search-results", VirtualTable)
    await wait_until(pilot, lambda: results.display and results.row_count > 0,
                     "search results")
    return results


async def test_dashboard_search_opens_hits(read_vault: Path, app_factory: AppFactory,
                                           unlock: Unlock) -> None:
    app = app_factory(read_vault)
    async with app.run_test(size=(120, 40)) as pilot:
        await unlock(pilot)
        results = await _dashboard_search(pilot, "stinkt")
        hits = [results.row(i).key for i in range(results.row_count)]  # type: ignore[union-attr]
        kinds = [h.kind for h in hits if isinstance(h, Hit)]
        assert "ocr" in kinds and "message" in kinds
        results.focus()
        results.cursor_row = kinds.index("ocr")
        await pilot.press("enter")
        await settle(pilot)
        viewer = pilot.app.screen
        assert isinstance(viewer, ImageViewerScreen) and viewer.highlight == "stinkt"
        await wait_until(pilot, lambda: viewer.view is not None, "the image decoded")
        panel = viewer.query_one(OcrPanel)
        text = panel.render()
        assert any("yellow" in str(span.style) for span in text.spans)  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause()

        results = pilot.app.screen.query_one("#search-results", VirtualTable)
        results.focus()
        results.cursor_row = kinds.index("message")
        await pilot.press("enter")
        await settle(pilot)
        chat = pilot.app.screen
        assert isinstance(chat, ConversationScreen)
        view = chat.query_one(ConversationView)
        assert view.cursor == 2 and "jij stinkt echt" in view.text()
        assert "search: stinkt" in view.text()


async def test_background_ocr_progress(vault_dir: Path, tmp_path: Path,
                                       app_factory: AppFactory, unlock: Unlock) -> None:
    _vault(vault_dir, tmp_path, read=False)
    app = app_factory(vault_dir, ocr=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        line = screen.query_one(EvidencePane).query_one("#ocr-line")
        await wait_until(pilot, lambda: "OCR: 1 of 1 done" in widget_text(line),
                         "the background OCR", timeout=120)


async def test_search_inside_a_case(read_vault: Path, app_factory: AppFactory,
                                    unlock: Unlock) -> None:
    app = app_factory(read_vault)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        screen.query_one(EvidencePane).focus_main()
        await pilot.press("f")
        await settle(pilot)
        modal = pilot.app.screen
        assert isinstance(modal, CaseSearchModal)
        modal.query_one("#case-query", Input).value = "niemand"
        hits = modal.query_one("#case-hits", VirtualTable)
        await wait_until(pilot, lambda: hits.row_count > 0, "hits in the case")
        found = hits.row(0)
        assert found is not None and isinstance(found.key, Hit) and found.key.kind == "ocr"
        assert "Niemand" in " ".join(c.plain for c in found.cells)
        hits.focus()
        await pilot.press("enter")
        await settle(pilot)
        viewer = pilot.app.screen
        assert isinstance(viewer, ImageViewerScreen) and viewer.highlight == "niemand"
