"""Benchmark: a confrontation print of 20 phone screenshots with masks, against rendering
the same pages without masks in the same run (issue 18).

Workload: 20 drawn chat screenshots (1170 x 2532, an iPhone's size; quick mode: 5) in one
case with four pupils, each screenshot with 60 OCR word boxes of which a dozen are names
(about nine of them other children's). The boxes are given, as a stored OCR reading gives
them: OCR itself is the ``ocr`` benchmark's business. ``print_masked_s`` is planning the print
(reading each original from the vault, finding the masks in the word boxes) and rendering
the PDF with the boxes drawn in; the floor ``print_plain_s`` plans and renders the same
pages with no words and no masks. Target: at most 1.5x the floor and under 10 s.

Run: ``python benchmarks/prints.py [--quick]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

NAMES = ("Daan", "Sanne", "Lotte", "Milan")
WORDS = ("haha", "kijk", "dan", "morgen", "school", "echt", "niet", "waarom", "stop", "foto")


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    block: int
    par: int
    line: int


def words_of(seed: int) -> list[Word]:
    """60 word boxes on a 1170 x 2532 screenshot, 12 of them names."""
    out = []
    for n in range(60):
        line, col = divmod(n, 5)
        text = NAMES[(n + seed) % 4] if n % 5 == 0 else WORDS[(n * 7 + seed) % len(WORDS)]
        out.append(Word(text, 60 + col * 200, 320 + line * 170, 150, 48, 1, 1, line))
    return out


def main(quick: bool) -> None:
    count = 5 if quick else 20
    os.environ.setdefault("CYBERCASE_KDF", "fast")
    from cybercase.cases.cases import create_case
    from cybercase.cases.people import add_person
    from cybercase.demo.chatshots import chat_png
    from cybercase.documents import confront_pdf
    from cybercase.evidence.ingest import ingest
    from cybercase.privacy.confront import ImagePage, plan_print
    from cybercase.privacy.masking import WordBox
    from cybercase.vault import Vault

    with tempfile.TemporaryDirectory(prefix="cybercase-bench-") as tmp:
        root = Path(tmp)
        paths = []
        for n in range(count):
            path = root / f"Screenshot_{n:02d}.png"
            path.write_bytes(chat_png(seed=n, dark=n % 2 == 1, title=f"Groep 7b ({n + 1})"))
            paths.append(str(path))
        vault, _ = Vault.create(root / "vault", "bench", "correct horse battery staple")
        try:
            ref = create_case(vault, "benchmark").ref
            daan = add_person(vault, ref, "Daan de Boer", "pupil", role="bully").id
            for name in ("Sanne Visser", "Lotte Mulder", "Milan Bos"):
                add_person(vault, ref, name, "pupil")
            ids = [r.id for r in ingest(vault, ref, paths, workers=0) if r.id is not None]
            boxes = {item_id: words_of(n) for n, item_id in enumerate(ids)}

            def given(_vault: Vault, item_id: int) -> Sequence[WordBox] | None:
                return boxes[item_id]

            def none(_vault: Vault, item_id: int) -> Sequence[WordBox] | None:
                return None

            def run(words: object) -> tuple[float, int, int]:
                start = time.perf_counter()
                plan = plan_print(vault, ref, daan, ids, words=words)  # type: ignore[arg-type]
                pdf, pages = confront_pdf.render(plan, "OBS De Pirouette",
                                                 "2026-12-03T08:43:00Z")
                masks = sum(len(p.masks()) for p in plan.pages if isinstance(p, ImagePage))
                assert pdf.startswith(b"%PDF-")
                return time.perf_counter() - start, pages, masks

            run(none)  # warm-up: fonts, Babel, imports
            plain, masked = [], []
            for _ in range(3):  # interleaved: a busy machine slows both alike
                plain.append(run(none))
                masked.append(run(given))
            plain_s, plain_pages, _ = min(plain)
            masked_s, pages, masks = min(masked)
        finally:
            vault.close()
        expected = sum(w.text != "Daan" and w.text in NAMES for ws in boxes.values()
                       for w in ws)
        if pages != plain_pages or masks != expected:
            raise SystemExit(f"masked print: {pages} pages, {masks} masks; plain: {plain_pages}")
        print(f"print_screenshots: {count} ({pages} pages, {masks} masks)")
        print(f"print_masked_s: {masked_s:.2f} s")
        print(f"print_plain_s: {plain_s:.2f} s")
        print(f"print_masked_vs_floor: {masked_s / plain_s:.2f}")
        print(f"print_target_met: {int(masked_s <= 1.5 * plain_s and masked_s < 10.0)}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main("--quick" in sys.argv)
