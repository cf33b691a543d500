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
from cybercase.evidence.items import parse_id
from cybercase.evidence.store import read_chunks
from cybercase.export.bundle import aes_opener, check_passphrase
from cybercase.privacy import requests, subject
from cybercase.privacy.subject_attach import attachments
from cybercase.privacy.subject_model import NL
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
    attachments: list[dict[str, Any]]
    encrypted: bool

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "sha256": self.sha256, "person_id": self.person_id,
                "cases": self.cases, "included_evidence": self.included,
                "attachments": self.attachments, "unmasked": [
                    a["id"] for a in self.attachments if not a["masked"]],
                "left_out": self.left_out, "requests": self.requests,
                "encrypted": self.encrypted}


def _check_out(out: Path, force: bool) -> None:
    if out.is_dir():
        raise UsageError(msg("privacy.subject.is_dir", path=out))
    if (out.exists() or out.is_symlink()) and not force:
        raise UsageError(msg("privacy.subject.exists", path=out))
    if not out.parent.is_dir():
        raise UsageError(msg("privacy.subject.no_dir", path=out.parent))


def subject_export(
    vault: Vault, person_id: int, out: Path, include_evidence: list[int | str] | None = None,
    force: bool = False, unmasked: list[int | str] | None = None,
    passphrase: str | None = None,
) -> SubjectExport:
    """``include_evidence``: items attached as masked renditions (a chat's transcript, an
    image with an OCR reading); ``unmasked``: items among them the coordinator checked and
    attaches as they are (the export says so); ``passphrase``: AES-256 encrypt the ZIP."""
    vault.require("subject.export")
    if passphrase is not None:
        check_passphrase(passphrase)
    out = Path(out)
    person = get_person(vault, person_id)
    requests.check_pupil(person)
    _check_out(out, force)
    ctx, sections, included, refs = subject.gather(vault, person, include_evidence)
    cases = ctx.cases
    confirmed = {parse_id(i) for i in unmasked or []}
    if confirmed - set(included):
        raise UsageError(msg("privacy.subject.unmasked_not_included",
                             id=min(confirmed - set(included))))
    attached = attachments(vault, ctx.masker, included.values(), confirmed)
    for a in attached:
        if not a.masked:
            ctx.leave_out(NL["out.unmasked"].format(id=a.item.id), NL["why_unmasked"])
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
        "attachments": [a.to_json() for a in attached],
        "left_out": ctx.left_out,
    }
    pdf = access_pdf.render(vault, ctx, sections, attached, started)
    try:
        # unnamed until complete: a kill or a full disk leaves no partial export behind
        partial = PartialFile(out, ".cybercase-subject-", overwrite=force)
    except OSError as exc:
        raise UsageError(msg("privacy.subject.write", path=out, error=exc.strerror)) from None
    try:
        opened = (aes_opener(passphrase)(partial.file) if passphrase is not None
                  else zipfile.ZipFile(partial.file, "w", zipfile.ZIP_DEFLATED))
        with opened as zf:
            zf.writestr("inzage.pdf", pdf)
            zf.writestr("inzage.json", json.dumps(doc, ensure_ascii=False, indent=2))
            for a in attached:
                if a.data is not None:
                    zf.writestr(a.member, a.data)
                    continue
                with zf.open(a.member, "w", force_zip64=True) as member:
                    for chunk in read_chunks(vault.conn, a.item.blob_id):
                        member.write(chunk)
        sha = partial.sha256()
        with vault.transaction() as tx:
            answered = requests.answer(tx, person, ctx.record_ids, sha)
            tx.audit("subject.export", f"person {person.id}", {
                "file": out.name, "sha256": sha, "cases": refs,
                "evidence": sorted(included), "requests": answered,
                "unmasked": sorted(confirmed), "encrypted": passphrase is not None},
                case_ref=cases[person.case_id].ref)
        partial.commit()  # after the audit entry: nothing leaves the vault unlogged
    except BaseException:
        partial.discard()
        raise
    return SubjectExport(out, sha, person.id, refs, sorted(included), ctx.left_out, answered,
                         [a.to_json() for a in attached], passphrase is not None)


