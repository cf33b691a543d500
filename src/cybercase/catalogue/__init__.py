"""The core's messages, one module per core package, each with an ``EN`` and an ``NL`` dict.

Keys start with the area (``cases.``, ``cyber.``, ...) so they never clash with the app's
keys in :mod:`cybercase.i18n`. The core builds its messages with :func:`cybercase.i18n.msg`;
the CLI prints them in English, the app in the chosen language.
"""

from __future__ import annotations

from types import ModuleType

from cybercase.catalogue import (
    cases,
    chat,
    cyber,
    evidence,
    export,
    privacy,
    protocol,
    remote,
    settings,
    trust,
    vault,
)

AREAS: tuple[ModuleType, ...] = (cases, chat, cyber, evidence, export, privacy, protocol,
                                 remote, settings, trust, vault)


def merged(language: str) -> dict[str, str]:
    """All core messages of one language ("EN" or "NL")."""
    out: dict[str, str] = {}
    for area in AREAS:
        out.update(getattr(area, language))
    return out


__all__ = ["AREAS", "merged"]
