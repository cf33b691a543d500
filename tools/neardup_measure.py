"""Measure the near-duplicate rule on realistic chat screenshots (docs/evidence.md).

``python tools/neardup_measure.py [N]`` draws N screenshots of one chat layout with
different text (tests/chatshots.py), changes each in the ways a screenshot comes back
(recompressed, resized, forwarded), and prints for every candidate hash the largest
distance between a screenshot and its own changed copies and the smallest between two
different screenshots, then the false-positive rate of the rule cybercase uses.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from chatshots import CHANGES, chat_screenshot, encode  # noqa: E402
from cybercase.evidence import imaging, near  # noqa: E402


def _grid(img: Image.Image, w: int, h: int) -> bytes:
    return img.convert("L").resize((w, h), Image.Resampling.BOX).tobytes()


def dhash_n(img: Image.Image, n: int) -> int:
    px = _grid(img, n + 1, n)
    return sum(1 << i for i, (r, c) in enumerate((r, c) for r in range(n) for c in range(n))
               if px[r * (n + 1) + c] < px[r * (n + 1) + c + 1])


def ahash_n(img: Image.Image, n: int) -> int:
    px = _grid(img, n, n)
    mean = sum(px) / len(px)
    return sum(1 << i for i, p in enumerate(px) if p > mean)


def fine(img: Image.Image, _n: int) -> int:
    return int(imaging.fine_hash(img), 16)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    originals = [Image.open(io.BytesIO(encode(chat_screenshot(seed)))) for seed in range(count)]
    variants = [[change(img) for change in CHANGES.values()] for img in originals]
    candidates: dict[str, tuple[Callable[[Image.Image, int], int], int]] = {
        f"{kind}{n}": (fn, n) for kind, fn in (("dhash", dhash_n), ("ahash", ahash_n))
        for n in (8, 16, 32)}
    candidates["cybercase fine hash"] = (fine, 0)
    for name, (fn, n) in candidates.items():
        base = [fn(img, n) for img in originals]
        same = max((fn(v, n) ^ base[i]).bit_count()
                   for i, vs in enumerate(variants) for v in vs)
        diff = [(a ^ b).bit_count() for a, b in combinations(base, 2)]
        print(f"{name:22s} same screenshot changed: max {same:4d}   "
              f"different screenshots: min {min(diff):4d} median {sorted(diff)[len(diff) // 2]}")
    infos = [imaging.analyse(encode(img)) for img in originals]
    pairs = list(combinations(range(count), 2))
    false = sum(near.looks_alike(infos[a].to_json(), infos[b].to_json()) for a, b in pairs)
    missed = 0
    for i, vs in enumerate(variants):
        for v in vs:
            info = imaging.analyse(encode(v.convert("RGB"), "JPEG", quality=95))
            missed += not near.looks_alike(infos[i].to_json(), info.to_json())
    old = [{"dhash": i.dhash, "ahash": i.ahash} for i in infos]
    old_false = sum(near.looks_alike(old[a], old[b]) for a, b in pairs)
    print(f"old rule (dHash and aHash of 64 bits within {near.NEAR_BITS}): {old_false} of "
          f"{len(pairs)} pairs of different screenshots look alike "
          f"({100 * old_false / len(pairs):.1f}%)")
    print(f"rule: fine hash within {imaging.FINE_NEAR_BITS} of {imaging.FINE_BITS} bits")
    print(f"false positives: {false} of {len(pairs)} pairs of different screenshots "
          f"({100 * false / len(pairs):.2f}%)")
    print(f"missed: {missed} of {count * len(CHANGES)} changed copies")


if __name__ == "__main__":
    main()
