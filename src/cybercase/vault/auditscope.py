"""Which audit entries belong to *this* record, when an id may have been used before.

Since migration 8 no id is handed out twice; but a vault purged before it may already hold
a record whose id a purged record had, and the audit log keeps the purged record's
entries under the same object name (``evidence 5``). A record's own entries start at its
creation entry, so for each object only the entries from its newest creation entry on
are its own.
"""

from __future__ import annotations

import json

from cybercase.vault.db import Connection

CREATED = {"evidence": "evidence.ingest", "person": "person.add"}


def born(conn: Connection, objects: list[str]) -> dict[str, int]:
    """For each object ("evidence 5"), the seq of its newest creation entry (0: none)."""
    actions = sorted(set(CREATED.values()))
    found = {
        str(obj): int(seq) for obj, seq in conn.execute(
            "SELECT object, max(seq) FROM audit"
            " WHERE object IN (SELECT value FROM json_each(?))"
            " AND action IN (SELECT value FROM json_each(?)) GROUP BY object",
            (json.dumps(objects), json.dumps(actions)),
        )
    }
    return {obj: found.get(obj, 0) for obj in objects}
