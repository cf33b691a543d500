"""The warnings kept with an evidence item (its ``flags``) as Msg, for the app's language.

Images are decoded in separate processes that load only ``imaging.py`` and Pillow, so the
decoder's warnings arrive as English text; older items hold English text in the vault. Both
are recognised here against the catalogue's English templates and turned back into a Msg
(which is still the same English text as a ``str``); anything not recognised stays as is.
"""

from __future__ import annotations

import re
import string

from cybercase.core.i18n import CATALOGUES, msg

# every flag the core writes; the decoder's templates are checked against these by a test
FLAG_KEYS = (
    "evidence.flag.too_large", "evidence.flag.bomb", "evidence.flag.damaged",
    "evidence.flag.unreadable", "evidence.flag.crashed", "evidence.flag.mismatch",
    "evidence.flag.big_image", "evidence.flag.changed",
    # chat exports (cybercase.evidence.chat)
    "chat.flag.zip_members", "chat.flag.zip_member_big", "chat.flag.zip_bomb",
    "chat.flag.zip_total", "chat.flag.zip_unreadable", "chat.flag.zip_unsafe",
    "chat.flag.zip_link", "chat.flag.zip_encrypted", "chat.flag.zip_twice",
    "chat.flag.too_big", "chat.flag.not_utf8", "chat.flag.order_conflict",
    "chat.flag.media_missing", "chat.flag.media_left",
)


def _pattern(template: str) -> tuple[re.Pattern[str], dict[str, bool]]:
    parts: list[str] = []
    numeric: dict[str, bool] = {}
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            if name in numeric:
                parts.append(f"(?P={name})")
                continue
            numeric[name] = bool(spec)
            parts.append(f"'(?P<{name}>.*?)'" if conversion == "r" else f"(?P<{name}>.*?)")
    return re.compile("".join(parts), re.S), numeric


_PATTERNS = [(key, *_pattern(CATALOGUES["en"][key])) for key in FLAG_KEYS]


def flag_msg(text: str) -> str:
    """``text`` as the Msg it was made from, when it is one of the core's flags."""
    for key, pattern, numeric in _PATTERNS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        values: dict[str, object] = {}
        try:
            for name, is_number in numeric.items():
                values[name] = float(found[name]) if is_number else found[name]
        except ValueError:
            continue
        made = msg(key, **values)
        if made == text:
            return made
    return text
