"""Words for the codes the core stores: a timeline event's kind and an audit action are
kept as codes ("case.opened", "evidence.ingest") and shown in the reader's language; a
code without a text (a newer version's action in an old app) is shown as it is."""

from __future__ import annotations

from cybercase.core.i18n import CATALOGUES, get_language, t


def _has(key: str) -> bool:
    return key in CATALOGUES[get_language()]


def event_kind(kind: str) -> str:
    return t(f"timeline.kind.{kind}") if _has(f"timeline.kind.{kind}") else kind


def audit_action(action: str) -> str:
    return t(f"audit.action.{action}") if _has(f"audit.action.{action}") else action


__all__ = ["audit_action", "event_kind"]
