"""Search hits as the app shows them (a row with the matched words marked) and what
opening one does: an image's text opens the image viewer with the words marked, a chat
message opens the conversation at that message; other hits open their case's tab."""

from __future__ import annotations

from typing import Any, cast

from rich.text import Text
from textual.app import App

from cybercase.core.i18n import t
from cybercase.tui.termsafe import safe_text
from cybercase.tui.viewer.opening import open_item
from cybercase.tui.widgets.base import CaseApp
from cybercase.tui.widgets.virtual_table import Row
from cybercase.vault import Vault
from cybercase.views.entries import Hit

OPEN, CLOSE = "«", "»"  # how the search marks the matched words in a snippet


def marked_text(snippet: str) -> Text:
    """A snippet with its «marks» shown as highlighted words (never as markup)."""
    out = Text()
    rest = snippet.replace("\n", " ")
    while OPEN in rest and CLOSE in rest.split(OPEN, 1)[1]:
        before, after = rest.split(OPEN, 1)
        word, rest = after.split(CLOSE, 1)
        out.append_text(safe_text(before))
        out.append_text(safe_text(word))
        out.stylize("bold black on yellow", len(out) - len(word), len(out))
    out.append_text(safe_text(rest))
    return out


def hit_row(hit: Hit) -> Row:
    found = marked_text(hit.snippet) if hit.snippet else Text(hit.label.replace("\n", " "))
    if hit.kind == "message" and hit.message is not None:
        found = Text.assemble(Text(f"#{hit.item}/{hit.message} ", style="dim"), found)
    return Row(hit, (Text(t(f"search.kind.{hit.kind}")), Text(hit.case_ref), found))


# which case tab a hit without a viewer opens
HIT_TABS = {"case": "overview", "person": "people", "evidence": "evidence",
            "account": "accounts", "note": "people"}


def open_hit_or_case(app: CaseApp, vault: Vault, hit: Hit, query: str) -> None:
    """A hit in text or a message opens its viewer, any other its case on the right tab."""
    if not open_hit(cast(App[Any], app), vault, hit, query):
        app.open_case(hit.case_ref, tab=HIT_TABS.get(hit.kind))


def open_hit(app: App[Any], vault: Vault, hit: Hit, query: str) -> bool:
    """Open a full-text hit in its viewer; False for hits that open a case tab instead."""
    if hit.item is None or hit.kind not in ("ocr", "message"):
        return False
    return open_item(app, vault, hit.item, message=hit.message, highlight=query.strip())
