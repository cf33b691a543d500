"""Which viewer an evidence item opens in: a chat export as a conversation, an image in
the image viewer; other items say they have no viewer."""

from __future__ import annotations

from typing import Any

from textual.app import App

from cybercase.core.i18n import t
from cybercase.evidence import get_item
from cybercase.evidence.chat import chat_summary
from cybercase.vault import Vault


def open_item(app: App[Any], vault: Vault, item_id: int, *, message: int | None = None,
              highlight: str = "") -> bool:
    """Push the item's viewer; False (and a notice) when it has none."""
    item = get_item(vault, item_id)
    if chat_summary(vault, item.id) is not None:
        from cybercase.tui.viewer.chat_screen import ConversationScreen

        app.push_screen(ConversationScreen(item.id, start=message or 1, highlight=highlight))
        return True
    if item.mime.startswith("image/"):
        from cybercase.tui.viewer.image_screen import ImageViewerScreen

        app.push_screen(ImageViewerScreen(item.id, highlight=highlight))
        return True
    app.notify(t("viewer.media_not_image", id=item.id, mime=item.mime), markup=False)
    return False
