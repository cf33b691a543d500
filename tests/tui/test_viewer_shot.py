"""A chat screenshot as a conversation in the app, under Pilot on a real vault with the
demo's drawn screenshot read by the real Tesseract: ``c`` in the image viewer opens the
conversation view with the derived label, senders, shown times and OCR confidence;
search within folds case and diacritics; ``m`` says key messages cannot be marked on an
OCR reading; an image without a reading gets one line instead. In Dutch and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cybercase.cases.cases import create_case
from cybercase.core.folding import fold
from cybercase.core.i18n import set_language
from cybercase.demo.chatshots import chat_png
from cybercase.evidence.ingest import ingest
from cybercase.evidence.ocr import engine_info, run_pending
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.keyguard import GRACE
from cybercase.tui.viewer.conversation import ConversationView
from cybercase.tui.viewer.image_screen import ImageViewerScreen
from cybercase.tui.viewer.shot_screen import ShotConversationScreen
from cybercase.tui.widgets.virtual_table import VirtualTable
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, open_tab, settle, wait_until, widget_text

pytestmark = pytest.mark.skipif(not engine_info().available,
                                reason="tesseract is not installed")


def _vault(vault_dir: Path, tmp_path: Path, read: bool) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Groepsapp 7b", "7b", 2)
        shot = tmp_path / "IMG_0412.PNG"
        shot.write_bytes(chat_png())
        ingest(vault, case.ref, [str(shot)], workers=0)
        if read:
            assert run_pending(vault).done == 1
    finally:
        vault.close()
    return vault_dir


async def _open_image(pilot: Any, unlock: Unlock) -> ImageViewerScreen:
    screen = await open_tab(pilot, unlock, "evidence")
    table = screen.query_one(EvidencePane).query_one(VirtualTable)
    table.focus()
    table.cursor_row = 0
    await pilot.press("o")
    await settle(pilot)
    viewer = pilot.app.screen
    assert isinstance(viewer, ImageViewerScreen), viewer
    return viewer


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_screenshot_as_conversation(vault_dir: Path, tmp_path: Path,
                                          app_factory: AppFactory, unlock: Unlock,
                                          language: str) -> None:
    app = app_factory(_vault(vault_dir, tmp_path, read=True))
    set_language(language)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            viewer = await _open_image(pilot, unlock)
            await pilot.press("c")
            await settle(pilot)
            screen = pilot.app.screen
            assert isinstance(screen, ShotConversationScreen), screen
            head = widget_text(screen.query_one("#chat-head"))
            view = screen.query_one(ConversationView)
            shown = view.text()
            if language == "nl":
                assert "afgeleid uit OCR van item 1; kan fouten bevatten" in head
                assert "berichten gelezen uit de schermafbeelding" in head
                assert "verzonden (eigenaar telefoon)" in shown
            else:
                assert "derived from the OCR of item 1; may contain mistakes" in head
                assert "sent (phone's owner)" in shown
            assert "Daan  [19:02]  #1  OCR " in shown
            assert "Heb je die foto van Sanne gezien?" in shown
            # search within folds case and diacritics: "EEN KEER" finds "Één keer nog"
            await pilot.press("slash")
            await pilot.press(*"EEN", "space", *"KEER")
            await pilot.press("enter")
            await settle(pilot)
            found = view.source.get(view.cursor)
            # (drawn "Één keer", OCR reads "Eén" or "Één": both found from "EEN KEER")
            assert found is not None and fold(found.text).startswith("een keer")
            assert found.text[:3] != "Een"  # the accent was there: found by folding
            assert found.sender == "Daan"
            # key messages cannot be attached to OCR-derived messages: said, nothing marked
            await pilot.pause(GRACE)  # the search was typed in a field just now
            await pilot.press("m")
            await settle(pilot)
            assert isinstance(pilot.app.screen, ShotConversationScreen)
            notes = [str(n.message) for n in pilot.app._notifications]
            assert any("Kernberichten kunnen hier niet" in n or "Key messages cannot" in n
                       for n in notes)
            await pilot.press("escape")
            await settle(pilot)
            assert pilot.app.screen is viewer
    finally:
        set_language("en")


async def test_screenshot_without_reading_one_line(vault_dir: Path, tmp_path: Path,
                                                   app_factory: AppFactory,
                                                   unlock: Unlock) -> None:
    app = app_factory(_vault(vault_dir, tmp_path, read=False))
    async with app.run_test(size=(120, 40)) as pilot:
        viewer = await _open_image(pilot, unlock)
        await wait_until(pilot, lambda: viewer.view is not None, "the image decoded")
        await pilot.press("c")
        await settle(pilot)
        assert pilot.app.screen is viewer  # nothing opened
        notes = [str(n.message) for n in pilot.app._notifications]
        assert any("has no OCR text yet" in n for n in notes), notes
