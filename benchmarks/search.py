"""Benchmark: search p95 over 50,000 items and 1,000,000 chat messages (issue 17).

The vault is filled directly (the benchmark is about searching, not about ingest): 50
cases, 50,000 image items with a description on every fifth and an OCR reading each
(Dutch chat words), 25 chat exports of 40,000 messages (quick: 2,000 items and 40,000
messages). One case is restricted to its coordinator. Then a mix of queries (rare, common,
prefixes, two words, diacritics, no hit) runs through ``views.search.search``, every
source, as the coordinator and as a colleague who may not see the restricted case.
The floor is the bare FTS5 lookups on the same indexes (``MATCH ... ORDER BY rowid
LIMIT 50`` on the message and OCR indexes, no joins, no need-to-know). Target: p95 under
50 ms.

Run: ``python benchmarks/search.py [--quick]``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

PASS = "correct horse battery staple"
WORDS = ("jij", "stinkt", "echt", "waar", "haha", "wat", "doe", "je", "morgen", "op", "school",
         "niemand", "vindt", "leuk", "kom", "nou", "ik", "zeg", "het", "tegen", "juf", "is",
         "de", "toets", "oké", "foto", "groep", "gym", "pauze", "huil", "lekker", "loser",
         "één", "keer", "nog", "eruit")
NAMES = ("Daan", "Sem", "Sanne", "Jan-Willem", "Noor", "Lotte", "Milan", "Zoë")
QUERIES = ("stinkt", "stin", "niemand wil", "morgen school", "Daan", "een keer", "één",
           "xyzzy", "je", "huil lekker", "foto groep", "Zoe", "pauze", "juf toets",
           "loser", "jan-willem", "gym", "ok", "lekker loser", "screenshot")


def fill(vault: object, items: int, messages: int) -> None:
    from cybercase.vault import Vault

    assert isinstance(vault, Vault)
    rnd = random.Random(17)
    conn = vault.conn
    now = "2026-12-03T10:00:00Z"
    with vault.transaction():
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('ocr_auto', 'off')")
        for c in range(1, 51):
            conn.execute("INSERT INTO cases(id, ref, title, phase, status, created_at,"
                         " created_by, updated_at) VALUES (?,?,?,1,'open',?,'bench',?)",
                         (c, f"2026-{c:03d}", f"Zaak {c} groep {c % 8}", now, now))
        conn.execute("INSERT INTO case_access(case_id, user, granted_at, granted_by)"
                     " VALUES (1, 'bench', ?, 'bench')", (now,))
        conn.executemany(
            "INSERT INTO blobs(id, sha256, size, chunk_size, chunks, created_at)"
            " VALUES (?,?,1,1,0,?)", ((i, f"{i:064x}", now) for i in range(1, items + 51)))

        def item_rows() -> object:
            for i in range(1, items + 1):
                stated = {"description": "screenshot van " + " ".join(
                    rnd.choice(WORDS) for _ in range(6))} if i % 5 == 0 else {}
                yield (i, i % 50 + 1, i, f"{i:064x}", 1, "image/png", f"s{i}.png",
                       b"s.png", ".png", "s.png", now, "bench", json.dumps(stated))
        conn.executemany(
            "INSERT INTO evidence_items(id, case_id, blob_id, sha256, size, mime,"
            " original_name, original_name_raw, extension, source_path, ingested_at,"
            " ingested_by, stated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", item_rows())
        conn.executemany(
            "INSERT INTO ocr_readings(item_id, text, words, engine, version, languages,"
            " settings, made_at, made_by) VALUES (?,?,'[]','tesseract','5','nld+eng','{}',?,?)",
            ((i, "\n".join(f"{rnd.choice(NAMES)} " + " ".join(
                rnd.choice(WORDS) for _ in range(8)) for _ in range(6)), now, "bench")
             for i in range(1, items + 1)))
        per_export = 40_000 if messages >= 40_000 else messages
        exports = max(1, messages // per_export)
        next_id = 1
        for e in range(exports):
            item_id = items + 1 + e
            conn.execute(
                "INSERT INTO evidence_items(id, case_id, blob_id, sha256, size, mime,"
                " original_name, original_name_raw, extension, source_path, ingested_at,"
                " ingested_by) VALUES (?,?,?,?,1,'text/plain','chat.txt',x'00','.txt',"
                "'chat.txt',?,'bench')", (item_id, e % 50 + 1, item_id, f"{item_id:064x}", now))
            conn.executemany(
                "INSERT INTO chat_messages(id, item_id, n, line, sender, shown, d1, d2, d3,"
                " hour, minute, text, system) VALUES (?,?,?,?,?,'1-1-2026 10:00','1','1',"
                "'2026',10,0,?,0)",
                ((next_id + n, item_id, n + 1, n + 1, rnd.choice(NAMES),
                  " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 20))))
                 for n in range(per_export)))
            next_id += per_export
            conn.execute(
                "INSERT INTO chat_exports(item_id, layout, order_basis, zone, messages,"
                " notices, participants, parser, imported_at, imported_by)"
                " VALUES (?,'android','values','Europe/Amsterdam',?,0,8,'bench',?,'bench')",
                (item_id, per_export, now))
    for name in ("chat_fts", "ocr_fts", "text_fts"):
        conn.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")


def timed(fn: object, queries: tuple[str, ...], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            fn(q)  # type: ignore[operator]
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def main(quick: bool) -> None:
    os.environ.setdefault("CYBERCASE_KDF", "fast")
    from cybercase.vault import Vault
    from cybercase.views.fulltext import fts_query
    from cybercase.views.search import search

    items, messages = (2_000, 40_000) if quick else (50_000, 1_000_000)
    with tempfile.TemporaryDirectory(prefix="cybercase-bench-") as tmp:
        root = Path(tmp)
        vault, _ = Vault.create(root / "vault", "bench", PASS)
        try:
            start = time.perf_counter()
            fill(vault, items, messages)
            print(f"search_fill_s: {time.perf_counter() - start:.1f} s "
                  f"({items} items, {messages} messages)")
            vault.add_user("colleague", "coordinator", PASS)
            conn = vault.conn

            def floor(q: str) -> None:  # the same two passes, without joins or rules
                for name in ("chat_fts", "ocr_fts"):
                    found = 0
                    for match in (fts_query(q, prefix=False), fts_query(q, last_only=True)):
                        if found < 50:
                            found += len(conn.execute(
                                f"SELECT rowid FROM {name} WHERE {name} MATCH ?"
                                " ORDER BY rowid LIMIT 50", (match,)).fetchall())

            timed(floor, QUERIES, 1)  # warm the cache for both
            floor_ms = timed(floor, QUERIES, 3)
            ours_ms = timed(lambda q: search(vault, q), QUERIES, 3)
            other = Vault.open(root / "vault", "colleague", PASS)
            try:
                timed(lambda q: search(other, q), QUERIES, 1)  # its own connection: warm it
                other_ms = timed(lambda q: search(other, q), QUERIES, 3)
            finally:
                other.close()
        finally:
            vault.close()
    worst = max(p95(ours_ms), p95(other_ms))
    print(f"search_p50_ms: {statistics.median(ours_ms):.1f} ms")
    print(f"search_p95_ms: {p95(ours_ms):.1f} ms (target < 50: "
          f"{'met' if p95(ours_ms) < 50 else 'NOT met'})")
    print(f"search_p95_need_to_know_ms: {p95(other_ms):.1f} ms (a user without access to "
          f"one case; target < 50: {'met' if p95(other_ms) < 50 else 'NOT met'})")
    print(f"search_floor_p95_ms: {p95(floor_ms):.1f} ms")
    print(f"search_vs_floor: {worst / max(p95(floor_ms), 0.01):.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main("--quick" in sys.argv)
