"""A media message of a chat export opens its item: an iOS export ZIP with a photo
(real ingest: the photo becomes an item of its own, linked to its message), opened as a
conversation under Pilot; enter on the media message shows the photo in the viewer."""

from __future__ import annotations

from pathlib import Path

from cybercase.cases.cases import create_case
from cybercase.evidence.ingest import ingest
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.viewer.chat_screen import ConversationScreen
from cybercase.tui.viewer.conversation import ConversationView
from cybercase.tui.viewer.image_screen import ImageViewerScreen
from cybercase.tui.widgets.virtual_table import VirtualTable
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, open_tab, settle, wait_until
from tests.unit.test_chat_exports import PHOTO, export_zip


async def test_media_message_opens_its_photo(vault_dir: Path, tmp_path: Path,
                                             app_factory: AppFactory, unlock: Unlock) -> None:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        ref = create_case(vault, "Groep 7B", "7b", 2).ref
        [result] = ingest(vault, ref, [str(export_zip(tmp_path / "WhatsApp Chat.zip"))],
                          workers=0)
        export_id = result.id
    finally:
        vault.close()
    app = app_factory(vault_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        table = screen.query_one(EvidencePane).query_one(VirtualTable)
        table.focus()
        assert table.move_to_key(export_id)
        await pilot.press("enter")
        await settle(pilot)
        chat = pilot.app.screen
        assert isinstance(chat, ConversationScreen)
        view = chat.query_one(ConversationView)
        assert PHOTO in view.text() and "enter" in view.text()
        await pilot.press("down", "down", "down")
        message = view.source.get(view.cursor)
        assert message is not None and message.media_item is not None
        await pilot.press("enter")
        await settle(pilot)
        viewer = pilot.app.screen
        assert isinstance(viewer, ImageViewerScreen)
        assert viewer.item_id == message.media_item
        await wait_until(pilot, lambda: viewer.view is not None, "the photo decoded")
        assert viewer.view is not None and (viewer.view.width, viewer.view.height) == (64, 48)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is chat
