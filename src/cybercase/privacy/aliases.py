"""The other names a person goes by (nicknames, a diminutive the class uses, a gamer
tag), recorded by the coordinator so the masking engine masks them with the person
(issue 18). Stored in ``person_aliases`` (migration 0014), audited; a purge removes them
with the case.
"""

from __future__ import annotations

from cybercase.cases.cases import get_case, require_open
from cybercase.cases.people import get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import MAX_NAME, check_text
from cybercase.core.timeutil import now_iso
from cybercase.vault import Vault


def list_aliases(vault: Vault, person_id: int) -> list[str]:
    get_person(vault, person_id)  # case.read + need-to-know
    return [r[0] for r in vault.conn.execute(
        "SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY id", (person_id,))]


def aliases_of(vault: Vault, person_ids: list[int]) -> dict[int, list[str]]:
    """Every alias of these people (for the masking engine; no checks of its own)."""
    out: dict[int, list[str]] = {}
    for chunk in range(0, len(person_ids), 400):
        ids = person_ids[chunk:chunk + 400]
        marks = ",".join("?" * len(ids))
        for pid, alias in vault.conn.execute(
            f"SELECT person_id, alias FROM person_aliases WHERE person_id IN ({marks})"
            " ORDER BY id", ids):
            out.setdefault(pid, []).append(alias)
    return out


def add_alias(vault: Vault, person_id: int, alias: str) -> list[str]:
    vault.require("case.write")
    person = get_person(vault, person_id)
    ref = vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                             (person.case_id,)).fetchone()[0]
    require_open(get_case(vault, ref))
    name = check_text(alias, msg("privacy.alias.field"), MAX_NAME)
    if len(name) < 2:
        raise UsageError(msg("privacy.alias.short", alias=name))
    with vault.transaction() as tx:
        tx.execute("INSERT OR IGNORE INTO person_aliases (person_id, alias, added_at, added_by)"
                   " VALUES (?, ?, ?, ?)", (person.id, name, now_iso(), vault.actor))
        tx.audit("person.alias", f"person {person.id}", {"alias": name}, case_ref=ref)
    return list_aliases(vault, person.id)


def remove_alias(vault: Vault, person_id: int, alias: str) -> list[str]:
    vault.require("case.write")
    person = get_person(vault, person_id)
    ref = vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                             (person.case_id,)).fetchone()[0]
    with vault.transaction() as tx:
        gone = tx.execute("DELETE FROM person_aliases WHERE person_id = ? AND alias = ?",
                          (person.id, alias.strip())).rowcount
        if not gone:
            raise UsageError(msg("privacy.alias.unknown", alias=alias, id=person.id))
        tx.audit("person.alias_removed", f"person {person.id}", {"alias": alias.strip()},
                 case_ref=ref)
    return list_aliases(vault, person.id)
