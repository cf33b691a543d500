"""Sexual images of minors: described, never stored.

``ingest --sexual-minor`` records only a description (where, when, platform, URL,
accounts) and gives the guidance below; no file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cybercase.cases.cases import get_case
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.text import check_text
from cybercase.core.timeutil import now_iso
from cybercase.vault import Vault

MINOR_GUIDANCE = (
    "Sexual images of minors are NEVER stored in cybercase: possessing them is a crime, "
    "also 'as evidence'.\n"
    "- Do not copy, save, screenshot, print or forward the image, not even to colleagues "
    "or the police by e-mail.\n"
    "- Go to the police: call 0900-8844 or report at politie.nl; they secure the evidence.\n"
    "- Report the content at Meldpunt Kinderporno (meldpunt-kinderporno.nl) and help the "
    "child and parents via Offlimits / Helpwanted (offlimits.nl, helpwanted.nl)."
)


@dataclass
class MinorReport:
    seen_where: str | None = None
    seen_when: str | None = None
    platform: str | None = None
    url: str | None = None
    accounts: list[str] = field(default_factory=list)
    description: str | None = None


def record_minor_report(
    vault: Vault, ref: str, report: MinorReport, paths: Iterable[str] = (),
) -> int:
    """Record only a description of sexual images of a minor; refuses any file."""
    if list(paths):
        raise UsageError(msg("evidence.error.minor_file"))
    vault.require("evidence.write")
    case = get_case(vault, ref)

    def one(value: str | None, what: str, limit: int = 500) -> str | None:
        return check_text(value, what, limit, required=False) or None if value else None

    fields = {
        "seen_where": one(report.seen_where, msg("evidence.field.where")),
        "seen_when": one(report.seen_when, msg("evidence.field.when"), 100),
        "platform": one(report.platform, msg("evidence.field.platform"), 100),
        "url": one(report.url, msg("evidence.field.url"), 2048),
        "description": one(report.description, msg("evidence.field.description"), 2000),
    }
    accounts = [a for a in (one(x, msg("evidence.field.account"), 200)
                            for x in report.accounts) if a]
    if not any(fields.values()) and not accounts:
        raise UsageError(msg("evidence.error.minor_empty"))
    with vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO minor_sexual_reports(case_id, seen_where, seen_when, platform, url,"
            " accounts, description, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?)",
            (case.id, fields["seen_where"], fields["seen_when"], fields["platform"],
             fields["url"], json.dumps(accounts, ensure_ascii=False),
             fields["description"], now_iso(), vault.actor),
        )
        report_id = int(cur.lastrowid)
        tx.audit("evidence.minor_report", f"minor report {report_id}",
                 {**fields, "accounts": accounts}, case_ref=case.ref)
    return report_id


def list_minor_reports(vault: Vault, ref: str) -> list[dict[str, Any]]:
    vault.require("evidence.read")
    case = get_case(vault, ref)
    rows = vault.conn.execute(
        "SELECT id, seen_where, seen_when, platform, url, accounts, description, recorded_at,"
        " recorded_by FROM minor_sexual_reports WHERE case_id = ? ORDER BY id", (case.id,)
    )
    return [
        {"id": r[0], "where": r[1], "when": r[2], "platform": r[3], "url": r[4],
         "accounts": json.loads(r[5]), "description": r[6], "recorded_at": r[7],
         "recorded_by": r[8]}
        for r in rows
    ]
