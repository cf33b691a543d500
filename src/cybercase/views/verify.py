"""``cybercase verify``: everything the vault can check about itself.

Each checker adds one-line problems to the report; an empty list means all is well.
:data:`CHECKERS` names every checker (the vault, the evidence, the purges).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cybercase.evidence.items import verify_problems
from cybercase.privacy.checks import purge_problems
from cybercase.vault import Vault
from cybercase.vault.audit import head


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "checked": self.checked}


Checker = Callable[[Vault, Report], None]


def _vault_checks(vault: Vault, report: Report) -> None:
    report.problems.extend(vault.verify_problems())
    report.checked["audit_entries"] = head(vault.conn)[0]


def _evidence_checks(vault: Vault, report: Report) -> None:
    problems, items, nbytes = verify_problems(vault)
    report.problems.extend(problems)
    report.checked["evidence_items"] = items
    report.checked["evidence_bytes_rehashed"] = nbytes


def _purge_checks(vault: Vault, report: Report) -> None:
    problems, receipts = purge_problems(vault)
    report.problems.extend(problems)
    report.checked["deletion_receipts"] = receipts


CHECKERS: tuple[Checker, ...] = (_vault_checks, _evidence_checks, _purge_checks)


def verify_vault(vault: Vault) -> Report:
    vault.require("vault.verify")
    report = Report()
    for checker in CHECKERS:
        checker(vault, report)
    with vault.transaction() as tx:
        tx.audit("vault.verify", "vault", {"ok": report.ok, "problems": len(report.problems)})
    return report

