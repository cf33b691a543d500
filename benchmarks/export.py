"""Benchmark: the police bundle export against a floor and the `bagit` tool (issue 7).

Workload: 500 evidence items of 1 MB (quick mode: 40), random bytes (not images), in one
case. Every measurement is repeated (3 rounds, interleaved; quick: 1) and the median is
printed, because the machine is shared.

- floor (as the issue defines it): read every blob from the vault (same connection) and
  write it into a stored ZIP, one pass, no hashing, no fsync.
- export: ``export_case`` (SHA-256 and SHA-512 per file, manifests, evidence.json/csv,
  custody.csv, report.pdf, Ed25519 signature, the bundle's own SHA-256, fsync, audit).
- bagit: the Library of Congress ``bagit`` package (``make_bag``, its defaults:
  checksums sha256+sha512, processes=1) bagging the same 500 files already on disk and hot
  in the page cache. ``make_bag`` moves the files into ``data/`` (no copy) and writes no
  ZIP, so it does less than the export: no decryption, no copy, no ZIP.
- vault_read: only decrypting the blobs out of the vault (no writing): the part of the
  floor that bagit never pays. ``floor_vs_bagit`` and ``vault_read_vs_bagit`` show how
  much of the gap to bagit is inherent.
- floor_hashed: the floor plus the hashing any conforming bundle needs (SHA-256 and
  SHA-512 of every file for the manifests, SHA-256 of the whole ZIP for the audit log),
  in one thread: the least work a correct export does. Its CPU time against the floor's
  shows what the export must add whatever its design; only a second core can hide it.
  It is the least *payload* work: a correct bundle also needs what floor_hashed leaves
  out, and the export pays it in CPU whatever its design (measured, issue 19, 500 items):
  the Dutch report (report.pdf, one page per item: ~0.6-0.8 s CPU, 1.2-1.6 ms per item,
  built on its own thread), the records (evidence.json/csv, custody.csv: ~0.14 s), the
  register row, audit entries and handover sheet (~0.2 s) and the fsync of the bundle
  (the data written to disk; floor_hashed leaves it in the page cache). Together ~1.2-1.8 s
  CPU beside floor_hashed's ~2.8-3.4 s: the 1.1 target is within reach only when the
  export gets both cores (the overlap hides them), not on a shared machine where other
  processes take one core.

Targets (issue 19, restating issue 7's): ``export_vs_floor_hashed`` = export time /
floor_hashed time, at most 1.1; ``export_vs_decrypt_bagit`` = export time / (vault_read +
bagit) time, the work of decrypting the blobs plus bagging the same files with the bagit
tool, at most 1.2. Each ratio is taken within one round (same load) and the median over
the rounds is printed, with the machine's load average before and after the run.
``export_report_per_item_ms`` is the report's own build time divided by the items (it
runs beside the writer, so it is apart from the export's wall clock), and
``export_report_cpu_per_item_ms`` the CPU its thread used, per item (less load-dependent).
Older ratios kept for comparison: ``export_vs_floor`` (issue 7: 1.5), ``export_vs_bagit``.
``export_phase_*`` is the export's own wall-clock breakdown (ExportResult.timings);
``*_cpu_s`` the CPU time (all threads) each took: on a loaded machine the wall clock
varies a lot, the work done much less.

Run: ``python benchmarks/export.py [--quick]``.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

MB = 1024 * 1024
PASS = "benchmark passphrase"


def _cpu() -> float:
    """CPU seconds (user + system) of this process so far, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(quick: bool) -> None:
    os.environ.setdefault("CYBERCASE_KDF", "fast")
    import bagit

    from cybercase.cases.cases import create_case
    from cybercase.evidence import ingest
    from cybercase.evidence.items import list_items
    from cybercase.evidence.store import read_chunks
    from cybercase.export.bundle import export_case
    from cybercase.vault import Vault

    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    count = 40 if quick else 500
    rounds = 1 if quick else 3
    times: dict[str, list[float]] = {
        "floor": [], "export": [], "bagit": [], "vault_read": [], "floor_hashed": [],
    }
    cpu: dict[str, list[float]] = {name: [] for name in times}
    phases: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="cybercase-bench-") as tmp:
        root = Path(tmp)
        src = root / "src"
        src.mkdir()
        for n in range(count):
            (src / f"item{n:04d}.bin").write_bytes(os.urandom(MB))
        vault, _ = Vault.create(root / "vault", "bench", PASS, school="Benchmark School")
        with vault:
            ref = create_case(vault, "benchmark").ref
            ingest(vault, ref, [str(src)])
            items = list_items(vault, ref)
            assert len(items) == count
            for n in range(rounds):
                start, cpu_start = time.perf_counter(), _cpu()
                with zipfile.ZipFile(root / "floor.zip", "w", zipfile.ZIP_STORED) as zf:
                    for item in items:
                        with zf.open(f"bag/data/{item.id}.bin", "w", force_zip64=True) as dst:
                            for chunk in read_chunks(vault.conn, item.blob_id):
                                dst.write(chunk)
                times["floor"].append(time.perf_counter() - start)
                cpu["floor"].append(_cpu() - cpu_start)
                (root / "floor.zip").unlink()

                start, cpu_start = time.perf_counter(), _cpu()
                whole = hashlib.sha256()
                with zipfile.ZipFile(root / "floor.zip", "w", zipfile.ZIP_STORED) as zf:
                    for item in items:
                        h256, h512 = hashlib.sha256(), hashlib.sha512()
                        with zf.open(f"bag/data/{item.id}.bin", "w", force_zip64=True) as dst:
                            for chunk in read_chunks(vault.conn, item.blob_id):
                                h256.update(chunk)
                                h512.update(chunk)
                                whole.update(chunk)
                                dst.write(chunk)
                times["floor_hashed"].append(time.perf_counter() - start)
                cpu["floor_hashed"].append(_cpu() - cpu_start)
                (root / "floor.zip").unlink()

                start, cpu_start = time.perf_counter(), _cpu()
                for item in items:
                    for chunk in read_chunks(vault.conn, item.blob_id):
                        del chunk
                times["vault_read"].append(time.perf_counter() - start)
                cpu["vault_read"].append(_cpu() - cpu_start)

                start, cpu_start = time.perf_counter(), _cpu()
                result = export_case(vault, ref, root / "bundle.zip")
                times["export"].append(time.perf_counter() - start)
                cpu["export"].append(_cpu() - cpu_start)
                for phase, seconds in getattr(result, "timings", {}).items():
                    phases.setdefault(phase, []).append(seconds)
                (root / "bundle.zip").unlink()
                result.handover.unlink()  # the sheet beside it: the next round writes it anew

                bag_dir = root / f"bag{n}"
                shutil.copytree(src, bag_dir)
                start, cpu_start = time.perf_counter(), _cpu()
                bagit.make_bag(str(bag_dir), checksums=["sha256", "sha512"], processes=1)
                times["bagit"].append(time.perf_counter() - start)
                cpu["bagit"].append(_cpu() - cpu_start)
                shutil.rmtree(bag_dir)

    med = {name: statistics.median(values) for name, values in times.items()}
    total = count * MB / MB
    print(f"export_items: {count} x 1 MB, median of {rounds} round(s)")
    print("export_bagit_settings: bagit "
          f"{getattr(bagit, 'VERSION', '?')} make_bag checksums=sha256,sha512 processes=1, "
          "files hot in the page cache, moved into data/, no ZIP")
    for name in ("export", "floor", "floor_hashed", "bagit", "vault_read"):
        rounds_s = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"export_{name}_s: {med[name]:.2f} s "
              f"({total / med[name]:.0f} MB/s; rounds {rounds_s})")
    for name in ("export", "floor", "floor_hashed", "bagit", "vault_read"):
        print(f"export_{name}_cpu_s: {statistics.median(cpu[name]):.2f} s")
    for phase, values in phases.items():
        print(f"export_phase_{phase}_s: {statistics.median(values):.3f} s")
    if "report" in phases:
        per_item = statistics.median(phases["report"]) / count * 1000
        print(f"export_report_per_item_ms: {per_item:.2f} ms")
    if "report_cpu" in phases:
        per_item = statistics.median(phases["report_cpu"]) / count * 1000
        print(f"export_report_cpu_per_item_ms: {per_item:.2f} ms (the report thread's CPU)")
    decrypt_bagit = [a + b for a, b in zip(times["vault_read"], times["bagit"], strict=True)]
    print(f"export_decrypt_bagit_s: {statistics.median(decrypt_bagit):.2f} s")
    for label, theirs_times, target in (
            ("export_vs_floor_hashed", times["floor_hashed"], 1.1),
            ("export_vs_decrypt_bagit", decrypt_bagit, 1.2)):
        ratio = statistics.median(a / b for a, b in zip(times["export"], theirs_times,
                                                        strict=True))
        verdict = "met" if ratio <= target else "NOT met"
        print(f"{label}: {ratio:.2f} (target at most {target}: {verdict})")
    if load_before is not None:
        after = os.getloadavg()
        print(f"export_load_avg: before {load_before[0]:.2f} {load_before[1]:.2f}, "
              f"after {after[0]:.2f} {after[1]:.2f} (1 and 5 min; {os.cpu_count()} CPUs)")
    # ratios per round (same load on the shared machine), then their median
    for label, ours, theirs in (("export_vs_floor", "export", "floor"),
                                ("export_vs_bagit", "export", "bagit"),
                                ("export_floor_hashed_vs_floor", "floor_hashed", "floor"),
                                ("export_floor_vs_bagit", "floor", "bagit"),
                                ("export_vault_read_vs_bagit", "vault_read", "bagit")):
        ratios = [a / b for a, b in zip(times[ours], times[theirs], strict=True)]
        print(f"{label}: {statistics.median(ratios):.2f}")
    for ours, theirs in (("export", "floor"), ("floor_hashed", "floor"),
                         ("export", "floor_hashed")):
        ratios = [a / b for a, b in zip(cpu[ours], cpu[theirs], strict=True)]
        print(f"export_cpu_{ours}_vs_{theirs}: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main("--quick" in sys.argv[1:])
