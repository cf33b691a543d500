"""Protocols kept in the vault: the school's selected one, and the one each case runs under.

The text itself is stored (table ``protocols``, never updated), so a case always shows the
protocol it was opened with, whatever the school edits later.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import now_iso
from cybercase.protocol.model import DEFAULT_NAME, default, from_text, read_file
from cybercase.protocol.schema import Protocol
from cybercase.vault import Vault
from cybercase.vault.vault import Transaction

META_CURRENT = "protocol_current"


def _store(tx: Transaction, protocol: Protocol, source: str) -> int:
    """The row id of ``protocol`` in the vault, inserting it when new (inside ``tx``)."""
    row = tx.execute("SELECT id FROM protocols WHERE sha256 = ?", (protocol.sha256,)).fetchone()
    if row is not None:
        return int(row[0])
    cur = tx.execute(
        "INSERT INTO protocols(protocol_key, version, sha256, source_name, text, added_at,"
        " added_by) VALUES (?,?,?,?,?,?,?)",
        (protocol.id, protocol.version, protocol.sha256, source, protocol.text, now_iso(),
         tx.vault.actor),
    )
    row_id = int(cur.lastrowid)
    tx.audit("protocol.store", f"protocol {row_id}",
             {"id": protocol.id, "version": protocol.version, "sha256": protocol.sha256,
              "source": source})
    return row_id


def current_row(vault: Vault) -> int | None:
    value = vault.meta(META_CURRENT)
    return int(value) if value else None


def resolve_for_new_case(tx: Transaction, path: Path | None) -> tuple[int, Protocol]:
    """The protocol a new case runs under: a file given now, the school's choice, the default."""
    if path is not None:
        protocol = read_file(path)
        return _store(tx, protocol, path.name), protocol
    row = current_row(tx.vault)
    if row is not None:
        return row, by_row(tx.vault, row)
    protocol = default()
    return _store(tx, protocol, DEFAULT_NAME), protocol


def use_file(vault: Vault, path: Path) -> Protocol:
    """Validate ``path`` and make it the protocol new cases run under."""
    vault.require("case.write")
    protocol = read_file(path)
    with vault.transaction() as tx:
        row = _store(tx, protocol, path.name)
        tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                   (META_CURRENT, str(row)))
        tx.audit("protocol.use", f"protocol {row}",
                 {"id": protocol.id, "version": protocol.version, "sha256": protocol.sha256})
    return protocol


def by_row(vault: Vault, row: int) -> Protocol:
    found = vault.conn.execute(
        "SELECT text, source_name FROM protocols WHERE id = ?", (row,)
    ).fetchone()
    if found is None:
        raise UsageError(msg("protocol.not_stored", row=row))
    return from_text(found[0], f"stored protocol {row} ({found[1]})")


def current(vault: Vault) -> Protocol:
    row = current_row(vault)
    return default() if row is None else by_row(vault, row)


def list_stored(vault: Vault) -> list[dict[str, Any]]:
    vault.require("case.read")
    cur = current_row(vault)
    return [
        {"row": r, "id": k, "version": v, "sha256": s, "source": n, "added_at": a,
         "added_by": b, "current": r == cur}
        for r, k, v, s, n, a, b in vault.conn.execute(
            "SELECT id, protocol_key, version, sha256, source_name, added_at, added_by"
            " FROM protocols ORDER BY id"
        )
    ]
