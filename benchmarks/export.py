"""Benchmark: the police bundle export against a floor and the `bagit` tool (issue 7).

Workload: 500 evidence items of 1 MB (quick mode: 40), non-images, in one case.

- floor: the least any export must do, measured in the same run: read every blob from the
  vault (same connection) and write it into a stored ZIP, one pass, no hashing.
- export: ``export_case`` (two hashes per file, manifests, report.pdf, signature, fsync).
- bagit: the Library of Congress ``bagit`` package making a bag (SHA-256 + SHA-512) of
  the same files already on disk (its ZIP step not even counted).

``export_vs_floor`` = export time / floor time (target at most 1.5);
``export_vs_bagit`` = export time / bagit time (target below 1.0).

Run: ``python benchmarks/export.py [--quick]``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

MB = 1024 * 1024
PASS = "benchmark passphrase"


def main(quick: bool) -> None:
    os.environ.setdefault("CYBERCASE_KDF", "fast")
    import bagit

    from cybercase.cases.cases import create_case
    from cybercase.evidence import ingest
    from cybercase.evidence.items import list_items
    from cybercase.evidence.store import read_chunks
    from cybercase.export.bundle import export_case
    from cybercase.vault import Vault

    count = 40 if quick else 500
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

            start = time.perf_counter()
            with zipfile.ZipFile(root / "floor.zip", "w", zipfile.ZIP_STORED) as zf:
                for item in items:
                    with zf.open(f"bag/data/{item.id}.bin", "w", force_zip64=True) as dst:
                        for chunk in read_chunks(vault.conn, item.blob_id):
                            dst.write(chunk)
            floor = time.perf_counter() - start

            start = time.perf_counter()
            export_case(vault, ref, root / "bundle.zip")
            exported = time.perf_counter() - start

        start = time.perf_counter()
        bagit.make_bag(str(src), checksums=["sha256", "sha512"])
        bagged = time.perf_counter() - start
        shutil.rmtree(src)

    total = count * MB
    print(f"export_items: {count} x 1 MB")
    print(f"export_mb_per_s: {total / MB / exported:.1f} MB/s")
    print(f"export_floor_mb_per_s: {total / MB / floor:.1f} MB/s")
    print(f"export_bagit_mb_per_s: {total / MB / bagged:.1f} MB/s")
    print(f"export_vs_floor: {exported / floor:.2f}")
    print(f"export_vs_bagit: {exported / bagged:.2f}")


if __name__ == "__main__":
    main("--quick" in sys.argv[1:])
