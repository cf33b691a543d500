"""Near-duplicates on realistic chat screenshots (issue #20, item 6): screenshots of one
chat layout with different text must not look alike; one screenshot recompressed, resized
or forwarded must. Real Pillow images, the real analyser (tests/chatshots.py)."""

from __future__ import annotations

from itertools import combinations

from cybercase.evidence import imaging, near
from tests.chatshots import CHANGES, chat_screenshot, encode


def _hashes(data: bytes) -> dict[str, object]:
    info = imaging.analyse(data)
    assert info.fhash and len(info.fhash) == imaging.FINE_BITS // 4
    return info.to_json()


def test_different_chat_screenshots_of_one_layout_do_not_look_alike() -> None:
    shots = [_hashes(encode(chat_screenshot(seed))) for seed in range(8)]
    old_rule = [{"dhash": s["dhash"], "ahash": s["ahash"]} for s in shots]
    # the 64-bit hashes alone collide on a shared layout: the reason for the fine hash
    assert any(near.looks_alike(a, b) for a, b in combinations(old_rule, 2))
    for a, b in combinations(shots, 2):
        assert near.near_distance(a, b) is None


def test_the_same_screenshot_changed_looks_alike() -> None:
    for seed in (1, 2):
        image = chat_screenshot(seed)
        original = _hashes(encode(image))
        for name, change in CHANGES.items():
            changed = _hashes(encode(change(image).convert("RGB"), "JPEG", quality=90))
            distance = near.near_distance(original, changed)
            assert distance is not None, name
            assert distance <= imaging.FINE_NEAR_BITS


def test_items_without_a_fine_hash_keep_the_old_rule() -> None:
    a = {"dhash": "0" * 16, "ahash": "f" * 16}
    close = {"dhash": "0" * 14 + "ff", "ahash": "f" * 16, "fhash": "0" * 256}
    far = {"dhash": "0" * 12 + "ffff", "ahash": "f" * 16}
    assert near.near_distance(a, close) == 8
    assert near.near_distance(a, far) is None
