"""The answer to a parent's access request (AVG art. 15) as one ZIP: inzage.pdf,
inzage.json and the evidence files asked for.

What goes in is gathered and masked by :mod:`cybercase.privacy.subject`; the PDF is made
by :mod:`cybercase.documents.access_pdf`. The ZIP appears whole or not at all, after the
audit entry (nothing leaves the vault unlogged).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cybercase.cases.people import get_person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.safefile import PartialFile
from cybercase.core.timeutil import now_iso
from cybercase.documents import access_pdf
from cybercase.evidence.store import read_chunks
from cybercase.privacy import requests, subject
from cybercase.vault import Vault


@dataclass
class SubjectExport:
    path: Path
    sha256: str
    person_id: int
    cases: list[str]
    included: list[int]
    left_out: list[dict[str, str]]
    requests: list[int]

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "sha256": self.sha256, "person_id": self.person_id,
                "cases": self.cases, "included_evidence": self.included,
                "left_out": self.left_out, "requests": self.requests}


def _check_out(out: Path, force: bool) -> None:
    if out.is_dir():
        raise UsageError(msg("privacy.subject.is_dir", path=out))
    if (out.exists() or out.is_symlink()) and not force:
        raise UsageError(msg("privacy.subject.exists", path=out))
    if not out.parent.is_dir():
        raise UsageError(msg("privacy.subject.no_dir", path=out.parent))


def subject_export(
    vault: Vault, person_id: int, out: Path, include_evidence: list[int | str] | None = None,
    force: bool = False,
) -> SubjectExport:
    vault.require("subject.export")
    out = Path(out)
    person = get_person(vault, person_id)
    requests.check_pupil(person)
    _check_out(out, force)
    ctx, sections, included, refs = subject.gather(vault, person, include_evidence)
    cases = ctx.cases
    # reading evidence content is logged before any byte leaves the vault
    if included:
        with vault.transaction() as tx:
            for item in included.values():
                tx.audit("evidence.subject_export", f"evidence {item.id}",
                         {"sha256": item.sha256, "size": item.size, "person": person.id},
                         case_ref=item.case)
    started = now_iso()
    doc = {
        "format": "cybercase subject access export 1",
        "school": vault.school, "made_at": started, "made_by": vault.actor,
        "pupil_person_id": person.id,
        "sections": {s.key: s.data for s in sections},
        "left_out": ctx.left_out,
    }
    pdf = access_pdf.render(vault, ctx, sections, list(included.values()), started)
    try:
        # unnamed until complete: a kill or a full disk leaves no partial export behind
        partial = PartialFile(out, ".cybercase-subject-", overwrite=force)
    except OSError as exc:
        raise UsageError(msg("privacy.subject.write", path=out, error=exc.strerror)) from None
    try:
        with zipfile.ZipFile(partial.file, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("inzage.pdf", pdf)
            zf.writestr("inzage.json", json.dumps(doc, ensure_ascii=False, indent=2))
            for item in included.values():
                with zf.open(f"bewijs/{item.id}{item.extension}", "w",
                             force_zip64=True) as member:
                    for chunk in read_chunks(vault.conn, item.blob_id):
                        member.write(chunk)
        sha = partial.sha256()
        with vault.transaction() as tx:
            answered = requests.answer(tx, person, ctx.record_ids, sha)
            tx.audit("subject.export", f"person {person.id}", {
                "file": out.name, "sha256": sha, "cases": refs,
                "evidence": sorted(included), "requests": answered},
                case_ref=cases[person.case_id].ref)
        partial.commit()  # after the audit entry: nothing leaves the vault unlogged
    except BaseException:
        partial.discard()
        raise
    return SubjectExport(out, sha, person.id, refs, sorted(included), ctx.left_out, answered)


