"""The register of exports: every police bundle the vault made, with the values the school
reads out by phone when the police check one (the ZIP's SHA-256 and the key fingerprint).

Need to know: bundles of a case the user may not see are left out.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from cybercase.cases.access import check_ref, hidden_refs
from cybercase.documents.handover import SUFFIX
from cybercase.vault import Vault


@dataclass(frozen=True)
class ExportRecord:
    id: int
    case: str
    kind: str
    file: str
    sha256: str
    fingerprint: str
    items: list[int]
    encrypted: bool
    created_at: str
    created_by: str

    @property
    def handover(self) -> str:
        """The handover sheet's file name (written beside the ZIP)."""
        stem = self.file[:-4] if self.file.lower().endswith(".zip") else self.file
        return stem + SUFFIX

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "handover": self.handover}


def list_exports(vault: Vault, ref: str | None = None) -> list[ExportRecord]:
    """The exports (of case ``ref``, or of every case the user may see), newest first."""
    vault.require("case.read")
    if ref is not None:
        check_ref(vault, ref)
    hidden = hidden_refs(vault)
    rows = vault.conn.execute(
        "SELECT id, case_ref, kind, file_name, sha256, fingerprint, items, encrypted,"
        " created_at, created_by FROM exports WHERE ? IS NULL OR case_ref = ?"
        " ORDER BY id DESC", (ref, ref))
    return [ExportRecord(int(i), case, kind, name, sha, fp, list(json.loads(items)),
                         bool(enc), at, by)
            for i, case, kind, name, sha, fp, items, enc, at, by in rows
            if case not in hidden]
