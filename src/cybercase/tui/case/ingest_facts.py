"""What the coordinator states in the ingest dialog, as values the dialog can read, keep
and put back: one set for the whole batch, or one set per file ("Feiten per bestand"),
and kept from one batch to the next until she clears them (issue #20, item 6).

No textual import at module level beyond the widgets the dialog has: the values are a
plain dict (field id -> what the field holds), so a set of facts can be stored per path.
"""

from __future__ import annotations

from typing import Any

from textual.dom import DOMNode
from textual.widgets import Input, Select, SelectionList

from cybercase.evidence import Stated
from cybercase.evidence.stated import captured_by

TEXT_FIELDS = ("captured_who", "platform", "url", "accounts", "shown_time", "device",
               "description", "received_via")
CHOICES = ("captured_by", "phone_available")  # Select fields
Facts = dict[str, Any]


def read_facts(dialog: DOMNode) -> Facts:
    """The stated facts as the fields hold them now."""
    facts: Facts = {name: dialog.query_one(f"#{name}", Input).value for name in TEXT_FIELDS}
    for name in CHOICES:
        value = dialog.query_one(f"#{name}", Select).value
        facts[name] = None if value is Select.NULL else value
    facts["tags"] = list(dialog.query_one("#tags", SelectionList).selected)
    return facts


def write_facts(dialog: DOMNode, facts: Facts | None) -> None:
    """Put ``facts`` into the fields (None: empty them all)."""
    facts = facts or {}
    for name in TEXT_FIELDS:
        dialog.query_one(f"#{name}", Input).value = str(facts.get(name) or "")
    for name in CHOICES:
        select = dialog.query_one(f"#{name}", Select)
        value = facts.get(name)
        if value is None:
            select.clear()
        else:
            select.value = value
    tags: SelectionList[str] = dialog.query_one("#tags", SelectionList)
    tags.deselect_all()
    for tag in facts.get("tags") or []:
        tags.select(tag)


def is_empty(facts: Facts) -> bool:
    return not any(facts.get(name) for name in (*TEXT_FIELDS, *CHOICES, "tags"))


def stated_of(facts: Facts) -> Stated:
    """The core's Stated for a set of facts, checked (its one-line error otherwise)."""
    def optional(name: str) -> str | None:
        value = str(facts.get(name) or "")
        return value if value.strip() else None

    captured = facts.get("captured_by")
    accounts = [a.strip() for a in str(facts.get("accounts") or "").split(",") if a.strip()]
    return Stated(
        captured_by=captured_by(None if captured is None else str(captured),
                                optional("captured_who")),
        device=optional("device"), platform=optional("platform"), url=optional("url"),
        accounts=accounts, shown_time=optional("shown_time"),
        description=optional("description"), tags=list(facts.get("tags") or []),
        received_via=optional("received_via"),
        phone_available=None if facts.get("phone_available") is None
        else str(facts["phone_available"]),
    ).checked()
