"""The police evidence bundle: a signed BagIt bag in a ZIP that explains itself.

Need to know: the bundle holds the chosen (non-withdrawn) evidence byte for byte, its
measured and stated facts, the accounts stated with it, the custody log of every item and a
printable Dutch report. It never holds support-group notes, care details or people's
records; ``data/left-out.txt`` says what was left out.

Order of events: the export is written to the audit chain (``export.start``, naming the
items) before any evidence byte leaves the vault, so the custody log inside the bundle
already shows this export. When the bundle is complete, its SHA-256 is recorded in
``exports`` and in the audit chain (``export.done``); a failed export is logged as
``export.failed`` and leaves no file behind.
"""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from cybercase.cases.cases import Case, get_case
from cybercase.core.errors import NotFound, UsageError, VaultCorrupt
from cybercase.core.i18n import msg
from cybercase.core.safefile import check_target
from cybercase.core.timeutil import local_display, local_today, now_iso
from cybercase.documents.handover import (
    HandoverInput,
    build_handover,
    check_handover_target,
    handover_path,
    write_handover,
)
from cybercase.evidence.items import Item, list_items, parse_id
from cybercase.evidence.store import read_chunks
from cybercase.export import bundle_records
from cybercase.export.bagit import (
    BagResult,
    PayloadFile,
    bytes_payload,
    fingerprint,
    safe_name,
    write_bag,
)
from cybercase.export.bundlecheck import bundle_encrypted as bundle_encrypted  # re-exported
from cybercase.export.bundlecheck import verify_bundle as verify_bundle  # re-exported
from cybercase.export.bundlefiles import (
    custody_csv,
    custody_events,
    evidence_csv,
    evidence_file,
    item_record,
    stated_accounts,
    times,
)
from cybercase.export.bundletexts import left_out_text, verify_text
from cybercase.export.signing import signing_key
from cybercase.vault import Vault
from cybercase.vault.settings import get_settings

if TYPE_CHECKING:
    from cybercase.documents.previews import Previews

MIN_PASSPHRASE = 12


@dataclass
class ExportResult:
    ref: str
    path: Path
    sha256: str
    items: list[int]
    left_out: list[int]
    payload_files: int
    payload_bytes: int
    fingerprint: str
    encrypted: bool
    export_id: int  # the row in ``exports``: what a police record points to
    handover: Path  # the handover sheet beside the ZIP
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase (wall clock)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.export_id, "path": str(self.path), "sha256": self.sha256,
            "case": self.ref, "items": self.items, "left_out": self.left_out,
            "payload_files": self.payload_files, "payload_bytes": self.payload_bytes,
            "fingerprint": self.fingerprint, "encrypted": self.encrypted,
            "handover": str(self.handover),
            # earlier names of id and path, kept for scripts written against them
            "export_id": self.export_id, "file": str(self.path),
        }


def _chosen(vault: Vault, case: Case, evidence_ids: list[str] | list[int] | None
            ) -> tuple[list[Item], list[Item], list[Item]]:
    items = list_items(vault, case.ref, include_withdrawn=True)
    withdrawn = [i for i in items if i.withdrawn is not None]
    active = [i for i in items if i.withdrawn is None]
    if not evidence_ids:
        if not active:
            raise UsageError(msg("export.bundle.no_evidence_withdrawn", ref=case.ref)
                             if withdrawn else msg("export.bundle.no_evidence", ref=case.ref))
        return active, withdrawn, []
    by_id = {i.id: i for i in items}
    chosen: list[Item] = []
    for raw in evidence_ids:
        item_id = parse_id(raw)
        item = by_id.get(item_id)
        if item is None:
            raise NotFound(msg("export.bundle.not_in_case", id=item_id, ref=case.ref))
        if item.withdrawn is not None:
            raise UsageError(msg("export.bundle.withdrawn", id=item_id,
                                 when=local_display(str(item.withdrawn["at"]))))
        if item not in chosen:
            chosen.append(item)
    chosen.sort(key=lambda i: i.id)
    not_chosen = [i for i in active if i not in chosen]
    return chosen, withdrawn, not_chosen


def _evidence_payload(vault: Vault, item: Item, file: str, previews: Previews | None
                      ) -> PayloadFile:
    """One item's content, streamed from the vault; its SHA-256 (computed once, by the bag
    writer) must be the one recorded at ingest, or no bundle is written. Images pass
    through ``previews`` on the way, for the report."""

    def check(sha256: str, size: int) -> None:
        if sha256 != item.sha256 or size != item.size:
            raise VaultCorrupt(msg("export.bundle.corrupt", id=item.id))

    def chunks() -> Iterator[bytes]:
        stream = read_chunks(vault.conn, item.blob_id)
        return previews.tee(item, stream) if previews is not None else stream

    return PayloadFile(file, chunks, check)


def check_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError(msg("export.bundle.short_pass", n=len(passphrase), min=MIN_PASSPHRASE))
    return passphrase


def aes_opener(passphrase: str) -> Callable[[BinaryIO], zipfile.ZipFile]:
    import pyzipper

    def opener(fh: BinaryIO) -> zipfile.ZipFile:
        zf: zipfile.ZipFile = pyzipper.AESZipFile(
            fh, "w", compression=pyzipper.ZIP_STORED, encryption=pyzipper.WZ_AES
        )
        zf.setpassword(passphrase.encode("utf-8"))
        zf.setencryption(pyzipper.WZ_AES, nbits=256)  # type: ignore[attr-defined]
        return zf

    return opener


def export_case(
    vault: Vault,
    ref: str,
    out: Path,
    evidence_ids: list[str] | list[int] | None = None,
    encrypt_passphrase: str | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    vault.require("export")
    clock = time.perf_counter()
    timings: dict[str, float] = {}
    case = get_case(vault, ref)
    ref = case.ref
    if encrypt_passphrase is not None:
        check_passphrase(encrypt_passphrase)
    out = Path(out).expanduser()
    chosen, withdrawn, not_chosen = _chosen(vault, case, evidence_ids)
    ids = [i.id for i in chosen]
    key = signing_key(vault)
    fp = fingerprint(key.public_key())
    # the targets' checks (repeated when written) come before anything is logged
    check_target(out, force)
    check_handover_target(out, force)
    settings = get_settings(vault)
    started = now_iso()
    encrypted = encrypt_passphrase is not None
    with vault.transaction() as tx:
        start_seq = tx.audit(
            "export.start", f"case {ref}",
            {"items": ids, "file": out.name, "encrypted": encrypted, "fingerprint": fp},
            case_ref=ref,
        )
    result: BagResult | None = None
    try:
        timings["prepare"] = time.perf_counter() - clock
        result = _write(vault, case, out, chosen, withdrawn, not_chosen, fp, key,
                        encrypt_passphrase, force, progress, started, timings, start_seq)
        clock = time.perf_counter()
        # the register's row, the handover sheet and the audit entry: all or nothing
        with vault.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO exports(case_ref, kind, file_name, sha256, items, encrypted,"
                " fingerprint, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)",
                (ref, "police-bundle", result.path.name, result.sha256, json.dumps(ids),
                 int(encrypted), fp, now_iso(), vault.actor),
            )
            export_id = int(cur.lastrowid)
            sheet = write_handover(result.path, build_handover(HandoverInput(
                settings=settings, ref=ref, export_id=export_id, file_name=result.path.name,
                sha256=result.sha256, fingerprint=fp, items=len(ids), encrypted=encrypted,
                made=started, made_by=vault.actor,
            )), force)
            tx.audit("export.done", f"case {ref}",
                     {"items": ids, "file": result.path.name, "sha256": result.sha256,
                      "export": export_id, "start": start_seq, "encrypted": encrypted,
                      "fingerprint": fp, "handover": sheet.name},
                     case_ref=ref)
        timings["record"] = time.perf_counter() - clock
    except BaseException as exc:
        if result is not None:  # the bundle was written, its record or sheet was not
            for leftover in (result.path, handover_path(result.path)):
                with suppress(OSError):
                    leftover.unlink()
        with vault.transaction() as tx:
            tx.audit("export.failed", f"case {ref}",
                     {"items": ids, "file": out.name, "start": start_seq,
                      "error": type(exc).__name__}, case_ref=ref)
        raise
    return ExportResult(
        ref, result.path, result.sha256, ids, [i.id for i in withdrawn + not_chosen],
        result.payload_files, result.payload_bytes, fp, encrypted, export_id, sheet,
        timings,
    )


def _write(
    vault: Vault, case: Case, out: Path, chosen: list[Item], withdrawn: list[Item],
    not_chosen: list[Item], fp: str, key: Any, passphrase: str | None, force: bool,
    progress: Callable[[int, int], None] | None, started: str, timings: dict[str, float],
    start_seq: int,
) -> BagResult:
    clock = time.perf_counter()
    from cybercase.documents.previews import Previews
    from cybercase.views.timeline import timeline

    timings["imports"] = time.perf_counter() - clock
    clock = time.perf_counter()
    ref = case.ref
    files = [evidence_file(item, n, hide_name=passphrase is not None)
             for n, item in enumerate(chosen, 1)]
    records = [item_record(item, f) for item, f in zip(chosen, files, strict=True)]
    extra = bundle_records.gather(vault, case, chosen)  # before the custody log is read
    events = custody_events(vault, ref, [i.id for i in chosen])
    school = vault.school
    bag_name = f"{ref} bewijs"
    previews = Previews(chosen)
    # everything the report needs is read now: while the bag is written, only the reader
    # thread uses the vault's connection
    case_timeline = timeline(vault, ref)
    payload: list[PayloadFile] = [
        _evidence_payload(vault, item, f, previews if previews.wanted(item) else None)
        for item, f in zip(chosen, files, strict=True)
    ]
    payload.append(bytes_payload(
        "evidence.json",
        json.dumps({"case": ref, "school": school, "exported_by": vault.actor,
                    "exported_at": times(started), "items": records},
                   ensure_ascii=False, indent=2).encode("utf-8") + b"\n",
    ))
    payload.append(bytes_payload("evidence.csv", evidence_csv(records)))
    payload.append(bytes_payload("custody.csv", custody_csv(events)))
    payload.append(bytes_payload("accounts.json", bundle_records.accounts_json(
        stated_accounts(records), extra.accounts)))
    payload.append(bytes_payload("referrals.json", bundle_records.register_json(
        extra.referrals, "takedown referrals")))
    payload.append(bytes_payload("police.json", bundle_records.register_json(
        extra.police, "police records")))
    payload.append(bytes_payload("left-out.txt", left_out_text(ref, withdrawn, not_chosen)))

    def build() -> bytes:
        begin, cpu = time.perf_counter(), time.thread_time()
        # fpdf2 loads here, on the report's thread, while the evidence is written
        from cybercase.documents.report import ReportInput, build_report

        pdf = build_report(ReportInput(
            school=school, coordinator=vault.actor, case=case, chosen=chosen, records=records,
            events=events, timeline=case_timeline, withdrawn=withdrawn, not_chosen=not_chosen,
            started=started, bag_name=safe_name(bag_name),
            preview=previews.get, this_export=start_seq, contact=extra.contact,
            chats=extra.chats, texts=extra.texts, keys=extra.keys, accounts=extra.accounts or [],
            referrals=extra.referrals or [], police=extra.police or [], phases=extra.phases,
        ))
        timings["report"] = time.perf_counter() - begin
        timings["report_cpu"] = time.thread_time() - cpu  # this thread's CPU: load-proof
        return pdf

    reporter = ThreadPoolExecutor(1, thread_name_prefix="cybercase-report")
    timings["records"] = time.perf_counter() - clock
    info = bundle_records.bag_info(extra.contact, school, vault.actor, ref, len(chosen),
                                   local_today().isoformat())
    opener = aes_opener(passphrase) if passphrase is not None else None
    clock = time.perf_counter()
    try:
        # the report is built on its own thread while the evidence is written (it waits
        # for each image's preview as that item streams by); the writer takes it when it
        # gets there
        pdf = reporter.submit(build)
        payload.append(PayloadFile("report.pdf", lambda: iter((pdf.result(),))))
        result = write_bag(out, bag_name, info, payload, {"VERIFY.txt": verify_text(
            ref, safe_name(bag_name), school)}, key, force=force, progress=progress,
            opener=opener)
    finally:
        previews.close()  # releases a report still waiting for a preview
        reporter.shutdown(wait=True, cancel_futures=True)
    timings["bag"] = time.perf_counter() - clock
    timings.update({f"bag_{step}": seconds for step, seconds in result.timings.items()})
    return result
