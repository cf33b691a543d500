"""The app on big vaults: unlock to first paint of the dashboard, and key to repaint when
scrolling the evidence table, for a small and a big vault side by side.

Vaults (full run; ``--quick`` uses a tenth of the cases and 1/25 of the items):

- small: 50 open cases, 500 evidence items in the first case;
- big: 5,000 open cases, 50,000 evidence items in the first case (the worst case for the
  evidence table: every item in one case).

How they are built fast: the rows are written directly inside ONE vault transaction (one
commit instead of one per case/item): cases with their first phase-history entry, every
item with its own tiny content (``evidence N``, so the per-case unique content rule
holds) in ``blobs``/``blob_chunks`` and an ``evidence.ingest`` audit entry each, so the
audit log and the last-activity lookups are as big as real use makes them. Ingest itself
(file reading, sniffing, image decoding) is measured in ``benchmarks/ingest.py``; this
benchmark is about what the app reads and paints. Key derivation uses the cheap test
parameters (``CYBERCASE_KDF=fast``): the real Argon2id cost is in ``benchmarks/vault.py``.

What is timed, under Textual's headless Pilot at 120x40:

- ``first_paint``: from handing the open vault to the app (the ``Unlocked`` message the
  unlock worker posts) until the compositor has produced the dashboard's first frame
  (``App._display`` called for the dashboard screen); median of 3 fresh apps.
- ``scroll_key``: per ``down`` key on the evidence table (cursor moves, the item's
  metadata is read and shown) and per ``pagedown``, from posting the key until the next
  frame; median and 95th percentile.

Targets: first paint under 0.5 s, scrolling under 50 ms a key, both independent of size:
``*_vs_floor`` lines give big / small, the small vault measured in the same run being the
floor.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark passphrase 2026"
USER = "anna"
SIZE = (120, 40)


def build(path: Path, cases: int, items: int) -> None:
    """A vault with ``cases`` open cases and ``items`` evidence items in the first one."""
    from cybercase.cases.cases import create_case
    from cybercase.core.timeutil import now_iso
    from cybercase.vault import Vault

    vault, _ = Vault.create(path, USER, PASSPHRASE, school="Benchmark school")
    try:
        first = create_case(vault, "Benchmark case with all the evidence", "8a", 2)
        protocol_row = vault.conn.execute(
            "SELECT protocol_row FROM cases WHERE id = ?", (first.id,)).fetchone()[0]
        year = first.ref.split("-")[0]
        now = now_iso()
        with vault.transaction() as tx:
            for n in range(2, cases + 1):
                ref = f"{year}-{n:03d}"  # as next_ref numbers them
                cur = tx.execute(
                    "INSERT INTO cases(ref, title, group_name, phase, status, created_at,"
                    " created_by, updated_at, protocol_row) VALUES (?,?,?,?,'open',?,?,?,?)",
                    (ref, f"Case {n}: messages in a class chat", f"{n % 8 + 1}b",
                     n % 6 + 1, now, USER, now, protocol_row))
                tx.execute(
                    "INSERT INTO phase_changes(case_id, from_phase, to_phase, at, by, reason)"
                    " VALUES (?, NULL, ?, ?, ?, 'case opened')",
                    (cur.lastrowid, n % 6 + 1, now, USER))
                tx.audit("case.create", f"case {ref}", {"title": f"Case {n}"}, case_ref=ref)
            for i in range(items):
                data = f"evidence {i}".encode()
                sha = hashlib.sha256(data).hexdigest()
                cur = tx.execute(
                    "INSERT INTO blobs(sha256, size, chunk_size, chunks, created_at)"
                    " VALUES (?,?,?,1,?)", (sha, len(data), 1024 * 1024, now))
                blob_id = cur.lastrowid
                tx.execute("INSERT INTO blob_chunks(blob_id, n, data) VALUES (?,0,?)",
                           (blob_id, data))
                name = f"screenshot_{i:05d}.png"
                cur = tx.execute(
                    "INSERT INTO evidence_items(case_id, blob_id, sha256, size, mime,"
                    " original_name, original_name_raw, extension, source_path, file_mtime,"
                    " ingested_at, ingested_by, flags, stated)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (first.id, blob_id, sha, len(data), "image/png", name, name.encode(),
                     ".png", f"/media/usb/{name}", now, now, USER, "[]",
                     json.dumps({"description": f"Chat message {i} in the class group"})))
                tx.audit("evidence.ingest", f"evidence {cur.lastrowid}",
                         {"sha256": sha, "size": len(data)}, case_ref=first.ref)
    finally:
        vault.close()


class Frames:
    """Records when the app produces a frame, per screen (hooks App._display)."""

    def __init__(self, app: Any) -> None:
        self.times: list[tuple[float, Any]] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.times.append((time.perf_counter(), screen))
            original(screen, renderable)

        app._display = display

    def after(self, start: float, screen_type: type) -> float | None:
        for when, screen in self.times:
            if when >= start and isinstance(screen, screen_type):
                return when
        return None


async def _wait(predicate: Any, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.001)


async def first_paint(path: Path, settings_file: Path) -> float:
    from cybercase.tui.app import make_app
    from cybercase.tui.dashboard.screen import DashboardScreen
    from cybercase.tui.screens.unlock import Unlocked, UnlockScreen
    from cybercase.tui.settings import AppSettings
    from cybercase.vault import Vault

    app = make_app(path, settings=AppSettings(language="en"), settings_file=settings_file)
    async with app.run_test(size=SIZE) as pilot:
        await _wait(lambda: isinstance(app.screen, UnlockScreen))
        await pilot.pause()
        frames = Frames(app)
        vault = Vault.open(path, USER, PASSPHRASE)  # the unlock worker's part, not timed
        start = time.perf_counter()
        app.screen.post_message(Unlocked(vault))
        await _wait(lambda: frames.after(start, DashboardScreen) is not None)
        painted = frames.after(start, DashboardScreen)
        assert painted is not None
        await pilot.pause()
        return painted - start


async def scroll(path: Path, settings_file: Path, keys: int) -> dict[str, list[float]]:
    from textual.widgets import Input

    from cybercase.tui.app import make_app
    from cybercase.tui.case.evidence import EvidencePane
    from cybercase.tui.case.screen import CaseScreen
    from cybercase.tui.dashboard.screen import DashboardScreen
    from cybercase.tui.settings import AppSettings
    from cybercase.tui.widgets.virtual_table import VirtualTable

    app = make_app(path, settings=AppSettings(language="en"), settings_file=settings_file)
    out: dict[str, list[float]] = {"down": [], "pagedown": []}
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await _wait(lambda: isinstance(app.screen, DashboardScreen))
        await pilot.pause()
        await pilot.press("home", "enter")  # the first case holds the items
        await _wait(lambda: isinstance(app.screen, CaseScreen))
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        screen.show_tab("evidence")
        await pilot.pause()
        table = screen.query_one(EvidencePane).query_one(VirtualTable)
        table.focus()
        await pilot.pause()
        frames = Frames(app)
        for key, count in (("down", keys), ("pagedown", 3)):
            await pilot.press("home")
            await pilot.pause()
            for _ in range(count):
                before = table.cursor_row
                start = time.perf_counter()
                await pilot.press(key)
                await _wait(lambda s=start: frames.after(s, CaseScreen) is not None)
                painted = frames.after(start, CaseScreen)
                assert painted is not None and table.cursor_row > before
                out[key].append(painted - start)
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main(quick: bool) -> None:
    os.environ["CYBERCASE_KDF"] = "fast"
    sizes = [("small", 5, 100), ("big", 500, 2_000)] if quick else \
        [("small", 50, 500), ("big", 5_000, 50_000)]
    keys = 30 if quick else 100
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings_file = Path(tmp) / "app.json"
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        for label, cases, items in sizes:
            path = Path(tmp) / label
            start = time.perf_counter()
            build(path, cases, items)
            print(f"build_{label}: {cases} cases, {items} items in "
                  f"{time.perf_counter() - start:.1f} s", flush=True)
            paints = [asyncio.run(first_paint(path, settings_file)) for _ in range(3)]
            scrolled = asyncio.run(scroll(path, settings_file, keys))
            results[label] = {
                "items": items,
                "paint": statistics.median(paints),
                "down": statistics.median(scrolled["down"]),
                "down_p95": _p95(scrolled["down"]),
                "page": statistics.median(scrolled["pagedown"]),
            }
    small, big = results["small"], results["big"]
    n_small, n_big = int(small["items"]), int(big["items"])
    for key, name, unit in (("paint", "first_paint", "s"), ("down", "scroll_key", "ms"),
                            ("down_p95", "scroll_key_p95", "ms"),
                            ("page", "scroll_page", "ms")):
        scale = 1.0 if unit == "s" else 1000.0
        fmt = ".3f" if unit == "s" else ".1f"
        print(f"{name}_{n_small}: {small[key] * scale:{fmt}} {unit}")
        print(f"{name}_{n_big}: {big[key] * scale:{fmt}} {unit}")
        print(f"{name}_{n_big}_vs_floor: {big[key] / small[key]:.2f}")
    print(f"first_paint_target: {'met' if big['paint'] < 0.5 else 'MISSED'} (< 0.5 s)")
    print(f"scroll_target: {'met' if big['down_p95'] < 0.05 else 'MISSED'} (< 50 ms a key)")


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
