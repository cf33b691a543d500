"""Words for the codes the core stores (a timeline event's kind, an audit action), in the
app's language: the lookup itself lives in :mod:`cybercase.core.labels`, shared with the
documents."""

from __future__ import annotations

from cybercase.core.labels import audit_action, event_kind

__all__ = ["audit_action", "event_kind"]
