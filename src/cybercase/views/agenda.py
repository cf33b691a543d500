"""The agenda: everything due across open cases, overdue first.

A registry of providers: each is a function ``(vault) -> iterable of AgendaItem``. Later
modules (referral answers, agreement reviews) append theirs to :data:`PROVIDERS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from cybercase.cases import access
from cybercase.cases.cases import get_case, require_open
from cybercase.cases.supportgroup import due_text
from cybercase.core.errors import NotFound, UsageError
from cybercase.core.i18n import msg
from cybercase.core.roles import allowed
from cybercase.core.text import check_text
from cybercase.core.timeutil import local_today, now_iso, parse_date
from cybercase.privacy.requests import KIND as REQUEST_KIND
from cybercase.protocol.model import default
from cybercase.protocol.schema import Protocol
from cybercase.vault import Vault
from cybercase.views import cyber_sources
from cybercase.views.entries import AgendaItem as AgendaItem
from cybercase.views.entries import AgendaSource

FOLLOW_UP_KINDS = ("followup", "monitoring")
CARE_KIND_PREFIX = "sg_"  # support-group evaluations: only for users who may read care data


def _due_items(vault: Vault) -> Iterable[AgendaItem]:
    protocols = ProtocolCache(vault)
    for due, ref, kind, what, did, row in vault.conn.execute(
        "SELECT d.due_on, c.ref, d.kind, d.what, d.id, c.protocol_row FROM due_items d"
        " JOIN cases c ON c.id = d.case_id WHERE d.done_at IS NULL AND c.status = 'open'"
    ):
        shown = due_text(protocols.get(row), kind, what) if kind.startswith("sg_") else what
        yield AgendaItem(date.fromisoformat(due), ref, kind, shown, f"due {did}")


class ProtocolCache:
    """The protocol of each stored row, read once per agenda (for the texts it names)."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.found: dict[int | None, Protocol] = {}

    def get(self, row: int | None) -> Protocol:
        if row not in self.found:
            from cybercase.protocol.store import by_row

            self.found[row] = default() if row is None else by_row(self.vault, row)
        return self.found[row]


def _access_requests(vault: Vault) -> Iterable[AgendaItem]:
    """Open access requests of parents (AVG art. 15), due four weeks after they came in."""
    for rid, due, received, pid, ref in vault.conn.execute(
        "SELECT r.id, r.due_on, r.received_on, r.person_id, c.ref FROM subject_requests r"
        " JOIN cases c ON c.id = r.case_id WHERE r.done_at IS NULL"
    ).fetchall():
        yield AgendaItem(date.fromisoformat(due), ref, REQUEST_KIND,
                         msg("privacy.requests.what", pid=pid, received=received),
                         f"request {rid}")


# every source of the agenda, in this order (no module adds itself by being imported)
PROVIDERS: tuple[AgendaSource, ...] = (
    _due_items,
    cyber_sources.referral_follow_ups,
    cyber_sources.police_appointments,
    cyber_sources.agreement_reviews,
    _access_requests,
)


def agenda(vault: Vault) -> list[AgendaItem]:
    """All providers' items, sorted by due date (so overdue ones come first)."""
    vault.require("case.read")
    hidden = access.hidden_refs(vault)
    care = allowed(vault.role, "care.read")
    found: list[AgendaItem] = []
    for provider in PROVIDERS:
        found.extend(i for i in provider(vault) if i.case_ref not in hidden
                     and (care or not i.kind.startswith(CARE_KIND_PREFIX)))
    found.sort(key=lambda i: (i.due, i.case_ref, i.kind, i.source))
    return found


def add_follow_up(vault: Vault, ref: str, due: str, what: str, kind: str = "followup") -> int:
    """A follow-up or monitoring term of the coordinator's own (checklist item 19 etc.)."""
    vault.require("case.write")
    case = get_case(vault, ref)
    require_open(case)
    if kind not in FOLLOW_UP_KINDS:
        raise UsageError(msg("cases.followup_kind_unknown", kind=kind,
                             choices=", ".join(FOLLOW_UP_KINDS)))
    day = parse_date(due, msg("cases.field.due_date"))
    what = check_text(what, msg("cases.field.description"), 300)
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO due_items(case_id, kind, due_on, what, created_at, created_by)"
            " VALUES (?,?,?,?,?,?)", (case.id, kind, day.isoformat(), what, now_iso(),
                                     vault.actor))
        did = int(cur.lastrowid)
        tx.audit("agenda.schedule", f"due {did}",
                 {"kind": kind, "due": day.isoformat(), "what": what}, case_ref=ref)
    return did


def mark_done(vault: Vault, due_id: int) -> None:
    vault.require("case.write")
    row = vault.conn.execute(
        "SELECT c.ref, d.done_at FROM due_items d JOIN cases c ON c.id = d.case_id"
        " WHERE d.id = ?", (due_id,)).fetchone()
    if row is None:
        raise NotFound(msg("cases.no_agenda_item", id=due_id))
    access.check_ref(vault, row[0])
    if row[1] is not None:
        raise UsageError(msg("cases.agenda_item_done", id=due_id))
    with vault.transaction() as tx:
        tx.execute("UPDATE due_items SET done_at = ?, done_by = ? WHERE id = ?",
                   (now_iso(), vault.actor, due_id))
        tx.audit("agenda.done", f"due {due_id}", {}, case_ref=row[0])


def today() -> date:
    return local_today()
