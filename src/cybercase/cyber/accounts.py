"""Online accounts seen in a case (the ICT coordinator's tracing work) and who is behind them.

An account has a platform, a handle and optionally a display name, profile URL, e-mail
address and phone number; it may be fake (pretending to be a teacher or a pupil). Accounts
are linked to the evidence items they appear in. An **attribution** says which person in
the case is behind an account: suspected, confirmed or refuted, on which basis, by whom and
when. Attributions are never changed: each new one is appended and the latest is current.

Handles, e-mail addresses and phone numbers are compared in a normal form (handle without
``@`` and casefolded, e-mail lower case, phone as ``+<digits>``), so the same account in
another case is found and reported (``also_in``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cybercase.cases import access
from cybercase.cases.cases import Case, get_case, require_open
from cybercase.cases.people import get_person
from cybercase.core.errors import NotFound, UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import check_long_text, check_text
from cybercase.core.timeutil import now_iso
from cybercase.cyber import validate
from cybercase.cyber.common import case_of_row, check_evidence
from cybercase.vault import Vault
from cybercase.vault.db import named

STATUSES = ("suspected", "confirmed", "refuted")
BASES = ("pupil_statement", "ict_trace", "admission", "parent", "other")
BASIS_EN = {
    "pupil_statement": "pupil's statement", "ict_trace": "ICT trace",
    "admission": "admission", "parent": "parent", "other": "other",
}
FIELDS = ("handle", "email", "phone")
LABELS = {"handle": msg("cyber.accounts.label.handle"),
          "email": msg("cyber.accounts.label.email"),
          "phone": msg("cyber.accounts.label.phone")}


@dataclass
class Attribution:
    id: int
    account_id: int
    person_id: int
    person: str
    status: str
    basis: str
    note: str | None
    established_by: str
    at: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "account": self.account_id, "person_id": self.person_id,
                "person": self.person, "status": self.status, "basis": self.basis,
                "basis_en": BASIS_EN[self.basis], "note": self.note,
                "established_by": self.established_by, "at": self.at}


@dataclass
class Account:
    id: int
    case_id: int
    case: str
    platform: str
    handle: str
    handle_norm: str
    display_name: str | None
    profile_url: str | None
    email: str | None
    email_norm: str | None
    phone: str | None
    phone_norm: str | None
    fake: bool
    impersonates: str | None
    impersonates_person: int | None
    notes: str | None
    created_at: str
    created_by: str
    evidence: list[int] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    also_in: list[dict[str, Any]] = field(default_factory=list)

    @property
    def current(self) -> Attribution | None:
        return self.attributions[-1] if self.attributions else None

    def label(self) -> str:
        return f"{self.handle} on {self.platform}"

    def to_json(self) -> dict[str, Any]:
        current = self.current
        return {
            "id": self.id, "case": self.case, "platform": self.platform,
            "handle": self.handle, "display_name": self.display_name,
            "profile_url": self.profile_url, "email": self.email, "phone": self.phone,
            "phone_normalised": self.phone_norm, "fake": self.fake,
            "impersonates": self.impersonates,
            "impersonates_person": self.impersonates_person, "notes": self.notes,
            "created_at": self.created_at, "created_by": self.created_by,
            "evidence": self.evidence,
            "attribution": current.to_json() if current else None,
            "attributions": [a.to_json() for a in self.attributions],
            "also_in": self.also_in,
        }


_COLS = (
    'a.id, a.case_id, c.ref AS "case", a.platform,'
    " a.handle, a.handle_norm, a.display_name,"
    " a.profile_url, a.email, a.email_norm, a.phone, a.phone_norm, a.fake, a.impersonates,"
    " a.impersonates_person, a.notes, a.created_at, a.created_by"
)


def _load(vault: Vault, rows: Iterable[dict[str, Any]]) -> list[Account]:
    out = []
    for r in rows:
        acc = Account(**r)
        acc.fake = bool(acc.fake)
        acc.evidence = [e for (e,) in vault.conn.execute(
            "SELECT evidence_id FROM account_evidence WHERE account_id = ? ORDER BY 1",
            (acc.id,))]
        acc.attributions = history(vault, acc.id)
        acc.also_in = also_in(vault, acc)
        out.append(acc)
    return out


def history(vault: Vault, account_id: int) -> list[Attribution]:
    """Every attribution of an account, oldest first (the last one is current)."""
    return [Attribution(**r) for r in named(vault.conn.execute(
        "SELECT t.id, t.account_id, t.person_id, p.name AS person, t.status, t.basis, t.note,"
        " t.established_by, t.at FROM attributions t JOIN people p ON p.id = t.person_id"
        " WHERE t.account_id = ? ORDER BY t.id", (account_id,)))]


def also_in(vault: Vault, acc: Account) -> list[dict[str, Any]]:
    """Where this account's handle, e-mail or phone number appears in another case."""
    found: list[dict[str, Any]] = []
    for name, value in (("handle", acc.handle_norm), ("email", acc.email_norm),
                        ("phone", acc.phone_norm)):
        if not value:
            continue
        visible, vargs = access.visible_clause(vault, "a.case_id")
        for other_id, ref, platform in vault.conn.execute(
            f"SELECT a.id, c.ref, a.platform FROM accounts a JOIN cases c ON c.id = a.case_id"
            f" WHERE a.{name}_norm = ? AND a.case_id != ? AND {visible} ORDER BY c.ref, a.id",
            (value, acc.case_id, *vargs),
        ):
            found.append({"case": ref, "account": other_id, "field": name,
                          "platform": platform,
                          "same_platform": platform.casefold() == acc.platform.casefold()})
    return found


def also_in_messages(acc: Account) -> list[str]:
    values = {"handle": acc.handle, "email": acc.email, "phone": acc.phone}
    return [msg("cyber.accounts.also_in", label=LABELS[m["field"]], value=values[m["field"]],
                ref=m["case"], id=m["account"], platform=m["platform"])
            for m in acc.also_in]


def get_account(vault: Vault, account_id: int) -> Account:
    vault.require("accounts.read")
    rows = named(vault.conn.execute(
        f"SELECT {_COLS} FROM accounts a JOIN cases c ON c.id = a.case_id WHERE a.id = ?",
        (account_id,)))
    if not rows:
        raise NotFound(msg("cyber.accounts.no_account", id=account_id))
    access.check_visible(vault, rows[0]["case_id"], rows[0]["case"])  # restricted (issue 9)
    return _load(vault, rows)[0]


def list_accounts(vault: Vault, ref: str | None = None) -> list[Account]:
    """The accounts of one case, or of every case."""
    vault.require("accounts.read")
    sql = f"SELECT {_COLS} FROM accounts a JOIN cases c ON c.id = a.case_id"
    args: tuple[Any, ...] = ()
    if ref is not None:
        sql += " WHERE a.case_id = ?"
        args = (get_case(vault, ref).id,)
    else:  # every case this user may see (restricted cases: issue 9)
        visible, args = access.visible_clause(vault, "a.case_id")
        sql += f" WHERE {visible}"
    return _load(vault, named(vault.conn.execute(sql + " ORDER BY c.ref, a.id", args)))


def add_account(
    vault: Vault, ref: str, platform: str, handle: str, *, display_name: str | None = None,
    profile_url: str | None = None, email: str | None = None, phone: str | None = None,
    fake: bool = False, impersonates: str | None = None,
    impersonates_person: int | None = None, notes: str | None = None,
    evidence: Iterable[int] = (),
) -> Account:
    """Record an account seen in case ``ref``. Impersonation implies fake."""
    vault.require("accounts.write")
    case = get_case(vault, ref)
    require_open(case)
    platform = check_text(platform, msg("cyber.accounts.field.platform"), 80)
    handle, handle_norm = validate.handle(handle)
    display_name = check_text(display_name, msg("cyber.accounts.field.display_name"), 200) \
        if display_name else None
    profile_url = validate.url(profile_url, msg("cyber.accounts.field.profile_url")) \
        if profile_url else None
    email, email_norm = validate.email(email) if email else (None, None)
    phone, phone_norm = validate.phone(phone) if phone else (None, None)
    impersonates = check_text(impersonates, msg("cyber.accounts.field.impersonates"), 200) \
        if impersonates else None
    if impersonates_person is not None:
        get_person(vault, impersonates_person, case)
    fake = bool(fake or impersonates or impersonates_person is not None)
    notes = check_long_text(notes, msg("cyber.accounts.field.notes"), 2000) if notes else None
    items = check_evidence(vault, case, evidence)
    for other_id, other_platform in vault.conn.execute(
        "SELECT id, platform FROM accounts WHERE case_id = ? AND handle_norm = ?",
        (case.id, handle_norm),
    ).fetchall():
        if other_platform.casefold() == platform.casefold():
            raise UsageError(msg("cyber.accounts.duplicate", ref=ref, id=other_id, handle=handle,
                                 platform=other_platform))
    now = now_iso()
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO accounts(case_id, platform, handle, handle_norm, display_name,"
            " profile_url, email, email_norm, phone, phone_norm, fake, impersonates,"
            " impersonates_person, notes, created_at, created_by, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (case.id, platform, handle, handle_norm, display_name, profile_url, email,
             email_norm, phone, phone_norm, int(fake), impersonates, impersonates_person,
             notes, now, vault.actor, now),
        )
        account_id = int(cur.lastrowid)
        for item in items:
            tx.execute("INSERT INTO account_evidence(account_id, evidence_id, linked_at,"
                       " linked_by) VALUES (?,?,?,?)", (account_id, item, now, vault.actor))
        tx.audit("account.add", f"account {account_id}", {
            "platform": platform, "handle": handle, "display_name": display_name,
            "profile_url": profile_url, "email": email, "phone": phone, "fake": fake,
            "impersonates": impersonates, "impersonates_person": impersonates_person,
            "notes": notes, "evidence": items}, case_ref=ref)
    return get_account(vault, account_id)


def _open_case(vault: Vault, account_id: int) -> Case:
    vault.require("accounts.read")
    case = case_of_row(vault, "accounts", account_id, "account")
    require_open(case)
    return case


def link_evidence(vault: Vault, account_id: int, evidence: Iterable[int]) -> list[int]:
    """Link an account to the evidence items (same case) it appears in; returns new links."""
    vault.require("accounts.write")
    case = _open_case(vault, account_id)
    items = check_evidence(vault, case, evidence)
    if not items:
        raise UsageError(msg("cyber.accounts.no_evidence"))
    have = {e for (e,) in vault.conn.execute(
        "SELECT evidence_id FROM account_evidence WHERE account_id = ?", (account_id,))}
    new = [i for i in items if i not in have]
    if not new:
        return []
    now = now_iso()
    with vault.transaction() as tx:
        for item in new:
            tx.execute("INSERT INTO account_evidence(account_id, evidence_id, linked_at,"
                       " linked_by) VALUES (?,?,?,?)", (account_id, item, now, vault.actor))
        tx.audit("account.link", f"account {account_id}", {"evidence": new},
                 case_ref=case.ref)
    return new


def parse_basis(value: str) -> str:
    key = value.strip().lower().replace("-", "_").replace(" ", "_").replace("'s", "")
    key = {"ict": "ict_trace", "pupil": "pupil_statement", "statement": "pupil_statement",
           "parents": "parent"}.get(key, key)
    if key not in BASES:
        raise UsageError(msg("cyber.accounts.basis", value=value, choices=", ".join(BASES)))
    return key


def attribute(
    vault: Vault, account_id: int, person_id: int, status: str, basis: str,
    note: str | None = None,
) -> tuple[Attribution, list[str]]:
    """Append an attribution (the new current one); returns it and any warnings."""
    vault.require("accounts.write")
    case = _open_case(vault, account_id)
    if status not in STATUSES:
        raise UsageError(msg("cyber.accounts.status", value=status, choices=", ".join(STATUSES)))
    basis = parse_basis(basis)
    note = check_long_text(note, msg("cyber.accounts.field.note"), 1000) if note else None
    if basis == "other" and not note:
        raise UsageError(msg("cyber.accounts.other_note"))
    get_person(vault, person_id, case)
    warnings: list[str] = []
    before = history(vault, account_id)
    if before and before[-1].status == "confirmed" and before[-1].person_id != person_id \
            and status != "refuted":
        warnings.append(msg("cyber.accounts.replaces", id=account_id, old=before[-1].person_id,
                            new=person_id))
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO attributions(account_id, person_id, status, basis, note,"
            " established_by, at) VALUES (?,?,?,?,?,?,?)",
            (account_id, person_id, status, basis, note, vault.actor, now_iso()),
        )
        aid = int(cur.lastrowid)
        tx.audit("account.attribute", f"account {account_id}", {
            "attribution": aid, "person": person_id, "status": status, "basis": basis,
            "note": note}, case_ref=case.ref)
    return history(vault, account_id)[-1], warnings


def accounts_of_person(vault: Vault, person_id: int) -> list[Account]:
    """Accounts whose current attribution is this person (suspected or confirmed)."""
    vault.require("accounts.read")
    person = get_person(vault, person_id)
    found = []
    for acc in list_accounts(vault, _ref(vault, person.case_id)):
        current = acc.current
        if current and current.person_id == person_id and current.status != "refuted":
            found.append(acc)
    return found


def _ref(vault: Vault, case_id: int) -> str:
    return str(vault.conn.execute("SELECT ref FROM cases WHERE id = ?",
                                  (case_id,)).fetchone()[0])


def find(vault: Vault, value: str) -> list[Account]:
    """Accounts in any case whose handle, e-mail or phone number matches ``value``."""
    vault.require("accounts.read")
    keys: list[tuple[str, str]] = []
    text = value.strip()
    if "@" in text.lstrip("@"):
        keys.append(("email", validate.email(text)[1]))
    else:
        with contextlib.suppress(UsageError):
            keys.append(("phone", validate.phone(text)[1]))
        keys.append(("handle", validate.handle(text)[1]))
    ids: list[int] = []
    for name, norm in keys:
        visible, vargs = access.visible_clause(vault, "accounts.case_id")
        ids += [i for (i,) in vault.conn.execute(
            f"SELECT id FROM accounts WHERE {name}_norm = ? AND {visible} ORDER BY id",
            (norm, *vargs))]
    return [get_account(vault, i) for i in sorted(set(ids))]


def case_accounts_summary(vault: Vault, case: Case) -> list[dict[str, Any]]:
    """A short list for other views: id, label, fake, current attribution's status."""
    return [{"id": a.id, "label": a.label(), "fake": a.fake,
             "status": a.current.status if a.current else None}
            for a in list_accounts(vault, case.ref)]
