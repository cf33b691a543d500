"""Benchmark: importing a WhatsApp chat export against a floor measured in the same run.

Workload (issue 17): a generated 40,000-message Dutch Android export (WhatsApp's own cap
for an export without media), with multi-line messages, media placeholders and notices
(quick mode: 4,000). ``chat_import_s`` is the whole ingest of the file: read, hash, store
the original, parse, work out every time in Amsterdam and UTC, write every message into
the vault, one transaction. The floor reads the same file and splits it into messages with
one regular expression, nothing more. Target: the import under 5 s.

Run: ``python benchmarks/chat.py [--quick]``.
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

NAMES = ["Daan", "Sem", "Sanne 🦄", "Jan-Willem", "~\u202fNoor", "Juf Anja", "+31 6 12345678"]
WORDS = ["jij", "stinkt", "echt", "waar", "haha", "wat", "doe", "je", "morgen", "op", "school",
         "niemand", "vindt", "leuk", "kom", "nou", "ik", "zeg", "het", "tegen", "juf", "20-11",
         "is", "de", "toets:", "oké"]


def make_export(path: Path, count: int) -> None:
    rnd = random.Random(17)
    moment = datetime(2026, 9, 1, 7, 30)
    lines = ["01-09-2026 07:30 - Berichten en oproepen zijn end-to-end versleuteld. "
             "Niemand buiten deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet."]
    for _ in range(count - 1):
        moment += timedelta(seconds=rnd.randint(5, 600))
        head = f"{moment:%d-%m-%Y %H:%M} - "
        roll = rnd.random()
        if roll < 0.01:
            lines.append(head + f"{rnd.choice(NAMES)} heeft {rnd.choice(NAMES)} toegevoegd")
        elif roll < 0.05:
            lines.append(head + f"{rnd.choice(NAMES)}: <Media weggelaten>")
        else:
            text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 25)))
            if roll > 0.92:
                text += "\n" + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 12)))
            lines.append(head + f"{rnd.choice(NAMES)}: {text}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


FLOOR = re.compile(r"^\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2} - ", re.M)


def floor(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    parts = FLOOR.split(text)
    return time.perf_counter() - start, len(parts) - 1


def main(quick: bool) -> None:
    count = 4_000 if quick else 40_000
    os.environ.setdefault("CYBERCASE_KDF", "fast")
    from cybercase.cases.cases import create_case
    from cybercase.evidence.chat import list_messages
    from cybercase.evidence.ingest import ingest
    from cybercase.vault import Vault

    with tempfile.TemporaryDirectory(prefix="cybercase-bench-") as tmp:
        root = Path(tmp)
        path = root / "WhatsApp-chat met Groep 7B.txt"
        make_export(path, count)
        floor_s, parts = floor(path)
        vault, _ = Vault.create(root / "vault", "bench", "correct horse battery staple")
        try:
            ref = create_case(vault, "benchmark").ref
            start, cpu = time.perf_counter(), time.process_time()
            [result] = ingest(vault, ref, [str(path)])
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu
            assert result.chat is not None and result.id is not None, result.to_json()
            start = time.perf_counter()
            _summary, messages = list_messages(vault, result.id)
            read_s = time.perf_counter() - start
        finally:
            vault.close()
        if len(messages) != parts:
            raise SystemExit(f"import found {len(messages)} entries, the floor {parts}")
        print(f"chat_messages: {len(messages)} entries ({path.stat().st_size / 1e6:.1f} MB)")
        print(f"chat_import_s: {elapsed:.2f} s")
        print(f"chat_import_cpu_s: {cpu:.2f} s (this process; wall time above includes waiting "
              "for a busy machine)")
        print(f"chat_messages_per_s: {len(messages) / elapsed:.0f} messages/s")
        print(f"chat_floor_s: {floor_s:.3f} s")
        print(f"chat_import_vs_floor: {elapsed / floor_s:.1f}")
        print(f"chat_read_back_s: {read_s:.2f} s")
        print(f"chat_target_5s_met: {int(elapsed < 5.0)}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main("--quick" in sys.argv)
