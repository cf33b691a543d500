"""Takedown referrals as records: a referral with its URLs, evidence, accounts and events,
read by name from the vault (need-to-know applies)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cybercase.cases.cases import get_case
from cybercase.core.i18n import msg
from cybercase.cyber.common import case_of_row
from cybercase.vault import Vault
from cybercase.vault.db import named

FINAL = ("removed", "refused")


@dataclass
class Referral:
    id: int
    case: str
    channel: str
    platform: str | None
    harm_what: str | None
    harm_why: str | None
    status: str
    sent_on: str | None
    their_reference: str | None
    follow_up_on: str | None
    created_at: str
    created_by: str
    updated_at: str
    urls: list[str] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)
    accounts: list[int] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_on is not None and self.status not in FINAL

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "case": self.case, "channel": self.channel,
            "platform": self.platform, "urls": self.urls, "evidence": self.evidence,
            "accounts": self.accounts, "what": self.harm_what, "why": self.harm_why,
            "status": self.status, "sent_on": self.sent_on, "reference": self.their_reference,
            "follow_up_on": self.follow_up_on if self.follow_up_open else None,
            "follow_up_was": self.follow_up_on, "created_at": self.created_at,
            "created_by": self.created_by, "updated_at": self.updated_at,
            "evidence_warning": None if self.evidence else
            msg("cyber.referrals.no_evidence", id=self.id),
            "events": self.events,
        }


_COLS = (
    'r.id, c.ref AS "case",'
    " r.channel, r.platform, r.harm_what, r.harm_why, r.status, r.sent_on,"
    " r.their_reference, r.follow_up_on, r.created_at, r.created_by, r.updated_at"
)


def _load(vault: Vault, rows: Iterable[dict[str, Any]]) -> list[Referral]:
    out = []
    for r in rows:
        ref = Referral(**r)
        q = vault.conn.execute
        ref.urls = [u for (u,) in q(
            "SELECT url FROM referral_urls WHERE referral_id = ? ORDER BY n", (ref.id,))]
        ref.evidence = [e for (e,) in q(
            "SELECT evidence_id FROM referral_evidence WHERE referral_id = ? ORDER BY 1",
            (ref.id,))]
        ref.accounts = [a for (a,) in q(
            "SELECT account_id FROM referral_accounts WHERE referral_id = ? ORDER BY 1",
            (ref.id,))]
        ref.events = [
            {"event": e, "status": s, "on": d, "details": json.loads(x), "at": a, "by": b}
            for e, s, d, x, a, b in q(
                "SELECT event, status, on_date, details, at, by FROM referral_events"
                " WHERE referral_id = ? ORDER BY id", (ref.id,))
        ]
        out.append(ref)
    return out


def get_referral(vault: Vault, referral_id: int) -> Referral:
    vault.require("case.read")
    case_of_row(vault, "referrals", referral_id, "referral")
    return _load(vault, named(vault.conn.execute(
        f"SELECT {_COLS} FROM referrals r JOIN cases c ON c.id = r.case_id WHERE r.id = ?",
        (referral_id,))))[0]


def list_referrals(vault: Vault, ref: str) -> list[Referral]:
    vault.require("case.read")
    case = get_case(vault, ref)
    return _load(vault, named(vault.conn.execute(
        f"SELECT {_COLS} FROM referrals r JOIN cases c ON c.id = r.case_id"
        " WHERE r.case_id = ? ORDER BY r.id", (case.id,))))
