"""What the police report shows, gathered by the export before the bag is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cybercase.cases.cases import Case
from cybercase.documents.previews import Preview
from cybercase.evidence.items import Item
from cybercase.vault.audit import AuditEntry
from cybercase.views.timeline import Event


@dataclass
class ReportInput:
    """Everything the report shows, gathered before the bag is written (building the
    report does not touch the vault, so it can run beside the writer)."""

    school: str
    coordinator: str
    case: Case
    chosen: list[Item]
    records: list[dict[str, Any]]
    events: list[tuple[int, AuditEntry]]
    timeline: list[Event]
    withdrawn: list[Item]
    not_chosen: list[Item]
    started: str
    bag_name: str
    preview: Callable[[int], Preview | None]
    this_export: int | None = None  # the audit seq of this export's start
