"""Texts that already exist in both languages (a protocol's ``name_en`` / ``name_nl``).

:func:`pair` wraps them as a :class:`~cybercase.i18n.Msg` value, so a core message can name
a protocol step or role and still follow the app's language when localized; as a ``str``
it is the English text, like every other Msg.
"""

from __future__ import annotations

from cybercase.i18n import Msg, get_language


class Pair(Msg):
    """An English and a Dutch text of the same thing; ``str`` of it is the English."""

    nl: str

    def __new__(cls, en: str, nl: str) -> Pair:
        obj = str.__new__(cls, en)
        obj.key = ""
        obj.params = {}
        obj.nl = nl
        return obj

    def localized(self, language: str | None = None) -> str:
        return self.nl if (language or get_language()) == "nl" else str(self)


def pair(en: str, nl: str) -> Msg:
    """``en`` for the CLI, ``nl`` when the app shows Dutch."""
    return Pair(en, nl)


__all__ = ["Pair", "pair"]
