"""The warnings kept with an evidence item (its ``flags``): stored as key + values.

A flag is a :class:`~cybercase.core.i18n.Msg`; in the vault (``evidence_items.flags``, a
JSON list) each one is ``{"key": ..., "values": {...}}``, so the app shows it in its
language and the CLI in English without ever parsing English text back. The image
decoder runs in processes that load only ``imaging.py`` and Pillow: it hands over the
same ``{"key", "values"}`` records (:func:`from_record`). Text that is not a Msg (none is
written today; a vault written before migration 10 may hold a warning that was not one of
the core's) is stored and shown as it is. Migration 10 converted the English text older
vaults held.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from cybercase.core.i18n import from_record as _from_record
from cybercase.core.i18n import to_record

# every flag the core writes (the decoder's keys are in imaging.FLAG_*)
FLAG_KEYS = (
    "evidence.flag.too_large", "evidence.flag.bomb", "evidence.flag.damaged",
    "evidence.flag.unreadable", "evidence.flag.crashed", "evidence.flag.mismatch",
    "evidence.flag.big_image", "evidence.flag.changed",
    # iPhone photos and videos (imaging.py, video.py)
    "evidence.flag.no_heif_reader", "evidence.flag.video_unreadable",
    # chat exports (cybercase.evidence.chat)
    "chat.flag.zip_members", "chat.flag.zip_member_big", "chat.flag.zip_bomb",
    "chat.flag.zip_total", "chat.flag.zip_unreadable", "chat.flag.zip_unsafe",
    "chat.flag.zip_link", "chat.flag.zip_encrypted", "chat.flag.zip_twice",
    "chat.flag.too_big", "chat.flag.not_utf8", "chat.flag.order_conflict",
    "chat.flag.media_missing", "chat.flag.media_left",
)


def record(flag: str) -> object:
    """``flag`` as it is stored: ``{"key", "values"}`` for a Msg, else the text."""
    return to_record(flag)


def from_record(stored: object) -> str:
    """A stored flag (or one from the decoder) as the Msg it was made from."""
    made = _from_record(stored)
    return made if isinstance(made, str) else str(made)


def dumps(flags: Iterable[str]) -> str:
    """The JSON kept in ``evidence_items.flags``."""
    return json.dumps([record(f) for f in flags], ensure_ascii=False)


def loads(text: str) -> list[str]:
    """The flags of a stored item, each a Msg where it was stored as one."""
    stored = json.loads(text)
    return [from_record(f) for f in stored] if isinstance(stored, list) else []


__all__ = ["FLAG_KEYS", "dumps", "from_record", "loads", "record"]
