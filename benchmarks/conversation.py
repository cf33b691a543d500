"""The conversation view of a chat export: first paint and a scroll key, for a 40,000-
message export against a 100-message one measured in the same run (the floor).

Both exports are generated like ``benchmarks/chat.py`` does (Dutch Android layout,
multi-line messages, media placeholders, notices) and imported with the real ingest into
one case (quick mode: 4,000 messages). Key derivation uses the cheap test parameters.

What is timed, under Textual's headless Pilot at 120x40, after unlocking:

- ``first_paint``: from pushing the conversation screen of the export (which reads the
  item, audits the read, counts the messages and reads the first page) until the
  compositor has produced that screen's first frame; median of 5.
- ``scroll_key``: per ``down`` key (the cursor moves one message; the view scrolls when
  it reaches the bottom), from pressing the key until the next frame; median and 95th
  percentile; ``scroll_page`` the same per ``pagedown``; ``scroll_end`` for ``end``.

Targets (issue 17): first paint under 0.3 s and a scroll key under 50 ms on 40,000
messages; ``*_vs_floor`` gives big / small (independent of size: near 1).

Run: ``python benchmarks/conversation.py [--quick]``.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.app import PASSPHRASE, SIZE, USER, Frames, _p95, _wait
from benchmarks.chat import make_export


def build(path: Path, tmp: Path, sizes: list[int]) -> list[int]:
    from cybercase.cases.cases import create_case
    from cybercase.evidence.ingest import ingest
    from cybercase.vault import Vault

    vault, _ = Vault.create(path, USER, PASSPHRASE, school="Benchmark school")
    items = []
    try:
        case = create_case(vault, "Groepsapp 8a", "8a", 2)
        for count in sizes:
            export = tmp / f"WhatsApp-chat {count}.txt"
            make_export(export, count)
            [result] = ingest(vault, case.ref, [str(export)], workers=0)
            assert result.id is not None, result
            items.append(result.id)
    finally:
        vault.close()
    return items


async def measure(path: Path, settings_file: Path, item_id: int, keys: int
                  ) -> dict[str, list[float]]:
    from textual.widgets import Input

    from cybercase.tui.app import make_app
    from cybercase.tui.dashboard.screen import DashboardScreen
    from cybercase.tui.settings import AppSettings
    from cybercase.tui.viewer.chat_screen import ConversationScreen
    from cybercase.tui.viewer.conversation import ConversationView

    app = make_app(path, settings=AppSettings(language="nl"), settings_file=settings_file)
    out: dict[str, list[float]] = {"paint": [], "down": [], "pagedown": [], "end": []}
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await _wait(lambda: isinstance(app.screen, DashboardScreen))
        await pilot.pause()
        frames = Frames(app)
        for _ in range(5):
            start = time.perf_counter()
            app.push_screen(ConversationScreen(item_id))
            await _wait(lambda s=start: frames.after(s, ConversationScreen) is not None)
            painted = frames.after(start, ConversationScreen)
            assert painted is not None
            out["paint"].append(painted - start)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        app.push_screen(ConversationScreen(item_id))
        await pilot.pause()
        view: Any = app.screen.query_one(ConversationView)
        for key, count in (("down", keys), ("pagedown", 8), ("end", 1)):
            await pilot.press("home")
            await pilot.pause()
            for _ in range(count):
                before = view.cursor
                start = time.perf_counter()
                await pilot.press(key)
                await _wait(lambda s=start: frames.after(s, ConversationScreen) is not None)
                painted = frames.after(start, ConversationScreen)
                assert painted is not None and view.cursor > before, (key, view.cursor)
                out[key].append(painted - start)
    return out


def main(quick: bool) -> None:
    os.environ["CYBERCASE_KDF"] = "fast"
    small_n, big_n = 100, 4_000 if quick else 40_000
    keys = 30 if quick else 80  # down keys from the first message (fewer than the floor has)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings_file = tmp / "app.json"
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
        start = time.perf_counter()
        small_item, big_item = build(tmp / "vault", tmp, [small_n, big_n])
        print(f"build: exports of {small_n} and {big_n} messages in "
              f"{time.perf_counter() - start:.1f} s", flush=True)
        results = {}
        for label, item in (("small", small_item), ("big", big_item)):
            got = asyncio.run(measure(tmp / "vault", settings_file, item, keys))
            results[label] = {
                "paint": statistics.median(got["paint"]),
                "down": statistics.median(got["down"]),
                "down_p95": _p95(got["down"]),
                "page": statistics.median(got["pagedown"]),
                "end": got["end"][0],
            }
    small, big = results["small"], results["big"]
    for key, name, unit in (("paint", "chat_first_paint", "s"),
                            ("down", "chat_scroll_key", "ms"),
                            ("down_p95", "chat_scroll_key_p95", "ms"),
                            ("page", "chat_scroll_page", "ms"), ("end", "chat_end_key", "ms")):
        scale = 1.0 if unit == "s" else 1000.0
        fmt = ".3f" if unit == "s" else ".1f"
        print(f"{name}_{small_n}: {small[key] * scale:{fmt}} {unit}")
        print(f"{name}_{big_n}: {big[key] * scale:{fmt}} {unit}")
        print(f"{name}_{big_n}_vs_floor: {big[key] / small[key]:.2f}")
    print(f"chat_first_paint_target: {'met' if big['paint'] < 0.3 else 'MISSED'} (< 0.3 s)")
    print(f"chat_scroll_target: {'met' if big['down_p95'] < 0.05 else 'MISSED'} "
          "(< 50 ms a key, p95)")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(quick="--quick" in sys.argv)
