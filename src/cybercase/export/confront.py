"""Making a confrontation print (issue 18): the reviewed :class:`PrintPlan` becomes a PDF
on disk and a derived item in the vault.

The PDF is written whole or not at all (:class:`cybercase.core.safefile.PartialFile`). The
same bytes are stored in the vault as a *masked print* (migration 0014): its own SHA-256,
linked to the originals it was made from (and their SHA-256) and to every mask used. The
originals are never changed. The audit log records who printed what, for which meeting
(date, with whom) and whose names were kept, before the file gets its name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cybercase.core.safefile import PartialFile, check_target, write_error
from cybercase.core.timeutil import now_iso
from cybercase.documents import confront_pdf
from cybercase.documents.contact import school_contact
from cybercase.evidence.store import store_bytes
from cybercase.privacy.confront import PrintPlan
from cybercase.vault import Vault


@dataclass
class PrintResult:
    print_id: int
    path: Path
    sha256: str
    size: int
    pages: int
    items: list[int]
    kept: list[int]
    masks: int

    def to_json(self) -> dict[str, Any]:
        return {"print_id": self.print_id, "file": str(self.path), "sha256": self.sha256,
                "size": self.size, "pages": self.pages, "items": self.items,
                "kept": self.kept, "masks": self.masks}


def make_print(vault: Vault, plan: PrintPlan, out: Path, force: bool = False) -> PrintResult:
    """Write the print to ``out`` and store it (derived, linked, audited)."""
    vault.require("evidence.write")
    out = check_target(Path(out), force)
    made_at = now_iso()
    settings = school_contact(vault)
    pdf, pages = confront_pdf.render(plan, settings.school or vault.school, made_at)
    sha = hashlib.sha256(pdf).hexdigest()
    kept = [plan.person.id] + [p.id for p in plan.kept]
    masks = plan.mask_records()
    items = [item.id for item, _n in plan.sources()]
    try:
        partial = PartialFile(out, ".cybercase-print-", overwrite=force)
    except OSError as exc:
        raise write_error(exc, out.parent) from None
    try:
        partial.file.write(pdf)
        with vault.transaction() as tx:
            blob = store_bytes(tx, pdf, sha)
            print_id = int(tx.execute(
                "INSERT INTO masked_prints (case_id, blob_id, sha256, size, kind,"
                " for_person_id, meeting_on, meeting_with, kept, masks, file_name, made_at,"
                " made_by) VALUES (?, ?, ?, ?, 'confrontation', ?, ?, ?, ?, ?, ?, ?, ?)",
                (plan.case.id, blob.id, sha, len(pdf), plan.person.id,
                 plan.meeting_on.isoformat(), plan.meeting_with, json.dumps(kept),
                 json.dumps(masks, ensure_ascii=False), out.name, made_at, vault.actor),
            ).lastrowid)
            for item, numbers in plan.sources():
                tx.execute("INSERT INTO masked_print_sources (print_id, item_id, sha256,"
                           " messages) VALUES (?, ?, ?, ?)",
                           (print_id, item.id, item.sha256, json.dumps(numbers)))
                tx.audit("evidence.print", f"evidence {item.id}",
                         {"print": print_id, "sha256": item.sha256, "messages": numbers},
                         case_ref=plan.case.ref)
            tx.audit("print.confrontation", f"print {print_id}", {
                "file": out.name, "sha256": sha, "items": items, "for": plan.person.id,
                "meeting_on": plan.meeting_on.isoformat(), "meeting_with": plan.meeting_with,
                "kept": kept, "masks": len(masks)}, case_ref=plan.case.ref)
        partial.commit()  # after the audit entry: nothing leaves the vault unlogged
    except BaseException:
        partial.discard()
        raise
    return PrintResult(print_id, out, sha, len(pdf), pages, items, kept, len(masks))


def list_prints(vault: Vault, ref: str) -> list[dict[str, Any]]:
    """The masked prints of case ``ref``: what was printed for which meeting, by whom."""
    from cybercase.cases.cases import get_case

    vault.require("evidence.read")
    case = get_case(vault, ref)  # need-to-know
    out = []
    for pid, sha, size, for_id, on, with_whom, kept, masks, name, at, by in vault.conn.execute(
        "SELECT id, sha256, size, for_person_id, meeting_on, meeting_with, kept, masks,"
        " file_name, made_at, made_by FROM masked_prints WHERE case_id = ? ORDER BY id",
        (case.id,)).fetchall():
        items = [r[0] for r in vault.conn.execute(
            "SELECT item_id FROM masked_print_sources WHERE print_id = ? ORDER BY rowid",
            (pid,))]
        out.append({"id": pid, "for": for_id, "meeting_on": on, "meeting_with": with_whom,
                    "kept": json.loads(kept), "masks": len(json.loads(masks)),
                    "items": items, "file": name, "sha256": sha, "size": size,
                    "made_at": at, "made_by": by})
    return out
