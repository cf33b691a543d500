"""Words for the codes the core stores, in one place for every face and document.

A timeline event's kind and an audit action are kept as codes ("case.opened",
"person.add") and shown in the reader's language (``timeline.kind.X`` and
``audit.action.X`` in the catalogues). A code without a text (a newer version's action
in an old app) is shown as it is on screen; a printed document passes ``fallback`` so no
code reaches paper.
"""

from __future__ import annotations

from cybercase.core.i18n import CATALOGUES, get_language, render


def _word(key: str, language: str | None, fallback: str | None, code: str) -> str:
    language = language or get_language()
    if key in CATALOGUES.get(language, {}):
        return render(language, key)
    return fallback if fallback is not None else code


def event_kind(kind: str, language: str | None = None) -> str:
    return _word(f"timeline.kind.{kind}", language, None, kind)


def audit_action(action: str, language: str | None = None, fallback: str | None = None
                 ) -> str:
    """``person.add`` -> "person added" / "persoon toegevoegd" (``language``: the app's
    when not given)."""
    return _word(f"audit.action.{action}", language, fallback, action)


__all__ = ["audit_action", "event_kind"]
