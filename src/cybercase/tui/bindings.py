"""Key bindings whose descriptions follow the app's language.

A binding made with :func:`tbinding` carries its message key as its ``id``; after the
language changes, :func:`localize_bindings` rewrites the descriptions the footer shows.
The footer shows ``<key>.short`` where the catalogue has one (the footer is one line for
all keys of a screen); the help screen and the palette use the full text.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from cybercase.core.i18n import CATALOGUES, get_language, t


def tbinding(
    key: str, action: str, message_key: str, *, show: bool = True, priority: bool = False,
    key_display: str | None = None,
) -> Binding:
    return Binding(
        key, action, footer_label(message_key), show=show, priority=priority, id=message_key,
        key_display=key_display,
    )


def footer_label(message_key: str) -> str:
    """The footer's text for a binding: the short form when the catalogue has one."""
    short = f"{message_key}.short"
    if short in CATALOGUES[get_language()]:
        return t(short)
    return t(message_key)


def localize_bindings(node: DOMNode) -> None:
    """Re-translate the descriptions of ``node``'s bindings made with :func:`tbinding`."""
    # BindingsMap has no public way to replace a binding; its mapping is a plain dict.
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=footer_label(b.id)) if b.id and b.id in CATALOGUES["en"]
            else b
            for b in bindings
        ]
