"""The entries the read views are made of: agenda items, timeline events, search hits.

Their sources live in several modules (:mod:`cybercase.views.agenda`,
:mod:`cybercase.views.cyber_sources`, ...); this module is below all of them, so every
source can build entries and every view can list its sources explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from cybercase.core.timeutil import AMSTERDAM, from_iso
from cybercase.vault import Vault

if TYPE_CHECKING:
    from cybercase.cases.cases import Case


@dataclass
class AgendaItem:
    due: date
    case_ref: str
    kind: str
    what: str
    source: str  # e.g. "due 12": where the item comes from (for marking it done)

    def to_json(self, today: date) -> dict[str, Any]:
        return {
            "due": self.due.isoformat(), "case": self.case_ref, "kind": self.kind,
            "what": self.what, "source": self.source, "overdue": self.due < today,
            "days": (self.due - today).days,
        }


AgendaSource = Callable[[Vault], Iterable[AgendaItem]]


@dataclass
class Event:
    when: str  # a date YYYY-MM-DD, or a UTC timestamp
    entered_at: str
    kind: str
    what: str
    by: str | None = None

    @property
    def date_only(self) -> bool:
        return len(self.when) == 10

    def sort_key(self) -> tuple[str, int, str, str]:
        """By real time (Amsterdam day, then the time of day); an event known only by its
        day comes after the timed events of that day (it happened at some point of it, and
        "zaak geopend 08:43" must not follow a report made that day)."""
        if self.date_only:
            return (self.when, 1, "", self.entered_at)
        local = from_iso(self.when).astimezone(AMSTERDAM)
        return (local.date().isoformat(), 0, local.strftime("%H:%M:%S.%f"), self.entered_at)

    def to_json(self) -> dict[str, Any]:
        return {"when": self.when, "date_only": self.date_only, "entered_at": self.entered_at,
                "kind": self.kind, "what": self.what, "by": self.by}


EventSource = Callable[[Vault, "Case"], Iterable[Event]]


@dataclass(frozen=True)
class Hit:
    kind: str  # "case", "person", "evidence", ...
    case_ref: str
    label: str  # what matched: a title, a name, a description (user text)
    object: str  # e.g. "case 2026-001", "person 5", "evidence 12"
    # full-text hits: the item (and the message's position in its chat export) to open,
    # and the matched words in context, marked with « and »
    item: int | None = None
    message: int | None = None
    snippet: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "case": self.case_ref, "label": self.label,
                               "object": self.object}
        if self.item is not None:
            out["item"] = self.item
        if self.message is not None:
            out["message"] = self.message
        out["snippet"] = self.snippet if self.snippet is not None else self.label
        return out


SourceFn = Callable[[Vault, str, int], Iterable[Hit]]


@dataclass(frozen=True)
class Source:
    kind: str
    permission: str
    find: SourceFn


def like_pattern(text: str) -> str:
    """``text`` as a LIKE pattern matching it anywhere; ``%``, ``_`` and ``\\`` are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
