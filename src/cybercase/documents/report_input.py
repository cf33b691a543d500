"""What the police report shows, gathered by the export before the bag is written."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cybercase.cases.cases import Case
from cybercase.documents.previews import Preview
from cybercase.evidence.chat.messages import Message
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
    # the named contact (the vault's settings; see vault/settings.py): missing keys are
    # printed as '-'
    contact: dict[str, str] = field(default_factory=dict)
    chats: dict[int, list[Message]] = field(default_factory=dict)  # item id -> messages
    texts: dict[int, str] = field(default_factory=dict)  # item id -> a text file's start
    # the key messages (kernberichten) of those chats: (item id, message n) -> note
    keys: dict[tuple[int, int], str] = field(default_factory=dict)
    accounts: list[dict[str, Any]] = field(default_factory=list)  # the register (to_json)
    referrals: list[dict[str, Any]] = field(default_factory=list)
    police: list[dict[str, Any]] = field(default_factory=list)
    phases: dict[int, str] = field(default_factory=dict)  # phase number -> Dutch name

    @functools.cached_property
    def numbers(self) -> dict[int, int]:
        """Item id -> file number, made once (asked for every item, in every section)."""
        return {item.id: file_number(str(record["file"]))
                for item, record in zip(self.chosen, self.records, strict=True)}

    def number(self, item_id: int) -> int:
        """The item's number in the report: its file's number in the bag (001_...)."""
        return self.numbers.get(item_id, item_id)


def file_number(file: str) -> int:
    """``data/evidence/003_note.txt`` -> 3."""
    name = file.rsplit("/", 1)[-1]
    digits = name[:3]
    return int(digits) if digits.isdigit() else 0
